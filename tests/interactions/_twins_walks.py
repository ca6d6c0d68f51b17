"""Naive, definitional twins of exactorbit.interactions._walks and _wis (nothing of the producers imported).

Walk counts by enumerating walks one by one; boundaries and walk indices by their definitions;
WIS by recomputing every candidate's whole singleton tuple from scratch (matrix powers of Python
ints), the authors' 1-WIS by a literal transcription of ``EfficientOneWalkIndexSparsifier`` on a
coalesced (row, col)-sorted directed edge list.
"""

import itertools
from hypothesis import strategies as st


@st.composite
def graphs(draw, max_n=6):
    """(n, edges): a random simple graph on at most ``max_n`` vertices (hypothesis), shared by the walk tests."""
    n = draw(st.integers(1, max_n))
    pairs = list(itertools.combinations(range(n), 2))
    edges = [p for p, keep in zip(pairs, draw(st.lists(st.booleans(), min_size=len(pairs), max_size=len(pairs))))
             if keep]
    return n, edges


def closed_adjacency(n, edges):
    """Neighbour lists with the self-loop: N[v] = {v} and v's neighbours."""
    nbrs = [[v] for v in range(n)]
    for u, v in edges:
        nbrs[u].append(v)
        nbrs[v].append(u)
    return nbrs


def enumerate_walks(n, edges, start, length):
    """Every walk (a tuple of vertices) of ``length`` steps from ``start``, self-loops allowed."""
    nbrs = closed_adjacency(n, edges)
    walks = [(start,)]
    for _ in range(length):
        walks = [w + (v,) for w in walks for v in nbrs[w[-1]]]
    return walks


def naive_walk_counts(n, edges, length):
    return tuple(len(enumerate_walks(n, edges, v, length)) for v in range(n))


def naive_walks_between(n, edges, sources, targets, length):
    targets = set(targets)
    return sum(1 for s in sources for w in enumerate_walks(n, edges, s, length) if w[-1] in targets)


def naive_boundary(n, edges, cut):
    inside = set(cut)
    out = set()
    for u, v in edges:
        if (u in inside) != (v in inside):
            out |= {u, v}
    return tuple(sorted(out))


def naive_walk_index(n, edges, cut, depth, target=None):
    """rho_{L-1}(C_I, V) or rho_{L-1}(C_I, {t}) by enumeration of the walks from the boundary."""
    targets = range(n) if target is None else [target]
    return naive_walks_between(n, edges, naive_boundary(n, edges, cut), targets, depth - 1)


def matmul(x, y):
    n = len(x)
    return [[sum(x[i][k] * y[k][j] for k in range(n)) for j in range(n)] for i in range(n)]


def matrix_power(n, edges, power):
    a = [[int(i == j) for j in range(n)] for i in range(n)]
    for u, v in edges:
        a[u][v] = a[v][u] = 1
    out = [[int(i == j) for j in range(n)] for i in range(n)]
    for _ in range(power):
        out = matmul(out, a)
    return out


def naive_singletons(n, edges, depth, target="self"):
    """The singleton walk index of every vertex by definition: rho_{L-1}(C_v, T) from A^(L-1) recomputed."""
    walk = matrix_power(n, edges, depth - 1)
    out = []
    for v in range(n):
        c = naive_boundary(n, edges, [v])
        cols = range(n) if target is None else [v if target == "self" else target]
        out.append(sum(walk[i][j] for i in c for j in cols))
    return tuple(out)


def naive_wis_step(n, edges, depth, target="self", last=False):
    """One (L-1)-WIS step: every candidate's whole sorted tuple recomputed; ties to the smallest (or largest) edge."""
    best, best_edge = None, None
    for e in sorted(edges):
        rest = [f for f in edges if f != e]
        score = tuple(sorted(naive_singletons(n, rest, depth, target)))
        if best is None or score > best or (score == best and last):
            best, best_edge = score, e
    return best_edge


def naive_wis(n, edges, depth, remove=None, target="self", last=False):
    edges = sorted(tuple(sorted(e)) for e in edges)
    remove = len(edges) if remove is None else remove
    order = []
    for _ in range(remove):
        e = naive_wis_step(n, edges, depth, target, last)
        order.append(e)
        edges.remove(e)
    return order


def authors_one_wis(n, edges, remove=None):
    """A literal transcription of EfficientOneWalkIndexSparsifier.sparsify on the coalesced directed edge list."""
    directed = sorted([(u, v) for u, v in edges] + [(v, u) for u, v in edges])
    remove = len(edges) if remove is None else remove
    degree = [0] * n
    for _, v in directed:
        degree[v] += 1
    order = []
    for _ in range(remove):
        if not directed:
            break
        lows = [min(degree[u], degree[v]) for u, v in directed]
        highs = [max(degree[u], degree[v]) for u, v in directed]
        top = max(lows)
        candidates = [i for i, lo in enumerate(lows) if lo == top]
        pick = candidates[max(range(len(candidates)), key=lambda j: (highs[candidates[j]], -j))]
        u, v = directed[pick]
        order.append((u, v))
        degree[u] -= 1
        degree[v] -= 1
        directed = [d for d in directed if d not in ((u, v), (v, u))]
    return order
