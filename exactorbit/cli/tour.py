"""``exactorbit tour``: the paper's claims checked on a toy case (the main job)."""

import sys

from ._common import add_group_arguments, group_from_args

HELP = "the paper's claims checked on a toy case (the main job)"


def add_arguments(parser):
    """Arguments of ``exactorbit tour``."""
    add_group_arguments(parser)
    parser.add_argument("--hidden", type=int, default=1, help="hidden units k (default 1)")
    kind = parser.add_mutually_exclusive_group()
    kind.add_argument("--tied", dest="tied", action="store_true", default=True, help="tied decoder (default)")
    kind.add_argument("--untied", dest="tied", action="store_false", help="untied decoder")
    parser.add_argument("--alphabet", default="-1,0,1", help="weight alphabet, e.g. 0,1 (default -1,0,1)")
    parser.add_argument("--exclude-constant", action="store_true", help="leave out the constant units")
    parser.add_argument("--tolerance", type=int, default=None, help="C3's tolerance (default 2^n/8)")
    parser.add_argument("--layers", type=int, default=3, help="layers for C7/C8 (default 3)")
    parser.add_argument("--certificates", metavar="DIR", default=None, help="write the certificates to DIR")
    parser.add_argument("--force", action="store_true", help="allow work over the default limits")
    parser.add_argument("--quiet", action="store_true", help="no progress on stderr")
    parser.add_argument("--json", action="store_true", help="print JSON")


def run(args):
    """Run ``exactorbit tour``: returns (payload, text)."""
    from ..networks import parse_alphabet
    from ..tour import format_tour, run_tour, write_certificates

    grid, group = group_from_args(args)
    report = run_tour(grid, group, hidden=args.hidden, tied=args.tied, alphabet=parse_alphabet(args.alphabet),
                      exclude_constant=args.exclude_constant, tolerance=args.tolerance, layers=args.layers,
                      quiet=args.quiet or args.json, force=args.force)
    if args.certificates:
        paths = write_certificates(report, args.certificates)
        print(f"wrote {len(paths)} certificates to {args.certificates}", file=sys.stderr)
    payload = {"case": report["case"], "claims": [c.as_dict() for c in report["claims"]]}
    return payload, format_tour(report, grid)
