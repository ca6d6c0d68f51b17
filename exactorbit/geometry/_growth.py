"""The growth of a group: the sphere sizes of its word metric (GAP: ``GrowthFunctionOfGroup``).

Routes (``method=``): ``"ranked"`` (a breadth-first search over element ranks with a visited bitset,
:mod:`._bfs`), ``"python"`` (the same search over tuples in a set: no chain, no numpy; small groups).
``"auto"`` takes ``"python"`` for groups of at most ``TUNING["growth_python"]`` elements, else ``"ranked"``.

>>> from exactorbit.groups import PixelGroup
>>> g = growth(PixelGroup("1x4", ["(0 1 2 3)", "(0 1)"]))
>>> g.spheres, g.order, g.diameter, g.method
((1, 3, 5, 6, 5, 3, 1), 24, 6, 'python')
>>> growth(PixelGroup("1x4", ["(0 1 2 3)", "(0 1)"]), inverses=False).spheres
(1, 2, 3, 5, 5, 5, 3)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .._budget import refuse_if_over, tuning
from .._routes import Ask, Door, Route, Step
from .._validation import check_flag
from ._bfs import LIMIT_KEY, python_bfs, ranked_bfs
from ._generating import generating_set, moves_of

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from typing import Any

    from matplotlib.figure import Figure

    from .._routes import RouteTable
    from ..groups import PixelGroup
    from ._generating import GeneratingSet

__all__ = ["Growth", "growth", "DOOR", "METHODS", "routes_for"]


@dataclass(frozen=True)
class Growth:
    """Sphere sizes of a word metric: ``spheres`` (index = distance from the identity), ``order`` (their sum),
    ``diameter``, ``method`` (the route), ``directed`` (no inverses), ``moves`` (names), ``title``.

    >>> from exactorbit.groups import PixelGroup
    >>> growth(PixelGroup("1x3", ["(0 1 2)"])).to_dict()
    {'order': 3, 'diameter': 1, 'spheres': [1, 2], 'method': 'python', 'directed': False}
    """

    spheres: tuple
    method: str
    directed: bool
    moves: tuple
    title: str

    @property
    def order(self) -> int:
        """The order of the generated group (the number of elements reached)."""
        return sum(self.spheres)

    @property
    def diameter(self) -> int:
        """The largest distance from the identity (the last nonempty sphere)."""
        return len(self.spheres) - 1

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: ints and lists only."""
        return {"order": self.order, "diameter": self.diameter, "spheres": list(self.spheres),
                "method": self.method, "directed": self.directed}

    def plot(self, ax: Any = None) -> Figure:
        """A bar chart of the spheres (matplotlib): the Figure.

        >>> from exactorbit.groups import PixelGroup
        >>> fig = growth(PixelGroup("1x3", ["(0 1 2)"])).plot()
        >>> [int(b.get_height()) for b in fig.axes[0].patches]
        [1, 2]
        """
        from ..plots import plot_counts

        kind = "directed Cayley graph" if self.directed else "Cayley graph"
        return plot_counts(self.spheres, ax=ax, gid="growth", xlabel="word length (depth)", ylabel="elements",
                           title=f"{self.title}: {self.order} elements, diameter {self.diameter} ({kind}; "
                                 f"moves {', '.join(self.moves[:8])}{'...' if len(self.moves) > 8 else ''})")

    def _repr_png_(self):
        import io

        buffer = io.BytesIO()
        self.plot().savefig(buffer, format="png", dpi=90)
        return buffer.getvalue()

    def __str__(self) -> str:
        return (f"{self.title}: order {self.order}, diameter {self.diameter}, spheres {list(self.spheres)} "
                f"(route {self.method})")


def _small(ask):
    order = ask.S.group.order()
    return None if order <= tuning("growth_python") else f"|G| = {order} > tuning growth_python"


def _python(ask):
    refuse_if_over(f"a search of all {ask.S.group.order()} elements over tuples", ask.S.group.order() * ask.S.n *
                   len(moves_of(ask.S, ask.inverses)[0]) * 8, LIMIT_KEY, limit=ask.limit, force=ask.force)
    return python_bfs(ask.S, ask.inverses)


def _ranked(ask):
    return ranked_bfs(ask.S, ask.inverses, show=ask.progress, force=ask.force, limit=ask.limit).spheres


#: The door of :func:`growth`, as data.
DOOR = Door("growth", [
    Route("ranked", "breadth-first search over element ranks (Lehmer code or stabilizer-chain coordinates), a "
          "visited bitset, the frontier expanded by every move at once", _ranked),
    Route("python", "breadth-first search over tuples in a set (small groups: no chain)", _python),
], auto=[Step("python", when=_small), Step("ranked")])

METHODS = DOOR.methods


def _ask(group, generators, inverses, progress, force, limit):
    S = generating_set(group, generators)
    inverses = check_flag("inverses", inverses)
    return Ask(S=S, inverses=inverses, progress=check_flag("progress", progress, allow_none=True), force=force,
               limit=limit)


def growth(group: PixelGroup | GeneratingSet, generators: Iterable[Sequence[int] | str] | None = None, *,
           inverses: bool = True, method: str = "auto", progress: bool | None = None, force: bool = False,
           limit: int | None = None) -> Growth:
    """The sphere sizes of the word metric of ``group`` (a PixelGroup or a GeneratingSet) with respect to
    ``generators`` (default: the group's own) and, when ``inverses``, their inverses: a :class:`Growth`.
    ``inverses=False`` gives the directed Cayley graph (every element is still reached: a generator's inverse
    is one of its powers).

    >>> from exactorbit.groups import translations
    >>> growth(translations("3x3")).spheres             # Z_3 x Z_3, moves right and down and back
    (1, 4, 4)
    """
    DOOR.check(method)
    ask = _ask(group, generators, inverses, progress, force, limit)
    spheres, route = DOOR.run(ask, method)
    return Growth(tuple(int(s) for s in spheres), route, not ask.inverses, moves_of(ask.S, ask.inverses)[1],
                  ask.S.title)


def routes_for(group: PixelGroup | GeneratingSet, generators: Iterable[Sequence[int] | str] | None = None, *,
               inverses: bool = True, force: bool = False, limit: int | None = None) -> RouteTable:
    """Which routes of :func:`growth` apply and which 'auto' takes.

    >>> from exactorbit.groups import translations
    >>> routes_for(translations("3x3")).auto
    'python'
    """
    return DOOR.explain(_ask(group, generators, inverses, None, force, limit))
