"""The small-group fast paths (issue 24) against their definitional twins: the cheapest mask maps of an orbit
search (shift classes, the bit loop on x or its complement, byte tables), named groups' orders in closed form,
S_n and A_n told by a known order, the grid cache, and the transporter from x to x.

Each fast path is checked against :mod:`exactorbit.testutil` (the naive apply and orbit) or against
Schreier-Sims (:func:`exactorbit._perm.schreier_sims.order_of`) on many small cases.
"""

import itertools
import math
import random

import pytest
from hypothesis import given, settings, strategies as st

import exactorbit as eo
from exactorbit import actions
from exactorbit._budget import LIMITS
from exactorbit._perm.perms import mask_mapper, shift_classes, table_mapper
from exactorbit._budget import Limit
from exactorbit._perm.schreier_sims import order_of, schreier_sims
from exactorbit._perm.structure import _kind_of_order, natural_kind
from exactorbit.errors import InvalidArgument
from exactorbit.groups import from_generators, named_group
from exactorbit.images import parse_grid
from exactorbit.testutil import naive_apply, naive_orbit


@st.composite
def permutation_and_mask(draw, max_n=140):
    n = draw(st.integers(1, max_n))
    rng = random.Random(draw(st.integers(0, 2 ** 32)))
    style = draw(st.sampled_from(["random", "shift", "torus row"]))
    if style == "random":
        g = tuple(rng.sample(range(n), n))
    elif style == "shift":
        k = rng.randrange(n)
        g = tuple((p + k) % n for p in range(n))
    else:
        w = max(1, int(n ** 0.5))
        g = tuple((p // w) * w + (p % w + 1) % w if p < n - n % w else p for p in range(n))
    weight = draw(st.integers(0, n))
    x = sum(1 << p for p in rng.sample(range(n), weight))
    return g, x, n


@settings(max_examples=400, deadline=None)
@given(permutation_and_mask())
def test_every_mask_map_is_the_definitional_action(case):
    g, x, n = case
    expected = naive_apply(g, x)
    classes = shift_classes(g)
    assert sum(((x & m) << d) if d >= 0 else ((x & m) >> -d) for d, m in classes.items()) == expected
    assert sum(classes.values()) == (1 << n) - 1  # the classes partition the pixels
    assert mask_mapper(g, x.bit_count(), n)(x) == expected
    assert table_mapper(g, n)(x) == expected
    for other in range(3):  # a mapper built for one weight serves every mask of that weight
        y = sum(1 << p for p in random.Random(other).sample(range(n), x.bit_count()))
        assert mask_mapper(g, x.bit_count(), n)(y) == naive_apply(g, y)


@settings(max_examples=80, deadline=None)
@given(st.integers(9, 70), st.integers(1, 3), st.integers(0, 2 ** 32), st.floats(0.2, 0.8))
def test_orbit_search_with_tables_is_the_naive_orbit(n, count, seed, density):  # float-ok: a draw's density
    rng = random.Random(seed)
    gens = []
    for _ in range(count):  # sparse products of transpositions: groups of every size, orbits past the switch
        p = list(range(n))
        for _ in range(rng.randint(1, 3)):
            i, j = rng.sample(range(n), 2)
            p[i], p[j] = p[j], p[i]
        gens.append(tuple(p))
    G = from_generators(gens, f"1x{n}")
    x = sum(1 << p for p in range(n) if rng.random() < density)  # float-ok: the draw
    tree = actions.orbit_search(G, x, limit=10 ** 6, force=False)
    if len(tree) <= 20000:
        assert set(tree) == set(naive_orbit(G, x))
    for y in list(tree)[:50]:  # the Schreier vector's elements map x where it says
        assert naive_apply(actions.transversal_element(G, tree, y), x) == y


def test_a_long_dense_orbit_switches_to_tables_and_stays_exact(monkeypatch):
    G = named_group("translations+dihedral", "6x6")
    x = 0b101100_010011_110000_001110_100101_011001
    calls = []
    real = actions.table_mapper
    monkeypatch.setattr(actions, "table_mapper", lambda g, n: calls.append(g) or real(g, n))
    tree = actions.orbit_search(G, x, limit=None, force=False)
    assert calls, "the rotation and the mirror are cheaper by tables on a dense orbit of 288 points"
    assert set(tree) == set(naive_orbit(G, x))


NAMES = ("translations", "rotations", "reflections", "dihedral", "trivial")


@pytest.mark.parametrize("h,w", [(h, w) for h in range(1, 6) for w in range(1, 7)])
def test_named_orders_in_closed_form_are_schreier_sims_orders(h, w):
    for k in (1, 2, 3):
        for names in itertools.combinations(NAMES, k):
            G = named_group("+".join(names), f"{h}x{w}")
            assert G._order is not None, "a named torus group knows its order at once"
            assert G.order() == order_of(*schreier_sims(list(G.generators), h * w), h * w), (names, h, w)


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 9), st.integers(0, 10 ** 6))
def test_the_order_decides_symmetric_and_alternating(n, order):
    full = math.factorial(n)
    for value in {order, full, full // 2, max(1, full // 3)}:
        expected = "symmetric" if value == full else ("alternating" if n >= 3 and 2 * value == full else "")
        assert _kind_of_order(value, n) == expected
    assert _kind_of_order(10 ** 6, 784) == ""  # no factorial of 784 needed


def test_a_known_order_decides_the_natural_kind_without_jordan():
    S = from_generators([tuple(range(1, 12)) + (0,), (1, 0) + tuple(range(2, 12))], "1x12")
    assert natural_kind(S.generators, 12, known_order=math.factorial(12)) == ("symmetric", math.factorial(12))
    G = named_group("translations+dihedral", "4x4")
    assert G.natural_kind_known and G.natural_kind is None


def test_the_grid_cache_honours_a_lowered_pixel_cap(monkeypatch):
    assert parse_grid("7x9") is parse_grid("7x9")
    old = LIMITS["grid_pixels"]
    monkeypatch.setitem(LIMITS, "grid_pixels", Limit(32, old.unit, old.bounds, hard=True))
    with pytest.raises(InvalidArgument, match="at most 32"):
        parse_grid("7x9")
    monkeypatch.setitem(LIMITS, "grid_pixels", old)
    assert parse_grid("7x9").n == 63


@settings(max_examples=60, deadline=None)
@given(st.integers(2, 30), st.integers(0, 2 ** 32))
def test_the_transporter_from_x_to_x_is_the_identity_at_once(n, seed):
    rng = random.Random(seed)
    G = from_generators([tuple(rng.sample(range(n), n)) for _ in range(2)], f"1x{n}")
    x = rng.getrandbits(n)
    g = eo.transporter(G, x, x)
    assert tuple(g) == tuple(range(n)) and g.method == "listing"
    assert G._order is None and not G._chains  # nothing computed about the group


def test_a_named_group_read_from_the_call_cache_is_the_same_group_and_honours_a_lowered_cap(monkeypatch):
    first, second = named_group("translations+dihedral", "5x5"), named_group("translations+dihedral", "5x5")
    assert first is not second and first.generators == second.generators and first.name == second.name
    assert first.order() == second.order() == order_of(*schreier_sims(list(first.generators), 25), 25)
    old = LIMITS["grid_pixels"]
    monkeypatch.setitem(LIMITS, "grid_pixels", Limit(16, old.unit, old.bounds, hard=True))
    with pytest.raises(InvalidArgument, match="at most 16"):
        named_group("translations+dihedral", "5x5")


@pytest.mark.parametrize("h,w", [(h, w) for h in range(1, 5) for w in range(1, 5)])
def test_rows_by_columns_and_wreath_products_know_their_orders_in_closed_form(h, w):
    from exactorbit.groups import rows_by_columns, wreath_product

    for G in (rows_by_columns(f"{h}x{w}"), wreath_product(f"{h}x{w}")):
        assert G._order is not None, "the order is recorded when the group is built"
        assert G.order() == order_of(*schreier_sims(list(G.generators), h * w), h * w), (G.name, h, w)
    partial = rows_by_columns(f"{h}x{w}", rows=[tuple(range(h))])  # H given: its order is not assumed
    assert partial._order is None and partial.order() == math.factorial(w)


@settings(max_examples=80, deadline=None)
@given(st.integers(1, 40), st.integers(1, 3), st.integers(0, 2 ** 32))
def test_point_orbits_and_transitivity_by_search_are_the_union_find_ones(n, count, seed):
    from exactorbit._perm.chain import _orbit_labels_small
    from exactorbit._perm.structure import is_transitive

    rng = random.Random(seed)
    gens = []
    for _ in range(count):  # a few cycles on random parts: every number of orbits
        p = list(range(n))
        part = rng.sample(range(n), rng.randint(1, n))
        for a, b in zip(part, part[1:] + part[:1]):
            p[a] = b
        gens.append(tuple(p))
    orbits = {}  # the naive twin: the closure of each point under the generators and their inverses
    for p in range(n):
        seen, todo = {p}, [p]
        while todo:
            q = todo.pop()
            for g in gens:
                for r in (g[q], g.index(q)):
                    if r not in seen:
                        seen.add(r)
                        todo.append(r)
        orbits[p] = min(seen)
    assert _orbit_labels_small(gens, n) == [orbits[p] for p in range(n)]
    assert is_transitive(gens, n) == (len(set(orbits.values())) == 1)
