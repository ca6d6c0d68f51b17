"""The subsets route of :func:`exactorbit.orbits.decompose`: the orbits of the C(n, k) images of one weight.

The generators route visits all 2^n images; with a weight k only the C(n, k) images
of that weight matter (an orbit keeps the weight).  Here they are the sorted array
S of every k-subset mask (uint64: up to 64 pixels), built by the recursion
S(m, j) = S(m-1, j) followed by S(m-1, j-1) with pixel m-1 added (every mask
without pixel m-1 is smaller than every mask with it, so the array comes out
sorted).  Each generator maps S onto itself; its images are found with byte lookup
tables (one gather per 8 pixels) and located by binary search.  The orbits are the
connected components of the graph with an edge S[i] -- g.S[i] per generator
(each generator has finite order, so the undirected component is the orbit),
found by hooking and pointer jumping as in :mod:`._generators`: every label ends
as the smallest index of its orbit, that is its minimal image.  No element of G is
listed: the cost is about C(n, k) (n/8 + log C(n, k)) per generator and round.

Front door: :func:`exactorbit.orbits.decompose` (``method="subsets"``).

>>> from exactorbit.groups import translations
>>> d = subset_orbits(translations("1x6"), 3)     # C(6, 3) = 20 images: 4 necklaces
>>> d.orbit_sizes, d.method, d.minimal_orbit_features
({2: 1, 6: 3}, 'subsets', (21,))
"""

import math
from itertools import combinations

import numpy as np

from .._perm.perms import mask_mapper
from .._budget import tuning
from .._validation import check_int
from ..groups import check_group as _check_group
from ._result import OrbitDecomposition

__all__ = ["subset_orbits", "subset_masks", "MAX_PIXELS"]

#: Most pixels the route handles (masks are uint64).
MAX_PIXELS = 64

#: C(n, k) up to which the images are searched in Python, orbit by orbit along each generator's cheapest map (past
#: it, numpy's arrays: a fixed cost of some hundreds of microseconds, then far less per image).  Measured here.
PYTHON_IMAGES = tuning("subsets_python_images")


def subset_masks(n, k):
    """Every mask of weight k on n pixels, sorted, as a uint64 array.

    >>> subset_masks(4, 2).tolist()
    [3, 5, 6, 9, 10, 12]
    """
    rows = {j: np.zeros(1 if j == 0 else 0, dtype=np.uint64) for j in range(k + 1)}  # S(0, j)
    for m in range(1, n + 1):
        top = np.uint64(1) << np.uint64(m - 1)
        lo = max(0, k - (n - m))   # weights still reachable with the pixels left
        rows = {j: (np.concatenate([rows[j], rows[j - 1] | top]) if j else rows[0])
                for j in range(lo, min(k, m) + 1)}
        for j in range(lo, k + 1):
            rows.setdefault(j, np.zeros(0, dtype=np.uint64))
    return rows[k]


def _images(g, masks, n):
    """g.x for every mask x (bit g[q] of g.x is bit q of x), by one byte lookup table per 8 pixels."""
    out = np.zeros(len(masks), dtype=np.uint64)
    for start in range(0, n, 8):
        width = min(8, n - start)
        table = np.zeros(1 << width, dtype=np.uint64)
        for b in range(width):
            bit = np.uint64(1) << np.uint64(g[start + b])
            table[np.arange(1 << width) >> b & 1 == 1] |= bit
        out |= table[(masks >> np.uint64(start)) & np.uint64((1 << width) - 1)]
    return out


