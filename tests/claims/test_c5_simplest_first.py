"""Claim C5 (exactorbit.claims.c5_simplest_first)."""

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from exactorbit import strategies as eos
from exactorbit.stabilizers import orbit_size
from exactorbit.claims import (
    FAILS,
    HOLDS,
    UNDECIDED,
    claim_c5_simplest_first,
    class_probabilities,
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
