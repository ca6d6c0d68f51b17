"""exactorbit.graphs: Cayley, Schreier, functional and subgroup Hasse graphs against naive twins.

The twins (``naive_*``, below) use nothing of the package but ``compose``/``apply`` on single
elements: closures by breadth-first products, orbits point by point, recurrence by iterating F,
and the whole subgroup lattice by brute force (every join <H, g> from the trivial subgroup on).
Golden numbers are well-known facts, each cited where it is used.
"""

from collections import Counter
import math

import networkx as nx
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from exactorbit import strategies as eos
from exactorbit.actions import apply
from exactorbit.errors import InvalidArgument, TooExpensive
from exactorbit.functions import recurrent_set
from exactorbit.gap import gap_available, run_gap, to_gap
from exactorbit.graphs import (cayley_graph, element_order, functional_graph, recurrent_nodes, schreier_graph,
                               subgroup_hasse)
from exactorbit.groups import compose, identity, named_group, symmetric
from exactorbit.images import render_text
from exactorbit.stabilizers import orbit_size
from exactorbit.subgroups import subgroup_classes

SMALL = settings(max_examples=25, deadline=None)


# --------------------------------------------------------------------------
# naive, definitional twins


def naive_closure(gens, n):
    """All products of gens (with the identity), breadth first: the generated group, as a set of tuples."""
    seen = {identity(n)}
    frontier = [identity(n)]
    while frontier:
        frontier = [p for h in frontier for p in (compose(h, s) for s in gens) if p not in seen and not seen.add(p)]
    return seen


def naive_order(g):
    """Smallest k >= 1 with g^k the identity, by repeated products."""
    power, k = g, 1
    while power != identity(len(g)):
        power, k = compose(power, g), k + 1
    return k


def naive_orbit(group, x):
    """The orbit of x, point by point along the generators."""
    seen, frontier = {x}, [x]
    while frontier:
        frontier = [z for y in frontier for z in (apply(s, y) for s in group.generators)
                    if z not in seen and not seen.add(z)]
    return seen


def naive_cycle_nodes(F):
    """The points x with F^k(x) = x for some 1 <= k <= N: the points on a cycle of F."""
    out = set()
    for x in range(len(F)):
        y = F[x]
        for _ in range(len(F)):
            if y == x:
                out.add(x)
                break
            y = F[y]
    return out


def naive_recurrent(F):
    """F^N(X): the set X mapped N times (theorem 6's definition)."""
    current = set(range(len(F)))
    for _ in range(len(F)):
        current = {F[x] for x in current}
    return current


def naive_subgroups(elements, n):
    """Every subgroup (frozensets of elements): joins <H, g> from the trivial subgroup until nothing is new."""
    trivial = frozenset([identity(n)])
    found, frontier = {trivial}, [trivial]
    while frontier:
        new = []
        for H in frontier:
            for g in elements:
                if g not in H:
                    K = frozenset(naive_closure(list(H) + [g], n))
                    if K not in found:
                        found.add(K)
                        new.append(K)
        frontier = new
    return found


def naive_conjugate(H, g):
    """g^-1 H g, as a frozenset (g^-1 applied first: left to right)."""
    ginv = tuple(sorted(range(len(g)), key=g.__getitem__))
    return frozenset(compose(compose(ginv, h), g) for h in H)


def naive_classes(subgroups, elements):
    """The conjugacy classes of subgroups: {subgroup: frozenset of its conjugates}."""
    out = {}
    for H in subgroups:
        if H not in out:
            cls = frozenset(naive_conjugate(H, g) for g in elements)
            for K in cls:
                out[K] = cls
    return out


def naive_maximal_pairs(subgroups):
    """Every pair (K, L) with K a maximal subgroup of L: K < L and no subgroup strictly between."""
    return {(K, L) for K in subgroups for L in subgroups
            if K < L and not any(K < M < L for M in subgroups)}


