"""The enumerative route of :func:`exactorbit.orbits.decompose`: every image of the grid is visited.

Conventions: images are int masks (bit ``r*w + c`` is pixel (r, c)); a group
element ``g`` in array form moves pixel ``p`` to ``g[p]`` (see
:mod:`exactorbit.actions`).  Many masks are numpy ``uint32`` arrays (n <= 30).
Every count is an exact Python int; ``orbit_sizes`` maps an orbit size to the
number of orbits of that size, sorted by size.

Two kernels, both exact, over all 2^n images (or those of weight k):

* **stabilizer counting** (counting only): ``s[x] = |Stab(x)|`` is
  accumulated as ``1 + #{g != 1 : g.x = x}`` by writing, for each element g, the
  ``2^c(g)`` images it fixes (the unions of its cycles) into a counter array;
  by orbit-stabilizer the number of orbits of size ``|G|/d`` is
  ``#{x : s[x] = d} * d / |G|``.  The work is ``sum_g 2^c(g) = |G| * #orbits``
  (Burnside), about one write per image, so it runs at memory speed.  Images are
  streamed in chunks of at most ``2^24`` (fixed high bits), so memory stays flat.
* **minimal images** (``labels=True``): each image's orbit label is its minimal
  image ``min_g g.x``; images are visited in increasing order in chunks, the
  unlabelled ones get ``min_g g.x`` by byte-wise lookup tables of all elements at
  once (:func:`exactorbit.actions.action_tables`), and every image that is its own
  minimum (an orbit representative) labels its whole orbit, so later chunks are
  mostly labelled already.

Front door: :func:`exactorbit.orbits.decompose` (``method="enumerate"``).

>>> from exactorbit.groups import named_group
>>> d = enumerate_orbits(named_group("translations+dihedral", "3x3"))
>>> d.orbits, d.orbit_sizes
(26, {1: 2, 6: 4, 9: 6, 18: 4, 36: 10})
>>> d.smallest_nonconstant_orbit_size, d.minimal_orbit_features  # rows and their complements, ...
(6, (7, 63, 84, 238))
"""

import numpy as np

from .._budget import LIMITS, progress as _progress_bar, refuse_if_over, refuse_if_over_memory
from .._validation import check_int
from ..actions import action_tables, apply_all, cycle_masks
from ..errors import InvalidArgument, TooExpensive
from ..groups import check_group as _check_group
from ._result import OrbitDecomposition

__all__ = [
    "enumerate_orbits",
    "orbit_labels",
    "stabilizer_orders",
    "estimate_enumeration",
    "enumeration_fits",
]

#: Default number of minimal-orbit features listed.
MAX_FEATURES = 1000
#: log2 of the chunk of images counted at once.
CHUNK_BITS = 24
#: Cost model (nanoseconds), measured on a 2-core box; used only for estimates.
_NS_PER_FIXED_POINT = 4
_NS_PER_IMAGE_COUNT = 6
_NS_PER_IMAGE_ELEMENT_LABEL = 3
_NS_PER_ELEMENT_CHUNK = 20_000


# ---------------------------------------------------------------------------
# vectorised helpers
# ---------------------------------------------------------------------------


def _check_weight(weight, n):
    if weight is None:
        return None
    return check_int("weight", weight, min_value=0, max_value=n)


def _counter_dtype(order):
    if order < 2**8:
        return np.uint8
    if order < 2**16:
        return np.uint16
    return np.uint32


def _enum_setup(group):
    n = group.n
    cap = LIMITS["enumeration_pixels"].value
    if n > cap:
        raise InvalidArgument(
            f"enumeration needs a grid of at most {cap} pixels, got {group.grid} "
            f"({n} pixels); use method 'symbolic'"
        )
    elems = group.element_array()
    return elems, n


