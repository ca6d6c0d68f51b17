"""Exact graphs of a pixel group: Cayley, Schreier (orbit), functional and subgroup Hasse graphs.

Conventions (those of :mod:`exactorbit.groups` and :mod:`exactorbit.actions`):
an element is an array-form tuple ``g`` (``g[i]`` is where pixel ``i`` goes),
composition is left to right, ``compose(g, s)`` = ``g*s`` applies ``g`` first,
then ``s`` (``(g*s)[i] == s[g[i]]``), and ``g`` acts on a mask ``x`` on the
right: ``x^(g*s) = (x^g)^s`` with ``x^g = apply(g, x)``.  Hence:

* the **Cayley graph** has an edge ``g -> g*s`` for each generator ``s``
  (the right Cayley graph); it is strongly connected iff the generators
  generate the group, and ``g -> apply(g, x)`` maps it onto the Schreier graph
  of ``x`` edge by edge (generator labels kept);
* the **Schreier graph** of an image ``x`` has the orbit of ``x`` as nodes and
  one edge ``y -> apply(s, y)`` per point ``y`` and generator ``s`` (a
  multigraph: two generators may give the same step, and a generator fixing
  ``y`` gives a loop);
* the **functional graph** of a table F on {0..N-1} has one edge ``x -> F[x]``
  per point; its nodes on directed cycles are the recurrent set of theorem 6
  (:func:`recurrent_nodes`);
* the **subgroup Hasse diagram** has one node per conjugacy class of subgroups
  (:func:`exactorbit.subgroups.subgroup_classes`) and an edge ``i -> j`` (upward)
  when some subgroup of class i is a maximal subgroup of some subgroup of class j.

Every graph is a networkx graph whose nodes are plain Python values (tuples,
ints), so it can be handed to any networkx algorithm.

>>> from exactorbit.groups import named_group
>>> G = named_group("rotations", "2x2")
>>> C = cayley_graph(G)
>>> C.number_of_nodes(), C.number_of_edges(), sorted(C.nodes[g]["order"] for g in C)
(4, 4, [1, 2, 4, 4])
"""


from __future__ import annotations

from typing import TYPE_CHECKING, Any
import math

import networkx as nx
import numpy as np

from ._budget import check_force, limit_value, refuse_if_over, refuse_if_over_memory
from ._validation import check_int, check_permutation, clip, describe, int_short
from .actions import apply, apply_many, orbit
from .errors import InvalidArgument
from .functions import as_table, recurrent_set
from ._perm.cycles import cycle_lengths
from ._perm.perms import compose, cycle_string, identity
from .groups import check_group, parse_generators
from .images import as_mask, render_text
from .stabilizers import orbit_size
from .subgroups import subgroup_classes

if TYPE_CHECKING:
    from collections.abc import Sequence

    from .groups import PixelGroup

__all__ = [
    "cayley_graph",
    "schreier_graph",
    "functional_graph",
    "recurrent_nodes",
    "subgroup_hasse",
    "element_order",
]

#: Rough bytes of one networkx node and of one edge (with its small attribute dict), for the memory check.
_NODE_BYTES = 600
_EDGE_BYTES = 400


def element_order(g):
    """The order of a permutation in array form: the lcm of its cycle lengths.

    >>> element_order((1, 2, 0, 4, 3)), element_order((0, 1))
    (6, 1)
    """
    if isinstance(g, (tuple, list)) and not g:
        return 1
    return math.lcm(*cycle_lengths(check_permutation("g", g)))


def _check_permutation(name, g, n):
    """``g`` as an array-form tuple of n ints, or InvalidArgument naming ``name``."""
    if isinstance(g, np.ndarray):
        g = g.tolist()
    if not isinstance(g, (list, tuple)):
        raise InvalidArgument(f"{name} must be an array-form permutation (a tuple of ints), got {describe(g)}")
    if len(g) != n:
        raise InvalidArgument(f"{name} must permute exactly {n} pixels, got length {len(g)}: {describe(g)}")
    values = tuple(check_int(f"{name} entry", v) for v in g)
    if sorted(values) != list(range(n)):
        raise InvalidArgument(f"{name} is not a permutation of 0..{n - 1}: {describe(g)}")
    return values


