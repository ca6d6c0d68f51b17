"""Orbit decomposition: the orbits of a pixel group on all 2^n images, or on any G-closed set of images.

One question, one front door: :func:`decompose` answers "how does G split the
image space into orbits?" with ``method="auto"`` or a named route, and returns an
:class:`OrbitDecomposition` whose ``method`` names the route that ran:

* ``"enumerate"`` (:mod:`exactorbit.orbits._enumerate`): every image visited,
  at memory speed; minimal-orbit features listed, and with ``labels=True`` every
  image's orbit label (its minimal image);
* ``"torus"`` (:mod:`exactorbit.orbits._torus`): no 2^n enumeration and no
  subgroup lattice of G; for G = T x| P (every translation of the torus, affine
  generators, e.g. ``translations+dihedral``), the spectrum from the subgroups of
  the translation lattice, the point group and its cocycles;
* ``"generators"`` (:mod:`exactorbit.orbits._generators`): every image visited,
  no element of G listed: the orbits are the connected components of the graph
  x -- g_i.x over the generators (vectorised union-find), so the cost is about
  2^n x (number of generators) whatever |G|; labels and features as above;
* ``"symbolic"`` (:mod:`exactorbit.orbits._symbolic`): no 2^n enumeration; the
  spectrum from the closed subgroups and their table of marks (any group).

``"auto"`` enumerates when G is small enough to list and the estimate is within
the default limits; otherwise, on grids of at most 24 pixels, it runs the
generators route; past that, the torus route when G has that form, and the
symbolic route if not.
:func:`orbit_classes` lists the orbits themselves (as :class:`OrbitClass` records)
of all images or of a G-closed set of images: the one place in the package where
orbit classes of a set are computed.

The *minimal orbits* are the smallest orbits; ``smallest_orbit_size`` includes
the two constant images (always orbits of size 1), while
``smallest_nonconstant_orbit_size`` and ``minimal_orbit_features`` (minimal
images of the smallest non-constant orbits, the smallest masks first, at most
``max_features``) exclude them.

>>> from exactorbit.groups import named_group
>>> d = decompose(named_group("translations+dihedral", "3x3"))
>>> d.orbits, d.orbit_sizes, d.method
(26, {1: 2, 6: 4, 9: 6, 18: 4, 36: 10}, 'enumerate')
>>> d.smallest_nonconstant_orbit_size, d.minimal_orbit_features  # rows and their complements, ...
(6, (7, 63, 84, 238))

Two per-image arrays of the enumerative route are questions of their own:
:func:`orbit_labels` (every image's minimal image) and :func:`stabilizer_orders`
(every image's |Stab|); :func:`estimate_enumeration` gives that route's cost.

See also: :func:`exactorbit.counting.burnside_count` (the number of orbits alone),
:func:`exactorbit.actions.orbit` (the orbit of one image) and
:mod:`exactorbit.stabilizers` (one image's stabilizer, orbit size and minimal image).
"""

from __future__ import annotations

import functools
import math
from typing import TYPE_CHECKING

import numpy as np

from .._parallel import check_parallel
from .._budget import check_force, limit_value, refuse_if_over, tuning
from .._routes import Ask, Door, Route, Step
from .._validation import check_flag, check_int, check_items, check_mask, describe
from .._perm.perms import apply_mask as _apply
from ..actions import apply_many
from ..errors import InvalidArgument
from ..groups import check_group as _check_group
from ._enumerate import (AUTO_LIST_ENTRIES, MAX_FEATURES, enumerate_orbits, enumeration_fits,
                         estimate_enumeration as _estimate_enumeration,
                         orbit_labels as _enumerated_labels, stabilizer_orders)
from ._generators import AUTO_PIXELS, estimate_generators, generator_labels, generator_orbits, generators_fit
from ._result import OrbitClass, OrbitDecomposition
from ._subsets import MAX_PIXELS as SUBSET_PIXELS, subset_orbits
from ._symbolic import orbit_spectrum
from ._torus import torus_spectrum, torus_structure

