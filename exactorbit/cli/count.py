"""``exactorbit count``: the number of orbits of all images (Burnside) and by weight (Polya), no enumeration."""

from ._common import add_group_arguments, group_from_args

HELP = "number of orbits of all images (Burnside) and by weight (Polya)"


def add_arguments(parser):
    """Arguments of ``exactorbit count``."""
    add_group_arguments(parser)
    parser.add_argument("--force", action="store_true", help="allow listing groups over the default size limit")
    parser.add_argument("--json", action="store_true", help="print JSON")


def run(args):
    """Run ``exactorbit count``: returns (payload, text)."""
    from ..counting import burnside_count, orbits_by_weight

    grid, group = group_from_args(args)
    total = burnside_count(group, force=args.force)
    by_weight = orbits_by_weight(group, force=args.force)
    payload = {
        "group_order": group.order(),
        "orbits": total,
        "orbits_by_weight": {str(k): c for k, c in enumerate(by_weight)},
    }
    lines = [
        f"{group.name} (order {group.order()}) on the {grid} grid: {2 ** grid.n} images",
        f"orbits (Burnside): {total}",
        "orbits by weight (Polya):",
    ]
    lines += [f"  {k:>4}: {c}" for k, c in enumerate(by_weight)]
    return payload, "\n".join(lines)
