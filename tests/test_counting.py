"""Cycle index, Burnside and Polya against brute force and OEIS (exactorbit.counting)."""

import math

import pytest
import sympy
from hypothesis import given

from exactorbit import strategies as eos
from exactorbit.counting import (
    burnside_count,
    count_cycles,
    cycle_index,
    cycle_types,
    orbits_by_weight,
    orbits_by_weight_polynomial,
)
from exactorbit.errors import TooExpensive
from exactorbit.groups import dihedral, named_group, symmetric, translations
from exactorbit.testutil import (
    naive_elements,
    naive_orbit_count,
    naive_orbits_by_weight,
)


@given(eos.pixel_groups())
def test_cycle_types_match_elementwise_count(group):
    from collections import Counter

    naive = Counter()
    for g in naive_elements(group):
        seen, lengths = set(), Counter()
        for i in range(group.n):
            if i not in seen:
                j, length = i, 0
                while j not in seen:
                    seen.add(j)
                    j = g[j]
                    length += 1
                lengths[length] += 1
        naive[tuple(sorted(lengths.items()))] += 1
    assert cycle_types(group) == naive


@given(eos.pixel_groups())
def test_theorem2_burnside_equals_brute_force(group):
    assert burnside_count(group) == naive_orbit_count(group)


@given(eos.pixel_groups())
def test_theorem2_polya_by_weight_equals_brute_force(group):
    by_weight = orbits_by_weight(group)
    assert by_weight == naive_orbits_by_weight(group)
    assert sum(by_weight) == burnside_count(group)


@given(eos.pixel_groups())
def test_cycle_index_specialisations(group):
    z = cycle_index(group)
    symbols = {sympy.Symbol(f"a{i}"): 2 for i in range(1, group.n + 1)}
    assert z.subs(symbols) == burnside_count(group)
    ones = {sympy.Symbol(f"a{i}"): 1 for i in range(1, group.n + 1)}
    assert z.subs(ones) == 1
    t = sympy.Symbol("t")
    polya = sympy.expand(z.subs({sympy.Symbol(f"a{i}"): 1 + t**i for i in range(1, group.n + 1)}))
    assert sympy.Poly(polya, t) == orbits_by_weight_polynomial(group)


def test_oeis_square_symmetries():
    # OEIS A054247: binary n x n matrices up to the 8 symmetries of the square: 2, 6, 102, 8548
    assert [burnside_count(dihedral(f"{k}x{k}")) for k in range(1, 5)] == [2, 6, 102, 8548]


def test_oeis_necklaces_and_bracelets():
    # OEIS A000031 (binary necklaces) and A000029 (bracelets, turning over allowed), n = 1..12
    necklaces = [2, 3, 4, 6, 8, 14, 20, 36, 60, 108, 188, 352]
    bracelets = [2, 3, 4, 6, 8, 13, 18, 30, 46, 78, 126, 224]
    assert [burnside_count(translations(f"1x{n}")) for n in range(1, 13)] == necklaces
    assert [burnside_count(named_group("translations+reflections", f"1x{n}")) for n in range(1, 13)] == bracelets


def test_torus_3x3_orbits_brute_force():
    group = named_group("translations+dihedral", "3x3")
    assert burnside_count(group) == naive_orbit_count(group) == 26


def test_symmetric_group_shortcuts():
    for grid in ["1x1", "2x2", "2x3"]:
        group = symmetric(grid)
        assert burnside_count(group) == naive_orbit_count(group) == group.n + 1
        assert orbits_by_weight(group) == [1] * (group.n + 1)
    big = symmetric("28x28")
    assert burnside_count(big) == 785
    assert sum(cycle_types(symmetric("5x6")).values()) == math.factorial(30)
    with pytest.raises(TooExpensive, match="partition"):
        cycle_index(big)


def test_count_28x28_is_exact_and_consistent():
    group = named_group("translations+dihedral", "28x28")
    total = burnside_count(group)
    by_weight = orbits_by_weight(group)
    assert isinstance(total, int) and sum(by_weight) == total
    assert by_weight[0] == by_weight[-1] == 1
    # weight 1: one orbit (the group is transitive on pixels)
    assert by_weight[1] == 1
    # the count is at least 2^n / |G|, the bound when every orbit is as large as G
    assert total * group.order() >= 2**784


def test_count_cycles():
    assert count_cycles((0,)) == 1
    assert count_cycles((1, 2, 0, 4, 3)) == 2
