"""Distinct functions of a network family: listed with multiplicities, or counted.

Two front doors, each with ``method="auto"`` and named routes, each result saying
which route ran (``.method``):

* :func:`enumerate_functions` lists every distinct function with its exact
  multiplicity: ``"packed_keys"`` (:mod:`._packed`, n <= 4: one uint64 key per
  table) or ``"dictionary"`` (:mod:`._dictionary`, any n: a dictionary of table
  bytes);
* :func:`count_distinct_functions` counts them: ``"one_hidden_unit"``
  (:mod:`._one_hidden_unit`, one hidden unit, never lists),
  ``"untied_sets"`` (:mod:`._untied_sets`, untied with n <= 4, proofs/network_counts.md
  Lemma A), or the length of a listing (``"packed_keys"``, ``"dictionary"``).

The two doors' routes and 'auto' ladders are tables (:data:`DOORS`);
:func:`routes_for` tells which routes apply to a family and which 'auto' takes.

>>> from exactorbit.networks import NetworkFamily
>>> c = count_distinct_functions(NetworkFamily("2x2", 1, tied=False))
>>> c, c.method
(25936, 'one_hidden_unit')
"""

from __future__ import annotations

from math import comb
from typing import TYPE_CHECKING

import numpy as np

from .. import functions as _fn
from .._budget import LIMITS, refuse_if_over, tuning
from .._parallel import check_parallel, wants_parallel
from .._routes import Ask, Door, Route, RoutedInt, RoutedList, Step
from .._validation import check_choice, check_flag
from ..errors import InvalidArgument
from ._dictionary import _dict_enumeration
from ._encoders import _Encoders, _decoder_functions, _setting_reps
from ._one_hidden_unit import _distinct_k1
from ._packed import _packable, _packed_enumeration, _unpack_keys
from ._untied_sets import _function_sets, _untied_distinct_count, _untied_small
from .family import _family, unit_setting_count

if TYPE_CHECKING:
    from typing import Any

    from numpy.typing import NDArray

    from .._routes import RouteTable
    from .family import NetworkFamily

__all__ = [
    "enumeration_estimate",
    "enumerate_functions",
    "function_keys",
    "count_distinct_functions",
    "untied_distinct_estimate",
    "function_summaries",
    "LISTING_METHODS",
    "COUNT_METHODS",
    "routes_for",
]

#: The routes of :func:`enumerate_functions`.
LISTING_METHODS = ("auto", "packed_keys", "dictionary")
#: The routes of :func:`count_distinct_functions`.
COUNT_METHODS = ("auto", "one_hidden_unit", "untied_sets", "packed_keys", "dictionary")

#: The one-hidden-unit structure route tabulates every unit on at most this many pixels ('auto' takes it up to there).
_K1_STRUCTURE_PIXELS = tuning("one_hidden_unit_pixels")


def enumeration_estimate(family: NetworkFamily) -> int:
    """An upper bound on the table entries that :func:`enumerate_functions` writes.

    (#encoder representatives) * (largest number of decoder functions per pixel)^n * 2^n.

    >>> from exactorbit.networks import NetworkFamily
    >>> enumeration_estimate(NetworkFamily("2x2", 1, tied=False))
    446464
    """
    fam = _family(family)
    units = unit_setting_count(fam.n, fam.alphabet, fam.exclude_constant)
    if not fam.tied and units * 2**fam.n <= LIMITS["network_work"].value:
        reps = _Encoders(fam).reps
    else:
        reps = _setting_reps(fam)
    if fam.tied:
        per_pixel = max(abs(a) for a in fam.alphabet) * fam.hidden + 2
    else:
        per_pixel = len(_decoder_functions(fam)[0])
    return reps * per_pixel**fam.n * 2**fam.n


def _packed_applies(ask):
    """The packed route holds a table in one uint64 key: n 2^n <= 64 bits, and fewer than 2**63 settings."""
    if _packable(ask.family):
        return None
    return (f"method 'packed_keys' needs at most 4 pixels and fewer than 2**63 settings, "
            f"got {ask.family.describe()}")


def _refuse_parallel(ask, route):
    """Workers and a scheduler run the packed route's chunks on Dask; any other route says so."""
    if ask.parallel and route != "packed_keys":
        raise InvalidArgument(f"workers and scheduler run the 'packed_keys' route (n <= 4 pixels); "
                              f"{ask.family.describe()} takes the {route!r} route")


