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

    def __repr__(self):
        """One line: the id, the verdict, the summary (cut to 200 characters) and the names of the evidence.

        The evidence itself can be megabytes (every violating pair of C5 on 4x4): it is in
        :attr:`evidence` and :meth:`as_dict`, not in the repr.

        >>> Claim("C0", "a statement", HOLDS, {"pairs": list(range(10**5))}, "holds: all fine")
        Claim('C0', verdict='holds', summary='holds: all fine', evidence keys: pairs)
        """
        from .._validation import clip

        keys = ", ".join(map(str, list(self.evidence)[:8])) + (", ..." if len(self.evidence) > 8 else "")
        return (f"Claim({self.id!r}, verdict={self.verdict!r}, summary={clip(self.summary, 200)!r}, "
                f"evidence keys: {keys or 'none'})")

    def __str__(self):
        """Two lines, as the tour prints a claim: ``ID [VERDICT] statement`` and the summary (each cut to 300 characters).

        >>> print(Claim("C0", "a statement", HOLDS, {}, "holds: all fine"))
        C0 [HOLDS] a statement
           holds: all fine
        """
        from .._validation import clip

        return f"{self.id} [{self.verdict.upper()}] {clip(self.statement, 300)}\n   {clip(self.summary, 300)}"

    def as_dict(self):
        """JSON-able form: id, statement, verdict, summary (one sentence), evidence.

        >>> sorted(Claim("C0", "a statement", HOLDS, {"n": 1}, "holds: all fine").as_dict())
        ['evidence', 'id', 'statement', 'summary', 'verdict']
        """
        return {"id": self.id, "statement": self.statement, "verdict": self.verdict, "summary": self.summary,
                "evidence": self.evidence}

    def to_dict(self):
        """The same as :meth:`as_dict` (the name the result types of exactorbit share)."""
        return self.as_dict()


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

