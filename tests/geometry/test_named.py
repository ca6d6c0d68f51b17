"""The named generating sets of exactorbit.geometry._named against independent sources.

Every sphere list below is recomputed here by a naive breadth-first search written in this file (sets of
tuples, or numpy rows for the pocket cube), never by the package's growth routes, and agrees with the
published value written next to it.
"""

import itertools
import math

import numpy as np
import pytest

from exactorbit.testutil import naive_cayley_spheres

from exactorbit.errors import InvalidArgument
from exactorbit.geometry import (GeneratingSet, adjacent_transpositions, pancake, pocket_cube, reversible_circuits,
                                 torus_moves)
from exactorbit.groups import rotations, translations
from exactorbit.images import Grid


def _inverse(p):
    q = [0] * len(p)
    for i, x in enumerate(p):
        q[x] = i
    return tuple(q)


def _moves(S, inverses=True):
    moves = list(dict.fromkeys(S.generators))
    if inverses:
        moves += [h for h in dict.fromkeys(_inverse(g) for g in S.generators) if h not in moves]
    return moves


def _spheres(S, inverses=True):
    """Sphere sizes of the Cayley graph: the naive twin (exactorbit.testutil), a plain BFS over tuples."""
    return naive_cayley_spheres(list(S.generators), S.n, inverses)


def _is_permutation(p, n):
    return isinstance(p, tuple) and sorted(p) == list(range(n)) and all(type(x) is int for x in p)


def _check_shape(S, grid, count):
    assert isinstance(S, GeneratingSet)
    assert S.grid == grid
    assert len(S.generators) == len(S.names) == count
    assert all(_is_permutation(g, grid.n) for g in S.generators)
    assert isinstance(S.title, str) and S.title


# -- reversible circuits ----------------------------------------------------------------------------------------------

def test_reversible_circuit_libraries_names_and_order():
    S = reversible_circuits(3)
    _check_shape(S, Grid(1, 8), 12)  # 3 NOT + 6 CNOT + 3 Toffoli
    assert S.names == ("NOT(0)", "NOT(1)", "NOT(2)", "CNOT(0,1)", "CNOT(0,2)", "CNOT(1,0)", "CNOT(1,2)",
                       "CNOT(2,0)", "CNOT(2,1)", "TOF(0,1;2)", "TOF(0,2;1)", "TOF(1,2;0)")
    T = reversible_circuits(3, "NCTS")
    _check_shape(T, Grid(1, 8), 15)
    assert T.names == S.names + ("SWAP(0,1)", "SWAP(0,2)", "SWAP(1,2)")
    assert T.generators[:12] == S.generators
    assert reversible_circuits(1).names == ("NOT(0)",)
    assert reversible_circuits(2).names == ("NOT(0)", "NOT(1)", "CNOT(0,1)", "CNOT(1,0)")
    four = reversible_circuits(4, "NCTS")
    _check_shape(four, Grid(1, 16), 4 + 12 + 12 + 6)  # TOF: 6 control pairs x 2 targets


def test_reversible_gates_act_on_the_bits():
    bit = lambda s, i: (s >> i) & 1  # noqa: E731
    S = reversible_circuits(3, "NCTS")
    gate = dict(zip(S.names, S.generators))
    for s in range(8):
        assert gate["NOT(1)"][s] == s ^ 2
        assert gate["CNOT(2,0)"][s] == (s ^ 1 if bit(s, 2) else s)
        assert gate["TOF(0,2;1)"][s] == (s ^ 2 if bit(s, 0) and bit(s, 2) else s)
        t = gate["SWAP(0,2)"][s]
        assert (bit(t, 0), bit(t, 1), bit(t, 2)) == (bit(s, 2), bit(s, 1), bit(s, 0))


