"""One image in any group: stabilizer, orbit size, transporter, minimal and canonical images, never listing a big orbit.

Five questions, five front doors, each with ``method="auto"`` or a named route,
each result saying which route ran (``.method``):

* :func:`stabilizer` (a :class:`~exactorbit.groups.PixelGroup` with strong
  generators and its exact order), :func:`orbit_size` (|G| / |Stab|),
  :func:`transporter` (an element mapping a to b, or None),
  :func:`minimal_image` (the smallest mask of the orbit) and
  :func:`canonical_image` (a fixed representative of the orbit, the same for
  every image of one orbit, with an element reaching it: here the minimal image).

Routes:

* ``"natural"`` (:mod:`._natural`): S_n and A_n on the pixels in closed form
  (the symmetric group on 784 pixels in microseconds);
* ``"vectorised"`` (:mod:`._vectorised`): every element applied to the image at
  once, when the group's elements fit in memory (the 6272 elements of the 28x28
  torus group);
* ``"backtrack"`` (:mod:`._backtrack`): a search over a stabilizer chain with
  orbit-counting refinement and pruning by the subgroup found so far, for any
  group on up to 4096 pixels;
* ``"listing"`` (:mod:`._listing`): the orbit searched point by point, the
  definitional route, bounded by ``LIMITS["orbit_points"]``.

'auto' takes the natural route for S_n and A_n, the vectorised one when the
elements are listed already or cheap to list, else the backtrack.  Every point
may also be a tuple of images (the diagonal action: a tuple colours each pixel
with its memberships).

>>> from exactorbit.groups import named_group
>>> G = named_group("translations+dihedral", "3x3")
>>> H = stabilizer(G, 0b000010010)
>>> H.order(), H.method, orbit_size(G, 0b000010010)
(4, 'vectorised', 18)
>>> import math
>>> S = named_group("symmetric", "28x28")
>>> x = (1 << 392) - 1                                # the first 392 of 784 pixels
>>> stabilizer(S, x).order() == math.factorial(392) ** 2, orbit_size(S, x) == math.comb(784, 392)
(True, True)
>>> minimal_image(S, 1 << 783), stabilizer(S, x).method
(1, 'natural')

See also: :func:`exactorbit.actions.orbit` (the orbit itself, listed).
"""

from dataclasses import dataclass

from .._routes import RoutedInt, RoutedTuple, check_method
from ..actions import _check_point, elements_fit
from ..errors import InvalidArgument
from ..groups import PixelGroup
from ..images import colouring, to_mask
from . import _backtrack, _listing, _natural, _vectorised
from .._perm.chain import StabilizerChain

__all__ = [
    "METHODS",
    "stabilizer",
    "orbit_size",
    "transporter",
    "minimal_image",
    "is_minimal_image",
    "canonical_image",
    "CanonicalImage",
    "StabilizerChain",
]

#: The routes of every door of this module.
METHODS = ("auto", "natural", "vectorised", "backtrack", "listing")

@dataclass(frozen=True)
class CanonicalImage:
    """A canonical image of an orbit (the same for every point of the orbit) and an element reaching it."""

    image: object
    element: tuple
    method: str


def _route(group, method):
    check_method(method, METHODS)
    if method == "natural" and not _natural.applies(group):
        raise InvalidArgument(f"method 'natural' needs the symmetric group, or the alternating group on at least "
                              f"5 pixels; {group.name} is neither")
    if method != "auto":
        return method
    if _natural.applies(group):
        return "natural"
    if elements_fit(group):
        return "vectorised"
    return "backtrack"


def _kept_by_every_generator(group, c):
    """Whether the colouring c is a union of orbits of the group: every generator keeps it (c[g[p]] = c[p]).

    Then every element keeps it: Stab = G, the orbit is {x}, x is its own minimal image.
    One pass over the generators, no stabilizer chain (the chain of a group on 4096 pixels
    takes seconds, and the backtrack would prune at once anyway).
    """
    import numpy as np

    return all(np.array_equal(c[np.asarray(g, dtype=np.int64)], c) for g in group.generators)


