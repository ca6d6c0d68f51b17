"""C1: uniform random search finds a stabilizer element of x after |Orb(x)| draws on average (theorem 4).

Checked under G and under the shadow group S (when there is one): for g
uniform in H, P(g.x = x) = 1/|Orb_H(x)|, counted over every element, for one
feature of each orbit size; a seeded simulation of the waiting time is
reported alongside.  "Theorem 4" is proofs/theorem4_uniform_search.md.
Example: examples/c1_uniform_search.py.
"""

from fractions import Fraction
import random

from .._validation import check_int, check_items, check_mask, check_name, describe
from .._perm.perms import apply_mask as _apply
from ..errors import InvalidArgument
from ..groups import check_group
from ..stabilizers import orbit_size
from ..orbits import orbit_classes
from .case import check_case
from ._claim import FAILS, HOLDS, Claim, fraction_str

__all__ = ["claim", "claim_c1_uniform_search", "features_by_orbit_size"]

#: Seeded draws per feature in the tour's waiting-time simulation.
TRIALS = 100

#: Most draws per feature :func:`claim_c1_uniform_search` makes (each waits about |Orb(x)| draws).
MAX_TRIALS = 100_000


def features_by_orbit_size(classes):
    """One feature (the smallest mask) per orbit size, smallest orbits first, from orbit classes.

    >>> from exactorbit.groups import translations
    >>> features_by_orbit_size(orbit_classes(translations("1x4")))
    [0, 5, 1]
    """
    from ..orbits import OrbitClass

    best = {}
    for k, c in enumerate(check_items("classes", classes)):
        if not isinstance(c, OrbitClass):
            raise InvalidArgument(f"classes[{k}] must be an OrbitClass (from orbit_classes), got {describe(c)}")
        best.setdefault(c.size, c.representative)
    return [best[k] for k in sorted(best)]


def claim_c1_uniform_search(group, features, *, label="G", trials=200, seed=0):
    """C1: for g uniform in H, P(g.x = x) = 1/|Orb_H(x)|; uniform search waits |Orb_H(x)| on average.

    The probability is counted over the element list (every element applied),
    independently of the orbit search; a seeded simulation of the waiting time
    is reported alongside, as an exact mean of its draws.

    >>> from exactorbit.groups import translations
    >>> claim_c1_uniform_search(translations("2x2"), [1, 3]).verdict
    'holds'
    """
    group = check_group(group)
    features = [check_mask(f"features[{k}]", x, group.n) for k, x in enumerate(check_items("features", features))]
    label = check_name("label", label)
    trials = check_int("trials", trials, min_value=1, max_value=MAX_TRIALS)
    seed = check_int("seed", seed)
    elements = group.elements()
    rng = random.Random(seed)
    rows = []
    ok = True
    for x in features:
        fixed = sum(1 for g in elements if _apply(g, x) == x)
        p = Fraction(fixed, len(elements))
        size = orbit_size(group, x)
        ok &= p == Fraction(1, size)
        waits = []
        for _ in range(trials):
            t = 1
            while _apply(group.random_element(rng), x) != x:
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
        statement=statement(label),
        verdict=HOLDS if ok else FAILS,
        evidence={"group": label, "group_order": group.order(), "features": rows},
        summary=f"{len(rows)} features: P(g.x = x) counted over all {len(elements)} elements of {label} equals 1/|Orb| for "
        + ("all" if ok else "NOT all"),
        pictures=[r["image"] for r in rows],
    )


def statement(label="G"):
    """C1's statement, for the group called ``label``."""
    return f"for g uniform in {label}, P(g.x = x) = 1/|Orb(x)|, and uniform search waits |Orb(x)| draws on average"


def claim(case):
    """C1 on a :class:`~exactorbit.claims.Case`: under G, and under the shadow group S when it is not trivial."""
    case = check_case(case)
    G = case.group
    c1 = claim_c1_uniform_search(G, features_by_orbit_size(orbit_classes(G, decomposition=case.decomposition)),
                                 label="G", trials=TRIALS)
    S = case.shadow_group
    if S is not None and S.order() > 1:
        under_s = claim_c1_uniform_search(
            S, features_by_orbit_size(orbit_classes(S, decomposition=case.shadow_decomposition)),
            label="S", trials=TRIALS)
        c1.evidence["under_shadow_group"] = under_s.evidence
        if under_s.verdict != HOLDS:
            c1.verdict = under_s.verdict
    return c1
