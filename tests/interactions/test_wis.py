"""Walk Index Sparsification against naive recomputation and the authors' 1-WIS (tests/interactions/_twins_walks.py)."""

import itertools
import os
import random
import sys

import networkx as nx
import pytest
from hypothesis import given, settings, strategies as st

from exactorbit.errors import InvalidArgument
from exactorbit.interactions._wis import wis

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _twins_walks import authors_one_wis, graphs, naive_singletons, naive_wis, naive_wis_step  # noqa: E402

SMALL = settings(max_examples=50, deadline=None)




@SMALL
@given(graphs(), st.integers(1, 4), st.sampled_from(["first", "authors"]), st.data())
def test_every_wis_step_against_naive_recomputation(g, depth, tie, data):
    """Each step's edge is the naive maximiser of the whole sorted tuple, recomputed from scratch (A^(L-1) by
    Python-int matrix products), with the tie rule applied to the full list of maximisers."""
    n, edges = g
    target = data.draw(st.sampled_from(["self", None]) | st.integers(0, n - 1))
    order = wis((n, edges), depth, tie=tie, target=target, method="lexicographic")
    assert sorted(order) == sorted(edges)
    rest = sorted(edges)
    for e in order:
        assert e == naive_wis_step(n, rest, depth, target, last=(tie == "authors"))
        rest.remove(e)


@SMALL
@given(graphs(max_n=7))
def test_one_wis_is_the_authors_degree_rule(g):
    """The degree rule against a literal transcription of EfficientOneWalkIndexSparsifier (coalesced edge_index)."""
    n, edges = g
    assert wis((n, edges), 2) == wis((n, edges), 2, tie="authors") == authors_one_wis(n, edges)


def _atlas_graphs():
    return [g for g in nx.graph_atlas_g() if g.number_of_nodes() > 0]


def test_one_wis_equals_the_lexicographic_rule_on_the_whole_graph_atlas():
    """All 1,252 non-empty graphs of networkx's atlas (up to 7 vertices): 1-WIS (the degree rule) and the
    L = 2 lexicographic rule give the same full removal order with tie='first'."""
    atlas = _atlas_graphs()
    assert len(atlas) == 1252
    for g in atlas:
        degree = wis(g, 2, method="degree")
        assert degree == wis(g, 2, method="lexicographic"), sorted(g.edges())


def test_lexicographic_rule_on_an_atlas_sample_against_naive():
    """A seeded sample of 40 atlas graphs, depth 3, both ties: the fast order equals the naive order."""
    sample = random.Random(22).sample(_atlas_graphs(), 40)
    for g in sample:
        n, edges = g.number_of_nodes(), sorted(tuple(sorted(e)) for e in g.edges())
        for tie in ("first", "authors"):
            assert wis(g, 3, tie=tie) == naive_wis(n, edges, 3, last=(tie == "authors"))


def test_golden_orders_from_naive_recomputation():
    """Golden orders from the naive twin (every candidate's sorted tuple recomputed from scratch)."""
    assert wis("path:4", 3) == [(1, 2), (0, 1), (2, 3)] == naive_wis(4, [(0, 1), (1, 2), (2, 3)], 3)
    assert wis("path:4", 3, tie="authors") == [(1, 2), (2, 3), (0, 1)]
    assert wis("star:3", 2) == [(0, 1), (0, 2), (0, 3)]
    assert wis("star:3", 2, method="lexicographic", tie="authors") == [(0, 3), (0, 2), (0, 1)]
    assert wis("cliques:3", 2, remove=1) == [(0, 3)]  # the bridge: both ends of degree 3


def test_removal_raises_the_sorted_tuple_step_by_step():
    """What removal does to the singleton walk indices: after each step, no other edge would leave a larger tuple."""
    n, edges = 6, [(0, 1), (0, 2), (1, 2), (2, 3), (3, 4), (3, 5), (4, 5)]
    rest = list(edges)
    for e in wis((n, edges), 3):
        best = max(tuple(sorted(naive_singletons(n, [f for f in rest if f != c], 3))) for c in rest)
        rest.remove(e)
        assert tuple(sorted(naive_singletons(n, rest, 3))) == best


def test_no_edges_and_zero_removals():
    assert wis((3, []), 3) == [] and wis("cube", 4, remove=0) == []
    assert len(wis("petersen", 3, remove=5)) == 5


@pytest.mark.parametrize("call, words", [
    (lambda: wis("path:4", 0), "depth must be >= 1"),
    (lambda: wis("path:4", 3, tie="random"), "tie must be one of"),
    (lambda: wis("path:4", 3, method="greedy"), "method must be one of"),
    (lambda: wis("path:4", 3, method="degree"), "method='degree' does not apply: it is 1-WIS"),
    (lambda: wis("path:4", 2, method="degree", target=None), "method='degree' does not apply: it is 1-WIS"),
    (lambda: wis("path:4", 3, remove=4), "remove must be <= 3"),
    (lambda: wis("path:4", 3, remove=-1), "remove must be >= 0"),
    (lambda: wis("path:4", 3, target="x"), "target must be None, 'self'"),
    (lambda: wis("path:4", 3, target=4), "target must be <= 3"),
])
def test_bad_inputs_are_refused_in_one_line(call, words):
    with pytest.raises(InvalidArgument) as info:
        call()
    assert words in str(info.value) and "\n" not in str(info.value)
