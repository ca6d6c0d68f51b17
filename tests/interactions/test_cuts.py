"""cut_orbits against brute-force canonical forms over every VF2 automorphism, and walk-index invariance.

The brute force: a subset's canonical form is the least image mask under every automorphism
VF2 lists (those fixing t, with a target); a cut's is the least over the subset and its
complement.  Walk indices are checked against exactorbit.interactions._walks.walk_index and a
naive matrix power in Python ints written here.
"""

import json

import networkx as nx
import pytest
from hypothesis import given, settings, strategies as st

from exactorbit.errors import InvalidArgument, TooExpensive
from exactorbit.interactions._automorphisms import vf2_automorphisms
from exactorbit.interactions._cuts import cut_orbits, walk_index_spectrum
from exactorbit.interactions._graphs import parse_graph
from exactorbit.interactions._walks import walk_index


def _image(g, mask):
    return sum(1 << g[v] for v in range(len(g)) if mask >> v & 1)


def _brute(graph, target=None):
    """(subset orbits, cut orbits, balanced cut orbits) as sorted (least mask, size) lists, by brute force."""
    n, full = graph.n, (1 << graph.n) - 1
    auts = [g for g in vf2_automorphisms(graph) if target is None or g[target] == target]
    canon = [min(_image(g, m) for g in auts) for m in range(1 << n)]
    cut = {m: min(canon[m], canon[full ^ m]) for m in range(1, full)}

    def table(keys, key):
        out = {}
        for m in keys:
            out[key(m)] = out.get(key(m), 0) + 1
        return sorted(out.items())

    balanced = [m for m in cut if min(bin(m).count("1"), n - bin(m).count("1")) == n // 2]
    return table(range(1 << n), canon.__getitem__), table(cut, cut.get), table(balanced, cut.get), cut


def _naive_walk_index(graph, cut, depth, target=None):
    """rho_{L-1}(C_I, V) (or {t}) from the matrix (A + I)^(L-1) in Python ints and the boundary by definition."""
    n = graph.n
    a = [[int(i == j or (min(i, j), max(i, j)) in set(graph.edges)) for j in range(n)] for i in range(n)]
    p = [[int(i == j) for j in range(n)] for i in range(n)]
    for _ in range(depth - 1):
        p = [[sum(p[i][k] * a[k][j] for k in range(n)) for j in range(n)] for i in range(n)]
    inside = set(cut)
    bound = [v for v in range(n) if any((u in inside) != (v in inside) for u in graph.neighbours[v])]
    cols = range(n) if target is None else [target]
    return sum(p[i][j] for i in bound for j in cols)


def _check(graph, target=None, depth=2):
    graph = parse_graph(graph)
    r = cut_orbits(graph, target=target, depth=depth)
    subsets, cuts, balanced, canon = _brute(graph, target)
    assert r.subset_orbits == subsets and r.cut_orbits == cuts and r.balanced_cut_orbits == balanced
    assert sum(s for _, s in r.subset_orbits) == 1 << graph.n
    assert sum(s for _, s in r.cut_orbits) == (1 << graph.n) - 2
    for m, rep in canon.items():  # the walk index is constant on every cut orbit
        cut = [v for v in range(graph.n) if m >> v & 1]
        assert walk_index(graph, cut, depth, target) == r.walk_indices[rep]
    spectrum = {}
    for rep, _ in r.cut_orbits:
        value = _naive_walk_index(graph, [v for v in range(graph.n) if rep >> v & 1], depth, target)
        spectrum[value] = spectrum.get(value, 0) + 1
    assert r.walk_index_spectrum == dict(sorted(spectrum.items()))
    return r


@pytest.mark.parametrize("spec", ["path:5", "cycle:6", "star:4", "cube", "grid:2x3", "cliques:3", "complete:4"])
def test_named_graphs_against_brute_force(spec):
    _check(spec, depth=3)


def test_petersen_counts():
    r = _check("petersen", depth=2)
    assert r.order == 120 and len(r.cut_orbits) == len(r.walk_indices)


@settings(max_examples=50, deadline=None)
@given(n=st.integers(2, 7), p=st.sampled_from([0.3, 0.5, 0.7]), seed=st.integers(0, 10_000),
       depth=st.integers(1, 4), data=st.data())
def test_random_graphs_against_brute_force(n, p, seed, depth, data):
    target = data.draw(st.one_of(st.none(), st.integers(0, n - 1)))
    _check(nx.gnp_random_graph(n, p, seed=seed), target=target, depth=depth)


def test_target_uses_the_stabilizer_and_the_swap():
    r = _check("path:4", target=0, depth=3)
    assert (r.order, r.acting_order) == (2, 1)
    assert len(r.cut_orbits) == 7           # 14 proper cuts, paired only by the side swap
    assert len(r.subset_orbits) == 16


def test_json_is_ints_and_lists():
    r = cut_orbits("cycle:5", depth=4)
    payload = r.to_json()
    text = json.dumps(payload)

    def no_floats(x):
        if isinstance(x, dict):
            return all(isinstance(k, str) and no_floats(v) for k, v in x.items())
        if isinstance(x, list):
            return all(no_floats(v) for v in x)
        return x is None or type(x) is int

    assert no_floats(payload)
    assert payload["automorphism_group"]["order"] == 10
    assert all(isinstance(k, str) and isinstance(v, int) for k, v in payload["walk_index_spectrum"].items())
    assert json.loads(text) == payload
    assert walk_index_spectrum("cycle:5", 4) == r.walk_index_spectrum


def test_big_walk_indices_stay_exact():
    # cliques:3 at depth 30: past 2^53, so a float would round; the values are ints
    spectrum = walk_index_spectrum("cliques:3", 30)
    assert max(spectrum) > 2 ** 53 and all(type(k) is int for k in spectrum)


@pytest.mark.parametrize("graph,kwargs,error", [
    ("path:4", {"target": 4}, InvalidArgument),
    ("path:4", {"target": "x"}, InvalidArgument),
    ("path:4", {"depth": 0}, InvalidArgument),
    ("path:4", {"depth": "2"}, InvalidArgument),
    ("edges:0-0", {}, InvalidArgument),
    ("path:25", {}, TooExpensive),
    ("path:25", {"force": True}, TooExpensive),   # 2^n subsets: a hard limit
    ("path:22", {}, TooExpensive),                # 2^22 / 2 orbits to list: past LIMITS["orbit_points"]
    ("path:4", {"force": 1}, InvalidArgument),
])
def test_bad_input_refused(graph, kwargs, error):
    with pytest.raises(error):
        cut_orbits(graph, **kwargs)
