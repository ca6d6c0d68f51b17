"""Finite maps on X = {0, ..., N-1} (network functions) as numpy tables.

Conventions: a map F is a 1-d integer table with ``F[x]`` the image of ``x``;
for a network on n pixels N = 2**n and x is an image mask.  Composition is
left to right, as for permutations in :mod:`exactorbit.groups`:
``compose_tables(F, G)`` applies F first, then G, so ``compose_tables(F, G)[x] == G[F[x]]``.
A set of tables generates a transformation monoid (the identity included);
every finite map is a permutation on its recurrent set R = F^m(X), m >= |X|
(design.md theorem 6, proofs/theorem6_recurrent.md).

>>> F = [1, 2, 3, 1]
>>> recurrent_set(F).tolist(), cycle_type(F)
([1, 2, 3], (3,))
>>> compose_tables(F, F).tolist()
[2, 3, 1, 2]
"""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING

import numpy as np

from ._perm.perms import map_power
from ._budget import check_force, limit_value, refuse_if_over, refuse_if_over_memory
from ._validation import check_flag, check_int, check_name, describe
from .errors import InvalidArgument

if TYPE_CHECKING:
    from collections.abc import Iterable

    from numpy.typing import ArrayLike, NDArray

__all__ = [
    "as_table",
    "identity_table",
    "compose_tables",
    "power",
    "image_size",
    "fixed_points",
    "is_bijection",
    "inverse_table",
    "recurrent_set",
    "recurrent_permutation",
    "cycle_type",
    "transformation_monoid",
    "closure_witness",
    "is_closed_under_composition",
    "invertible_members",
]


def as_table(F: ArrayLike, name: str = "F", size: int | None = None) -> NDArray[np.int64]:
    """Return ``F`` as a numpy int64 table of a map {0..N-1} -> {0..N-1}, checked.

    >>> as_table([1, 0]).tolist()
    [1, 0]
    >>> as_table([0, 2])
    Traceback (most recent call last):
    ...
    exactorbit.errors.InvalidArgument: F must map {0..1} into itself: entry 1 is 2, got [0, 2] (type list)
    """
    name = check_name("name", name) or "F"
    if size is not None:
        size = check_int("size", size, min_value=1)
    try:
        arr = np.asarray(F)
    except Exception:  # pragma: no cover - numpy refuses exotic input
        raise InvalidArgument(f"{name} must be a table of ints, got {describe(F)}") from None
    if arr.ndim != 1 or arr.size == 0 or not (np.issubdtype(arr.dtype, np.integer) or arr.dtype == bool):
        raise InvalidArgument(f"{name} must be a non-empty 1-d table of ints, got {describe(F)}")
    arr = arr.astype(np.int64)
    if size is not None and arr.size != size:
        raise InvalidArgument(f"{name} must have {size} entries, got {arr.size}: {describe(F)}")
    bad = np.flatnonzero((arr < 0) | (arr >= arr.size))
    if bad.size:
        i = int(bad[0])
        raise InvalidArgument(
            f"{name} must map {{0..{arr.size - 1}}} into itself: entry {i} is {int(arr[i])}, got {describe(F)}"
        )
    return arr


def identity_table(size: int) -> NDArray[np.int64]:
    """The identity map on {0..size-1}.

    >>> identity_table(3).tolist()
    [0, 1, 2]
    """
    size = check_int("size", size, min_value=1, max_value=1 << 32)
    refuse_if_over_memory(f"the identity table on {size} points", 8 * size)
    return np.arange(size, dtype=np.int64)


def compose_tables(F: ArrayLike, G: ArrayLike) -> NDArray[np.int64]:
    """Apply F, then G (left to right): ``compose_tables(F, G)[x] == G[F[x]]``.

    >>> compose_tables([1, 1, 0], [2, 0, 1]).tolist()
    [0, 0, 2]
    """
    F = as_table(F, "F")
    G = as_table(G, "G", size=F.size)
    return G[F]


def power(F: ArrayLike, m: int) -> NDArray[np.int64]:
    """F applied m times (m >= 0; power(F, 0) is the identity), by repeated squaring.

    >>> power([1, 2, 0], 2).tolist()
    [2, 0, 1]
    """
    F = as_table(F)
    m = check_int("m", m, min_value=0)
    return map_power(F, m)


def image_size(F: ArrayLike) -> int:
    """The number of distinct values of F.

    >>> image_size([0, 0, 3, 3])
    2
    """
    return int(np.unique(as_table(F)).size)


def fixed_points(F: ArrayLike) -> list[int]:
    """The sorted list of x with F(x) = x (for a network: its reconstructed images).

    >>> fixed_points([0, 0, 2, 1])
    [0, 2]
    """
    F = as_table(F)
    return [int(x) for x in np.flatnonzero(F == np.arange(F.size))]


def is_bijection(F: ArrayLike) -> bool:
    """Whether F is a permutation of {0..N-1}.

    >>> is_bijection([1, 0, 2]), is_bijection([1, 1, 2])
    (True, False)
    """
    F = as_table(F)
    return int(np.unique(F).size) == F.size