def test_reversible_gate_lists_are_parsed_strictly_and_kept_in_order():
    S = reversible_circuits(3, ["TOF(0,1;2)", "NOT(0)", "NOT(0)", "SWAP(1,2)"])
    assert S.names == ("TOF(0,1;2)", "NOT(0)", "NOT(0)", "SWAP(1,2)")
    T = reversible_circuits(3, "NCTS")
    library = dict(zip(T.names, T.generators))
    assert S.generators == tuple(library[name] for name in S.names)
    # the Toffoli gate alone is one transposition: it swaps the states 011 and 111
    assert S.generators[0] == (0, 1, 2, 7, 4, 5, 6, 3)


@pytest.mark.parametrize("gates", ["NOT(0) ", "not(0)", "CNOT(0, 1)", "CNOT(1,1)", "TOF(1,0;2)", "TOF(0,1,2)",
                                   "TOF(0,1;1)", "SWAP(1,0)", "NOT(3)", "NOT(00)", "NOT(\u0661)", "X(0)", ""])
def test_malformed_gate_names_are_refused(gates):
    with pytest.raises(InvalidArgument, match=r"gates\[0\]"):
        reversible_circuits(3, [gates])


@pytest.mark.parametrize("bits", [0, 9, -1, 5, 2.0, True, "3"])
def test_bits_out_of_range_is_refused(bits):
    with pytest.raises(InvalidArgument, match="bits"):
        reversible_circuits(bits)


@pytest.mark.parametrize("gates", ["XYZ", "nct", [], None, 3])
def test_unknown_gate_libraries_are_refused(gates):
    with pytest.raises(InvalidArgument, match="gates"):
        reversible_circuits(3, gates)


def test_three_bit_nct_and_ncts_generate_s8():
    # Shende, Prasad, Markov & Hayes 2003 (IEEE TCAD 22(6)): NCT circuits on 3 wires realise every
    # permutation of the 8 states; the Toffoli gate is odd, so no parity restriction
    assert reversible_circuits(3).group.order() == math.factorial(8) == 40320
    assert reversible_circuits(3, "NCTS").group.order() == 40320


def test_four_bit_nct_generates_only_the_alternating_group():
    # every NCT (and SWAP) gate on 4 wires fixes a bit pattern on >= 1 other wire and so moves an even
    # number of pairs of states: an even permutation; Shende et al. 2003: they generate all of A_16
    S = reversible_circuits(4, "NCTS")
    assert all(_parity(g) == 0 for g in S.generators)
    assert reversible_circuits(4).group.order() == math.factorial(16) // 2 == 10461394944000
    assert S.group.order() == math.factorial(16) // 2


def _parity(p):
    return sum(1 for i, j in itertools.combinations(range(len(p)), 2) if p[i] > p[j]) % 2


def test_three_bit_circuit_spheres_match_shende_et_al():
    # Shende, Prasad, Markov & Hayes 2003, the table of optimal circuit counts on 3 wires by gate count, as quoted
    # (the paper's table was not re-read: proofs/geometry.md, section 7); the second source is the brute force of
    # this file's tuple BFS twin (_spheres, exactorbit.testutil), which reproduces both rows
    nct = [1, 12, 102, 625, 2780, 8921, 17049, 10253, 577]
    ncts = [1, 15, 134, 844, 3752, 11194, 17531, 6817, 32]
    assert _spheres(reversible_circuits(3)) == nct and sum(nct) == 40320
    assert _spheres(reversible_circuits(3, "NCTS")) == ncts and sum(ncts) == 40320


# -- pancakes and adjacent transpositions -----------------------------------------------------------------------------

def test_pancake_flips():
    S = pancake(5)
    _check_shape(S, Grid(1, 5), 4)
    assert S.names == ("flip(2)", "flip(3)", "flip(4)", "flip(5)")
    assert S.generators[-1] == (4, 3, 2, 1, 0)
    assert all(tuple(g[i] for i in g) == tuple(range(5)) for g in S.generators)  # involutions
    _check_shape(pancake(16), Grid(1, 16), 15)


# OEIS A092113 (rows n = 2..6), "number of stacks of n pancakes requiring k flips"; the row lengths minus one
# are the pancake numbers OEIS A058986 (1, 3, 4, 5, 7)
PANCAKE_ROWS = {
    2: [1, 1],
    3: [1, 2, 2, 1],
    4: [1, 3, 6, 11, 3],
    5: [1, 4, 12, 35, 48, 20],
    6: [1, 5, 20, 79, 199, 281, 133, 2],
}


