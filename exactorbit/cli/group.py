"""``exactorbit group``: order, generators and facts of a pixel group."""

from ._common import add_examples, add_group_arguments, add_output_arguments, group_from_args

HELP = "order, generators and facts of a pixel group"


def add_arguments(parser):
    """Arguments of ``exactorbit group``."""
    add_group_arguments(parser)
    add_output_arguments(parser)
    add_examples(parser, "exactorbit group --grid 1x6 --group bracelet",
                 "exactorbit group --grid 3x3 --group rotations --format json",
                 "exactorbit group --grid 2x5 --gap 'Group([(1,2,3,4,5,6,7,8,9,10)])' --format csv")


def _group_payload(group):
    from ..gap import to_gap

    payload = {
        "grid": [group.grid.h, group.grid.w],
        "degree": group.n,
        "order": group.order(),
        "generators": [list(g) for g in group.generators],
        "is_abelian": group.is_abelian,
        "gap": to_gap(group),
    }
    if group.n <= 64 or group.natural_kind:  # sympy's structural facts stay quick here
        facts = group.structure()
        payload.update(is_cyclic=facts["is_cyclic"], is_dihedral=facts["is_dihedral"],
                       abelian_invariants=list(facts["abelian_invariants"]))
    return payload


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
    ]
    if "is_cyclic" in payload:
        lines += [f"cyclic: {payload['is_cyclic']}; dihedral: {payload['is_dihedral']}; "
                  f"abelian invariants (of the abelianisation): {payload['abelian_invariants']}"]
    lines.append("generators (0-based cycles):")
    lines += [f"  {cycle_string(g)}" for g in group.generators] or ["  (none: trivial group)"]
    gap_text = payload["gap"] if len(payload["gap"]) <= 2000 else payload["gap"][:2000] + " ... (see --json)"
    lines.append(f"GAP (1-based): {gap_text}")
    note = strip_note(group)
    if note:
        payload["note"] = note
        lines.append(f"note: {note}")
    return payload, "\n".join(lines)
