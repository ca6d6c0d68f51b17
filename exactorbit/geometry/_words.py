"""Word length and geodesics: the depth a transformation needs (proofs/geometry.md, "Geodesics").

Routes (``method=``):

- ``"tree"``: a breadth-first search from the identity over ranked elements that records, for every element, the
  move that first reached it (one byte per element), stopped as soon as the element is reached; walking the tree
  back gives a shortest word.
- ``"meet_in_the_middle"``: two searches, from the identity by the moves and from the element by their inverses,
  the smaller ball grown one level at a time, until they meet: an optimal word holding only the two balls
  (groups too large to search whole).

``"auto"``: ``"tree"`` when the whole group fits ``LIMITS["growth_work"]`` (with ``force=True``: when the machine's
memory holds its tree), else ``"meet_in_the_middle"`` (its two balls bounded by ``LIMITS["geodesic_states"]``).

>>> from exactorbit.groups import PixelGroup
>>> G = PixelGroup("1x4", ["(0 1 2 3)", "(0 1)"])
>>> geodesic(G, "(0 2)").word, word_length(G, "(0 2)"), word_length(G, "(0 2)", method="meet_in_the_middle")
((0, 1, 0, 0, 1), 5, 5)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from .._budget import available_memory, check_force, limit_value, refuse_if_over
from .._routes import Ask, Door, Route, Step
from .._validation import check_flag
from .._perm.perms import compose, cycle_string, inverse
from ._bfs import LIMIT_KEY, bfs_cost, local_moves, ranked_bfs
from ._generating import as_element, generating_set, moves_of, product
from ._ranking import LehmerRanker, make_ranker

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from typing import Any

    from .._routes import RouteTable
    from ..groups import PixelGroup
    from ._generating import GeneratingSet

__all__ = ["Geodesic", "geodesic", "word_length", "distance", "DOOR", "METHODS", "routes_for"]


@dataclass(frozen=True)
class Geodesic:
    """A shortest word for ``element``: ``word`` (indices into ``moves``), ``moves`` (permutations), ``move_names``,
    ``method``. The product moves[word[0]] * moves[word[1]] * ... (applied left to right) is the element.

    >>> from exactorbit.groups import PixelGroup
    >>> geodesic(PixelGroup("1x3", ["(0 1 2)"]), "(0 2 1)").to_dict()
    {'length': 1, 'word': [1], 'generators': ['g0', "g0'"], 'method': 'tree'}
    """

    element: tuple
    word: tuple
    moves: tuple
    move_names: tuple
    method: str

    @property
    def length(self) -> int:
        """The word length of the element (the number of moves)."""
        return len(self.word)

    @property
    def names(self) -> tuple[str, ...]:
        """The word as move names, in order."""
        return tuple(self.move_names[k] for k in self.word)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: ints, strings and lists."""
        return {"length": self.length, "word": list(self.word), "generators": list(self.move_names),
                "method": self.method}

    def __str__(self) -> str:
        return f"{cycle_string(self.element)} = {' '.join(self.names) or '(the identity)'} (length {self.length})"


def _lift(local, support, n):
    """A permutation of n points from its restriction to ``support`` (fixing the rest)."""
    out = list(range(n))
    for i, p in enumerate(support):
        out[int(p)] = int(support[int(local[i])])
    return tuple(out)


def _restrict(g, support):
    where = {int(p): i for i, p in enumerate(support)}
    return [where[g[int(p)]] for p in support]