@pytest.mark.parametrize("n", sorted(PANCAKE_ROWS))
def test_pancake_spheres_match_oeis_a092113(n):
    spheres = _spheres(pancake(n))
    assert spheres == PANCAKE_ROWS[n]
    assert sum(spheres) == math.factorial(n) == pancake(n).group.order()


@pytest.mark.parametrize("n", [2, 3, 4, 5])
def test_adjacent_transpositions_spheres_are_mahonian(n):
    S = adjacent_transpositions(n)
    _check_shape(S, Grid(1, n), n - 1)
    assert S.names == tuple(f"({i} {i + 1})" for i in range(n - 1))
    # the Mahonian numbers (OEIS A008302), counted here by brute force: permutations of n by inversions
    mahonian = [0] * (n * (n - 1) // 2 + 1)
    for p in itertools.permutations(range(n)):
        mahonian[sum(1 for i, j in itertools.combinations(range(n), 2) if p[i] > p[j])] += 1
    assert _spheres(S) == mahonian
    assert S.group.order() == math.factorial(n)


def test_mahonian_row_5_is_oeis_a008302():
    assert _spheres(adjacent_transpositions(5)) == [1, 4, 9, 15, 20, 22, 20, 15, 9, 4, 1]  # OEIS A008302, n = 5


@pytest.mark.parametrize("call", [lambda: pancake(1), lambda: pancake(17), lambda: pancake("4"),
                                  lambda: adjacent_transpositions(1), lambda: adjacent_transpositions(None)])
def test_bad_sizes_are_refused(call):
    with pytest.raises(InvalidArgument, match=r"\bn\b"):
        call()


# -- the pocket cube --------------------------------------------------------------------------------------------------

def test_pocket_cube_moves():
    Q, H = pocket_cube(), pocket_cube("half")
    _check_shape(Q, Grid(4, 6), 3)
    _check_shape(H, Grid(4, 6), 6)
    assert Q.names == ("U", "R", "F")
    assert H.names == ("U", "U2", "R", "R2", "F", "F2")
    square = lambda p: tuple(p[i] for i in p)  # noqa: E731
    assert H.generators == tuple(m for g in Q.generators for m in (g, square(g)))
    for g in Q.generators:
        assert sum(1 for i in range(24) if g[i] != i) == 12  # a quarter turn moves 4 + 4*2 stickers
        assert square(square(g)) == tuple(range(24)) != square(g)
    # the D-L-B corner (stickers 18, 20, 23 of the module docstring's net) never moves
    assert [i for i in range(24) if all(g[i] == i for g in Q.generators)] == [18, 20, 23]
    # stickers stay on their cubie: each move maps the three stickers of a corner to those of a corner
    # (read off the net: e.g. U's top-left sticker 0 sits at the back left, with L's 14 and B's 17)
    corners = [{0, 14, 17}, {1, 3, 16}, {6, 4, 15}, {7, 5, 2}, {12, 10, 21}, {13, 8, 11}, {18, 20, 23},
               {19, 9, 22}]
    assert sorted(i for c in corners for i in c) == list(range(24))
    for g in Q.generators:
        assert all({g[i] for i in c} in corners for c in corners)


def test_pocket_cube_group_order():
    # 7! * 3^6 = 3,674,160 (Wikipedia "Pocket Cube"): the positions with the D-L-B corner fixed
    assert pocket_cube().group.order() == math.factorial(7) * 3 ** 6 == 3674160
    assert pocket_cube("half").group.order() == 3674160


def _member(keys, sorted_keys):
    """Whether each of ``keys`` is in the sorted array ``sorted_keys``."""
    if not len(sorted_keys):
        return np.zeros(len(keys), dtype=bool)
    at = np.minimum(np.searchsorted(sorted_keys, keys), len(sorted_keys) - 1)
    return sorted_keys[at] == keys


def _cube_spheres(S):
    """Sphere sizes by a BFS over int64 keys: a cube element x is fixed by where the 12 stickers of U, R and F go
    (every moving corner has a sticker there), and (x*m)[i] = m[x[i]] needs only those images, so the key packs
    x[0..11] in 5-bit fields and a move acts on it field by field through a table of 2**20 four-field chunks.
    The moves are closed under inverses, so a new position's neighbours lie in the sphere before, its own
    sphere or the next: only two spheres are kept.  The caller also checks that the spheres sum to the group
    order, which a key merging two positions could not reach."""
    chunk = np.arange(1 << 20, dtype=np.int64)
    tables = []
    for m in _moves(S):
        image = np.array(list(m) + list(range(24, 32)), dtype=np.int64)
        tables.append(sum(image[(chunk >> (5 * j)) & 31] << (5 * j) for j in range(4)))
    low = (1 << 20) - 1
    previous = np.zeros(0, dtype=np.int64)
    current = np.array([sum(i << (5 * i) for i in range(12))], dtype=np.int64)  # the identity
    spheres = [1]
    while True:
        parts = (current & low, (current >> 20) & low, current >> 40)
        keys = np.concatenate([T[parts[0]] | (T[parts[1]] << 20) | (T[parts[2]] << 40) for T in tables])
        keys.sort()  # (np.unique is far slower here)
        keys = keys[np.concatenate(([True], keys[1:] != keys[:-1]))]
        fresh = keys[~(_member(keys, current) | _member(keys, previous))]
        if not len(fresh):
            return spheres
        previous, current = current, fresh
        spheres.append(len(fresh))


# cube: the BFS visits all 3,674,160 positions (about 1-2 s with the int64 keys)
def test_pocket_cube_quarter_turn_spheres_match_gods_algorithm():
    # Wikipedia "Pocket Cube", God's algorithm: quarter-turn metric (U, U', R, R', F, F')
    golden = [1, 6, 27, 120, 534, 2256, 8969, 33058, 114149, 360508, 930588, 1350852, 782536, 90280, 276]
    assert sum(golden) == 3674160
    assert _cube_spheres(pocket_cube()) == golden


# cube: the BFS visits all 3,674,160 positions (about 1-2 s with the int64 keys)
def test_pocket_cube_half_turn_spheres_match_gods_algorithm():
    # Wikipedia "Pocket Cube", God's algorithm: half-turn metric (U, U2, U', R, R2, R', F, F2, F')
    golden = [1, 9, 54, 321, 1847, 9992, 50136, 227536, 870072, 1887748, 623800, 2644]
    assert sum(golden) == 3674160
    assert _cube_spheres(pocket_cube("half")) == golden


@pytest.mark.parametrize("metric", ["diagonal", "Quarter", "", None, 90])
def test_unknown_metrics_are_refused(metric):
    with pytest.raises(InvalidArgument, match="metric"):
        pocket_cube(metric)


# -- the torus --------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("grid", ["1x1", "1x5", "2x3", "3x3", "4x4", "3x5"])
def test_torus_moves_are_the_package_translations_and_quarter_turn(grid):
    S = torus_moves(grid)
    h, w = S.grid.h, S.grid.w
    square = h == w
    _check_shape(S, Grid(h, w), 3 if square else 2)
    assert S.names == (("right", "down", "quarter") if square else ("right", "down"))
    right, down = S.generators[:2]
    for r in range(h):
        for c in range(w):
            assert right[r * w + c] == r * w + (c + 1) % w
            assert down[r * w + c] == ((r + 1) % h) * w + c
    ident = tuple(range(h * w))
    # the package's own translations and quarter turn (they drop identity generators)
    assert [g for g in (right, down) if g != ident] == list(translations(grid).generators)
    if square:
        assert [g for g in S.generators[2:] if g != ident] == list(rotations(grid).generators)
    assert S.group.order() == (h * w * 4 if square and h > 1 else h * w)


@pytest.mark.parametrize("grid", ["0x3", "3", None, (2, 0)])
def test_bad_grids_are_refused(grid):
    with pytest.raises(InvalidArgument, match="grid"):
        torus_moves(grid)
