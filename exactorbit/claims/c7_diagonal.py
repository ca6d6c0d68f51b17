"""C7 (theorem 5, measured on the depth table): |Orb(x1, ..., xk)| is a multiple of each |Orb(xi)| and at most their product.

Example: examples/two_layers.py.
"""

import math

from ..stabilizers import orbit_size
from ..depth import check_depth_table
from ..errors import ExactOrbitError
from .case import check_case
from ._claim import FAILS, HOLDS, UNDECIDED, Claim, undecided

__all__ = ["claim", "claim_c7_diagonal", "statement"]


def statement():
    """The claim's statement."""
    return "for the diagonal action, |Orb(x1, ..., xk)| is a multiple of each |Orb(xi)| and at most their product"


def claim_c7_diagonal(table):
    """C7 (theorem 5 on the table): |Orb(x1..xk)| is a multiple of each |Orb(xi)| and at most their product.

    The tuples are the member features (union images of the lower layer) of
    every candidate class of every layer >= 2 (one representative per orbit;
    the numbers are constant on orbits).  The members' orbit sizes are read
    from the table; the tuple's orbit is computed here (diagonal action).

    >>> from exactorbit.groups import named_group
    >>> from exactorbit.depth import depth_table
    >>> claim_c7_diagonal(depth_table(named_group("translations", "2x2"), layers=2)).verdict
    'holds'
    """
    check_depth_table(table)
    G = table.group
    rows = []
    ok = True
    for row in table.layers[1:]:
        for cls in row.candidate_classes:
            xs = tuple(cls["members"])
            parts = list(cls["member_orbit_sizes"])
            tup = orbit_size(G, xs)
            product = math.prod(parts)
            divides = all(tup % p == 0 for p in parts)
            bounded = tup <= product
            ok &= divides and bounded
            rows.append({
                "layer": row.layer,
                "members": list(xs),
                "member_orbit_sizes": parts,
                "tuple_orbit_size": tup,
                "product": product,
                "multiple_of_each": divides,
                "at_most_product": bounded,
                "union": cls["union"],
                "union_orbit_size": cls["image_orbit_size"],
                "minimal": cls["code_orbit_size"] == row.code_orbit_size,
            })
    if not rows:
        verdict = UNDECIDED
        summary = "undecided: no layer >= 2 was built, so there is no tuple of features to measure"
    else:
        verdict = HOLDS if ok else FAILS
        bad = [r for r in rows if not (r["multiple_of_each"] and r["at_most_product"])]
        summary = (
            f"{verdict}: {len(rows)} feature tuples (one per candidate orbit of layers >= 2); "
            + ("each tuple orbit is a multiple of every member's orbit and at most their product"
               if ok else f"{len(bad)} violate it, e.g. {bad[0]}")
        )
    shown = [r for r in rows if r["minimal"]] or rows[:12]
    return Claim(
        id="C7",
        statement=statement(),
        verdict=verdict,
        evidence={
            "group_order": G.order(),
            "tuples_checked": len(rows),
            "tuples": shown,
            "tuples_listed": "the minimal-orbit features of each layer" if shown and shown[0]["minimal"] else "first 12",
        },
        summary=summary,
        pictures=[r["union"] for r in shown[:6]],
    )


def claim(case):
    """C7 on a :class:`~exactorbit.claims.Case` (its depth table); undecided when the table was refused."""
    case = check_case(case)
    try:
        table = case.depth
    except ExactOrbitError as exc:
        return undecided("C7", statement(), exc)
    return claim_c7_diagonal(table)
