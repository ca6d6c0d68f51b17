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
* ``"torus"`` (:mod:`._torus`): a torus group T x| P (all translations with point
  symmetries, however generated) in closed form, linear part by linear part,
  translations checked only where the rarest colour can go: no element listed,
  no chain (the 28x28 torus group with its dihedral part in milliseconds);
* ``"vectorised"`` (:mod:`._vectorised`): every element applied to the image at
  once, when the group's elements fit in memory (the 6272 elements of the 28x28
  torus group);
* ``"backtrack"`` (:mod:`._backtrack`): a search over a stabilizer chain with
  orbit-counting refinement and pruning by the subgroup found so far, for any
  group on up to 4096 pixels;
* ``"listing"`` (:mod:`._listing`): the orbit searched point by point along the
  generators, the definitional route, bounded by ``LIMITS["orbit_points"]``.

'auto' takes the natural route when G is known to be S_n or A_n; then the listing
when the orbit is small (at most ``TUNING["listing_orbit"]`` images of x's weight,
or |G| when known), or as a first attempt on a fresh group of at most 64 pixels
(given up past ``ATTEMPT_POINTS`` points: tens of microseconds on small groups, no
chain built); then the torus route for a torus group, the natural one for S_n and
A_n, the vectorised one when the elements are listed already or cheap to list,
else the backtrack.  Every point
may also be a tuple of images (the diagonal action: a tuple colours each pixel
with its memberships).

>>> from exactorbit.groups import named_group
>>> G = named_group("translations+dihedral", "3x3")
>>> H = stabilizer(G, 0b000010010)
>>> H.order(), H.method, orbit_size(G, 0b000010010)
(4, 'listing', 18)
>>> stabilizer(named_group("translations+dihedral", "28x28"), 0b11).method
'torus'
>>> import math
>>> S = named_group("symmetric", "28x28")
>>> x = (1 << 392) - 1                                # the first 392 of 784 pixels
>>> stabilizer(S, x).order() == math.factorial(392) ** 2, orbit_size(S, x) == math.comb(784, 392)
(True, True)
>>> minimal_image(S, 1 << 783), stabilizer(S, x).method
(1, 'natural')

See also: :func:`exactorbit.actions.orbit` (the orbit itself, listed).
"""


from __future__ import annotations

from typing import Any
from dataclasses import dataclass

from .._budget import check_force, limit_value, tuning
from .._routes import Ask, Door, GaveUp, RoutedInt, RoutedTuple, Route, Step
from ..actions import check_point, elements_fit, orbit_bound
from ..errors import InvalidArgument
from ..groups import PixelGroup
from ..images import colouring, render_text, to_mask
from . import _backtrack, _listing, _natural, _torus, _vectorised
from .._perm.chain import StabilizerChain
from .._perm.perms import apply_mask as _apply, identity
from .._perm.structure import JORDAN_DEGREE, is_transitive, jordan_alt_sym

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
    "routes_for",
]

#: The routes of every door of this module (each door's ``methods``).
METHODS = ("auto", "natural", "torus", "vectorised", "backtrack", "listing")


@dataclass(frozen=True)
class CanonicalImage:
    """A canonical image of an orbit (the same for every point of the orbit) and an element reaching it."""

    image: object
    element: tuple
    method: str


#: Set bits (of x or of its complement) up to which 'kept by every generator' is tested on the mask (one shift per
#: bit), not on the colouring (numpy: a few microseconds per generator, whatever the weight).
_KEPT_BITS = 64


def _kept_by_every_generator(group, x, colours):
    """Whether x (a mask or a tuple) is a union of orbits of the group: every generator keeps it (c[g[p]] = c[p]).

    Then every element keeps it: Stab = G, the orbit is {x}, x is its own minimal image.
    One pass over the generators, no stabilizer chain (the chain of a group on 4096 pixels
    takes seconds, and the backtrack would prune at once anyway).  A mask with few set
    (or few unset) bits is mapped bit by bit; otherwise its colouring (``colours()``) is
    gathered by each generator.
    """
    if not isinstance(x, tuple):
        n = group.n
        bits = min(x.bit_count(), n - x.bit_count())
        if bits <= _KEPT_BITS:
            y = x if bits == x.bit_count() else x ^ ((1 << n) - 1)  # g keeps x iff it keeps x's complement
            return all(_apply(g, y) == y for g in group.generators)
    import numpy as np

    c = colours()
    return all(np.array_equal(c[np.asarray(g, dtype=np.int64)], c) for g in group.generators)


def _cap(ask):
    """The cap of 'auto''s first attempt at the listing route (None: a named route, or a bound that holds)."""
    return getattr(ask, "cap", None)