def _enumeration_estimate(ask):
    return ask.memo("enumeration_estimate", lambda: enumeration_estimate(ask.family))


def _refuse_listing(ask):
    """A listing is estimated first: refused when it would take years, or past ``limit`` unless ``force``."""
    estimate = _enumeration_estimate(ask)
    _refuse_beyond_reach(ask.family, estimate)
    refuse_if_over("enumerating the distinct functions", estimate, "network_work", limit=ask.limit, force=ask.force)


def _list_packed(ask):
    _refuse_listing(ask)
    keys, counts = _packed_enumeration(ask.family, progress=ask.progress, workers=ask.workers,
                                       scheduler=ask.scheduler)
    tables = _unpack_keys(keys, ask.family.n)
    order = np.lexsort(tables.T[::-1])
    return [(tables[i].copy(), int(counts[i])) for i in order.tolist()]


def _list_dictionary(ask):
    _refuse_listing(ask)
    return _dict_enumeration(ask.family, ask.progress)


def _listing_estimate(ask):
    estimate = _enumeration_estimate(ask)
    years = estimate > LIMITS["distinct_beyond_reach"].value
    return f"at most {estimate} table entries" + (" (years: refused even with force)" if years else "")


#: The routes of :func:`enumerate_functions` and its 'auto' ladder, as data.
LISTING_DOOR = Door("enumerate_functions", [
    Route("packed_keys", "one uint64 key per table (n <= 4), chunked (Dask with workers)", _list_packed,
          applies=_packed_applies, estimate=_listing_estimate),
    Route("dictionary", "a dictionary of table bytes (any n)", _list_dictionary, estimate=_listing_estimate),
], auto=[
    Step("packed_keys"),
    Step("dictionary"),
], refusal="{reason}")


def _family_ask(fam, force=False, limit=None, progress=None, workers=None, scheduler=None):
    return Ask(family=fam, force=force, limit=limit, progress=progress, workers=workers, scheduler=scheduler,
               parallel=wants_parallel(workers, scheduler))


def enumerate_functions(family: NetworkFamily, *, method: str = "auto", force: bool = False, limit: int | None = None,
                        progress: bool | None = None, workers: int | None = None, scheduler: Any = None
                        ) -> list[tuple[NDArray[np.int64], int]]:
    """All distinct functions of a family with exact multiplicities.

    Returns a list of ``(table, multiplicity)`` sorted by table (lexicographic),
    tables numpy int64 arrays of length 2**n, multiplicities Python ints summing
    to :func:`~exactorbit.networks.parameter_settings`; its ``.method`` names the
    route.  Refuses (TooExpensive) when :func:`enumeration_estimate` exceeds
    ``limit`` (default ``LIMITS["network_work"]``) unless ``force``.  ``workers=N``
    (a local Dask cluster) or ``scheduler=ADDRESS`` runs the ``"packed_keys"``
    route's chunks on Dask; the list is the same.

    >>> from exactorbit.networks import NetworkFamily
    >>> fs = enumerate_functions(NetworkFamily("1x1", 1, tied=False))
    >>> [(t.tolist(), m) for t, m in fs], fs.method
    ([([0, 0], 30), ([0, 1], 2), ([1, 0], 2), ([1, 1], 30)], 'packed_keys')
    """
    fam = _family(family)
    progress = check_flag("progress", progress, allow_none=True)
    ask = _family_ask(fam, force, limit, progress, workers, scheduler)
    route = LISTING_DOOR.choose(ask, method)
    _refuse_parallel(ask, route.name)
    return RoutedList(route.run(ask), route.name)


def function_keys(family: NetworkFamily, *, force: bool = False, limit: int | None = None,
                  progress: bool | None = None, workers: int | None = None, scheduler: Any = None
                  ) -> tuple[NDArray[np.uint64], NDArray[np.int64]]:
    """The distinct functions of a family with n <= 4 pixels as packed keys, with multiplicities.

    Returns ``(keys, counts)``: keys a sorted numpy uint64 array, one per distinct
    function, in which table entry x is ``(key >> (n * x)) & (2**n - 1)``; counts an
    int64 array of multiplicities summing to :func:`parameter_settings`.  The same
    functions as :func:`enumerate_functions` (its ``"packed_keys"`` route) without a
    Python object per function (2x2 k=2 untied: 68,961,456 functions in about 40 s and 5 GB).

    >>> from exactorbit.networks import NetworkFamily
    >>> keys, counts = function_keys(NetworkFamily("1x1", 1, tied=False))
    >>> keys.tolist(), counts.tolist()
    ([0, 1, 2, 3], [30, 2, 2, 30])
    """
    fam = _family(family)
    progress = check_flag("progress", progress, allow_none=True)
    check_parallel(workers, scheduler)
    LISTING_DOOR.choose(Ask(family=fam), "packed_keys")   # its refusal: more than 4 pixels, or 2**63 settings
    refuse_if_over("enumerating the distinct functions", enumeration_estimate(fam), "network_work",
                   limit=limit, force=force)
    return _packed_enumeration(fam, progress=progress, workers=workers, scheduler=scheduler)