if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any

    from numpy.typing import NDArray

    from .._routes import RouteTable
    from ..groups import PixelGroup

__all__ = [
    "OrbitDecomposition",
    "OrbitClass",
    "decompose",
    "orbit_classes",
    "METHODS",
    "LABEL_METHODS",
    "orbit_labels",
    "stabilizer_orders",
    "estimate_enumeration",
    "estimate_generators",
    "routes_for",
]

#: The routes of :func:`decompose` (``DOOR.methods``).
METHODS = ("auto", "subsets", "enumerate", "generators", "symbolic", "torus")

#: The routes of :func:`orbit_labels` (the ones that visit every image; ``LABELS_DOOR.methods``).
LABEL_METHODS = ("auto", "enumerate", "generators")


@functools.wraps(_estimate_enumeration)
def estimate_enumeration(group: PixelGroup, weight: int | None = None, *, labels: bool = False) -> dict[str, int]:
    # the public door: ``labels`` checked here (a numpy array has no truth value)
    return _estimate_enumeration(group, weight, labels=check_flag("labels", labels))



def _said(estimate):
    """An estimate dict as text: "512 images, about 1 s, 67114496 bytes"."""
    return ", ".join(f"about {v} s" if k == "seconds" else f"{v} {k.replace('_', ' ')}" for k, v in estimate.items())


def _too_big_to_list(ask):
    """On a grid 'auto' may visit whole, G too large to list quickly (|G| x n over TUNING["enumerate_list_entries"])."""
    group = ask.group
    return group.n <= AUTO_PIXELS and group.order() * max(1, group.n) > AUTO_LIST_ENTRIES


def _symmetric_closed_form(ask):
    group = ask.group
    if ask.labels or group.n <= tuning("symmetric_visit_pixels") or not group.is_symmetric:
        return "only S_n past TUNING['symmetric_visit_pixels'] pixels, without labels, is answered in closed form first"
    return None


def _enumerate_fits(ask):
    if _too_big_to_list(ask):
        return f"G is too large to list quickly (|G| x n over {AUTO_LIST_ENTRIES} entries)"
    if not enumeration_fits(ask.group, ask.weight, labels=ask.labels):
        return "the enumeration is estimated over its default limits"
    return None


def _generators_fit(ask):
    if ask.group.n > AUTO_PIXELS:
        return f"the grid has more than {AUTO_PIXELS} pixels"
    return None if generators_fit(ask.group, ask.weight) else "the generators route is estimated over its limits"


def _small_labels_grid(ask):
    return None if ask.labels and ask.group.n <= AUTO_PIXELS else "only when labels are asked on a small grid"


def _labels_asked(ask):
    return None if ask.labels else "only when labels are asked (its guard then says what it costs)"


def _no_labels(route):
    def why_not(ask):
        if ask.labels:
            return f"labels=True needs method 'enumerate' or 'generators' (the {route} route lists no image)"
        return None
    return why_not


def _torus_group(ask):
    """The torus route's TorusGroup (point-group subgroups and all), built once per call."""
    return ask.memo("torus", lambda: torus_structure(ask.group))


def _torus_applies(ask):
    return _no_labels("torus")(ask) or (
        None if _torus_group(ask) is not None else
        f"method 'torus' needs a group containing every translation of the torus, with affine generators and a "
        f"point group of order at most {tuning('point_group')}; use method 'symbolic'")


def _run_enumerate(ask):
    return enumerate_orbits(ask.group, ask.weight, labels=ask.labels, force=ask.force, limit=ask.limit,
                            max_features=ask.max_features, progress=ask.progress, workers=ask.workers,
                            scheduler=ask.scheduler)


def _run_generators(ask):
    return generator_orbits(ask.group, ask.weight, labels=ask.labels, force=ask.force, limit=ask.limit,
                            max_features=ask.max_features, progress=ask.progress)


