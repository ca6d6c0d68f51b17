"""Membership: does some parameter setting of a family compute a given function table?

One front door, :func:`is_member`, with ``method="auto"`` or a named route:
``"one_hidden_unit"`` (:mod:`._one_hidden_unit`: never lists the family; F =
h ? a : b is decided per encoder setting) or ``"listing"`` (the table among
:func:`~exactorbit.networks.enumerate_functions`).  Claim C2 asks it of composites.

>>> from exactorbit.networks import NetworkFamily
>>> is_member(NetworkFamily("1x2", 1), [0, 0, 0, 3]), is_member(NetworkFamily("1x2", 2), [0, 1, 2, 3])
(True, True)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._routes import Ask, Door, Route, Step
from ..functions import as_table
from ._one_hidden_unit import is_member as _one_hidden_unit_member
from .distinct import enumerate_functions
from .family import _family

if TYPE_CHECKING:
    from numpy.typing import ArrayLike

    from .._routes import RouteTable
    from .family import NetworkFamily

__all__ = ["is_member", "METHODS", "routes_for"]

#: The routes of :func:`is_member` (``DOOR.methods``).
METHODS = ("auto", "one_hidden_unit", "listing")


def _one_hidden_unit_applies(ask):
    return None if ask.family.hidden == 1 else f"needs hidden=1, got hidden={ask.family.hidden}"


def _by_one_hidden_unit(ask):
    return _one_hidden_unit_member(ask.family, ask.table, force=ask.force, limit=ask.limit)


def _by_listing(ask):
    F = as_table(ask.table, "table", size=1 << ask.family.n)
    key = F.tobytes()
    return any(t.tobytes() == key for t, _ in enumerate_functions(ask.family, force=ask.force, limit=ask.limit))


#: The routes of :func:`is_member` and its 'auto' ladder, as data.
DOOR = Door("is_member", [
    Route("one_hidden_unit", "F = h ? a : b decided per encoder setting (hidden=1; never lists)", _by_one_hidden_unit,
          applies=_one_hidden_unit_applies),
    Route("listing", "the table among the family's distinct functions (enumerate_functions)", _by_listing),
], auto=[
    Step("one_hidden_unit"),
    Step("listing"),
], refusal="method {name!r} {reason}")


def routes_for(family: NetworkFamily) -> RouteTable:
    """Which routes of :func:`is_member` apply to ``family``, why the others do not, and which 'auto' takes.

    >>> from exactorbit.networks import NetworkFamily
    >>> routes_for(NetworkFamily("1x2", 1)).auto, routes_for(NetworkFamily("1x2", 2)).auto
    ('one_hidden_unit', 'listing')
    """
    return DOOR.explain(Ask(family=_family(family), table=None, force=False, limit=None))


def is_member(family: NetworkFamily, table: ArrayLike, *, method: str = "auto", force: bool = False,
              limit: int | None = None) -> bool:
    """Whether some parameter setting of ``family`` computes ``table`` (a bool).

    'auto' uses the one-hidden-unit route when hidden=1, else lists the family's
    functions (refused past ``limit`` unless ``force``).  The answer is a plain
    bool (a bool cannot carry a route): pass ``method=`` to choose the route, or ask
    :func:`routes_for` which one 'auto' takes.
    """
    fam = _family(family)
    return DOOR.run(Ask(family=fam, table=table, force=force, limit=limit), method)[0]
