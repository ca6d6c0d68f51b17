"""C8: "complexity increases with depth": the minimal orbit size in image space is non-decreasing from layer to layer.

Measured on the depth table (:mod:`exactorbit.depth`), with the variant that
admits constant unions reported alongside, and the exact reconstruction
probabilities of each layer's candidate codes by networks over the code space
below.  Example: examples/two_layers.py.
"""

from ..depth import check_depth_table, layer_reconstruction
from ..errors import ExactOrbitError, TooExpensive
from .case import check_case
from ._claim import FAILS, HOLDS, UNDECIDED, Claim, fraction_str, undecided

__all__ = ["claim", "claim_c8_depth", "layer_networks_evidence", "statement"]


def statement():
    """The claim's statement."""
    return ("complexity increases with depth: the minimal orbit size in image space is non-decreasing from "
            "layer to layer")


def _shrinking_unions(table):
    """Candidate classes whose union image has a smaller orbit than some member feature."""
    out = []
    full = (1 << table.group.n) - 1
    for row in table.layers[1:]:
        for cls in row.candidate_classes:
            parts = list(cls["member_orbit_sizes"])
            if cls["image_orbit_size"] < max(parts):
                out.append({
                    "layer": row.layer,
                    "union": cls["union"],
                    "union_orbit_size": cls["image_orbit_size"],
                    "members": cls["members"],
                    "member_orbit_sizes": parts,
                    "smaller_than_every_member": cls["image_orbit_size"] < min(parts),
                    "constant": cls["union"] in (0, full),
                })
    return out


def claim_c8_depth(table, constant_table=None, networks=None):
    """C8 "complexity increases with depth": is min_orbit_size non-decreasing from layer to layer?

    Holds when every layer's minimal image-space orbit is >= the previous one's,
    fails at the first decrease (with the layers and masks), undecided when
    fewer than two layers were built.  Unions whose orbit is smaller than a
    member's are listed in the evidence.  ``constant_table``: the same table
    built with constant unions admitted (``include_constant=True``); its
    verdict is reported alongside.  ``networks``: the layers' reconstruction
    evidence (:func:`layer_networks_evidence`), carried as evidence.

    >>> from exactorbit.groups import translations
    >>> from exactorbit.depth import depth_table
    >>> claim_c8_depth(depth_table(translations("1x4"), layers=2, features=[1, 2, 4, 8])).verdict
    'fails'
    """
    check_depth_table(table)
    if constant_table is not None:
        check_depth_table(constant_table, "constant_table")
    sizes = [row.min_orbit_size for row in table.layers]
    drops = [(a, b) for a, b in zip(table.layers, table.layers[1:]) if b.min_orbit_size < a.min_orbit_size]
    shrink = _shrinking_unions(table)
    if len(sizes) < 2:
        verdict = UNDECIDED
    else:
        verdict = FAILS if drops else HOLDS
    evidence = {
        "group_order": table.group.order(),
        "mode": table.mode,
        "include_constant": table.include_constant,
        "min_orbit_size_by_layer": sizes,
        "stopped": table.stopped,
        "decreases": [
            {
                "from_layer": a.layer,
                "to_layer": b.layer,
                "from_size": a.min_orbit_size,
                "to_size": b.min_orbit_size,
                "example_union": b.unions[b.orbit_sizes.index(b.min_orbit_size)],
                "example_members": list(b.members[b.orbit_sizes.index(b.min_orbit_size)]),
            }
            for a, b in drops
        ],
        "shrinking_unions": shrink[:12],
        "number_of_shrinking_unions": len(shrink),
    }
    notes = []
    if drops:
        a, b = drops[0]
        k = b.orbit_sizes.index(b.min_orbit_size)
        notes.append(
            f"fails: layer {b.layer}'s smallest orbit {b.min_orbit_size} < layer {a.layer}'s {a.min_orbit_size}: "
            f"the union {b.unions[k]} of features {list(b.members[k])} has a smaller orbit than its parts"
        )
    elif verdict == HOLDS:
        notes.append(f"holds: minimal image-space orbit size by layer {sizes} never decreases")
    else:
        notes.append(f"undecided: only {len(sizes)} layer(s) built ({table.stopped})")
    if shrink and not drops:
        s = shrink[0]
        notes.append(
            f"{len(shrink)} union(s) have a smaller orbit than a member, e.g. {s['union']} "
            f"(orbit {s['union_orbit_size']}) of members {s['members']} (orbits {s['member_orbit_sizes']})"
        )
    if constant_table is not None:
        c_sizes = [row.min_orbit_size for row in constant_table.layers]
        c_drop = any(b < a for a, b in zip(c_sizes, c_sizes[1:]))
        c_verdict = UNDECIDED if len(c_sizes) < 2 else (FAILS if c_drop else HOLDS)
        c_shrink = [s for s in _shrinking_unions(constant_table) if s["constant"]]
        evidence["with_constant_unions"] = {
            "min_orbit_size_by_layer": c_sizes,
            "verdict": c_verdict,
            "constant_examples": c_shrink[:3],
        }
        if c_verdict != verdict:
            ex = c_shrink[0] if c_shrink else None
            notes.append(
                f"with constant unions admitted the verdict is {c_verdict} (sizes {c_sizes})"
                + (f": the union {ex['union']} of {len(ex['members'])} features is the constant image, orbit 1"
                   if ex else "")
            )
    if networks is not None:
        evidence["networks"] = networks
    return Claim(
        id="C8",
        statement=statement(),
        verdict=verdict,
        evidence=evidence,
        summary="; ".join(notes),
        pictures=[r.unions[r.orbit_sizes.index(r.min_orbit_size)] for r in table.layers],
    )


def layer_networks_evidence(table, *, hidden=1, tied=True, alphabet=(-1, 0, 1), force=False, limit=None):
    """Per layer >= 2: the exact reconstruction probabilities of its candidate codes (JSON), or why not computed.

    The networks are the (hidden, tied, alphabet) autoencoders over the code
    space below (:func:`exactorbit.depth.layer_reconstruction`).
    """
    table = check_depth_table(table)
    out = []
    for L in range(2, len(table.layers) + 1):
        try:
            rec = layer_reconstruction(table, L, hidden=hidden, tied=tied, alphabet=alphabet, force=force, limit=limit)
            out.append(_reconstruction_json(rec))
        except TooExpensive as exc:
            out.append({"layer": L, "skipped": str(exc)})
    return out


def _reconstruction_json(rec):
    out = dict(rec)
    out["classes"] = [dict(r, probability=fraction_str(r["probability"])) for r in rec["classes"]]
    out["minimal_feature_probabilities"] = [fraction_str(p) for p in rec["minimal_feature_probabilities"]]
    return out


def claim(case):
    """C8 on a :class:`~exactorbit.claims.Case`: its depth tables and the layer networks of its family's kind."""
    case = check_case(case)
    try:
        table, variant = case.depth, case.depth_with_constants
    except ExactOrbitError as exc:
        return undecided("C8", statement(), exc)
    fam = case.family
    networks = layer_networks_evidence(table, hidden=fam.hidden, tied=fam.tied, alphabet=fam.alphabet,
                                       force=case.force)
    return claim_c8_depth(table, variant, networks)
