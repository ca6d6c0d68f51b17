"""Ranking features against reconstruction probabilities: the shared machinery of claims C5 and C6.

Conventions: a per-image probability vector is a list of :class:`fractions.Fraction`
indexed by mask; a *class* is ``(minimal image, orbit size, mean probability over
the orbit)``.  The mean over the orbit is the probability that a uniformly drawn
member of the class is reconstructed; for a conjugation-invariant family
(theorem 7) it equals the probability of every member.

>>> from fractions import Fraction
>>> kendall_tau([1, 2, 3], [Fraction(3), Fraction(2), Fraction(1)])
Fraction(-1, 1)
"""

from dataclasses import dataclass
from fractions import Fraction

from ..errors import InvalidArgument
from ..orbits import orbit_classes
from ._claim import FAILS, HOLDS, UNDECIDED, Claim, fraction_str

__all__ = ["kendall_tau", "class_probabilities", "ranking_violations", "Ranking", "rank_classes"]


def _sign(v):
    return (v > 0) - (v < 0)


def kendall_tau(xs, ys):
    """Kendall's tau-a of two equally long sequences, as an exact Fraction.

    tau-a = (concordant - discordant) / (number of pairs); tied pairs count as neither.

    >>> kendall_tau([1, 2, 3, 4], [1, 3, 2, 4])
    Fraction(2, 3)
    """
    if len(xs) != len(ys):
        raise InvalidArgument(f"xs and ys must have one length, got {len(xs)} and {len(ys)}")
    m = len(xs)
    if m < 2:
        return Fraction(0)
    s = 0
    for i in range(m):
        for j in range(i + 1, m):
            s += _sign(xs[i] - xs[j]) * _sign(ys[i] - ys[j])
    return Fraction(s, m * (m - 1) // 2)


def class_probabilities(group, probabilities, *, decomposition=None):
    """Per G-orbit class: (minimal image, orbit size, mean probability over the orbit), by minimal image.

    The orbits come from :func:`exactorbit.orbits.orbit_classes` (pass a labelled
    ``decomposition`` of G to reuse one).

    >>> from exactorbit.groups import translations
    >>> class_probabilities(translations("1x2"), [Fraction(1), Fraction(1, 2), Fraction(0), Fraction(1)])
    [(0, 1, Fraction(1, 1)), (1, 2, Fraction(1, 4)), (3, 1, Fraction(1, 1))]
    """
    if len(probabilities) != 1 << group.n:
        raise InvalidArgument(
            f"probabilities must have one entry per image (2^{group.n}), got {len(probabilities)}"
        )
    return [
        (c.representative, c.size, sum((Fraction(probabilities[y]) for y in c.members), Fraction(0)) / c.size)
        for c in orbit_classes(group, decomposition=decomposition)
    ]


def ranking_violations(classes):
    """Pairs of classes (a, b) with |Orb a| < |Orb b| but P(a) < P(b): counter-examples to "simplest first".

    ``classes`` is a list of (image, orbit size, probability).

    >>> ranking_violations([(0, 1, Fraction(1, 2)), (1, 2, Fraction(1, 3)), (3, 4, Fraction(1, 2))])
    [((1, 2, Fraction(1, 3)), (3, 4, Fraction(1, 2)))]
    """
    bad = []
    for a in classes:
        for b in classes:
            if a[1] < b[1] and a[2] < b[2]:
                bad.append((a, b))
    return bad


def _class_json(c):
    return {"image": c[0], "orbit_size": c[1], "probability": fraction_str(c[2])}


@dataclass
class Ranking:
    """Classes of one group ranked against the family's probabilities: what C5 (under G) and C6 (under S) judge.

    ``verdict``: fails on a violating pair, or when classes of different orbit
    sizes always tie (no preference at all); undecided when every class has one
    orbit size; holds otherwise.
    """

    classes: list
    tau: Fraction
    violations: list
    violations_nonconstant: int
    pairs: int
    comparable: int

    @property
    def verdict(self):
        if not self.pairs:
            return UNDECIDED  # every class has the same orbit size: nothing to rank
        if self.violations or not self.comparable:
            return FAILS  # a violation, or no preference at all (flat)
        return HOLDS


def rank_classes(group, probabilities, *, decomposition=None):
    """The :class:`Ranking` of G's orbit classes by orbit size against their reconstruction probabilities.

    >>> from exactorbit.groups import translations
    >>> rank_classes(translations("1x2"), [Fraction(1), Fraction(0), Fraction(0), Fraction(1)]).verdict
    'holds'
    """
    classes = class_probabilities(group, probabilities, decomposition=decomposition)
    pairs = [(a, b) for a in classes for b in classes if a[1] < b[1]]
    full = max(c[0] for c in classes)  # the all-on image is alone in its orbit
    return Ranking(
        classes=classes,
        tau=kendall_tau([c[1] for c in classes], [c[2] for c in classes]),
        violations=ranking_violations(classes),
        violations_nonconstant=len(ranking_violations([c for c in classes if c[0] not in (0, full)])),
        pairs=len(pairs),
        comparable=sum(1 for a, b in pairs if a[2] != b[2]),
    )


def ranking_claim(cid, statement, ranking, label, extra=None):
    """The Claim of a :class:`Ranking`: its verdict, every violating pair, and Kendall's tau-a."""
    classes, bad, tau = ranking.classes, ranking.violations, ranking.tau
    verdict = ranking.verdict
    evidence = {
        "group": label,
        "classes": [_class_json(c) for c in classes],
        "kendall_tau_orbit_size_vs_probability": fraction_str(tau),
        "violations": [[_class_json(a), _class_json(b)] for a, b in bad],
        "number_of_violations": len(bad),
        "number_of_violations_excluding_constant_images": ranking.violations_nonconstant,
        "pairs_with_different_orbit_sizes": ranking.pairs,
        "comparable_pairs": ranking.comparable,
    }
    if extra:
        evidence.update(extra)
    if bad:
        a, b = bad[0]
        summary = (
            f"fails: {len(bad)} violating pair(s); e.g. image {a[0]} (|Orb| {a[1]}) has P = {fraction_str(a[2])} "
            f"< P = {fraction_str(b[2])} of image {b[0]} (|Orb| {b[1]}); Kendall tau-a = {fraction_str(tau)}"
        )
        pictures = [a[0], b[0]]
    elif ranking.pairs and not ranking.comparable:
        p0 = fraction_str(classes[0][2])
        summary = (
            f"fails: no preference at all: every class has the same probability {p0}"
            if len({c[2] for c in classes}) == 1
            else "fails: classes of different orbit sizes always have equal probabilities"
        )
        pictures = []
    else:
        summary = f"{verdict}: {ranking.comparable} comparable pairs, none violating; Kendall tau-a = {fraction_str(tau)}"
        pictures = []
    return Claim(cid, statement, verdict, evidence, summary, pictures)
