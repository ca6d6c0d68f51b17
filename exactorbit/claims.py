"""The paper's claims as computed verdicts on a toy case (proofs/claims.md says what each means).

Every claim returns a :class:`Claim`: an id (C1, ...), the statement, a verdict
(``holds``, ``fails`` or ``undecided``) computed from exact numbers, and the
evidence (JSON-able: ints, lists, "p/q" strings).  Verdicts are never written
in: change the inputs and they change.

Conventions: a *family* is a list of ``(table, multiplicity)`` with function
tables on the 2^n image masks (see :mod:`exactorbit.shadow`); a per-image
probability vector is a list of :class:`fractions.Fraction` indexed by mask.

>>> from fractions import Fraction
>>> kendall_tau([1, 2, 3], [Fraction(3), Fraction(2), Fraction(1)])
Fraction(-1, 1)
"""

from dataclasses import dataclass, field
from fractions import Fraction
import random


from ._validation import describe
from .actions import apply, orbit, orbit_size
from .errors import InvalidArgument
from .groups import PixelGroup

__all__ = [
    "Claim",
    "HOLDS",
    "FAILS",
    "UNDECIDED",
    "kendall_tau",
    "fraction_str",
    "orbit_classes",
    "class_probabilities",
    "claim_c1_uniform_search",
    "claim_c5_simplest_first",
    "claim_c6_shadow_ranking",
    "ranking_violations",
]

HOLDS, FAILS, UNDECIDED = "holds", "fails", "undecided"


@dataclass
class Claim:
    """A claim with its computed verdict and exact evidence."""

    id: str
    statement: str
    verdict: str
    evidence: dict = field(default_factory=dict)
    summary: str = ""
    pictures: list = field(default_factory=list)

    def as_dict(self):
        """JSON-able form: id, statement, verdict, evidence."""
        return {"id": self.id, "statement": self.statement, "verdict": self.verdict, "evidence": self.evidence}


def fraction_str(value):
    """An exact "p/q" string for a Fraction or int.

    >>> fraction_str(Fraction(2, 6)), fraction_str(3)
    ('1/3', '3/1')
    """
    value = Fraction(value)
    return f"{value.numerator}/{value.denominator}"


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


def _orbits(group):
    """Yield every orbit of G on the 2^n images (sorted tuples), by minimal image."""
    seen = set()
    for x in range(1 << group.n):
        if x not in seen:
            orb = orbit(group, x)
            seen.update(orb)
            yield orb


def orbit_classes(group):
    """The orbits of G on all 2^n images: list of (minimal image, orbit size), by minimal image.

    >>> from exactorbit.groups import translations
    >>> orbit_classes(translations("1x2"))
    [(0, 1), (1, 2), (3, 1)]
    """
    return [(orb[0], len(orb)) for orb in _orbits(group)]


