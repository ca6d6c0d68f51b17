"""Every route of exactorbit.counting.cycle_types against the listing twin (testutil.naive_cycle_types).

Routes: "listing" (every element), "symmetric" (partitions of n: S_n, A_n), "product"
(translations of the torus with affine maps, in closed form per linear part) and
"classes" (conjugacy classes by a seeded random search with backtrack conjugacy tests and
centralisers; exact because the class sizes must sum to |G|).  Proofs:
proofs/conjugacy_classes.md.
"""

from collections import Counter
import math
import random

import pytest
from hypothesis import Phase, assume, given, settings
from hypothesis import strategies as st

from exactorbit._classes import centraliser_order, conjugacy_classes, conjugating_element
from exactorbit._cycle_forms import (partition_count, partitions_with_sizes, torus_structure,
                                     translation_cycle_types)
from exactorbit.counting import (METHODS, burnside_count, cycle_index, cycle_index_terms, cycle_index_text,
                                 cycle_types, orbits_by_content, orbits_by_weight)
from exactorbit.errors import InvalidArgument
from exactorbit.groups import PixelGroup, named_group, symmetric
from exactorbit.testutil import naive_conjugacy_class_sizes, naive_cycle_types, naive_elements

SPECS = ["translations", "translations+dihedral", "translations+reflections", "translations+rotations",
         "dihedral", "rotations", "reflections", "trivial", "symmetric"]


@st.composite
def small_groups(draw):
    """Random generators on up to 8 points, products of random groups on two halves, named groups."""
    kind = draw(st.integers(0, 2))
    if kind == 0:
        n = draw(st.integers(1, 8))
        gens = draw(st.lists(st.permutations(range(n)), min_size=0, max_size=3))
        return PixelGroup(f"1x{n}", [tuple(g) for g in gens])
    if kind == 1:
        a, b = draw(st.integers(1, 4)), draw(st.integers(1, 4))
        left = draw(st.lists(st.permutations(range(a)), min_size=1, max_size=2))
        right = draw(st.lists(st.permutations(range(b)), min_size=1, max_size=2))
        gens = [tuple(g) + tuple(range(a, a + b)) for g in left] + [tuple(range(a)) + tuple(a + p for p in g)
                                                                     for g in right]
        return PixelGroup(f"1x{a + b}", gens)
    h, w = draw(st.integers(1, 2)), draw(st.integers(1, 4))   # at most 8 pixels: S_8 is listed by the twin
    return named_group(draw(st.sampled_from(SPECS)), f"{h}x{w}")


def _applicable(group):
    routes = ["listing", "classes"]
    if torus_structure(group) is not None:
        routes.append("product")
    if group.natural_kind is not None:
        routes.append("symmetric")
    return routes


@given(small_groups())
def test_every_route_equals_the_listing_twin(group):
    naive = naive_cycle_types(group)
    assert sum(naive.values()) == group.order()
    for method in _applicable(group):
        got = cycle_types(group, method=method)
        assert got == naive, method
        assert got.method == method
    assert cycle_types(group) == naive and cycle_types(group).method in METHODS[1:]


# no "explain" phase: its line tracer over the search loops needs gigabytes
@settings(phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink])
@given(small_groups(), st.integers(0, 3))
def test_class_search_sizes_sum_to_the_order_and_match_the_naive_classes(group, seed):
    assume(group.order() <= 5040)   # the naive classes and centralisers are quadratic in |G|
    classes = conjugacy_classes(group.chain(), group.n, seed=seed)
    assert sum(size for _, _, size in classes) == group.order()
    assert Counter(size for _, _, size in classes) == naive_conjugacy_class_sizes(group)
    elements = set(naive_elements(group))
    for rep, ctype, size in classes:
        rep = tuple(int(v) for v in rep)
        assert rep in elements
        # the centraliser by the backtrack is the naive one: every element commuting with rep
        commuting = sum(1 for h in elements if all(h[rep[p]] == rep[h[p]] for p in range(group.n)))
        assert centraliser_order(group.chain(), rep) == commuting == group.order() // size