class _ImageAsk(Ask):
    """One call of a door of this module: the point (checked), its colouring and the 'kept by every generator'
    test, computed on demand, once."""

    def __init__(self, group, x, target, method, force, limit):
        self.group, self.x, self.target, self.method, self.force, self.limit = group, x, target, method, force, limit
        self._memo = {}

    def colours(self):
        """x's colouring (:func:`~exactorbit.images.colouring`), once."""
        if "colours" not in self._memo:
            self._memo["colours"] = colouring(self.x, self.group.n)
        return self._memo["colours"]

    def kept(self):
        """Whether every generator keeps x (:func:`_kept_by_every_generator`), once."""
        if "kept" not in self._memo:
            self._memo["kept"] = _kept_by_every_generator(self.group, self.x, self.colours)
        return self._memo["kept"]


def _ask(group, x, method, force, limit, target=None):
    """One call of a door: the point (checked), its colouring and the 'kept by every generator' test, on demand."""
    return _ImageAsk(group, x, target, method, force, limit)


def _why_not_natural(ask):
    if _natural.applies(ask.group):
        return None
    return f"needs the symmetric group, or the alternating group on at least 5 pixels; {ask.group.name} is neither"


def _whole_group(ask):
    """The backtrack's first test, a rung of its own under 'auto': every generator keeps x, so Stab = G."""
    return None if ask.kept() else "a generator moves the image"


_COLD_ORDER = tuning("vectorised_cold_order")


def _fits(ask):
    group = ask.group
    if not elements_fit(group):
        return "the group is too large to list (TUNING['vectorised_order'])"
    if not group.elements_listed and group.order() > _COLD_ORDER:
        return (f"|G| = {group.order()} is over TUNING['vectorised_cold_order'] = {_COLD_ORDER} and G's elements "
                "are not listed yet: the backtrack answers one image without listing them")
    return None


_LISTING_ORBIT = tuning("listing_orbit")

#: Points a first attempt of the listing route searches on a fresh small group (order unknown) before giving up.
ATTEMPT_POINTS = 256

#: Largest degree on which 'auto' makes that attempt (past it, a failed attempt costs more than it may save).
ATTEMPT_DEGREE = 64


def _small_orbit(ask):
    """'auto' searches the orbit first when it cannot exceed TUNING['listing_orbit'] points: the images of x's
    weight (weights, for a tuple), or |G| when it is known already, bound it (:func:`~exactorbit.actions.orbit_bound`)."""
    bound = orbit_bound(ask.group, ask.x)
    most = _LISTING_ORBIT if ask.limit is None else min(_LISTING_ORBIT, limit_value("orbit_points", ask.limit))
    if bound <= most or (ask.target is not None and ask.target == ask.x):  # a == b: the search's root
        ask.cap = None
        return None
    return f"the orbit may have up to {bound} points, over TUNING['listing_orbit'] = {_LISTING_ORBIT} (or the limit)"


def _fresh_small_group(ask):
    """On a group of at most ATTEMPT_DEGREE pixels whose order is not known yet (no chain, no listing), 'auto'
    searches the orbit first, giving up past ATTEMPT_POINTS points: a small orbit needs no chain at all."""
    group = ask.group
    if group.n > ATTEMPT_DEGREE:
        return f"{group.n} pixels is over ATTEMPT_DEGREE = {ATTEMPT_DEGREE}"
    if group._order is not None or group.elements_listed:
        return "the group's order is known: the bound above decides"
    ask.cap = ATTEMPT_POINTS
    return None


def _listed(ask):
    """G's elements are listed already (an earlier question): the vectorised route reads them at once."""
    return None if ask.group.elements_listed else "G's elements are not listed yet"


def _natural_decided(ask):
    """S_n and A_n first only when that is known already (deciding it may cost a Schreier-Sims; a known order
    decides it at once)."""
    return None if ask.group.natural_kind_known else "whether G is S_n or A_n is not known yet"


def _natural_known(ask):
    """The stabilizer's first rung: S_n and A_n first when that is known already, or when ten random
    elements prove it at once (Jordan's test, on a transitive group of at least JORDAN_DEGREE pixels): then the
    listing never builds S_(n-1) from Schreier generators (the other questions' listings need no order)."""
    group = ask.group
    if (not group.natural_kind_known and group.n >= JORDAN_DEGREE and is_transitive(group.generators, group.n)
            and jordan_alt_sym([tuple(g) for g in group.generators], group.n, tries=10)):
        group.natural_kind  # noqa: B018 - decided now (the same first tries prove it), kept as the group's fact
    return None if group.natural_kind_known else "whether G is S_n or A_n is not known yet"


