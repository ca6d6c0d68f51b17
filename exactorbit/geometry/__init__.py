"""The geometry of deep networks, exactly: word metrics, geodesics and growth of finite groups (issue 23).

Dong, Wu & Zhou ("How deep learning works: the geometry of deep learning", 2017) picture a deep network as a path
in a space of transformations, by analogy with the geometry of quantum computation (the complexity of an operation
is the length of the shortest path to it built from elementary gates) and with diffeomorphic template matching.
The exact, finite reading (proofs/geometry.md says what is the paper's and what is ours): layers are generators of
a finite group, a network of depth d is a word of length d, the depth a transformation needs is its word length
(its distance from the identity in the Cayley graph), and the distance between two images is the shortest chain
of moves carrying one onto the other (a path in the Schreier graph of the orbit).

Front doors (routes private beneath):

* :func:`growth`: the sphere sizes of the word metric (GAP's ``GrowthFunctionOfGroup``), the diameter; routes
  ``ranked`` (BFS over element ranks, a visited bitset) and ``python``;
* :func:`geodesic`, :func:`word_length`, :func:`distance`: shortest words; routes ``tree`` and
  ``meet_in_the_middle``;
* :func:`image_distance`, :func:`orbit_geometry`: template matching in an orbit's Schreier graph;
* generating sets: :func:`generating_set` (any group, any generators), :func:`reversible_circuits` (NOT, CNOT,
  Toffoli, SWAP gates on the 2^bits states), :func:`pancake`, :func:`pocket_cube`,
  :func:`adjacent_transpositions`, :func:`torus_moves`;
* :func:`geometry_claims`: the claims with computed verdicts.

>>> from exactorbit.geometry import growth, geodesic, image_distance
>>> from exactorbit.groups import translations
>>> growth(translations("4x4")).spheres
(1, 4, 6, 4, 1)
>>> image_distance(translations("4x4"), "#.../..../..../....", "..../..../..../...#").distance
2
"""

from ._claims import geometry_claims
from ._generating import GeneratingSet, generating_set
from ._growth import Growth, growth
from ._templates import ImageDistance, OrbitGeometry, image_distance, orbit_geometry
from ._named import adjacent_transpositions, pancake, pocket_cube, reversible_circuits, torus_moves
from ._words import Geodesic, distance, geodesic, word_length

__all__ = [
    "GeneratingSet", "generating_set",
    "Growth", "growth",
    "Geodesic", "geodesic", "word_length", "distance",
    "ImageDistance", "OrbitGeometry", "image_distance", "orbit_geometry",
    "reversible_circuits", "pancake", "pocket_cube", "adjacent_transpositions", "torus_moves",
    "geometry_claims",
]

