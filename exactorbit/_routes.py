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
from .errors import ExactOrbitError, InvalidArgument

__all__ = ["check_method", "RoutedInt", "RoutedList", "RoutedTuple", "Ask", "Route", "Step", "Door", "RouteTable",
           "GaveUp"]


class GaveUp(Exception):
    """A route's bounded first attempt stopped at its cap (a rung of 'auto' with ``gives_up=(GaveUp,)``): 'auto'
    goes on to the next rung.  Never seen by a user: a named route has no cap."""


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


# -- routes as data: every door declares its routes and its 'auto' ladder; one Door.choose decides ---------------

class Ask:
    """The arguments of one call of a door (attributes), with lazily computed, memoised facts of the call.

    >>> ask = Ask(n=3)
    >>> ask.memo("square", lambda: ask.n ** 2), ask.memo("square", lambda: 0)
    (9, 9)
    """

    def __init__(self, **arguments):
        self.__dict__.update(arguments)
        self._memo = {}

    def memo(self, name, compute):
        """``compute()`` once per call (a block plan, a colouring), then the same value."""
        if name not in self._memo:
            self._memo[name] = compute()
        return self._memo[name]


def _applies_always(ask):
    return None


class Route:
    """One named route of a door.

    ``run(ask)`` answers (one signature per door); ``applies(ask)`` is None when the
    route applies, else the reason it does not (a clause: "it needs ...; G is not one");
    ``estimate(ask)`` is a short text of the work, or None; ``summary`` one line for
    :func:`exactorbit.routes`; ``quick`` says that ``applies`` needs no stabilizer chain
    of a big group (only quick tests go into the hint of a refusal); ``note``, a few words
    the hint adds after the name ("closed form").
    """

    __slots__ = ("name", "summary", "run", "applies", "estimate", "quick", "note")

    def __init__(self, name, summary, run, applies=None, estimate=None, quick=True, note=None):
        self.name, self.summary, self.run, self.note = name, summary, run, note
        self.applies = applies or _applies_always
        self.estimate = estimate or (lambda ask: None)
        self.quick = quick

    def __repr__(self):
        return f"Route({self.name!r})"


class Step:
    """One rung of a door's 'auto' ladder: take ``route`` when it applies and ``when(ask)`` is None.

    ``when(ask)`` returns None to take the route, else why 'auto' passes it by (a
    tuning threshold from ``_budget.TUNING``, say).  ``gives_up``: the refusals after
    which 'auto' goes on to the next rung (a class search past its budget).
    ``guard(ask)``: like ``when`` but asked before the route's ``applies`` (which it
    may spare: a rung taken only when a costly fact is known already).
    """

    __slots__ = ("route", "when", "gives_up", "quick", "guard")

    def __init__(self, route, when=None, gives_up=(), quick=True, guard=None):
        self.route, self.when, self.gives_up, self.quick = route, when or _applies_always, tuple(gives_up), quick
        self.guard = guard

    def __repr__(self):
        return f"Step({self.route!r})"


