"""``exactorbit networks``: tiny binary autoencoders: exact parameter counts, distinct functions, reconstruction."""

from ._common import (add_force_argument, add_group_arguments, add_output_arguments, add_parallel_arguments, csv_text, group_from_args,
                      int_arg, note, wants)

HELP = "tiny binary autoencoders: exact reconstruction probabilities"


def add_arguments(parser):
    """Arguments of ``exactorbit networks``."""
    add_group_arguments(parser, default_grid="2x2")
    parser.add_argument("--hidden", type=int_arg, default=1, help="number of hidden units k (default 1)")
    tie = parser.add_mutually_exclusive_group()
    tie.add_argument("--tied", dest="tied", action="store_true", default=True, help="tied decoder (default)")
    tie.add_argument("--untied", dest="tied", action="store_false", help="untied decoder")
    parser.add_argument("--alphabet", default="-1,0,1", help="comma-separated weights (default -1,0,1)")
    if hasattr(parser, "_negative_number_matcher"):  # let '--alphabet -1,1' parse as a value
        import re

        parser._negative_number_matcher = re.compile(r"^-\d+(,-?\d+)*$|^-\d*\.\d+$")
    parser.add_argument("--exclude-constant", action="store_true",
                        help="only non-constant thresholds (strictly inside the range)")
    add_force_argument(parser)
    add_parallel_arguments(parser)
    add_output_arguments(parser, csv=True)


def run(args):
    """Run ``exactorbit networks``: parameter count, distinct functions, reconstruction by orbit."""
    from .._validation import describe
    from ..errors import InvalidArgument, TooExpensive
    from .._display import fraction_text
    from ..images import render_text
    from ..networks import (
        NetworkFamily,
        count_distinct_functions,
        parse_alphabet,
        reconstruction_probabilities,
    )
    from ..networks.family import nonempty_settings
    from ..orbits import orbit_classes

    from .._parallel import check_parallel

    grid, group = group_from_args(args)
    check_parallel(args.workers, args.scheduler)   # a bad address is the only line, before the family's
    if isinstance(args.hidden, bool) or not isinstance(args.hidden, int) or not 1 <= args.hidden <= 8:
        raise InvalidArgument(f"--hidden must be an int in 1..8, got {describe(args.hidden)}")
    fam = NetworkFamily(grid, args.hidden, tied=args.tied, alphabet=parse_alphabet(args.alphabet),
                        exclude_constant=args.exclude_constant)
    total = nonempty_settings(fam)
    announce = f"{fam.describe()}: {total} parameter settings"
    if args.scheduler is None:  # before the enumeration; with a scheduler, once it answered (an error is one line)
        note(announce)
    try:
        distinct = count_distinct_functions(fam, force=args.force, workers=args.workers, scheduler=args.scheduler)
        distinct_note = None
    except TooExpensive as exc:
        distinct, distinct_note = None, str(exc)
    if args.scheduler is not None:
        note(announce)
    probs = reconstruction_probabilities(fam, force=args.force)
    rows = []
    for c in orbit_classes(group, force=args.force):
        if len({probs[y] for y in c.members}) != 1:  # pragma: no cover - theorem 7 fails only for non-invariant families
            raise AssertionError(f"reconstruction probability not constant on the orbit of {c.representative}")
        rows.append({"image": c.representative, "orbit_size": c.size, "probability": probs[c.representative]})
    payload = {
        "parameter_settings": total,
        "distinct_functions": None if distinct is None else int(distinct),
        "method": {"distinct_functions": getattr(distinct, "method", None), "reconstruction": probs.method},
        "reconstruction": [
            {"image": r["image"], "orbit_size": r["orbit_size"],
             "probability": f"{r['probability'].numerator}/{r['probability'].denominator}"}
            for r in rows
        ],
    }
    lines = [
        fam.describe(),
        f"parameter settings: {total}",
        f"distinct functions: {distinct}" if distinct is not None else f"distinct functions: not computed ({distinct_note})",
        f"reconstruction probability by orbit class under {group.name} (order {group.order()}):",
        f"  {'image':<{max(5, grid.n + grid.h)}} {'mask':>6} {'orbit':>6}  probability",
    ]
    if wants(args, "csv"):
        return payload, csv_text(
            ["image", "text", "orbit_size", "probability", "probability_approx"],
            [[r["image"], render_text(r["image"], grid), r["orbit_size"],
              f"{r['probability'].numerator}/{r['probability'].denominator}", f"{float(r['probability']):.6g}"]  # float-ok: the CSV's reading column beside the exact p/q
             for r in rows]).rstrip("\n")
    for r in rows:
        lines.append(
            f"  {render_text(r['image'], grid):<{max(5, grid.n + grid.h)}} {r['image']:>6} {r['orbit_size']:>6}  "
            f"{fraction_text(r['probability'])}"
        )
    return payload, "\n".join(lines)
