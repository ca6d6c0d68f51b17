"""``exactorbit tour``: the paper's claims checked on a toy case (the main job)."""

import os

from ._common import (DEFAULT_ALPHABET, DEFAULT_HIDDEN, DEFAULT_LAYERS, add_examples, add_force_argument,
                      add_group_arguments, add_output_arguments, always_say, group_from_args, int_arg, wants)

HELP = "the paper's claims checked on a toy case (the main job)"

#: The files --csv-dir writes.
CLASSES_CSV, CLAIMS_CSV = "orbit_classes.csv", "claims.csv"
#: The picture formats --plot writes (by the file's extension).
PLOT_FORMATS = (".png", ".svg", ".pdf")


def add_arguments(parser):
    """Arguments of ``exactorbit tour``."""
    add_group_arguments(parser)
    parser.add_argument("--hidden", type=int_arg, default=DEFAULT_HIDDEN,
                        help=f"hidden units k (default {DEFAULT_HIDDEN})")
    kind = parser.add_mutually_exclusive_group()
    kind.add_argument("--tied", dest="tied", action="store_true", default=True, help="tied decoder (default)")
    kind.add_argument("--untied", dest="tied", action="store_false", help="untied decoder")
    parser.add_argument("--alphabet", default=DEFAULT_ALPHABET,
                        help=f"weight alphabet, e.g. 0,1 (default {DEFAULT_ALPHABET}; write --alphabet=0,1)")
    parser.add_argument("--exclude-constant", action="store_true", help="leave out the constant units")
    parser.add_argument("--tolerance", type=int_arg, default=None, help="C3's tolerance (default 2^n/8)")
    parser.add_argument("--layers", type=int_arg, default=DEFAULT_LAYERS,
                        help=f"layers for C7/C8 (default {DEFAULT_LAYERS})")
    parser.add_argument("--certificates", metavar="DIR", default=None,
                        help="write the certificates to DIR (a certificate already there with other content is "
                             "refused, and then nothing is written, unless --overwrite)")
    parser.add_argument("--overwrite", action="store_true",
                        help="with --certificates: replace certificates of another run or case in DIR")
    parser.add_argument("--csv-dir", metavar="DIR", default=None,
                        help=f"write the tables as CSV to DIR: {CLASSES_CSV} (one row per orbit class of G: image, "
                             f"picture, orbit size, exact reconstruction probability) and {CLAIMS_CSV} (one row per "
                             "claim); files of those names there are replaced")
    parser.add_argument("--plot", metavar="FILE", default=None,
                        help="draw C5 to FILE (.png, .svg or .pdf): each orbit class's reconstruction probability "
                             "against its orbit size, violating pairs in red (needs matplotlib: pip install "
                             "'exactorbit[plot]')")
    add_force_argument(parser)
    add_output_arguments(parser, csv="one row per claim: id, verdict, statement, summary, the case")
    add_examples(parser, "exactorbit tour --grid 2x2",
                 "exactorbit tour --grid 2x2 --alphabet=0,1 --csv-dir tables --plot c5.png --quiet",
                 "exactorbit tour --grid 1x3 --group translations --format json",
                 "exactorbit tour --grid 2x2 --certificates certs && exactorbit verify certs/*.json",
                 "exactorbit tour  # slow: the default 3x3 case, about 7 s",
                 "exactorbit tour --grid 4x4 --group translations --alphabet=0,1 --plot c5-4x4.svg  # slow: about 6 s",
                 "exactorbit tour --untied  # slow: about 75 s (it prints its estimate first)")


def run(args):
    """Run ``exactorbit tour``: returns (payload, text)."""
    from .._validation import check_int
    from ..errors import InvalidArgument
    from ..networks import parse_alphabet
    from ..tour import format_tour, prepare_certificate_directory, run_tour
    from .networks import check_network_grid

    if args.grid is not None:  # the tour's own limit, said before the group is built
        from ..images import parse_grid

        check_network_grid(parse_grid(args.grid), "tour")
    grid, group = group_from_args(args)
    check_int("--hidden", args.hidden, min_value=1, max_value=8)
    check_int("--layers", args.layers, min_value=1, max_value=6)
    if args.overwrite and args.certificates is None:
        raise InvalidArgument("--overwrite replaces certificates in the --certificates DIR: give --certificates too")
    # before the work: a directory or file that cannot be written is said at once
    if args.certificates is not None:
        prepare_certificate_directory(args.certificates)
    if args.csv_dir is not None:
        _prepare_csv_dir(args.csv_dir)
    if args.plot is not None:
        _check_plot(args.plot)
    report = run_tour(grid, group, hidden=args.hidden, tied=args.tied, alphabet=parse_alphabet(args.alphabet),
                      exclude_constant=args.exclude_constant, tolerance=args.tolerance, layers=args.layers,
                      quiet=args.quiet or not wants(args, "text"), force=args.force)
    if args.certificates is not None:
        _write(report, args.certificates, args.overwrite)
    if args.csv_dir is not None:
        _write_tables(report, args.csv_dir)
    if args.plot is not None:
        _write_plot(report, args.plot)
    payload = report.to_json()
    if wants(args, "csv"):
        from ._common import CsvText

        return payload, CsvText(report.to_csv().rstrip("\n"))
    return payload, format_tour(report, grid)


