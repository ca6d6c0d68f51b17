"""Reconstruction probabilities: direct and by-weight routes, theorem 7 (exactorbit.networks.reconstruction)."""

from fractions import Fraction
from math import comb

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from exactorbit import strategies as eos
from exactorbit.actions import apply, orbit
from exactorbit.errors import InvalidArgument, TooExpensive
from exactorbit.functions import fixed_points
from exactorbit.images import Grid
from exactorbit.networks import (
    FamilySpec,
    NetworkFamily,
    conditioned_reconstruction,
    enumerate_functions,
    enumeration_estimate,
    parameter_settings,
    reconstruction_counts,
    reconstruction_counts_by_weight,
    reconstruction_probabilities,
    reconstruction_probabilities_by_weight,
)

ALPHABETS = [(-1, 0, 1), (-1, 1), (0, 1)]


@pytest.mark.parametrize("k", [1, 2])
@pytest.mark.parametrize("tied", [True, False])
@pytest.mark.parametrize("alphabet", [(-1, 0, 1), (0, 1)])
def test_two_algorithms_agree_2x2(k, tied, alphabet):
    """Closed form / column DP vs the sum over encoder representatives (D empty) vs enumeration."""
    fam = NetworkFamily("2x2", k, tied=tied, alphabet=alphabet)
    probs = reconstruction_probabilities(fam)
    assert conditioned_reconstruction(fam, []) == probs
    if tied or k == 1:
        total = parameter_settings(fam)
        counts = [0] * 16
        for table, mult in enumerate_functions(fam):
            for x in fixed_points(table):
                counts[x] += mult
        assert [Fraction(c, total) for c in counts] == probs


def test_required_sizes_and_speed():
    expected_uniform = {("2x2", 1, True): Fraction(3, 40), ("2x2", 2, True): Fraction(611, 7296)}
    for grid, k, tied in [("2x2", 1, True), ("2x2", 2, True), ("2x2", 3, True), ("2x2", 3, False),
                          ("3x3", 1, True), ("3x3", 2, True)]:
        fam = NetworkFamily(grid, k, tied=tied)
        probs = reconstruction_probabilities(fam)
        assert len(probs) == 2**fam.n and all(0 < p < 1 for p in probs)
        if (grid, k, tied) in expected_uniform:  # from the enumeration in test_two_algorithms_agree_2x2
            assert set(probs) == {expected_uniform[grid, k, tied]}
    probs = reconstruction_probabilities(NetworkFamily("3x3", 1, tied=False))  # timed in benchmarks/
    # untied, alphabet closed under negation: given the code, each decoder unit outputs 1 on
    # exactly half of its settings ((v, s) -> (-v, 1 - s)), so P(F(x) = x) = 2^-9 for every x
    assert set(probs) == {Fraction(1, 512)}


def test_uniformity_comes_from_pixel_flips():
    # with alphabet {0, 1} (not closed under negation) the probabilities are not uniform,
    # but still constant on S_n-orbits, i.e. they depend only on the weight of the image
    probs = reconstruction_probabilities(NetworkFamily("2x2", 2, alphabet=(0, 1)))
    by_weight = {}
    for x, p in enumerate(probs):
        by_weight.setdefault(bin(x).count("1"), set()).add(p)
    assert all(len(v) == 1 for v in by_weight.values())
    assert len({next(iter(v)) for v in by_weight.values()}) > 1


@settings(max_examples=25, deadline=None)
@given(eos.network_families(max_pixels=4, max_hidden=2, alphabets=((-1, 0, 1), (0, 1), (-1, 0, 1, 2))), st.data())
def test_theorem7_constant_on_orbits(fam, data):
    """Theorem 7: the family is invariant under conjugation by any pixel group G, so the
    reconstruction probability (here from the enumerated functions, no symmetry used) is
    constant on G-orbits; and conditioning transports: P(x | D) = P(g.x | g.D)."""
    assume(0 < parameter_settings(fam) and enumeration_estimate(fam) <= 500_000)
    group = data.draw(eos.pixel_groups(grid=fam.grid, max_pixels=4))
    fs = enumerate_functions(fam)
    counts = [0] * 2**fam.n
    for table, mult in fs:
        for x in fixed_points(table):
            counts[x] += mult
    for x in range(2**fam.n):
        assert {counts[y] for y in orbit(group, x)} == {counts[x]}
    g = data.draw(eos.group_elements(group))
    D = data.draw(st.lists(st.integers(0, 2**fam.n - 1), max_size=2))
    try:
        cond = conditioned_reconstruction(fam, D)
    except InvalidArgument:
        with pytest.raises(InvalidArgument):
            conditioned_reconstruction(fam, [apply(g, d) for d in D])
        return
    moved = conditioned_reconstruction(fam, [apply(g, d) for d in D])
    assert all(moved[apply(g, x)] == cond[x] for x in range(2**fam.n))


