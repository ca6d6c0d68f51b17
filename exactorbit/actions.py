"""The action of a pixel group on binary images, and on tuples of images.

Conventions: an element ``g`` (array form, see :mod:`exactorbit.groups`) acts on
an image mask ``x`` by moving pixel ``p`` to ``g[p]``: bit ``g[p]`` of ``g.x``
is bit ``p`` of ``x``.  With left-to-right composition this is a *right*
action, ``x^(p*q) = (x^p)^q``; hence ``Stab(x^g) = g^-1 Stab(x) g`` (which is
``g Stab(x) g^-1`` in right-to-left notation, as design.md writes it).
A tuple of images is acted on coordinate-wise (the diagonal action).

An orbit is listed by a breadth-first search along the generators that keeps a
Schreier vector (the generator that first reached each point), so any
transversal element can be rebuilt.  The questions about one image that need no
listing (stabilizer, orbit size, transporter, minimal and canonical images) are
answered by :mod:`exactorbit.stabilizers`; listing is one of its routes.

>>> from exactorbit.groups import named_group
>>> G = named_group("translations", "1x4")
>>> orbit(G, 0b0011)
(3, 6, 9, 12)
"""


from __future__ import annotations

from typing import TYPE_CHECKING, Any
import math
from collections import Counter
from functools import partial

import numpy as np

from ._budget import LIMITS, check_force, limit_value, refuse_if_over, tuning
from ._routes import Ask, Door, GaveUp, Route, RoutedTuple, Step
from ._validation import check_int, check_int_list, check_items, check_mask, check_permutation, describe
from .errors import InvalidArgument
from ._perm.perms import (ENTRY_NS, apply_mask as _apply, compose, identity, mask_mapper,  # unchecked
                          table_mapper, table_ns)
from .groups import PixelGroup, check_group
from .images import as_mask, colouring, is_array_image, parse_grid, to_arrays, to_mask

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = [
    "apply",
    "apply_many",
    "orbit",
    "Orbit",
    "routes_for",
    "METHODS",
    "orbit_with_transversal",
    "orbit_bound",
    "all_images",
    "action_tables",
    "apply_all",
    "cycle_masks",
]


def apply(g: Sequence[int], mask: Any) -> Any:
    """The image ``g.x`` of a mask (pixel p moves to g[p]); tuples act coordinate-wise.

    ``g`` is a permutation of 0..n-1 in array form (a tuple or list of ints) and
    ``mask`` an int 0 <= mask < 2**n, or a tuple of such masks.

    >>> apply((1, 2, 0), 0b001), apply((1, 2, 0), (0b001, 0b011))
    (2, (2, 6))
    >>> apply((1, 2, 0), 8)
    Traceback (most recent call last):
    ...
    exactorbit.errors.InvalidArgument: mask must be a mask of 3 pixels (0 <= mask < 2**3), got 8 (type int)
    """
    n = _check_perm(g)
    if isinstance(mask, tuple):
        return tuple(_apply(g, check_mask("mask", m, n)) for m in mask)
    return _apply(g, check_mask("mask", mask, n))


def _check_perm(g):
    """The degree of ``g`` after checking that it is a permutation in array form."""
    if isinstance(g, PixelGroup) or not isinstance(g, (tuple, list)):
        raise InvalidArgument(f"g must be a permutation in array form (a tuple of ints), got {describe(g)}")
    n = len(g)
    if n == 0:
        raise InvalidArgument("g must be a permutation of at least one pixel, got () (empty)")
    if not all(type(v) is int for v in g) or set(g) != set(range(n)):
        if all(isinstance(v, (int, np.integer)) and not isinstance(v, bool) for v in g) and \
                sorted(int(v) for v in g) == list(range(n)):
            return n
        raise InvalidArgument(f"g must be a permutation of 0..{n - 1} in array form, got {describe(g)}")
    return n