def _whole_group(group, method, c):
    """True when the answer is 'Stab = G' without a search: the route is 'auto' (not the natural one) or
    'backtrack', and every generator keeps the colouring.  Reported as the backtrack route (whose first
    test it is)."""
    if method not in ("auto", "backtrack"):
        return False
    if method == "auto" and _natural.applies(group):
        return False
    return _kept_by_every_generator(group, c)


def _ready(group, route, force):
    """The vectorised route lists the group once (cached): ``force`` lifts ``LIMITS["group_elements"]`` there."""
    if route == "vectorised":
        group.element_inverse_array(force=force)


def _colours(group, x):
    return colouring(x, group.n)


def _point(colours, like):
    """A colouring back as a mask, or a tuple of masks shaped like ``like``."""
    if isinstance(like, tuple):
        return tuple(to_mask((colours >> j) & 1) for j in range(len(like)))
    return to_mask(colours)


def _element(array):
    return tuple(array) if isinstance(array, list) else tuple(array.tolist())


def stabilizer(group, x, *, method="auto", force=False, limit=None):
    """The stabilizer of an image (or of a tuple: the intersection) as a subgroup with exact order.

    The result is a :class:`~exactorbit.groups.PixelGroup` named ``Stab(x)``; its
    generators are strong generators (backtrack) or Schreier generators (listing),
    its order is known exactly, and ``.method`` names the route.

    >>> from exactorbit.groups import named_group
    >>> G = named_group("translations+dihedral", "3x3")
    >>> H = stabilizer(G, 0b000010010)
    >>> H.order(), G.order() // H.order()
    (4, 18)
    >>> stabilizer(G, 0b000010010, method="backtrack").order()
    4
    """
    x = _check_point(group, x)
    check_method(method, METHODS)
    c = _colours(group, x)
    if _whole_group(group, method, c):  # a union of orbits (the empty and the full image): Stab = G
        return PixelGroup._trusted(group.grid, list(group.generators), name=f"Stab({x})", order=group.order(),
                                   method="backtrack")
    route = _route(group, method)
    _ready(group, route, force)
    if route == "natural":
        arrays, order = _natural.stabilizer_generators(c, _natural.applies(group))
        gens = [_element(g) for g in arrays]
    elif route == "vectorised":
        rows = _vectorised.stabilizer_elements(group, c)
        order = len(rows)
        gens = _vectorised.generators_of(group, rows, order)
    elif route == "backtrack":
        arrays, order = _backtrack.stabilizer_search(group.chain(), c)
        gens = [_element(g) for g in arrays]
    else:
        gens, order = _listing.stabilizer(group, x, force, limit)
    return PixelGroup._trusted(group.grid, gens, name=f"Stab({x})", order=order, method=route)


