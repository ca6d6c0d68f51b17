"""Breadth-first search of a Cayley graph over ranked elements (proofs/geometry.md, "Spheres" and "Ranking").

The elements of a sphere are the columns of a small int array (the generated group restricted to the points it moves);
their ranks (:mod:`._ranking`) index a visited bitset of |G| bits. Each level expands the frontier by every move
at once (numpy), drops the ranks already visited, keeps the first of repeated ranks, and marks the rest. Only the
bitset and two spheres are held: |G|/8 bytes plus the largest two spheres' rows. With ``tree=True`` one byte per
element more records the move that first reached it (the BFS tree of :func:`~exactorbit.geometry.geodesic`).

>>> from exactorbit.geometry._generating import generating_set
>>> from exactorbit.groups import PixelGroup
>>> S = generating_set(PixelGroup("1x4", ["(0 1 2 3)", "(0 1)"]))
>>> ranked_bfs(S, inverses=True).spheres
[1, 3, 5, 6, 5, 3, 1]
"""

from dataclasses import dataclass

import numpy as np

from .._budget import progress, refuse_if_over, refuse_if_over_memory
from ._generating import moves_of
from ._ranking import LehmerRanker, make_ranker, support_of

__all__ = ["ranked_bfs", "python_bfs", "BFS", "local_moves", "bfs_cost", "LIMIT_KEY"]

#: The LIMITS key every Cayley-graph search is refused by.
LIMIT_KEY = "growth_work"
#: Rows of a frontier expanded at once (each row times every move).
CHUNK = 1 << 17


@dataclass
class BFS:
    """The outcome of one search: ``spheres`` (sizes by distance), ``order`` (elements reached), ``tree``
    (uint array by rank: the move that first reached each element, 255 for the identity, or None), ``ranker``,
    ``moves`` (local rows), ``support`` (the moved points), ``found`` (the distance of ``stop_rank``, or None)."""

    spheres: list
    order: int
    tree: object
    ranker: object
    moves: object
    support: object
    found: object = None
    depths: object = None


def local_moves(S, inverses):
    """(moves as rows on the moved points, the moved points, names): each move restricted to its support.

    >>> from exactorbit.geometry._generating import generating_set
    >>> from exactorbit.groups import PixelGroup
    >>> rows, support, names = local_moves(generating_set(PixelGroup("1x4", ["(1 2 3)"])), True)
    >>> rows.tolist(), support.tolist(), names
    ([[1, 2, 0], [2, 0, 1]], [1, 2, 3], ('g0', "g0'"))
    """
    perms, names = moves_of(S, inverses)
    support = support_of(perms, S.n)
    where = np.full(S.n, -1, dtype=np.int64)
    where[support] = np.arange(len(support))
    rows = np.array([[where[p[i]] for i in support] for p in perms], dtype=np.int64).reshape(len(perms), len(support))
    return rows, support, names


