"""Walk Index Sparsification (WIS), exactly and incrementally.

(L-1)-WIS (Razin, Verbin & Cohen 2023, Algorithm 1; ``edges_removal/walk_index_sparsification.py``
of github noamrazin/gnn_interactions) removes one edge per step: the edge e whose removal
maximises, lexicographically, the ascending-sorted tuple of the singleton walk indices of G - e.
The authors rank, for every vertex t, WI_{L-1,t}({t}) = rho_{L-1}(C_{t}, {t}), which is the
diagonal entry (A^L)_tt on a vertex with a neighbour and 0 on an isolated one (``target='self'``,
the default).  ``target=None`` (graph prediction, (A^L 1)_v) and ``target=t`` ((A^L)_vt) are
extensions of ours, not in the authors' code.  1-WIS (Algorithm 2, ``EfficientOneWalkIndexSparsifier``)
is the degree rule: remove an edge whose smaller end-degree is largest, then whose larger end-degree is
largest.

Ties: ``tie='first'`` takes the lexicographically smallest edge (u < v) among the maximisers;
``tie='authors'`` does what their code does on PyTorch Geometric's coalesced edge_index (edges sorted by
(row, col)): the degree rule takes the first maximiser (``torch.argmax``), the lexicographic rule
the last (a stable ``np.lexsort`` ascending, then ``flip``), i.e. the largest edge among the maximisers.

How it is fast (exact throughout): removing e = (a, b) changes A by Delta = e_a e_b^T + e_b e_a^T, and
A^L - A'^L = sum_k A'^k Delta A^(L-1-k), so the change at v is
sum_k (A'^k e_a)_v (A^(L-1-k) e_b)_v + (A'^k e_b)_v (A^(L-1-k) e_a)_v: sparse local powers around a
and b.  It is nonzero exactly on S_e, the vertices with a counted walk through e.  Comparing two
candidates needs only their changes (the multiset of new values minus the old ones), so every
candidate gets a key that depends on S_e alone; after removing f only the candidates e with S_e
meeting S_f change (a heap with lazy deletion holds the rest), and of those only the ones with a
counted walk through both e and f (e within (L-2)//2 of f for closed walks) need their drops
recomputed: the others are re-ranked from their stored drops and the new values.

>>> wis("path:4", 3)
[(1, 2), (0, 1), (2, 3)]
>>> wis("cliques:3", 2, remove=2)  # the bridge joins the two degree-3 vertices
[(0, 3), (0, 1)]
"""

import heapq
from collections import Counter, defaultdict

import numpy as np

from .._budget import refuse_if_over
from .._routes import Ask, Door, Route, RoutedList, Step
from .._validation import check_choice, check_int
from ._graphs import parse_graph
from ._graphs import Graph
from ._walks import _iterate, check_depth, check_target, local_powers, singleton_walk_indices

__all__ = ["wis", "TIES", "METHODS", "DOOR", "removal_key", "singleton_tuple"]

TIES = ("first", "authors")


def _degree_applies(ask):
    if ask.depth != 2 or ask.target != "self":
        return f"it is 1-WIS (depth 2, target 'self'), got depth={ask.depth}, target={ask.target!r}"
    return None


def _run_degree(ask):
    return _degree_order(ask.graph, ask.remove)


def _run_lexicographic(ask):
    g, depth, remove = ask.graph, ask.depth, ask.remove
    ball = (2 * len(g.edges) / g.n + 1) ** (depth - 1)
    refuse_if_over(f"(L-1)-WIS of {remove} edges at depth {depth}", int((len(g.edges) + 4 * remove) * depth * ball * 4),
                   "wis_work")
    return _lexicographic_order(g, depth, ask.target, remove, last=(ask.tie == "authors"))


#: The door of :func:`wis`: its routes and its 'auto' ladder, as data.
DOOR = Door("wis", [
    Route("degree", "1-WIS: the edge with the largest smaller end-degree, then larger end-degree (Algorithm 2)",
          _run_degree, applies=_degree_applies),
    Route("lexicographic", "(L-1)-WIS: the largest sorted tuple of singleton walk indices of G - e (Algorithm 1), "
          "ranked incrementally", _run_lexicographic),
], auto=[Step("degree"), Step("lexicographic")])

#: The routes of :func:`wis`.
METHODS = DOOR.methods


