"""The package's own Schreier-Sims (exactorbit._perm.schreier_sims) and Jordan's test, against independent judges:
the naive closure of the generators (exactorbit.testutil.naive_elements) and sympy's PermutationGroup.order()."""

import math
import random

from hypothesis import given, settings
from hypothesis import strategies as st
from sympy.combinatorics import Permutation, PermutationGroup

from exactorbit.groups import PixelGroup
from exactorbit._perm.schreier_sims import Chain, order_of, schreier_sims, schreier_sims_batched
from exactorbit._perm.structure import jordan_alt_sym, natural_kind
from exactorbit.testutil import naive_elements, relabelled


@st.composite
def generator_sets(draw, max_n=8):
    n = draw(st.integers(1, max_n))
    rng = random.Random(draw(st.integers(0, 1 << 30)))
    gens = []
    for _ in range(draw(st.integers(0, 3))):
        if rng.random() < 0.5:
            gens.append(tuple(rng.sample(range(n), n)))
        else:  # a sparse one: small groups, intransitive ones
            p = list(range(n))
            pts = rng.sample(range(n), rng.randint(1, min(n, 3)))
            for a, b in zip(pts, pts[1:] + pts[:1]):
                p[a] = b
            gens.append(tuple(p))
    prefix = rng.sample(range(n), rng.randint(0, min(n, 3)))
    return n, gens, prefix


@settings(max_examples=150, deadline=None)
@given(generator_sets())
def test_order_is_the_naive_closures_and_the_prefix_starts_the_base(case):
    n, gens, prefix = case
    sizes = []
    base, strong = schreier_sims(gens, n, prefix, orbit_sizes=sizes)
    elements = naive_elements(PixelGroup(f"1x{n}", gens)) if gens else [tuple(range(n))]
    assert math.prod(sizes) == order_of(base, strong, n) == len(elements)
    assert base[:len(prefix)] == prefix
    assert all(g != tuple(range(n)) for g in strong)
    # every element of the group sifts to 1 through the chain; a non-member does not
    chain = Chain(n)
    chain.extend(gens)
    assert all(chain.contains(g) for g in elements)
    members = set(elements)
    other = tuple(random.Random(n).sample(range(n), n))
    assert chain.contains(other) == (other in members)


@settings(max_examples=150, deadline=None)
@given(generator_sets())
def test_the_batched_chain_is_a_chain_of_the_same_group(case):
    n, gens, prefix = case
    base, strong = schreier_sims_batched(gens, n, prefix)
    elements = naive_elements(PixelGroup(f"1x{n}", gens)) if gens else [tuple(range(n))]
    assert order_of(base, strong, n) == len(elements)
    assert base[:len(prefix)] == prefix
    assert all(g != tuple(range(n)) for g in strong) and set(strong) <= set(elements)
    # a strong generating set: the chain of its own generators with this base has the same order
    assert order_of(*schreier_sims(strong, n, base), n) == len(elements)


