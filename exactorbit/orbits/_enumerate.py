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

from .._budget import LIMITS, progress as _progress_bar, refuse_if_over, refuse_if_over_memory, tuning
from .._parallel import check_parallel, map_tasks, wants_parallel
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

#: 'auto' lists G's elements only when |G| x n is at most this many entries (:func:`enumeration_fits`).
AUTO_LIST_ENTRIES = tuning("enumerate_list_entries")
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
    # the cycles of a row: the points that are the lowest of their cycle (lowest set bit of the cycle's mask)
    low = masks & (~masks + np.uint64(1))
    cycles = (low == (np.uint64(1) << np.arange(n, dtype=np.uint64))).sum(axis=1, dtype=np.int64)
    fixed = sum(int(k) << c for c, k in enumerate(np.bincount(cycles, minlength=n + 1))) - (1 << n)
    images = 1 << n
    bits = min(n, CHUNK_BITS)
    chunks = 1 << (n - bits)
    if labels:
        # unlabelled images get min_g g.x (a few per orbit), representatives label their orbit
        ns = 10 * images + _NS_PER_IMAGE_ELEMENT_LABEL * m * (images // max(1, m) * 3 + fixed // max(1, m))
        # labels, the byte tables, and a few (m, chunk) arrays of images per chunk
        item = 4 if n <= 32 else 8
        chunk = min(images, _LABEL_CHUNK)
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
    if group.order() * max(1, group.n) > AUTO_LIST_ENTRIES:  # listing G alone would take seconds (S_10: a minute)
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


class _CountPlan:
    """What every chunk of the counting kernel shares (sent once to each Dask worker)."""

    def __init__(self, elems, n, weight, bits, cap):
        m = elems.shape[0]
        self.m, self.n, self.weight, self.bits, self.cap = m, n, weight, bits, cap
        self.low = (1 << bits) - 1
        self.chunks = 1 << (n - bits)
        cmasks = cycle_masks(elems, n)
        # per element: cycles inside the low bits (free in every chunk), and the union-of-cycles
        # map of the high pixels (which cycles a chosen set of high pixels switches on)
        self.free = []
        for e in range(m):
            cyc = [int(c) for c in np.unique(cmasks[e])]
            self.free.append([c for c in cyc if c <= self.low])
        self.high_cycle = cmasks[:, bits:]  # (m, n - bits): cycle mask through each high pixel
        self.counter_dtype = _counter_dtype(m)
        self.cache = {}
        self.cache_bytes = 0
        self._popcount_low = None

    def __getstate__(self):  # a worker builds its own caches
        state = dict(self.__dict__)
        state["cache"], state["cache_bytes"], state["_popcount_low"] = {}, 0, None
        return state

    def popcount_low(self):
        if self._popcount_low is None:
            self._popcount_low = np.bitwise_count(np.arange(1 << self.bits, dtype=np.uint32))
        return self._popcount_low

    def subset_sums(self, e):
        sums = self.cache.get(e)
        if sums is None:
            sums = _subset_sums(self.free[e], np.uint32)
            if self.cache_bytes + sums.nbytes <= 2**28 and self.chunks > 1:
                self.cache[e] = sums
                self.cache_bytes += sums.nbytes
        return sums


def _count_chunk(hi, plan):
    """One chunk (fixed high bits ``hi``) of the counting kernel.

    Returns (histogram {stabilizer order: images}, the largest stabilizer order
    among the chunk's non-constant images, the first ``plan.cap`` images having
    it (ints, increasing), how many have it).
    """
    m, n, bits, low, weight = plan.m, plan.n, plan.bits, plan.low, plan.weight
    base_hi = hi << bits
    counts = np.ones(1 << bits, dtype=plan.counter_dtype)  # the identity fixes everything
    union = np.zeros(m, dtype=np.uint64)
    for j in range(n - bits):
        if hi >> j & 1:
            union |= plan.high_cycle[:, j]
    consistent = (union >> np.uint64(bits)) == np.uint64(hi)
    bases = (union & np.uint64(low)).astype(np.uint32)
    for e in np.flatnonzero(consistent):
        if e == 0:
            continue
        sums = plan.subset_sums(e)
        base = bases[e]
        counts[sums | base if base else sums] += 1
    # histogram of stabilizer orders over this chunk (most images have order 1)
    hist = {}
    if weight is not None:
        need = weight - int(hi).bit_count()
        if need < 0 or need > bits:
            return hist, 0, [], 0
        where = np.flatnonzero(plan.popcount_low() == need)
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
        hist[int(d)] = int(part[d])
    # candidates for the smallest non-constant orbits: the largest stabilizer order
    # among non-constant images (the constant images are zeroed out first)
    if hi == 0:
        counts[0] = 0
    if hi == plan.chunks - 1:
        counts[low] = 0
    values = counts if where is None else counts[where]
    if not len(values):
        return hist, 0, [], 0
    top = int(values.max())
    if not top:
        return hist, 0, [], 0
    hits = values == top
    pos = np.flatnonzero(hits)[: plan.cap]
    pos = pos if where is None else where[pos]
    return hist, top, (pos.astype(np.int64) + base_hi).tolist(), int(np.count_nonzero(hits))


def _count_orbits(group, weight, force, limit, max_features, progress, workers=None, scheduler=None):
    elems, n = _enum_setup(group)
    m = elems.shape[0]
    if int(elems[0].tolist() == list(range(n))) != 1:  # pragma: no cover - rows are sorted
        raise AssertionError("the first element is not the identity")
    est = estimate_enumeration(group, weight)
    _refuse(est, f"enumerating the {2**n} images of {group.grid} under a group of order {m}", force, limit)
    parallel = wants_parallel(workers, scheduler)
    # a parallel run cuts the space into at least 16 tasks when there are 2^16 images or more
    bits = min(n, CHUNK_BITS) if not parallel else max(min(n, 12), min(n - 4, CHUNK_BITS))
    collector = _Collector(max(1, max_features) * m)
    plan = _CountPlan(elems, n, weight, bits, collector.cap)
    results = map_tasks(_count_chunk, range(plan.chunks), shared=plan, workers=workers, scheduler=scheduler,
                        progress=progress, label="orbits", default_progress=est["seconds"] >= 2)
    hist = {}
    for part, top, positions, available in results:  # merged in chunk order: the same answer on any route
        for d, k in part.items():
            hist[d] = hist.get(d, 0) + k
        if top and top >= collector.best:
            collector.offer(top, np.array(positions, dtype=np.int64), available)
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


#: Images visited at once by the labelling kernel (one constant, whatever the group's order).
_LABEL_CHUNK = 1 << 16


#: Elements tried one at a time before the survivors meet the whole group at once.
_FILTER_STEPS = 12


def _apply_one(table, masks):
    """One element's byte tables (nbytes, 256) applied to many masks (same dtype as the table)."""
    out = table[0][masks & 255]
    for b in range(1, table.shape[0]):
        out |= table[b][(masks >> table.dtype.type(8 * b)) & table.dtype.type(255)]
    return out


def _filter_order(tables, seed=0):
    """Non-identity elements, greedily ordered to rule out non-minimal images early (on samples).

    Any order gives the same answer; a good one leaves few images besides the
    orbit representatives for the whole group.  Each round draws a fresh sample,
    keeps what the elements chosen so far leave, and adds the elements that rule
    most of it out.
    """
    m, nbytes = tables.shape[0], tables.shape[1]
    if m <= 2:
        return list(range(1, m))
    top = min(8 * nbytes, 32)
    rng = np.random.default_rng(seed)
    order, rest = [], set(range(1, m))
    for size in (4096, 16384):
        sample = rng.integers(0, 1 << top, size, dtype=np.uint64).astype(tables.dtype)
        for e in order:
            sample = sample[_apply_one(tables[e], sample) >= sample]
        lower = apply_all(tables, sample) < sample  # (m, k): element e shows that the image is not minimal
        alive = lower.any(axis=0)  # the images some element rules out (the rest are representatives)
        while rest and len(order) < _FILTER_STEPS:
            gains = {e: int(np.count_nonzero(lower[e] & alive)) for e in rest}
            best = max(sorted(rest), key=gains.__getitem__)
            if gains[best] * 100 < len(sample):  # under 1% of the sample: the rest meet the whole group
                break
            order.append(best)
            rest.discard(best)
            alive &= ~lower[best]
    return order


def _representatives(tables, order, todo):
    """The images of ``todo`` that are the minimum of their orbit, with their images under every element.

    A few elements (``order``) rule most images out one at a time; the survivors
    meet every element at once.  Returns (representatives, their images (m, k)).
    """
    for e in order:
        if len(todo) <= 64:
            break
        todo = todo[_apply_one(tables[e], todo) >= todo]
    m = tables.shape[0]
    block = max(1, (1 << 22) // m)
    reps, images = [], []
    for i in range(0, len(todo), block):
        part = todo[i:i + block]
        imgs = apply_all(tables, part)  # (m, k)
        keep = (imgs >= part).all(axis=0)
        reps.append(part[keep])
        images.append(imgs[:, keep])
    if not reps:
        return todo, np.zeros((m, 0), dtype=tables.dtype)
    return np.concatenate(reps), np.concatenate(images, axis=1)


def _block_representatives(tables, order, start, stop, labels=None, tick=None):
    """Orbit representatives (minimal images) in ``[start, stop)``, increasing, and their stabilizer orders.

    Images are visited in increasing order in chunks; an image already reached
    from a smaller representative of the block is skipped; the rest are filtered
    by :func:`_representatives`.  With ``labels`` (an array over all images) every
    representative also labels its whole orbit there (the serial route); without,
    only the block is tracked (a task of the parallel route).
    """
    dtype = tables.dtype
    seen = None if labels is not None else np.zeros(stop - start, dtype=bool)
    out, stabs = [], []
    chunk = _LABEL_CHUNK
    for s in range(start, stop, chunk):
        e = min(stop, s + chunk)
        if labels is not None:
            todo = np.flatnonzero(labels[s:e] == _UNLABELLED).astype(dtype) + dtype.type(s)
        else:
            todo = np.flatnonzero(~seen[s - start:e - start]).astype(dtype) + dtype.type(s)
        reps, imgs = _representatives(tables, order, todo)
        if tick is not None:
            tick(e - s)
        if not len(reps):
            continue
        out.append(reps)
        stabs.append(np.count_nonzero(imgs == reps, axis=0))
        if labels is not None:
            labels[imgs.ravel()] = np.broadcast_to(reps, imgs.shape).ravel()
        else:
            inside = imgs[(imgs >= start) & (imgs < stop)]
            seen[(inside - dtype.type(start)).astype(np.intp)] = True
    if not out:
        return np.zeros(0, dtype=dtype), np.zeros(0, dtype=np.int64)
    return np.concatenate(out), np.concatenate(stabs).astype(np.int64)


#: Marks an image not yet labelled (no image of n <= 30 pixels reaches it).
_UNLABELLED = np.uint32(0xFFFFFFFF)


def _label_orbits(group, force, limit, progress, workers=None, scheduler=None):
    """(labels, representatives, their stabilizer orders) of all 2^n images.

    Serial: one pass in increasing order (:func:`_block_representatives` with the
    labels array).  Parallel (``workers``/``scheduler``): the image space is cut
    into blocks whose representatives are found independently (on a Dask cluster,
    :mod:`exactorbit._parallel`); the labels are then written here in one scatter.
    Both give the same arrays.
    """
    elems, n = _enum_setup(group)
    m = elems.shape[0]
    est = estimate_enumeration(group, labels=True)
    _refuse(est, f"labelling the {2**n} images of {group.grid} by minimal images", force, limit)
    tables = action_tables(elems, n)
    order = _filter_order(tables)
    total = 1 << n
    labels = np.full(total, _UNLABELLED, dtype=np.uint32)
    if wants_parallel(workers, scheduler):
        bounds = _blocks(total)
        parts = map_tasks(_block_task, [(start, stop) for start, stop in bounds], shared=(tables, order),
                          workers=workers, scheduler=scheduler, progress=progress, label="labels",
                          default_progress=est["seconds"] >= 2)
        reps = np.concatenate([r for r, _ in parts]) if parts else np.zeros(0, dtype=tables.dtype)
        stabs = np.concatenate([d for _, d in parts]) if parts else np.zeros(0, dtype=np.int64)
        block = max(1, (1 << 22) // m)
        for i in range(0, len(reps), block):
            part = reps[i:i + block]
            imgs = apply_all(tables, part)
            labels[imgs.ravel()] = np.broadcast_to(part, imgs.shape).ravel()
    else:
        with _progress_bar(total, "labels", show=progress, default=est["seconds"] >= 2) as bar:
            reps, stabs = _block_representatives(tables, order, 0, total, labels=labels, tick=bar.update)
    return labels, reps, stabs


def _blocks(total):
    """The blocks of the parallel labelling route: about 2^20 images each (at least 16 blocks when possible)."""
    size = max(_LABEL_CHUNK, min(1 << 20, total // 16))
    return [(start, min(total, start + size)) for start in range(0, total, size)]


def _block_task(bounds, shared):
    """One task of the parallel labelling route: the representatives of one block."""
    tables, order = shared
    start, stop = bounds
    return _block_representatives(tables, order, start, stop)


def orbit_labels(group, *, force=False, limit=None, progress=None, workers=None, scheduler=None):
    """Every image's orbit label, its minimal image, as a numpy uint32 array of length 2^n.

    ``workers=N`` runs the search for orbit representatives on a local Dask cluster
    of N processes, ``scheduler=ADDRESS`` on a running one (the optional extra
    ``exactorbit[dask]``); the array is the same.

    >>> from exactorbit.groups import translations
    >>> orbit_labels(translations("1x3")).tolist()
    [0, 1, 1, 3, 1, 3, 3, 7]
    """
    _check_group(group)
    check_parallel(workers, scheduler)
    return _label_orbits(group, force, limit, progress, workers, scheduler)[0]


def _labels_decomposition(group, weight, force, limit, max_features, progress, workers, scheduler):
    elems, n = _enum_setup(group)
    m = elems.shape[0]
    labels, reps, stabs = _label_orbits(group, force, limit, progress, workers, scheduler)
    if weight is not None:
        keep = np.bitwise_count(reps.astype(np.uint32)) == weight
        reps, stabs = reps[keep], stabs[keep]
    orbit_size = m // stabs
    values, counts = np.unique(orbit_size, return_counts=True)
    sizes = {int(v): int(c) for v, c in zip(values, counts)}
    full = (1 << n) - 1
    nonconstant = (reps != 0) & (reps != full)
    best, feats = None, []
    if nonconstant.any():
        best = int(orbit_size[nonconstant].min())
        feats = reps[nonconstant & (orbit_size == best)].tolist()  # increasing: reps come in order
    return OrbitDecomposition.from_sizes(sizes, group_order=m, method="enumerate", weight=weight,
                                         smallest_nonconstant=best, features=tuple(feats[:max_features]),
                                         truncated=len(feats) > max_features, labels=labels)


def enumerate_orbits(group, weight=None, *, labels=False, force=False, limit=None, max_features=MAX_FEATURES,
                     progress=None, workers=None, scheduler=None):
    """Orbit decomposition of all 2^n images (or of those of weight k) by enumeration.

    With ``labels=True`` also returns each image's minimal image (``.labels``), by the
    minimal-image route; otherwise counts stabilizer orders in flat memory.
    ``workers``/``scheduler`` run the chunks on Dask (:mod:`exactorbit._parallel`);
    the decomposition is the same.

    >>> from exactorbit.groups import translations
    >>> enumerate_orbits(translations("1x4")).orbit_sizes  # necklaces: 0000,1111 | 0101 | 0001,0011,0111
    {1: 2, 2: 1, 4: 3}
    >>> enumerate_orbits(translations("1x4"), weight=2, labels=True).orbit_sizes
    {2: 1, 4: 1}
    """
    _check_group(group)
    weight = _check_weight(weight, group.n)
    max_features = check_int("max_features", max_features, min_value=0)
    check_parallel(workers, scheduler)
    if labels:
        return _labels_decomposition(group, weight, force, limit, max_features, progress, workers, scheduler)
    return _count_orbits(group, weight, force, limit, max_features, progress, workers, scheduler)
