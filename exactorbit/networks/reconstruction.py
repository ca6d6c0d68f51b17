"""Reconstruction probabilities: P(F(x) = x) for every image x, over a uniformly drawn parameter setting.

One front door, :func:`reconstruction_probabilities` (and its integer form
:func:`reconstruction_counts`), with ``method="auto"`` or a named route; the
result is a list indexed by image mask whose ``.method`` names the route:

* ``"direct"`` (:mod:`._direct`): a count for every image (untied: a closed form
  over hidden codes; tied: a dynamic programme over the weight matrix's columns);
* ``"by_weight"`` (:mod:`._by_weight`): one count per number of on-pixels, then
  read off per image.  The families are invariant under every pixel
  permutation, so the two agree (tested against each other and the naive twin).

'auto' runs the direct route when its estimate is within ``LIMITS["network_work"]``
and otherwise the by-weight route.  :func:`reconstruction_probabilities_by_weight`
is the by-weight answer itself (per weight, any number of inputs through a
:class:`~exactorbit.networks.FamilySpec`).

>>> from exactorbit.networks import NetworkFamily
>>> fam = NetworkFamily("2x2", 1, alphabet=(0, 1))
>>> probs = reconstruction_probabilities(fam)
>>> probs[0b0000], probs[0b0001], probs[0b0011], probs.method
(Fraction(313, 2750), Fraction(101, 1375), Fraction(84, 1375), 'direct')

See also: :func:`exactorbit.networks.conditioned_reconstruction` (given a training set).
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING

from .._budget import LIMITS, refuse_if_over
from .._routes import Ask, Door, Route, RoutedList, Step
from ..errors import InvalidArgument
from ._by_weight import _by_weight_estimate, _counts_by_weight
from ._direct import _direct_counts_estimate, _tied_counts, _untied_counts
from .family import _family, _spec, _spec_settings, parameter_settings

if TYPE_CHECKING:
    from .._routes import RouteTable
    from .family import FamilySpec, NetworkFamily

__all__ = [
    "METHODS",
    "reconstruction_counts",
    "reconstruction_probabilities",
    "reconstruction_counts_by_weight",
    "reconstruction_probabilities_by_weight",
    "routes_for",
]

#: The routes of :func:`reconstruction_counts` and :func:`reconstruction_probabilities` (``DOOR.methods``).
METHODS = ("auto", "direct", "by_weight")


def _direct_work(ask):
    return ask.memo("direct", lambda: _direct_counts_estimate(ask.family))


def _direct_fits(ask):
    """'auto' runs the direct route when its estimate is within the default ``LIMITS["network_work"]``."""
    work, bound = _direct_work(ask), LIMITS["network_work"].value
    return None if work <= bound else f"its estimate {work} units of work is over LIMITS['network_work'] = {bound}"


def _run_direct(ask):
    fam = ask.family
    refuse_if_over(f"the per-image reconstruction counts of {fam.describe()}", _direct_work(ask), "network_work",
                   limit=ask.limit, force=ask.force)
    return _tied_counts(fam) if fam.tied else _untied_counts(fam)


def _run_by_weight(ask):
    by_weight = reconstruction_counts_by_weight(ask.family, force=ask.force, limit=ask.limit)
    return [by_weight[x.bit_count()] for x in range(2**ask.family.n)]


#: The routes of :func:`reconstruction_counts` and its 'auto' ladder, as data.
DOOR = Door("reconstruction_counts", [
    Route("direct", "a count for every image (untied: a closed form over hidden codes; tied: a dynamic programme "
          "over the weight matrix's columns)", _run_direct,
          estimate=lambda ask: f"{_direct_work(ask)} units of work"),
    Route("by_weight", "one count per number of on-pixels, read off per image (the family is invariant under "
          "every pixel permutation)", _run_by_weight,
          estimate=lambda ask: f"{_by_weight_estimate(_spec(ask.family))} steps"),
], auto=[
    Step("direct", when=_direct_fits),
    Step("by_weight"),
])


def routes_for(family: NetworkFamily) -> RouteTable:
    """Which routes of :func:`reconstruction_counts` (and :func:`reconstruction_probabilities`) apply to
    ``family``, their estimates, and which 'auto' takes (a :class:`~exactorbit._routes.RouteTable`).

    >>> from exactorbit.networks import NetworkFamily
    >>> routes_for(NetworkFamily("2x2", 1)).auto, routes_for(NetworkFamily("4x4", 5)).auto
    ('direct', 'by_weight')
    """
    return DOOR.explain(Ask(family=_family(family), force=False, limit=None))


def reconstruction_counts(family: NetworkFamily, *, method: str = "auto", force: bool = False,
                          limit: int | None = None) -> list[int]:
    """For every image x, the number of parameter settings with F(x) = x (a list of ints; ``.method``: the route).

    ``limit`` bounds the chosen route's estimate (direct: ``LIMITS["network_work"]``
    units; by weight: ``LIMITS["by_weight"]`` steps); ``force`` lifts it.  :func:`routes_for`
    tells which route 'auto' takes.

    >>> from exactorbit.networks import NetworkFamily
    >>> reconstruction_counts(NetworkFamily("1x1", 1, tied=False))
    [32, 32]
    """
    fam = _family(family)
    counts, route = DOOR.run(Ask(family=fam, force=force, limit=limit), method)
    return RoutedList(counts, route)


def reconstruction_probabilities(family: NetworkFamily, *, method: str = "auto", force: bool = False,
                                 limit: int | None = None) -> list[Fraction]:
    """For every image x (index = mask), P(F(x) = x) over a uniform parameter setting.

    A list of 2**n Fractions whose ``.method`` names the route; ``method``,
    ``limit`` and ``force`` as in :func:`reconstruction_counts`.

    >>> from exactorbit.networks import NetworkFamily
    >>> reconstruction_probabilities(NetworkFamily("1x2", 1, alphabet=(0, 1)))
    [Fraction(5, 16), Fraction(1, 4), Fraction(1, 4), Fraction(5, 16)]
    """
    fam = _family(family)
    total = parameter_settings(fam)
    if total == 0:
        raise InvalidArgument(f"family {fam.describe()} has no parameter setting")
    counts = reconstruction_counts(fam, method=method, force=force, limit=limit)
    return RoutedList([Fraction(c, total) for c in counts], counts.method)  # type: ignore[attr-defined]  # a RoutedList


def reconstruction_counts_by_weight(family: NetworkFamily | FamilySpec, *, force: bool = False,
                                    limit: int | None = None) -> list[int]:
    """Per number s of on-bits, the number of settings with F(x) = x for one x of weight s.

    ``family`` is a :class:`NetworkFamily` or a :class:`FamilySpec` (any number
    of inputs m).  Returns a list of m + 1 ints; the families are invariant
    under every permutation of the inputs, so ``reconstruction_counts(fam)[x]``
    is entry ``popcount(x)`` (the programme is described in :mod:`._by_weight`).
    Refuses (TooExpensive) past ``limit`` estimated steps (default
    ``LIMITS["by_weight"]``) unless ``force``.

    >>> from exactorbit.networks import FamilySpec, NetworkFamily
    >>> reconstruction_counts_by_weight(FamilySpec(1, 1, tied=False))
    [32, 32]
    >>> reconstruction_counts_by_weight(NetworkFamily("1x2", 1, alphabet=(0, 1)))
    [25, 20, 25]
    """
    spec = _spec(family)
    refuse_if_over(f"the by-weight reconstruction counts of {spec.describe()}", _by_weight_estimate(spec),
                   "by_weight", limit=limit, force=force)
    return _counts_by_weight(spec)


def reconstruction_probabilities_by_weight(family: NetworkFamily | FamilySpec, *, force: bool = False,
                                           limit: int | None = None) -> list[Fraction]:
    """P(F(x) = x) for an input x with s on-bits, for s = 0..m: a list of m + 1 Fractions.

    ``family`` is a :class:`NetworkFamily` or a :class:`FamilySpec` (use the
    spec past the 16 inputs of a NetworkFamily); see
    :func:`reconstruction_counts_by_weight`.  Entry ``popcount(x)`` equals
    ``reconstruction_probabilities(family)[x]``.

    >>> from exactorbit.networks import FamilySpec, NetworkFamily
    >>> reconstruction_probabilities_by_weight(NetworkFamily("1x2", 1, alphabet=(0, 1)))
    [Fraction(5, 16), Fraction(1, 4), Fraction(5, 16)]
    >>> p = reconstruction_probabilities_by_weight(FamilySpec(32, 2, tied=True))
    >>> len(p), p[0] == p[32]
    (33, True)
    """
    spec = _spec(family)
    counts = reconstruction_counts_by_weight(spec, force=force, limit=limit)
    total = _spec_settings(spec)
    if total == 0:
        raise InvalidArgument(f"family {spec.describe()} has no parameter setting")
    return [Fraction(c, total) for c in counts]