def naive_hasse(group):
    """The Hasse diagram of the classes by brute force: ({class: (order, size)}, {(ci, cj): (supergroups, subgroups)})."""
    elements = sorted(naive_closure(group.generators, group.n))
    subgroups = naive_subgroups(elements, group.n)
    cls = naive_classes(subgroups, elements)
    pairs = naive_maximal_pairs(subgroups)
    edges = {}
    for ci in set(cls.values()):
        for cj in set(cls.values()):
            rep_i, rep_j = min(ci, key=sorted), min(cj, key=sorted)
            up = sum((rep_i, L) in pairs for L in cj)
            down = sum((K, rep_j) in pairs for K in ci)
            if up or down:
                edges[ci, cj] = (up, down)
    return cls, edges, len(subgroups)


# --------------------------------------------------------------------------
# Cayley graphs


def small_groups(max_order):
    return eos.pixel_groups(max_pixels=6).filter(lambda G: G.order() <= max_order)


@SMALL
@given(small_groups(200))
def test_cayley_graph_is_the_naive_one(G):
    C = cayley_graph(G)
    elements = naive_closure(G.generators, G.n)
    s = len(G.generators)
    assert set(C) == elements and C.number_of_nodes() == G.order()
    assert all(C.nodes[g]["order"] == naive_order(g) for g in C)
    naive_edges = {(g, compose(g, t), k) for g in elements for k, t in enumerate(G.generators)}
    assert {(g, h, d["generator"]) for g, h, d in C.edges(data=True)} == naive_edges
    assert C.number_of_edges() == G.order() * s  # one edge per element and generator
    assert all(C.out_degree(g) == s and C.in_degree(g) == s for g in C)
    assert nx.is_strongly_connected(C)  # the generators generate G


@SMALL
@given(small_groups(120), st.data())
def test_cayley_graph_of_a_subset_has_one_component_per_coset(G, data):
    subset = data.draw(st.lists(eos.group_elements(G), max_size=3, unique=True))
    C = cayley_graph(G, subset)
    H = naive_closure(subset, G.n)
    assert C.number_of_edges() == G.order() * len(subset)
    # the component of g is the coset g<S> (edges g -> g*s): |G| / |<S>| of them, each of size |<S>|
    components = list(nx.weakly_connected_components(C))
    assert len(components) == G.order() // len(H)
    assert all(len(c) == len(H) for c in components)
    assert nx.is_strongly_connected(C) == (len(H) == G.order())


@SMALL
@given(eos.groups_with_images(max_pixels=6))
def test_cayley_graph_maps_onto_the_schreier_graph(case):
    """g -> x^g sends the edge g -> g*s to the edge x^g -> (x^g)^s with the same label (x^(g*s) = (x^g)^s)."""
    G, x = case
    assume(G.order() <= 200)
    C, S = cayley_graph(G), schreier_graph(G, x)
    assert {apply(g, x) for g in C} == set(S)
    labelled = {(y, z, d["generator"]) for y, z, d in S.edges(data=True)}
    assert {(apply(g, x), apply(h, x), d["generator"]) for g, h, d in C.edges(data=True)} == labelled


def test_cayley_graph_golden_numbers():
    # D4, the symmetries of the square: 1 identity, 5 involutions, 2 elements of order 4 (any algebra text)
    C = cayley_graph(named_group("dihedral", "2x2"))
    assert sorted(Counter(nx.get_node_attributes(C, "order").values()).items()) == [(1, 1), (2, 5), (4, 2)]
    # the cyclic group C_12 has phi(d) elements of order d, and its Cayley graph on one generator is a 12-cycle
    C12 = cayley_graph(named_group("translations", "1x12"))
    phi = {1: 1, 2: 1, 3: 2, 4: 2, 6: 2, 12: 4}
    assert Counter(nx.get_node_attributes(C12, "order").values()) == phi
    assert len(list(nx.simple_cycles(C12))) == 1 and nx.is_strongly_connected(C12)
    # S_4 on the 2x2 grid: 24 elements; element orders 1, 6 transpositions, 3 double transpositions -> 9 of
    # order 2, 8 of order 3, 6 of order 4
    S4 = cayley_graph(symmetric("2x2"))
    assert Counter(nx.get_node_attributes(S4, "order").values()) == {1: 1, 2: 9, 3: 8, 4: 6}
    assert S4.number_of_edges() == 24 * 2
    # the trivial group: one node, no edge
    T = cayley_graph(named_group("trivial", "2x2"))
    assert list(T.nodes(data=True)) == [((0, 1, 2, 3), {"order": 1})] and T.number_of_edges() == 0


