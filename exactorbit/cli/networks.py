"""``exactorbit networks``: tiny binary autoencoders: exact parameter counts, distinct functions, reconstruction."""

from ._common import (DEFAULT_ALPHABET, DEFAULT_HIDDEN, add_examples, add_force_argument, add_group_arguments,
                      add_output_arguments, add_parallel_arguments, csv_table, group_from_args, int_arg, note, wants)

HELP = "tiny binary autoencoders: exact reconstruction probabilities"


def add_arguments(parser):
    """Arguments of ``exactorbit networks``."""
    add_group_arguments(parser, default_grid="2x2",
                        why="listing every network on 3x3 takes seconds, and most families there are refused")
    parser.add_argument("--hidden", type=int_arg, default=DEFAULT_HIDDEN,
                        help=f"number of hidden units k (default {DEFAULT_HIDDEN})")
    tie = parser.add_mutually_exclusive_group()
    tie.add_argument("--tied", dest="tied", action="store_true", default=True, help="tied decoder (default)")
    tie.add_argument("--untied", dest="tied", action="store_false", help="untied decoder")
    parser.add_argument("--alphabet", default=DEFAULT_ALPHABET,
                        help=f"comma-separated weights (default {DEFAULT_ALPHABET}; write --alphabet=0,1)")
    if hasattr(parser, "_negative_number_matcher"):  # let '--alphabet -1,1' parse as a value
        import re

        parser._negative_number_matcher = re.compile(r"^-\d+(,-?\d+)*$|^-\d*\.\d+$")
    parser.add_argument("--exclude-constant", action="store_true",
                        help="only non-constant thresholds (strictly inside the range)")
    add_force_argument(parser)
    add_parallel_arguments(parser)
    add_output_arguments(parser, csv="one row per orbit class: image mask, picture, orbit size, probability")
    add_examples(parser, "exactorbit networks --grid 2x2",
                 "exactorbit networks --grid 2x2 --alphabet=0,1 --untied --format csv",
                 "exactorbit networks --grid 1x3 --hidden 2 --format json")


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
    check_network_grid(grid, "networks")
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
        return payload, csv_table(
            ["image", "text", "orbit_size", "probability", "probability_approx"],
            [[r["image"], render_text(r["image"], grid), r["orbit_size"],
              f"{r['probability'].numerator}/{r['probability'].denominator}", f"{float(r['probability']):.6g}"]  # float-ok: the CSV's reading column beside the exact p/q
             for r in rows])
    for r in rows:
        lines.append(
            f"  {render_text(r['image'], grid):<{max(5, grid.n + grid.h)}} {r['image']:>6} {r['orbit_size']:>6}  "
            f"{fraction_text(r['probability'])}"
        )
    return payload, "\n".join(lines)


def check_network_grid(grid, command):
    """Before any work: a grid over the network tables' limit is refused with what to do instead.

    >>> from exactorbit.images import Grid
    >>> check_network_grid(Grid(5, 5), "tour")
    Traceback (most recent call last):
    ...
    exactorbit.errors.InvalidArgument: --grid 5x5 has 25 pixels, over the 16 pixels that exactorbit tour handles (it tabulates every network's function on all 2^n images: grids up to 4x4, 2x8 or 1x16); on 5x5 use exactorbit group, orbit, count, orbits or geometry, e.g. exactorbit orbits --grid 5x5 --method torus
    """
    from math import isqrt

    from .._budget import LIMITS
    from ..errors import InvalidArgument

    cap = LIMITS["network_pixels"].value
    if grid.n > cap:
        side = isqrt(cap)
        raise InvalidArgument(
            f"--grid {grid} has {grid.n} pixels, over the {cap} pixels that exactorbit {command} handles (it tabulates "
            f"every network's function on all 2^n images: grids up to {side}x{cap // side}, 2x{cap // 2} or 1x{cap}); "
            f"on {grid} use exactorbit "
            f"group, orbit, count, orbits or geometry, e.g. exactorbit orbits --grid {grid} --method torus")