def _generators(group, generators):
    """The generators of a Cayley graph: the group's own, or distinct elements of the group given by the caller."""
    if generators is None:
        return tuple(group.generators)
    n = group.n
    if isinstance(generators, str):
        gens = parse_generators(generators, n)
    elif isinstance(generators, (list, tuple)) or (isinstance(generators, np.ndarray) and generators.ndim == 2):
        gens = [_check_permutation(f"generators[{k}]", g, n) for k, g in enumerate(generators)]
    else:
        raise InvalidArgument("generators must be None, a list of array-form permutations or a text like "
                              f"'(0 1 2);(0 1)', got {describe(generators)}")
    first = {}
    for k, g in enumerate(gens):
        if g in first:
            raise InvalidArgument(f"generators[{k}] repeats generators[{first[g]}] ({clip(cycle_string(g))}); "
                                  "a Cayley graph takes distinct generators")
        first[g] = k
        if not group.contains(g):
            raise InvalidArgument(f"generators[{k}] = {clip(cycle_string(g))} is not an element of {group.name}")
    return tuple(gens)


def cayley_graph(group: PixelGroup, generators: Sequence[Sequence[int]] | None = None, *, force: bool = False,
                 limit: int | None = None) -> CayleyGraph:
    """The right Cayley graph: nodes the elements, an edge ``g -> compose(g, s)`` for each generator ``s``.

    ``generators`` (default ``group.generators``) are distinct elements of the
    group, as a list of array forms or a text like ``"(0 1 2);(0 1)"``; the
    identity may be one (it gives a loop at every node).  Nodes are array-form
    tuples with attribute ``order`` (the element's order); the edge ``g -> g*s``
    (``g*s = compose(g, s)``: apply g, then s) has attribute ``generator``, the
    index of ``s``.  So there are exactly |G| * len(generators) edges, every
    node has in- and out-degree len(generators), and the graph is strongly
    connected iff the generators generate the group.  Graph attributes:
    ``group`` (its name) and ``generators``.

    Refused (TooExpensive) past ``limit`` (default ``LIMITS["group_elements"]``)
    entries of the element list, |G| x degree, unless ``force``.

    >>> from exactorbit.groups import named_group
    >>> C = cayley_graph(named_group("dihedral", "2x2"))      # D4, order 8, two generators
    >>> C.number_of_nodes(), C.number_of_edges(), nx.is_strongly_connected(C)
    (8, 16, True)
    >>> g, s = C.graph["generators"]                           # the quarter turn, the mirror
    >>> [(h, d["generator"]) for _, h, d in C.out_edges(g, data=True)]
    [((3, 2, 1, 0), 0), ((0, 2, 1, 3), 1)]
    >>> compose(g, s)                                          # g, then s
    (0, 2, 1, 3)
    """
    group = check_group(group)
    gens = _generators(group, generators)
    check_force(force)
    limit_value("group_elements", limit)
    order, n = group.order(), group.n
    what = f"the Cayley graph of a group of order {int_short(order)} on {n} pixels"
    refuse_if_over(what, order * n, "group_elements", limit=limit, force=force)
    refuse_if_over(what, order * (1 + len(gens)), "graph_items", force=force)
    refuse_if_over_memory(what, order * (_NODE_BYTES + 8 * n + len(gens) * _EDGE_BYTES))
    elements = group.element_array(force=force, limit=limit)
    nodes = [tuple(row) for row in elements.tolist()]
    graph = CayleyGraph(group=group.name, generators=gens)
    graph.add_nodes_from((g, {"order": element_order(g)}) for g in nodes)
    index = elements.astype(np.intp)
    for k, s in enumerate(gens):
        products = np.asarray(s, dtype=np.intp)[index]  # row i: compose(E_i, s) = s[E_i]
        graph.add_edges_from(zip(nodes, map(tuple, products.tolist())), generator=k)
    return graph


class _Drawn:
    """A graph that draws itself: in Jupyter (``_repr_png_``; past 200 nodes the text repr) and by ``.plot()``
    (:func:`exactorbit.plots.plot_graph`, matplotlib)."""

    def _repr_png_(self):
        from ._display import graph_png

        return graph_png(self)

    def plot(self, **kwargs):
        """Draw the graph (matplotlib): one arrow per generator, in its colour from the group's picture."""
        from ._display import graph_figure

        return graph_figure(self, **kwargs)


class CayleyGraph(_Drawn, nx.DiGraph):
    """The Cayley graph of :func:`cayley_graph`: a ``networkx.DiGraph`` that draws itself."""


class SchreierGraph(_Drawn, nx.MultiDiGraph):
    """The Schreier graph of :func:`schreier_graph`: a ``networkx.MultiDiGraph`` that draws itself."""