def _by_weight_cases(m):
    for k in (1, 2):
        for tied in (True, False):
            for alphabet in ALPHABETS:
                for excl in (False, True):
                    yield NetworkFamily(Grid(1, m), k, tied=tied, alphabet=alphabet, exclude_constant=excl)


@pytest.mark.parametrize("m", range(1, 7))
def test_by_weight_equals_full_reconstruction_grouped(m):
    checked = 0
    for fam in _by_weight_cases(m):
        spec = FamilySpec.from_family(fam)
        assert parameter_settings(spec) == parameter_settings(fam)
        full = reconstruction_counts(fam)
        by_w = reconstruction_counts_by_weight(fam)
        assert len(by_w) == m + 1
        assert reconstruction_counts_by_weight(spec) == by_w
        # every input of weight s has the count by_w[s] (grouped by weight) ...
        for x, c in enumerate(full):
            assert c == by_w[x.bit_count()]
        # ... so the totals agree: sum_s C(m, s) * count_s = sum over all inputs
        assert sum(comb(m, s) * c for s, c in enumerate(by_w)) == sum(full)
        if parameter_settings(fam):
            probs = reconstruction_probabilities(fam)
            by_p = reconstruction_probabilities_by_weight(spec)
            assert all(probs[x] == by_p[x.bit_count()] for x in range(2**m))
            checked += 1
    assert checked >= 20


@settings(max_examples=20, deadline=None)
@given(eos.network_families(max_pixels=4, max_hidden=2, alphabets=((-1, 0, 1), (-1, 1), (0, 1), (-1, 0, 1, 2))))
def test_by_weight_random_families(fam):
    assume(parameter_settings(fam) > 0)
    probs = reconstruction_probabilities(fam)
    by_p = reconstruction_probabilities_by_weight(fam)
    assert [probs[(1 << s) - 1] for s in range(fam.n + 1)] == by_p


@pytest.mark.parametrize("m, k, tied", [(24, 1, True), (32, 1, True), (32, 1, False), (32, 2, True), (32, 2, False)])
def test_by_weight_large_inputs(m, k, tied):
    probs = reconstruction_probabilities_by_weight(FamilySpec(m, k, tied=tied))  # timing: benchmarks/
    assert len(probs) == m + 1 and all(0 < p < 1 for p in probs)
    # alphabet {-1, 0, 1} is closed under negation: every input equally likely (pixel flips)
    assert len(set(probs)) == 1
    asym = reconstruction_probabilities_by_weight(FamilySpec(m, k, tied=tied, alphabet=(0, 1)))
    # complementing every input and output, with threshold t -> sum(w) + 1 - t, maps the family onto
    # itself (any alphabet), so weight s and weight m - s are equally likely; (0, 1) has no pixel flips
    assert asym == asym[::-1] and len(set(asym)) > 1


def test_by_weight_errors_and_cost_limit():
    with pytest.raises(TooExpensive, match="force=True"):
        reconstruction_counts_by_weight(FamilySpec(32, 3), limit=1000)
    assert len(reconstruction_counts_by_weight(FamilySpec(4, 3), limit=10, force=True)) == 5
    with pytest.raises(InvalidArgument, match="inputs"):
        FamilySpec(0)
    with pytest.raises(InvalidArgument, match="tied"):
        FamilySpec(3, 1, tied=1)
    with pytest.raises(InvalidArgument, match="NetworkFamily or a FamilySpec"):
        reconstruction_probabilities_by_weight(5)
    with pytest.raises(InvalidArgument, match="no parameter setting"):
        reconstruction_probabilities_by_weight(FamilySpec(3, 1, alphabet=(0,), exclude_constant=True))