def _subsets_applies(ask):
    if ask.weight is None:
        return "it needs a weight (it visits the images of one weight)"
    if ask.labels:
        return "it gives no labels (it visits the images of one weight only)"
    if ask.group.n > SUBSET_PIXELS:
        return f"it needs at most {SUBSET_PIXELS} pixels (masks as uint64); the grid has {ask.group.n}"
    return None


def _subsets_small(ask):
    count, bound = math.comb(ask.group.n, ask.weight), tuning("subsets_images")
    return None if count <= bound else f"C(n, k) = {count} images, over TUNING['subsets_images'] = {bound}"


def _subsets_estimate(ask):
    return f"{math.comb(ask.group.n, ask.weight)} images of weight {ask.weight}"


def _run_subsets(ask):
    count = math.comb(ask.group.n, ask.weight)
    refuse_if_over(f"visiting the {count} images of weight {ask.weight}", count, "orbit_points", force=ask.force)
    return subset_orbits(ask.group, ask.weight, max_features=ask.max_features)


#: The routes of :func:`decompose` and its 'auto' ladder, as data (``exactorbit.routes("decompose", G)``).
DOOR = Door("decompose", [
    Route("subsets", "the C(n, k) images of one weight, union-find over the generators (any |G|)", _run_subsets,
          applies=_subsets_applies, estimate=_subsets_estimate),
    Route("enumerate", "every image visited over the listed elements (labels, features)", _run_enumerate,
          estimate=lambda ask: _said(_estimate_enumeration(ask.group, ask.weight, labels=ask.labels))),
    Route("generators", "every image visited by union-find over the generators (any |G|)", _run_generators,
          estimate=lambda ask: _said(estimate_generators(ask.group, ask.weight))),
    Route("symbolic", "the spectrum from the closed subgroups and their table of marks", lambda ask: orbit_spectrum(
        ask.group, ask.weight, force=ask.force, limit=ask.limit, progress=ask.progress), applies=_no_labels("symbolic"),
          quick=False),
    Route("torus", "T x| P: the spectrum from the translation lattices, the point group and its cocycles",
          lambda ask: torus_spectrum(ask.group, ask.weight, force=ask.force, limit=ask.limit, progress=ask.progress,
                                     structure=_torus_group(ask)), applies=_torus_applies),
], auto=[
    Step("symbolic", when=_symmetric_closed_form),  # S_n: the weight classes, where visiting 2^n images costs seconds
    Step("subsets", when=_subsets_small),  # one weight: its C(n, k) images only, whatever |G|
    Step("generators", when=lambda ask: (None if _too_big_to_list(ask) else "G is small enough to list")
         or _generators_fit(ask), quick=False),
    Step("enumerate", when=_enumerate_fits, quick=False),
    Step("generators", when=_generators_fit, quick=False),
    Step("generators", when=_small_labels_grid),
    Step("enumerate", when=_labels_asked),
    Step("torus"),
    Step("symbolic"),
], refusal="{reason}")

#: The routes of :func:`orbit_labels` (those that visit every image) and its 'auto' ladder.
LABELS_DOOR = Door("orbit_labels", [
    Route("enumerate", "minimal images over the listed elements (Dask with workers)", lambda ask: _enumerated_labels(
        ask.group, force=ask.force, limit=ask.limit, progress=ask.progress, workers=ask.workers,
        scheduler=ask.scheduler)),
    Route("generators", "union-find over the generators, any |G|", lambda ask: generator_labels(
        ask.group, force=ask.force, limit=ask.limit, progress=ask.progress)),
], auto=[
    Step("generators", when=lambda ask: (None if _too_big_to_list(ask) else "G is small enough to list")
         or _generators_fit(ask), quick=False),
    Step("enumerate", when=_enumerate_fits, quick=False),
    Step("generators", when=_generators_fit, quick=False),
    Step("generators", when=lambda ask: None if ask.group.n <= AUTO_PIXELS else f"the grid has more than "
         f"{AUTO_PIXELS} pixels"),
    Step("enumerate"),
])