def untied_distinct_estimate(family: NetworkFamily) -> int:
    """The number of candidate function sets that the ``"untied_sets"`` count generates.

    sum over distinct sets S(H) and c = 1..n of binomial(|S(H)|, c); the count
    holds at most ``LIMITS["untied_key_budget"]`` keys at once, in as many passes as needed.

    >>> from exactorbit.networks import NetworkFamily
    >>> untied_distinct_estimate(NetworkFamily("2x2", 2, tied=False))
    3517347
    """

    fam = _untied_small(family)
    return sum(len(V) * comb(s, c) for s, V in _function_sets(fam).items() for c in range(1, fam.n + 1))


def _refuse_beyond_reach(fam, estimate):
    """Enumerations that would take years are refused even with force (a hard limit), with what else was tried."""
    why = [f"the one-hidden-unit route handles at most {_K1_STRUCTURE_PIXELS} pixels" if fam.hidden == 1
           else "the one-hidden-unit route needs hidden=1",
           "the untied set count needs an untied family with at most 4 pixels"]
    refuse_if_over(f"enumerating the distinct functions of {fam.describe()} (years on one machine; {'; '.join(why)})",
                   estimate, "distinct_beyond_reach")


def _one_hidden_unit_applies(ask):
    if ask.family.hidden == 1:
        return None
    return f"method 'one_hidden_unit' needs one hidden unit, got hidden={ask.family.hidden}"


def _one_hidden_unit_work(ask):
    fam = ask.family
    return unit_setting_count(fam.n, fam.alphabet, fam.exclude_constant) * 2**fam.n


def _count_one_hidden_unit(ask):
    refuse_if_over("counting the distinct functions (one hidden unit: every unit's table)",
                   _one_hidden_unit_work(ask), "network_work", limit=ask.limit, force=ask.force)
    return _distinct_k1(ask.family)


def _untied_sets_applies(ask):
    fam = ask.family
    if not fam.tied and fam.n <= 4:
        return None
    return f"method 'untied_sets': the set count needs an untied family with at most 4 pixels, got {fam.describe()}"


def _count_untied_sets(ask):
    refuse_if_over("counting the distinct functions (candidate function sets)",
                   untied_distinct_estimate(ask.family), "network_work", limit=ask.limit, force=ask.force)
    return _untied_distinct_count(ask.family, progress=ask.progress)


def _count_packed(ask):
    _refuse_listing(ask)
    keys, _ = _packed_enumeration(ask.family, progress=ask.progress, workers=ask.workers, scheduler=ask.scheduler)
    return len(keys)


def _count_dictionary(ask):
    return len(enumerate_functions(ask.family, method="dictionary", limit=ask.limit, force=ask.force,
                                   progress=ask.progress))


def _with_workers(ask):
    """With workers or a scheduler, 'auto' takes the route that runs on Dask first."""
    return None if ask.parallel else "it runs first only with workers or a scheduler (Dask)"


def _few_pixels_for_one_hidden_unit(ask):
    n = ask.family.n
    return None if n <= _K1_STRUCTURE_PIXELS else (f"'auto' tabulates every unit on at most {_K1_STRUCTURE_PIXELS} "
                                                   f"pixels, the grid has {n}")


