"""exactorbit.geometry against its slow definitional twins (exactorbit.testutil), on random small groups.

Random generating sets of 1-3 random permutations on 2..6 points (grid "1xn"), the user's list kept as drawn
(repeats and the identity allowed), word metrics with and without inverses.  Every expected number comes from a
plain BFS over tuples or masks (naive_cayley_spheres, naive_word_lengths, naive_schreier_distance,
naive_orbit_eccentricities), never from the code under test.
"""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exactorbit.errors import InvalidArgument
from exactorbit.geometry import (distance, generating_set, geodesic, growth, image_distance, orbit_geometry,
                                 word_length)
from exactorbit.groups import from_generators
from exactorbit.testutil import (naive_apply, naive_cayley_spheres, naive_orbit_eccentricities,
                                 naive_schreier_distance, naive_word_lengths)

import exactorbit.geometry as geometry


# ---------------------------------------------------------------------------
# plain helpers (no exactorbit code): products, inverses, cycle strings
# ---------------------------------------------------------------------------


def _mul(p, q):
    """p then q."""
    return tuple(q[p[i]] for i in range(len(p)))


def _inv(p):
    out = [0] * len(p)
    for i, v in enumerate(p):
        out[v] = i
    return tuple(out)


def _cycles(p):
    seen, parts = set(), []
    for s in range(len(p)):
        if s in seen or p[s] == s:
            continue
        c, j = [], s
        while j not in seen:
            seen.add(j)
            c.append(j)
            j = p[j]
        parts.append("(" + " ".join(map(str, c)) + ")")
    return "".join(parts)


def _allowed(gens, inverses):
    moves = {tuple(g) for g in gens}
    if inverses:
        moves |= {_inv(g) for g in gens}
    return moves


@st.composite
def gensets(draw):
    n = draw(st.integers(2, 6))
    k = draw(st.integers(1, 3))
    gens = [tuple(draw(st.permutations(range(n)))) for _ in range(k)]
    return n, gens


def _group(n, gens):
    return from_generators(f"1x{n}", gens)


INV = st.booleans()


# ---------------------------------------------------------------------------
# growth
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("method", ["ranked", "python"])
@given(case=gensets(), inverses=INV)
def test_growth_spheres_match_the_naive_bfs(case, inverses, method):
    n, gens = case
    G = _group(n, gens)
    expected = naive_cayley_spheres(gens, n, inverses)
    gr = growth(G, gens, inverses=inverses, method=method)
    assert list(gr.spheres) == expected, (gens, inverses, method)
    assert all(isinstance(s, int) for s in gr.spheres)
    assert gr.order == sum(gr.spheres) == G.order()
    assert gr.diameter == len(gr.spheres) - 1
    assert gr.method == method
    assert gr.directed == (not inverses)
    d = gr.to_dict()
    assert d == {"order": G.order(), "diameter": len(expected) - 1, "spheres": d["spheres"], "method": method,
                 "directed": not inverses}
    assert list(d["spheres"]) == expected


@given(case=gensets(), inverses=INV)
def test_growth_routes_agree_and_generating_set_is_the_same_input(case, inverses):
    n, gens = case
    G = _group(n, gens)
    ranked = growth(G, gens, inverses=inverses, method="ranked").spheres
    python = growth(G, gens, inverses=inverses, method="python").spheres
    assert ranked == python
    S = generating_set(G, gens)
    assert S.generators == tuple(gens) and S.n == n and S.group.order() == G.order()
    assert growth(S, inverses=inverses).spheres == ranked
    assert growth(G, gens, inverses=inverses).spheres == ranked  # method="auto"


@given(case=gensets(), inverses=INV)
def test_growth_of_the_group_uses_its_own_generators(case, inverses):
    n, gens = case
    G = _group(n, gens)
    if G.order() == 1:
        return  # no generators to move by (refused; see test_trivial_group_without_generators_is_refused)
    assert list(growth(G, inverses=inverses).spheres) == naive_cayley_spheres(G.generators, n, inverses)


def test_trivial_group_without_generators_is_refused_but_the_identity_as_a_move_is_not():
    G = from_generators("1x3", [(0, 1, 2)])
    with pytest.raises(InvalidArgument):
        growth(G)
    assert list(growth(G, [(0, 1, 2)]).spheres) == naive_cayley_spheres([(0, 1, 2)], 3) == [1]


# ---------------------------------------------------------------------------
# word length, geodesics, distance
# ---------------------------------------------------------------------------