def orbit_size(group, x, *, method="auto", force=False, limit=None):
    """Size of the orbit of an image (or of a tuple of images): |G| / |Stab(x)|, without listing the orbit.

    >>> from exactorbit.groups import translations
    >>> orbit_size(translations("2x2"), 0b0110)
    2
    """
    x = _check_point(group, x)
    check_method(method, METHODS)
    if _whole_group(group, method, _colours(group, x)):  # every element keeps x: the orbit is {x}
        return RoutedInt(1, "backtrack")
    route = _route(group, method)
    _ready(group, route, force)
    if route == "listing":
        return RoutedInt(_listing.orbit_size(group, x, force, limit), route)
    if route == "vectorised":
        return RoutedInt(_vectorised.orbit_size(group, _colours(group, x)), route)
    return RoutedInt(group.order() // stabilizer(group, x, method=route).order(), route)


def transporter(group, a, b, *, method="auto", force=False, limit=None):
    """An element g with a^g = b (a, b images or tuples of images), or None: set (or tuple) isomorphism.

    >>> from exactorbit.groups import translations
    >>> transporter(translations("1x3"), 0b001, 0b100)
    (2, 0, 1)
    >>> transporter(translations("1x3"), 0b001, 0b011) is None
    True
    """
    check_method(method, METHODS)  # first: a numpy array compared with == has no truth value
    if (type(a) is int and type(b) is int and method == "auto" and type(group) is PixelGroup
            and group.natural_kind == "symmetric" and 0 <= a < (1 << group.n) and 0 <= b < (1 << group.n)):
        # the quick case (two masks in S_n): a few microseconds, as GAP's SymmetricGroup
        if a.bit_count() != b.bit_count():
            return None
        return RoutedTuple(_element(_natural.set_transporter(a, b, group.n, "symmetric")), "natural")
    a = _check_point(group, a, "a")
    b = _check_point(group, b, "b")
    if isinstance(a, tuple) != isinstance(b, tuple) or (isinstance(a, tuple) and len(a) != len(b)):
        raise InvalidArgument(f"a and b must both be images or tuples of one length: {a!r}, {b!r}")
    weights = lambda p: [m.bit_count() for m in p] if isinstance(p, tuple) else p.bit_count()  # noqa: E731
    if weights(a) != weights(b):
        return None
    if _whole_group(group, method, _colours(group, a)):  # the orbit of a is {a}
        return RoutedTuple(tuple(range(group.n)), "backtrack") if a == b else None
    route = _route(group, method)
    _ready(group, route, force)
    if route == "listing":
        g = _listing.transporter(group, a, b, force, limit)
        return None if g is None else RoutedTuple(g, route)
    if route == "natural" and not isinstance(a, tuple):
        g = _natural.set_transporter(a, b, group.n, _natural.applies(group))
        return None if g is None else RoutedTuple(_element(g), route)
    ca, cb = _colours(group, a), _colours(group, b)
    if route == "natural":
        g = _natural.transporter(ca, cb, _natural.applies(group))
    elif route == "vectorised":
        g = _vectorised.transporter(group, ca, cb)
    else:
        g = _backtrack.transporter_search(group.chain(), ca, cb)
    return None if g is None else RoutedTuple(_element(g), route)


def canonical_image(group, x, *, method="auto", force=False, limit=None):
    """A canonical image of x's orbit with an element reaching it: here the minimal image (see :func:`minimal_image`).

    Equal for all images of one orbit, different across orbits; ``x^element == image``.

    >>> from exactorbit.groups import translations
    >>> c = canonical_image(translations("1x4"), 0b1100)
    >>> c.image, c.element
    (3, (2, 3, 0, 1))
    """
    x = _check_point(group, x)
    check_method(method, METHODS)
    c = _colours(group, x)
    if _whole_group(group, method, c):  # the orbit is {x}: x is minimal, the identity reaches it
        return CanonicalImage(x, tuple(range(group.n)), "backtrack")
    route = _route(group, method)
    _ready(group, route, force)
    if route == "listing":
        image, g = _listing.minimal_image(group, x, force, limit)
        return CanonicalImage(image, tuple(g), route)
    found = None
    if route == "natural":
        found = _natural.minimal_image(c, _natural.applies(group))
        if found is None:  # A_n with every class a single point: search
            route = "backtrack"
    if route == "vectorised":
        found = _vectorised.minimal_image(group, c)
    elif route == "backtrack":
        found = _backtrack.minimal_image_search(group, c, force=force, limit=limit)
    image, g = found
    return CanonicalImage(_point(image, x), _element(g), route)


def minimal_image(group, x, *, method="auto", force=False, limit=None):
    """The smallest mask of the orbit of x (for a tuple: the smallest tuple, its first image first).

    The order is that of the int masks: the highest pixel decides first.  GAP's
    ``MinimalImage`` (the images package) orders sets by their smallest points
    instead; the two agree after renumbering pixel p as n - 1 - p and taking
    complements (a mask is smaller when its highest differing pixel is absent).

    >>> from exactorbit.groups import translations
    >>> minimal_image(translations("1x4"), 0b1100)
    3
    """
    found = canonical_image(group, x, method=method, force=force, limit=limit)
    if isinstance(found.image, tuple):
        return RoutedTuple(found.image, found.method)
    return RoutedInt(found.image, found.method)


def is_minimal_image(group, x, *, method="auto", force=False, limit=None):
    """Whether x is the minimal image of its orbit.

    >>> from exactorbit.groups import translations
    >>> is_minimal_image(translations("1x4"), 3), is_minimal_image(translations("1x4"), 6)
    (True, False)
    """
    return minimal_image(group, x, method=method, force=force, limit=limit) == _check_point(group, x)
