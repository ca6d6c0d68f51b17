"""Pixel groups: elements, membership, named groups, generators (exactorbit.groups)."""

import math
import random
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exactorbit import strategies as eos
from exactorbit.errors import InvalidArgument, TooExpensive
from exactorbit.groups import (
    GROUP_NAMES,
    PixelGroup,
    compose,
    cycle_string,
    dihedral,
    from_generators,
    identity,
    inverse,
    named_group,
    parse_generators,
    reflections,
    rotations,
    symmetric,
    translations,
    trivial,
)
from exactorbit.testutil import naive_elements


@given(eos.pixel_groups())
def test_element_list_matches_naive_closure(group):
    assert group.elements() == naive_elements(group)
    assert group.order() == len(naive_elements(group))


@given(eos.pixel_groups(), st.data())
def test_membership_matches_element_list(group, data):
    elements = set(naive_elements(group))
    p = data.draw(eos.permutations(group.n))
    assert group.contains(p) == (p in elements)
    assert all(group.contains(g) for g in list(elements)[:10])


@given(eos.pixel_groups(), st.data())
def test_composition_is_left_to_right_like_sympy(group, data):
    from sympy.combinatorics import Permutation

    p = data.draw(eos.group_elements(group))
    q = data.draw(eos.group_elements(group))
    assert list(compose(p, q)) == (Permutation(list(p)) * Permutation(list(q))).array_form
    assert compose(p, inverse(p)) == identity(group.n)


def test_torus_orders_from_closure():
    # independent source: the plain-Python closure of the generators (testutil.naive_elements)
    for grid in ["1x1", "1x4", "3x1", "2x3", "3x3", "4x4", "3x5"]:
        for name in GROUP_NAMES:
            group = named_group(name, grid)
            if group.n <= 9 or name != "symmetric":
                if name == "symmetric":
                    assert group.order() == math.factorial(group.n)
                else:
                    assert group.order() == len(naive_elements(group)), (grid, name)


def test_known_orders():
    # geometric facts: n x n torus translations+dihedral has order 8 n^2 for n >= 3 (checked by closure above)
    assert named_group("translations+dihedral", "3x3").order() == 72
    assert named_group("translations+dihedral", "4x4").order() == 128  # not 384: the torus graph's automorphisms
    assert named_group("translations+dihedral", "8x8").order() == 512
    assert named_group("translations+dihedral", "28x28").order() == 6272
    assert dihedral("4x4").order() == 8  # sympy DihedralGroup(4), GAP DihedralGroup(8)
    assert rotations("2x3").order() == 2 and rotations("4x4").order() == 4
    assert reflections("1x1").order() == 1
    assert translations("1x1").order() == 1
    assert symmetric("28x28").order() == math.factorial(784)


def test_structure_facts():
    t = translations("3x3")
    assert t.is_abelian and not t.is_cyclic and t.abelian_invariants() == [3, 3]
    assert translations("2x3").is_cyclic  # Z2 x Z3 = Z6
    d = dihedral("3x3")
    assert d.is_dihedral and not d.is_abelian
    assert trivial("2x2").structure() == {
        "order": 1,
        "is_abelian": True,
        "is_cyclic": True,
        "is_dihedral": False,
        "abelian_invariants": [],
    }


def test_symmetric_contains_everything():
    s = symmetric("10x10")
    p = list(range(100))
    random.Random(0).shuffle(p)
    assert s.contains(p)


def test_contains_raises_on_size_mismatch():
    group = translations("2x2")
    with pytest.raises(InvalidArgument, match="exactly 4 pixels"):
        group.contains((1, 0, 2))
    with pytest.raises(InvalidArgument, match="exactly 4 pixels"):
        group.contains((1, 0, 2, 3, 4))
    with pytest.raises(InvalidArgument, match="not a permutation"):
        group.contains((0, 0, 1, 2))


def test_random_element_is_exactly_uniform_by_rank():
    group = named_group("translations+dihedral", "3x3")
    # every rank maps to a distinct element: uniform ranks give uniform elements
    images = {group.unrank(r) for r in range(group.order())}
    assert images == set(group.elements())
    assert group.random_element(seed=5) == group.random_element(seed=5)
    rng = random.Random(1)
    counts = Counter(group.random_element(rng) for _ in range(2000))
    assert set(counts) <= set(group.elements())


@pytest.mark.parametrize(
    "text, n, fragment",
    [
        ("(0 1 9)", 3, "moves pixel 9"),
        ("(0 1)(1 2)", 3, "repeats pixel 1"),
        ("0 1 2", 3, "cycle notation"),
        ("[[0, 1]]", 3, "exactly 3 pixels"),
        ("[[0, 0, 1]]", 3, "not a permutation"),
        ("[1, 2", 3, "not valid JSON"),
        ("{}", 3, "cycle notation"),
        ("", 3, "empty"),
    ],
)
def test_bad_generators(text, n, fragment):
    with pytest.raises(InvalidArgument, match=fragment):
        parse_generators(text, n)