@given(small_groups(), st.data())
def test_conjugating_element_exists_exactly_for_conjugates(group, data):
    assume(group.order() <= 5040)
    elements = naive_elements(group)
    g = data.draw(st.sampled_from(elements))
    r = data.draw(st.sampled_from(elements))
    h = conjugating_element(group.chain(), g, r)
    conjugates = {tuple(k[g[p]] for p in sorted(range(group.n), key=lambda i: k[i])) for k in elements}
    assert (h is not None) == (r in conjugates)
    if h is not None:
        assert h in set(elements) and all(h[g[p]] == r[h[p]] for p in range(group.n))


@pytest.mark.parametrize("spec", ["translations", "translations+dihedral", "translations+reflections",
                                  "translations+rotations"])
def test_product_route_on_every_torus_up_to_6x6(spec):
    for h in range(1, 7):
        for w in range(1, 7):
            G = named_group(spec, f"{h}x{w}")
            got = cycle_types(G, method="product")
            assert got == cycle_types(G, method="listing"), (spec, h, w)
            assert sum(got.values()) == G.order()


def test_product_route_on_an_affine_group_given_by_generators():
    # translations of the 5x5 torus with the shear (r, c) -> (r, r + c) and the map (r, c) -> (2r, c): not a named group
    grid = "5x5"
    shear = tuple((r * 5 + (r + c) % 5) for r in range(5) for c in range(5))
    double = tuple(((2 * r) % 5) * 5 + c for r in range(5) for c in range(5))
    G = PixelGroup(grid, list(named_group("translations", grid).generators) + [shear, double])
    assert torus_structure(G) is not None and G.order() == 25 * 20
    assert cycle_types(G) == cycle_types(G, method="listing") and cycle_types(G).method == "product"
    # a generator that is not affine: the product route declines
    swap = tuple([1, 0] + list(range(2, 25)))
    H = PixelGroup(grid, list(named_group("translations", grid).generators) + [swap])
    assert torus_structure(H) is None
    with pytest.raises(InvalidArgument, match="product"):
        cycle_types(H, method="product")