@given(case=gensets(), inverses=INV, picks=st.lists(st.integers(0, 10**6), min_size=1, max_size=3))
def test_word_length_and_geodesics_match_the_naive_bfs(case, inverses, picks):
    n, gens = case
    G = _group(n, gens)
    lengths = naive_word_lengths(gens, n, inverses)
    elements = sorted(lengths)
    assert len(elements) == G.order()
    allowed = _allowed(gens, inverses)
    for pick in picks:
        g = elements[pick % len(elements)]
        wl = word_length(G, g, gens, inverses=inverses)
        assert wl == lengths[g], (gens, inverses, g)
        if g != tuple(range(n)):
            assert word_length(G, _cycles(g), gens, inverses=inverses) == wl
        for method in ("tree", "meet_in_the_middle"):
            geo = geodesic(G, g, gens, inverses=inverses, method=method)
            assert geo.length == len(geo.word) == wl, (gens, inverses, g, method)
            assert tuple(geo.element) == g
            assert geo.method == method
            assert len(geo.move_names) == len(geo.moves)
            assert {tuple(m) for m in geo.moves} == allowed  # each generator, and each inverse, is a move
            prod = tuple(range(n))
            for k in geo.word:
                prod = _mul(prod, tuple(geo.moves[k]))
            assert prod == g, (gens, inverses, g, method, geo.word)
            d = geo.to_dict()
            assert d["length"] == wl and list(d["word"]) == list(geo.word) and d["method"] == method
            assert list(d["generators"]) == list(geo.move_names)


@given(case=gensets(), inverses=INV, picks=st.lists(st.integers(0, 10**6), min_size=3, max_size=3))
def test_distance_is_the_word_length_of_the_quotient_and_a_metric(case, inverses, picks):
    n, gens = case
    G = _group(n, gens)
    lengths = naive_word_lengths(gens, n, inverses)
    elements = sorted(lengths)
    a, b, c = (elements[p % len(elements)] for p in picks)

    def d(x, y):
        return distance(G, x, y, gens, inverses=inverses)

    assert d(a, b) == lengths[_mul(_inv(a), b)]
    assert d(a, a) == 0
    assert d(a, c) <= d(a, b) + d(b, c)  # subadditivity of word length (both metrics)
    if inverses:
        assert d(a, b) == d(b, a)
        assert d(b, c) == lengths[_mul(_inv(b), c)]


# ---------------------------------------------------------------------------
# Schreier graphs of orbits of images
# ---------------------------------------------------------------------------


@given(case=gensets(), inverses=INV, x=st.integers(0, 2**6 - 1), pick=st.integers(0, 10**6), in_orbit=st.booleans())
def test_image_distance_matches_the_naive_bfs_and_its_path_is_a_chain_of_moves(case, inverses, x, pick, in_orbit):
    n, gens = case
    G = _group(n, gens)
    x &= (1 << n) - 1
    if in_orbit:
        orbit = sorted({naive_apply(g, x) for g in naive_word_lengths(gens, n)})
        y = orbit[pick % len(orbit)]
    else:
        y = pick % (1 << n)
    expected = naive_schreier_distance(gens, n, x, y, inverses)
    if expected is None:
        with pytest.raises(InvalidArgument, match="not in the same orbit"):
            image_distance(G, x, y, gens, inverses=inverses)
        return
    res = image_distance(G, x, y, gens, inverses=inverses)
    assert res.distance == expected, (gens, inverses, x, y)
    path = tuple(res.path)
    assert path[0] == x and path[-1] == y and len(path) == expected + 1
    allowed = _allowed(gens, inverses)
    for u, v in zip(path, path[1:]):
        assert any(naive_apply(m, u) == v for m in allowed), (gens, inverses, path)
    assert len(res.moves) == expected
    moves = geodesic(G, tuple(range(n)), gens, inverses=inverses).moves
    for k, u, v in zip(res.moves, path, path[1:]):
        assert naive_apply(tuple(moves[k]), u) == v, (gens, inverses, path, res.moves)
    assert res.to_dict() == {"distance": expected, "path": res.to_dict()["path"]}
    assert list(res.to_dict()["path"]) == list(path)


@given(case=gensets(), inverses=INV, x=st.integers(1, 2**6 - 2))
def test_images_of_different_weights_are_not_in_the_same_orbit(case, inverses, x):
    n, gens = case
    G = _group(n, gens)
    x &= (1 << n) - 1
    y = ((1 << n) - 1) if x.bit_count() != n else 0
    with pytest.raises(InvalidArgument, match="not in the same orbit"):
        image_distance(G, x, y, gens, inverses=inverses)


@given(case=gensets(), inverses=INV, x=st.integers(0, 2**6 - 1))
def test_orbit_geometry_matches_the_naive_eccentricities(case, inverses, x):
    n, gens = case
    G = _group(n, gens)
    x &= (1 << n) - 1
    ecc = naive_orbit_eccentricities(gens, n, x, inverses)
    og = orbit_geometry(G, x, gens, inverses=inverses)
    assert og.size == len(ecc)
    assert og.eccentricity == ecc[x]
    assert og.radius == min(ecc.values())
    assert og.diameter == max(ecc.values())
    spheres = [0] * (ecc[x] + 1)
    for y in ecc:
        spheres[naive_schreier_distance(gens, n, x, y, inverses)] += 1
    assert list(og.spheres) == spheres


