"""The transformation groups: diffeomorphisms as column permutations (a PixelGroup), synonyms on the input set.

A *move* of a node at height h re-places its children: from placement P to P' the
informative slots go to P' in order and the empty slots to the rest in order.  On
the v x d grid it is a permutation of the columns that moves whole blocks of
(s(s0+1))^(h-1) columns (the children's sub-trees).  The moves of one patch
generate a group of slot permutations, computed here (sympy, degree s(s0+1)):
sparsity A gives the Young subgroup S_{s0+1}^s of the sub-patches, sparsity B the
full S_{s(s0+1)}.  Lifted to every patch at every height they generate an iterated
wreath product (proofs/hierarchy.md).
"""

from math import factorial, prod

import numpy as np

__all__ = ["patch_moves", "patch_group", "cells", "column_perm_to_pixels", "diffeomorphism_group",
           "synonym_generators", "diffeomorphism_order_formula"]


def patch_moves(model, *, every=False):
    """The moves of one patch as slot permutations (array form; slot q goes to slot perm[q]), deduplicated.

    By default the moves out of the first placement P0 only: they generate every move,
    since the move P -> P' is the move P -> P0 followed by P0 -> P', and P -> P0 is the
    inverse of P0 -> P.  ``every=True``: all |placements|^2 moves (a test compares).
    """
    n = model.patch
    out = {}
    for P in (model.placements if every else model.placements[:1]):
        rest = [q for q in range(n) if q not in P]
        for Q in model.placements:
            other = [q for q in range(n) if q not in Q]
            perm = [0] * n
            for a, b in zip(P, Q):
                perm[a] = b
            for a, b in zip(rest, other):
                perm[a] = b
            out[tuple(perm)] = None
    return list(out)


def cells(model):
    """The blocks of slots the moves permute: the sub-patches (A) or the whole patch (B)."""
    q = model.s0 + 1
    if model.s0 == 0:  # one placement: no move
        return [(q_,) for q_ in range(model.patch)]
    if model.sparsity == "A":
        return [tuple(range(j * q, (j + 1) * q)) for j in range(model.s)]
    return [tuple(range(model.patch))]


def patch_group(model):
    """(order, generators): the group the moves of one patch generate, with a generating set made of moves.

    The order is exactorbit's (:meth:`PixelGroup.order` on the patch's slots); the
    generators are the first moves, in doubling batches, until they generate the Young
    subgroup of :func:`cells` (which contains every move: checked).

    >>> from exactorbit.hierarchy import HierarchyModel
    >>> patch_group(HierarchyModel(3, 2, 3, 2, 2, s0=1, sparsity="B"))[0]
    24
    """
    from ..groups import PixelGroup
    from ..images import Grid

    n = model.patch
    ident = tuple(range(n))
    young = prod(factorial(len(c)) for c in cells(model))
    block = {q: k for k, c in enumerate(cells(model)) for q in c}
    moves = patch_moves(model)
    if any(block[g[q]] != block[q] for g in moves for q in range(n)):
        raise AssertionError(f"a move of sparsity {model.sparsity} leaves its cells")
    # every move lies in the Young subgroup Y of the cells (just checked), so once the moves taken
    # generate a group of order |Y| they generate Y, and every other move lies in it; the moves are
    # taken in doubling batches, the order from exactorbit's chain (S_n recognised by Jordan's test)
    moves = [mv for mv in moves if mv != ident]
    k = 1
    while True:
        gens = moves[:k]
        order = PixelGroup(Grid(1, n), gens).order() if gens else 1
        if order == young or k >= len(moves):
            break
        k *= 2
    if order != young:
        raise AssertionError(f"the moves of sparsity {model.sparsity} generate a group of order {order}, "
                             f"not the Young subgroup of order {young}")
    return order, gens


def diffeomorphism_order_formula(model):
    """|G| of the iterated wreath product: o_1 = Y, o_h = o_{h-1}^{s(s0+1)} Y (Y: the patch group's order)."""
    young = prod(factorial(len(c)) for c in cells(model))
    order = 1
    for _ in range(model.L):
        order = order ** model.patch * young
    return order


def lift(model, height, position, slot_perm):
    """The column permutation (array form on d columns) moving the blocks of one patch by ``slot_perm``."""
    b = model.patch ** (height - 1)
    start = position * model.patch ** height
    cp = list(range(model.d))
    for q, r in enumerate(slot_perm):
        for t in range(b):
            cp[start + q * b + t] = start + r * b + t
    return tuple(cp)


def column_perm_to_pixels(model, cp):
    """A column permutation as a pixel permutation of the v x d grid: (r, c) -> (r, cp[c])."""
    d = model.d
    return tuple(r * d + cp[c] for r in range(model.v) for c in range(d))


def column_generators(model):
    """The lifts of the patch group's generators to every patch at every height (column permutations)."""
    _, gens = patch_group(model)
    out = []
    for h in range(1, model.L + 1):
        for pos in range(model.patch ** (model.L - h)):
            out += [lift(model, h, pos, g) for g in gens]
    return out


def diffeomorphism_group(model):
    """The group the moves generate, as a PixelGroup on the v x d grid (order from its stabilizer chain).

    >>> from exactorbit.hierarchy import HierarchyModel
    >>> G = diffeomorphism_group(HierarchyModel(3, 2, 3, 2, 2, s0=1))
    >>> G.grid, G.order()
    (Grid(h=3, w=16), 1024)
    """
    from ..groups import PixelGroup

    gens = [column_perm_to_pixels(model, cp) for cp in column_generators(model)]
    return PixelGroup(model.grid, gens, name=f"diffeomorphisms (sparsity {model.sparsity}, s0={model.s0})")


def synonym_generators(inputs):
    """Synonym exchanges as permutations of the input indices: per node, rule indices r <-> r+1.

    Each is an int array ``g`` with ``g[i]`` the index of the exchanged input i.
    """
    model = inputs.model
    per = len(model.placements)
    radix = model.m * per
    weights = [radix ** (model.nodes - 1 - k) for k in range(model.nodes)]
    index = np.arange(len(inputs), dtype=np.int64)
    out = []
    for k in range(model.nodes):
        r = inputs.rule_digits[:, k]
        for a in range(model.m - 1):
            delta = np.where(r == a, per, np.where(r == a + 1, -per, 0)) * weights[k]
            out.append(index + delta)
    return out