#: The routes of :func:`count_distinct_functions` and its 'auto' ladder, as data.
COUNT_DOOR = Door("count_distinct_functions", [
    Route("one_hidden_unit", "F = h ? a : b per encoder unit h, counted up to (h, a, b) ~ (not h, b, a); never lists",
          _count_one_hidden_unit, applies=_one_hidden_unit_applies,
          estimate=lambda ask: f"{_one_hidden_unit_work(ask)} units of work (every unit's table)"),
    Route("untied_sets", "the sets of pixel functions some S(H) contains (proofs/network_counts.md, Lemma A)",
          _count_untied_sets, applies=_untied_sets_applies,
          estimate=lambda ask: f"{untied_distinct_estimate(ask.family)} candidate function sets"),
    Route("packed_keys", "the length of the packed listing (n <= 4; Dask with workers)", _count_packed,
          applies=_packed_applies, estimate=_listing_estimate),
    Route("dictionary", "the length of the dictionary listing (any n)", _count_dictionary,
          estimate=_listing_estimate),
], auto=[
    Step("packed_keys", when=_with_workers),
    Step("one_hidden_unit", when=_few_pixels_for_one_hidden_unit),
    Step("untied_sets"),
    Step("packed_keys"),
    Step("dictionary"),
], refusal="{reason}")

#: The doors of this module by question.
DOORS = {"enumerate_functions": LISTING_DOOR, "count_distinct_functions": COUNT_DOOR}


def routes_for(question: str, family: NetworkFamily, *, workers: int | None = None, scheduler: Any = None
               ) -> RouteTable:
    """Which routes of ``question`` ('enumerate_functions' or 'count_distinct_functions') apply to ``family``,
    why the others do not, their estimates, and which 'auto' takes (a :class:`~exactorbit._routes.RouteTable`).

    >>> from exactorbit.networks import NetworkFamily
    >>> t = routes_for("count_distinct_functions", NetworkFamily("2x2", 2, tied=False))
    >>> t.auto, t.applicable()
    ('untied_sets', ['untied_sets', 'packed_keys', 'dictionary'])
    >>> routes_for("enumerate_functions", NetworkFamily("1x5", 1)).auto
    'dictionary'
    """
    question = check_choice("question", question, tuple(DOORS))
    return DOORS[question].explain(_family_ask(_family(family), workers=workers, scheduler=scheduler))


def count_distinct_functions(family: NetworkFamily, *, method: str = "auto", force: bool = False,
                             limit: int | None = None, progress: bool | None = None, workers: int | None = None,
                             scheduler: Any = None) -> int:
    """The exact number of distinct functions of a family (an int whose ``.method`` names the route).

    Routes: ``"one_hidden_unit"`` (one hidden unit: F = h ? a : b with h the encoder
    unit, counted up to (h, a, b) ~ (not h, b, a)); ``"untied_sets"`` (untied,
    n <= 4: the sets of pixel functions that some S(H) contains, refused past
    ``limit`` candidate sets); ``"packed_keys"`` / ``"dictionary"`` (the length
    of :func:`enumerate_functions`, refused when :func:`enumeration_estimate`
    exceeds ``limit``).  'auto' takes the first that applies; ``force`` lifts the limit.
    ``workers``/``scheduler`` run the ``"packed_keys"`` route on Dask (then 'auto'
    takes it whenever it applies); the count is the same.  :func:`routes_for` tells
    which routes apply and which 'auto' takes.

    >>> from exactorbit.networks import NetworkFamily
    >>> count_distinct_functions(NetworkFamily("2x2", 1, tied=False))
    25936
    >>> count_distinct_functions(NetworkFamily("3x3", 1, tied=False))
    15449108480
    >>> count_distinct_functions(NetworkFamily("2x2", 2, tied=False))
    68961456
    """
    fam = _family(family)
    COUNT_DOOR.check(method)
    ask = _family_ask(fam, force, limit, progress, workers, scheduler)
    if ask.parallel:  # said before the named route's own test, as always
        _refuse_parallel(ask, COUNT_DOOR.choose(ask).name if COUNT_DOOR.is_auto(method) else method)
    count, route = COUNT_DOOR.run(ask, method)
    return RoutedInt(count, route)


def function_summaries(family: NetworkFamily, **kwargs: Any) -> list[dict[str, Any]]:
    """Per distinct function: table, multiplicity, fixed images, is_bijection, image_size.

    >>> from exactorbit.networks import NetworkFamily
    >>> s = function_summaries(NetworkFamily("1x1", 1, tied=False))
    >>> [(d["fixed_images"], d["is_bijection"], d["image_size"]) for d in s]
    [([0], False, 1), ([0, 1], True, 2), ([], True, 2), ([1], False, 1)]
    """
    return [
        {
            "table": table,
            "multiplicity": mult,
            "fixed_images": _fn.fixed_points(table),
            "is_bijection": _fn.is_bijection(table),
            "image_size": _fn.image_size(table),
        }
        for table, mult in enumerate_functions(family, **kwargs)
    ]