def test_translation_closed_form_counts():
    # the number of elements of order d in C_h x C_w, summed: every translation counted once
    for h in range(1, 9):
        for w in range(1, 9):
            types = translation_cycle_types(h, w)
            assert sum(types.values()) == h * w
            # the translations of order 1 and 2: as many as solutions of 2x = 0 in Z_h x Z_w
            assert types[((1, h * w),)] == 1
            if h * w > 1 and (h % 2 == 0 or w % 2 == 0):
                assert types[((2, h * w // 2),)] == (2 if h % 2 == 0 else 1) * (2 if w % 2 == 0 else 1) - 1


def test_partitions_and_class_sizes():
    # OEIS A000041 (partitions of n), n = 0..12; the class sizes of S_n sum to n!
    assert [partition_count(n) for n in range(13)] == [1, 1, 2, 3, 5, 7, 11, 15, 22, 30, 42, 56, 77]
    for n in range(1, 16):
        parts = partitions_with_sizes(n)
        assert len(parts) == partition_count(n) == len({c for c, _ in parts})
        assert sum(size for _, size in parts) == math.factorial(n)
    for n in range(1, 8):
        assert cycle_types(symmetric(f"1x{n}"), method="symmetric") == naive_cycle_types(symmetric(f"1x{n}"))


def test_alternating_groups():
    rng = random.Random(7)
    for n in range(3, 8):   # A_n from the 3-cycles (0 1 k)
        gens = [tuple(1 if p == 0 else k if p == 1 else 0 if p == k else p for p in range(n)) for k in range(2, n)]
        A = PixelGroup(f"1x{n}", gens)
        assert A.natural_kind == "alternating"
        assert cycle_types(A, method="symmetric") == naive_cycle_types(A) == cycle_types(A, method="listing")
    # A_17 from two random even permutations: A_n is (n-2)-transitive, so it has one orbit on the
    # images of each weight: 18 orbits (and S_17 too)
    while True:
        gens = [tuple(rng.sample(range(17), 17)) for _ in range(2)]
        A = PixelGroup("1x17", gens)
        if A.natural_kind == "alternating":
            break
    types = cycle_types(A)
    assert types.method == "symmetric" and sum(types.values()) == math.factorial(17) // 2
    assert burnside_count(A) == 18 and orbits_by_weight(A) == [1] * 18
    assert burnside_count(A, 3) == burnside_count(A, 3, method="symmetric")


def test_route_choice_and_recorded_method():
    assert cycle_types(named_group("translations+dihedral", "28x28")).method == "product"
    assert cycle_types(symmetric("5x6")).method == "symmetric"
    assert cycle_types(named_group("dihedral", "3x3")).method == "listing"
    assert burnside_count(named_group("translations+dihedral", "3x3")).method == "product"
    assert burnside_count(symmetric("3x3")).method == "symmetric"
    assert orbits_by_weight(named_group("translations", "1x5")).method == "product"
    assert cycle_index_terms(named_group("dihedral", "2x2"), method="classes").method == "classes"


def test_bad_methods():
    G = named_group("dihedral", "3x3")
    for bad in ("fast", None, 3, "Listing"):
        with pytest.raises(InvalidArgument, match="method"):
            cycle_types(G, method=bad)
        with pytest.raises(InvalidArgument, match="method"):
            burnside_count(G, method=bad)
    with pytest.raises(InvalidArgument, match="symmetric"):
        cycle_types(G, method="symmetric")
    with pytest.raises(InvalidArgument, match="product"):
        cycle_types(G, method="product")


@given(small_groups(), st.integers(1, 3))
def test_every_count_is_the_same_on_every_route(group, k):
    ref = {f: f(group) for f in (cycle_index_text, cycle_index_terms, orbits_by_weight, burnside_count)}
    for method in _applicable(group):
        assert cycle_index_text(group, method=method) == ref[cycle_index_text]
        assert cycle_index_terms(group, method=method) == ref[cycle_index_terms]
        assert orbits_by_weight(group, method=method) == ref[orbits_by_weight]
        assert burnside_count(group, method=method) == ref[burnside_count]
        assert burnside_count(group, k, method=method) == burnside_count(group, k)
        assert orbits_by_content(group, k, method=method) == orbits_by_content(group, k)


def test_cycle_index_of_big_symmetric_groups():
    # S_30: 5604 terms (OEIS A000041), coefficients summing to 1, Z(1, 1, ...) = 1 and Z(2, 2, ...) = 31
    z = cycle_index(symmetric("5x6"))
    assert len(z.args) == 5604
    coefficients = [term.as_coeff_Mul() for term in z.args]
    assert sum(c for c, _ in coefficients) == 1
    degree = [sum(m.as_powers_dict().values()) for _, m in coefficients]   # the number of cycles
    assert sum(c * 2**d for (c, _), d in zip(coefficients, degree)) == 31


def test_class_search_gives_up_rather_than_guess():
    from exactorbit._classes import ClassSearchIncomplete
    from exactorbit.errors import TooExpensive

    G = named_group("translations+dihedral", "4x4")   # 26 classes: not found with 3 candidates and no patience
    with pytest.raises(ClassSearchIncomplete) as info:
        conjugacy_classes(G.chain(), G.n, budget=3, nodes=None)
    assert isinstance(info.value, TooExpensive) and "force=True" in str(info.value)
    with pytest.raises(TooExpensive, match="backtrack"):
        conjugacy_classes(G.chain(), G.n, nodes=1)
