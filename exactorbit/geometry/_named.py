r"""Named generating sets: classic puzzles and circuit libraries as moves of a word metric.

Each function returns a :class:`~exactorbit.geometry.GeneratingSet` (grid, generators in array form,
names, title); the permutations follow the package convention ``p[i]`` = image of point ``i``.

* :func:`reversible_circuits` -- NOT, CNOT, Toffoli (and SWAP) gates acting on the ``2**bits`` states of
  ``bits`` wires, the states being the pixels of a ``1 x 2**bits`` grid;
* :func:`pancake` -- prefix reversals of a stack of ``n`` pancakes (a ``1 x n`` grid);
* :func:`adjacent_transpositions` -- the Coxeter generators ``(i i+1)`` of ``S_n`` (a ``1 x n`` grid);
* :func:`pocket_cube` -- the 2x2x2 Rubik cube acting on its 24 stickers (a ``4 x 6`` grid);
* :func:`torus_moves` -- unit translations of the torus, and the quarter turn of a square grid.

The pocket cube's stickers.  The six 2x2 faces sit on the 4 x 6 grid in the order U R F / D L B
(pixel ``r*6 + c``); a sticker's number is its pixel::

     U  U  R  R  F  F          0  1  2  3  4  5
     U  U  R  R  F  F          6  7  8  9 10 11
     D  D  L  L  B  B         12 13 14 15 16 17
     D  D  L  L  B  B         18 19 20 21 22 23

Folded into the usual net (each face seen from outside the cube; U above F with its bottom edge on F,
D below F with its top edge on F, and L, F, R, B in a row around the middle)::

                +-------+
                |  0  1 |
                |  6  7 |                      U
        +-------+-------+-------+-------+
        | 14 15 |  4  5 |  2  3 | 16 17 |
        | 20 21 | 10 11 |  8  9 | 22 23 |      L F R B
        +-------+-------+-------+-------+
                | 12 13 |
                | 18 19 |                      D
                +-------+

In cube coordinates (x to the right, y up, z to the front) F is seen from the front with x to the right
and y up; U is seen from above with the front at the bottom; D from below with the front at the top;
R, B and L are seen from outside with y up.

The moves U, R, F are clockwise quarter turns of the up, right and front layers (clockwise as seen
looking at that face); the corner touching D, L and B (stickers 18, 20 and 23) never moves.  Sticker
``i`` goes to ``p[i]``: the move U carries the front stickers 4 and 5 to the left stickers 14 and 15.

>>> cube = pocket_cube()
>>> cube.names, cube.grid
(('U', 'R', 'F'), Grid(h=4, w=6))
>>> cube.generators[0][4], cube.generators[0][5]
(14, 15)
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..errors import InvalidArgument
from ..images import parse_grid
from .._validation import check_choice, check_int, check_items, describe
from ._generating import GeneratingSet

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ..images import Grid

__all__ = ["reversible_circuits", "pancake", "adjacent_transpositions", "pocket_cube", "torus_moves"]

#: The most wires :func:`reversible_circuits` builds (2**4 = 16 states).
MAX_BITS = 4
#: The tallest stack :func:`pancake` builds.
MAX_PANCAKES = 16

_GATE = re.compile(r"NOT\(([0-9])\)|CNOT\(([0-9]),([0-9])\)|TOF\(([0-9]),([0-9]);([0-9])\)|SWAP\(([0-9]),([0-9])\)")


# -- reversible circuits ----------------------------------------------------------------------------------------------

def _gate_perm(kind, args, bits):
    """The permutation of the 2**bits states that the gate ``kind(args)`` performs."""
    out = []
    for s in range(1 << bits):
        if kind == "NOT":
            s2 = s ^ (1 << args[0])
        elif kind == "CNOT":
            c, t = args
            s2 = s ^ (((s >> c) & 1) << t)
        elif kind == "TOF":
            c1, c2, t = args
            s2 = s ^ (((s >> c1) & (s >> c2) & 1) << t)
        else:  # SWAP
            i, j = args
            bi, bj = (s >> i) & 1, (s >> j) & 1
            s2 = s if bi == bj else s ^ ((1 << i) | (1 << j))
        out.append(s2)
    return tuple(out)


def _gate_name(kind, args):
    if kind == "NOT":
        return f"NOT({args[0]})"
    if kind == "TOF":
        return f"TOF({args[0]},{args[1]};{args[2]})"
    return f"{kind}({args[0]},{args[1]})"


def _library(bits, swaps):
    """The gates of NCT (and SWAP when ``swaps``) on ``bits`` wires, in the documented order."""
    gates = [("NOT", (t,)) for t in range(bits)]
    gates += [("CNOT", (c, t)) for c in range(bits) for t in range(bits) if c != t]
    gates += [("TOF", (c1, c2, t)) for c1 in range(bits) for c2 in range(c1 + 1, bits)
              for t in range(bits) if t not in (c1, c2)]
    if swaps:
        gates += [("SWAP", (i, j)) for i in range(bits) for j in range(i + 1, bits)]
    return gates


def _parse_gate(k, text, bits):
    """One gate name in the printed format (strictly), checked against ``bits`` wires."""
    m = _GATE.fullmatch(text) if isinstance(text, str) else None
    if m is None:
        raise InvalidArgument(f"gates[{k}] must be a gate name such as 'NOT(0)', 'CNOT(0,1)', 'TOF(0,1;2)' or "
                              f"'SWAP(0,1)', got {describe(text)}")
    kind = text[:text.index("(")]
    args = tuple(int(a) for a in m.groups() if a is not None)
    if any(a >= bits for a in args):
        raise InvalidArgument(f"gates[{k}] = {text!r} names a wire >= bits = {bits} (wires are 0..{bits - 1})")
    if len(set(args)) != len(args):
        raise InvalidArgument(f"gates[{k}] = {text!r} uses one wire twice")
    if kind == "TOF" and args[0] > args[1]:
        raise InvalidArgument(f"gates[{k}] = {text!r}: write the controls in increasing order, "
                              f"TOF({args[1]},{args[0]};{args[2]})")
    if kind == "SWAP" and args[0] > args[1]:
        raise InvalidArgument(f"gates[{k}] = {text!r}: write the wires in increasing order, SWAP({args[1]},{args[0]})")
    return kind, args


def reversible_circuits(bits: int, gates: str | Sequence[str] = "NCT") -> GeneratingSet:
    """Reversible gates on ``bits`` wires (1..4) acting on the ``2**bits`` states, the pixels of a 1 x 2**bits grid.

    Bit ``i`` of state ``s`` is ``(s >> i) & 1``.  ``NOT(t)`` flips bit t; ``CNOT(c,t)`` flips bit t when
    bit c is 1; ``TOF(c1,c2;t)`` (Toffoli) flips bit t when bits c1 and c2 are 1; ``SWAP(i,j)``
    exchanges bits i and j.  ``gates``: ``"NCT"`` (every NOT, every CNOT with c != t, every Toffoli with
    controls c1 < c2 and a third target t), ``"NCTS"`` (NCT and every SWAP(i,j), i < j), or a list of gate
    names in exactly that printed format.  Library order: NOT by t, CNOT by (c, t), TOF by (c1, c2, t),
    SWAP by (i, j).

    >>> S = reversible_circuits(3)
    >>> len(S.generators), S.names[:4], S.names[-1], S.grid
    (12, ('NOT(0)', 'NOT(1)', 'NOT(2)', 'CNOT(0,1)'), 'TOF(1,2;0)', Grid(h=1, w=8))
    >>> reversible_circuits(2, ["CNOT(0,1)"]).generators
    ((0, 3, 2, 1),)
    >>> len(reversible_circuits(3, "NCTS").generators)
    15
    """
    bits = check_int("bits", bits, min_value=1, max_value=MAX_BITS)
    if isinstance(gates, str):
        library = check_choice("gates", gates, ("NCT", "NCTS"))
        chosen = _library(bits, library == "NCTS")
        title = f"reversible circuits on {bits} bits ({library})"
    else:
        items = check_items("gates", gates, limit=10_000)
        if not items:
            raise InvalidArgument("gates must name at least one gate, got an empty list")
        chosen = [_parse_gate(k, g, bits) for k, g in enumerate(items)]
        title = f"reversible circuits on {bits} bits"
    return GeneratingSet(grid=parse_grid(f"1x{1 << bits}"),
                         generators=tuple(_gate_perm(kind, args, bits) for kind, args in chosen),
                         names=tuple(_gate_name(kind, args) for kind, args in chosen), title=title)


# -- permutations of a row --------------------------------------------------------------------------------------------

def pancake(n: int) -> GeneratingSet:
    """Prefix reversals of a stack of ``n`` pancakes (2..16) on a 1 x n grid: ``flip(k)`` reverses positions
    0..k-1, for k = 2..n.  Each flip is an involution, ``p[i] = k-1-i`` for ``i < k``; the word metric's
    spheres count the stacks needing k flips (OEIS A092113, whose last index is the pancake number A058986).

    >>> S = pancake(4)
    >>> S.names
    ('flip(2)', 'flip(3)', 'flip(4)')
    >>> S.generators[1]
    (2, 1, 0, 3)
    """
    n = check_int("n", n, min_value=2, max_value=MAX_PANCAKES)
    gens = tuple(tuple(k - 1 - i if i < k else i for i in range(n)) for k in range(2, n + 1))
    return GeneratingSet(grid=parse_grid(f"1x{n}"), generators=gens,
                         names=tuple(f"flip({k})" for k in range(2, n + 1)), title=f"pancake flips of {n}")


def adjacent_transpositions(n: int) -> GeneratingSet:
    """The ``n - 1`` adjacent transpositions ``(i i+1)`` of a 1 x n grid (n >= 2): the Coxeter generators of S_n,
    whose word length is the number of inversions (spheres: the Mahonian numbers, OEIS A008302).

    >>> S = adjacent_transpositions(3)
    >>> S.names, S.generators
    (('(0 1)', '(1 2)'), ((1, 0, 2), (0, 2, 1)))
    """
    n = check_int("n", n, min_value=2)
    grid = parse_grid(f"1x{n}")
    gens = []
    for i in range(n - 1):
        p = list(range(n))
        p[i], p[i + 1] = i + 1, i
        gens.append(tuple(p))
    return GeneratingSet(grid=grid, generators=tuple(gens), names=tuple(f"({i} {i + 1})" for i in range(n - 1)),
                         title=f"adjacent transpositions of {n}")


# -- the pocket cube --------------------------------------------------------------------------------------------------

# Each face: (normal, right, down) in cube coordinates x = right, y = up, z = front, as the face is seen in
# the net above; its 2x2 block on the 4 x 6 grid is at block row FACE_ORDER.index // 3, block column % 3.
_FACES = {
    "U": ((0, 1, 0), (1, 0, 0), (0, 0, 1)),
    "R": ((1, 0, 0), (0, 0, -1), (0, -1, 0)),
    "F": ((0, 0, 1), (1, 0, 0), (0, -1, 0)),
    "D": ((0, -1, 0), (1, 0, 0), (0, 0, -1)),
    "L": ((-1, 0, 0), (0, 0, 1), (0, -1, 0)),
    "B": ((0, 0, -1), (-1, 0, 0), (0, -1, 0)),
}
_FACE_ORDER = "URFDLB"


def _dot(u, v):
    return u[0] * v[0] + u[1] * v[1] + u[2] * v[2]


def _sticker_pixel(pos, normal):
    """The pixel of the sticker with outward ``normal`` on the cubie at ``pos`` (coordinates +-1)."""
    for k, face in enumerate(_FACE_ORDER):
        n, right, down = _FACES[face]
        if n == normal:
            r = 2 * (k // 3) + (_dot(pos, down) > 0)
            c = 2 * (k % 3) + (_dot(pos, right) > 0)
            return 6 * r + c
    raise AssertionError(normal)  # pragma: no cover - every normal is a face's


def _quarter_turn(face):
    """The clockwise quarter turn of ``face``'s layer as a permutation of the 24 stickers."""
    axis = _FACES[face][0]
    # clockwise seen from outside = a rotation by -90 degrees about the outward normal (right-hand rule)
    turn = {
        (0, 1, 0): lambda x, y, z: (-z, y, x),
        (1, 0, 0): lambda x, y, z: (x, z, -y),
        (0, 0, 1): lambda x, y, z: (y, -x, z),
    }[axis]
    perm = [None] * 24
    for pos in [(x, y, z) for x in (-1, 1) for y in (-1, 1) for z in (-1, 1)]:
        for a in range(3):
            normal = tuple(pos[a] if b == a else 0 for b in range(3))
            src = _sticker_pixel(pos, normal)
            if _dot(pos, axis) > 0:  # the cubie sits in the turning layer
                perm[src] = _sticker_pixel(turn(*pos), turn(*normal))
            else:
                perm[src] = src
    return tuple(perm)


