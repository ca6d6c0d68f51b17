"""Aut(G) of a graph as a PixelGroup on the 1 x n grid, on the package's one backtrack engine.

Aut(G) is the stabilizer of the edge set under S_n acting on the vertices (and so on the
vertex pairs).  Two exact routes are possible with exactorbit's machinery:

* the literal set stabilizer of the edge mask in the induced action of S_n on the C(n, 2)
  pairs (the stabilizer door's colouring backtrack on C(n, 2) points): correct, but its
  refinement (orbit counts on pairs) knows nothing of adjacency, and the chain of S_n on
  pairs alone costs a Schreier-Sims on 2,016 points for n = 64;
* a problem class for :mod:`exactorbit._perm.search` whose points are the *vertices*, over
  the chain of S_n on n points, refined by colour refinement.  **This module takes it.**

The problem (:class:`AdjacencyProblem`).  Source = target = the adjacency matrix A; h in S_n
maps A to a matrix T when A[p, q] = T[h[p], h[q]] for all p, q; the state is T pulled back
by the transversal elements chosen so far (T' = T[u][:, u], so h' u maps A to T iff h' maps
A to T').  The chain of S_n is written down, not computed (:class:`SymmetricChain`): base
b_0, ..., b_(n-2) in the order of the individualisation-refinement path of A (nauty's first
path: individualise a vertex of the smallest non-singleton cell, refine, repeat; then the
other vertices), G_i = Sym(V minus b_0..b_(i-1)), transversal elements the transpositions
(b_i delta).  (Schreier-Sims on S_64 takes sympy over a second; this takes nothing.)

**Lemma (the pruning).** Colour the disjoint union A + T: b_j gets colour j + 1 on both sides
(j < i), every other vertex 0, and refine (a vertex's new colour is its colour and the number
of its neighbours of each colour; equal signatures get equal names, named in an order that
depends on the signatures alone, so the names are invariant).  If h in G_i maps A to T, then p -> h(p), q -> h^-1(q) is a colour-preserving
automorphism of the union, so refinement gives c_A(p) = c_T(h(p)) for every p.  Hence (a)
the two sides have the same colour histogram (``fits``), and (b) b_i^h lies in the T-cell of
b_i's colour (``candidates``; the individualised b_j are excluded by their colours).
(c) If the A side is *discrete* and the histograms agree, the colour bijection f is an
isomorphism A -> T fixing b_0..b_(i-1) (a stable discrete colouring: the colour of p fixes
the colours of its neighbours, on both sides), and the only one in G_i; the search then
follows f (carried in the state, pulled back with each u) with no more refinement.

A refinement starts from the parent's stable colouring (pulled back, the new base point
individualised), which every solution preserves and which refines to the same partition.
Colour names: each signature row (own colour, neighbour counts per colour) gets a 64-bit key,
rows with one key are checked equal (else the rows are sorted instead), so names are exact.

With Sims' bottom-up subgroup search (Lemma 2 of :mod:`exactorbit._perm.search`), |Aut(G)|
is exact with no Schreier-Sims; a failing branch usually dies at its first refinement.  What
it lacks against nauty: no automorphism pruning inside one element search, no canonical
labelling, and a fixed base (nauty chooses the target cell per node), numpy not C.

The naive twin: :func:`vf2_automorphisms` (networkx's VF2 lists every automorphism).

>>> from exactorbit.interactions._graphs import parse_graph
>>> automorphism_group(parse_graph("petersen")).order()
120
>>> len(vf2_automorphisms(parse_graph("cycle:5")))
10
"""

import math

import numpy as np

from .._budget import LIMITS, check_force, limit_value, refuse_if_over
from .._perm.chain import inverse
from .._perm.search import subgroup_search
from .._routes import Ask, Door, Route, Step
from ..groups import PixelGroup
from ..images import parse_grid
from ._graphs import parse_graph

__all__ = ["automorphism_group", "vf2_automorphisms", "AdjacencyProblem", "MAX_GRAPH_VERTICES", "METHODS", "DOOR",
           "refine", "base_order", "SymmetricChain"]

#: Most vertices of a graph whose Aut(G) is a PixelGroup (grids hold at most 4096 pixels).
MAX_GRAPH_VERTICES = 4096

#: Automorphisms VF2 may list (the naive twin lists every one).
VF2_MAX = 100_000

#: Default node bound of the backtrack (a node costs about a refinement, ~0.1-1 ms at 64 vertices: minutes
#: at most); ``limit=`` sets another, ``force=True`` none.  (Proposed: LIMITS["automorphism_nodes"].)
AUTOMORPHISM_NODES = LIMITS["automorphism_nodes"].value


