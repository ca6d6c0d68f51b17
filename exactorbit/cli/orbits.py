"""``exactorbit orbits``: the orbit decomposition of all images: sizes, spectrum, minimal orbits."""

from ._common import (add_examples, add_explain_argument, add_force_argument, add_group_arguments, add_output_arguments,
                      add_parallel_arguments, csv_table, explained, group_from_args, int_arg, wants)

HELP = "orbit decomposition of all images: sizes, spectrum, minimal orbits"


def add_arguments(parser):
    """Arguments of ``exactorbit orbits``."""
    add_group_arguments(parser)
    parser.add_argument("--weight", type=int_arg, default=None, help="only the images with K on-pixels")
    parser.add_argument(
        "--method",
        default="auto",
        choices=["auto", "enumerate", "generators", "symbolic", "torus"],
        help="visit all images: enumerate (over the listed elements) or generators (union-find over the generators, "
             "any group order, up to about 24 pixels); or a route without enumeration: torus (translations x| point "
             "group) or symbolic (table of marks) (default auto)",
    )
    add_force_argument(parser)
    add_parallel_arguments(parser)
    add_explain_argument(parser, "the orbit decomposition (decompose)")
    add_output_arguments(parser, csv="the table orbit_size,orbits")
    add_examples(parser, "exactorbit orbits --grid 3x3",
                 "exactorbit orbits --grid 4x4 --group translations --weight 8 --format csv",
                 "exactorbit orbits --grid 5x5 --method torus --format json")


def run(args):
    """Run ``exactorbit orbits``: returns (payload, text)."""
    from ..errors import InvalidArgument
    from ..images import render_block
    from ..orbits import decompose

    grid, group = group_from_args(args)
    if args.weight is not None and not 0 <= args.weight <= grid.n:
        raise InvalidArgument(f"--weight must be between 0 and {grid.n} on the {grid} grid, got {args.weight}")
    if args.explain:
        from ..orbits import routes_for

        return explained(routes_for(group, args.weight, force=args.force))
    result = decompose(group, args.weight, method=args.method, force=args.force, workers=args.workers,
                       scheduler=args.scheduler)
    payload = result.to_json()
    which = "all images" if args.weight is None else f"images of weight {args.weight}"
    lines = [
        f"{group.name} (order {result.group_order}) on the {grid} grid, {which}: "
        f"{result.images} images in {result.orbits} orbits (method: {result.method})",
        "orbit size: number of orbits",
    ]
    if wants(args, "csv"):
        return payload, csv_table(["orbit_size", "orbits"], list(result.orbit_sizes.items()))
    lines += [f"  {s:>8}: {k}" for s, k in result.orbit_sizes.items()]
    lines.append(f"smallest orbit size (constant images included): {result.smallest_orbit_size}")
    lines.append(
        f"smallest non-constant orbit size: {result.smallest_nonconstant_orbit_size}"
        + ("" if result.smallest_nonconstant_orbit_size is not None else " (no non-constant image)")
    )
    feats = result.minimal_orbit_features
    if feats:
        more = " (truncated)" if result.features_truncated else ""
        lines.append(f"minimal images of the smallest non-constant orbits ({len(feats)} shown{more}):")
        lines.append(render_block(list(feats[:12]), grid))
    elif feats is None:
        lines.append(f"features: not listed by the {result.method} route")
    return payload, "\n".join(lines)
