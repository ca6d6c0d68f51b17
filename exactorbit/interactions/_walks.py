"""Walk counts, boundaries and walk indices, exactly (Python ints; a self-loop on every vertex).

A = adjacency + I (every vertex has its self-loop, as in the authors' code:
``add_remaining_self_loops``).  Walk counts rho_l(S, T) = sum over i in S, j in T of (A^l)_ij.
The boundary C_I of a cut (I, I^c) is the set of vertices of either side with a neighbour on the
other side; the walk index at depth L is WI_{L-1}(I) = rho_{L-1}(C_I, V) (graph prediction) or
WI_{L-1,t}(I) = rho_{L-1}(C_I, {t}) (vertex prediction), as in ``edges_removal/walk_index.py``
of github noamrazin/gnn_interactions.

Walk counts are vector iterations w_{k+1} = A w_k over the edges (O(l E) for length l), in
int64 while a bound proves no overflow and in Python ints (numpy object arrays) past it.

>>> walk_counts("path:3", 2)
(5, 7, 5)
>>> walk_index("cliques:3", [0, 1, 2], depth=3)  # C_I = {0, 3}; 14 walks of length 2 from each
28
>>> boundary("cliques:3", [0, 1, 2])
(0, 3)
"""

import math

import numpy as np

from .._budget import refuse_if_over
from .._validation import check_int, check_items, describe
from ..errors import InvalidArgument
from ._graphs import parse_graph, parse_vertices

__all__ = ["walk_counts", "walks_between", "boundary", "walk_index", "walk_indices", "singleton_walk_indices",
           "check_depth", "check_target", "cut_mask", "local_powers", "MAX_DEPTH"]

#: The largest depth accepted (walk counts at depth L have about L * log2(max degree + 1) bits).
MAX_DEPTH = 100_000

_INT64_SAFE = 1 << 62


def check_depth(depth, name="depth", minimum=1):
    """``depth`` as an int >= ``minimum`` (a GNN has at least one layer), or one clear InvalidArgument line.

    >>> check_depth(3)
    3
    """
    if isinstance(depth, bool) or not isinstance(depth, int) and not hasattr(depth, "__index__"):
        raise InvalidArgument(f"{name} must be an int >= {minimum}, got {describe(depth)}")
    depth = check_int(name, depth, max_value=MAX_DEPTH)
    if depth < minimum:
        raise InvalidArgument(f"{name} must be >= {minimum} (the walk index at depth L counts walks of length "
                              f"L - 1), got {depth}")
    return depth


def check_target(graph, target, allow_self=False):
    """``target`` as None (graph prediction), a vertex of ``graph``, or 'self' (each vertex its own target)."""
    if target is None or (allow_self and isinstance(target, str) and target == "self"):
        return target
    if isinstance(target, str):
        if target.strip().isdigit():
            target = int(target.strip())
        else:
            extra = ", 'self'" if allow_self else ""
            raise InvalidArgument(f"target must be None{extra} or a vertex 0..{graph.n - 1}, got {describe(target)}")
    return check_int("target", target, min_value=0, max_value=graph.n - 1)


def _csr(graph):
    """(indptr, indices) of the neighbour lists (self excluded) as int64 arrays."""
    deg = np.fromiter((len(a) for a in graph.neighbours), dtype=np.int64, count=graph.n)
    indptr = np.zeros(graph.n + 1, dtype=np.int64)
    np.cumsum(deg, out=indptr[1:])
    indices = np.fromiter((v for a in graph.neighbours for v in a), dtype=np.int64, count=int(indptr[-1]))
    return indptr, indices


