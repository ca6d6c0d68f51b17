"""Aut(G) by the backtrack of exactorbit.interactions._automorphisms against networkx's VF2 (the naive twin).

Golden orders: each is recomputed here by VF2 (networkx's GraphMatcher lists every
automorphism), and agrees with the textbook value written next to it.
"""

import math

import networkx as nx
import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from exactorbit.errors import ExactOrbitError, InvalidArgument, TooExpensive
from exactorbit.interactions._automorphisms import (automorphism_group, base_order, refine, SymmetricChain,
                                                    vf2_automorphisms)
from exactorbit.interactions._graphs import parse_graph


def _is_automorphism(graph, g):
    edges = set(graph.edges)
    return sorted(g) == list(range(graph.n)) and all(tuple(sorted((g[u], g[v]))) in edges for u, v in graph.edges)


def _check_agrees_with_vf2(graph):
    graph = parse_graph(graph)
    group = automorphism_group(graph)
    vf2 = vf2_automorphisms(graph)
    assert group.order() == len(vf2) == len(set(vf2))
    assert all(_is_automorphism(graph, g) for g in group.generators)
    assert all(group.contains(g) for g in vf2)
    assert (group.grid.h, group.grid.w) == (1, graph.n) and group.method == "backtrack"
    return group.order()


def _torus(h, w):
    """The 4-neighbour torus graph (periodic grid) on vertices r*w + c."""
    edges = {tuple(sorted((r * w + c, r * w + (c + 1) % w))) for r in range(h) for c in range(w)}
    edges |= {tuple(sorted((r * w + c, ((r + 1) % h) * w + c))) for r in range(h) for c in range(w)}
    return h * w, sorted(edges)


GOLDEN = [  # spec, textbook |Aut|; every one re-counted by VF2 in the test
    ("petersen", 120), ("cube", 48), ("grid:3x3", 8), ("grid:2x3", 4), ("bipartite:2,3", 12),
    *[(f"cycle:{k}", 2 * k) for k in range(3, 9)],
    *[(f"path:{k}", 2) for k in range(2, 8)],
    *[(f"star:{k}", math.factorial(k)) for k in range(2, 6)],
    *[(f"complete:{k}", math.factorial(k)) for k in range(1, 7)],
    *[(f"cliques:{k}", 2 * math.factorial(k - 1) ** 2) for k in range(3, 5)],
]


@pytest.mark.parametrize("spec,order", GOLDEN)
def test_golden_orders_against_vf2(spec, order):
    assert _check_agrees_with_vf2(spec) == order


def test_torus_graph_has_more_automorphisms_than_its_geometric_group():
    # the 4x4 torus graph is Q_4 (the 4-cube): 384 = 2^4 4! automorphisms (VF2), not the 128 of T x| D_4
    assert _check_agrees_with_vf2(_torus(4, 4)) == 384


def test_large_graphs_have_their_known_orders():
    # no VF2 here (2N and 8 are the dihedral and square symmetries; 64! and 63! the symmetric groups)
    assert automorphism_group("cycle:64").order() == 128
    assert automorphism_group("grid:8x8").order() == 8
    assert automorphism_group("complete:64").order() == math.factorial(64)
    assert automorphism_group("star:63").order() == math.factorial(63)
    assert automorphism_group("cliques:5").order() == 2 * math.factorial(4) ** 2


def test_random_regular_graph_against_vf2():
    g = nx.random_regular_graph(3, 20, seed=7)
    _check_agrees_with_vf2(g)


@settings(max_examples=50, deadline=None)
@given(n=st.integers(1, 7), p=st.sampled_from([0.2, 0.4, 0.6, 0.8]), seed=st.integers(0, 10_000))
def test_random_graphs_against_vf2(n, p, seed):
    _check_agrees_with_vf2(nx.gnp_random_graph(n, p, seed=seed))


@settings(max_examples=20, deadline=None)
@given(n=st.integers(1, 6), seed=st.integers(0, 10_000))
def test_vf2_route_agrees(n, seed):
    g = nx.gnp_random_graph(n, 0.5, seed=seed)
    a, b = automorphism_group(g), automorphism_group(g, method="vf2")
    assert a.order() == b.order() and b.method == "vf2"
    assert all(a.contains(x) for x in b.generators) and all(b.contains(x) for x in a.generators)


def test_against_nauty_where_installed():
    pynauty = pytest.importorskip("pynauty")
    for seed in range(5):
        g = parse_graph(nx.gnp_random_graph(12, 0.3, seed=seed))
        adj = {v: list(g.neighbours[v]) for v in range(g.n)}
        gens, size, exponent, _, _ = pynauty.autgrp(pynauty.Graph(g.n, adjacency_dict=adj))
        group = automorphism_group(g)
        assert group.order() == round(size * 10 ** exponent)
        assert all(group.contains(x) for x in gens)


def test_colour_names_exact_even_when_keys_collide(monkeypatch):
    from exactorbit.interactions import _automorphisms as mod

    sig = np.array([[0, 2, 1], [0, 1, 2], [0, 2, 1], [1, 0, 0]], dtype=np.int64)
    expected = mod._names(sig).tolist()
    monkeypatch.setattr(mod, "_WEIGHTS", np.zeros(2 * 4097, dtype=np.uint64))  # every key 0: the sorting fallback
    fallback = mod._names(sig).tolist()
    assert fallback == [1, 0, 1, 2]
    assert len(set(expected)) == 3 and expected[0] == expected[2]
    assert _check_agrees_with_vf2("petersen") == 120  # the whole search on the fallback


def test_kernel_helpers():
    chain = SymmetricChain([3, 1, 0, 2])
    assert chain.base == [3, 1, 0] and chain.order() == 24
    a = np.array([[0, 1, 1], [1, 0, 0], [1, 0, 0]])      # the star with centre 0
    assert refine(a, a, np.zeros(6, dtype=np.int64)).tolist() == [1, 0, 0, 1, 0, 0]
    assert base_order(a) == ([1, 0, 2], 1)


@pytest.mark.parametrize("bad,kwargs", [
    ("nonsense:3", {}),
    ((3, [(0, 0)]), {}),
    ((0, []), {}),
    ("cycle:4", {"method": "nauty"}),
    ("cycle:4", {"force": "yes"}),
    ("cycle:4", {"limit": -1}),
])
def test_bad_input_refused(bad, kwargs):
    with pytest.raises(InvalidArgument):
        automorphism_group(bad, **kwargs)


def test_search_past_its_limit_refused():
    with pytest.raises(TooExpensive):
        automorphism_group("petersen", limit=2)
    assert automorphism_group("petersen", limit=2, force=True).order() == 120
    with pytest.raises(ExactOrbitError):
        vf2_automorphisms("complete:5", limit=10)