def estimate_enumeration(group, weight=None, *, labels=False):
    """Estimated cost of enumerating all images: dict with seconds and bytes (ints).

    Keys: ``images`` (2^n), ``fixed_points`` (sum over g != 1 of 2^c(g)),
    ``seconds`` (rounded up), ``bytes`` (peak, approximate).

    >>> from exactorbit.groups import named_group
    >>> e = estimate_enumeration(named_group("translations", "2x2"))
    >>> e["images"], e["fixed_points"]
    (16, 12)
    """
    _check_group(group)
    elems, n = _enum_setup(group)
    _check_weight(weight, n)
    m = elems.shape[0]
    masks = cycle_masks(elems, n)
    cycles = np.array([len(np.unique(row)) for row in masks], dtype=np.int64)
    fixed = sum(1 << int(c) for c in cycles) - (1 << n)
    images = 1 << n
    bits = min(n, CHUNK_BITS)
    chunks = 1 << (n - bits)
    if labels:
        # unlabelled images get min_g g.x (a few per orbit), representatives label their orbit
        ns = 10 * images + _NS_PER_IMAGE_ELEMENT_LABEL * m * (images // max(1, m) * 3 + fixed // max(1, m))
        # labels, the byte tables, and a few (m, chunk) arrays of images per chunk
        item = 4 if n <= 32 else 8
        chunk = min(images, _label_chunk(m))
        memory = images * 4 + m * ((n + 7) // 8) * 256 * item + 3 * m * chunk * item + (1 << 26)
    else:
        ns = _NS_PER_FIXED_POINT * fixed + _NS_PER_IMAGE_COUNT * images + _NS_PER_ELEMENT_CHUNK * m * chunks
        memory = (1 << bits) * (np.dtype(_counter_dtype(m)).itemsize + 10) + (1 << 26)
    return {
        "images": images,
        "fixed_points": fixed,
        "seconds": -(-ns // 10**9),
        "bytes": memory,
    }


def _refuse(estimate, what, force, limit):
    """The guard of both kernels: estimated time (``limit``: seconds), then memory."""
    what = f"{what} ({estimate['images']} images, {estimate['fixed_points']} non-identity fixed points)"
    refuse_if_over(what, estimate["seconds"], "enumeration_seconds", limit=limit, force=force)
    refuse_if_over(what, estimate["bytes"], "enumeration_bytes", force=force)
    refuse_if_over_memory(what, estimate["bytes"])


def enumeration_fits(group, weight=None, *, labels=False):
    """Whether the enumerative route runs within the default limits (the 'auto' choice of decompose).

    >>> from exactorbit.groups import named_group
    >>> enumeration_fits(named_group("translations", "3x3")), enumeration_fits(named_group("translations", "6x6"))
    (True, False)
    """
    if group.n > LIMITS["enumeration_pixels"].value or (group.is_symmetric and group.order() > 100_000):
        return False
    try:
        est = estimate_enumeration(group, weight, labels=labels)
    except TooExpensive:
        return False
    return est["seconds"] <= LIMITS["enumeration_seconds"].value and est["bytes"] <= LIMITS["enumeration_bytes"].value


def _subset_sums(cycles, dtype):
    arr = np.zeros(1, dtype=dtype)
    for c in sorted(cycles):
        arr = np.concatenate([arr, arr | dtype(c)])
    return arr


# ---------------------------------------------------------------------------
# route 1: stabilizer counting
# ---------------------------------------------------------------------------


class _Collector:
    """Keeps the images of the largest stabilizer order among non-constant images, in order."""

    def __init__(self, cap):
        self.best = 0
        self.parts = []
        self.size = 0
        self.cap = cap
        self.truncated = False

    def offer(self, top, positions, available):
        """top: a stabilizer order; positions: the first masks having it (increasing)."""
        if top < self.best:
            return
        if top > self.best:
            self.best, self.parts, self.size, self.truncated = top, [], 0, False
        if self.size >= self.cap:
            self.truncated = True
            return
        chosen = positions[: self.cap - self.size]
        if len(chosen) < available:
            self.truncated = True
        self.parts.append(chosen)
        self.size += len(chosen)

    def images(self):
        return np.concatenate(self.parts) if self.parts else np.zeros(0, dtype=np.int64)


def stabilizer_orders(group, *, force=False, limit=None):
    """Array s with ``s[x] = |Stab(x)|`` for every image x (counting fixed points of each element).

    >>> from exactorbit.groups import translations
    >>> stabilizer_orders(translations("1x3")).tolist()
    [3, 1, 1, 1, 1, 1, 1, 3]
    """
    _check_group(group)
    elems, n = _enum_setup(group)
    est = estimate_enumeration(group)
    est["bytes"] += (1 << n) * np.dtype(_counter_dtype(elems.shape[0])).itemsize
    _refuse(est, f"the stabilizer orders of all images of {group.grid}", force, limit)
    counts = np.ones(1 << n, dtype=_counter_dtype(elems.shape[0]))
    masks = cycle_masks(elems, n)
    for e in range(1, elems.shape[0]):
        counts[_subset_sums([int(c) for c in np.unique(masks[e])], np.uint32)] += 1
    return counts


def _count_orbits(group, weight, force, limit, max_features, progress):
    elems, n = _enum_setup(group)
    m = elems.shape[0]
    if int(elems[0].tolist() == list(range(n))) != 1:  # pragma: no cover - rows are sorted
        raise AssertionError("the first element is not the identity")
    est = estimate_enumeration(group, weight)
    _refuse(est, f"enumerating the {2**n} images of {group.grid} under a group of order {m}", force, limit)
    bits = min(n, CHUNK_BITS)
    low = (1 << bits) - 1
    chunks = 1 << (n - bits)
    cmasks = cycle_masks(elems, n)
    # per element: cycles inside the low bits (free in every chunk), and the union-of-cycles
    # map of the high pixels (which cycles a chosen set of high pixels switches on)
    free = []
    for e in range(m):
        cyc = [int(c) for c in np.unique(cmasks[e])]
        free.append([c for c in cyc if c <= low])
    high_cycle = cmasks[:, bits:]  # (m, n - bits): cycle mask through each high pixel
    counter_dtype = _counter_dtype(m)
    counts = np.empty(1 << bits, dtype=counter_dtype)
    popcount_low = None
    if weight is not None:
        popcount_low = np.bitwise_count(np.arange(1 << bits, dtype=np.uint32))
    cache = {}
    cache_bytes = 0
    hist = {}
    collector = _Collector(max(1, max_features) * m)
    bar = _progress_bar(chunks * m, "orbits", show=progress, default=est["seconds"] >= 2)
    for hi in range(chunks):
        base_hi = hi << bits
        counts.fill(1)  # the identity fixes everything
        union = np.zeros(m, dtype=np.uint64)
        for j in range(n - bits):
            if hi >> j & 1:
                union |= high_cycle[:, j]
        consistent = (union >> np.uint64(bits)) == np.uint64(hi)
        bases = (union & np.uint64(low)).astype(np.uint32)
        for e in np.flatnonzero(consistent):
            if e == 0:
                continue
            sums = cache.get(e)
            if sums is None:
                sums = _subset_sums(free[e], np.uint32)
                if cache_bytes + sums.nbytes <= 2**28 and chunks > 1:
                    cache[e] = sums
                    cache_bytes += sums.nbytes
            base = bases[e]
            counts[sums | base if base else sums] += 1
        bar.update(m)
        # histogram of stabilizer orders over this chunk (most images have order 1)
        if popcount_low is not None:
            need = weight - int(hi).bit_count()
            if need < 0 or need > bits:
                continue
            where = np.flatnonzero(popcount_low == need)
            values = counts[where]
            total = len(where)
        else:
            where = None
            values = counts
            total = len(counts)
        big = np.flatnonzero(values > 1)
        part = np.bincount(values[big], minlength=2)
        part[1] = total - len(big)
        for d in np.flatnonzero(part):
            hist[int(d)] = hist.get(int(d), 0) + int(part[d])
        # candidates for the smallest non-constant orbits: the largest stabilizer order
        # among non-constant images (the constant images are zeroed out first)
        if hi == 0:
            counts[0] = 0
        if hi == chunks - 1:
            counts[low] = 0
        values = counts if where is None else counts[where]
        if len(values):
            top = int(values.max())
            if top and top >= collector.best:
                pos = np.flatnonzero(values == top)[: collector.cap]
                pos = pos if where is None else where[pos]
                collector.offer(top, pos.astype(np.int64) + base_hi, int(np.count_nonzero(values == top)))
    bar.close()
    return _finish(group, weight, hist, collector, elems, n, max_features, "enumerate")


def _finish(group, weight, hist, collector, elems, n, max_features, method):
    m = elems.shape[0]
    sizes = {}
    for d, k in hist.items():
        q, r = divmod(k * d, m)
        if r:  # pragma: no cover - orbit-stabilizer guarantees it
            raise AssertionError("images with stabilizer order d are not a union of orbits")
        sizes[m // d] = sizes.get(m // d, 0) + q
    features = ()
    truncated = False
    cand = collector.images()
    if len(cand):
        tables = action_tables(elems, n)
        reps = set()
        for start in range(0, len(cand), 4096):
            block = cand[start : start + 4096]
            reps.update(int(v) for v in apply_all(tables, block).min(axis=0))
        reps = sorted(reps)
        truncated = collector.truncated or len(reps) > max_features
        features = tuple(reps[:max_features])
        nonconst = m // collector.best
    else:
        nonconst = None
    return OrbitDecomposition.from_sizes(sizes, group_order=m, method=method, weight=weight,
                                         smallest_nonconstant=nonconst, features=features, truncated=truncated)


# ---------------------------------------------------------------------------
# route 2: minimal images (labels)
# ---------------------------------------------------------------------------


def _label_chunk(m):
    """Images labelled at once by m group elements: about 2^23 (element, image) pairs."""
    return max(256, min(1 << 16, (1 << 23) // m))


def _label_orbits(group, force, limit, progress):
    elems, n = _enum_setup(group)
    m = elems.shape[0]
    est = estimate_enumeration(group, labels=True)
    _refuse(est, f"labelling the {2**n} images of {group.grid} by minimal images", force, limit)
    tables = action_tables(elems, n)
    total = 1 << n
    sentinel = np.uint32(0xFFFFFFFF)
    labels = np.full(total, sentinel, dtype=np.uint32)
    chunk = _label_chunk(m)
    stab_hist = {}
    bar = _progress_bar(total, "labels", show=progress, default=est["seconds"] >= 2)
    for start in range(0, total, chunk):
        stop = min(total, start + chunk)
        todo = np.flatnonzero(labels[start:stop] == sentinel).astype(np.uint32) + np.uint32(start)
        bar.update(stop - start)
        if not len(todo):
            continue
        imgs = apply_all(tables, todo)  # (m, k)
        mins = imgs.min(axis=0)
        labels[todo] = mins
        is_rep = mins == todo
        if is_rep.any():
            rep_imgs = imgs[:, is_rep]
            reps = todo[is_rep]
            labels[rep_imgs.ravel()] = np.broadcast_to(reps, rep_imgs.shape).ravel()
            stab = np.count_nonzero(rep_imgs == reps, axis=0)
            for d, k in zip(*np.unique(stab, return_counts=True)):
                stab_hist[int(d)] = stab_hist.get(int(d), 0) + int(k)
    bar.close()
    return labels, stab_hist


def orbit_labels(group, *, force=False, limit=None, progress=None):
    """Every image's orbit label, its minimal image, as a numpy uint32 array of length 2^n.

    >>> from exactorbit.groups import translations
    >>> orbit_labels(translations("1x3")).tolist()
    [0, 1, 1, 3, 1, 3, 3, 7]
    """
    _check_group(group)
    return _label_orbits(group, force, limit, progress)[0]


def _labels_decomposition(group, weight, force, limit, max_features, progress):
    elems, n = _enum_setup(group)
    m = elems.shape[0]
    labels, rep_stab = _label_orbits(group, force, limit, progress)
    reps = np.flatnonzero(labels == np.arange(len(labels), dtype=np.uint32))
    if weight is not None:
        reps = reps[np.bitwise_count(reps.astype(np.uint32)) == weight]
    tables = action_tables(elems, n)
    sizes = {}
    best, feats = None, []
    full = (1 << n) - 1
    for start in range(0, len(reps), 4096):
        block = reps[start : start + 4096]
        stab = np.count_nonzero(apply_all(tables, block) == block.astype(np.uint32), axis=0)
        for x, d in zip(block.tolist(), stab.tolist()):
            size = m // d
            sizes[size] = sizes.get(size, 0) + 1
            if x in (0, full):
                continue
            if best is None or size < best:
                best, feats = size, [x]
            elif size == best:
                feats.append(x)
    return OrbitDecomposition.from_sizes(sizes, group_order=m, method="enumerate", weight=weight,
                                         smallest_nonconstant=best, features=tuple(feats[:max_features]),
                                         truncated=len(feats) > max_features, labels=labels)


def enumerate_orbits(group, weight=None, *, labels=False, force=False, limit=None, max_features=MAX_FEATURES,
                     progress=None):
    """Orbit decomposition of all 2^n images (or of those of weight k) by enumeration.

    With ``labels=True`` also returns each image's minimal image (``.labels``), by the
    minimal-image route; otherwise counts stabilizer orders in flat memory.

    >>> from exactorbit.groups import translations
    >>> enumerate_orbits(translations("1x4")).orbit_sizes  # necklaces: 0000,1111 | 0101 | 0001,0011,0111
    {1: 2, 2: 1, 4: 3}
    >>> enumerate_orbits(translations("1x4"), weight=2, labels=True).orbit_sizes
    {2: 1, 4: 1}
    """
    _check_group(group)
    weight = _check_weight(weight, group.n)
    max_features = check_int("max_features", max_features, min_value=0)
    if labels:
        return _labels_decomposition(group, weight, force, limit, max_features, progress)
    return _count_orbits(group, weight, force, limit, max_features, progress)