def _guard(graph, length, what):
    bits = length * math.log2(max((len(a) for a in graph.neighbours), default=0) + 2)
    work = length * (graph.n + 2 * len(graph.edges)) * max(1, int(bits) // 60 + 1)
    refuse_if_over(what, work, "walk_work")


def _iterate(graph, vector, length):
    """[vector, A vector, ..., A^length vector] as numpy arrays (int64 while safe, else object: exact)."""
    indptr, indices = _csr(graph)
    rows = np.flatnonzero(indptr[1:] > indptr[:-1])
    maxdeg = int((indptr[1:] - indptr[:-1]).max(initial=0))
    out = [vector]
    w = vector
    for _ in range(length):
        if w.dtype != object and int(np.abs(w).max(initial=0)) * (maxdeg + 1) >= _INT64_SAFE:
            w = w.astype(object)
        nxt = w.copy()
        if len(rows):
            nxt[rows] = nxt[rows] + np.add.reduceat(w[indices], indptr[rows])
        out.append(nxt)
        w = nxt
    return out


def _as_ints(array):
    return tuple(int(x) for x in array)


def _power_vector(graph, length, column=None):
    """A^length 1 (column None) or A^length e_column, as a numpy array (exact)."""
    start = np.zeros(graph.n, dtype=np.int64)
    if column is None:
        start[:] = 1
    else:
        start[column] = 1
    return _iterate(graph, start, length)[-1]


def walk_counts(graph, length):
    """The walk counts w_l = A^l 1 of every vertex (walks of length ``length`` starting there), exact ints.

    >>> walk_counts("path:4", 1), walk_counts("path:4", 0)
    ((2, 3, 3, 2), (1, 1, 1, 1))
    """
    graph = parse_graph(graph)
    length = check_depth(length, "length", minimum=0)
    _guard(graph, length, f"walk counts of length {length}")
    return _as_ints(_power_vector(graph, length))


def walks_between(graph, sources, targets, length):
    """rho_l(S, T) = sum over i in S, j in T of (A^l)_ij: the walks of length l from S to T (exact int).

    >>> walks_between("path:3", [0], [2], 2), walks_between("path:3", [0, 1, 2], [0, 1, 2], 1)
    (1, 7)
    """
    graph = parse_graph(graph)
    sources = parse_vertices(sources, graph.n, "sources")
    targets = parse_vertices(targets, graph.n, "targets")
    length = check_depth(length, "length", minimum=0)
    _guard(graph, length, f"walk counts of length {length}")
    start = np.zeros(graph.n, dtype=np.int64)
    start[list(targets)] = 1
    w = _iterate(graph, start, length)[-1]
    return sum(int(w[i]) for i in sources)


def _arcs(graph):
    """(sources, targets) of both directions of every edge, as int64 arrays."""
    indptr, indices = _csr(graph)
    return np.repeat(np.arange(graph.n), indptr[1:] - indptr[:-1]), indices


def _boundary_mask(arcs, inside):
    """Boolean mask of C_I for the cut given as a boolean mask ``inside``."""
    src, dst = arcs
    mask = np.zeros(len(inside), dtype=bool)
    mask[src[inside[src] != inside[dst]]] = True
    return mask


def boundary(graph, cut):
    """C_I: the vertices of either side of the cut (I, I^c) with a neighbour on the other side (a sorted tuple).

    >>> boundary("path:4", [0, 1]), boundary("path:4", []), boundary("path:4", [0, 1, 2, 3])
    ((1, 2), (), ())
    """
    graph = parse_graph(graph)
    inside = cut_mask(cut, graph.n, "cut")
    return tuple(int(v) for v in np.flatnonzero(_boundary_mask(_arcs(graph), inside)))


def _counting_vector(graph, depth, target):
    """A^(L-1) 1 or A^(L-1) e_t, as object ints when a sum over up to n entries could pass int64."""
    w = _power_vector(graph, depth - 1, column=target)
    if w.dtype != object and int(w.max(initial=0)) * graph.n >= _INT64_SAFE:
        w = w.astype(object)
    return w


def walk_index(graph, cut, depth, target=None):
    """The (L-1)-walk index of the cut at depth L: rho_{L-1}(C_I, V), or rho_{L-1}(C_I, {target}).

    >>> walk_index("path:4", [0, 1], depth=2), walk_index("path:4", [0, 1], depth=2, target=3)
    (6, 1)
    >>> walk_index("path:4", [], depth=5)
    0
    """
    return _walk_indices(graph, [cut], depth, target, single=True)[0]


def walk_indices(graph, cuts, depth, target=None):
    """The walk indices of many cuts at once (one walk-count vector, then one boundary per cut).

    >>> walk_indices("path:4", [[0], [0, 1], [1, 3]], depth=2)
    [5, 6, 10]
    """
    return _walk_indices(graph, cuts, depth, target)


def _walk_indices(graph, cuts, depth, target, single=False):
    graph = parse_graph(graph)
    depth = check_depth(depth)
    target = check_target(graph, target)
    masks = [cut_mask(c, graph.n, "cut" if single else f"cut {k}") for k, c in enumerate(check_items("cuts", cuts))]
    _guard(graph, depth - 1, f"walk counts of length {depth - 1}")
    w = _counting_vector(graph, depth, target)
    arcs = _arcs(graph)
    return [int(w[_boundary_mask(arcs, inside)].sum()) for inside in masks]


def cut_mask(cut, n, name="cut"):
    """The cut as a boolean mask of length n; lists of ints are checked vectorised (same rules and messages as
    ``parse_vertices``, which answers every other form and every refusal).

    >>> cut_mask([2, 0], 4).tolist()
    [True, False, True, False]
    """
    if isinstance(cut, (list, tuple, range, np.ndarray)) and np.ndim(cut) == 1 and len(cut) > 16:
        arr = np.asarray(cut)
        if arr.ndim == 1 and arr.dtype.kind in "iu" and arr.min() >= 0 and arr.max() < n:
            inside = np.zeros(n, dtype=bool)
            inside[arr] = True
            if int(inside.sum()) == len(arr):
                return inside
    inside = np.zeros(n, dtype=bool)
    inside[list(parse_vertices(cut, n, name))] = True
    return inside


def singleton_walk_indices(graph, depth, target=None):
    """The walk index of every singleton cut ({v}, V - {v}) at depth L, as a tuple indexed by v.

    ``target``: None (graph prediction, rho_{L-1}(C_v, V)), a vertex t (rho_{L-1}(C_v, {t})) or
    ``'self'`` (rho_{L-1}(C_v, {v}): what (L-1)-WIS ranks, the diagonal of A^L).  C_v is v and
    its neighbours when v has one, else empty, so the values are (A^L 1)_v, (A^L)_vt and
    (A^L)_vv on non-isolated vertices and 0 on isolated ones.

    >>> singleton_walk_indices("path:3", 2), singleton_walk_indices("path:3", 2, target="self")
    ((5, 7, 5), (2, 3, 2))
    """
    graph = parse_graph(graph)
    depth = check_depth(depth)
    target = check_target(graph, target, allow_self=True)
    _guard(graph, depth, f"walk counts of length {depth}")
    live = [bool(a) for a in graph.neighbours]
    if target == "self":
        vals = _diagonal_of_power(graph, depth)
    else:
        vals = _as_ints(_power_vector(graph, depth, column=target))
    return tuple(v if ok else 0 for v, ok in zip(vals, live))


def _diagonal_of_power(graph, power):
    """(A^power)_vv for every v, by local sparse powers: (A^p)_vv = sum_u (A^h)_vu (A^(p-h))_uv."""
    h = power // 2
    out = []
    for v in range(graph.n):
        vecs = local_powers(graph.neighbours, v, power - h)
        a, b = vecs[h], vecs[power - h]
        out.append(sum(x * b.get(u, 0) for u, x in a.items()))
    return tuple(out)


def local_powers(neighbours, x, k_max, skip=None):
    """[A^0 e_x, ..., A^k_max e_x] as sparse dicts, in the graph of ``neighbours`` (sets or tuples) minus the
    edge ``skip`` (a pair (u, v), or None).

    >>> local_powers(((1,), (0,)), 0, 2)
    [{0: 1}, {0: 1, 1: 1}, {0: 2, 1: 2}]
    """
    a, b = skip if skip is not None else (-1, -1)
    vec = {x: 1}
    out = [vec]
    for _ in range(k_max):
        nxt = dict(vec)
        for u, val in vec.items():
            for v in neighbours[u]:
                if (u == a and v == b) or (u == b and v == a):
                    continue
                nxt[v] = nxt.get(v, 0) + val
        out.append(nxt)
        vec = nxt
    return out
