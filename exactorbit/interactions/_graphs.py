"""Graphs for the interactions theory: one exact, validated form, from networkx, (n, edges) or a spec string.

A :class:`Graph` has vertices 0..n-1, undirected edges (u, v) with u < v (no self-loops in
the input: the theory adds one on every vertex itself, A_ii = 1), sorted and without
repeats, and each vertex's sorted neighbours (itself excluded).

Specs (the CLI's ``--graph``): ``path:N``, ``cycle:N``, ``star:N`` (centre 0, leaves
1..N), ``complete:N``, ``bipartite:A,B`` (0..A-1 against A..A+B-1), ``petersen``
(networkx's labelling), ``cube`` (0..7, an edge between numbers that differ in one bit),
``grid:HxW`` (vertex r*W+c, 4-neighbour, not periodic), ``cliques:K`` (two K-cliques on
0..K-1 and K..2K-1 and the bridge (0, K)), ``edges:0-1,1-2,...`` (n = the largest vertex + 1).

>>> g = parse_graph("path:4")
>>> g.n, g.edges, g.neighbours[1]
(4, ((0, 1), (1, 2), (2, 3)), (0, 2))
>>> parse_graph((3, [(2, 0), (0, 1)])).edges
((0, 1), (0, 2))
>>> parse_graph("cliques:3").edges
((0, 1), (0, 2), (0, 3), (1, 2), (3, 4), (3, 5), (4, 5))
>>> parse_vertices("0,2", 4, "cut")
(0, 2)
"""

import re

from .._validation import check_int, check_items, check_name, describe, short
from ..errors import InvalidArgument

__all__ = ["Graph", "parse_graph", "parse_vertices", "MAX_VERTICES", "SPECS"]

#: Most vertices a graph may have (walk counts are exact Python ints; the Cora-sized graph has 2,708).
MAX_VERTICES = 100_000

#: The spec names ``parse_graph`` reads.
SPECS = ("path:N", "cycle:N", "star:N", "complete:N", "bipartite:A,B", "petersen", "cube", "grid:HxW", "cliques:K",
         "edges:0-1,1-2,...")


class Graph:
    """An undirected simple graph on 0..n-1: ``n``, ``edges`` ((u, v), u < v, sorted), ``neighbours`` (per vertex,
    sorted, itself excluded) and a ``name``."""

    __slots__ = ("n", "edges", "neighbours", "name")

    def __init__(self, n, edges, name="graph"):
        n = check_int("n", n, min_value=1, max_value=MAX_VERTICES)
        self._setup(n, _check_edges(n, edges, "graph"), check_name("name", name) or "graph")

    @classmethod
    def _trusted(cls, n, edges, name="graph"):
        """A graph from vertices and edges the package computed itself (no checks)."""
        self = cls.__new__(cls)
        self._setup(n, [(min(e), max(e)) for e in edges], name)
        return self

    def _setup(self, n, edges, name):
        self.n = n
        self.edges = tuple(sorted(set(edges)))
        nbrs = [[] for _ in range(n)]
        for u, v in self.edges:
            nbrs[u].append(v)
            nbrs[v].append(u)
        self.neighbours = tuple(tuple(sorted(a)) for a in nbrs)
        self.name = name

    def degree(self, v):
        """The number of neighbours of v (its self-loop not counted)."""
        return len(self.neighbours[v])

    def without(self, edge):
        """The graph with one edge (u, v) removed."""
        edge = tuple(sorted(edge))
        return Graph._trusted(self.n, [e for e in self.edges if e != edge], name=f"{self.name} - {edge}")

    def to_networkx(self):
        """The graph as a ``networkx.Graph`` on 0..n-1 (self-loops not added)."""
        import networkx as nx

        g = nx.Graph()
        g.add_nodes_from(range(self.n))
        g.add_edges_from(self.edges)
        return g

    def __eq__(self, other):
        return isinstance(other, Graph) and (self.n, self.edges) == (other.n, other.edges)

    def __hash__(self):
        return hash((self.n, self.edges))

    def __repr__(self):
        return f"Graph({self.name!r}, n={self.n}, edges={len(self.edges)})"


def _size(text, what, spec):
    if not re.fullmatch(r"[0-9]{1,6}", text):
        raise InvalidArgument(f"graph spec {short(spec)}: {what} must be a positive int, got {short(text)}")
    return int(text)