def test_cayley_graph_generators_text_identity_and_errors():
    G = named_group("dihedral", "2x2")
    C = cayley_graph(G, "(0 1 3 2)")
    assert C.number_of_edges() == 8 and nx.number_weakly_connected_components(C) == 2
    loops = cayley_graph(G, [identity(4)])
    assert nx.number_of_selfloops(loops) == 8
    assert element_order((1, 2, 0, 4, 3)) == 6
    with pytest.raises(InvalidArgument, match="group must be a PixelGroup"):
        cayley_graph("dihedral")
    with pytest.raises(InvalidArgument, match=r"generators\[0\] = \(0 1\) is not an element"):
        cayley_graph(G, [(1, 0, 2, 3)])
    with pytest.raises(InvalidArgument, match=r"generators\[1\] repeats generators\[0\]"):
        cayley_graph(G, [(1, 0, 3, 2), (1, 0, 3, 2)])
    with pytest.raises(InvalidArgument, match=r"generators\[0\] must permute exactly 4 pixels"):
        cayley_graph(G, [(1, 0)])
    with pytest.raises(InvalidArgument, match=r"generators\[0\] entry must be an int"):
        cayley_graph(G, [(1.0, 0, 3, 2)])
    with pytest.raises(InvalidArgument, match="generators must be None"):
        cayley_graph(G, 3)
    with pytest.raises(TooExpensive, match="Cayley graph of a group of order 8 on 4 pixels.*limit=31"):
        cayley_graph(G, limit=31)
    assert cayley_graph(G, limit=31, force=True).number_of_nodes() == 8
    with pytest.raises(InvalidArgument, match="force must be True or False"):
        cayley_graph(G, force="yes")


# --------------------------------------------------------------------------
# Schreier graphs


@SMALL
@given(eos.groups_with_images(max_pixels=8))
def test_schreier_graph_is_the_naive_orbit_graph(case):
    G, x = case
    S = schreier_graph(G, x)
    orb = naive_orbit(G, x)
    assert set(S) == orb and S.number_of_nodes() == orbit_size(G, x)
    s = len(G.generators)
    naive_edges = Counter((y, apply(t, y), k) for y in orb for k, t in enumerate(G.generators))
    assert Counter((y, z, key) for y, z, key in S.edges(keys=True)) == naive_edges
    assert all(key == d["generator"] for _, _, key, d in S.edges(keys=True, data=True))
    assert S.number_of_edges() == len(orb) * s
    assert all(S.out_degree(y) == s and S.in_degree(y) == s for y in S)  # each generator permutes the orbit
    assert nx.is_strongly_connected(S)
    assert all(d == {"weight": bin(y).count("1"), "text": render_text(y, G.grid)} for y, d in S.nodes(data=True))


def test_schreier_graph_golden_and_errors():
    # the 2-colourings of a 3x3 torus with one black pixel: one orbit of 9 under the translations
    S = schreier_graph(named_group("translations", "3x3"), 0b1)
    assert S.number_of_nodes() == 9 and S.number_of_edges() == 18
    # a loop: the mirror fixes the symmetric image #.# of 1x3
    R = schreier_graph(named_group("reflections", "1x3"), 0b101)
    assert list(R.edges(keys=True, data=True)) == [(5, 5, 0, {"generator": 0})]
    # S_n acting on k-subsets of n points: orbit C(n, k) (the symmetric group is k-homogeneous)
    assert schreier_graph(symmetric("2x3"), 0b000111).number_of_nodes() == math.comb(6, 3)
    G = named_group("translations", "1x4")
    with pytest.raises(InvalidArgument, match="image must be a mask of 4 pixels"):
        schreier_graph(G, 16)
    with pytest.raises(TooExpensive, match="Schreier graph.*estimated at 4 points, over limit=3 points"):
        schreier_graph(G, 0b0011, limit=3)
    assert schreier_graph(G, 0b0011, limit=3, force=True).number_of_nodes() == 4


