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


def strip_note(group):
    """A note for a 1 x N (or N x 1) strip, where the grid's dihedral group is only the flip; else None."""
    grid = group.grid
    names = set(group.name.split("+"))
    if min(grid.h, grid.w) != 1 or grid.n < 3 or not names & {"dihedral", "rotations"} or names & {"translations", "symmetric"}:
        return None
    return (f"on a {grid} strip, {group.name} are the symmetries of the strip itself (order {group.order()}: "
            "the flip); for necklaces use --group translations, for bracelets translations+reflections")


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
    note = strip_note(group)
    if note:
        payload["note"] = note
        lines.append(f"note: {note}")
    return payload, "\n".join(lines)