def wis(graph, depth, remove=None, tie="first", target="self", method="auto"):
    """The WIS removal order: a list of edges (u, v), u < v, one per step (``remove`` of them; all by default).

    ``method``: 'degree' (1-WIS, the degree rule; depth 2 and target 'self' only), 'lexicographic'
    ((L-1)-WIS at any depth) or 'auto' (the degree rule at depth 2 with target 'self', else lexicographic);
    ``.method`` of the result names the route.

    >>> wis("star:3", 2), wis("star:3", 2, method="lexicographic", tie="authors")
    ([(0, 1), (0, 2), (0, 3)], [(0, 3), (0, 2), (0, 1)])
    >>> wis("path:4", 2).method, wis("path:4", 3).method
    ('degree', 'lexicographic')
    """
    ask = _ask(graph, depth, remove, tie, target)
    DOOR.check(method)
    order, route = DOOR.run(ask, method)
    return RoutedList(order, route)


def _ask(graph, depth, remove, tie, target):
    """The arguments of one call of :func:`wis`, checked."""
    graph = parse_graph(graph)
    depth = check_depth(depth)
    target = check_target(graph, target, allow_self=True)
    tie = check_choice("tie", tie, TIES)
    total = len(graph.edges)
    remove = total if remove is None else check_int("remove", remove, min_value=0, max_value=total)
    return Ask(graph=graph, depth=depth, target=target, tie=tie, remove=remove)


def routes_for(graph, depth, remove=None, tie="first", target="self"):
    """Which routes of :func:`wis` apply (the degree rule only at depth 2 with target 'self'), and which 'auto' takes.

    >>> routes_for("path:4", 2).auto, routes_for("path:4", 3).auto
    ('degree', 'lexicographic')
    """
    return DOOR.explain(_ask(graph, depth, remove, tie, target))


def removal_key(changes):
    """The rank of a candidate from its changes {old value: -count, new value: +count} (a Counter):
    smaller is better (its removal leaves the larger sorted tuple).

    Two ascending-sorted tuples of equal length compare at the smallest value z whose counts differ,
    and the tuple with fewer copies of z is larger; so candidates compare by their changes alone.

    >>> removal_key(Counter({2: 1, 3: -1})) < removal_key(Counter({1: 1, 3: -1}))
    True
    """
    items = sorted((z, d) for z, d in changes.items() if d)
    return tuple((0, z, d) if d < 0 else (2, -z, d) for z, d in items) + ((1,),)


class _Sparsifier:
    """The current graph (neighbour sets), its raw values r_v and the global walk vectors (targets None or t)."""

    def __init__(self, graph, depth, target):
        self.depth, self.target = depth, target
        self.nbrs = [set(a) for a in graph.neighbours]
        self.n = graph.n
        self._refresh_global()
        if target == "self":
            self.raw = [_closed_walks(self.nbrs, v, depth) for v in range(graph.n)]
        else:
            self.raw = [int(x) for x in self._vectors(depth)[-1]]

    def _vectors(self, length):
        """[A^k 1 or A^k e_t for k = 0..length] in the current graph (exact)."""
        edges = [(u, v) for u in range(self.n) for v in self.nbrs[u] if u < v]
        start = np.zeros(self.n, dtype=np.int64)
        if self.target is None:
            start[:] = 1
        else:
            start[self.target] = 1
        return _iterate(Graph._trusted(self.n, edges), start, length)

    def _refresh_global(self):
        self.glob = None if self.target == "self" else [[int(x) for x in w] for w in self._vectors(self.depth - 1)]

    def value(self, v, raw=None, degree=None):
        """The singleton walk index of v: its raw value when v has a neighbour, else 0."""
        return (self.raw[v] if raw is None else raw) if (len(self.nbrs[v]) if degree is None else degree) else 0

    def drops(self, a, b):
        """{v: (A^L - A'^L) entry of v} for removing (a, b), nonzero entries only."""
        top = self.depth - 1
        u = local_powers(self.nbrs, a, top, skip=(a, b))
        x = local_powers(self.nbrs, b, top, skip=(a, b))
        delta = defaultdict(int)
        if self.target == "self":
            pa, pb = local_powers(self.nbrs, a, top), local_powers(self.nbrs, b, top)
            for k in range(self.depth):
                for vec, other in ((u[k], pb[top - k]), (x[k], pa[top - k])):
                    for v, val in vec.items():
                        c = other.get(v)
                        if c:
                            delta[v] += val * c
        else:
            for k in range(self.depth):
                cb, ca = self.glob[top - k][b], self.glob[top - k][a]
                for vec, c in ((u[k], cb), (x[k], ca)):
                    if c:
                        for v, val in vec.items():
                            delta[v] += val * c
        return delta

    def key(self, a, b, drops):
        """The candidate's key from its drops {v: fall of v's raw value} (S_e = their vertices and a, b)."""
        count = Counter()
        for v in set(drops) | {a, b}:
            degree = len(self.nbrs[v]) - (v in (a, b))
            count[self.value(v, self.raw[v] - drops.get(v, 0), degree)] += 1
            count[self.value(v)] -= 1
        return removal_key(count)

    def near(self, a, b):
        """The vertices from which a counted walk can use both (a, b) and a candidate edge that touches them:
        within (L-2)//2 of a or b for closed walks (target 'self'), within L-2 otherwise."""
        radius = (self.depth - 2) // 2 if self.target == "self" else self.depth - 2
        seen = {a, b} if radius >= 0 else set()
        frontier = set(seen)
        for _ in range(max(radius, 0)):
            frontier = {y for x in frontier for y in self.nbrs[x]} - seen
            seen |= frontier
        return seen

    def remove(self, a, b, drops):
        for v, d in drops.items():
            self.raw[v] -= d
        self.nbrs[a].discard(b)
        self.nbrs[b].discard(a)
        self._refresh_global()