#: The stabilizer's 'auto' ladder: S_n and A_n in closed form when known (or proven at once by Jordan's test);
#: a union of orbits at once (the backtrack's first test, before any listing or chain: Stab = G with G's own
#: generators); a small orbit searched along the generators (no chain, no listing), or a first attempt at it on a
#: fresh small group; the vectorised route when the elements are listed; the torus route; S_n and A_n; the
#: vectorised route when the elements fit; else the backtrack.
_STABILIZER_LADDER = (Step("natural", guard=_natural_known), Step("backtrack", when=_whole_group),
                      Step("listing", when=_small_orbit), Step("listing", when=_fresh_small_group, gives_up=(GaveUp,)),
                      Step("vectorised", when=_listed), Step("torus"), Step("natural"),
                      Step("vectorised", when=_fits, quick=False), Step("backtrack"))
#: The other doors' ladder: the same, but S_n and A_n first only when known (their listings need no |G|), and a
#: small orbit searched before the union-of-orbits test (the search's first round is that test).
_LADDER = (Step("natural", guard=_natural_decided), _STABILIZER_LADDER[2], _STABILIZER_LADDER[1]) \
    + _STABILIZER_LADDER[3:]


def _same_point(ask):
    """A transporter from x to x: the orbit search's root, the identity, at once."""
    return None if ask.target is not None and ask.target == ask.x else "the two images differ"


#: The transporter's ladder: the same, after the identity for x to x.
_TRANSPORTER_LADDER = (_LADDER[0], Step("listing", when=_same_point)) + _LADDER[1:]


def _why_not_torus(ask):
    if ask.group.torus_structure is not None:
        return None
    return f"needs a torus group T x| P (all translations, with point symmetries); {ask.group.name} is not one"


def _door(question, natural, vectorised, backtrack, listing, torus, ladder=_LADDER):
    """A door of this module: the five routes with this question's run functions, the shared ladder."""
    return Door(question, [
        Route("natural", "S_n and A_n in closed form (the colour classes)", natural, applies=_why_not_natural),
        Route("torus", "T x| P in closed form: translations checked where the rarest colour goes (numpy)", torus,
              applies=_why_not_torus),
        Route("vectorised", "every listed element applied at once (numpy)", vectorised),
        Route("backtrack", "a search over the stabilizer chain with refinement and pruning", backtrack),
        Route("listing", "the orbit searched point by point (definitional)", listing),
    ], auto=ladder, refusal="method '{name}' {reason}")


def _vectorised_ready(ask):
    """The vectorised route lists the group once (cached): ``force`` lifts ``LIMITS["group_elements"]`` there."""
    ask.group.element_inverse_array(force=ask.force)
    return ask.colours()


def _element(array):
    return tuple(array) if isinstance(array, list) else tuple(array.tolist())


def _point(colours, like):
    """A colouring back as a mask, or a tuple of masks shaped like ``like``."""
    if isinstance(like, tuple):
        return tuple(to_mask((colours >> j) & 1) for j in range(len(like)))
    return to_mask(colours)


# -- stabilizer: (generators, order) per route ------------------------------------------------------------------

def _stabilizer_natural(ask):
    arrays, order = _natural.stabilizer_generators(ask.colours(), _natural.applies(ask.group))
    return [_element(g) for g in arrays], order


def _stabilizer_vectorised(ask):
    rows = _vectorised.stabilizer_elements(ask.group, _vectorised_ready(ask))
    return _vectorised.generators_of(ask.group, rows, len(rows)), len(rows)


def _stabilizer_backtrack(ask):
    if ask.kept():  # a union of orbits (the empty and the full image): Stab = G
        return list(ask.group.generators), ask.group.order()
    arrays, order = _backtrack.stabilizer_search(ask.group.chain(), ask.colours(), force=ask.force, limit=ask.limit)
    return [_element(g) for g in arrays], order


STABILIZER = _door("stabilizer", _stabilizer_natural, _stabilizer_vectorised, _stabilizer_backtrack,
                   lambda ask: _listing.stabilizer(ask.group, ask.x, ask.force, ask.limit, _cap(ask)),
                   lambda ask: _torus.stabilizer(ask.group, ask.colours()), _STABILIZER_LADDER)


