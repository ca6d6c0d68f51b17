"""The record every claim returns: :class:`Claim`, its three verdicts, and exact numbers as JSON strings."""

from dataclasses import dataclass, field
from fractions import Fraction
from numbers import Rational

from .._validation import describe
from ..errors import InvalidArgument

__all__ = ["Claim", "HOLDS", "FAILS", "UNDECIDED", "fraction_str"]

HOLDS, FAILS, UNDECIDED = "holds", "fails", "undecided"


@dataclass
class Claim:
    """A claim with its computed verdict and exact evidence.

    ``pictures``: images (masks) worth drawing beside the verdict;
    ``certificates``: JSON certificates the claim produced (file name -> document),
    which the tour writes out; neither is part of :meth:`as_dict`.
    """

    id: str
    statement: str
    verdict: str
    evidence: dict = field(default_factory=dict)
    summary: str = ""
    pictures: list = field(default_factory=list)
    certificates: dict = field(default_factory=dict, repr=False)
    #: The grid of the pictures (set by :func:`exactorbit.claims.evaluate`), for drawing.
    grid: object = field(default=None, repr=False, compare=False)

    def _repr_html_(self):
        from .._display import claim_html

        return claim_html(self, self.grid)

    def as_dict(self):
        """JSON-able form: id, statement, verdict, evidence."""
        return {"id": self.id, "statement": self.statement, "verdict": self.verdict, "evidence": self.evidence}


def fraction_str(value):
    """An exact "p/q" string for a Fraction or int.

    >>> fraction_str(Fraction(2, 6)), fraction_str(3)
    ('1/3', '3/1')
    """
    if isinstance(value, bool) or not isinstance(value, Rational):
        raise InvalidArgument(f"value must be an int or a Fraction, got {describe(value)}")
    value = Fraction(value)
    return f"{value.numerator}/{value.denominator}"


def undecided(cid, statement, reason):
    """A claim that could not be decided on this case, with the reason (e.g. a refused computation)."""
    return Claim(cid, statement, UNDECIDED, {"reason": str(reason)}, f"undecided: {reason}")