# --------------------------------------------------------------------------
# functional graphs and theorem 6


@settings(max_examples=150, deadline=None)
@given(eos.function_tables(max_size=12))
def test_functional_graph_cycles_are_the_recurrent_set(F):
    D = functional_graph(F)
    R = set(recurrent_set(F).tolist())
    assert recurrent_nodes(D) == R == naive_cycle_nodes(F) == naive_recurrent(F)
    assert {v for c in nx.simple_cycles(D) for v in c} == R  # networkx's own cycle listing agrees
    assert {x for x, flag in D.nodes(data="recurrent") if flag} == R
    assert sorted(D.edges()) == [(x, F[x]) for x in range(len(F))]
    assert all(D.out_degree(x) == 1 for x in D)
    # one cycle per weakly connected component (a functional graph is a forest of trees hanging on cycles)
    assert nx.number_weakly_connected_components(D) == len(list(nx.simple_cycles(D)))


def test_functional_graph_errors_and_other_graphs():
    assert recurrent_nodes(functional_graph([0])) == {0}
    assert recurrent_nodes(functional_graph([1, 1, 1])) == {1}
    assert recurrent_nodes(cayley_graph(named_group("rotations", "2x2"))) == set(
        naive_closure(named_group("rotations", "2x2").generators, 4))
    with pytest.raises(InvalidArgument, match="table must map"):
        functional_graph([0, 5])
    with pytest.raises(InvalidArgument, match="graph must be a networkx DiGraph"):
        recurrent_nodes(nx.Graph([(0, 1)]))


# --------------------------------------------------------------------------
# the subgroup Hasse diagram


def check_against_naive(G):
    H = subgroup_hasse(G)
    cls, edges, total = naive_hasse(G)
    assert H.graph["subgroups"] == total
    assert H.number_of_nodes() == len(set(cls.values()))
    node_class = {}
    for i, d in H.nodes(data=True):
        rep = frozenset(naive_closure(d["generators"], G.n))
        assert len(rep) == d["order"] and all(g in rep for g in d["generators"])
        assert rep in cls and len(cls[rep]) == d["size"]
        node_class[i] = cls[rep]
    assert len(set(node_class.values())) == H.number_of_nodes()  # one node per class
    got = {(node_class[i], node_class[j]): (d["supergroups"], d["subgroups"]) for i, j, d in H.edges(data=True)}
    assert got == edges
    return H


@settings(max_examples=20, deadline=None)
@given(eos.pixel_groups(max_pixels=6))
def test_subgroup_hasse_is_the_naive_lattice_up_to_conjugacy(G):
    assume(G.order() <= 24)
    H = check_against_naive(G)
    k = H.number_of_nodes()
    assert nx.is_directed_acyclic_graph(H)
    assert H.nodes[0]["order"] == G.order() and H.out_degree(0) == 0
    assert H.nodes[k - 1]["order"] == 1 and H.in_degree(k - 1) == 0
    for i, j, d in H.edges(data=True):
        oi, oj = H.nodes[i]["order"], H.nodes[j]["order"]
        assert oj % oi == 0 and oj > oi  # Lagrange
        assert H.nodes[i]["size"] * d["supergroups"] == H.nodes[j]["size"] * d["subgroups"]
    assert all(nx.has_path(H, i, 0) for i in H)
    assert [H.nodes[i]["order"] for i in H] == [c.order for c in subgroup_classes(G)]