def _closed_walks(nbrs, v, power):
    """(A^power)_vv by local powers: sum_u (A^h e_v)_u (A^(power-h) e_v)_u."""
    h = power // 2
    vecs = local_powers(nbrs, v, power - h)
    return sum(x * vecs[power - h].get(u, 0) for u, x in vecs[h].items())


def _lexicographic_order(graph, depth, target, remove, last):
    sp = _Sparsifier(graph, depth, target)
    records, index, version, heap = {}, defaultdict(set), {}, []

    def refresh(e, full=True):
        old = records.get(e)
        drops = sp.drops(*e) if full or old is None else old
        if old is not None:
            for v in old:
                if v not in drops:
                    index[v].discard(e)
        records[e] = drops
        for v in set(drops) | set(e):
            index[v].add(e)
        version[e] = version.get(e, 0) + 1
        heapq.heappush(heap, (sp.key(*e, drops), (-e[0], -e[1]) if last else e, version[e], e))

    for e in graph.edges:
        refresh(e)
    order = []
    while len(order) < remove:
        _, _, ver, e = heapq.heappop(heap)
        if version.get(e) != ver:
            continue
        drops = records.pop(e)
        del version[e]
        affected = set()
        for v in set(drops) | set(e):
            index[v].discard(e)
            affected |= index[v]
        near = sp.near(*e)  # in the graph before the removal
        sp.remove(*e, drops)
        order.append(e)
        for f in sorted(affected):
            refresh(f, full=(f[0] in near or f[1] in near))
    return order


def _degree_order(graph, remove):
    """1-WIS: the edge with the largest (smaller end-degree, larger end-degree), the smallest such edge first."""
    nbrs = [set(a) for a in graph.neighbours]
    deg = [len(a) for a in nbrs]
    version, heap = {}, []

    def push(u, v):
        e = (u, v) if u < v else (v, u)
        version[e] = version.get(e, 0) + 1
        lo, hi = sorted((deg[u], deg[v]))
        heapq.heappush(heap, (-lo, -hi, e, version[e]))

    for u, v in graph.edges:
        push(u, v)
    order = []
    while len(order) < remove:
        _, _, e, ver = heapq.heappop(heap)
        if version.get(e) != ver:
            continue
        del version[e]
        a, b = e
        nbrs[a].discard(b)
        nbrs[b].discard(a)
        deg[a] -= 1
        deg[b] -= 1
        order.append(e)
        for x in (a, b):
            for y in nbrs[x]:
                push(x, y)
    return order


def singleton_tuple(graph, depth, target="self"):
    """The ascending-sorted singleton walk indices that (L-1)-WIS ranks (a convenience for reports and tests).

    >>> singleton_tuple("path:3", 2)
    (2, 2, 3)
    """
    return tuple(sorted(singleton_walk_indices(graph, depth, target)))
