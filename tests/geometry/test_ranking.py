"""The rankers and the search's invariants (proofs/geometry.md, sections 2-5 and 8), against definitions.

Independent sources: itertools.permutations (lexicographic order of S_n), plain tuple BFS written here (left
multiplication), the definition of a quasi-metric (the 3-cycle), and OEIS A079762 (the 2x2x2 cube's
quarter-turn distance distribution, also Wikipedia "Pocket Cube").
"""

import itertools

import numpy as np
from hypothesis import given, settings, strategies as st

from exactorbit.geometry import distance, growth, pocket_cube, word_length
from exactorbit.geometry._ranking import ChainRanker, LehmerRanker, make_ranker
from exactorbit.groups import PixelGroup
from exactorbit.testutil import naive_word_lengths

A079762 = [1, 6, 27, 120, 534, 2256, 8969, 33058, 114149, 360508, 930588, 1350852, 782536, 90280, 276]

groups = st.integers(2, 6).flatmap(
    lambda n: st.tuples(st.just(n), st.lists(st.permutations(range(n)).map(tuple), min_size=1, max_size=3)))


@settings(max_examples=40, deadline=None)
@given(groups)
def test_ranks_are_a_bijection_onto_0_to_order(case):
    n, gens = case
    elements = naive_word_lengths(gens, n)            # every element of <gens>, by a plain BFS
    ranker = make_ranker(np.array(gens), n)
    assert ranker.order == len(elements)
    cols = np.array(sorted(elements), dtype=ranker.dtype).T
    ranks = ranker.rank(cols)
    assert sorted(ranks.tolist()) == list(range(len(elements)))


@settings(max_examples=20, deadline=None)
@given(groups)
def test_the_chain_ranker_is_a_bijection_on_symmetric_groups_too(case):
    from exactorbit._perm.chain import StabilizerChain

    n, gens = case
    elements = naive_word_lengths(gens, n)
    ranker = ChainRanker(StabilizerChain._unchecked([np.array(g) for g in gens], n))
    ranks = ranker.rank(np.array(sorted(elements), dtype=ranker.dtype).T)
    assert sorted(ranks.tolist()) == list(range(len(elements)))


def test_lehmer_rank_is_the_lexicographic_index():
    for n in range(1, 7):
        perms = list(itertools.permutations(range(n)))       # lexicographic order
        ranks = LehmerRanker(n).rank(np.array(perms, dtype=np.uint8).T)
        assert ranks.tolist() == list(range(len(perms)))


@settings(max_examples=30, deadline=None)
@given(groups, st.booleans())
def test_left_and_right_multiplication_give_the_same_spheres(case, inverses):
    n, gens = case
    moves = list(gens) + ([tuple(sorted(range(n), key=g.__getitem__)) for g in gens] if inverses else [])
    ident = tuple(range(n))
    dist, frontier = {ident: 0}, [ident]
    while frontier:                                        # left multiplication: s then e, (s e)[p] = e[s[p]]
        new = []
        for e in frontier:
            for s in moves:
                h = tuple(e[s[p]] for p in range(n))
                if h not in dist:
                    dist[h] = dist[e] + 1
                    new.append(h)
        frontier = new
    left = [0] * (max(dist.values()) + 1)
    for d in dist.values():
        left[d] += 1
    assert list(growth(PixelGroup(f"1x{n}", gens), gens, inverses=inverses, method="ranked").spheres) == left


def test_the_directed_word_metric_is_a_quasi_metric_on_the_3_cycle():
    G = PixelGroup("1x3", ["(0 1 2)"])
    c, e = (1, 2, 0), (0, 1, 2)
    assert distance(G, e, c, inverses=False) == 1 and distance(G, c, e, inverses=False) == 2
    assert distance(G, e, c) == distance(G, c, e) == 1
    assert word_length(G, (2, 0, 1), inverses=False) == 2


def test_the_package_growth_of_the_pocket_cube_is_oeis_a079762():
    assert list(growth(pocket_cube()).spheres) == A079762   # quarter turns, U R F and inverses (about 3 s)
