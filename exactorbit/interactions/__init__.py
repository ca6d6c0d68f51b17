"""Rank, interactions and the walk index of graph neural networks, exactly (Razin's thesis; issue 22).

The third theory exactorbit makes exact, beside the group-theoretic account of
unsupervised learning and the (sparse) random hierarchy model.  Everything is an
exact Python int or Fraction; a self-loop is added on every vertex (A_ii = 1), as in
the authors' code (github ``noamrazin/gnn_interactions``).  Proofs, and what was
verified from the authors' source: ``proofs/interactions.md``.

Front doors (their routes are private modules beneath this package):

* graphs: :func:`parse_graph` (networkx, ``(n, edges)`` or a spec such as ``"cliques:3"``);
* walks: :func:`walk_counts`, :func:`walks_between` (rho_l(S, T)), :func:`boundary` (C_I),
  :func:`walk_index` (graph or vertex prediction), :func:`singleton_walk_indices`;
* symmetry: :func:`automorphism_group` (a :class:`~exactorbit.groups.PixelGroup` on the 1 x n
  grid: a cut is a binary image), :func:`cut_orbits`, :func:`walk_index_spectrum`;
* rank: :class:`ProductGNN`, :func:`separation_rank`, :func:`generic_separation_rank`,
  :func:`separation_rank_bound` (D_h^(4 WI + 1)), :func:`separation_rank_certificate`;
* sparsification: :func:`wis` (1-WIS and (L-1)-WIS, one edge per step);
* the matrix-completion toy of Razin & Cohen 2020: :func:`completion_facts`,
  :func:`gradient_descent_trajectory`;
* :func:`interaction_claims`: the theory's claims with computed verdicts.

The result types (:class:`CutOrbits`, :class:`SeparationRank`, :class:`CompletionFacts`,
:class:`Trajectory`) are importable from here; the doors build them.

>>> from exactorbit.interactions import walk_index, boundary, automorphism_group
>>> boundary("path:4", [0, 1]), walk_index("path:4", [0, 1], depth=2)
((1, 2), 6)
>>> automorphism_group("petersen").order()
120
"""

from ._automorphisms import automorphism_group
from ._claims import InteractionCase, interaction_claims
from ._completion import (CompletionFacts, Trajectory, completion, completion_facts, gradient_descent_trajectory,
                          schatten_norm, singular_values)
from ._cuts import CutOrbits, cut_orbits, walk_index_spectrum
from ._gnn import ProductGNN
from ._graphs import Graph, parse_graph, parse_vertices
from ._seprank import (SeparationRank, generic_separation_rank, separation_rank, separation_rank_bound,
                       separation_rank_certificate)
from ._walks import boundary, singleton_walk_indices, walk_counts, walk_index, walks_between
from ._wis import wis

__all__ = [
    "Graph", "parse_graph", "parse_vertices",
    "walk_counts", "walks_between", "boundary", "walk_index", "singleton_walk_indices",
    "automorphism_group", "cut_orbits", "walk_index_spectrum",
    "ProductGNN", "separation_rank", "generic_separation_rank", "separation_rank_bound",
    "separation_rank_certificate",
    "wis",
    "completion", "completion_facts", "gradient_descent_trajectory", "schatten_norm", "singular_values",
    "InteractionCase", "interaction_claims",
]