def schreier_graph(group: PixelGroup, image: Any, *, force: bool = False, limit: int | None = None) -> SchreierGraph:
    """The Schreier (orbit) graph of one image: its orbit, with an edge ``y -> apply(s, y)`` per generator ``s``.

    A ``networkx.MultiDiGraph``: one edge per point ``y`` and generator index ``k``
    (edge key and attribute ``generator`` both ``k``), so exactly
    |orbit| * len(group.generators) edges, loops where a generator fixes ``y``.
    Nodes are the masks of the orbit, with attributes ``weight`` (the number of
    on-pixels) and ``text`` (:func:`exactorbit.images.render_text`).  The graph
    is strongly connected (it is one orbit).  Graph attributes: ``group``,
    ``image`` and ``generators``.

    The orbit's size is computed first (:func:`exactorbit.stabilizers.orbit_size`,
    no listing) and refused (TooExpensive) past ``limit`` points (default
    ``LIMITS["orbit_points"]``) unless ``force``.

    >>> from exactorbit.groups import named_group
    >>> S = schreier_graph(named_group("translations", "1x4"), 0b0011)
    >>> sorted(S), S.nodes[3]["text"], S.number_of_edges()
    ([3, 6, 9, 12], '##..', 4)
    >>> [(y, z) for y, z in S.edges(3)]
    [(3, 6)]
    """
    group = check_group(group)
    x = as_mask(image, group.grid)
    check_force(force)
    limit_value("orbit_points", limit)
    gens, n = group.generators, group.n
    size = orbit_size(group, x)
    what = f"the Schreier graph of an image of weight {x.bit_count()} under a group of order {int_short(group.order())}"
    refuse_if_over(what, size, "orbit_points", limit=limit, force=force)
    refuse_if_over(what, size * (1 + len(gens)), "graph_items", force=force)
    refuse_if_over_memory(what, size * (_NODE_BYTES + 2 * n + len(gens) * _EDGE_BYTES))
    points = list(orbit(group, x, force=force, limit=limit))
    graph = SchreierGraph(group=group.name, image=x, generators=tuple(gens))
    weight = x.bit_count()
    graph.add_nodes_from((y, {"weight": weight, "text": render_text(y, group.grid)}) for y in points)
    for k, s in enumerate(gens):
        if n <= 64:
            targets = [int(z) for z in apply_many(s, points).tolist()]
        else:
            targets = [apply(s, y) for y in points]
        graph.add_edges_from((y, z, k, {"generator": k}) for y, z in zip(points, targets))
    return graph


def functional_graph(table: Any) -> nx.DiGraph:
    """The functional graph of a map F on {0..N-1}: nodes 0..N-1, one edge ``x -> F[x]`` each.

    Node attribute ``recurrent``: whether x lies in the recurrent set
    R = F^m(X), m >= N (:func:`exactorbit.functions.recurrent_set`).  Every
    node has out-degree 1; each weakly connected component holds exactly one
    directed cycle, and the nodes on those cycles (loops included) are exactly R
    (theorem 6, ``proofs/theorem6_recurrent.md``): see :func:`recurrent_nodes`,
    which reads them off the edges alone.

    >>> F = [1, 2, 3, 1, 4]
    >>> D = functional_graph(F)
    >>> sorted(D.edges()), [x for x in D if D.nodes[x]["recurrent"]]
    ([(0, 1), (1, 2), (2, 3), (3, 1), (4, 4)], [1, 2, 3, 4])
    """
    F = as_table(table, "table")
    refuse_if_over(f"the functional graph of a table of {F.size} entries", 2 * F.size, "graph_items")
    refuse_if_over_memory(f"the functional graph of a table of {F.size} entries",
                          F.size * (_NODE_BYTES + _EDGE_BYTES))
    recurrent = np.zeros(F.size, dtype=bool)
    recurrent[recurrent_set(F)] = True
    graph = nx.DiGraph()
    graph.add_nodes_from((x, {"recurrent": flag}) for x, flag in enumerate(recurrent.tolist()))
    graph.add_edges_from(enumerate(F.tolist()))
    return graph


def recurrent_nodes(graph: nx.DiGraph) -> set:
    """The set of nodes of a directed graph that lie on a directed cycle (a loop counts).

    Read off the edges alone (strongly connected components of more than one
    node, and nodes with a loop), not from node attributes.  On a
    :func:`functional_graph` this is the recurrent set of theorem 6; on a Cayley
    or Schreier graph it is every node.

    >>> sorted(recurrent_nodes(functional_graph([1, 2, 3, 1, 4])))
    [1, 2, 3, 4]
    """
    if not isinstance(graph, nx.DiGraph):
        raise InvalidArgument(f"graph must be a networkx DiGraph (directed), got {describe(graph)}")
    out = set()
    for component in nx.strongly_connected_components(graph):
        if len(component) > 1:
            out |= component
        else:
            (v,) = component
            if graph.has_edge(v, v):
                out.add(v)
    return out