def _from_spec(spec):
    name, _, arg = spec.strip().partition(":")
    name = name.strip().lower()
    if name == "path":
        n = _size(arg, "N", spec)
        return n, [(i, i + 1) for i in range(n - 1)]
    if name == "cycle":
        n = _size(arg, "N", spec)
        if n < 3:
            raise InvalidArgument(f"graph spec {short(spec)}: a cycle needs at least 3 vertices, got {n}")
        return n, [(i, (i + 1) % n) for i in range(n)]
    if name == "star":
        k = _size(arg, "N", spec)
        return k + 1, [(0, i) for i in range(1, k + 1)]
    if name == "complete":
        n = _size(arg, "N", spec)
        return n, [(u, v) for u in range(n) for v in range(u + 1, n)]
    if name == "bipartite":
        parts = arg.split(",")
        if len(parts) != 2:
            raise InvalidArgument(f"graph spec {short(spec)}: bipartite needs A,B, got {short(arg)}")
        a, b = (_size(p.strip(), "A and B", spec) for p in parts)
        return a + b, [(u, a + v) for u in range(a) for v in range(b)]
    if name == "petersen" and not arg:
        import networkx as nx

        g = nx.petersen_graph()
        return 10, list(g.edges())
    if name == "cube" and not arg:
        return 8, [(u, u ^ (1 << k)) for u in range(8) for k in range(3) if u < u ^ (1 << k)]
    if name == "grid":
        m = re.fullmatch(r"\s*([0-9]{1,4})\s*x\s*([0-9]{1,4})\s*", arg)
        if not m:
            raise InvalidArgument(f"graph spec {short(spec)}: grid needs HxW, got {short(arg)}")
        h, w = int(m.group(1)), int(m.group(2))
        edges = [(r * w + c, r * w + c + 1) for r in range(h) for c in range(w - 1)]
        edges += [(r * w + c, (r + 1) * w + c) for r in range(h - 1) for c in range(w)]
        return h * w, edges
    if name == "cliques":
        k = _size(arg, "K", spec)
        edges = [(u, v) for base in (0, k) for u in range(base, base + k) for v in range(u + 1, base + k)]
        return 2 * k, edges + [(0, k)]
    if name == "edges":
        edges = []
        for item in arg.split(","):
            m = re.fullmatch(r"\s*([0-9]{1,6})\s*-\s*([0-9]{1,6})\s*", item)
            if not m:
                raise InvalidArgument(f"graph spec {short(spec)}: an edge must be U-V (0-based), got {short(item)}")
            edges.append((int(m.group(1)), int(m.group(2))))
        return 1 + max(max(e) for e in edges), edges
    raise InvalidArgument(f"graph spec {short(spec)} does not parse; known specs: {', '.join(SPECS)}")


def _check_edges(n, edges, name):
    out = []
    for k, e in enumerate(check_items(f"{name} edges", edges, limit=10 * MAX_VERTICES)):
        if isinstance(e, (str, bytes)) or not hasattr(e, "__len__") or len(e) != 2:
            raise InvalidArgument(f"{name} edge {k} must be a pair (u, v) of vertices, got {describe(e)}")
        u = check_int(f"{name} edge {k} vertex", e[0], min_value=0, max_value=n - 1)
        v = check_int(f"{name} edge {k} vertex", e[1], min_value=0, max_value=n - 1)
        if u == v:
            raise InvalidArgument(f"{name} edge {k} is a self-loop ({u}, {v}): give simple edges; every vertex "
                                  "gets its self-loop from the theory (A_ii = 1)")
        out.append((min(u, v), max(u, v)))
    return out


def parse_graph(graph, name="graph"):
    """A :class:`Graph` from a Graph, a ``networkx.Graph`` on 0..n-1, a pair ``(n, edges)`` or a spec string."""
    if isinstance(graph, Graph):
        return graph
    label = name
    if isinstance(graph, str):
        label = graph.strip()
        n, edges = _from_spec(graph)
    elif hasattr(graph, "nodes") and hasattr(graph, "edges") and callable(getattr(graph, "nodes", None)):
        nodes = sorted(graph.nodes(), key=repr)
        n = len(nodes)
        if set(nodes) != set(range(n)):
            raise InvalidArgument(f"{name} must have the vertices 0..n-1 (relabel it with "
                                  f"networkx.convert_node_labels_to_integers), got {short(nodes[:8])}")
        if graph.is_directed() or graph.is_multigraph():
            raise InvalidArgument(f"{name} must be an undirected simple networkx.Graph, got {type(graph).__name__}")
        edges = list(graph.edges())
    elif isinstance(graph, (tuple, list)) and len(graph) == 2:
        n = check_int(f"{name} n", graph[0], min_value=1, max_value=MAX_VERTICES)
        edges = graph[1]
    else:
        raise InvalidArgument(f"{name} must be a networkx.Graph, a pair (n, edges) or a spec such as 'path:4' "
                              f"(known: {', '.join(SPECS)}), got {describe(graph)}")
    if n < 1:
        raise InvalidArgument(f"{name} is empty: it needs at least one vertex")
    if n > MAX_VERTICES:
        raise InvalidArgument(f"{name} has {n} vertices, over the {MAX_VERTICES} exactorbit handles")
    return Graph._trusted(n, _check_edges(n, edges, name), name=label)


def parse_vertices(vertices, n, name="cut"):
    """A sorted tuple of distinct vertices of 0..n-1 from a list or a comma-separated text ('0,2'); '' is empty."""
    n = check_int("n", n, min_value=1, max_value=MAX_VERTICES)
    if isinstance(vertices, str):
        items = [v for v in vertices.replace(" ", "").split(",") if v != ""]
        for v in items:
            if not re.fullmatch(r"[0-9]{1,6}", v):
                raise InvalidArgument(f"{name} must be comma-separated 0-based vertices, got {short(vertices)}")
        vertices = [int(v) for v in items]
    items = check_items(name, vertices, limit=MAX_VERTICES)
    out = [check_int(f"{name} vertex", v, min_value=0, max_value=n - 1) for v in items]
    if len(set(out)) != len(out):
        raise InvalidArgument(f"{name} lists a vertex twice: {short(out)}")
    return tuple(sorted(out))
