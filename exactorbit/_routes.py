"""What every front door shares: the ``method=`` check and results that say which route ran.

A front door answers one question with ``method="auto"`` or a named route; every
route returns the same result type, and the result's ``method`` names the route
that actually ran.  Results that are a plain int or list keep that shape (an
int or list subclass), so ``count == 25936`` and ``probs[x]`` read as before.

>>> r = RoutedInt(7, "one_hidden_unit")
>>> r, r + 1, r.method
(7, 8, 'one_hidden_unit')
>>> check_method("fast", ("auto", "slow"))
Traceback (most recent call last):
...
exactorbit.errors.InvalidArgument: method must be one of 'auto', 'slow', got 'fast' (type str)
"""

from ._validation import describe
from .errors import InvalidArgument

__all__ = ["check_method", "RoutedInt", "RoutedList", "RoutedTuple"]


def check_method(method, choices):
    """Return ``method`` if it is one of ``choices`` (which start with 'auto'), else InvalidArgument."""
    if not isinstance(method, str) or method not in choices:
        names = ", ".join(repr(c) for c in choices)
        raise InvalidArgument(f"method must be one of {names}, got {describe(method)}")
    return method


class RoutedInt(int):
    """An exact int that also records the route that computed it (``.method``)."""

    def __new__(cls, value, method):
        self = super().__new__(cls, value)
        self.method = method
        return self

    def __reduce__(self):
        return (type(self), (int(self), self.method))


class RoutedList(list):
    """A list of exact values (one per image, or per weight) that records its route (``.method``).

    >>> RoutedList([1, 2], "direct") == [1, 2]
    True
    """

    def __init__(self, values, method):
        super().__init__(values)
        self.method = method

    def __reduce__(self):
        return (type(self), (list(self), self.method))


class RoutedTuple(tuple):
    """A tuple (a permutation's array form, or a tuple of masks) that records its route (``.method``).

    >>> RoutedTuple((1, 0), "backtrack") == (1, 0)
    True
    """

    def __new__(cls, values, method):
        self = super().__new__(cls, values)
        self.method = method
        return self

    def __reduce__(self):
        return (type(self), (tuple(self), self.method))