def _closure(gens, n):
    """The set of all products of ``gens`` (a finite group: products suffice), with the identity."""
    span = {identity(n)}
    frontier = list(span)
    while frontier:
        new = []
        for h in frontier:
            for s in gens:
                p = compose(h, s)
                if p not in span:
                    span.add(p)
                    new.append(p)
        frontier = new
    return span


def _generating_set(members, n):
    """A generating set of the subgroup with elements ``members``: greedy, elements of largest order first."""
    gens, span = [], {identity(n)}
    for g in sorted(members, key=lambda g: (-element_order(g), g)):
        if g not in span:
            gens.append(g)
            span = _closure(gens, n)
            if len(span) == len(members):
                break
    return tuple(gens)


def _minimal_rows(stack, rows, orders):
    """The rows (indices into ``stack``, boolean membership vectors) minimal under inclusion among ``rows``."""
    minimal = []
    for order in sorted(set(orders[rows].tolist())):
        level = rows[orders[rows] == order]  # distinct subgroups of one order: none contains another
        if minimal:
            below = stack[minimal].astype(np.int64)  # integer matmul: exact, and numpy runs it without BLAS
            outside = (~stack[level]).astype(np.int64)
            contains_a_minimal = ((below @ outside.T) == 0).any(axis=0)
            level = level[~contains_a_minimal]
        minimal.extend(level.tolist())
    return np.array(minimal, dtype=np.intp)


def subgroup_hasse(group: PixelGroup, *, force: bool = False, limit: int | None = None) -> nx.DiGraph:
    """The Hasse diagram of the subgroups up to conjugacy: one node per class, edges up the cover relation.

    Nodes are the indices ``0..k-1`` of :func:`exactorbit.subgroups.subgroup_classes`
    (largest order first: node 0 is the group, node k-1 the trivial subgroup),
    with attributes ``order``, ``size`` (the number of conjugates) and
    ``generators`` (a generating set of the class's representative, array-form
    tuples, elements of largest order first).  There is an edge ``i -> j`` when
    some subgroup of class i is a maximal subgroup of some subgroup of class j
    (K < L with no subgroup strictly between); conjugating, this is when the
    representative of i is maximal in some conjugate of the representative of j.
    Edge attributes: ``supergroups``, the number of subgroups of class j in which
    the representative of i is maximal, and ``subgroups``, the number of
    subgroups of class i maximal in the representative of j (so
    ``size_i * supergroups == size_j * subgroups``).  Graph attributes: ``group``
    and ``subgroups`` (the number of all subgroups, the sum of the sizes).

    Refused (TooExpensive) as :func:`~exactorbit.subgroups.subgroup_classes` is:
    past ``limit`` entries of the multiplication table, |G|^2 (default
    ``LIMITS["all_subgroups"]``), unless ``force``.

    >>> from exactorbit.groups import named_group
    >>> H = subgroup_hasse(named_group("dihedral", "2x2"))   # D4: 10 subgroups in 8 classes
    >>> H.number_of_nodes(), H.graph["subgroups"], H.number_of_edges()
    (8, 10, 11)
    >>> [H.nodes[i]["order"] for i in H.predecessors(0)]       # the maximal subgroups: C4 and two Klein fours
    [4, 4, 4]
    """
    group = check_group(group)
    classes = subgroup_classes(group, force=force, limit=limit)
    n, k = group.n, len(classes)
    elements = group.element_array(force=force, limit=limit).tolist()  # listed already: no second refusal
    stack = np.concatenate([c.conjugates for c in classes])
    sizes = [c.class_size for c in classes]
    owner = np.repeat(np.arange(k), sizes)
    orders = stack.sum(axis=1)
    graph = nx.DiGraph(group=group.name, subgroups=int(stack.shape[0]))
    for i, c in enumerate(classes):
        members = [tuple(elements[e]) for e in np.flatnonzero(c.members)]
        graph.add_node(i, order=c.order, size=c.class_size, generators=_generating_set(members, n))
    for i, c in enumerate(classes):
        above = np.flatnonzero(stack[:, c.members].all(axis=1) & (orders > c.order))
        counts = np.bincount(owner[_minimal_rows(stack, above, orders)], minlength=k)
        for j in np.flatnonzero(counts).tolist():
            pairs = sizes[i] * int(counts[j])  # (K, L) with K of class i maximal in L of class j
            if pairs % sizes[j]:  # pragma: no cover - conjugation permutes each class
                raise AssertionError("the cover counts of two classes do not double count")
            graph.add_edge(i, j, supergroups=int(counts[j]), subgroups=pairs // sizes[j])
    return graph
