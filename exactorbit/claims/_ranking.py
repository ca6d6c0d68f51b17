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

from collections import Counter
from dataclasses import dataclass
from fractions import Fraction
from numbers import Rational

from .._budget import progress as _progress
from .._validation import check_flag, check_int, check_items, describe
from ..groups import check_group
from ..errors import InvalidArgument
from ..orbits import orbit_classes
from ._claim import FAILS, HOLDS, UNDECIDED, Claim, fraction_str

__all__ = ["kendall_tau", "pair_counts", "class_probabilities", "ranking_violations", "Ranking", "rank_classes"]


def _check_keys(name, values):
    """``values`` as a list of exact keys (int or Fraction); anything else is refused."""
    values = check_items(name, values)
    for k, v in enumerate(values):
        if isinstance(v, bool) or not isinstance(v, Rational):
            raise InvalidArgument(f"{name}[{k}] must be an int or a Fraction, got {describe(v)}")
    return values


def _check_classes(classes):
    """``classes`` as a list of (image, orbit size, probability) triples: ints and an exact probability."""
    classes = check_items("classes", classes)
    for k, c in enumerate(classes):
        if not (isinstance(c, (tuple, list)) and len(c) == 3):
            raise InvalidArgument(f"classes[{k}] must be an (image, orbit size, probability) triple, got {describe(c)}")
        check_int(f"classes[{k}] image", c[0], min_value=0)
        check_int(f"classes[{k}] orbit size", c[1], min_value=1)
        if isinstance(c[2], bool) or not isinstance(c[2], Rational):
            raise InvalidArgument(f"classes[{k}] probability must be an int or a Fraction, got {describe(c[2])}")
    return classes


def _ranks(values):
    """Each value replaced by its rank among the distinct values (0, 1, ...): ints that compare as the values do."""
    order = {v: r for r, v in enumerate(sorted(set(values)))}
    return [order[v] for v in values]