def _adjacency(graph):
    """The 0/1 adjacency matrix of the graph (no self-loops: a permutation fixes the diagonal anyway)."""
    a = np.zeros((graph.n, graph.n), dtype=np.int64)
    if graph.edges:
        e = np.array(graph.edges, dtype=np.int64)
        a[e[:, 0], e[:, 1]] = 1
        a[e[:, 1], e[:, 0]] = 1
    return a


#: Fixed pseudo-random 64-bit weights: a signature row's key is its dot product with them (mod 2^64).
_WEIGHTS = np.random.default_rng(20260522).integers(1, 2**63, size=4097 * 2, dtype=np.uint64) | np.uint64(1)


def _names(sig):
    """Canonical names of the rows of ``sig``: equal rows get equal names, numbered in the order of their keys.

    The key (a dot product with fixed weights, mod 2^64) is a function of the row, so the names
    are invariant; rows sharing a key are compared with their class's first row, and a collision
    (never seen) falls back to sorting the rows themselves: exact either way.
    """
    with np.errstate(over="ignore"):
        keys = sig.astype(np.uint64) @ _WEIGHTS[:sig.shape[1]]
    _, first, names = np.unique(keys, return_index=True, return_inverse=True)
    names = names.reshape(-1)
    if np.array_equal(sig, sig[first][names]):
        return names.astype(np.int64)
    order = np.lexsort(sig.T[::-1])
    step = np.any(sig[order[1:]] != sig[order[:-1]], axis=1)
    names = np.empty(len(sig), dtype=np.int64)
    names[order] = np.concatenate(([0], np.cumsum(step)))
    return names


def refine(a, t, colours):
    """The stable colour refinement of the disjoint union a + t from ``colours`` (length 2n), canonical names.

    >>> a = np.array([[0, 1, 0], [1, 0, 1], [0, 1, 0]])          # the path 0-1-2
    >>> refine(a, a, np.zeros(6, dtype=np.int64)).tolist()       # ends 0, middle 1, on both sides
    [0, 1, 0, 0, 1, 0]
    """
    n = len(a)
    a, t = np.asarray(a, dtype=np.int64), np.asarray(t, dtype=np.int64)  # integer products: no BLAS, exact
    colours = np.asarray(colours, dtype=np.int64)
    count = len(np.unique(colours))
    rows = np.arange(2 * n)
    while True:
        k = int(colours.max()) + 1
        onehot = np.zeros((2 * n, k), dtype=np.int64)
        onehot[rows, colours] = 1
        sig = np.empty((2 * n, k + 1), dtype=np.int64)
        sig[:, 0] = colours
        sig[:n, 1:] = a @ onehot[:n]
        sig[n:, 1:] = t @ onehot[n:]
        new = _names(sig)
        new_count = int(new.max()) + 1
        if new_count == count:
            return new
        colours, count = new, new_count


class _State:
    """A pulled-back target T, the refined colours per level (cached), the forced isomorphism once discrete, and
    the parent's colours with the u that pulled T back (a refinement starts from them: see ``_colours``)."""

    __slots__ = ("t", "colours", "forced", "root", "parent", "u")

    def __init__(self, t, forced=None, root=False, parent=None, u=None):
        self.t = t
        self.colours = {}
        self.forced = forced
        self.root = root
        self.parent = parent
        self.u = u


