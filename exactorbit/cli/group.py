"""``exactorbit group``: order, generators and facts of a pixel group."""

from ._common import add_group_arguments, group_from_args

HELP = "order, generators and facts of a pixel group"


def add_arguments(parser):
    """Arguments of ``exactorbit group``."""
    add_group_arguments(parser)
    parser.add_argument("--json", action="store_true", help="print JSON")


def _group_payload(group):
    return {
        "grid": [group.grid.h, group.grid.w],
        "degree": group.n,
        "order": group.order(),
        "generators": [list(g) for g in group.generators],
        "is_abelian": group.is_abelian,
    }


def run(args):
    """Run ``exactorbit group``: returns (payload, text)."""
    from ..groups import cycle_string

    grid, group = group_from_args(args)
    payload = _group_payload(group)
    lines = [
        f"group {group.name} on the {grid} grid (degree {group.n})",
        f"order: {payload['order']}",
        f"abelian: {payload['is_abelian']}",
        "generators (0-based cycles):",
    ]
    lines += [f"  {cycle_string(g)}" for g in group.generators] or ["  (none: trivial group)"]
    return payload, "\n".join(lines)
