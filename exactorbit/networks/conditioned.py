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

from fractions import Fraction

import numpy as np

from .._budget import refuse_if_over
from .._routes import RoutedList, check_method
from .._validation import check_flag, check_mask, describe
from ..errors import InvalidArgument
from ._column_programme import _dp_estimate, _dp_joint_counts
from ._encoder_sum import _joint_counts
from ._encoders import _setting_reps
from .family import _family, parameter_settings

__all__ = ["conditioned_reconstruction", "METHODS"]

#: The routes of :func:`conditioned_reconstruction`.
METHODS = ("auto", "encoder_sum", "column_programme")


def _as_images(fam, data):
    if isinstance(data, (int, np.integer)) and not isinstance(data, bool):
        data = [data]
    try:
        items = list(data)
    except TypeError:
        raise InvalidArgument(f"data must be a list of image masks, got {describe(data)}") from None
    return sorted({check_mask("image in data", d, fam.n) for d in items})


def conditioned_reconstruction(family, data, *, method="auto", force=False, limit=None, progress=None):
    """For every image x, P(F(x) = x | F(d) = d for every d in ``data``), exactly.

    Over the parameter settings that reconstruct every image of the training set:
    what else did they learn?  A list of 2**n Fractions (1 on the data itself);
    with no data it equals :func:`~exactorbit.networks.reconstruction_probabilities`.
    Raises InvalidArgument when no network of the family reconstructs all of the data.

    >>> from exactorbit.networks import NetworkFamily
    >>> fam = NetworkFamily("1x2", 1, tied=False)
    >>> conditioned_reconstruction(fam, [0b01])
    [Fraction(3, 80), Fraction(1, 1), Fraction(1, 60), Fraction(3, 80)]
    """
    fam = _family(family)
    progress = check_flag("progress", progress, allow_none=True)
    D = _as_images(fam, data)
    check_method(method, METHODS)
    if method == "column_programme" and not fam.tied:
        raise InvalidArgument(f"method 'column_programme' needs a tied family, got {fam.describe()}")
    dp = None
    if method != "encoder_sum" and fam.tied and (method == "column_programme" or parameter_settings(fam) < 2**62):
        dp = _dp_estimate(fam, D)
    if method == "auto":
        method = "column_programme" if dp is not None and dp < _setting_reps(fam) * 2**fam.n * fam.n else "encoder_sum"
    if method == "column_programme":
        refuse_if_over("the conditioned reconstruction (column programme)", dp, "conditioned", limit=limit, force=force)
        total_D, totals = _dp_joint_counts(fam, D, progress)
    else:
        total_D, totals = _joint_counts(fam, D, limit=limit, force=force, progress=progress)
    if total_D == 0:
        raise InvalidArgument(f"no network of the family reconstructs every image of the data {D}")
    return RoutedList([Fraction(c, total_D) for c in totals], method)
