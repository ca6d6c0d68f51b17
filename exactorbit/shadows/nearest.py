"""Nearest ambient elements: the shadow of one function table (proofs/shadow.md, definition 1).

Conventions.  A *function table* ``F`` is a numpy integer array of length 2^n:
``F[x]`` is the output mask for input mask ``x``.  The *ambient group* is a
pixel group G, optionally extended by the colour complement ``x -> ~x``
(which commutes with every pixel permutation); an ambient element is a pair
``(g, flip)`` acting as ``x -> x^g``, then complemented when ``flip``.  With
the complement, the ambient group G x C2 is represented faithfully as
permutations of 2n "signed pixels": pixel p is point p, its complement is
point p + n; ``(g, flip)`` sends p to g[p] (+ n if flip) and p + n to g[p]
(+ n unless flip).

Nearest-element shadow (proofs/shadow.md, definition 1): for a feature set D
(default: all 2^n inputs), d(F, a) = #{x in D : F(x) != a(x)}; shadow(F) = the
ambient elements at minimal distance.  What the shadows of a whole family
generate is the question of :mod:`exactorbit.shadows`.

>>> from exactorbit.groups import translations
>>> import numpy as np
>>> G = translations("1x2")
>>> F = np.array([0, 2, 1, 3])          # swaps the two pixels: a group element
>>> nearest_elements(G, F)
Shadow(distance=0, elements=(((1, 0), False),))
"""


from __future__ import annotations

from typing import Any
from dataclasses import dataclass

import numpy as np

from .._budget import refuse_if_over, refuse_if_over_memory
from .._validation import check_flag, check_int_list, check_permutation, describe
from ..errors import InvalidArgument
from ..functions import as_table
from ..groups import PixelGroup, check_group


__all__ = ["Shadow", "ambient_elements", "ambient_tables", "nearest_elements", "signed_permutation"]


@dataclass(frozen=True)
class Shadow:
    """The nearest ambient elements to one function and their distance."""

    distance: int
    elements: tuple


def ambient_elements(group, complement=False):
    """The sorted ambient elements ``(g, flip)``: G, or G x {identity, complement}.

    >>> from exactorbit.groups import reflections
    >>> ambient_elements(reflections("1x2"), complement=True)
    [((0, 1), False), ((0, 1), True), ((1, 0), False), ((1, 0), True)]
    """
    if not isinstance(group, PixelGroup):
        raise InvalidArgument(f"group must be a PixelGroup, got {describe(group)}")
    flips = (False, True) if check_flag("complement", complement) else (False,)
    return [(g, f) for g in group.elements() for f in flips]


def ambient_tables(group, complement=False, *, force=False, limit=None):
    """(elements, tables): tables[i][x] is the image of mask x under elements[i].

    >>> from exactorbit.groups import reflections
    >>> els, tabs = ambient_tables(reflections("1x2"))
    >>> tabs.tolist()
    [[0, 1, 2, 3], [0, 2, 1, 3]]
    """
    group = check_group(group)
    complement = check_flag("complement", complement)
    n = group.n
    refuse_if_over(f"the action table of the ambient group (order {group.order() * (2 if complement else 1)}) "
                   f"on the 2^{n} images", (group.order() * (2 if complement else 1)) << n, "ambient_tables",
                   limit=limit, force=force)
    dtype = np.uint16 if n <= 16 else np.uint32 if n <= 32 else np.int64  # masks of n bits: 2 bytes up to 16 pixels
    refuse_if_over_memory(f"the action table of the ambient group (order {group.order() * (2 if complement else 1)})",
                          (group.order() * (2 if complement else 1) << n) * np.dtype(dtype).itemsize)
    elements = ambient_elements(group, complement)
    perms = np.array([g for g, _ in elements], dtype=np.int64).reshape(len(elements), n)
    tables = np.zeros((len(elements), 1 << n), dtype=dtype)
    one = dtype(1)
    for p in range(n):  # the images of the masks with top bit p: those below, plus pixel p's image
        np.bitwise_or(tables[:, : 1 << p], (one << perms[:, p].astype(dtype))[:, None], out=tables[:, 1 << p: 2 << p])
    flipped = np.array([f for _, f in elements], dtype=bool)
    if flipped.any():
        tables[flipped] ^= dtype((1 << n) - 1)
    return elements, tables


def _input_set(inputs, n):
    if inputs is None:
        return None
    try:
        values = check_int_list("inputs", inputs, min_value=0, max_value=(1 << n) - 1, limit=4 << n)
    except InvalidArgument as exc:
        raise InvalidArgument(f"inputs must be a list of masks in [0, 2^{n}): {exc}") from None
    return np.asarray(sorted(set(values)), dtype=np.int64)


def _distances(tables, table, idx):
    if idx is None:
        return (tables != table[None, :]).sum(axis=1)
    return (tables[:, idx] != table[idx][None, :]).sum(axis=1)


def nearest_elements(group: PixelGroup, table: Any, complement: bool = False, inputs: Any = None, _tables: Any = None,
                     *, force: bool = False, limit: int | None = None) -> Any:
    """The shadow of one function: nearest ambient elements and the distance.

    The action table of the ambient group on the 2^n images is guarded by
    ``LIMITS["ambient_tables"]`` (``force``, ``limit``) and by the machine's memory.

    >>> from exactorbit.groups import trivial
    >>> nearest_elements(trivial("1x1"), [1, 1])
    Shadow(distance=1, elements=(((0,), False),))
    """
    group = check_group(group)
    complement = check_flag("complement", complement)
    table = as_table(table, "table", size=1 << group.n)
    idx = _input_set(inputs, group.n)
    elements, tables = _tables if _tables is not None else ambient_tables(group, complement, force=force, limit=limit)
    d = _distances(tables, table, idx)
    best = int(d.min())
    return Shadow(best, tuple(elements[i] for i in np.nonzero(d == best)[0]))


def signed_permutation(g, flip):
    """The ambient element (g, flip) as a permutation of the 2n signed pixels.

    >>> signed_permutation((1, 0), True)
    (3, 2, 1, 0)
    """
    g = check_permutation("g", g)
    flip = check_flag("flip", flip)
    n = len(g)
    top = [g[p] + (n if flip else 0) for p in range(n)]
    bottom = [g[p] + (0 if flip else n) for p in range(n)]
    return tuple(top + bottom)