# ---------------------------------------------------------------------------
# named generating sets (small cases), against the naive BFS and published numbers
# ---------------------------------------------------------------------------


def _named(name):
    f = getattr(geometry, name, None)
    if f is None:
        pytest.skip(f"exactorbit.geometry.{name} is not there yet")
    return f


def _check_named(S):
    expected = naive_cayley_spheres(S.generators, S.n)
    for method in ("ranked", "python"):
        assert list(growth(S, method=method).spheres) == expected, (S, method)
    return expected


@pytest.mark.parametrize("n", [2, 3, 4, 5])
def test_pancake(n):
    from math import factorial

    S = _named("pancake")(n)
    spheres = _check_named(S)
    assert sum(spheres) == factorial(n)
    # pancake numbers, OEIS A058986: 0, 1, 3, 4, 5, 7, ... (the diameter of the n-pancake graph)
    assert len(spheres) - 1 == {2: 1, 3: 3, 4: 4, 5: 5}[n]
    if n == 4:
        assert spheres == [1, 3, 6, 11, 3]  # OEIS A067607 row 4 (stacks of 4 pancakes needing k flips)


@pytest.mark.parametrize("n", [2, 3, 4, 5])
def test_adjacent_transpositions(n):
    S = _named("adjacent_transpositions")(n)
    spheres = _check_named(S)
    # Mahonian numbers (inversions), OEIS A008302 rows 2..5
    assert spheres == {2: [1, 1], 3: [1, 2, 2, 1], 4: [1, 3, 5, 6, 5, 3, 1],
                       5: [1, 4, 9, 15, 20, 22, 20, 15, 9, 4, 1]}[n]


def test_reversible_circuits_nct_3_bits():
    S = _named("reversible_circuits")(3)
    spheres = _check_named(S)
    # Shende, Prasad, Markov, Hayes, "Synthesis of reversible logic circuits" (IEEE TCAD 2003), Table II:
    # optimal NCT circuit sizes of the 8! reversible 3-bit functions
    assert spheres == [1, 12, 102, 625, 2780, 8921, 17049, 10253, 577]


@pytest.mark.parametrize("grid", ["2x2", "2x3", "3x3"])
def test_torus_moves(grid):
    S = _named("torus_moves")(grid)
    _check_named(S)


def test_named_word_lengths_on_pancake_4():
    S = _named("pancake")(4)
    lengths = naive_word_lengths(S.generators, S.n)
    for g in sorted(lengths)[::5]:
        assert word_length(S, g) == lengths[g]
        geo = geodesic(S, g)
        assert geo.length == lengths[g]


# ---------------------------------------------------------------------------
# bad input
# ---------------------------------------------------------------------------


CYCLIC = from_generators("1x4", [(1, 2, 3, 0)])


@pytest.mark.parametrize("call", [
    lambda g: word_length(CYCLIC, g),
    lambda g: geodesic(CYCLIC, g),
    lambda g: distance(CYCLIC, (0, 1, 2, 3), g),
    lambda g: distance(CYCLIC, g, (0, 1, 2, 3)),
])
@pytest.mark.parametrize("g", [(1, 0, 2, 3), "(0 1)"])
def test_an_element_outside_the_group_is_refused(call, g):
    with pytest.raises(InvalidArgument):
        call(g)


@given(case=gensets(), p=st.permutations(range(6)))
def test_random_elements_outside_the_group_are_refused(case, p):
    n, gens = case
    G = _group(n, gens)
    p = tuple(v for v in p if v < n)
    if p in naive_word_lengths(gens, n):
        assert word_length(G, p, gens) == naive_word_lengths(gens, n)[p]
    else:
        with pytest.raises(InvalidArgument):
            word_length(G, p, gens)


@pytest.mark.parametrize("bad", [[(1, 0, 2)], [(1, 2, 3, 0), (1, 0)], [(1, 2, 3, 0, 4)], [(0, 0, 1, 2)]])
def test_a_generator_of_the_wrong_length_or_not_a_permutation_is_refused(bad):
    with pytest.raises(InvalidArgument):
        growth(CYCLIC, bad)
    with pytest.raises(InvalidArgument):
        word_length(CYCLIC, (0, 1, 2, 3), bad)


def test_bad_x_for_orbit_geometry_and_image_distance_is_refused():
    for x in (-1, 16, "a"):
        with pytest.raises(InvalidArgument):
            orbit_geometry(CYCLIC, x)
        with pytest.raises(InvalidArgument):
            image_distance(CYCLIC, x, 1)
