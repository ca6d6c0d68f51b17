"""C5: simplest first: the reconstruction probability of x decreases as |Orb_G(x)| grows.

Every pair of orbit classes with a smaller orbit and a smaller probability is a
counter-example, listed with Kendall's tau-a of orbit size against probability
(:mod:`exactorbit.claims._ranking`).  Example: examples/c5_simplest_first.py.
"""

from .case import check_case
from ._ranking import rank_classes, ranking_claim

__all__ = ["claim", "claim_c5_simplest_first", "statement"]


def statement(label="G"):
    """C5's statement under a group named ``label``."""
    return (f"simplest first: over a uniformly drawn network, the reconstruction probability of x decreases as "
            f"|Orb_{label}(x)| grows")


def claim_c5_simplest_first(group, probabilities, *, label="G"):
    """C5: is the reconstruction probability of x non-increasing in |Orb_G(x)|?

    Fails when some pair of classes has a strictly smaller orbit and a strictly
    smaller probability (every such pair is listed), or when there is no
    preference at all (classes of different orbit sizes always tie); holds
    otherwise; undecided when all classes have one orbit size.

    >>> from fractions import Fraction
    >>> from exactorbit.groups import translations
    >>> G = translations("1x2")
    >>> claim_c5_simplest_first(G, [Fraction(1), Fraction(0), Fraction(0), Fraction(1)]).verdict
    'holds'
    >>> claim_c5_simplest_first(G, [Fraction(0), Fraction(1), Fraction(1), Fraction(0)]).verdict
    'fails'
    """
    return ranking_claim("C5", statement(label), rank_classes(group, probabilities), label)


def claim(case):
    """C5 on a :class:`~exactorbit.claims.Case` (its ranking of G's classes)."""
    case = check_case(case)
    return ranking_claim("C5", statement("G"), case.ranking, "G",
                         {"reconstruction_method": case.probabilities.method})