def _tied_pairs(keys):
    """Number of pairs i < j with keys[i] == keys[j]."""
    return sum(c * (c - 1) // 2 for c in Counter(keys).values())


def _inversions(seq):
    """Number of pairs i < j with seq[i] > seq[j] (strictly), by merge sort: O(m log m) comparisons.

    >>> _inversions([3, 1, 2, 2, 0])
    7
    """
    seq = list(seq)
    count = 0
    width = 1
    m = len(seq)
    buf = [None] * m
    while width < m:
        for lo in range(0, m, 2 * width):
            mid, hi = min(lo + width, m), min(lo + 2 * width, m)
            i, j, k = lo, mid, lo
            while i < mid and j < hi:
                if seq[j] < seq[i]:  # strictly smaller: every remaining left item is an inversion with it
                    buf[k] = seq[j]
                    count += mid - i
                    j += 1
                else:
                    buf[k] = seq[i]
                    i += 1
                k += 1
            buf[k:hi] = seq[i:mid] if i < mid else seq[j:hi]
        seq, buf = buf, seq
        width *= 2
    return count


def pair_counts(xs, ys):
    """(concordant, discordant, tied in xs, tied in ys, tied in both) pairs of two equally long sequences.

    A pair i < j is concordant when xs and ys differ the same way (strictly),
    discordant when they differ opposite ways; pairs tied in xs or in ys are
    neither.  Exact keys (ints, Fractions) are rank-compressed to ints (equal
    values, equal ranks) and the pairs counted without visiting them (Knight's
    algorithm, O(m log m)): sorted by (x, y), a pair is discordant exactly when
    it is a strict inversion of the y column (a pair tied in x is sorted by y, so
    it is never one), which a merge sort counts; the tied pairs come from the
    multiplicities of x, of y and of (x, y); and, of the C(m, 2) pairs,
    concordant = C(m, 2) - tied in x - tied in y + tied in both - discordant.
    The definition, pair by pair: :func:`exactorbit.testutil.naive_kendall_tau`.

    >>> pair_counts([1, 2, 3, 3], [1, 3, 2, 2])
    (3, 2, 1, 1, 1)
    """
    xs, ys = _check_keys("xs", xs), _check_keys("ys", ys)
    if len(xs) != len(ys):
        raise InvalidArgument(f"xs and ys must have one length, got {len(xs)} and {len(ys)}")
    rx, ry = _ranks(xs), _ranks(ys)
    m = len(rx)
    total = m * (m - 1) // 2
    tx, ty, txy = _tied_pairs(rx), _tied_pairs(ry), _tied_pairs(zip(rx, ry))
    ordered = [y for _, y in sorted(zip(rx, ry))]  # by x, ties in x by y: no inversion inside a tie in x
    discordant = _inversions(ordered)
    concordant = total - tx - ty + txy - discordant
    return concordant, discordant, tx, ty, txy


def kendall_tau(xs, ys):
    """Kendall's tau-a of two equally long sequences of exact keys (ints, Fractions), as an exact Fraction.

    tau-a = (concordant - discordant) / (number of pairs); tied pairs count as neither.
    Counted in O(m log m) (:func:`pair_counts`); the definition, pair by pair, is
    :func:`exactorbit.testutil.naive_kendall_tau`.

    >>> kendall_tau([1, 2, 3, 4], [1, 3, 2, 4])
    Fraction(2, 3)
    """
    concordant, discordant, tied_x, tied_y, tied_both = pair_counts(xs, ys)
    total = concordant + discordant + tied_x + tied_y - tied_both  # C(m, 2)
    return Fraction(concordant - discordant, total) if total else Fraction(0)


def class_probabilities(group, probabilities, *, decomposition=None):
    """Per G-orbit class: (minimal image, orbit size, mean probability over the orbit), by minimal image.

    The orbits come from :func:`exactorbit.orbits.orbit_classes` (pass a labelled
    ``decomposition`` of G to reuse one).

    >>> from exactorbit.groups import translations
    >>> class_probabilities(translations("1x2"), [Fraction(1), Fraction(1, 2), Fraction(0), Fraction(1)])
    [(0, 1, Fraction(1, 1)), (1, 2, Fraction(1, 4)), (3, 1, Fraction(1, 1))]
    """
    group = check_group(group)
    probabilities = _check_keys("probabilities", probabilities)
    if len(probabilities) != 1 << group.n:
        raise InvalidArgument(
            f"probabilities must have one entry per image (2^{group.n}), got {len(probabilities)}"
        )
    return [(c.representative, c.size, _mean([probabilities[y] for y in c.members]))
            for c in orbit_classes(group, decomposition=decomposition)]


def _mean(values):
    """The exact mean of exact values: numerators summed in ints per denominator (one Fraction per denominator).

    >>> _mean([Fraction(1, 3), Fraction(2, 3), 1, Fraction(1, 2)])
    Fraction(5, 8)
    """
    by_denominator = {}
    for v in values:
        if not isinstance(v, Rational):
            v = Fraction(v)
        d = int(v.denominator)
        by_denominator[d] = by_denominator.get(d, 0) + int(v.numerator)
    return sum((Fraction(t, d) for d, t in by_denominator.items()), Fraction(0)) / len(values)


#: Classes from which listing the violating pairs (one numpy pass over the classes per class) takes seconds.
BIG_LISTING = 20_000


#: Violating pairs listed at most by default (their exact number is always given): 10,000 pairs are
#: about 1 MB of JSON, where all of them can be millions (4x4 translations, weights {0, 1}: 42.7 MB).
LISTED = 10_000


def ranking_violations(classes, *, progress=None, listed=None):
    """Pairs of classes (a, b) with |Orb a| < |Orb b| but P(a) < P(b): counter-examples to "simplest first".

    ``classes`` is a list of (image, orbit size, probability); the pairs come in
    the order of a, then of b, in ``classes``.  Their number (the concordant
    pairs of size and probability) is counted first in O(m log m); only when it
    is not zero are they listed, row by row on integer ranks (exact).  ``listed``:
    the first that many pairs are returned (default :data:`LISTED`; None for the
    default, an int >= 0 otherwise); :func:`pair_counts` gives their exact number.
    A progress bar over the rows is shown when ``progress`` is true, or (None) from
    :data:`BIG_LISTING` classes on, where the listing takes seconds.

    >>> ranking_violations([(0, 1, Fraction(1, 2)), (1, 2, Fraction(1, 3)), (3, 4, Fraction(1, 2))])
    [((1, 2, Fraction(1, 3)), (3, 4, Fraction(1, 2)))]
    """
    listed = LISTED if listed is None else check_int("listed", listed, min_value=0)
    progress = check_flag("progress", progress, allow_none=True)
    classes = _check_classes(classes)
    if not listed or not pair_counts([c[1] for c in classes], [c[2] for c in classes])[0]:
        return []
    import numpy as np

    sizes = np.array(_ranks([c[1] for c in classes]), dtype=np.int64)
    probs = np.array(_ranks([c[2] for c in classes]), dtype=np.int64)
    bad = []
    with _progress(len(classes), "violating pairs", show=progress, default=len(classes) >= BIG_LISTING,
                   unit="class") as bar:
        for i, a in enumerate(classes):
            for j in np.flatnonzero((sizes > sizes[i]) & (probs > probs[i]))[:listed - len(bad)].tolist():
                bad.append((a, classes[j]))
            if len(bad) >= listed:
                break
            if i % 1024 == 1023:
                bar.update(1024)
    return bad


def _class_json(c):
    return {"image": c[0], "orbit_size": c[1], "probability": fraction_str(c[2])}


@dataclass
class Ranking:
    """Classes of one group ranked against the family's probabilities: what C5 (under G) and C6 (under S) judge.

    ``verdict``: fails on a violating pair, or when classes of different orbit
    sizes always tie (no preference at all); undecided when every class has one
    orbit size; holds otherwise.  ``violations`` lists the first violating pairs
    (at most :data:`LISTED` by default); ``number_of_violations`` counts them all.
    """

    classes: list
    tau: Fraction
    violations: list
    violations_nonconstant: int
    pairs: int
    comparable: int
    number_of_violations: int | None = None

    def __post_init__(self):
        self.classes = _check_classes(self.classes)
        if isinstance(self.tau, bool) or not isinstance(self.tau, Rational):
            raise InvalidArgument(f"tau must be an int or a Fraction, got {describe(self.tau)}")
        self.violations = check_items("violations", self.violations)
        for name in ("violations_nonconstant", "pairs", "comparable"):
            setattr(self, name, check_int(name, getattr(self, name), min_value=0))
        if self.number_of_violations is not None:
            self.number_of_violations = check_int("number_of_violations", self.number_of_violations, min_value=0)
        if self.number_of_violations is None:
            self.number_of_violations = len(self.violations)

    @property
    def verdict(self):
        if not self.pairs:
            return UNDECIDED  # every class has the same orbit size: nothing to rank
        if self.number_of_violations or not self.comparable:
            return FAILS  # a violation, or no preference at all (flat)
        return HOLDS


def rank_classes(group, probabilities, *, decomposition=None, progress=None, listed=None):
    """The :class:`Ranking` of G's orbit classes by orbit size against their reconstruction probabilities.

    Every count (Kendall's tau-a, pairs, comparable pairs, violations) comes from
    :func:`pair_counts` in O(m log m) for m classes; the violating pairs are
    listed only when there are some, the first ``listed`` of them (``progress``, ``listed``:
    see :func:`ranking_violations`); ``number_of_violations`` is their exact number.

    >>> from exactorbit.groups import translations
    >>> rank_classes(translations("1x2"), [Fraction(1), Fraction(0), Fraction(0), Fraction(1)]).verdict
    'holds'
    """
    classes = class_probabilities(group, probabilities, decomposition=decomposition)
    sizes, probs = [c[1] for c in classes], [c[2] for c in classes]
    concordant, discordant, tied_sizes, tied_probs, tied_both = pair_counts(sizes, probs)
    total = len(classes) * (len(classes) - 1) // 2
    full = max(c[0] for c in classes)  # the all-on image is alone in its orbit
    nonconstant = [c for c in classes if c[0] not in (0, full)]
    return Ranking(
        classes=classes,
        tau=Fraction(concordant - discordant, total) if total else Fraction(0),
        violations=ranking_violations(classes, progress=progress, listed=listed) if concordant else [],
        violations_nonconstant=pair_counts([c[1] for c in nonconstant], [c[2] for c in nonconstant])[0],
        pairs=total - tied_sizes,                           # pairs of classes with different orbit sizes
        comparable=total - tied_sizes - tied_probs + tied_both,  # ... and different probabilities
        number_of_violations=concordant,
    )


def ranking_claim(cid, statement, ranking, label, extra=None):
    """The Claim of a :class:`Ranking`: its verdict, the violating pairs (their exact number, the first
    ``ranking.violations`` of them listed), and Kendall's tau-a."""
    classes, bad, tau = ranking.classes, ranking.violations, ranking.tau
    verdict = ranking.verdict
    evidence = {
        "group": label,
        "classes": [_class_json(c) for c in classes],
        "kendall_tau_orbit_size_vs_probability": fraction_str(tau),
        "violations": [[_class_json(a), _class_json(b)] for a, b in bad],
        "number_of_violations": ranking.number_of_violations,
        "number_of_violations_excluding_constant_images": ranking.violations_nonconstant,
        "pairs_with_different_orbit_sizes": ranking.pairs,
        "comparable_pairs": ranking.comparable,
    }
    if len(bad) < ranking.number_of_violations:  # the listing stopped: say so in the answer
        evidence["violations_listed"] = len(bad)
    if extra:
        evidence.update(extra)
    if bad:
        a, b = bad[0]
        summary = (
            f"fails: {ranking.number_of_violations} violating pair(s); e.g. image {a[0]} (|Orb| {a[1]}) has P = {fraction_str(a[2])} "
            f"< P = {fraction_str(b[2])} of image {b[0]} (|Orb| {b[1]}); Kendall tau-a = {fraction_str(tau)}"
        )
        pictures = [a[0], b[0]]
    elif ranking.number_of_violations:  # counted, none listed (listed=0)
        summary = (f"fails: {ranking.number_of_violations} violating pair(s) (none listed); "
                   f"Kendall tau-a = {fraction_str(tau)}")
        pictures = []
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