def bfs_cost(order, moves, m, ranker_kind):
    """Units of work of a whole search: |G| x moves x the cost of ranking one row (m^2/2 or m x levels)."""
    per = max(1, m * m // 2) if ranker_kind == "lehmer" else max(1, m * m)
    return order * moves * per


def _mark(visited, ranks):
    """Set the bits of ``ranks`` (sorted, distinct) in the bitset."""
    byte = ranks >> 3
    bit = (np.uint8(1) << (ranks & 7).astype(np.uint8)).astype(np.uint8)
    starts = np.flatnonzero(np.r_[True, byte[1:] != byte[:-1]])
    visited[byte[starts]] |= np.bitwise_or.reduceat(bit, starts)


def _first_of_each(ranks):
    """(the distinct ranks, sorted; the index of the first occurrence of each): a stable sort, not np.unique (which
    hashes in numpy 2.x and is many times slower here)."""
    order = np.argsort(ranks, kind="stable")
    ordered = ranks[order]
    keep = np.empty(len(ordered), dtype=bool)
    keep[:1] = True
    np.not_equal(ordered[1:], ordered[:-1], out=keep[1:])
    return ordered[keep], order[keep]


def _seen(visited, ranks):
    return (visited[ranks >> 3] >> (ranks & 7).astype(np.uint8)) & 1


def ranked_bfs(S, inverses=True, *, tree=False, depths=False, ranker=None, stop_row=None, show=None, force=False,
               limit=None):
    """The search itself (see the module docstring): a :class:`BFS`. ``stop_row``: a row (on the moved points)
    whose distance ends the search early (recorded in ``found``). ``depths``: also the distance of every element,
    by rank (``BFS.depths``, uint16). ``ranker``: rank by this ranker (of the same group on the same moved points),
    so that two generating sets of one group index their depths alike."""
    rows, support, _ = local_moves(S, inverses)
    k, m = rows.shape
    if m == 0:  # every move is the identity: G is trivial
        return BFS([1], 1, np.full(1, 255, dtype=np.uint8) if tree else None, None, rows, support,
                   0 if stop_row is not None else None, np.zeros(1, dtype=np.uint16) if depths else None)
    ranker = ranker if ranker is not None else make_ranker(rows, m)
    order = ranker.order
    kind = "lehmer" if isinstance(ranker, LehmerRanker) else "chain"
    refuse_if_over(f"a breadth-first search of all {order} elements ({k} moves on {m} points)",
                   bfs_cost(order, k, m, kind), LIMIT_KEY, limit=limit, force=force)
    width = np.dtype(ranker.dtype).itemsize
    refuse_if_over_memory(f"the search of {order} elements", order // 8 + (order if tree else 0) + order * m * width // 2)
    visited = np.zeros(order // 8 + 1, dtype=np.uint8)
    parent = np.full(order, 255 if k < 255 else 65535, dtype=np.uint8 if k < 255 else np.uint16) if tree else None
    level = np.zeros(order, dtype=np.uint16) if depths else None
    frontier = np.arange(m, dtype=ranker.dtype)[:, None]  # one column per element
    ident = ranker.rank(frontier)
    _mark(visited, ident)
    stop = None if stop_row is None else int(ranker.rank(np.asarray(stop_row, dtype=ranker.dtype)[:, None])[0])
    spheres, total, found = [1], 1, (0 if stop is not None and stop == int(ident[0]) else None)
    table = rows.astype(ranker.dtype)
    with progress(order, "Cayley graph search", show=show, default=order > 5_000_000, unit="el") as bar:
        bar.update(1)
        while frontier.shape[1] and found is None:
            new = []
            for c0 in range(0, frontier.shape[1], CHUNK):
                cols = _expand(frontier[:, c0:c0 + CHUNK], table, ranker, visited, parent, level, len(spheres))
                if cols is not None:
                    new.append(cols)
                    bar.update(cols.shape[1])
            if not new:
                break
            frontier = np.concatenate(new, axis=1)
            spheres.append(frontier.shape[1])
            total += frontier.shape[1]
            if stop is not None and _seen(visited, np.array([stop]))[0]:
                found = len(spheres) - 1
    return BFS(spheres, total, parent, ranker, rows, support, found, level)


def _expand(chunk, table, ranker, visited, parent, level, depth):
    """The elements one move from the columns of ``chunk`` not yet visited, each once (the first move that reached
    it recorded in ``parent``, its depth in ``level``, when given), marked visited: their columns, or None."""
    width = chunk.shape[1]
    # (g s)[p] = s[g[p]]: every move s at once, the moves side by side along the columns
    cand = np.concatenate([table[s][chunk] for s in range(len(table))], axis=1)
    r = ranker.rank(cand)
    fresh = np.flatnonzero(_seen(visited, r) == 0)
    if not len(fresh):
        return None
    r, first = _first_of_each(r[fresh])
    pick = fresh[first]
    _mark(visited, r)
    if parent is not None:
        parent[r] = pick // width
    if level is not None:
        level[r] = depth
    return cand[:, pick]


def python_bfs(S, inverses=True):
    """The same spheres by a plain dict search over tuples (small groups: no chain, no numpy).

    >>> from exactorbit.geometry._generating import generating_set
    >>> from exactorbit.groups import PixelGroup
    >>> python_bfs(generating_set(PixelGroup("1x3", ["(0 1 2)"])), inverses=False)
    [1, 1, 1]
    """
    perms, _ = moves_of(S, inverses)
    n = S.n
    ident = tuple(range(n))
    seen, frontier, spheres = {ident}, [ident], [1]
    while True:
        new = []
        for e in frontier:
            for s in perms:
                h = tuple(map(s.__getitem__, e))  # (e s)[p] = s[e[p]], at C speed
                if h not in seen:
                    seen.add(h)
                    new.append(h)
        if not new:
            return spheres
        spheres.append(len(new))
        frontier = new