def stabilizer(group: PixelGroup, x: Any, *, method: str = "auto", force: bool = False,
               limit: int | None = None) -> PixelGroup:
    """The stabilizer of an image (or of a tuple: the intersection) as a subgroup with exact order.

    The result is a :class:`~exactorbit.groups.PixelGroup` named ``Stab(x)`` (x's picture on grids of at most
    64 pixels, e.g. ``Stab(#./..)``, else its mask); its
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
    x = check_point(group, x)
    STABILIZER.check(method)
    (gens, order), route = STABILIZER.run(_ask(group, x, method, force, limit), method)
    return PixelGroup._trusted(group.grid, gens, name=f"Stab({_title(x, group.grid)})", order=order, method=route)


def _title(x, grid):
    """An image as a stabilizer's name says it: its picture ('#./..') on small grids, else its mask."""
    if grid.n > 64:
        return f"mask {x}" if not isinstance(x, tuple) else "masks " + ", ".join(map(str, x))
    return render_text(x, grid) if not isinstance(x, tuple) else ", ".join(render_text(m, grid) for m in x)


# -- orbit size ---------------------------------------------------------------------------------------------------

def _orbit_size_backtrack(ask):
    if ask.kept():  # every element keeps x: the orbit is {x}
        return 1
    return ask.group.order() // stabilizer(ask.group, ask.x, method="backtrack").order()


ORBIT_SIZE = _door("orbit_size",
                   lambda ask: ask.group.order() // stabilizer(ask.group, ask.x, method="natural").order(),
                   lambda ask: _vectorised.orbit_size(ask.group, _vectorised_ready(ask)),
                   _orbit_size_backtrack,
                   lambda ask: _listing.orbit_size(ask.group, ask.x, ask.force, ask.limit, _cap(ask)),
                   lambda ask: _torus.orbit_size(ask.group, ask.colours()))


def orbit_size(group: PixelGroup, x: Any, *, method: str = "auto", force: bool = False,
               limit: int | None = None) -> int:
    """Size of the orbit of an image (or of a tuple of images): |G| / |Stab(x)|, without listing the orbit.

    >>> from exactorbit.groups import translations
    >>> orbit_size(translations("2x2"), 0b0110)
    2
    """
    x = check_point(group, x)
    ORBIT_SIZE.check(method)
    return RoutedInt(*ORBIT_SIZE.run(_ask(group, x, method, force, limit), method))


# -- transporter ----------------------------------------------------------------------------------------------------

def _transporter_natural(ask):
    kind = _natural.applies(ask.group)
    if not isinstance(ask.x, tuple):
        return _natural.set_transporter(ask.x, ask.target, ask.group.n, kind)
    return _natural.transporter(ask.colours(), colouring(ask.target, ask.group.n), kind)


def _transporter_backtrack(ask):
    if ask.kept():  # the orbit of a is {a}
        return tuple(range(ask.group.n)) if ask.x == ask.target else None
    return _backtrack.transporter_search(ask.group.chain(), ask.colours(), colouring(ask.target, ask.group.n),
                                         force=ask.force, limit=ask.limit)


def _transporter_torus(ask):
    g = _torus.transporter(ask.group, ask.colours(), colouring(ask.target, ask.group.n))
    return None if g is None else _element(g)


TRANSPORTER = _door("transporter", _transporter_natural,
                    lambda ask: _vectorised.transporter(ask.group, _vectorised_ready(ask),
                                                        colouring(ask.target, ask.group.n)),
                    _transporter_backtrack,
                    lambda ask: _listing.transporter(ask.group, ask.x, ask.target, ask.force, ask.limit, _cap(ask)),
                    _transporter_torus, _TRANSPORTER_LADDER)


def transporter(group: PixelGroup, a: Any, b: Any, *, method: str = "auto", force: bool = False,
                limit: int | None = None) -> tuple[int, ...] | None:
    """An element g with a^g = b (a, b images or tuples of images), or None: set (or tuple) isomorphism.

    >>> from exactorbit.groups import translations
    >>> transporter(translations("1x3"), 0b001, 0b100)
    (2, 0, 1)
    >>> transporter(translations("1x3"), 0b001, 0b011) is None
    True
    """
    auto = TRANSPORTER.is_auto(method)  # first (method checked): a numpy array compared with == has no truth value
    if type(a) is int and type(b) is int and type(group) is PixelGroup and 0 <= a and 0 <= b:
        n = group.grid.n
        if not (a | b) >> n:  # two masks: the quick cases first, a few microseconds as in GAP
            kind = group.natural_kind if group.natural_kind_known else None
            if kind == "symmetric" and (auto or method == "natural"):  # the ladder's first rung, or asked for
                if a.bit_count() != b.bit_count():
                    return None
                return RoutedTuple(_element(_natural.set_transporter(a, b, n, "symmetric")), "natural")
            if a == b and auto and not kind:  # the ladder's identity rung (its first rung, S_n or A_n, is
                return RoutedTuple(identity(n), "listing")  # taken only when that is known)
    a = check_point(group, a, "a")
    b = check_point(group, b, "b")
    if type(a) is not int or type(b) is not int:
        if isinstance(a, tuple) != isinstance(b, tuple) or (isinstance(a, tuple) and len(a) != len(b)):
            raise InvalidArgument(f"a and b must both be images or tuples of one length: {a!r}, {b!r}")
        if isinstance(a, tuple) and [m.bit_count() for m in a] != [m.bit_count() for m in b]:
            return None
    if not isinstance(a, tuple) and a.bit_count() != b.bit_count():
        return None
    g, route = TRANSPORTER.run(_ask(group, a, method, force, limit, b), method)
    return None if g is None else RoutedTuple(g if type(g) is tuple else _element(g), route)