def test_subgroup_hasse_golden_numbers():
    # D4 (order 8): 10 subgroups in 8 conjugacy classes (groupprops, "Subgroup structure of dihedral group:D8")
    D4 = check_against_naive(named_group("dihedral", "2x2"))
    assert (D4.number_of_nodes(), D4.graph["subgroups"]) == (8, 10)
    # S4 (order 24): 30 subgroups in 11 conjugacy classes (groupprops, "Subgroup structure of symmetric group:S4")
    S4 = check_against_naive(symmetric("2x2"))
    assert (S4.number_of_nodes(), S4.graph["subgroups"]) == (11, 30)
    # S3: 6 subgroups in 4 classes (1, A3, three conjugate C2, S3)
    S3 = check_against_naive(symmetric("1x3"))
    assert (S3.number_of_nodes(), S3.graph["subgroups"]) == (4, 6)
    # C_n: one subgroup per divisor, and the lattice is the divisor lattice (d covers e iff d/e is prime)
    C12 = subgroup_hasse(named_group("translations", "1x12"))
    divisors = [d for d in range(1, 13) if 12 % d == 0]
    covers = {(e, d) for e in divisors for d in divisors if d % e == 0 and d // e in (2, 3, 5, 7, 11)}
    assert sorted(C12.nodes[i]["order"] for i in C12) == divisors
    assert {(C12.nodes[i]["order"], C12.nodes[j]["order"]) for i, j in C12.edges()} == covers
    assert all(len(C12.nodes[i]["generators"]) <= 1 for i in C12)  # cyclic: one generator, of largest order


def test_subgroup_hasse_refusal():
    with pytest.raises(TooExpensive, match="limit=10"):
        subgroup_hasse(symmetric("2x2"), limit=10)
    with pytest.raises(InvalidArgument, match="group must be a PixelGroup"):
        subgroup_hasse(None)


GAP_GROUPS = [("dihedral", "2x2"), ("symmetric", "2x2"), ("translations+reflections", "1x6"),
              ("translations+dihedral", "3x3"), ("symmetric", "1x5"), ("translations+dihedral", "2x4")]


@pytest.mark.skipif(not gap_available(), reason="GAP is not installed (Debian package gap, or EXACTORBIT_GAP)")
def test_subgroup_hasse_against_gap():
    """GAP's LatticeSubgroups: classes (order, size) and, per class, the classes of its maximal subgroups."""
    groups = [named_group(spec, grid) for spec, grid in GAP_GROUPS]
    script = "SizeScreen([4096, 100]);;\n" + "\n".join(
        f"L := LatticeSubgroups({to_gap(G)});; C := ConjugacyClassesSubgroups(L);; M := MaximalSubgroupsLattice(L);;\n"
        "Print(\"group\\n\");\n"
        "for i in [1..Length(C)] do Print(Size(Representative(C[i])), \" \", Size(C[i]), \" \", "
        "JoinStringsWithSeparator(List(M[i], p -> String(p[1])), \" \"), \"\\n\"); od;"
        for G in groups)
    blocks = run_gap(script).split("group\n")[1:]
    for G, block in zip(groups, blocks, strict=True):
        gap = [[int(v) for v in line.split()] for line in block.strip().split("\n")]
        H = subgroup_hasse(G)
        assert Counter((o, s) for o, s, *_ in gap) == Counter((d["order"], d["size"]) for _, d in H.nodes(data=True))
        gap_edges = Counter()
        for o, s, *maximal in gap:
            for c, count in Counter(maximal).items():  # count: members of class c maximal in this representative
                gap_edges[(gap[c - 1][0], gap[c - 1][1]), (o, s), count] += 1
        ours = Counter(((H.nodes[i]["order"], H.nodes[i]["size"]), (H.nodes[j]["order"], H.nodes[j]["size"]),
                        d["subgroups"]) for i, j, d in H.edges(data=True))
        assert ours == gap_edges, G