def _power(p, e):
    out = tuple(range(len(p)))
    for _ in range(e):
        out = tuple(p[i] for i in out)
    return out


def pocket_cube(metric: str = "quarter") -> GeneratingSet:
    """The 2x2x2 Rubik cube on its 24 stickers (a 4 x 6 grid; numbering in the module docstring).

    ``metric="quarter"``: the clockwise quarter turns U, R, F (the word metric with inverses then allows
    U' etc.: the quarter-turn metric); ``metric="half"``: U, U2, R, R2, F, F2 (with inverses: the half-turn
    metric).  The D-L-B corner stays fixed; the group has order 3,674,160.

    >>> pocket_cube("half").names
    ('U', 'U2', 'R', 'R2', 'F', 'F2')
    >>> R = pocket_cube().generators[1]
    >>> R[5], R[1]  # R carries the front's top-right sticker up, and that of U to the back
    (1, 22)
    """
    metric = check_choice("metric", metric, ("quarter", "half"))
    gens, names = [], []
    for face in "URF":
        turn = _quarter_turn(face)
        gens.append(turn)
        names.append(face)
        if metric == "half":
            gens.append(_power(turn, 2))
            names.append(face + "2")
    return GeneratingSet(grid=parse_grid("4x6"), generators=tuple(gens), names=tuple(names),
                         title=f"pocket cube ({metric}-turn metric)")


# -- the torus --------------------------------------------------------------------------------------------------------

def torus_moves(grid: str | Grid) -> GeneratingSet:
    """Unit moves of the h x w torus (pixel ``r*w + c``): "right" (c -> c+1 mod w), "down" (r -> r+1 mod h) and,
    on a square grid only, "quarter": the quarter turn (r, c) -> (c, h-1-r) of :func:`exactorbit.groups.rotations`.

    >>> S = torus_moves("2x2")
    >>> S.names, S.generators
    (('right', 'down', 'quarter'), ((1, 0, 3, 2), (2, 3, 0, 1), (1, 3, 0, 2)))
    >>> torus_moves("2x3").names
    ('right', 'down')
    """
    g = parse_grid(grid)
    h, w = g.h, g.w
    gens = [tuple(r * w + (c + 1) % w for r in range(h) for c in range(w)),
            tuple(((r + 1) % h) * w + c for r in range(h) for c in range(w))]
    names = ["right", "down"]
    if h == w:
        gens.append(tuple(c * w + (h - 1 - r) for r in range(h) for c in range(w)))
        names.append("quarter")
    return GeneratingSet(grid=g, generators=tuple(gens), names=tuple(names), title=f"torus moves on {g}")