def _decompose_ask(group, weight, method, labels, force, limit, max_features, progress, workers, scheduler):
    _check_group(group)
    if weight is not None:
        weight = check_int("weight", weight, min_value=0, max_value=group.n)
    DOOR.check(method)
    check_parallel(workers, scheduler)
    if not isinstance(labels, bool):
        raise InvalidArgument(f"labels must be True or False, got {describe(labels)}")
    return Ask(group=group, weight=weight, method=method, labels=labels, force=force, limit=limit,
               max_features=max_features, progress=progress, workers=workers, scheduler=scheduler)


def routes_for(group: PixelGroup, weight: int | None = None, *, labels: bool = False, force: bool = False,
               limit: int | None = None) -> RouteTable:
    """Which routes of :func:`decompose` apply, why the others do not, their estimates, and which 'auto' takes.

    >>> from exactorbit.groups import named_group
    >>> t = routes_for(named_group("translations+dihedral", "28x28"))
    >>> t.auto, t["enumerate"]["applies"], t["symbolic"]["applies"]
    ('torus', True, True)
    """
    check_force(force)
    limit_value("enumeration_seconds", limit)   # checked here: the table reads it
    return DOOR.explain(_decompose_ask(group, weight, "auto", labels, force, limit, MAX_FEATURES, None, None, None))


def decompose(group: PixelGroup, weight: int | None = None, *, method: str = "auto", labels: bool = False,
              force: bool = False, limit: int | None = None, max_features: int = MAX_FEATURES,
              progress: bool | None = None, workers: int | None = None, scheduler: Any = None) -> OrbitDecomposition:
    """Orbit decomposition of all images (or of those of weight k) by ``method``.

    ``method``: 'auto', 'subsets', 'enumerate', 'generators', 'symbolic' or 'torus'.

    With a ``weight`` k, 'auto' first takes the subsets route when the C(n, k) images
    of that weight are at most ``TUNING["subsets_images"]``: union-find over those
    images alone along the generators, whatever |G| (its bound is
    ``LIMITS["orbit_points"]``, which ``force=True`` lifts; ``limit`` bounds the other
    routes).  S_n is answered by its weight classes before that.  Otherwise 'auto' enumerates grids of at most 30 pixels when G is small enough to list
    and the estimate is within the limits; otherwise, on grids of at most 24
    pixels, it runs the generators route (union-find over the generators, any
    |G|); past that, the torus route when G contains every translation of the
    torus and its generators are affine (any presentation of such a group), and
    the symbolic table-of-marks route for any other group (S_n past 16 pixels: its
    weight classes at once).  ``labels=True``
    (every image's minimal image in ``.labels``) needs a route that visits every
    image: 'enumerate' or 'generators'.  ``limit``
    bounds the enumeration's estimated seconds, or the symbolic and torus routes'
    array entries; ``force=True`` lifts the bound.  ``workers=N`` (a local Dask
    cluster of N processes) or ``scheduler=ADDRESS`` (a running one, or a
    ``dask.distributed.Client``) runs the enumerative route's chunks on Dask, with
    the same answer; the generators, symbolic and torus routes run here.
    :func:`routes_for` tells which routes apply and which 'auto' takes.

    >>> from exactorbit.groups import named_group
    >>> G = named_group("translations+dihedral", "4x4")
    >>> decompose(G, method="symbolic").orbit_sizes == decompose(G, method="enumerate").orbit_sizes
    True
    >>> d = decompose(named_group("translations+dihedral", "28x28"))   # order 6272, 2^784 images
    >>> d.method, d.smallest_nonconstant_orbit_size
    ('torus', 2)
    >>> S = named_group("symmetric", "4x4")   # order 16!: no element listed, 17 weight classes
    >>> d = decompose(S); d.method, d.orbits, d.minimal_orbit_features
    ('generators', 17, (1, 32767))
    """
    ask = _decompose_ask(group, weight, method, labels, force, limit, max_features, progress, workers, scheduler)
    result, _ = DOOR.run(ask, method)
    result.grid = group.grid
    return result