def test_generators_forms_agree():
    a = from_generators("1x5", "(0 1 2)(3 4);(0 3)")
    b = from_generators("1x5", [[1, 2, 0, 4, 3], [3, 1, 2, 0, 4]])
    c = from_generators("1x5", ["(0 1 2)(3 4)", "(0 3)"])
    assert a == b == c
    assert a.order() == 120
    assert cycle_string(a.generators[0]) == "(0 1 2)(3 4)"


def test_unknown_group_name():
    with pytest.raises(InvalidArgument, match="unknown group name 'rotation'"):
        named_group("translations+rotation", "3x3")
    with pytest.raises(InvalidArgument):
        named_group("", "3x3")


def test_product_specs():
    assert named_group("translations+symmetric", "2x2").order() == 24
    assert named_group("rotations+reflections", "3x3") == dihedral("3x3")
    assert named_group("trivial", "1x1").elements() == [(0,)]


def test_element_listing_refused_when_too_big():
    with pytest.raises(TooExpensive, match="limit"):
        symmetric("3x3").element_array(limit=100)


def test_subgroup_checks_membership():
    g = named_group("translations+dihedral", "3x3")
    sub = g.subgroup(list(translations("3x3").generators))
    assert sub.order() == 9 and sub.is_subgroup_of(g)
    with pytest.raises(InvalidArgument, match="not in"):
        translations("3x3").subgroup(list(reflections("3x3").generators))
    with pytest.raises(InvalidArgument):
        PixelGroup("2x2", "nonsense-not-a-list-of-perms")


@st.composite
def direct_products_over_orbits(draw):
    """Random groups on a first orbit of 7-9 points (where sympy's base need not be increasing) times
    random groups on 1-3 more points: the chain builds one Schreier-Sims per factor."""
    a, b = draw(st.integers(7, 9)), draw(st.integers(1, 3))
    if draw(st.booleans()):   # random generators (mostly S_a or A_a)
        inner = draw(st.lists(st.permutations(range(a)), min_size=1, max_size=2))
    else:   # PSL(2,7) or AGL(1,7) on 7 of the a points, relabelled at random
        a = 7
        gens = draw(st.sampled_from([[(1, 6, 0, 5, 3, 2, 4), (2, 6, 3, 5, 0, 1, 4)],     # PSL(2,7)
                                     [(1, 2, 3, 4, 5, 6, 0), (0, 3, 6, 2, 5, 1, 4)]]))   # x -> x+1, x -> 3x
        relabel = draw(st.permutations(range(7)))
        back = [relabel.index(p) for p in range(7)]
        inner = [[relabel[g[back[p]]] for p in range(7)] for g in gens]
    left = [tuple(g) + tuple(range(a, a + b)) for g in inner]
    right = [tuple(range(a)) + tuple(a + p for p in g) for g in draw(st.lists(st.permutations(range(b)),
                                                                               min_size=1, max_size=2))]
    return PixelGroup(f"1x{a + b}", left + right)


@given(direct_products_over_orbits())
def test_orders_of_direct_products_over_orbits_match_sympy_and_membership(group):
    # regression: the factors' bases were re-sorted, which broke the strong generating set
    # (PSL(2,7) x C_2 on 9 points came out with order 168 instead of 336)
    assert group.order() == group.sympy.order()
    chain = group.chain()
    assert chain.order() == group.sympy.order()
    rng = random.Random(group.order())
    for _ in range(20 if group.generators else 0):   # random products of generators lie in the group, and sift to the identity
        g = identity(group.n)
        for _ in range(rng.randrange(1, 12)):
            g = compose(g, rng.choice(group.generators))
        assert chain.contains(g)


def test_psl27_times_c2_order():
    # PSL(2,7) (order 168, from its 7-point action) times C_2 on two more points: 336 (sympy and closure)
    G = from_generators("1x9", "(0 1 6 4 3 5 2);(0 2 3 5 1 6 4);(7 8)")
    assert G.order() == 336 == len(naive_elements(G))


def test_natural_kind_refuses_imprimitive_groups_without_an_order():
    # a block system found by a few Atkinson closures proves "neither S_n nor A_n" with no Schreier-Sims:
    # the rows x columns group on 28x28 (784 pixels) answers at once and its order is not computed
    k, n = 28, 784
    swap, cyc = [1, 0] + list(range(2, k)), list(range(1, k)) + [0]
    gens = [tuple(s[p // k] * k + p % k for p in range(n)) for s in (swap, cyc)]
    gens += [tuple((p // k) * k + t[p % k] for p in range(n)) for t in (swap, cyc)]
    G = PixelGroup("28x28", gens)
    assert G.natural_kind is None and G._order is None
    # the same on small groups, against the order: C_4 and D_4 on 4 points are imprimitive, S_4 and A_4 are not
    for text, kind in (("(0 1 2 3)", None), ("(0 1 2 3);(0 2)", None), ("(0 1 2 3);(0 1)", "symmetric"),
                       ("(0 1 2);(1 2 3)", "alternating")):
        H = from_generators("1x4", text)
        assert H.natural_kind == kind, text
        assert (H.order() in (24, 12)) == (kind is not None)