def apply_many(g: Sequence[int], masks: Any) -> np.ndarray:
    """Apply ``g`` to many masks at once (numpy, byte-wise lookup tables; n <= 64).

    Returns a numpy uint64 array of the same shape.

    >>> apply_many((1, 2, 0), [1, 2, 4, 3]).tolist()
    [2, 4, 1, 6]
    """
    n = _check_perm(g)
    if n > 64:
        raise InvalidArgument(f"apply_many works on grids of at most 64 pixels, got {n}; use apply")
    try:
        arr = np.asarray(masks, dtype=np.uint64)
    except (TypeError, ValueError, OverflowError):
        raise InvalidArgument(f"masks must be ints 0 <= mask < 2**{n}, got {describe(masks)}") from None
    if n < 64 and (arr >> np.uint64(n)).any():
        raise InvalidArgument(f"masks must be ints 0 <= mask < 2**{n}, got {describe(masks)}")
    return apply_all(action_tables(np.asarray(g, dtype=np.int64)[None, :], n), arr)[0].astype(np.uint64, copy=False)


def action_tables(elements, n):
    """Byte lookup tables of many elements (for :func:`apply_all`): ``T[e, b, v]`` = image of byte value v at byte b.

    ``elements`` is an (m, n) integer array; the result is uint32 for n <= 32, else
    uint64, of shape (m, ceil(n/8), 256).

    >>> action_tables(np.array([[1, 0]]), 2)[0, 0, :4].tolist()
    [0, 2, 1, 3]
    """
    n = check_int("n", n, min_value=1, max_value=64)
    elements = _element_rows(elements, n)
    dtype = np.uint32 if n <= 32 else np.uint64
    m = elements.shape[0]
    nbytes = (n + 7) // 8
    tables = np.zeros((m, nbytes, 256), dtype=dtype)
    for b in range(nbytes):
        for j in range(8):
            p = 8 * b + j
            lo, hi = 1 << j, 1 << (j + 1)
            if p < n:
                bit = (dtype(1) << elements[:, p].astype(dtype))[:, None]
                tables[:, b, lo:hi] = tables[:, b, 0:lo] | bit
            else:
                tables[:, b, lo:hi] = tables[:, b, 0:lo]
    return tables


def apply_all(tables, masks):
    """Apply every element of ``tables`` to every mask: array of shape (m, len(masks)).

    >>> t = action_tables(np.array([[0, 1, 2], [1, 2, 0]]), 3)
    >>> apply_all(t, np.array([1, 3], dtype=np.uint32)).tolist()
    [[1, 3], [2, 6]]
    """
    if not (isinstance(tables, np.ndarray) and tables.ndim == 3 and tables.shape[2] == 256
            and tables.dtype in (np.uint32, np.uint64)):
        raise InvalidArgument(f"tables must be the array of action_tables(elements, n), got {describe(tables)}")
    masks = _mask_array(masks, 8 * tables.shape[1])
    masks = masks.astype(tables.dtype, copy=False)
    out = part = None
    for b in range(tables.shape[1]):
        byte = ((masks >> tables.dtype.type(8 * b)) & tables.dtype.type(255)).astype(np.intp)
        if out is None:
            out = np.take(tables[:, b, :], byte, axis=1)  # np.take: about 3x faster than t[:, byte] here
        else:
            part = np.take(tables[:, b, :], byte, axis=1, out=part)
            out |= part
    return out


def cycle_masks(elements, n):
    """``M[e, p]`` = the mask of the cycle of element e through pixel p (uint64, n <= 64).

    >>> cycle_masks(np.array([[1, 0, 2]]), 3).tolist()
    [[3, 3, 4]]
    """
    n = check_int("n", n, min_value=1, max_value=64)
    elements = _element_rows(elements, n)
    masks = np.broadcast_to(np.uint64(1) << np.arange(n, dtype=np.uint64), elements.shape).copy()
    step = elements.copy()
    span = 1
    while span < n:  # after k rounds, M[p] covers the next 2^k points of p's cycle
        masks |= np.take_along_axis(masks, step, axis=1)
        step = np.take_along_axis(step, step, axis=1)
        span *= 2
    return masks


