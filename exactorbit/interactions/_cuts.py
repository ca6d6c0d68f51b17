"""Cuts up to symmetry: the orbits of Aut(G) (or Stab(t)) on vertex subsets, and the walk-index spectrum.

A cut (I, I^c) is a binary image on the 1 x n grid: the mask with bit v set for v in I.
Let H = Aut(G) (graph prediction) or H = Stab_Aut(G)(t) (vertex prediction with target t).

* ``subset_orbits``: the orbits of H on all 2^n subsets (``exactorbit.orbits.orbit_labels``
  on the 1 x n grid: every subset's minimal image), each as (least mask, size).
* ``cut_orbits``: the proper cuts (0 < |I| < n) up to H *and* the side swap I <-> I^c, each
  as (least mask of the union of the orbits of I and I^c, number of masks I in it; the sizes
  add up to 2^n - 2).  The swap is used with a target too: "t in I" is not swap-invariant,
  but the walk index is, in both predictions, because C_I = C_(I^c) (a vertex with a
  neighbour on the other side, whichever side is called I).  So H x swap is the symmetry of
  the quantity tabled; ``subset_orbits`` (H alone) keeps the sides apart.
* ``balanced_cut_orbits``: the cut orbits with sides of sizes floor(n/2) and ceil(n/2).
* ``walk_index_spectrum``: walk index at depth L -> number of proper cut orbits with it.  The
  walk index is sum over v in C_I of w_v, with w = A^(L-1) 1 (or the column t of A^(L-1));
  ``_walks.walk_counts`` and ``_walks.walks_between`` give w exactly, and the boundaries of
  all orbit representatives are computed at once on their masks.

Invariance: for g in Aut(G), C_(gI) = g C_I and w_(gv) = w_v (w_(gv) = w_v for the target's
column when g fixes t), so the walk index is constant on every orbit of H x swap.

>>> r = cut_orbits("path:4", depth=2)
>>> r.order, r.subset_orbits[:3], r.cut_orbits
(2, [(0, 1), (1, 2), (2, 2)], [(1, 4), (2, 4), (3, 2), (5, 2), (6, 2)])
>>> r.walk_index_spectrum        # {0}: C = {0, 1}, 2 + 3 walks; {0, 2} and {1, 2}: C = V
{5: 1, 6: 1, 8: 1, 10: 2}
"""

from dataclasses import dataclass, field

import numpy as np

from .._budget import refuse_if_over
from ..orbits import orbit_labels
from ..stabilizers import stabilizer
from ._automorphisms import automorphism_group
from ._graphs import parse_graph
from ._walks import check_depth, check_target, walk_counts, walks_between

__all__ = ["CutOrbits", "cut_orbits", "walk_index_spectrum", "MAX_CUT_VERTICES"]

#: Most vertices whose 2^n subsets cut_orbits visits (2^24 labels: about 1 s and 64 MB per array).
MAX_CUT_VERTICES = 24


@dataclass
class CutOrbits:
    """The orbits of Aut(G) (or Stab(t)) on vertex subsets and cuts; orbits are (least mask, size) pairs."""

    n: int
    target: object
    depth: object
    #: |Aut(G)| and its generators (vertex v -> g[v])
    order: int
    generators: list
    #: the group acting on subsets: Aut(G), or Stab(t) with a target (order, generators)
    acting_order: int
    acting_generators: list
    subset_orbits: list
    cut_orbits: list
    balanced_cut_orbits: list
    walk_index_spectrum: object = None
    #: the walk index of each cut orbit, by representative (when ``depth`` was given)
    walk_indices: dict | None = field(default=None, repr=False)

    def to_json(self):
        """The JSON payload of ``exactorbit interactions cut-orbits`` (ints and lists; spectrum keys as text)."""
        out = {
            "n": self.n,
            "target": self.target,
            "depth": self.depth,
            "automorphism_group": {"order": self.order, "generators": [list(g) for g in self.generators]},
            "acting_group": {"order": self.acting_order, "generators": [list(g) for g in self.acting_generators]},
            "subset_orbits": [list(c) for c in self.subset_orbits],
            "cut_orbits": [list(c) for c in self.cut_orbits],
            "balanced_cut_orbits": [list(c) for c in self.balanced_cut_orbits],
        }
        if self.walk_index_spectrum is not None:
            out["walk_index_spectrum"] = {str(k): v for k, v in self.walk_index_spectrum.items()}
        return out


def _generators(group):
    return [tuple(int(v) for v in g) for g in group.generators]


def _pairs(values, counts):
    return [(int(v), int(c)) for v, c in zip(values.tolist(), counts.tolist())]


def _symmetry(graph, target, force, limit):
    """(Aut(G), the group acting on subsets: Aut(G) or Stab(t))."""
    group = automorphism_group(graph, force=force, limit=limit)
    if target is None:
        return group, group
    return group, stabilizer(group, 1 << target, force=force, limit=limit)


