"""Membership: does some parameter setting of a family compute a given function table?

One front door, :func:`is_member`, with ``method="auto"`` or a named route:
``"one_hidden_unit"`` (:mod:`._one_hidden_unit`: never lists the family; F =
h ? a : b is decided per encoder setting) or ``"listing"`` (the table among
:func:`~exactorbit.networks.enumerate_functions`).  Claim C2 asks it of composites.

>>> from exactorbit.networks import NetworkFamily
>>> is_member(NetworkFamily("1x2", 1), [0, 0, 0, 3]), is_member(NetworkFamily("1x2", 2), [0, 1, 2, 3])
(True, True)
"""

from .._routes import check_method
from ..errors import InvalidArgument
from ..functions import as_table
from ._one_hidden_unit import is_member as _one_hidden_unit_member
from .distinct import enumerate_functions
from .family import _family

__all__ = ["is_member", "METHODS"]

#: The routes of :func:`is_member`.
METHODS = ("auto", "one_hidden_unit", "listing")


def is_member(family, table, *, method="auto", force=False, limit=None):
    """Whether some parameter setting of ``family`` computes ``table`` (a bool).

    'auto' uses the one-hidden-unit route when hidden=1, else lists the family's
    functions (refused past ``limit`` unless ``force``).  The answer is a plain
    bool (a bool cannot carry a route): pass ``method=`` to choose the route.
    """
    fam = _family(family)
    check_method(method, METHODS)
    if method == "auto":
        method = "one_hidden_unit" if fam.hidden == 1 else "listing"
    if method == "one_hidden_unit":
        if fam.hidden != 1:
            raise InvalidArgument(f"method 'one_hidden_unit' needs hidden=1, got hidden={fam.hidden}")
        return _one_hidden_unit_member(fam, table, force=force, limit=limit)
    F = as_table(table, "table", size=1 << fam.n)
    key = F.tobytes()
    return any(t.tobytes() == key for t, _ in enumerate_functions(fam, force=force, limit=limit))