def orbit_labels(group: PixelGroup, *, method: str = "auto", force: bool = False, limit: int | None = None,
                 progress: bool | None = None, workers: int | None = None, scheduler: Any = None
                 ) -> NDArray[np.uint32]:
    """Every image's orbit label, its minimal image, as a numpy uint32 array of length 2^n.

    ``method``: 'enumerate' (minimal images over the listed elements; ``workers``
    / ``scheduler`` run it on Dask), 'generators' (union-find over the
    generators, any |G|, run here), or 'auto' (as :func:`decompose` chooses).
    Both routes give the same array.

    >>> from exactorbit.groups import symmetric, translations
    >>> orbit_labels(translations("1x3")).tolist()
    [0, 1, 1, 3, 1, 3, 3, 7]
    >>> orbit_labels(symmetric("1x3"), method="generators").tolist()   # the weight classes
    [0, 1, 1, 3, 1, 3, 3, 7]
    """
    _check_group(group)
    LABELS_DOOR.check(method)
    check_parallel(workers, scheduler)
    ask = Ask(group=group, weight=None, labels=True, force=force, limit=limit, progress=progress, workers=workers,
              scheduler=scheduler)
    return LABELS_DOOR.run(ask, method)[0]


def orbit_classes(group: PixelGroup, points: Iterable[int] | None = None, *, name: str = "points",
                  decomposition: OrbitDecomposition | None = None, force: bool = False, limit: int | None = None
                  ) -> list[OrbitClass]:
    """The orbits of G on all 2^n images (``points`` None) or on a G-closed set of masks, by representative.

    Each orbit is an :class:`OrbitClass`: the pair (smallest mask, size), with the
    sorted orbit as ``.members``.  All images: read off the labels of
    :func:`decompose` (pass a labelled ``decomposition`` to reuse one; the
    enumerative route, or the generators route when G is too large to list).  A set of
    points: union-find along the generators, so the orbits of a set of k masks
    cost about k * (number of generators) applications; InvalidArgument (naming
    the set as ``name``) when it is not a union of orbits.

    >>> from exactorbit.groups import translations
    >>> orbit_classes(translations("1x2"))
    [(0, 1), (1, 2), (3, 1)]
    >>> [c.members for c in orbit_classes(translations("1x4"), [5, 10, 1, 2, 4, 8])]
    [(1, 2, 4, 8), (5, 10)]
    """
    _check_group(group)
    if points is None:
        d = decomposition
        if d is None:
            d = decompose(group, labels=True, force=force, limit=limit)
        elif not isinstance(d, OrbitDecomposition) or d.labels is None or len(d.labels) != 1 << group.n:
            raise InvalidArgument(f"decomposition must be a labelled OrbitDecomposition of G, got {describe(d)}")
        return d.classes()
    return _union_find_classes(group, points, name)


def _union_find_classes(group, points, name):
    try:
        points = check_items(name, points)
    except InvalidArgument:
        raise InvalidArgument(f"{name} must be a collection of image masks, got {describe(points)}") from None
    points = sorted({check_mask(f"{name} entry", p, group.n) for p in points})
    index = {p: i for i, p in enumerate(points)}
    parent = list(range(len(points)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for s in group.generators:
        if group.n <= 64 and points and max(points) < 2**63:
            moved = apply_many(s, np.array(points, dtype=np.uint64)).tolist()
        else:
            moved = [_apply(s, p) for p in points]
        for i, q in enumerate(moved):
            j = index.get(int(q))
            if j is None:
                raise InvalidArgument(
                    f"{name} must be a union of G-orbits: a generator sends {points[i]} to {int(q)}, which is missing"
                )
            a, b = find(i), find(j)
            if a != b:
                parent[max(a, b)] = min(a, b)
    groups = {}
    for i, p in enumerate(points):
        groups.setdefault(find(i), []).append(p)
    return sorted((OrbitClass._trusted(tuple(v)) for v in groups.values()), key=lambda c: c.representative)
