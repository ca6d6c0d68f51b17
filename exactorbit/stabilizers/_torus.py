"""The torus route of the stabilizer doors: G = T x| P in closed form, no element listed and no chain built.

A torus group (the named groups with ``translations``, or any presentation of them:
``PixelGroup.torus_structure``) acts by i -> p(i) + t.  The elements taking one
colouring to another are found linear part by linear part, translations checked
only where the rarest colour can go (:mod:`exactorbit._perm.torus_images`): |P| m n
work for a colour class of m pixels, where the vectorised route first lists the |G|
elements (|G| n entries; 0.35 s for the 28x28 torus group with its dihedral part).

Front doors: :mod:`exactorbit.stabilizers`.
"""

import numpy as np

from .._perm.torus_images import element, matches, minimal, sparse_minimal
from ._vectorised import generators_of

__all__ = ["stabilizer", "orbit_size", "transporter", "minimal_image"]


def _stabilizer_rows(group, colours):
    """The stabilizer's elements, one row each (p then t, for every match)."""
    structure = group.torus_structure
    found = [element(structure, p[None, :], ts[:, None]) for p, ts in matches(structure, colours, colours) if len(ts)]
    return np.concatenate(found)


def stabilizer(group, colours):
    """(generators, order) of the stabilizer of a colouring."""
    rows = _stabilizer_rows(group, colours)
    return generators_of(group, rows, len(rows)), len(rows)


def orbit_size(group, colours):
    """|G| / |Stab|, with |Stab| counted (no element built)."""
    count = sum(len(ts) for _, ts in matches(group.torus_structure, colours, colours))
    return group.order() // count


def transporter(group, source, target):
    """An element taking the colouring ``source`` to ``target``, or None."""
    structure = group.torus_structure
    for p, ts in matches(structure, source, target, first=True):
        if len(ts):
            return element(structure, p, int(ts[0]))
    return None


def minimal_image(group, colours):
    """(the minimal colouring in the order of masks, an element reaching it)."""
    structure = group.torus_structure
    found = sparse_minimal(structure, colours)
    if found is not None:
        mask, g = found
        return np.array([(mask >> q) & 1 for q in range(group.n)], dtype=np.int64), g
    image, p, t = minimal(structure, colours)
    return image.astype(np.int64), element(structure, p, t)