def _element_rows(elements, n):
    """``elements`` (permutations of 0..n-1: an (m, n) int array or a list of array forms) as an int64 (m, n) array."""
    if isinstance(elements, (str, bytes, dict)) or elements is None:
        raise InvalidArgument(f"elements must be an (m, {n}) array of permutations, got {describe(elements)}")
    if not isinstance(elements, np.ndarray):
        if not isinstance(elements, (list, tuple)):
            raise InvalidArgument(f"elements must be an (m, {n}) array of permutations, got {describe(elements)}")
        elements = [check_permutation(f"elements[{k}]", g, n) for k, g in enumerate(elements)]
        return np.asarray(elements, dtype=np.int64).reshape(-1, n)
    if elements.dtype.kind not in "iu" or elements.ndim not in (1, 2) or elements.size % n:
        raise InvalidArgument(f"elements must be an (m, {n}) int array of permutations, got {describe(elements)}")
    rows = elements.astype(np.int64).reshape(-1, n)
    if rows.size and not (np.sort(rows, axis=1) == np.arange(n)).all():
        raise InvalidArgument(f"elements must hold permutations of 0..{n - 1}, got {describe(elements)}")
    return rows


def _mask_array(masks, bits):
    """``masks`` (ints 0 <= x < 2**bits: a list or an int array) as an int array, else InvalidArgument."""
    if isinstance(masks, np.ndarray):
        arr = masks
    else:
        arr = np.asarray(check_int_list("masks", masks, min_value=0, max_value=(1 << bits) - 1),
                         dtype=np.uint64 if bits > 32 else np.int64)
    if arr.dtype.kind not in "iu":
        raise InvalidArgument(f"masks must be ints, got {describe(masks)}")
    if arr.size and (int(arr.min()) < 0 or int(arr.max()) >> bits):
        raise InvalidArgument(f"masks must be in [0, 2^{bits}), got {describe(masks)}")
    return arr


def check_point(group, x, name="image"):
    """An image in any accepted form (int, Image, text, (h, w) array) as a mask, or a tuple of them as a tuple."""
    if type(x) is int and type(group) is PixelGroup and x >= 0 and not x >> group.grid.n:  # a mask: the common case
        return x
    if not isinstance(group, PixelGroup):
        raise InvalidArgument(f"group must be a PixelGroup, got {describe(group)}")
    if isinstance(x, (tuple, list)) and not is_array_image(x):
        if not x:
            raise InvalidArgument(f"{name} tuple must not be empty")
        return tuple(as_mask(v, group.grid, f"{name}[{k}]") for k, v in enumerate(x))
    return as_mask(x, group.grid, name)


#: Points an orbit search maps with :func:`~exactorbit._perm.perms.apply_mask` before it builds each generator's
#: cheapest map (:func:`~exactorbit._perm.perms.mask_mapper`: O(n) to build, then a few shifts per point).
_MAPPER_AFTER = 4


def orbit_search(group, x, limit, force, target=None, cap=None):
    """BFS orbit of x with a Schreier vector: dict point -> (parent, generator index).

    The orbit's size is not known before the search: past the bound (``limit``,
    default ``LIMITS["orbit_points"]``) the search stops and is refused.  ``cap``:
    a first attempt of 'auto' (:class:`exactorbit._routes.GaveUp` past ``cap`` points).
    """
    bound = None if check_force(force) else limit_value("orbit_points", limit)
    stop = cap if bound is None else (bound if cap is None else min(cap, bound))
    gens = group.generators
    tree = {x: None}
    if x == target:
        return tree
    maps = [partial(_apply, s) for s in gens]
    mapped = isinstance(x, tuple)  # a tuple keeps apply_mask (coordinate-wise)
    queue, i, tables_at = [x], 0, None
    while i < len(queue):
        y = queue[i]
        i += 1
        if not mapped and i == _MAPPER_AFTER:  # a longer orbit: each generator's cheapest map
            maps, mapped = [mask_mapper(s, x.bit_count(), group.n) for s in gens], True
            tables_at = _tables_break_even(group.n, maps)
        elif i == tables_at:  # an orbit this long: byte tables have paid for themselves (ski rental)
            per_point = table_ns(group.n)
            maps = [table_mapper(s, group.n) if f.ns > per_point else f for s, f in zip(gens, maps)]
        for k, f in enumerate(maps):
            z = f(y)
            if z not in tree:
                tree[z] = (y, k)
                if z == target:
                    return tree
                queue.append(z)
        if stop is not None and len(tree) > stop:
            _stop_search(group, tree, cap, bound, limit)
    return tree


