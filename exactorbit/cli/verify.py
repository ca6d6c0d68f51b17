"""``exactorbit verify``: check certificates with the independent checker (exit 0 all valid, 1 one false, 2 malformed)."""

HELP = "check certificates independently"


def add_arguments(parser):
    """Arguments of ``exactorbit verify``: FILE..., the output options, --max-group-order."""
    from ._common import add_examples, add_output_arguments

    parser.add_argument("files", nargs="+", metavar="FILE", help="certificate files (JSON)")
    add_output_arguments(parser, csv="one row per file: file, ok, reason (JSON: a list of {file, ok, reason})")
    add_examples(parser, "exactorbit tour --grid 2x2 --certificates certs && exactorbit verify certs/*.json",
                 "exactorbit tour --grid 1x3 --certificates certs3 && exactorbit verify certs3/count-G.json --format csv")
    parser.add_argument(
        "--max-group-order",
        default=None,
        help="largest group the checker enumerates (default 500000)",
    )


def run(args):
    """Check every FILE: returns (results, text, code) with code 0 (all OK), 1 (one is false) or 2 (one is malformed).

    A malformed file also gets one ``exactorbit: error:`` line on stderr (said under --quiet too).
    """
    from .._validation import parse_int_text
    from ..checker import MAX_GROUP_ORDER, check_file, tidy
    from ._common import always_say
    from ..errors import ExactOrbitError

    if args.max_group_order is None:
        limit = MAX_GROUP_ORDER
    else:
        limit = parse_int_text(args.max_group_order.strip(), max_digits=30, what="--max-group-order")
        if limit < 1:
            from ..errors import InvalidArgument

            raise InvalidArgument(f"--max-group-order must be >= 1, got {limit}")
    results, lines, code = [], [], 0
    for path in args.files:
        try:
            ok, reason = check_file(path, max_group_order=limit)
        except ExactOrbitError as exc:
            message, name = tidy(exc), tidy(path, 200)
            if not message.startswith(name + ":"):  # errors while loading already start with the file's name
                message = tidy(f"{name}: {message}")
            always_say(f"exactorbit: error: {message}")
            results.append({"file": path, "ok": False, "reason": f"malformed: {tidy(exc)}"})
            code = 2
            continue
        results.append({"file": path, "ok": ok, "reason": reason})
        lines.append(f"{tidy(path, 200)}: {'OK' if ok else 'FAIL'}: {tidy(reason)}")
        if not ok and code == 0:
            code = 1
    return results, "\n".join(lines), code
