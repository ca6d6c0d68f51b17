"""Claims: verdicts are computed, and flip when the evidence does."""

from fractions import Fraction

from hypothesis import given, strategies as st

from exactorbit import strategies as eos
from exactorbit.actions import orbit_size
from exactorbit.claims import (
    FAILS,
    HOLDS,
    UNDECIDED,
    claim_c1_uniform_search,
    claim_c5_simplest_first,
    claim_c6_shadow_ranking,
    class_probabilities,
    kendall_tau,
    orbit_classes,
)
from exactorbit.groups import named_group, translations, trivial
from exactorbit.testutil import naive_orbit


def test_c5_fails_when_only_a_large_orbit_feature_is_learned():
    group = named_group("translations+dihedral", "3x3")
    x = 0b000010011  # an L-shaped triple: orbit of size 72/|Stab|
    big = orbit_size(group, x)
    assert big > 6
    probs = [Fraction(0)] * 512
    probs[x] = Fraction(1)
    claim = claim_c5_simplest_first(group, probs)
    assert claim.verdict == FAILS
    assert claim.evidence["number_of_violations"] > 0
    a, b = claim.evidence["violations"][0]
    assert a["orbit_size"] < b["orbit_size"]
    assert Fraction(a["probability"]) < Fraction(b["probability"])


def test_c5_holds_when_probability_is_one_over_orbit_size():
    group = named_group("translations+dihedral", "3x3")
    probs = [Fraction(1, orbit_size(group, x)) for x in range(512)]
    claim = claim_c5_simplest_first(group, probs)
    assert claim.verdict == HOLDS
    assert Fraction(claim.evidence["kendall_tau_orbit_size_vs_probability"]) < 0


def test_c5_fails_when_flat_and_is_undecided_with_one_orbit_size():
    group = translations("2x2")
    claim = claim_c5_simplest_first(group, [Fraction(1, 2)] * 16)
    assert claim.verdict == FAILS and "no preference" in claim.summary
    assert claim_c5_simplest_first(trivial("2x2"), [Fraction(k, 16) for k in range(16)]).verdict == UNDECIDED


@given(eos.pixel_groups(max_pixels=5), st.data())
def test_c5_verdict_matches_definition(group, data):
    probs = [Fraction(data.draw(st.integers(0, 3)), 3) for _ in range(1 << group.n)]
    classes = class_probabilities(group, probs)
    # naive classes: brute-force orbits, mean probability
    naive = {}
    for x in range(1 << group.n):
        orb = naive_orbit(group, x)
        naive[orb[0]] = (len(orb), sum(probs[y] for y in orb) / len(orb))
    assert {c[0]: (c[1], c[2]) for c in classes} == naive
    pairs = [(a, b) for a in naive.values() for b in naive.values() if a[0] < b[0]]
    violated = any(a[1] < b[1] for a, b in pairs)
    comparable = any(a[1] != b[1] for a, b in pairs)
    verdict = claim_c5_simplest_first(group, probs).verdict
    assert verdict == (UNDECIDED if not pairs else FAILS if violated or not comparable else HOLDS)


def test_c6_uses_the_shadow_groups_orbits():
    group = named_group("translations+dihedral", "3x3")
    probs = [Fraction(1, orbit_size(group, x)) for x in range(512)]
    # under the trivial shadow group every orbit has size 1: nothing to rank
    assert claim_c6_shadow_ranking(trivial("3x3"), probs).verdict == UNDECIDED
    c5 = claim_c5_simplest_first(group, probs)
    c6 = claim_c6_shadow_ranking(group, probs, c5)
    assert c6.verdict == HOLDS and c6.evidence["c5_verdict"] == HOLDS


def test_c1_holds_and_reports_exact_numbers():
    group = named_group("translations+dihedral", "3x3")
    claim = claim_c1_uniform_search(group, [1, 3, 0b010010010], trials=50)
    assert claim.verdict == HOLDS
    for row in claim.evidence["features"]:
        assert Fraction(row["fixing_probability"]) == Fraction(1, row["orbit_size"])


@given(st.lists(st.integers(0, 5), min_size=2, max_size=8), st.data())
def test_kendall_tau_matches_pair_count(xs, data):
    ys = data.draw(st.lists(st.integers(0, 5), min_size=len(xs), max_size=len(xs)))
    pairs = [(i, j) for i in range(len(xs)) for j in range(i + 1, len(xs))]
    conc = sum(1 for i, j in pairs if (xs[i] - xs[j]) * (ys[i] - ys[j]) > 0)
    disc = sum(1 for i, j in pairs if (xs[i] - xs[j]) * (ys[i] - ys[j]) < 0)
    assert kendall_tau(xs, ys) == Fraction(conc - disc, len(pairs))
    assert -1 <= kendall_tau(xs, ys) <= 1


def test_orbit_classes_partition():
    group = named_group("translations+dihedral", "3x3")
    classes = orbit_classes(group)
    assert len(classes) == 26 and sum(size for _, size in classes) == 512