def _weights(graph, depth, target):
    """w_v = rho_(L-1)({v}, V) or rho_(L-1)({v}, {t}) for every v (exact ints)."""
    if target is None:
        return walk_counts(graph, depth - 1)
    return tuple(walks_between(graph, [v], [target], depth - 1) for v in range(graph.n))


def _boundaries(graph, masks):
    """The boundary C_I of each cut, as masks (int64 array), from the cuts' masks (n <= 24)."""
    out = np.zeros(len(masks), dtype=np.int64)
    full = (1 << graph.n) - 1
    for v, nbrs in enumerate(graph.neighbours):
        nb = sum(1 << u for u in nbrs)
        inside = (masks >> v) & 1
        cross = np.where(inside == 1, (~masks & full & nb) != 0, (masks & nb) != 0)
        out |= cross.astype(np.int64) << v
    return out


def _walk_table(graph, reps, depth, target):
    """{representative: walk index} for the cut representatives (one weight vector, boundaries at once)."""
    w = _weights(graph, depth, target)
    bounds = _boundaries(graph, reps)
    values = {}
    for b in np.unique(bounds).tolist():
        values[b] = sum(w[v] for v in range(graph.n) if b >> v & 1)
    return {int(r): values[int(b)] for r, b in zip(reps.tolist(), bounds.tolist())}


def _spectrum(table):
    out = {}
    for value in table.values():
        out[value] = out.get(value, 0) + 1
    return dict(sorted(out.items()))


def _orbit_tables(graph, group):
    """(subset orbits, cut orbits, balanced cut orbits) as (representatives, sizes) arrays."""
    n = graph.n
    labels = orbit_labels(group)  # uint32: every subset's least image under the group
    subsets = np.unique(labels, return_counts=True)
    canon = np.minimum(labels, labels[::-1])[1:-1]  # labels[::-1][m] is the label of the complement, full - m
    cuts = np.unique(canon, return_counts=True)
    weights = np.bitwise_count(cuts[0]).astype(np.int64)
    keep = np.minimum(weights, n - weights) == n // 2
    return subsets, cuts, (cuts[0][keep], cuts[1][keep])


def cut_orbits(graph, *, target=None, depth=None, force=False, limit=None):
    """The vertex subsets and proper cuts of a graph up to Aut(G) (or Stab(t)) and the side swap.

    Returns a :class:`CutOrbits`; with ``depth`` (the GNN's depth L), also the walk-index
    spectrum of the proper cut orbits.  Graphs of at most ``MAX_CUT_VERTICES`` (24) vertices
    (every one of the 2^n subsets is visited, a hard limit); ``limit`` bounds the automorphism
    search's nodes; the orbits listed (at least 2^n / |H|) are refused past
    ``LIMITS["orbit_points"]``; ``force=True`` lifts both.

    >>> r = cut_orbits("cycle:4", depth=2)
    >>> r.order, r.cut_orbits, r.balanced_cut_orbits, r.walk_index_spectrum
    (8, [(1, 8), (3, 4), (5, 2)], [(3, 4), (5, 2)], {9: 1, 12: 2})
    >>> r = cut_orbits("path:3", target=0); r.order, r.acting_order    # Stab(0) in Aut(path) is trivial
    (2, 1)
    """
    graph = parse_graph(graph)
    target = check_target(graph, target)
    depth = None if depth is None else check_depth(depth)
    refuse_if_over(f"the orbits of Aut(G) on the 2^{graph.n} vertex subsets (at most {MAX_CUT_VERTICES} vertices)",
                   graph.n, "enumeration_pixels", limit=MAX_CUT_VERTICES)
    aut, group = _symmetry(graph, target, force, limit)
    refuse_if_over(f"the orbits cut_orbits lists on the 2^{graph.n} subsets (at least 2^n / |H| = "
                   f"{(1 << graph.n) // group.order()})", (1 << graph.n) // group.order(), "orbit_points", force=force)
    subsets, cuts, balanced = _orbit_tables(graph, group)
    table = None if depth is None else _walk_table(graph, cuts[0], depth, target)
    return CutOrbits(
        n=graph.n, target=target, depth=depth, order=aut.order(), generators=_generators(aut),
        acting_order=group.order(), acting_generators=_generators(group),
        subset_orbits=_pairs(*subsets), cut_orbits=_pairs(*cuts), balanced_cut_orbits=_pairs(*balanced),
        walk_index_spectrum=None if table is None else _spectrum(table), walk_indices=table,
    )


def walk_index_spectrum(graph, depth, target=None, *, force=False, limit=None):
    """Walk index at depth L -> number of proper cut orbits (up to Aut(G) or Stab(t), and the side swap) with it.

    >>> walk_index_spectrum("star:3", 2)   # a leaf alone: C = {leaf, centre}; two leaves: 3 of 4; the centre: V
    {6: 1, 8: 1, 10: 1}
    """
    return cut_orbits(graph, target=target, depth=depth, force=force, limit=limit).walk_index_spectrum