def _by_tree(ask):
    S, inv = ask.S, ask.inverses
    rows, support, _ = local_moves(S, inv)
    if rows.shape[1] == 0 or ask.g == tuple(range(S.n)):
        return ()
    target = np.array(_restrict(ask.g, support))
    bfs = ranked_bfs(S, inv, tree=True, stop_row=target, show=ask.progress, force=ask.force, limit=ask.limit)
    ranker, m = bfs.ranker, rows.shape[1]
    inverse_rows = np.argsort(rows, axis=1)
    word, cur = [], target.astype(ranker.dtype)
    ident = int(ranker.rank(np.arange(m, dtype=ranker.dtype)[:, None])[0])
    for _ in range(len(bfs.spheres) + 1):
        r = int(ranker.rank(cur[:, None])[0])
        if r == ident:
            return tuple(reversed(word))
        k = int(bfs.tree[r])
        word.append(k)
        cur = inverse_rows[k][cur].astype(ranker.dtype)  # cur * s_k^-1
    raise AssertionError("the BFS tree does not lead back to the identity")  # pragma: no cover


def _key(row):
    return row.tobytes()


def _by_meeting(ask):
    """Bidirectional search (proofs/geometry.md, Theorem 6): balls F (from the identity by the moves) and B (from g
    by the inverse moves); the smaller frontier grows a level; the first level that meets gives an optimal word."""
    S, inv = ask.S, ask.inverses
    rows, support, _ = local_moves(S, inv)
    m = rows.shape[1]
    if m == 0 or ask.g == tuple(range(S.n)):
        return ()
    dtype = np.uint8 if m <= 256 else np.uint16
    table, back = rows.astype(dtype), np.argsort(rows, axis=1).astype(dtype)
    start, goal = np.arange(m, dtype=dtype), np.array(_restrict(ask.g, support), dtype=dtype)
    sides = [{_key(start): None}, {_key(goal): None}]        # key -> (parent key, move index)
    fronts = [start[None, :], goal[None, :]]
    while True:
        side = 0 if len(fronts[0]) <= len(fronts[1]) else 1
        mine, other = sides[side], sides[1 - side]
        moves = table if side == 0 else back
        new_rows, meets = [], []
        for k in range(len(moves)):
            cand = moves[k][fronts[side]]  # (g s)[p] = s[g[p]]
            for j, row in enumerate(cand):
                key = _key(row)
                if key in mine:
                    continue
                mine[key] = (_key(fronts[side][j]), k)
                new_rows.append(row)
                if key in other:
                    meets.append(key)
            # every move's batch is counted against the limit, not only whole levels (a level can be huge)
            refuse_if_over("the two balls of the meet-in-the-middle search", len(sides[0]) + len(sides[1]),
                           "geodesic_states", limit=ask.limit, force=ask.force)
        if meets:
            return _join(sides, meets[0])
        if not new_rows:  # pragma: no cover - g is in the group, so the balls meet
            raise AssertionError("the two searches never met")
        fronts[side] = np.array(new_rows)


def _join(sides, key):
    """The word through the meeting element: the forward path to it, then the backward path reversed."""
    forward, node = [], key
    while sides[0][node] is not None:
        node, k = sides[0][node]
        forward.append(k)
    backward, node = [], key
    while sides[1][node] is not None:
        node, k = sides[1][node]
        backward.append(k)
    return tuple(reversed(forward)) + tuple(backward)


def _tree_fits(ask):
    """None when the whole-group tree search is within the limit (or forced and the machine can hold it)."""
    rows, _, _ = local_moves(ask.S, ask.inverses)
    k, m = rows.shape
    order = ask.S.group.order()
    cap = limit_value(LIMIT_KEY, ask.limit)
    if order > 1 << 40:  # past any memory: ranks, the tree and the bitset would not fit
        return f"|G| = {order} is past what a whole search can hold"
    kind = "lehmer" if m and isinstance(make_ranker(rows, m), LehmerRanker) else "chain"
    work = bfs_cost(order, k, m, kind)
    if work <= cap:
        return None
    memory, avail = order + order // 8 + order * m, available_memory()
    if check_force(ask.force) and (avail is None or memory * 4 <= avail * 3):
        return None
    return f"a whole search is {work} units of work, over {cap}" + ("" if not ask.force else
                                                                     f", and {memory} bytes, past this machine")


