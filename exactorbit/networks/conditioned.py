"""Conditioned reconstruction: P(F(x) = x | F(d) = d for every d in a training set D), exactly.

One front door, :func:`conditioned_reconstruction`, with ``method="auto"`` or a
named route; the result is a list of Fractions indexed by image mask whose
``.method`` names the route:

* ``"encoder_sum"`` (:mod:`._encoder_sum`): a sum over the encoder
  representatives up to hidden-unit symmetry (any family);
* ``"column_programme"`` (:mod:`._column_programme`, tied families): a dynamic
  programme over the weight matrix's columns per hidden-code pattern on D + x
  (proofs/network_counts.md, Lemma B), fast for small D (3x3, k = 2, |D| = 2 in seconds).

'auto' takes the column programme when its planned work is below the encoder
sum's, and refuses past ``limit`` (default ``LIMITS["conditioned"]``) unless ``force``.

>>> from exactorbit.networks import NetworkFamily
>>> p = conditioned_reconstruction(NetworkFamily("1x2", 1, tied=False), [0b01])
>>> p, p.method
([Fraction(3, 80), Fraction(1, 1), Fraction(1, 60), Fraction(3, 80)], 'encoder_sum')
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING

import numpy as np

from .._budget import refuse_if_over
from .._routes import Ask, Door, Route, RoutedList, Step
from .._validation import check_flag, check_mask, describe
from ..errors import InvalidArgument
from ._column_programme import _dp_estimate, _dp_joint_counts
from ._encoder_sum import _joint_counts
from ._encoders import _setting_reps
from .family import _family, parameter_settings

if TYPE_CHECKING:
    from collections.abc import Iterable

    from .._routes import RouteTable
    from .family import NetworkFamily

__all__ = ["conditioned_reconstruction", "METHODS", "routes_for"]

#: The routes of :func:`conditioned_reconstruction` (``DOOR.methods``).
METHODS = ("auto", "encoder_sum", "column_programme")


def _as_images(fam, data):
    if isinstance(data, (int, np.integer)) and not isinstance(data, bool):
        data = [data]
    try:
        items = list(data)
    except TypeError:
        raise InvalidArgument(f"data must be a list of image masks, got {describe(data)}") from None
    return sorted({check_mask("image in data", d, fam.n) for d in items})


def _column_programme_applies(ask):
    return None if ask.family.tied else f"needs a tied family, got {ask.family.describe()}"


def _planned_work(ask):
    """The column programme's planned work on D + x (once per call)."""
    return ask.memo("dp", lambda: _dp_estimate(ask.family, ask.data))


def _encoder_sum_work(ask):
    fam = ask.family
    return _setting_reps(fam) * 2**fam.n * fam.n


def _column_programme_cheaper(ask):
    """'auto' takes the column programme when its planned work is below the encoder sum's."""
    if parameter_settings(ask.family) >= 2**62:
        return "the family has 2**62 parameter settings or more: 'auto' does not plan the column programme"
    dp, encoder_sum = _planned_work(ask), _encoder_sum_work(ask)
    return None if dp < encoder_sum else f"its planned work {dp} is not below the encoder sum's {encoder_sum}"


def _run_encoder_sum(ask):
    return _joint_counts(ask.family, ask.data, limit=ask.limit, force=ask.force, progress=ask.progress)


def _run_column_programme(ask):
    refuse_if_over("the conditioned reconstruction (column programme)", _planned_work(ask), "conditioned",
                   limit=ask.limit, force=ask.force)
    return _dp_joint_counts(ask.family, ask.data, ask.progress)


#: The routes of :func:`conditioned_reconstruction` and its 'auto' ladder, as data.
DOOR = Door("conditioned_reconstruction", [
    Route("encoder_sum", "a sum over the encoder representatives up to hidden-unit symmetry (any family)",
          _run_encoder_sum, estimate=lambda ask: f"about {_encoder_sum_work(ask)} units of work"),
    Route("column_programme", "a dynamic programme over the weight matrix's columns per hidden-code pattern "
          "(tied families; proofs/network_counts.md, Lemma B)", _run_column_programme,
          applies=_column_programme_applies, estimate=lambda ask: f"{_planned_work(ask)} units of work (planned)"),
], auto=[
    Step("column_programme", when=_column_programme_cheaper, quick=False),
    Step("encoder_sum"),
], refusal="method {name!r} {reason}")


def routes_for(family: NetworkFamily, data: Iterable[int]) -> RouteTable:
    """Which routes of :func:`conditioned_reconstruction` apply to ``family`` and ``data``, why the others do not,
    their estimates, and which 'auto' takes (a :class:`~exactorbit._routes.RouteTable`).

    >>> from exactorbit.networks import NetworkFamily
    >>> routes_for(NetworkFamily("2x2", 2, tied=True), [0b0110]).auto
    'column_programme'
    >>> t = routes_for(NetworkFamily("1x2", 1, tied=False), [0b01])
    >>> t.auto, t["column_programme"]["why_not"].startswith("needs a tied family, got untied")
    ('encoder_sum', True)
    """
    fam = _family(family)
    return DOOR.explain(Ask(family=fam, data=_as_images(fam, data), force=False, limit=None, progress=None))


def conditioned_reconstruction(family: NetworkFamily, data: Iterable[int], *, method: str = "auto", force: bool = False,
                               limit: int | None = None, progress: bool | None = None) -> list[Fraction]:
    """For every image x, P(F(x) = x | F(d) = d for every d in ``data``), exactly.

    Over the parameter settings that reconstruct every image of the training set:
    what else did they learn?  A list of 2**n Fractions (1 on the data itself);
    with no data it equals :func:`~exactorbit.networks.reconstruction_probabilities`.
    Raises InvalidArgument when no network of the family reconstructs all of the data.
    :func:`routes_for` tells which routes apply and which 'auto' takes.

    >>> from exactorbit.networks import NetworkFamily
    >>> fam = NetworkFamily("1x2", 1, tied=False)
    >>> conditioned_reconstruction(fam, [0b01])
    [Fraction(3, 80), Fraction(1, 1), Fraction(1, 60), Fraction(3, 80)]
    """
    fam = _family(family)
    progress = check_flag("progress", progress, allow_none=True)
    D = _as_images(fam, data)
    ask = Ask(family=fam, data=D, force=force, limit=limit, progress=progress)
    (total_D, totals), route = DOOR.run(ask, method)
    if total_D == 0:
        raise InvalidArgument(f"no network of the family reconstructs every image of the data {D}")
    return RoutedList([Fraction(c, total_D) for c in totals], route)