class Door:
    """A front door's routes and its 'auto' ladder, as data; :meth:`choose` is where 'auto' is decided.

    >>> door = Door("double", [Route("slow", "adds", lambda ask: ask.x + ask.x),
    ...                        Route("fast", "shifts", lambda ask: ask.x << 1,
    ...                              applies=lambda ask: None if ask.x >= 0 else "it needs x >= 0")],
    ...             auto=[Step("fast"), Step("slow")])
    >>> door.methods, door.run(Ask(x=3), "auto"), door.run(Ask(x=-3), "auto")
    (('auto', 'slow', 'fast'), (6, 'fast'), (-6, 'slow'))
    >>> door.run(Ask(x=-3), "fast")
    Traceback (most recent call last):
    ...
    exactorbit.errors.InvalidArgument: method='fast' does not apply: it needs x >= 0; method='auto' answers it by 'slow'
    """

    def __init__(self, question, routes, auto,
                 refusal="method={name!r} does not apply: {reason}; {hint}"):
        self.question = question
        self.routes = {r.name: r for r in routes}
        self.auto = tuple(auto)
        self.refusal = refusal
        self.methods = ("auto", *self.routes)
        unknown = [s.route for s in self.auto if s.route not in self.routes]
        if unknown:  # pragma: no cover - a door's table is wrong
            raise AssertionError(f"{question}: 'auto' names unknown routes {unknown}")
        self._rungs = tuple((step, self.routes[step.route]) for step in self.auto)

    def check(self, method):
        """``method`` when it is 'auto' or a route of this door, else InvalidArgument naming the routes."""
        return check_method(method, self.methods)

    def is_auto(self, method):
        """Whether ``method`` (checked) leaves the choice to this door's ladder."""
        return self.check(method) == "auto"

    def _ladder(self, ask, quick_only=False):
        """Each rung in order with None (taken) or why it is passed by; stops at the first taken rung."""
        for step in self.auto:
            route = self.routes[step.route]
            if quick_only and not (route.quick and step.quick):
                return
            why = (step.guard(ask) if step.guard is not None else None) or route.applies(ask) or step.when(ask)
            yield step, why
            if why is None and not step.gives_up:
                return

    def choose(self, ask, method="auto"):
        """The route that runs first for ``method``: the named one (InvalidArgument when it does not apply),
        or the first rung of the 'auto' ladder that applies and is taken."""
        if not self.is_auto(method):
            route = self.routes[method]
            reason = route.applies(ask)
            if reason is not None:
                hint = self.hint(ask) if "{hint}" in self.refusal else ""  # the hint may cost a recognition
                raise InvalidArgument(self.refusal.format(name=method, reason=reason, hint=hint))
            return route
        for step, why in self._ladder(ask):
            if why is None:
                return self.routes[step.route]
        raise AssertionError(f"{self.question}: no rung of 'auto' applies")  # pragma: no cover - the last rung always does

    def run(self, ask, method="auto"):
        """(answer, name of the route that gave it): a named route, or the 'auto' ladder with its give-ups.

        The ladder is walked inline (as :meth:`_ladder` walks it): a small question's whole call is a few
        microseconds, and this walk is most of its overhead."""
        if type(method) is not str or method != "auto":  # a named route (checked by choose), or a wrong value
            route = self.choose(ask, method)
            return route.run(ask), route.name
        for step, route in self._rungs:
            if (step.guard is not None and step.guard(ask) is not None) or route.applies(ask) is not None \
                    or step.when(ask) is not None:
                continue
            try:
                return route.run(ask), step.route
            except step.gives_up:
                continue
        raise AssertionError(f"{self.question}: every rung of 'auto' gave up")  # pragma: no cover

    def hint(self, ask):
        """Which route 'auto' takes, as a clause, when quick tests tell (no stabilizer chain); else a generic one."""
        for step, why in self._ladder(ask, quick_only=True):
            if why is None:
                note = self.routes[step.route].note
                return f"method='auto' answers it by {step.route!r}" + (f" ({note})" if note else "")
        return "method='auto' picks a route that applies"

    def explain(self, ask):
        """A :class:`RouteTable`: every route, whether it applies (or why not), its estimate, and the one 'auto' takes.

        The ladder is walked first, as a call would walk it: the estimates may compute facts (an order) that
        'auto' reads, so they come after it.
        """
        auto, ladder = None, []
        for step, why in self._ladder(ask):
            if why is not None:
                ladder.append((step.route, why))
            elif auto is None:
                auto = step.route
                if step.gives_up:
                    ladder.append((step.route, "taken first; should it give up, 'auto' goes on to the next rung"))
            else:
                ladder.append((step.route, "the rung 'auto' falls back on"))
        rows = []
        for route in self.routes.values():
            reason = route.applies(ask)
            estimate = None
            if reason is None:
                try:
                    estimate = route.estimate(ask)
                except ExactOrbitError as e:  # the estimate itself is refused: say so
                    estimate = f"refused: {e}"
            rows.append({"route": route.name, "applies": reason is None, "why_not": reason, "estimate": estimate,
                         "summary": route.summary})
        return RouteTable(self.question, rows, auto, ladder)


class RouteTable:
    """Which routes of a door apply to one question, why the others do not, their estimates, and 'auto''s choice.

    ``rows``: one dict per route (``route``, ``applies``, ``why_not``, ``estimate``,
    ``summary``); ``auto``: the route 'auto' runs first; ``ladder``: the rungs 'auto'
    passed by, with the reason.  ``str()`` is a readable table (``*`` the route 'auto' takes,
    ``+`` applies, ``!`` applies but its estimate is over its limits, ``-`` does not apply);
    ``to_dict()`` is JSON-ready.
    """

    def __init__(self, question, rows, auto, ladder):
        self.question, self.rows, self.auto, self.ladder = question, rows, auto, ladder

    def __getitem__(self, name):
        return next(r for r in self.rows if r["route"] == name)

    def applicable(self):
        """The names of the routes that apply."""
        return [r["route"] for r in self.rows if r["applies"]]

    def to_dict(self):
        return {"question": self.question, "auto": self.auto, "routes": self.rows,
                "auto_ladder": [{"route": r, "why": w} for r, w in self.ladder]}

    def __str__(self):
        lines = [f"routes of {self.question}: 'auto' takes {self.auto!r}"]
        width = max(len(r["route"]) for r in self.rows)
        for r in self.rows:
            refused = r["applies"] and (r["estimate"] or "").startswith("refused")
            mark = "*" if r["route"] == self.auto else "!" if refused else ("+" if r["applies"] else "-")
            tail = (r["estimate"] or "applies") if r["applies"] else f"does not apply: {r['why_not']}"
            lines.append(f"  {mark} {r['route']:<{width}}  {r['summary']}; {tail}")
        for route, why in self.ladder:
            lines.append(f"  'auto' and {route!r}: {why}")
        return "\n".join(lines)

    def __repr__(self):
        return f"RouteTable({self.question!r}, auto={self.auto!r}, applicable={self.applicable()!r})"