def _tables_break_even(n, maps):
    """After how many points an orbit search trades its maps for byte tables where a lookup is the cheaper (None:
    nowhere): when the maps have cost as much more than the tables as building the tables costs (a 2-competitive
    choice, as in ski rental)."""
    per_point = table_ns(n)
    dearer = [f.ns - per_point for f in maps if f.ns > per_point]
    if not dearer:
        return None
    return max(_MAPPER_AFTER + 1, ENTRY_NS * 256 * ((n + 7) // 8) * len(dearer) // sum(dearer))


def _stop_search(group, tree, cap, bound, limit):
    """An orbit search past its cap (a first attempt: GaveUp, no order computed) or its bound (refused)."""
    if cap is not None:  # a first attempt gives up at the smaller of its cap and the bound, with no refusal
        raise GaveUp(f"the orbit has more than {len(tree) - 1} points")
    refuse_if_over(f"the orbit search (group of order {group.order()}; points found before stopping)",
                   len(tree), "orbit_points", limit=limit)


def transversal_element(group, tree, y):
    """An element t with x^t = y, rebuilt from the Schreier vector."""
    word = []
    while tree[y] is not None:
        y, k = tree[y]
        word.append(k)
    t = identity(group.n)
    for k in reversed(word):
        t = compose(t, group.generators[k])
    return t


#: 'auto' lists a group's elements for the vectorised routes up to this order (when order x degree fits too).
VECTORISED_ORDER = tuning("vectorised_order")


def elements_fit(group):
    """Whether the vectorised routes suit the group: its elements are listed already, or few and small enough."""
    return group.elements_listed or (group.order() <= VECTORISED_ORDER
                                           and group.order() * group.n <= LIMITS["group_elements"].value)


def all_images(group, x):
    """The image of x (a mask, or a tuple of masks) under every element at once: (elements, colourings).

    Row k of the colourings is x^g for g = elements[k] (:func:`exactorbit.images.colouring`):
    pixel q of x^g is pixel g^-1(q) of x, so the whole pass is one gather.

    >>> from exactorbit.groups import translations
    >>> elements, images = all_images(translations("1x3"), 0b001)
    >>> elements.tolist(), images.tolist()
    ([[0, 1, 2], [1, 2, 0], [2, 0, 1]], [[1, 0, 0], [0, 1, 0], [0, 0, 1]])
    """
    x = check_point(group, x, "x")
    return images_of_colouring(group, colouring(x, group.n))


def images_of_colouring(group, colours):
    """:func:`all_images` for a colouring array (uint8 rows when the colours fit)."""
    colours = np.asarray(colours)
    small = colours.astype(np.uint8) if colours.max(initial=0) < 256 else colours
    return group.element_array(), small[group.element_inverse_array()]


class Orbit(RoutedTuple):
    """An orbit: a sorted tuple of masks (or of tuples of masks) that knows its grid and its route.

    It is still a tuple (``len``, indexing, ``==`` with a tuple); in Jupyter it
    draws its images; :meth:`to_array` gives them as one (N, h, w) array.

    >>> from exactorbit.groups import reflections
    >>> o = orbit(reflections("1x3"), 0b001)
    >>> o, o.method, o.to_array().shape
    ((1, 4), 'listing', (2, 1, 3))
    """

    def __new__(cls, values, method, grid):
        grid = parse_grid(grid)
        if not isinstance(method, str):
            raise InvalidArgument(f"method must be a str naming the route, got {describe(method)}")
        items = check_items("values", values)
        for k, item in enumerate(items):
            if isinstance(item, tuple):
                for j, part in enumerate(item):
                    check_mask(f"values[{k}][{j}]", part, grid.n)
            else:
                check_mask(f"values[{k}]", item, grid.n)
        return cls._trusted(items, method, grid)

    @classmethod
    def _trusted(cls, values, method, grid):
        """Build without checking (the values come from :func:`orbit`)."""
        self = RoutedTuple.__new__(cls, values, method)
        self.grid = grid
        return self

    def __reduce__(self):
        return (type(self), (tuple(self), self.method, self.grid))

    def to_array(self):
        """The orbit's images as a numpy 0/1 array of shape (N, h, w) (orbits of single images only)."""
        if self and isinstance(self[0], tuple):
            raise InvalidArgument("to_array draws orbits of single images; this orbit holds tuples of images")
        return to_arrays(self, self.grid)

    def _repr_html_(self):
        from ._display import orbit_html

        return orbit_html(self, self.grid, method=self.method)


def _orbit_by_listing(ask):
    return sorted(orbit_search(ask.group, ask.x, ask.limit, ask.force))


def _orbit_vectorised(ask):
    x = ask.x
    n = ask.group.n
    if not isinstance(x, tuple) and bin(x).count("1") * 8 <= n:
        # a sparse image: each image g.x is the set g(S) of the support S, k = |S| points, not n bits
        support = [i for i in range(n) if x >> i & 1]
        if not support:
            return [0]
        E = ask.group.element_array()
        rows = np.unique(np.sort(E[:, support], axis=1), axis=0)
        return sorted(sum(1 << int(p) for p in row) for row in rows)
    _, images = all_images(ask.group, x)
    rows = np.unique(images, axis=0)
    if isinstance(x, tuple):
        points = {tuple(to_mask((row >> j) & 1) for j in range(len(x))) for row in rows}
    else:
        points = {to_mask(row) for row in rows}
    return sorted(points)


def orbit_bound(group, x):
    """A bound on the orbit's size known without work: the images of x's weight (for a tuple, of its pattern of
    memberships per pixel), or |G| when the group knows it already.

    >>> from exactorbit.groups import translations
    >>> orbit_bound(translations("1x4"), 0b0011), orbit_bound(translations("1x4"), (0b0001, 0b0011))
    (6, 12)
    """
    group = check_group(group)
    return _orbit_bound(group, check_point(group, x))


def _orbit_bound(group, x):
    """:func:`orbit_bound` for a checked group and point (the doors' ladders)."""
    n = group.n
    if not isinstance(x, tuple):
        bound = math.comb(n, x.bit_count())
    else:
        bound, left = 1, n
        for c in Counter(tuple((m >> p) & 1 for m in x) for p in range(n)).values():
            bound *= math.comb(left, c)
            left -= c
    known = group._order
    return bound if known is None else min(bound, known)


def _orbit_small(ask):
    """'auto' searches small orbits along the generators: the images of x's weight, or |G| when known, are few."""
    if ask.x is None:
        return "no image given (the bound reads its weight)"
    bound = _orbit_bound(ask.group, ask.x)
    limit = tuning("listing_orbit")
    return None if bound <= limit else f"the orbit may have up to {bound} points, over TUNING['listing_orbit'] = {limit}"


def _listed_already(ask):
    return None if ask.group.elements_listed else "G's elements are not listed yet"


def _elements_fit(ask):
    """'auto' vectorises when :func:`elements_fit`: G's elements are listed, or few and small enough."""
    if elements_fit(ask.group):
        return None
    order, n = ask.group.order(), ask.group.n
    if order > VECTORISED_ORDER:
        return f"|G| = {order} is over TUNING['vectorised_order'] = {VECTORISED_ORDER} (G's elements are not listed)"
    return f"|G| x n = {order * n} entries is over LIMITS['group_elements'] (G's elements are not listed)"


def _orbit_torus(ask):
    from ._perm.torus_images import orbit_points

    x = ask.x
    return orbit_points(ask.group.torus_structure, colouring(x, ask.group.n), len(x) if isinstance(x, tuple) else 0)


def _why_not_torus(ask):
    if ask.group.torus_structure is not None:
        return None
    return f"needs a torus group T x| P (all translations, with point symmetries); {ask.group.name} is not one"


#: The routes of :func:`orbit` and its 'auto' ladder, as data.
DOOR = Door("orbit", [
    Route("listing", "breadth first along the generators (a Schreier vector), refused past LIMITS['orbit_points']",
          _orbit_by_listing),
    Route("vectorised", "every element applied at once (all_images), the distinct rows kept", _orbit_vectorised,
          estimate=lambda ask: f"{ask.group.order() * ask.group.n} entries (|G| x n)"),
    Route("torus", "T x| P in closed form: each linear part's image under all n translations (no element listed)",
          _orbit_torus, applies=_why_not_torus,
          estimate=lambda ask: f"{ask.group.order() * ask.group.n} entries (|P| blocks of n x n)"),
], auto=[
    Step("listing", when=_orbit_small),
    Step("vectorised", when=_listed_already),
    Step("torus"),
    Step("vectorised", when=_elements_fit),
    Step("listing"),
])

#: The routes of :func:`orbit` (``DOOR.methods``).
METHODS = ("auto", "listing", "vectorised", "torus")


def routes_for(group, x=None):
    """Which routes of :func:`orbit` apply to ``group``, and which 'auto' takes for the image ``x`` (without it, for
    an image whose orbit is not known to be small).

    >>> from exactorbit.groups import named_group, symmetric
    >>> routes_for(named_group("translations+dihedral", "3x3")).auto, routes_for(symmetric("3x3")).auto
    ('torus', 'listing')
    >>> routes_for(named_group("translations+dihedral", "3x3"), 0b11).auto     # 36 images of weight 2
    'listing'
    """
    group = check_group(group)
    x = None if x is None else check_point(group, x)
    return DOOR.explain(Ask(group=group, x=x, force=False, limit=None))


def orbit(group: PixelGroup, x: Any, *, method: str = "auto", force: bool = False,
          limit: int | None = None) -> Orbit:
    """The orbit of an image (or of a tuple of images) as a sorted tuple; ``.method`` names the route.

    Routes: ``"listing"`` (breadth first along the generators, refused past
    ``LIMITS["orbit_points"]`` points), ``"vectorised"`` (every element applied
    at once, :func:`all_images`) and ``"torus"`` (a torus group T x| P in closed
    form: each linear part's image under every translation, no element listed).
    'auto' lists small orbits along the generators (at most
    ``TUNING["listing_orbit"]`` images of x's weight, or |G| when known), takes the
    vectorised route when G's elements are listed, the torus route for a torus
    group, the vectorised one when :func:`elements_fit`, else the listing
    (:func:`routes_for` tells which it takes).

    >>> from exactorbit.groups import reflections
    >>> orbit(reflections("1x3"), 0b001)
    (1, 4)
    """
    x = check_point(group, x)
    DOOR.check(method)
    check_force(force)
    limit_value("orbit_points", limit)
    points, route = DOOR.run(Ask(group=group, x=x, force=force, limit=limit), method)
    return Orbit._trusted(points, route, group.grid)


def orbit_with_transversal(group, x, *, force=False, limit=None):
    """Dict mapping each orbit point y to an element t with x^t = y.

    >>> from exactorbit.groups import translations
    >>> orbit_with_transversal(translations("1x2"), 1)
    {1: (0, 1), 2: (1, 0)}
    """
    x = check_point(group, x)
    tree = orbit_search(group, x, limit, force)
    return {y: transversal_element(group, tree, y) for y in sorted(tree)}