# -- canonical image: CanonicalImage per route --------------------------------------------------------------------

def _canonical_natural(ask):
    found = _natural.minimal_image(ask.colours(), _natural.applies(ask.group))
    if found is None:  # A_n with every class a single point: the search answers (and says so)
        return _canonical_backtrack(ask)
    image, g = found
    return CanonicalImage(_point(image, ask.x), _element(g), "natural")


def _canonical_vectorised(ask):
    image, g = _vectorised.minimal_image(ask.group, _vectorised_ready(ask))
    return CanonicalImage(_point(image, ask.x), _element(g), "vectorised")


def _canonical_backtrack(ask):
    if ask.kept():  # the orbit is {x}: x is minimal, the identity reaches it
        return CanonicalImage(ask.x, tuple(range(ask.group.n)), "backtrack")
    image, g = _backtrack.minimal_image_search(ask.group, ask.colours(), force=ask.force, limit=ask.limit)
    return CanonicalImage(_point(image, ask.x), _element(g), "backtrack")


def _canonical_listing(ask):
    image, g = _listing.minimal_image(ask.group, ask.x, ask.force, ask.limit, _cap(ask))
    return CanonicalImage(image, tuple(g), "listing")


def _canonical_torus(ask):
    image, g = _torus.minimal_image(ask.group, ask.colours())
    return CanonicalImage(_point(image, ask.x), _element(g), "torus")


CANONICAL_IMAGE = _door("canonical_image", _canonical_natural, _canonical_vectorised, _canonical_backtrack,
                        _canonical_listing, _canonical_torus)


def canonical_image(group: PixelGroup, x: Any, *, method: str = "auto", force: bool = False,
                    limit: int | None = None) -> CanonicalImage:
    """A canonical image of x's orbit with an element reaching it: here the minimal image (see :func:`minimal_image`).

    Equal for all images of one orbit, different across orbits; ``x^element == image``.

    >>> from exactorbit.groups import translations
    >>> c = canonical_image(translations("1x4"), 0b1100)
    >>> c.image, c.element
    (3, (2, 3, 0, 1))
    """
    x = check_point(group, x)
    CANONICAL_IMAGE.check(method)
    return CANONICAL_IMAGE.run(_ask(group, x, method, force, limit), method)[0]


#: The doors of this module by question (``exactorbit.routes(question, group, x)``).
DOORS = {door.question: door for door in (STABILIZER, ORBIT_SIZE, TRANSPORTER, CANONICAL_IMAGE)}


def routes_for(question, group, x, target=None, *, force=False, limit=None):
    """Which routes of one door of this module apply to the image x, why the others do not, and which 'auto' takes.

    ``question``: 'stabilizer', 'orbit_size', 'transporter' (with ``target``) or
    'canonical_image' (also minimal_image and is_minimal_image).

    >>> from exactorbit.groups import named_group
    >>> routes_for("stabilizer", named_group("translations+dihedral", "3x3"), 0b000010010).auto
    'listing'
    >>> routes_for("stabilizer", named_group("translations+dihedral", "12x12"), 0b1011).auto
    'torus'
    >>> routes_for("stabilizer", named_group("symmetric", "28x28"), 1).auto
    'natural'
    """
    from .._validation import check_choice

    question = check_choice("question", question, ("minimal_image", "is_minimal_image", *DOORS))
    door = DOORS.get(question, CANONICAL_IMAGE)
    x = check_point(group, x)
    if target is not None:
        target = check_point(group, target, "target")
    check_force(force)
    limit_value("orbit_points", limit)   # checked here: the table reads it
    return door.explain(_ask(group, x, "auto", force, limit, target))


def minimal_image(group: PixelGroup, x: Any, *, method: str = "auto", force: bool = False,
                  limit: int | None = None) -> Any:
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
    return minimal_image(group, x, method=method, force=force, limit=limit) == check_point(group, x)