def _prepare_csv_dir(directory):
    """Create --csv-dir if needed and check that files can be written there (before the work)."""
    from .._files import prepare_directory

    prepare_directory(directory, "--csv-dir directory")


def _write_tables(report, directory):
    """Write the per-orbit-class table and the claims table as CSV files in ``directory``; say so on stderr."""
    from ._common import write_output

    classes = os.path.join(directory, CLASSES_CSV)
    write_output(classes, report.classes_csv(), option="--csv-dir")
    write_output(os.path.join(directory, CLAIMS_CSV), report.to_csv(), option="--csv-dir")
    always_say(f"wrote {CLASSES_CSV} ({len(report.classes())} orbit classes) and {CLAIMS_CSV} ({len(report.claims)} "
         f"claims) to {directory}")


def _check_plot(path):
    """Before the work: --plot names a .png, .svg or .pdf file in a directory that takes files, and matplotlib is
    there."""
    from .._files import existing_content, probe_directory
    from .._validation import clip
    from ..errors import InvalidArgument

    shown = clip(str(path), 200)
    if os.path.splitext(str(path))[1].lower() not in PLOT_FORMATS:
        raise InvalidArgument(f"--plot writes a picture: its name must end in {', '.join(PLOT_FORMATS)}, "
                              f"got {shown!r}")
    try:
        existing_content(path, 0)   # a directory of that name: 'cannot write PATH: Is a directory'
        probe_directory(os.path.dirname(os.path.abspath(path)))
    except InvalidArgument as exc:
        raise InvalidArgument(f"--plot: cannot write {shown}: {str(exc).rpartition(': ')[2]}") from None
    try:   # the plot's own check would come after the work
        import matplotlib
    except ImportError:
        matplotlib = None
    if matplotlib is None:
        raise InvalidArgument("--plot needs matplotlib: pip install 'exactorbit[plot]'")


def _write_plot(report, path):
    """Draw C5 (exactorbit.plots.plot_probability_vs_orbit_size) to ``path`` through the CLI's one file writer."""
    import io

    from ..plots import plot_probability_vs_orbit_size
    from ._common import write_output

    fig = plot_probability_vs_orbit_size(report.group, report.family, report.probabilities)
    out = io.BytesIO()
    fig.savefig(out, format=os.path.splitext(str(path))[1].lower()[1:], bbox_inches="tight")
    write_output(os.fspath(path), out.getvalue(), option="--plot")
    always_say(f"wrote the C5 plot to {path}")


def _write(report, directory, overwrite):
    """Write the certificates (exactorbit.tour refuses other content unless --overwrite) and say what happened."""
    from ..tour import certificate_files, other_certificates

    files = certificate_files(report, directory, overwrite=overwrite, flag="--overwrite")
    by = {status: [os.path.basename(p) for p, s in files if s == status] for status in ("new", "replaced", "same")}
    written = by["new"] + by["replaced"]
    always_say(f"wrote {len(written)} certificates to {directory}" + (f": {', '.join(written)}" if written else ""))
    if by["replaced"]:
        always_say(f"  replaced (--overwrite; they held other content): {', '.join(by['replaced'])}")
    if by["same"]:
        always_say(f"  already there with the same content, left as they were: {', '.join(by['same'])}")
    for name, reason in report["skipped_certificates"].items():
        always_say(f"  not written: {name}: {reason}")
    others = other_certificates(directory, [p for p, _ in files])
    if others:
        always_say(f"  {directory} also holds {len(others)} other .json file(s), not from this run and left "
             f"alone: {', '.join(others[:10])}{' ...' if len(others) > 10 else ''}")