@settings(max_examples=20, deadline=None)
@given(st.integers(3, 8), st.integers(8, 30), st.integers(0, 1 << 30))
def test_the_batched_chain_matches_the_tuple_chain_on_large_degrees(m, size, seed):
    rng = random.Random(seed)
    n = m * size
    gens = []
    for _ in range(rng.randint(1, 3)):  # C_size wr S_m and its subgroups: imprimitive, several levels
        sigma = rng.sample(range(m), m)
        shift = [rng.randrange(size) for _ in range(m)]
        gens.append(tuple(sigma[p // size] * size + (p % size + shift[p // size]) % size for p in range(n)))
    assert order_of(*schreier_sims_batched(gens, n), n) == order_of(*schreier_sims(gens, n), n)


@settings(max_examples=60, deadline=None)
@given(st.integers(4, 14), st.integers(0, 1 << 30))
def test_order_matches_sympy_on_bigger_degrees(n, seed):
    rng = random.Random(seed)
    gens = [tuple(rng.sample(range(n), n)) for _ in range(rng.randint(1, 2))]
    sizes = []
    schreier_sims(gens, n, orbit_sizes=sizes)
    assert math.prod(sizes) == PermutationGroup([Permutation(list(g)) for g in gens]).order()


@settings(max_examples=60, deadline=None)
@given(generator_sets(max_n=7))
def test_chain_add_grows_only_on_non_members(case):
    n, gens, _ = case
    chain = Chain(n)
    for g in gens:
        before = chain.order()
        member = chain.contains(g)
        grew = chain.add(g)
        assert grew == (not member and g != tuple(range(n)))
        assert (chain.order() > before) == grew
        assert chain.contains(g)


@settings(max_examples=60, deadline=None)
@given(st.integers(12, 30), st.integers(0, 1 << 30))
def test_jordan_is_never_true_on_a_group_that_is_not_alternating_or_symmetric(n, seed):
    rng = random.Random(seed)
    # transitive but imprimitive: a cyclic shift with a block-preserving permutation (blocks of size 2 or 3)
    d = 2 if n % 2 == 0 else 3 if n % 3 == 0 else 1
    shift = tuple(list(range(1, n)) + [0])
    gens = [shift]
    if d > 1:
        blocks = [list(range(b, b + d)) for b in range(0, n - n % d, d)]
        perm = list(range(n))
        for block in blocks:
            rotated = block[1:] + block[:1]
            for a, b in zip(block, rotated):
                perm[a] = b
        gens.append(tuple(perm))
    if jordan_alt_sym(gens, n, tries=40, seed=seed):
        sizes = []
        schreier_sims(gens, n, orbit_sizes=sizes)
        assert math.prod(sizes) * 2 >= math.factorial(n)   # True only for A_n or S_n
    kind, _ = natural_kind(gens, n, order=lambda: order_of(*schreier_sims(gens, n), n))
    assert kind == ""


def test_jordan_finds_the_symmetric_group_on_fifty_points():
    n = 50
    gens = [tuple(list(range(1, n)) + [0]), (1, 0) + tuple(range(2, n))]
    assert jordan_alt_sym(gens, n)
    assert natural_kind(gens, n) == ("symmetric", None)   # no Schreier-Sims of S_50 needed


@settings(max_examples=12, deadline=None)
@given(st.integers(12, 14), st.integers(11, 13), st.sampled_from(["translations", "translations+rotations",
                                                                 "translations+dihedral", "translations+reflections"]),
       st.integers(0, 2 ** 32))
def test_generators_added_one_at_a_time_on_large_degrees_give_the_closed_form_order(h, w, spec, seed):
    """From SEQUENTIAL_DEGREE points on, generators are added one at a time (a redundant one costs one sift): the
    order of a disguised torus group (random words and the generators, relabelled) is its closed form
    |T| |P| / |T n P| (groups._named_order, no Schreier-Sims), by both ways of adding them."""
    from exactorbit._perm import schreier_sims as ss
    from exactorbit.groups import named_group

    rng = random.Random(seed)
    G = named_group(spec, f"{h}x{w}")
    n = h * w
    assert n >= ss.SEQUENTIAL_DEGREE
    words = []
    for _ in range(2):
        g = tuple(range(n))
        for _ in range(rng.randint(2, 5)):
            s = rng.choice(G.generators)
            g = tuple(s[p] for p in g)
        words.append(g)
    gens = relabelled(words + list(G.generators), n, seed)
    sizes = []
    ss.schreier_sims(gens, n, orbit_sizes=sizes)
    assert math.prod(sizes) == G.order()
    saved = ss.SEQUENTIAL_DEGREE
    try:
        ss.SEQUENTIAL_DEGREE = 10 ** 9  # every generator at once
        at_once = []
        ss.schreier_sims(gens, n, orbit_sizes=at_once)
    finally:
        ss.SEQUENTIAL_DEGREE = saved
    assert math.prod(at_once) == G.order()