def inverse_table(F: ArrayLike) -> NDArray[np.int64]:
    """The inverse of a bijective table (InvalidArgument otherwise).

    >>> inverse_table([2, 0, 1]).tolist()
    [1, 2, 0]
    """
    F = as_table(F)
    if not is_bijection(F):
        raise InvalidArgument(f"F must be a bijection to be inverted, got {describe(F.tolist())}")
    inv = np.empty_like(F)
    inv[F] = np.arange(F.size)
    return inv


def recurrent_set(F: ArrayLike) -> NDArray[np.int64]:
    """The recurrent set R = F^m(X), m >= |X|: the sorted array of recurrent points.

    Computed by taking images until the image stops shrinking (it then is stable).

    >>> recurrent_set([1, 2, 3, 1]).tolist()
    [1, 2, 3]
    """
    return _recurrent_set(as_table(F))


def _recurrent_set(F):
    """recurrent_set of a checked table."""
    current = np.unique(F)
    while True:
        nxt = np.unique(F[current])
        if nxt.size == current.size:
            return nxt
        current = nxt


def recurrent_permutation(F: ArrayLike) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """The permutation F induces on its recurrent set R, as ``(R, perm)``.

    ``perm[i]`` is the position in R of ``F(R[i])``; perm is a permutation of
    ``range(len(R))`` (theorem 6).

    >>> R, p = recurrent_permutation([1, 2, 3, 1])
    >>> R.tolist(), p.tolist()
    ([1, 2, 3], [1, 2, 0])
    """
    F = as_table(F)
    R = _recurrent_set(F)
    perm = np.searchsorted(R, F[R])
    return R, perm.astype(np.int64)


def cycle_type(F: ArrayLike) -> tuple[int, ...]:
    """The cycle type (sorted tuple of cycle lengths, longest first) of F on R.

    >>> cycle_type([1, 0, 3, 2, 4, 4])
    (2, 2, 1)
    """
    from ._perm.cycles import cycle_lengths

    _, perm = recurrent_permutation(F)
    return tuple(sorted(cycle_lengths(perm), reverse=True))


def _tables(tables, name="tables"):
    if isinstance(tables, np.ndarray) and tables.ndim == 2:
        tables = list(tables)
    try:
        items = list(tables)
    except TypeError:
        raise InvalidArgument(f"{name} must be a list of tables, got {describe(tables)}") from None
    out = []
    for i, t in enumerate(items):
        out.append(as_table(t, f"{name}[{i}]", size=out[0].size if out else None))
    return out


def transformation_monoid(tables: Iterable[ArrayLike], *, include_identity: bool = True, force: bool = False,
                          limit: int | None = None) -> list[NDArray[np.int64]]:
    """All composites of the given tables (and the identity): sorted list of tables.

    Breadth-first closure; refuses (TooExpensive) past ``limit`` elements
    (default ``LIMITS["monoid"]``) unless ``force``.

    >>> [t.tolist() for t in transformation_monoid([[1, 0, 0]])]
    [[0, 1, 1], [0, 1, 2], [1, 0, 0]]
    """
    gens = _tables(tables)
    include_identity = check_flag("include_identity", include_identity)
    bound = None if check_force(force) else limit_value("monoid", limit)
    if not gens:
        raise InvalidArgument("tables must contain at least one table, got an empty list")
    size = gens[0].size
    start = [np.arange(size, dtype=np.int64)] if include_identity else list(gens)
    seen: dict[bytes, NDArray[np.int64]] = {}
    queue: deque[NDArray[np.int64]] = deque()
    for t in start:
        key = t.tobytes()
        if key not in seen:
            seen[key] = t
            queue.append(t)
    while queue:
        t = queue.popleft()
        for g in gens:
            c = g[t]  # t then g
            key = c.tobytes()
            if key not in seen:
                seen[key] = c
                if bound is not None and len(seen) > bound:
                    refuse_if_over("the transformation monoid (elements found so far)", len(seen), "monoid",
                                   limit=limit)
                queue.append(c)
    return sorted(seen.values(), key=lambda a: tuple(a.tolist()))


def closure_witness(tables: Iterable[ArrayLike]) -> tuple[int, int] | None:
    """A pair (i, j) with compose_tables(tables[i], tables[j]) outside the set, or None if closed.

    >>> closure_witness([[0, 0], [1, 1]]) is None
    True
    >>> closure_witness([[1, 0]])
    (0, 0)
    """
    ts = _tables(tables)
    keys = {t.tobytes() for t in ts}
    for i, a in enumerate(ts):
        for j, b in enumerate(ts):
            if b[a].tobytes() not in keys:
                return (i, j)
    return None


def is_closed_under_composition(tables: Iterable[ArrayLike]) -> bool:
    """Whether the set of tables is closed under composition.

    >>> is_closed_under_composition([[0, 1], [1, 0]])
    True
    """
    return closure_witness(tables) is None


def invertible_members(tables: Iterable[ArrayLike]) -> list[int]:
    """Indices of the bijective tables.

    >>> invertible_members([[0, 0], [1, 0], [0, 1]])
    [1, 2]
    """
    rows = _tables(tables)
    if not rows:
        return []
    if len({t.size for t in rows}) == 1:  # one size: every row at once (sorted rows equal 0..N-1)
        stacked = np.sort(np.stack(rows), axis=1)
        return [int(i) for i in np.flatnonzero((stacked == np.arange(rows[0].size)).all(axis=1))]
    return [i for i, t in enumerate(rows) if int(np.unique(t).size) == t.size]
