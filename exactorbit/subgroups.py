"""Subgroups of a pixel group up to conjugacy, and their table of marks.

Conventions: elements are the rows of ``group.element_array()`` (array forms, left
to right composition, see :mod:`exactorbit.groups`); a subgroup is a boolean
*membership* vector over those rows; a partition of the pixels is a label vector
``P`` with ``P[p]`` the smallest pixel of p's block.  Every count is an exact int.

A subgroup K is *closed* when it contains every element of G that maps each of
its orbits on the pixels onto itself; every stabilizer of an image is closed,
and closed subgroups correspond one to one with their orbit partitions
(``proofs/orbit_spectrum.md``).  Closed subgroups up to conjugacy are found by
the cyclic extension method on partitions: from each class representative A, the
joins ``cl(<A, g>)`` for all g at once (label propagation in numpy), deduplicated
against every conjugate of every known class (kept in a hash table of
partitions).  :func:`subgroup_classes` finds *all* subgroups up to conjugacy
(small groups; used by the tests to check that the closed ones suffice).  The
orbit-size spectrum built on them is :mod:`exactorbit.orbits._symbolic`.

>>> from exactorbit.groups import named_group
>>> [c.order for c in closed_subgroup_classes(named_group("translations", "1x4"))]
[4, 2, 1]
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from ._budget import limit_value, progress as _progress_bar, refuse_if_over
from ._validation import check_flag, check_items, describe
from .errors import InvalidArgument
from .groups import check_group as _check_group

if TYPE_CHECKING:
    from collections.abc import Sequence

    from numpy.typing import NDArray

    from .groups import PixelGroup

__all__ = [
    "SubgroupClass",
    "closed_subgroup_classes",
    "subgroup_classes",
    "marks_matrix",
    "table_of_marks",
    "estimate_lattice",
]


@dataclass
class SubgroupClass:
    """A conjugacy class of (closed) subgroups: representative and facts.

    ``members``: boolean vector over ``group.element_array()`` rows; ``partition``:
    its orbit partition (label = smallest pixel of the block); ``class_size``:
    the number of conjugates ``|G : N_G(H)|``; ``conjugates``: their partitions
    (``kind == "closed"``) as a (class_size, n) array, or their membership vectors
    (``kind == "all"``, from :func:`subgroup_classes`) as a (class_size, |G|) array.
    """

    order: int
    members: NDArray[np.bool_]
    partition: NDArray[np.integer]
    blocks: int
    block_sizes: tuple[int, ...]
    class_size: int
    conjugates: NDArray[np.integer] | NDArray[np.bool_] | None = None
    kind: str = "closed"


class _Context:
    """Element arrays of a group in the dtypes the vectorised routines need."""

    def __init__(self, group, force=False):
        self.group = group
        elems = group.element_array(force=force)
        self.m, self.n = elems.shape
        self.dtype = np.int16 if self.n < 2**15 else np.int32
        self.E = elems.astype(np.intp)
        inv = np.empty_like(self.E)
        np.put_along_axis(inv, self.E, np.broadcast_to(np.arange(self.n), self.E.shape), axis=1)
        self.Einv = inv
        self.rows = np.arange(self.m)[:, None]
        # a base: pixels whose images determine an element; key = images read in radix n
        base = []
        keys = np.zeros(self.m, dtype=np.int64)
        for p in range(self.n):
            if len(np.unique(keys)) == self.m:
                break
            if len(np.unique(keys * self.n + self.E[:, p])) > len(np.unique(keys)):
                base.append(p)
                keys = keys * self.n + self.E[:, p]
        self.base = np.array(base, dtype=np.intp)
        self.exact_keys = self.n ** len(base) < 2**62
        self.sorter = np.argsort(keys)
        self.sorted_keys = keys[self.sorter]
        self.row_index = None
        if not self.exact_keys:  # keys overflowed: look rows up by their bytes
            self.row_index = {row.tobytes(): i for i, row in enumerate(self.E[:, self.base])}

    def index_of(self, images_of_base):
        """Row indices of the elements with the given images of the base points, shape (k, len(base))."""
        if self.row_index is not None:
            return np.array([self.row_index[np.ascontiguousarray(r).tobytes()] for r in images_of_base.astype(np.intp)])
        keys = np.zeros(len(images_of_base), dtype=np.int64)
        for j in range(len(self.base)):
            keys = keys * self.n + images_of_base[:, j]
        return self.sorter[np.searchsorted(self.sorted_keys, keys)]

    def closure(self, partition):
        """Membership of cl(P): the elements mapping every block of P onto itself."""
        return (partition[self.E] == partition[None, :]).all(axis=1)

    def orbit_partition(self, members):
        """Orbit partition (smallest pixel of each orbit) of the subgroup ``members``."""
        return self.E[members].min(axis=0)

    def conjugate_partitions(self, partition):
        """The distinct partitions g.P (blocks g(B)) over all g, canonical labels, as rows."""
        m, n = self.m, self.n
        # pixel q lies in block g(B) where B is the block of g^-1(q); label it by g(min B)
        raw = np.take_along_axis(self.E, partition[self.Einv], axis=1)
        flat = (raw + self.rows * n).ravel()
        first = np.full(m * n, n, dtype=np.intp)
        np.minimum.at(first, flat, np.tile(np.arange(n), m))
        canon = first[flat].reshape(m, n).astype(self.dtype)
        return _unique_rows(canon)


_HASH_WEIGHTS: dict[int, NDArray[np.int64]] = {}


def _unique_rows(rows):
    """Distinct rows (exactly), in first-occurrence order: hash, then verify every row."""
    n = rows.shape[1]
    weights = _HASH_WEIGHTS.get(n)
    if weights is None:
        weights = np.random.default_rng(n).integers(1, 2**62, size=n, dtype=np.int64)
        _HASH_WEIGHTS[n] = weights
    with np.errstate(over="ignore"):
        keys = (rows.astype(np.int64) * weights).sum(axis=1)
    _, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
    if not np.array_equal(rows, rows[first[inverse.ravel()]]):  # a hash collision: exact fallback
        return np.unique(rows, axis=0)
    return rows[np.sort(first)]


def _block_min(labels, order, starts, sizes):
    """Row-wise minimum of ``labels`` over the blocks of a partition (sorted by ``order``)."""
    mins = np.minimum.reduceat(labels[:, order], starts, axis=1)
    out = np.empty_like(labels)
    out[:, order] = np.repeat(mins, sizes, axis=1)
    return out


def _joins(ctx, partition, candidates):
    """Orbit partitions of <A, g> for the elements g in ``candidates`` (A has ``partition``)."""
    order = np.argsort(partition, kind="stable")
    starts = np.flatnonzero(np.r_[True, np.diff(partition[order]) != 0])
    sizes = np.diff(np.r_[starts, len(partition)])
    k = len(candidates)
    g = ctx.E[candidates]
    ginv = ctx.Einv[candidates]
    lab = np.broadcast_to(partition.astype(np.intp), (k, ctx.n)).copy()
    while True:
        new = np.minimum(lab, np.take_along_axis(lab, g, axis=1))
        new = np.minimum(new, np.take_along_axis(lab, ginv, axis=1))
        new = _block_min(new, order, starts, sizes)
        new = np.take_along_axis(new, new, axis=1)  # pointer jumping
        if np.array_equal(new, lab):
            return lab
        lab = new


def estimate_lattice(group: PixelGroup) -> int:
    """Rough work estimate for :func:`closed_subgroup_classes`: array entries touched.

    Each class found costs about |G| * n entries (its conjugates, its joins); the
    number of classes is guessed as 20 times the number of divisors of |G| (on
    translations+dihedral tori the true number is 187 for 8x8, 399 for 16x16).  The
    divisors are counted from the factorisation of |G|, whose primes are at most n
    (|G| divides n!): milliseconds at any order.

    >>> from exactorbit.groups import named_group
    >>> estimate_lattice(named_group("translations", "2x2"))
    960
    """
    _check_group(group)
    m, n = group.order(), group.n
    return m * n * 20 * _divisor_count(m, n)


def _divisor_count(m, n):
    """Number of divisors of m, a divisor of n!: trial division by the primes up to n only.

    >>> _divisor_count(720, 6), _divisor_count(1, 1)
    (30, 1)
    """
    count = 1
    sieve = bytearray([1]) * (n + 1)
    for p in range(2, n + 1):
        if not sieve[p]:
            continue
        sieve[p * p :: p] = bytearray(len(range(p * p, n + 1, p)))
        e = 0
        while m % p == 0:
            m //= p
            e += 1
        count *= e + 1
        if m == 1:
            break
    if m > 1:  # pragma: no cover - impossible for the order of a group of degree n
        count *= 2
    return count


def closed_subgroup_classes(group: PixelGroup, *, force: bool = False, limit: int | None = None,
                            progress: bool | None = None) -> list[SubgroupClass]:
    """The closed subgroups (stabilizers of tuples of images) up to conjugacy, largest first.

    A subgroup is closed when it contains every element of G that maps each of its
    orbits onto itself.  Every stabilizer of an image is closed.

    >>> from exactorbit.groups import named_group
    >>> [c.order for c in closed_subgroup_classes(named_group("translations", "1x4"))]
    [4, 2, 1]
    """
    _check_group(group)
    progress = check_flag("progress", progress, allow_none=True)
    est = estimate_lattice(group)
    what = f"the closed subgroup lattice of a group of order {group.order()} on {group.n} pixels"
    refuse_if_over(what, est, "subgroup_lattice", limit=limit, force=force)
    refuse_if_over(f"listing the {group.order()} elements of degree {group.n}", group.order() * group.n,
                   "group_elements", force=force)
    bound = limit_value("subgroup_lattice", limit)
    ctx = _Context(group, force=force)
    seen: dict[bytes, int] = {}
    classes: list[SubgroupClass] = []

    def add(partition):
        key = partition.astype(ctx.dtype).tobytes()
        if key in seen:
            return None
        members = ctx.closure(partition)
        conj = ctx.conjugate_partitions(partition.astype(ctx.dtype))
        index = len(classes)
        for row in conj:
            seen[row.tobytes()] = index
        block_sizes = tuple(sorted(np.bincount(partition, minlength=ctx.n)[np.unique(partition)].tolist()))
        classes.append(
            SubgroupClass(
                order=int(members.sum()),
                members=members,
                partition=partition.astype(ctx.dtype),
                blocks=len(block_sizes),
                block_sizes=block_sizes,
                class_size=len(conj),
                conjugates=conj,
            )
        )
        return index

    add(ctx.orbit_partition(ctx.closure(np.arange(ctx.n))))
    bar = _progress_bar(None, "subgroup classes", show=progress, default=est > bound // 20)
    done = 0
    while done < len(classes):
        if len(classes) * ctx.m * ctx.n > bound:  # the guessed number of classes was too low
            refuse_if_over(f"{what} ({len(classes)} classes found so far)", len(classes) * ctx.m * ctx.n,
                           "subgroup_lattice", limit=limit, force=force)
        cls = classes[done]
        done += 1
        bar.update(1)
        outside = np.flatnonzero(~cls.members)
        if not len(outside):
            continue
        # joins with one element of each coset gA suffice: <A, g> = <A, ga>
        candidates = outside
        if cls.order > 1:
            member_idx = np.flatnonzero(cls.members)
            covered = np.zeros(ctx.m, dtype=bool)
            reps = []
            for gidx in outside:
                if covered[gidx]:
                    continue
                reps.append(gidx)
                covered[ctx.index_of(ctx.E[gidx][ctx.E[member_idx][:, ctx.base]])] = True
            candidates = np.array(reps)
        for chunk_start in range(0, len(candidates), max(1, 2**22 // ctx.n)):
            chunk = candidates[chunk_start : chunk_start + max(1, 2**22 // ctx.n)]
            parts = _unique_rows(_joins(ctx, cls.partition, chunk))
            for row in parts:
                add(row)
    bar.close()
    classes.sort(key=lambda c: (-c.order, c.blocks))
    return classes


def subgroup_classes(group: PixelGroup, *, force: bool = False, limit: int | None = None) -> list[SubgroupClass]:
    """All subgroups up to conjugacy (cyclic extension on a multiplication table), largest first.

    For small groups (order <= 1000 unless force): used to check that the closed
    subgroups suffice for the spectrum.

    >>> from exactorbit.groups import named_group
    >>> [c.order for c in subgroup_classes(named_group("translations", "2x2"))]  # Klein four: 1 + 3 + 1
    [4, 2, 2, 2, 1]
    """
    _check_group(group)
    refuse_if_over(f"all subgroups of a group of order {group.order()} (a multiplication table)",
                   group.order() ** 2, "all_subgroups", limit=limit, force=force)
    ctx = _Context(group, force=force)
    m = ctx.m
    # mult[i, j] = index of E_i * E_j (E_i first): its image of b is E_j[E_i[b]]
    mult = np.empty((m, m), dtype=np.intp)
    for j in range(m):
        mult[:, j] = ctx.index_of(ctx.E[j][ctx.E[:, ctx.base]])
    ident = 0
    inv = np.argmax(mult == ident, axis=1)
    # conj[h, i] = index of h^-1 E_i h
    conj = np.empty((m, m), dtype=np.intp)
    for h in range(m):
        conj[h] = mult[mult[inv[h]], h]

    def generated(members, g):
        cur = members.copy()
        cur[g] = True
        gens = np.flatnonzero(cur)
        while True:
            idx = np.flatnonzero(cur)
            new = cur.copy()
            new[mult[np.ix_(idx, gens)].ravel()] = True
            if new.sum() == cur.sum():
                return cur
            cur = new

    seen: dict[bytes, int] = {}
    classes: list[SubgroupClass] = []

    def add(members):
        key = np.packbits(members).tobytes()
        if key in seen:
            return
        rows = np.zeros((m, m), dtype=bool)
        idx = np.flatnonzero(members)
        rows[np.arange(m)[:, None], conj[:, idx]] = True
        rows = _unique_rows(rows.view(np.uint8)).view(bool)
        for row in rows:
            seen[np.packbits(row).tobytes()] = len(classes)
        partition = ctx.orbit_partition(members)
        labels = np.unique(partition)
        sizes = tuple(sorted(np.bincount(partition, minlength=ctx.n)[labels].tolist()))
        classes.append(
            SubgroupClass(int(members.sum()), members, partition.astype(ctx.dtype), len(sizes), sizes,
                          len(rows), rows, kind="all")
        )

    trivial_members = np.zeros(m, dtype=bool)
    trivial_members[ident] = True
    add(trivial_members)
    done = 0
    while done < len(classes):
        members = classes[done].members
        done += 1
        covered = members.copy()
        idx = np.flatnonzero(members)
        for g in range(m):
            if covered[g]:
                continue
            covered[mult[idx, g]] = True
            add(generated(members, g))
    classes.sort(key=lambda c: (-c.order, c.blocks))
    return classes


def marks_matrix(classes: Sequence[SubgroupClass]) -> list[list[int]]:
    """Matrix c[i][j] = number of conjugates of class j containing the representative of class i.

    ``classes`` as returned by :func:`closed_subgroup_classes` (largest first). The
    table of marks is ``c[i][j] * |N_G(H_j)| / |H_j|``; see :func:`table_of_marks`.

    >>> from exactorbit.groups import named_group
    >>> marks_matrix(closed_subgroup_classes(named_group("translations", "1x4")))
    [[1, 0, 0], [1, 1, 0], [1, 1, 1]]
    """
    classes = check_items("classes", classes)
    for j, c in enumerate(classes):
        if not isinstance(c, SubgroupClass):
            raise InvalidArgument(f"classes[{j}] must be a SubgroupClass (from closed_subgroup_classes), "
                                  f"got {describe(c)}")
    if len({c.kind for c in classes}) > 1:
        raise InvalidArgument("classes must all come from one call (closed and all-subgroup classes are mixed)")
    k = len(classes)
    out = [[0] * k for _ in range(k)]
    if not k:
        return out
    stack = np.concatenate([c.conjugates for c in classes])
    if classes[0].kind == "all":  # membership rows: K <= H^g iff every member of K is in H^g
        owner = np.repeat(np.arange(k), [c.class_size for c in classes])
        for i, cls in enumerate(classes):
            refines = stack[:, cls.members].all(axis=1)
            out[i] = [int(v) for v in np.bincount(owner[refines], minlength=k)]
        return out
    owner = np.repeat(np.arange(k), [c.class_size for c in classes])
    ends = np.cumsum([c.class_size for c in classes])
    for i, cls in enumerate(classes):
        # conjugates of classes j <= i (larger or equal order come first)
        top = ends[i]
        block = stack[:top]
        refines = (block[:, cls.partition] == block).all(axis=1)
        counts = np.bincount(owner[:top][refines], minlength=k)
        out[i] = [int(v) for v in counts]
    return out


def table_of_marks(group: PixelGroup, *, force: bool = False, limit: int | None = None) -> list[list[int]]:
    """Table of marks of the closed subgroups: entry (i, j) = #cosets of H_j fixed by H_i.

    Rows and columns follow :func:`closed_subgroup_classes`; the diagonal holds |N_G(H)|/|H|.

    >>> from exactorbit.groups import named_group
    >>> table_of_marks(named_group("translations", "1x4"))  # C4: marks of C4, C2, 1
    [[1, 0, 0], [1, 2, 0], [1, 2, 4]]
    """
    classes = closed_subgroup_classes(group, force=force, limit=limit)
    order = group.order()
    c = marks_matrix(classes)
    return [
        [c[i][j] * (order // classes[j].class_size) // classes[j].order for j in range(len(classes))]
        for i in range(len(classes))
    ]
