"""The vectorised route of the stabilizer doors: every element of the group tested at once (numpy).

When the group's elements fit in memory (``group.element_array()``), pixel q of
x^g is pixel g^-1(q) of x, so "which elements keep pixel q's colour" is one
gather over a column of the inverse elements.  The questions are answered by
progressive filtering, pixel by pixel, over the elements still alive:

* stabilizer: keep the g with c[g^-1(q)] = c[q]; a random image halves the
  survivors at every pixel, so the work is about 2|G| gathers, not |G| x n;
  the few survivors are then checked on every pixel;
* transporter: the same against the target colouring;
* minimal image: from the highest pixel down, keep the g whose image lacks the
  pixel when some do (the order of masks), until one element is left.

The stabilizer's generators are picked from its elements until they generate a
group of its order.  Front doors: :mod:`exactorbit.stabilizers`.
"""

import random

import numpy as np


__all__ = ["stabilizer_elements", "generators_of", "transporter", "minimal_image", "orbit_size"]

#: Survivors checked on every pixel at once once there are this few.
_FEW = 32


def _columns(group):
    """The inverse elements by pixel: row q holds g^-1(q) for every element g (cached on the group)."""
    return group._inverse_columns()


def _matching(group, source, target):
    """Indices of the elements g with source[g^-1(q)] = target[q] for every pixel q (source^g = target)."""
    cols = _columns(group)
    source = np.asarray(source)
    target = np.asarray(target)
    alive = np.arange(cols.shape[1])
    for q in range(group.n):
        if len(alive) <= _FEW:
            break
        alive = alive[source[cols[q, alive]] == target[q]]
    if len(alive):
        rows = source[cols[:, alive]]  # (n, k): the images of the survivors
        alive = alive[(rows == target[:, None]).all(axis=0)]
    return alive


def stabilizer_elements(group, colours):
    """The elements (rows of ``group.element_array()``) fixing the colouring."""
    return group.element_array()[_matching(group, colours, colours)]


def orbit_size(group, colours):
    """|G| / |Stab|."""
    return group.order() // len(_matching(group, colours, colours))


def generators_of(group, rows, order):
    """A few of ``rows`` (the elements of a subgroup of the given order) that generate it: a row outside the closure
    of those taken so far is taken, until the closure has ``order`` elements. The closure is grown by breadth-first
    search over the rows themselves (no Schreier-Sims: the subgroup is listed already, and has ``order`` elements).
    """
    identity = np.arange(group.n)
    gens, closure, members = [], {identity.tobytes()}, [identity]
    shuffled = list(range(len(rows)))
    random.Random(0).shuffle(shuffled)  # a fixed shuffle: the generators do not depend on the rows' order
    for row in rows[shuffled]:
        if len(closure) == order:
            break
        if row.tobytes() in closure:
            continue
        gens.append(tuple(int(v) for v in row))
        table = np.asarray(gens, dtype=np.int64)
        frontier = np.asarray(members)
        while len(frontier):  # the new generator on every member, then every generator on every new member
            new = []
            for g in table:
                for h in g[frontier]:  # (f g)[p] = g[f[p]]
                    key = h.tobytes()
                    if key not in closure:
                        closure.add(key)
                        new.append(h)
            members.extend(new)
            frontier = np.asarray(new)
    return gens


def transporter(group, source, target):
    """An element h with source^h = target (as colourings), or None."""
    hit = _matching(group, source, target)
    return group.element_array()[hit[0]].astype(np.int64) if len(hit) else None


def minimal_image(group, colours):
    """(the minimal colouring in the order of masks, an element reaching it); for tuples, the first image first."""
    cols = _columns(group)
    colours = np.asarray(colours)
    width = max(1, int(colours.max()).bit_length())
    alive = np.arange(cols.shape[1])
    for j in range(width):  # the first image of the tuple fully first
        for q in range(group.n - 1, -1, -1):  # the highest pixel first; absent before present
            if len(alive) == 1:
                break
            bits = (colours[cols[q, alive]] >> j) & 1
            if bits.any() and not bits.all():
                alive = alive[bits == 0]
    k = int(alive[0])
    return colours[cols[:, k]].astype(np.int64), group.element_array()[k].astype(np.int64)
