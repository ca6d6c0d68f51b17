"""``exactorbit verify``: check certificates with the independent checker (exit 0 all valid, 1 one false, 2 malformed)."""

import json
import sys

HELP = "check certificates independently"


def add_arguments(parser):
    """Arguments of ``exactorbit verify``: FILE..., --json, --max-group-order."""
    parser.add_argument("files", nargs="+", metavar="FILE", help="certificate files (JSON)")
    parser.add_argument("--json", action="store_true", help="print a JSON list of {file, ok, reason}")
    parser.add_argument(
        "--max-group-order",
        type=int,
        default=None,
        help="largest group the checker enumerates (default 500000)",
    )


def run(args):
    """Check every FILE; print one line each; return 0 (all OK), 1 (one is false) or 2 (one is malformed)."""
    from ..checker import MAX_GROUP_ORDER, check_file
    from ..errors import ExactOrbitError

    limit = MAX_GROUP_ORDER if args.max_group_order is None else args.max_group_order
    results = []
    code = 0
    for path in args.files:
        try:
            ok, reason = check_file(path, max_group_order=limit)
        except ExactOrbitError as exc:
            print(f"exactorbit: error: {path}: {exc}", file=sys.stderr)
            results.append({"file": path, "ok": False, "reason": f"malformed: {exc}"})
            code = 2
            continue
        results.append({"file": path, "ok": ok, "reason": reason})
        if not ok and code == 0:
            code = 1
        if not args.json:
            print(f"{path}: {'OK' if ok else 'FAIL'}: {reason}")
    if args.json:
        print(json.dumps(results, indent=2))
    return code
