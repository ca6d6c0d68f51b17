"""C6: over the shadow group S, ranking features by 1/|Orb_S(x)| agrees with the networks' reconstruction probabilities.

Example: examples/c6_shadow_ranking.py.
"""

from .._validation import describe
from ..errors import InvalidArgument
from ..groups import PixelGroup
from .case import check_case
from ._claim import Claim, fraction_str, undecided
from ._ranking import rank_classes, ranking_claim

__all__ = ["claim", "claim_c6_shadow_ranking", "statement"]


def statement(label="S"):
    """C6's statement under a shadow group named ``label``."""
    return (f"over the shadow group {label}, ranking features by 1/|Orb_{label}(x)| (exactorbit's proofs/theorem4_uniform_search.md, not the paper's) agrees with the "
            "networks' reconstruction probabilities")


def claim_c6_shadow_ranking(shadow, probabilities, c5=None, *, label="S"):
    """C6: over the shadow group S, does ranking features by 1/|Orb_S(x)| agree with the networks?

    Classes are the S-orbits; each class has P_S = 1/|Orb_S| (theorem 4) and
    the mean reconstruction probability of the family.  Holds when no pair of
    classes has a smaller S-orbit and a smaller reconstruction probability.
    ("Theorem 4" is proofs/theorem4_uniform_search.md, not a theorem of the paper.)

    >>> from fractions import Fraction
    >>> from exactorbit.groups import translations
    >>> G = translations("1x2")
    >>> claim_c6_shadow_ranking(G, [Fraction(1), Fraction(0), Fraction(0), Fraction(1)]).verdict
    'holds'
    """
    if not isinstance(shadow, PixelGroup):
        raise InvalidArgument(f"shadow must be a PixelGroup, got {describe(shadow)}")
    c5_tau = c5_verdict = None
    if c5 is not None and not (isinstance(c5, Claim) and c5.id == "C5"
                               and "kendall_tau_orbit_size_vs_probability" in c5.evidence):
        raise InvalidArgument(f"c5 must be None or the C5 Claim (claim_c5_simplest_first), got {describe(c5)}")
    if c5 is not None:
        c5_tau, c5_verdict = c5.evidence["kendall_tau_orbit_size_vs_probability"], c5.verdict
    return _claim(rank_classes(shadow, probabilities), shadow.order(), c5_tau, c5_verdict, label)


def _claim(ranking, order, c5_tau, c5_verdict, label):
    extra = {"shadow_group_order": order}
    if c5_verdict is not None:
        extra["c5_kendall_tau"] = c5_tau
        extra["c5_verdict"] = c5_verdict
    return ranking_claim("C6", statement(label), ranking, label, extra)


def claim(case):
    """C6 on a :class:`~exactorbit.claims.Case`; undecided when there is no shadow group."""
    case = check_case(case)
    S = case.shadow_group
    if S is None:
        return undecided("C6", statement("S"), "no shadow group (see C3)")
    ranking = rank_classes(S, case.probabilities, decomposition=case.shadow_decomposition,
                           progress=False if case.quiet else None)
    return _claim(ranking, S.order(), fraction_str(case.ranking.tau), case.ranking.verdict, "S")