class AdjacencyProblem:
    """The elements h of S_n with A[p, q] = T[h[p], h[q]] (T = A: Aut(G)), for :mod:`exactorbit._perm.search`.

    ``chain``: a :class:`SymmetricChain`; the pruning is the module's lemma.

    >>> from exactorbit.interactions._graphs import parse_graph
    >>> a = _adjacency(parse_graph("cycle:4"))
    >>> chain = SymmetricChain(base_order(a)[0])
    >>> subgroup_search(chain, AdjacencyProblem(chain, a))[1]
    8
    """

    def __init__(self, chain, adjacency, discrete_from=None):
        self.a = np.asarray(adjacency, dtype=np.int64)
        self.n = len(self.a)
        self.base = [lev.point for lev in chain.levels]
        #: a level from which A's own refinement (b_0 .. b_(i-1) individualised) is discrete, if known
        self.discrete_from = len(self.base) if discrete_from is None else discrete_from

    def root(self):
        return _State(self.a, root=True)

    def solved(self, s):
        if s.t is None:  # forced: f is the only solution in G_i, so the identity solves iff f is the identity
            return bool((s.forced == np.arange(self.n)).all())
        return np.array_equal(s.t, self.a)

    def descend(self, s, u):
        if s.forced is not None:  # no matrix any more: the forced map alone (O(n) memory per level)
            return _State(None, inverse(u)[s.forced])
        return _State(s.t[np.ix_(u, u)], parent=s.colours, u=u)

    def _start(self, i, s):
        """The colouring refinement starts from at level i: b_0 .. b_(i-1) individualised, or (when the parent
        state was refined at level i - 1) the parent's stable colours, pulled back by u, with b_(i-1) individualised:
        every solution h' preserves it (h = h' u preserved the parent's), and it refines to the same partition."""
        n = self.n
        parent = None if s.parent is None else s.parent.get(i - 1)
        if parent is None:
            start = np.zeros(2 * n, dtype=np.int64)
            for j, b in enumerate(self.base[:i]):
                start[b] = start[n + b] = j + 1
            return start
        start = np.concatenate([parent[:n], parent[n:][s.u]])
        b = self.base[i - 1]
        start[b] = start[n + b] = int(parent.max()) + 1
        return start

    def _colours(self, i, s):
        c = s.colours.get(i)
        if c is None:
            c = s.colours[i] = refine(self.a, s.t, self._start(i, s))
        return c[:self.n], c[self.n:]

    def fits(self, i, s):
        if s.forced is not None or (s.root and i >= self.discrete_from):
            return True
        ca, ct = self._colours(i, s)
        k = int(max(ca.max(), ct.max())) + 1
        if not np.array_equal(np.bincount(ca, minlength=k), np.bincount(ct, minlength=k)):
            return False
        if not s.root and len(np.unique(ca)) == self.n:  # discrete: the colour bijection (lemma, c)
            where = np.empty(k, dtype=np.int64)
            where[ct] = np.arange(self.n)
            s.forced = where[ca]
        return True

    def candidates(self, i, s):
        if s.forced is not None:
            return np.array([s.forced[self.base[i]]], dtype=np.int64)
        if s.root and i >= self.discrete_from:  # A against A, discrete: only the identity's choice
            return np.array([self.base[i]], dtype=np.int64)
        ca, ct = self._colours(i, s)
        return np.flatnonzero(ct == ca[self.base[i]])


def base_order(adjacency):
    """(the vertices in the order of the individualisation-refinement path of A, then the rest increasing;
    the length of that path: A's refinement is discrete once those vertices are individualised).

    >>> base_order(np.array([[0, 1, 0], [1, 0, 1], [0, 1, 0]]))   # an end first (the smaller cell), then the rest
    ([0, 1, 2], 1)
    """
    a = np.asarray(adjacency, dtype=np.int64)
    n = len(a)
    path, colours = [], np.zeros(2 * n, dtype=np.int64)
    while True:
        start = np.zeros(2 * n, dtype=np.int64)
        for j, b in enumerate(path):
            start[b] = start[n + b] = j + 1
        c = refine(a, a, start)[:n]
        sizes = np.bincount(c)
        cells = [k for k in range(len(sizes)) if sizes[k] > 1]
        if not cells:
            break
        smallest = min(cells, key=lambda k: (sizes[k], int(np.flatnonzero(c == k)[0])))
        path.append(int(np.flatnonzero(c == smallest)[0]))
    chosen = set(path)
    return path + [v for v in range(n) if v not in chosen], len(path)


class _TranspositionLevel:
    """One level of :class:`SymmetricChain`: base point b_i, basic orbit order[i:], u_delta = the transposition (b_i delta)."""

    __slots__ = ("point", "orbit", "n")

    def __init__(self, point, orbit, n):
        self.point, self.orbit, self.n = point, orbit, n

    def transversal(self, delta):
        u = np.arange(self.n, dtype=np.int64)
        u[self.point], u[delta] = delta, self.point
        return u


class SymmetricChain:
    """The stabilizer chain of S_n with base ``order[:-1]``, with no Schreier-Sims: G_i = Sym(order[i:]), the basic
    orbit of b_i is order[i:], and u_delta = (b_i delta) (in G_i: it fixes b_0 .. b_(i-1)).  It offers what
    :mod:`exactorbit._perm.search` reads of a chain (``n``, ``levels`` with ``point``, ``orbit``, ``transversal``)
    in O(n) memory per level, for any n up to 4096.

    >>> c = SymmetricChain([2, 0, 1]); c.base, c.order(), c.levels[1].transversal(1).tolist()
    ([2, 0], 6, [1, 0, 2])
    """

    def __init__(self, order):
        self.n = len(order)
        order = np.asarray(order, dtype=np.int64)
        self.base = [int(b) for b in order[:-1]]
        self.levels = [_TranspositionLevel(int(b), order[i:], self.n) for i, b in enumerate(order[:-1])]

    def __len__(self):
        return len(self.levels)

    def order(self):
        """n! (exact int): the product of the basic orbit sizes."""
        return math.prod(len(level.orbit) for level in self.levels)