def _small_subset_orbits(group, gens, k, max_features):
    """:func:`subset_orbits` for a few images, in Python: every k-subset mask, each orbit searched breadth first
    along the generators' maps (:func:`~exactorbit._perm.perms.mask_mapper`) from its smallest unvisited mask."""
    n = group.n
    maps = [mask_mapper(g, k, n) for g in gens]
    seen, sizes, mins = set(), {}, {}
    for combo in combinations(range(n), k):
        x = sum(1 << p for p in combo)
        if x in seen:
            continue
        orbit, queue = {x}, [x]
        for y in queue:
            for f in maps:
                z = f(y)
                if z not in orbit:
                    orbit.add(z)
                    queue.append(z)
        seen |= orbit
        sizes[len(orbit)] = sizes.get(len(orbit), 0) + 1
        mins.setdefault(len(orbit), []).append(min(orbit))
    best, feats = None, []
    if 0 < k < n:
        best = min(sizes)
        feats = sorted(mins[best])[: max_features + 1]
    return _result(group, dict(sorted(sizes.items())), k, best, feats, max_features)


def _labels(edges, size):
    """The smallest index of each component of the graph on range(size) with the given edges (hook and jump)."""
    labels = np.arange(size, dtype=np.int64)
    while True:
        hooked = False
        snapshot = labels.copy()   # every entry a root
        for a, b in edges:
            la, lb = snapshot[a], snapshot[b]
            diff = la != lb
            if not diff.any():
                continue
            hooked = True
            lo, hi = np.minimum(la[diff], lb[diff]), np.maximum(la[diff], lb[diff])
            labels[hi] = np.minimum(labels[hi], lo)   # roots hooked under smaller roots: a label never rises
        while True:  # pointer jumping until every label is a root
            up = labels[labels]
            if np.array_equal(up, labels):
                break
            labels = up
        if not hooked:
            return labels


def subset_orbits(group, weight, *, max_features=1000):
    """Orbit decomposition of the images of one weight, by union-find over the generators on the k-subsets.

    The same answer as ``decompose(group, weight=k)`` by any route (sizes, the
    smallest non-constant orbit size and its minimal images); ``method`` is
    ``'subsets'``.  Grids of at most 64 pixels.

    >>> from exactorbit.groups import named_group
    >>> subset_orbits(named_group("dihedral", "3x3"), 2).orbit_sizes
    {2: 2, 4: 4, 8: 2}
    """
    group = _check_group(group)
    n = group.n
    k = check_int("weight", weight, min_value=0, max_value=n)
    max_features = check_int("max_features", max_features, min_value=0)
    if n > MAX_PIXELS:  # pragma: no cover - the door checks first
        raise AssertionError("the subsets route needs at most 64 pixels")
    ident = tuple(range(n))
    gens = [g for g in dict.fromkeys(group.generators) if g != ident]
    if math.comb(n, k) <= PYTHON_IMAGES:  # a few hundred images: numpy's per-call cost would be most of the time
        return _small_subset_orbits(group, gens, k, max_features)
    masks = subset_masks(n, k)
    edges = []
    for g in gens:
        image = np.searchsorted(masks, _images(g, masks, n))
        edges.append((np.arange(len(masks)), image))
    labels = _labels(edges, len(masks)) if edges else np.arange(len(masks))
    counts = np.bincount(labels, minlength=len(masks))
    reps = np.flatnonzero(counts)   # each orbit's smallest index: its minimal image
    sizes_of = counts[reps]
    values, numbers = np.unique(sizes_of, return_counts=True)
    sizes = {int(v): int(c) for v, c in zip(values, numbers)}
    best, feats = None, []
    if 0 < k < n and len(reps):
        best = int(sizes_of.min())
        feats = [int(m) for m in masks[reps[sizes_of == best][: max_features + 1]]]
    return _result(group, sizes, k, best, feats, max_features)


def _result(group, sizes, k, best, feats, max_features):
    """The decomposition from the orbit sizes ({size: count}), the smallest non-constant size and the minimal
    images of its orbits (ascending, up to max_features + 1 of them)."""
    order = group.order()
    if any(order % s for s in sizes):  # pragma: no cover - orbit-stabilizer guarantees it
        raise AssertionError("an orbit size does not divide the group's order")
    return OrbitDecomposition.from_sizes(sizes, group_order=order, method="subsets", weight=k,
                                         smallest_nonconstant=best, features=tuple(feats[:max_features]),
                                         truncated=len(feats) > max_features)
