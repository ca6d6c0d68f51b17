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

__all__ = ["stabilizer", "orbit_size", "transporter", "minimal_image"]


def stabilizer(group, colours):
    """(generators, order) of the stabilizer of a colouring, in closed form: a basis of its translations (a lattice
    L of Z_h x Z_w, at most two vectors, taken greedily) and one element for every other linear part it meets (a
    coset of L each); together they generate it, and its order is the number of matches.  No element is listed
    beyond the translations of L (the 64 x 64 checkerboard's 16,384 elements were closed row by row before)."""
    structure = group.torus_structure
    identity = np.arange(group.n)
    gens, order = [], 0
    for p, ts in matches(structure, colours, colours):
        if not len(ts):
            continue
        order += len(ts)
        if np.array_equal(p, identity):
            gens.extend(tuple(element(structure, p, t).tolist()) for t in _lattice_basis(group.grid, ts.tolist()))
        else:
            gens.append(tuple(element(structure, p, int(ts[0])).tolist()))
    return gens, order


def _lattice_basis(grid, ts):
    """A few of the translations ``ts`` (pixel indices: the translation moving pixel 0 there; a subgroup of
    Z_h x Z_w) that generate them all: each one outside the subgroup of those taken is taken, and the subgroup grown
    by its cosets (at most |ts| sums per vector taken; a subgroup of Z_h x Z_w needs at most two)."""
    h, w = grid.h, grid.w

    def add(a, b):
        return ((a // w + b // w) % h) * w + (a % w + b % w) % w
    members, basis = {0}, []
    for t in ts:
        if t in members:
            continue
        basis.append(t)
        grown, step = set(members), t
        while step not in members:  # M + <t> is the union of the cosets M + k t
            grown.update(add(m, step) for m in members)
            step = add(step, t)
        members = grown
    return basis


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