def class_probabilities(group, probabilities):
    """Per G-orbit class: (minimal image, orbit size, mean probability over the orbit).

    The mean over the orbit is the probability that a uniformly drawn member of
    the class is reconstructed; for a conjugation-invariant family (theorem 7)
    it equals the probability of every member.

    >>> from exactorbit.groups import translations
    >>> class_probabilities(translations("1x2"), [Fraction(1), Fraction(1, 2), Fraction(0), Fraction(1)])
    [(0, 1, Fraction(1, 1)), (1, 2, Fraction(1, 4)), (3, 1, Fraction(1, 1))]
    """
    if len(probabilities) != 1 << group.n:
        raise InvalidArgument(
            f"probabilities must have one entry per image (2^{group.n}), got {len(probabilities)}"
        )
    return [
        (orb[0], len(orb), sum((Fraction(probabilities[y]) for y in orb), Fraction(0)) / len(orb))
        for orb in _orbits(group)
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


def claim_c1_uniform_search(group, features, *, label="G", trials=200, seed=0):
    """C1: for g uniform in H, P(g.x = x) = 1/|Orb_H(x)|; uniform search waits |Orb_H(x)| on average.

    The probability is counted over the element list (every element applied),
    independently of the orbit search; a seeded simulation of the waiting time
    is reported alongside, as an exact mean of its draws.

    >>> from exactorbit.groups import translations
    >>> claim_c1_uniform_search(translations("2x2"), [1, 3]).verdict
    'holds'
    """
    elements = group.elements()
    rng = random.Random(seed)
    rows = []
    ok = True
    for x in features:
        fixed = sum(1 for g in elements if apply(g, x) == x)
        p = Fraction(fixed, len(elements))
        size = orbit_size(group, x)
        ok &= p == Fraction(1, size)
        waits = []
        for _ in range(trials):
            t = 1
            while apply(group.random_element(rng), x) != x:
                t += 1
            waits.append(t)
        rows.append(
            {
                "image": x,
                "orbit_size": size,
                "fixing_probability": fraction_str(p),
                "expected_wait": size,
                "simulated_mean_wait": fraction_str(Fraction(sum(waits), trials)),
                "trials": trials,
            }
        )
    return Claim(
        id="C1",
        statement=f"for g uniform in {label}, P(g.x = x) = 1/|Orb(x)|, and uniform search waits |Orb(x)| draws on average",
        verdict=HOLDS if ok else FAILS,
        evidence={"group": label, "group_order": group.order(), "features": rows},
        summary=f"{len(rows)} features: P(g.x = x) counted over all {len(elements)} elements of {label} equals 1/|Orb| for "
        + ("all" if ok else "NOT all"),
        pictures=[r["image"] for r in rows],
    )


def claim_c5_simplest_first(group, probabilities, *, label="G"):
    """C5: is the reconstruction probability of x non-increasing in |Orb_G(x)|?

    Fails when some pair of classes has a strictly smaller orbit and a strictly
    smaller probability (every such pair is listed), or when there is no
    preference at all (classes of different orbit sizes always tie); holds
    otherwise; undecided when all classes have one orbit size.

    >>> from exactorbit.groups import translations
    >>> G = translations("1x2")
    >>> claim_c5_simplest_first(G, [Fraction(1), Fraction(0), Fraction(0), Fraction(1)]).verdict
    'holds'
    >>> claim_c5_simplest_first(G, [Fraction(0), Fraction(1), Fraction(1), Fraction(0)]).verdict
    'fails'
    """
    classes = class_probabilities(group, probabilities)
    return _ranking_claim(
        "C5",
        f"simplest first: over a uniformly drawn network, the reconstruction probability of x decreases as |Orb_{label}(x)| grows",
        classes,
        label,
    )


def _ranking_claim(cid, statement, classes, label, extra=None):
    bad = ranking_violations(classes)
    pairs = [(a, b) for a in classes for b in classes if a[1] < b[1]]
    comparable = [(a, b) for a, b in pairs if a[2] != b[2]]
    sizes = [c[1] for c in classes]
    probs = [c[2] for c in classes]
    tau = kendall_tau(sizes, probs)
    full = max(c[0] for c in classes)  # the all-on image is alone in its orbit
    bad_nonconstant = ranking_violations([c for c in classes if c[0] not in (0, full)])
    if not pairs:
        verdict = UNDECIDED  # every class has the same orbit size: nothing to rank
    elif bad or not comparable:
        verdict = FAILS  # a violation, or no preference at all (flat)
    else:
        verdict = HOLDS
    evidence = {
        "group": label,
        "classes": [_class_json(c) for c in classes],
        "kendall_tau_orbit_size_vs_probability": fraction_str(tau),
        "violations": [[_class_json(a), _class_json(b)] for a, b in bad],
        "number_of_violations": len(bad),
        "number_of_violations_excluding_constant_images": len(bad_nonconstant),
        "pairs_with_different_orbit_sizes": len(pairs),
        "comparable_pairs": len(comparable),
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
    elif pairs and not comparable:
        p0 = fraction_str(classes[0][2])
        summary = (
            f"fails: no preference at all: every class has the same probability {p0}"
            if len(set(probs)) == 1
            else "fails: classes of different orbit sizes always have equal probabilities"
        )
        pictures = []
    else:
        summary = f"{verdict}: {len(comparable)} comparable pairs, none violating; Kendall tau-a = {fraction_str(tau)}"
        pictures = []
    return Claim(cid, statement, verdict, evidence, summary, pictures)


def claim_c6_shadow_ranking(shadow, probabilities, c5=None, *, label="S"):
    """C6: over the shadow group S, does ranking features by 1/|Orb_S(x)| agree with the networks?

    Classes are the S-orbits; each class has P_S = 1/|Orb_S| (theorem 4) and
    the mean reconstruction probability of the family.  Holds when no pair of
    classes has a smaller S-orbit and a smaller reconstruction probability.

    >>> from exactorbit.groups import translations
    >>> G = translations("1x2")
    >>> claim_c6_shadow_ranking(G, [Fraction(1), Fraction(0), Fraction(0), Fraction(1)]).verdict
    'holds'
    """
    if not isinstance(shadow, PixelGroup):
        raise InvalidArgument(f"shadow must be a PixelGroup, got {describe(shadow)}")
    classes = class_probabilities(shadow, probabilities)
    extra = {"shadow_group_order": shadow.order()}
    if c5 is not None:
        extra["c5_kendall_tau"] = c5.evidence["kendall_tau_orbit_size_vs_probability"]
        extra["c5_verdict"] = c5.verdict
    return _ranking_claim(
        "C6",
        f"over the shadow group {label}, ranking features by 1/|Orb_{label}(x)| (theorem 4) agrees with the networks' reconstruction probabilities",
        classes,
        label,
        extra,
    )
