"""The vectorised route of the stabilizer doors: every element applied to the image at once (numpy).

When the group's elements fit in memory (``group.element_array()``, |G| x n
entries), the image of x under every element is one gather, ``c[E_inv]``
(row g: the colouring of x^g, since pixel q of x^g is pixel g^-1(q) of x).  From
that one pass: the stabilizer (the rows equal to x), the orbit (the distinct
rows), a transporter (a row equal to the target) and the minimal image (the
smallest row in the order of masks).  The stabilizer's generators are picked
from its elements until they generate a group of its order.

Front doors: :mod:`exactorbit.stabilizers`.
"""

import numpy as np

from ..groups import PixelGroup

__all__ = ["images_of", "stabilizer_elements", "generators_of", "transporter", "minimal_image", "orbit_size"]


def images_of(group, colours):
    """(elements, images): images[k] is the colouring of x under element k (uint8 when the colours fit)."""
    colours = np.asarray(colours)
    small = colours.astype(np.uint8) if colours.max(initial=0) < 256 else colours
    return group.element_array(), small[group.element_inverse_array()]


def stabilizer_elements(group, colours):
    """The elements (rows) fixing the colouring."""
    elems, imgs = images_of(group, colours)
    return elems[(imgs == np.asarray(colours)[None, :]).all(axis=1)]


def orbit_size(group, colours):
    """|G| / |Stab| from one pass."""
    return group.order() // len(stabilizer_elements(group, colours))


def generators_of(group, rows, order):
    """A few of ``rows`` (the elements of a subgroup of the given order) that generate it."""
    identity = np.arange(group.n)
    gens = []
    sub = PixelGroup(group.grid, [])
    for row in rows[np.random.default_rng(0).permutation(len(rows))]:
        if sub.order() == order:
            break
        if np.array_equal(row, identity):
            continue
        g = tuple(int(v) for v in row)
        if not sub.contains(g):
            gens.append(g)
            sub = PixelGroup(group.grid, gens)
    return gens


def transporter(group, source, target):
    """An element h with source^h = target (as colourings), or None."""
    elems, imgs = images_of(group, source)
    hit = np.flatnonzero((imgs == np.asarray(target)[None, :]).all(axis=1))
    return elems[hit[0]].astype(np.int64) if len(hit) else None


def minimal_image(group, colours):
    """(the minimal colouring in the order of masks, an element reaching it); for tuples, the first image first."""
    elems, imgs = images_of(group, colours)
    width = max(1, int(np.asarray(colours).max()).bit_length())
    alive = np.arange(len(elems))
    for j in range(width):  # the first image of the tuple fully first
        bits = (imgs[alive] >> j) & 1
        for q in range(group.n - 1, -1, -1):  # the highest pixel first; absent before present
            col = bits[:, q]
            if col.any() and not col.all():
                keep = ~col.astype(bool)
                alive, bits = alive[keep], bits[keep]
            if len(alive) == 1:
                break
        if len(alive) == 1:
            break
    k = int(alive[0])
    return imgs[k].astype(np.int64), elems[k].astype(np.int64)
