"""``exactorbit tour``: the paper's claims checked on a toy case (the main job)."""

import os

from ._common import add_force_argument, add_group_arguments, add_output_arguments, group_from_args, int_arg, note, wants

HELP = "the paper's claims checked on a toy case (the main job)"


def add_arguments(parser):
    """Arguments of ``exactorbit tour``."""
    add_group_arguments(parser)
    parser.add_argument("--hidden", type=int_arg, default=1, help="hidden units k (default 1)")
    kind = parser.add_mutually_exclusive_group()
    kind.add_argument("--tied", dest="tied", action="store_true", default=True, help="tied decoder (default)")
    kind.add_argument("--untied", dest="tied", action="store_false", help="untied decoder")
    parser.add_argument("--alphabet", default="-1,0,1", help="weight alphabet, e.g. 0,1 (default -1,0,1)")
    parser.add_argument("--exclude-constant", action="store_true", help="leave out the constant units")
    parser.add_argument("--tolerance", type=int_arg, default=None, help="C3's tolerance (default 2^n/8)")
    parser.add_argument("--layers", type=int_arg, default=3, help="layers for C7/C8 (default 3)")
    parser.add_argument("--certificates", metavar="DIR", default=None,
                        help="write the certificates to DIR (a certificate already there with other content is "
                             "refused, and then nothing is written, unless --overwrite)")
    parser.add_argument("--overwrite", action="store_true",
                        help="with --certificates: replace certificates of another run or case in DIR")
    add_force_argument(parser)
    parser.add_argument("--quiet", action="store_true", help="no progress on stderr")
    add_output_arguments(parser, csv=True)


def run(args):
    """Run ``exactorbit tour``: returns (payload, text)."""
    from .._validation import check_int
    from ..errors import InvalidArgument
    from ..networks import parse_alphabet
    from ..tour import format_tour, prepare_certificate_directory, run_tour

    grid, group = group_from_args(args)
    check_int("--hidden", args.hidden, min_value=1, max_value=8)
    check_int("--layers", args.layers, min_value=1, max_value=6)
    if args.overwrite and args.certificates is None:
        raise InvalidArgument("--overwrite replaces certificates in the --certificates DIR: give --certificates too")
    if args.certificates is not None:  # before the work: a directory that cannot be written is said at once
        prepare_certificate_directory(args.certificates)
    report = run_tour(grid, group, hidden=args.hidden, tied=args.tied, alphabet=parse_alphabet(args.alphabet),
                      exclude_constant=args.exclude_constant, tolerance=args.tolerance, layers=args.layers,
                      quiet=args.quiet or not wants(args, "text"), force=args.force)
    if args.certificates is not None:
        _write(report, args.certificates, args.overwrite)
    payload = report.to_json()
    if wants(args, "csv"):
        return payload, report.to_csv().rstrip("\n")
    return payload, format_tour(report, grid)


def _write(report, directory, overwrite):
    """Write the certificates (exactorbit.tour refuses other content unless --overwrite) and say what happened."""
    from ..tour import certificate_files, other_certificates

    files = certificate_files(report, directory, overwrite=overwrite, flag="--overwrite")
    by = {status: [os.path.basename(p) for p, s in files if s == status] for status in ("new", "replaced", "same")}
    written = by["new"] + by["replaced"]
    note(f"wrote {len(written)} certificates to {directory}" + (f": {', '.join(written)}" if written else ""))
    if by["replaced"]:
        note(f"  replaced (--overwrite; they held other content): {', '.join(by['replaced'])}")
    if by["same"]:
        note(f"  already there with the same content, left as they were: {', '.join(by['same'])}")
    for name, reason in report["skipped_certificates"].items():
        note(f"  not written: {name}: {reason}")
    others = other_certificates(directory, [p for p, _ in files])
    if others:
        note(f"  {directory} also holds {len(others)} other .json file(s), not from this run and left "
             f"alone: {', '.join(others[:10])}{' ...' if len(others) > 10 else ''}")