#: The door of :func:`geodesic` (and :func:`word_length`), as data.
DOOR = Door("geodesic", [
    Route("tree", "breadth-first search tree from the identity over ranked elements, stopped at the element",
          _by_tree),
    Route("meet_in_the_middle", "two searches (from the identity and from the element) until they meet",
          _by_meeting),
], auto=[Step("tree", when=_tree_fits), Step("meet_in_the_middle")])

METHODS = DOOR.methods


def _ask(group, g, generators, inverses, progress, force, limit, name="g"):
    S = generating_set(group, generators)
    return Ask(S=S, g=as_element(S, g, name), inverses=check_flag("inverses", inverses),
               progress=check_flag("progress", progress, allow_none=True), force=force, limit=limit)


def geodesic(group: PixelGroup | GeneratingSet, g: Sequence[int] | str,
             generators: Iterable[Sequence[int] | str] | None = None, *, inverses: bool = True, method: str = "auto",
             progress: bool | None = None, force: bool = False, limit: int | None = None) -> Geodesic:
    """A shortest word for the element ``g`` (array form or cycle string) in the moves of ``group`` (a PixelGroup or
    GeneratingSet; ``generators`` default to its own), with their inverses when ``inverses``: a :class:`Geodesic`.

    >>> from exactorbit.groups import PixelGroup
    >>> str(geodesic(PixelGroup("1x4", ["(0 1 2 3)", "(0 1)"]), "(1 3)"))
    '(1 3) = g1 g0 g0 g1 g0 (length 5)'
    """
    DOOR.check(method)
    ask = _ask(group, g, generators, inverses, progress, force, limit)
    word, route = DOOR.run(ask, method)
    perms, names = moves_of(ask.S, ask.inverses)
    if word and product(perms, word) != ask.g:  # pragma: no cover - a broken route
        raise AssertionError(f"route {route} returned a word that is not g")
    return Geodesic(ask.g, tuple(int(k) for k in word), perms, names, route)


def word_length(group: PixelGroup | GeneratingSet, g: Sequence[int] | str,
                generators: Iterable[Sequence[int] | str] | None = None, *, inverses: bool = True, method: str = "auto",
                progress: bool | None = None, force: bool = False, limit: int | None = None) -> int:
    """The word length of ``g``: the least number of moves whose product is g (the depth g needs).

    >>> from exactorbit.groups import translations
    >>> word_length(translations("4x4"), (10, 11, 8, 9, 14, 15, 12, 13, 2, 3, 0, 1, 6, 7, 4, 5))
    4
    """
    return geodesic(group, g, generators, inverses=inverses, method=method, progress=progress, force=force,
                    limit=limit).length


def distance(group: PixelGroup | GeneratingSet, g: Sequence[int] | str, h: Sequence[int] | str,
             generators: Iterable[Sequence[int] | str] | None = None, *, inverses: bool = True, method: str = "auto",
             force: bool = False, limit: int | None = None) -> int:
    """The word distance d(g, h) = |g^-1 h| (a metric when ``inverses``; a quasi-metric without).

    >>> from exactorbit.groups import PixelGroup
    >>> G = PixelGroup("1x3", ["(0 1 2)"])
    >>> distance(G, "(0 1 2)", "(0 2 1)"), distance(G, "(0 1 2)", "(0 2 1)", inverses=False)
    (1, 1)
    """
    S = generating_set(group, generators)
    a, b = as_element(S, g, "g"), as_element(S, h, "h")
    return word_length(S, compose(inverse(a), b), inverses=inverses, method=method, force=force, limit=limit)


def routes_for(group: PixelGroup | GeneratingSet, g: Sequence[int] | str,
               generators: Iterable[Sequence[int] | str] | None = None, *, inverses: bool = True, force: bool = False,
               limit: int | None = None) -> RouteTable:
    """Which routes of :func:`geodesic` apply and which 'auto' takes.

    >>> from exactorbit.groups import translations
    >>> routes_for(translations("3x3"), "()").auto
    'tree'
    """
    return DOOR.explain(_ask(group, g, generators, inverses, None, force, limit))