def _backtrack(graph, nodes):
    a = _adjacency(graph)
    order, path = base_order(a)
    refuse_if_over(f"the adjacency matrices the automorphism search of a {graph.n}-vertex graph holds at once "
                   f"(n^2 x (depth of its first path + 2))", graph.n ** 2 * (path + 2), "group_elements")
    chain = SymmetricChain(order)
    gens, order = subgroup_search(chain, AdjacencyProblem(chain, a, path), nodes=nodes)
    return [tuple(int(v) for v in g) for g in gens], order


def vf2_automorphisms(graph, *, limit=VF2_MAX, force=False):
    """Every automorphism of the graph as a tuple (vertex v -> g[v]), listed by networkx's VF2 (the naive twin).

    Refused (TooExpensive) past ``limit`` automorphisms.

    >>> from exactorbit.interactions._graphs import parse_graph
    >>> sorted(vf2_automorphisms(parse_graph("path:3")))
    [(0, 1, 2), (2, 1, 0)]
    """
    from networkx.algorithms.isomorphism import GraphMatcher

    graph = parse_graph(graph)
    g = graph.to_networkx()
    out = []
    for m in GraphMatcher(g, g).isomorphisms_iter():
        out.append(tuple(m[v] for v in range(graph.n)))
        refuse_if_over("automorphisms listed by VF2", len(out), "search_nodes", limit=limit, force=force)
    return out


def _run_backtrack(ask):
    return _backtrack(ask.graph, None if ask.force else (AUTOMORPHISM_NODES if ask.limit is None else ask.limit))


def _run_vf2(ask):
    gens = vf2_automorphisms(ask.graph, limit=VF2_MAX if ask.limit is None else ask.limit, force=ask.force)
    return gens, len(gens)


#: The door of :func:`automorphism_group`: its routes and its 'auto' ladder, as data.
DOOR = Door("automorphism_group", [
    Route("backtrack", "Sims' subgroup search over the chain of S_n on the vertices, colour refinement pruning",
          _run_backtrack),
    Route("vf2", "every automorphism listed by networkx's VF2 (the naive twin)", _run_vf2),
], auto=[Step("backtrack")])

#: The routes of :func:`automorphism_group`.
METHODS = DOOR.methods


def automorphism_group(graph, *, method="auto", force=False, limit=None):
    """Aut(G) as a :class:`~exactorbit.groups.PixelGroup` on the 1 x n grid (vertex v = pixel v), its order exact.

    ``method``: 'backtrack' (the search of this module; 'auto') or 'vf2' (every automorphism
    listed by networkx, the naive twin).  ``limit`` bounds the backtrack's nodes (default
    ``AUTOMORPHISM_NODES``) or VF2's automorphisms (default ``VF2_MAX``); ``force=True`` lifts
    it.  ``.method`` names the route.  Graphs up to 64 vertices take milliseconds; the search
    holds dense n x n matrices (numpy), so hundreds of vertices take seconds to minutes.

    >>> G = automorphism_group("cube"); G.order(), G.grid.h, G.grid.w, G.method
    (48, 1, 8, 'backtrack')
    >>> automorphism_group("star:3", method="vf2").order()
    6
    """
    graph = parse_graph(graph)
    DOOR.check(method)
    force = check_force(force)
    limit_value("search_nodes", limit)  # checked on every call
    refuse_if_over(f"Aut(G) on a 1 x {graph.n} grid (one pixel per vertex)", graph.n, "grid_pixels")
    (gens, order), route = DOOR.run(Ask(graph=graph, force=force, limit=limit), method)
    grid = parse_grid(f"1x{graph.n}")
    return PixelGroup._trusted(grid, gens, name=f"Aut({graph.name})", order=order, method=route)


def routes_for(graph, *, force=False, limit=None):
    """Which routes of :func:`automorphism_group` apply, and which 'auto' takes (``exactorbit.routes``).

    >>> routes_for("cube").auto
    'backtrack'
    """
    graph = parse_graph(graph)
    force = check_force(force)
    limit_value("search_nodes", limit)
    return DOOR.explain(Ask(graph=graph, force=force, limit=limit))
