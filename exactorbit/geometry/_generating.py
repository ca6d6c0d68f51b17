"""Generating sets: the moves of a word metric (the group's generators, in the user's order, with names).

A :class:`PixelGroup` forgets the order of its generators and drops repeats and the identity; the word metric
depends on the exact list, so geometry keeps it here.

>>> from exactorbit.groups import translations
>>> S = generating_set(translations("1x4"))
>>> S.names, S.group.order()
(('g0',), 4)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..errors import InvalidArgument
from ..groups import PixelGroup, check_group, parse_generators
from ..images import Grid, parse_grid  # parse_grid: the doctests
from .._perm.perms import compose, cycle_string, inverse
from .._validation import check_items, check_name, check_permutation, describe

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

__all__ = ["GeneratingSet", "generating_set", "as_element", "moves_of"]


@dataclass(frozen=True)
class GeneratingSet:
    """The moves of a word metric: ``grid``, ``generators`` (array-form tuples, in order), ``names``, ``title``.

    >>> S = GeneratingSet(parse_grid("1x3"), ((1, 2, 0),), ("c",), "a 3-cycle")
    >>> S.n, S.group.order()
    (3, 3)
    """

    grid: Grid
    generators: tuple
    names: tuple
    title: str = "generating set"
    _cache: dict = field(default_factory=dict, repr=False, compare=False, hash=False)

    def __post_init__(self):
        if not isinstance(self.grid, Grid):
            raise InvalidArgument(f"grid must be a Grid, got {describe(self.grid)}")
        gens = tuple(check_permutation(f"generators[{k}]", g, self.grid.n)
                     for k, g in enumerate(check_items("generators", self.generators)))
        if not gens:
            raise InvalidArgument("generators must hold at least one permutation, got none")
        names = tuple(check_items("names", self.names))
        if len(names) != len(gens) or not all(isinstance(s, str) and s for s in names):
            raise InvalidArgument(f"names must be {len(gens)} non-empty strings, one per generator, got {describe(self.names)}")
        named = {}
        for s, g in zip(names, gens):
            if named.setdefault(s, g) != g:  # one name, two moves: a word could not be read back
                raise InvalidArgument(f"names must name one move each: {s!r} names two different permutations")
        object.__setattr__(self, "generators", gens)
        object.__setattr__(self, "names", names)
        object.__setattr__(self, "title", check_name("title", self.title) or "generating set")

    @property
    def n(self) -> int:
        """The number of points (pixels) the moves permute."""
        return self.grid.n

    @property
    def group(self) -> PixelGroup:
        """The :class:`PixelGroup` the generators generate (built once)."""
        if "group" not in self._cache:
            self._cache["group"] = PixelGroup(self.grid, list(self.generators), name=self.title)
        return self._cache["group"]

    def __repr__(self):
        return f"GeneratingSet({self.title!r}, grid={self.grid}, moves={', '.join(self.names)})"


def generating_set(group: PixelGroup | GeneratingSet, generators: Iterable[Sequence[int] | str] | None = None,
                   names: Iterable[str] | None = None, title: str | None = None) -> GeneratingSet:
    """A :class:`GeneratingSet` from a PixelGroup (its generators by default) or a GeneratingSet (returned as is
    when nothing else is given). ``generators``: permutations of the grid (array form or cycle strings), each in
    the group.

    >>> from exactorbit.groups import translations
    >>> generating_set(translations("1x4"), ["(0 1 2 3)"], names=["r"]).names
    ('r',)
    >>> generating_set(translations("1x4"), ["(0 1)"])
    Traceback (most recent call last):
    ...
    exactorbit.errors.InvalidArgument: generators[0] = (0 1) is not in the group translations on 1x4
    """
    if isinstance(group, GeneratingSet):
        if generators is None and names is None and title is None:
            return group
        base, grid = group.group, group.grid
        default_gens, default_names = group.generators, group.names
    else:
        base = check_group(group)
        grid, default_gens, default_names = base.grid, base.generators, None
    if generators is None:
        gens = list(default_gens)
    else:
        items = check_items("generators", generators)
        gens = []
        for k, g in enumerate(items):
            if isinstance(g, str):
                parsed = parse_generators(g, grid.n)
                if len(parsed) != 1:
                    raise InvalidArgument(f"generators[{k}] must be one permutation, got {describe(g)}")
                g = parsed[0]
            g = check_permutation(f"generators[{k}]", g, grid.n)
            if not base.contains(g):
                raise InvalidArgument(f"generators[{k}] = {cycle_string(g)} is not in the group {base.name} on {grid}")
            gens.append(g)
        default_names = None
    if not gens:
        raise InvalidArgument(f"the group {base.name} on {grid} is trivial: it has no generators to move by")
    if names is None:
        names = default_names if default_names is not None else tuple(f"g{k}" for k in range(len(gens)))
    title = title if title is not None else (group.title if isinstance(group, GeneratingSet) else base.name)
    return GeneratingSet(grid, tuple(gens), tuple(check_items("names", names)), check_name("title", title) or "group")


def as_element(S: GeneratingSet, g: Sequence[int] | str, name: str = "g") -> tuple[int, ...]:
    """``g`` (array form or a cycle string) as a tuple, checked to be a permutation of S's points in S's group.

    >>> S = generating_set(PixelGroup("1x3", ["(0 1 2)"]))
    >>> as_element(S, "(0 2 1)")
    (2, 0, 1)
    """
    if isinstance(g, str):
        try:
            parsed = parse_generators(g, S.n)
        except InvalidArgument as exc:
            raise InvalidArgument(f"{name}: {exc}") from None
        if len(parsed) != 1:
            raise InvalidArgument(f"{name} must be one permutation, got {describe(g)}")
        g = parsed[0]
    perm = check_permutation(name, g, S.n)
    if not S.group.contains(perm):
        raise InvalidArgument(f"{name} = {cycle_string(perm)} is not in the group generated by {S.title} "
                              f"(order {S.group.order()})")
    return perm


def moves_of(S: GeneratingSet, inverses: bool = True) -> tuple[tuple[tuple[int, ...], ...], tuple[str, ...]]:
    """The moves of the word metric: (permutations, names): the generators, then (``inverses``) the inverse of
    every generator that is not an involution (named with a prime), each move once.

    >>> moves_of(generating_set(PixelGroup("1x3", ["(0 1 2)"])))
    (((1, 2, 0), (2, 0, 1)), ('g0', "g0'"))
    """
    perms, names, seen = [], [], set()
    for g, s in zip(S.generators, S.names):
        if g not in seen:
            seen.add(g)
            perms.append(g)
            names.append(s)
    if inverses:
        for g, s in zip(S.generators, S.names):
            h = inverse(g)
            if h not in seen:
                seen.add(h)
                perms.append(h)
                names.append(s + "'")
    return tuple(perms), tuple(names)


def product(perms: Sequence[Sequence[int]], word: Iterable[int]) -> tuple[int, ...]:
    """The product (apply left to right) of ``perms[k]`` for k in ``word``; the identity of degree n for [].

    >>> product(((1, 2, 0),), [0, 0])
    (2, 0, 1)
    """
    out = tuple(range(len(perms[0])))
    for k in word:
        out = compose(out, perms[k])
    return out
