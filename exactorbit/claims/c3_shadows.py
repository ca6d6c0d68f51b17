"""C3: shadows approximate: at least half of the family agrees with a group element on all but a few inputs.

The shadow group (proofs/shadow.md, definition 1) and the recurrent shadow
group (definition 2) come from :mod:`exactorbit.shadows`; the verdict is
computed from the exact distance distribution over every parameter setting.
Example: examples/c3_shadows.py.
"""

from ..errors import InvalidArgument, TooExpensive
from ..groups import PixelGroup
from ..shadows import RecurrentShadowGroup, ShadowGroup
from .case import check_case
from ._claim import FAILS, HOLDS, Claim, fraction_str, undecided
from .._validation import check_int, describe

__all__ = ["claim", "claim_c3_shadows", "statement"]

#: The evidence's name for each shadow route (as the tour has always printed it).
_ROUTE_NAMES = {"listing": "listing", "one_hidden_unit": "one hidden unit"}


def statement(tolerance, n):
    """C3's statement for a tolerance on n pixels."""
    tolerance = check_int("tolerance", tolerance, min_value=0)
    n = check_int("n", n, min_value=0, max_value=4096)
    return (f"shadows approximate: at least half of the family agrees with a group element on all but at most "
            f"{tolerance} of the {1 << n} inputs")


def _short(value):
    """An int for reading: in full when short, else its leading digits and length.

    >>> _short(12), _short(10**40)
    ('12', '1000000000... (41 digits)')
    """
    text = str(value)
    return text if len(text) <= 24 else f"{text[:10]}... ({len(text)} digits)"


def claim_c3_shadows(shadow, recurrent, used=None):
    """C3 from a :class:`ShadowGroup` at the tolerance and a :class:`RecurrentShadowGroup`.

    ``used``: the shadow group S read by C1, C4 and C6 (default: ``shadow``'s group,
    or the group at the best distance when no network is within the tolerance).

    >>> from exactorbit.groups import translations
    >>> from exactorbit.networks import NetworkFamily
    >>> from exactorbit.shadows import recurrent_shadow_group, shadow_group
    >>> fam = NetworkFamily("1x2", 1)
    >>> claim_c3_shadows(shadow_group(translations("1x2"), fam, 0), recurrent_shadow_group(fam)).verdict
    'fails'
    """
    if not isinstance(shadow, ShadowGroup):
        raise InvalidArgument(f"shadow must be a ShadowGroup, got {describe(shadow)}")
    if not isinstance(recurrent, RecurrentShadowGroup):
        raise InvalidArgument(f"recurrent must be a RecurrentShadowGroup, got {describe(recurrent)}")
    if used is not None and not isinstance(used, PixelGroup):
        raise InvalidArgument(f"used must be None or a PixelGroup (the shadow group S), got {describe(used)}")
    group = shadow.ambient
    n = group.n
    tolerance = shadow.tolerance
    dist = shadow.distance_distribution
    best = shadow.best_distance
    frac = shadow.fraction_within
    if used is None:
        used = (shadow if frac > 0 else shadow.at(best)).pixel_group
    verdict = HOLDS if 2 * frac >= 1 else FAILS
    evidence = {
        "route": _ROUTE_NAMES.get(shadow.method, shadow.method),
        "tolerance": tolerance,
        "inputs": 1 << n,
        "best_distance": best,
        "distance_distribution": {str(k): v for k, v in sorted(dist.items())},
        "fraction_within_tolerance": fraction_str(frac),
        "shadow_group_at_tolerance": shadow.as_dict(),
        "shadow_group_used_by_C4_C6": {
            "tolerance": tolerance if frac > 0 else best,
            **used.structure(),
            "index": group.order() // used.order(),
            "generators": [list(g) for g in used.generators],
        },
        "recurrent_shadow_group": recurrent.as_dict(),
    }
    summary = (
        f"{verdict}: a fraction {frac} of the family lies within distance {tolerance} of {1 << n} "
        f"(best distance achieved: {best}); shadow group of the closest networks: order {used.order()}, "
        f"index {group.order() // used.order()} in G; recurrent shadow group: order {_short(recurrent.order)}"
    )
    return Claim("C3", statement(tolerance, n), verdict, evidence, summary)


def claim(case):
    """C3 on a :class:`~exactorbit.claims.Case`; undecided (with the reason) when the shadows were refused."""
    case = check_case(case)
    if case.shadow is None:
        return undecided("C3", statement(case.tolerance, case.n), f"not computed: {case.shadow_refusal}")
    try:
        recurrent = case.recurrent_shadow
    except TooExpensive as exc:
        return undecided("C3", statement(case.tolerance, case.n), f"not computed: {exc}")
    return claim_c3_shadows(case.shadow, recurrent, used=case.shadow_group)
