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

>>> from exactorbit.networks import NetworkFamily
>>> c = count_distinct_functions(NetworkFamily("2x2", 1, tied=False))
>>> c, c.method
(25936, 'one_hidden_unit')
"""

from math import comb

import numpy as np

from .. import functions as _fn
from .._budget import LIMITS, refuse_if_over
from .._parallel import check_parallel, wants_parallel
from .._routes import RoutedInt, RoutedList, check_method
from .._validation import check_flag
from ..errors import InvalidArgument
from ._dictionary import _dict_enumeration
from ._encoders import _Encoders, _decoder_functions, _setting_reps
from ._one_hidden_unit import _distinct_k1
from ._packed import _packable, _packed_enumeration, _unpack_keys
from ._untied_sets import _function_sets, _untied_distinct_count, _untied_small
from .family import _family, unit_setting_count

__all__ = [
    "enumeration_estimate",
    "enumerate_functions",
    "function_keys",
    "count_distinct_functions",
    "untied_distinct_estimate",
    "function_summaries",
    "LISTING_METHODS",
    "COUNT_METHODS",
]

#: The routes of :func:`enumerate_functions`.
LISTING_METHODS = ("auto", "packed_keys", "dictionary")
#: The routes of :func:`count_distinct_functions`.
COUNT_METHODS = ("auto", "one_hidden_unit", "untied_sets", "packed_keys", "dictionary")

#: The one-hidden-unit structure route tabulates every unit on at most this many pixels.
_K1_STRUCTURE_PIXELS = 10


def enumeration_estimate(family):
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


def _listing_route(fam, method):
    check_method(method, LISTING_METHODS)
    if method == "auto":
        return "packed_keys" if _packable(fam) else "dictionary"
    if method == "packed_keys" and not _packable(fam):
        raise InvalidArgument(f"method 'packed_keys' needs at most 4 pixels and fewer than 2**63 settings, "
                              f"got {fam.describe()}")
    return method


def enumerate_functions(family, *, method="auto", force=False, limit=None, progress=None, workers=None,
                        scheduler=None):
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
    parallel = wants_parallel(workers, scheduler)
    route = _listing_route(fam, method)
    if parallel and route != "packed_keys":
        raise InvalidArgument(f"workers and scheduler run the 'packed_keys' route (n <= 4 pixels); "
                              f"{fam.describe()} takes the {route!r} route")
    estimate = enumeration_estimate(fam)
    _refuse_beyond_reach(fam, estimate)
    refuse_if_over("enumerating the distinct functions", estimate, "network_work", limit=limit, force=force)
    if route == "packed_keys":
        keys, counts = _packed_enumeration(fam, progress=progress, workers=workers, scheduler=scheduler)
        tables = _unpack_keys(keys, fam.n)
        order = np.lexsort(tables.T[::-1])
        return RoutedList([(tables[i].copy(), int(counts[i])) for i in order.tolist()], route)
    return RoutedList(_dict_enumeration(fam, progress), route)


def function_keys(family, *, force=False, limit=None, progress=None, workers=None, scheduler=None):
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
    _listing_route(fam, "packed_keys")
    refuse_if_over("enumerating the distinct functions", enumeration_estimate(fam), "network_work",
                   limit=limit, force=force)
    return _packed_enumeration(fam, progress=progress, workers=workers, scheduler=scheduler)


def untied_distinct_estimate(family):
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


def _count_route(fam):
    """The route 'auto' takes."""
    if fam.hidden == 1 and fam.n <= _K1_STRUCTURE_PIXELS:
        return "one_hidden_unit"
    if not fam.tied and fam.n <= 4:
        return "untied_sets"
    return "packed_keys" if _packable(fam) else "dictionary"


def count_distinct_functions(family, *, method="auto", force=False, limit=None, progress=None, workers=None,
                             scheduler=None):
    """The exact number of distinct functions of a family (an int whose ``.method`` names the route).

    Routes: ``"one_hidden_unit"`` (one hidden unit: F = h ? a : b with h the encoder
    unit, counted up to (h, a, b) ~ (not h, b, a)); ``"untied_sets"`` (untied,
    n <= 4: the sets of pixel functions that some S(H) contains, refused past
    ``limit`` candidate sets); ``"packed_keys"`` / ``"dictionary"`` (the length
    of :func:`enumerate_functions`, refused when :func:`enumeration_estimate`
    exceeds ``limit``).  'auto' takes the first that applies; ``force`` lifts the limit.
    ``workers``/``scheduler`` run the ``"packed_keys"`` route on Dask (then 'auto'
    takes it whenever it applies); the count is the same.

    >>> from exactorbit.networks import NetworkFamily
    >>> count_distinct_functions(NetworkFamily("2x2", 1, tied=False))
    25936
    >>> count_distinct_functions(NetworkFamily("3x3", 1, tied=False))
    15449108480
    >>> count_distinct_functions(NetworkFamily("2x2", 2, tied=False))
    68961456
    """
    fam = _family(family)
    check_method(method, COUNT_METHODS)
    parallel = wants_parallel(workers, scheduler)
    if method == "auto":
        route = "packed_keys" if parallel and _packable(fam) else _count_route(fam)
    else:
        route = method
    if parallel and route != "packed_keys":
        raise InvalidArgument(f"workers and scheduler run the 'packed_keys' route (n <= 4 pixels); "
                              f"{fam.describe()} takes the {route!r} route")
    if route == "one_hidden_unit":
        if fam.hidden != 1:
            raise InvalidArgument(f"method 'one_hidden_unit' needs one hidden unit, got hidden={fam.hidden}")
        refuse_if_over("counting the distinct functions (one hidden unit: every unit's table)",
                       unit_setting_count(fam.n, fam.alphabet, fam.exclude_constant) * 2**fam.n, "network_work",
                       limit=limit, force=force)
        return RoutedInt(_distinct_k1(fam), route)
    if route == "untied_sets":
        refuse_if_over("counting the distinct functions (candidate function sets)",
                       untied_distinct_estimate(fam), "network_work", limit=limit, force=force)
        return RoutedInt(_untied_distinct_count(fam, progress=progress), route)
    if route == "packed_keys":
        _listing_route(fam, route)
        estimate = enumeration_estimate(fam)
        _refuse_beyond_reach(fam, estimate)
        refuse_if_over("enumerating the distinct functions", estimate, "network_work", limit=limit, force=force)
        keys, _ = _packed_enumeration(fam, progress=progress, workers=workers, scheduler=scheduler)
        return RoutedInt(len(keys), route)
    functions = enumerate_functions(fam, method="dictionary", limit=limit, force=force, progress=progress)
    return RoutedInt(len(functions), route)


def function_summaries(family, **kwargs):
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
