"""C4: minimal-orbit features exist and are certified, under G and under the shadow group S.

The certificates (kind ``minimal-orbit``) are produced by
:func:`exactorbit.certificates.minimal_orbit_certificate` from the case's orbit
decompositions and accepted or rejected by the independent checker
(:mod:`exactorbit.checker`), which re-derives every orbit on its own.
Example: examples/c4_minimal_orbits.py.
"""

from .._validation import describe
from ..certificates import minimal_orbit_certificate
from ..errors import InvalidArgument
from ..groups import check_group
from ..checker import verify_certificate
from .case import check_case
from ._claim import FAILS, HOLDS, Claim

__all__ = ["claim", "claim_c4_minimal_orbits", "statement"]


def statement():
    """The claim's statement."""
    return "minimal-orbit features exist and are certified (under G and under the shadow group)"


def claim_c4_minimal_orbits(group, shadow_group=None, *, decompositions=(None, None)):
    """C4 under G and (when given and not trivial) under S; the claim carries its certificates.

    ``decompositions``: labelled orbit decompositions of G and S to reuse (or None).

    >>> from exactorbit.groups import translations
    >>> c = claim_c4_minimal_orbits(translations("1x4"))
    >>> c.verdict, sorted(c.certificates)
    ('holds', ['minimal-orbit-G.json'])
    """
    group = check_group(group)
    if shadow_group is not None:
        shadow_group = check_group(shadow_group, "shadow_group")
    if not (isinstance(decompositions, (tuple, list)) and len(decompositions) == 2):
        raise InvalidArgument(f"decompositions must be a pair (of G's and S's decomposition, or None), "
                              f"got {describe(decompositions)}")
    rows = []
    ok = True
    pictures = []
    certs = {}
    for label, H, decomposition in (("G", group, decompositions[0]), ("S", shadow_group, decompositions[1])):
        if H is None:
            rows.append({"group": label, "skipped": "no shadow group (see C3)"})
            continue
        if H.order() == 1 and label == "S":
            rows.append({"group": label, "skipped": "the shadow group is trivial: every orbit has size 1"})
            continue
        cert = minimal_orbit_certificate(H, "nonconstant", decomposition=decomposition)
        passed, reason = verify_certificate(cert)
        ok &= passed
        certs[f"minimal-orbit-{label}.json"] = cert
        claim = cert["claim"]
        rows.append({
            "group": label,
            "group_order": H.order(),
            "min_orbit_size": claim["min_orbit_size"],
            "minimal_representatives": claim["minimal_representatives"],
            "checker": "accepted" if passed else f"rejected: {reason}",
        })
        if label == "G":
            pictures = claim["minimal_representatives"]
    first = rows[0]
    summary = (
        f"{'holds' if ok else 'fails'}: under G the smallest non-constant orbit has size {first['min_orbit_size']} "
        f"({len(first['minimal_representatives'])} orbit(s)); certificates "
        + ("accepted by the independent checker" if ok else "REJECTED by the checker")
    )
    return Claim("C4", statement(), HOLDS if ok else FAILS, {"certificates": rows}, summary, pictures, certs)


def claim(case):
    """C4 on a :class:`~exactorbit.claims.Case` (its decompositions under G and S reused)."""
    case = check_case(case)
    S = case.shadow_group
    shadow_decomposition = case.shadow_decomposition if S is not None and S.order() > 1 else None
    return claim_c4_minimal_orbits(case.group, S, decompositions=(case.decomposition, shadow_decomposition))
