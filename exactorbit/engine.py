"""Whole-space orbit engine: the orbit decomposition of every image of a grid.

Conventions: images are int masks (bit ``r*w + c`` is pixel (r, c)); a group
element ``g`` in array form moves pixel ``p`` to ``g[p]`` (see
:mod:`exactorbit.actions`).  Many masks are numpy ``uint32`` arrays (n <= 30).
Every count is an exact Python int; ``orbit_sizes`` maps an orbit size to the
number of orbits of that size, sorted by size.

Two enumerative routes, both exact, over all 2^n images (or those of weight k):

* **stabilizer counting** (the default, counting only): ``s[x] = |Stab(x)|`` is
  accumulated as ``1 + #{g != 1 : g.x = x}`` by writing, for each element g, the
  ``2^c(g)`` images it fixes (the unions of its cycles) into a counter array;
  by orbit-stabilizer the number of orbits of size ``|G|/d`` is
  ``#{x : s[x] = d} * d / |G|``.  The work is ``sum_g 2^c(g) = |G| * #orbits``
  (Burnside), about one write per image, so it runs at memory speed.  Images are
  streamed in chunks of at most ``2^24`` (fixed high bits), so memory stays flat.
* **minimal images** (``labels=True``): each image's orbit label is its minimal
  image ``min_g g.x``; images are visited in increasing order in chunks, the
  unlabelled ones get ``min_g g.x`` by byte-wise lookup tables of all elements at
  once, and every image that is its own minimum (an orbit representative) labels
  its whole orbit, so later chunks are mostly labelled already.

The symbolic route (no 2^n enumeration, table of marks) is in
:mod:`exactorbit.lattice`; :func:`decompose` chooses (``method="auto"``).

The *minimal orbits* are the smallest orbits; ``smallest_orbit_size`` includes
the two constant images (always orbits of size 1), while
``smallest_nonconstant_orbit_size`` and ``minimal_orbit_features`` (minimal
images of the smallest non-constant orbits, the smallest masks first, at most
``max_features``) exclude them.

>>> from exactorbit.groups import named_group
>>> d = decompose(named_group("translations+dihedral", "3x3"))
>>> d.orbits, d.orbit_sizes
(26, {1: 2, 6: 4, 9: 6, 18: 4, 36: 10})
>>> d.smallest_nonconstant_orbit_size, d.minimal_orbit_features  # rows and their complements, ...
(6, (7, 63, 84, 238))
"""

from dataclasses import dataclass, field
import sys

import numpy as np

from ._validation import check_int, describe
from .errors import InvalidArgument, TooExpensive
from .groups import check_group as _check_group

__all__ = [
    "OrbitDecomposition",
    "decompose",
    "enumerate_orbits",
    "orbit_labels",
    "stabilizer_orders",
    "estimate_enumeration",
    "element_tables",
    "apply_all",
    "cycle_masks",
    "MAX_ENUMERATION_PIXELS",
    "cli_orbits_arguments",
    "cli_orbits",
]

#: Largest grid (number of pixels) that the enumerative routes accept.
MAX_ENUMERATION_PIXELS = 30
#: Default limits: refuse past about a minute or 2 GB unless ``force=True``.
TIME_LIMIT_SECONDS = 60
MEMORY_LIMIT_BYTES = 2 * 1024**3
#: Default number of minimal-orbit features listed.
MAX_FEATURES = 1000
#: log2 of the chunk of images counted at once.
CHUNK_BITS = 24
#: Cost model (nanoseconds), measured on a 2-core box; used only for estimates.
_NS_PER_FIXED_POINT = 4
_NS_PER_IMAGE_COUNT = 6
_NS_PER_IMAGE_ELEMENT_LABEL = 3
_NS_PER_ELEMENT_CHUNK = 20_000


@dataclass
class OrbitDecomposition:
    """The orbit decomposition of a set of images (all 2^n, or those of one weight).

    ``orbit_sizes`` maps orbit size -> number of orbits (sorted by size); ``labels``
    (enumeration with ``labels=True`` only) is a numpy uint32 array whose entry x is
    the minimal image of x's orbit.  ``minimal_orbit_features`` is ``None`` when not
    computed (symbolic route).
    """

    group_order: int
    images: int
    orbits: int
    orbit_sizes: dict
    method: str
    weight: object = None
    smallest_orbit_size: object = None
    smallest_nonconstant_orbit_size: object = None
    minimal_orbit_features: object = None
    features_truncated: bool = False
    labels: object = field(default=None, repr=False)

    def to_json(self):
        """The JSON payload of ``exactorbit orbits`` (exact ints; string keys for sizes)."""
        feats = self.minimal_orbit_features
        return {
            "group_order": self.group_order,
            "images": self.images,
            "orbits": self.orbits,
            "orbit_sizes": {str(k): v for k, v in self.orbit_sizes.items()},
            "method": self.method,
            "minimal_orbit_features": None if feats is None else [int(x) for x in feats],
        }


# ---------------------------------------------------------------------------
# vectorised helpers
# ---------------------------------------------------------------------------


def _check_weight(weight, n):
    if weight is None:
        return None
    return check_int("weight", weight, min_value=0, max_value=n)


def element_tables(elements, n):
    """Byte lookup tables of many elements: ``T[e, b, v]`` = image of byte value v at byte b.

    ``elements`` is an (m, n) integer array; the result is uint32 for n <= 32, else
    uint64, of shape (m, ceil(n/8), 256).

    >>> element_tables(np.array([[1, 0]]), 2)[0, 0, :4].tolist()
    [0, 2, 1, 3]
    """
    elements = np.asarray(elements, dtype=np.int64).reshape(-1, n)
    dtype = np.uint32 if n <= 32 else np.uint64
    m = elements.shape[0]
    nbytes = (n + 7) // 8
    tables = np.zeros((m, nbytes, 256), dtype=dtype)
    for b in range(nbytes):
        for j in range(8):
            p = 8 * b + j
            lo, hi = 1 << j, 1 << (j + 1)
            if p < n:
                bit = (dtype(1) << elements[:, p].astype(dtype))[:, None]
                tables[:, b, lo:hi] = tables[:, b, 0:lo] | bit
            else:
                tables[:, b, lo:hi] = tables[:, b, 0:lo]
    return tables


def apply_all(tables, masks):
    """Apply every element of ``tables`` to every mask: array of shape (m, len(masks)).

    >>> t = element_tables(np.array([[0, 1, 2], [1, 2, 0]]), 3)
    >>> apply_all(t, np.array([1, 3], dtype=np.uint32)).tolist()
    [[1, 3], [2, 6]]
    """
    masks = np.asarray(masks).astype(tables.dtype, copy=False)
    out = None
    for b in range(tables.shape[1]):
        byte = ((masks >> tables.dtype.type(8 * b)) & tables.dtype.type(255)).astype(np.intp)
        part = tables[:, b, :][:, byte]
        out = part if out is None else (out | part)
    return out


def cycle_masks(elements, n):
    """``M[e, p]`` = the mask of the cycle of element e through pixel p (uint64, n <= 64).

    >>> cycle_masks(np.array([[1, 0, 2]]), 3).tolist()
    [[3, 3, 4]]
    """
    elements = np.asarray(elements, dtype=np.int64).reshape(-1, n)
    masks = np.broadcast_to(np.uint64(1) << np.arange(n, dtype=np.uint64), elements.shape).copy()
    step = elements.copy()
    span = 1
    while span < n:  # after k rounds, M[p] covers the next 2^k points of p's cycle
        masks |= np.take_along_axis(masks, step, axis=1)
        step = np.take_along_axis(step, step, axis=1)
        span *= 2
    return masks


def _counter_dtype(order):
    if order < 2**8:
        return np.uint8
    if order < 2**16:
        return np.uint16
    return np.uint32


def _enum_setup(group):
    n = group.n
    if n > MAX_ENUMERATION_PIXELS:
        raise InvalidArgument(
            f"enumeration needs a grid of at most {MAX_ENUMERATION_PIXELS} pixels, got {group.grid} "
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


def _refuse(estimate, force, what):
    if force:
        return
    if estimate["seconds"] > TIME_LIMIT_SECONDS or estimate["bytes"] > MEMORY_LIMIT_BYTES:
        raise TooExpensive(
            f"{what} is estimated at about {estimate['seconds']} s and {estimate['bytes'] // 2**20} MB "
            f"({estimate['images']} images, {estimate['fixed_points']} non-identity fixed points), over the "
            f"limit of {TIME_LIMIT_SECONDS} s or {MEMORY_LIMIT_BYTES // 2**20} MB; pass force=True (--force) to run it"
        )


def _progress(total, enabled, desc):
    from tqdm import tqdm

    return tqdm(total=total, disable=not enabled, desc=desc, file=sys.stderr, leave=False)


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


def stabilizer_orders(group, *, force=False):
    """Array s with ``s[x] = |Stab(x)|`` for every image x (counting fixed points of each element).

    >>> from exactorbit.groups import translations
    >>> stabilizer_orders(translations("1x3")).tolist()
    [3, 1, 1, 1, 1, 1, 1, 3]
    """
    _check_group(group)
    elems, n = _enum_setup(group)
    est = estimate_enumeration(group)
    est["bytes"] += (1 << n) * np.dtype(_counter_dtype(elems.shape[0])).itemsize
    _refuse(est, force, f"the stabilizer orders of all images of {group.grid}")
    counts = np.ones(1 << n, dtype=_counter_dtype(elems.shape[0]))
    masks = cycle_masks(elems, n)
    for e in range(1, elems.shape[0]):
        counts[_subset_sums([int(c) for c in np.unique(masks[e])], np.uint32)] += 1
    return counts


def _count_orbits(group, weight, force, max_features, progress):
    elems, n = _enum_setup(group)
    m = elems.shape[0]
    if int(elems[0].tolist() == list(range(n))) != 1:  # pragma: no cover - rows are sorted
        raise AssertionError("the first element is not the identity")
    est = estimate_enumeration(group, weight)
    _refuse(est, force, f"enumerating the {2**n} images of {group.grid} under a group of order {m}")
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
    enabled = progress if progress is not None else est["seconds"] >= 2
    bar = _progress(chunks * m, enabled, "orbits")
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
    sizes = dict(sorted(sizes.items()))
    images = sum(hist.values())
    features = ()
    truncated = False
    cand = collector.images()
    if len(cand):
        tables = element_tables(elems, n)
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
    return OrbitDecomposition(
        group_order=m,
        images=images,
        orbits=sum(sizes.values()),
        orbit_sizes=sizes,
        method=method,
        weight=weight,
        smallest_orbit_size=min(sizes) if sizes else None,
        smallest_nonconstant_orbit_size=nonconst,
        minimal_orbit_features=features,
        features_truncated=truncated,
    )


# ---------------------------------------------------------------------------
# route 2: minimal images (labels)
# ---------------------------------------------------------------------------


def _label_chunk(m):
    """Images labelled at once by m group elements: about 2^23 (element, image) pairs."""
    return max(256, min(1 << 16, (1 << 23) // m))


def _label_orbits(group, force, progress):
    elems, n = _enum_setup(group)
    m = elems.shape[0]
    est = estimate_enumeration(group, labels=True)
    _refuse(est, force, f"labelling the {2**n} images of {group.grid} by minimal images")
    tables = element_tables(elems, n)
    total = 1 << n
    sentinel = np.uint32(0xFFFFFFFF)
    labels = np.full(total, sentinel, dtype=np.uint32)
    chunk = _label_chunk(m)
    stab_hist = {}
    enabled = progress if progress is not None else est["seconds"] >= 2
    bar = _progress(total, enabled, "labels")
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


def orbit_labels(group, *, force=False, progress=None):
    """Every image's orbit label, its minimal image, as a numpy uint32 array of length 2^n.

    >>> from exactorbit.groups import translations
    >>> orbit_labels(translations("1x3")).tolist()
    [0, 1, 1, 3, 1, 3, 3, 7]
    """
    _check_group(group)
    return _label_orbits(group, force, progress)[0]


def _labels_decomposition(group, weight, force, max_features, progress):
    elems, n = _enum_setup(group)
    m = elems.shape[0]
    labels, rep_stab = _label_orbits(group, force, progress)
    reps = np.flatnonzero(labels == np.arange(len(labels), dtype=np.uint32))
    if weight is not None:
        reps = reps[np.bitwise_count(reps.astype(np.uint32)) == weight]
    tables = element_tables(elems, n)
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
    sizes = dict(sorted(sizes.items()))
    return OrbitDecomposition(
        group_order=m,
        images=sum(s * k for s, k in sizes.items()),
        orbits=sum(sizes.values()),
        orbit_sizes=sizes,
        method="enumerate",
        weight=weight,
        smallest_orbit_size=min(sizes) if sizes else None,
        smallest_nonconstant_orbit_size=best,
        minimal_orbit_features=tuple(feats[:max_features]),
        features_truncated=len(feats) > max_features,
        labels=labels,
    )


def enumerate_orbits(group, weight=None, *, labels=False, force=False, max_features=MAX_FEATURES, progress=None):
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
        return _labels_decomposition(group, weight, force, max_features, progress)
    return _count_orbits(group, weight, force, max_features, progress)


def decompose(group, weight=None, *, method="auto", force=False, max_features=MAX_FEATURES, progress=None):
    """Orbit decomposition by ``method``: 'enumerate', 'symbolic', or 'auto' (enumerate when cheap).

    'auto' enumerates grids of at most 30 pixels whose estimate is within the limits,
    and otherwise uses the symbolic table-of-marks route of :mod:`exactorbit.lattice`.

    >>> from exactorbit.groups import named_group
    >>> G = named_group("translations+dihedral", "4x4")
    >>> decompose(G, method="symbolic").orbit_sizes == decompose(G, method="enumerate").orbit_sizes
    True
    """
    _check_group(group)
    weight = _check_weight(weight, group.n)
    if method not in ("auto", "enumerate", "symbolic"):
        raise InvalidArgument(f"method must be 'auto', 'enumerate' or 'symbolic', got {describe(method)}")
    if method == "auto":
        method = "symbolic"
        if group.n <= MAX_ENUMERATION_PIXELS and (group.order() <= 100_000 or not group.is_symmetric):
            try:
                est = estimate_enumeration(group, weight)
                if est["seconds"] <= TIME_LIMIT_SECONDS and est["bytes"] <= MEMORY_LIMIT_BYTES:
                    method = "enumerate"
            except TooExpensive:
                pass
    if method == "enumerate":
        return enumerate_orbits(group, weight, force=force, max_features=max_features, progress=progress)
    from .lattice import orbit_spectrum

    return orbit_spectrum(group, weight, force=force, progress=progress)


# ---------------------------------------------------------------------------
# CLI
# ---------------------------------------------------------------------------


def cli_orbits_arguments(parser):
    """Arguments of ``exactorbit orbits``."""
    from .cli import add_group_arguments

    add_group_arguments(parser)
    parser.add_argument("--weight", type=int, default=None, help="only the images with K on-pixels")
    parser.add_argument(
        "--method",
        default="auto",
        choices=["auto", "enumerate", "symbolic"],
        help="enumerate all images, or the symbolic table-of-marks route (default auto)",
    )
    parser.add_argument("--force", action="store_true", help="run even past the time/memory limit")
    parser.add_argument("--json", action="store_true", help="print JSON")


def cli_orbits(args):
    """Run ``exactorbit orbits``: returns (payload, text)."""
    from .cli import group_from_args
    from .images import render_block

    grid, group = group_from_args(args)
    if args.weight is not None and not 0 <= args.weight <= grid.n:
        raise InvalidArgument(f"--weight must be between 0 and {grid.n} on the {grid} grid, got {args.weight}")
    result = decompose(group, args.weight, method=args.method, force=args.force)
    payload = result.to_json()
    which = "all images" if args.weight is None else f"images of weight {args.weight}"
    lines = [
        f"{group.name} (order {result.group_order}) on the {grid} grid, {which}: "
        f"{result.images} images in {result.orbits} orbits (method: {result.method})",
        "orbit size: number of orbits",
    ]
    lines += [f"  {s:>8}: {k}" for s, k in result.orbit_sizes.items()]
    lines.append(f"smallest orbit size (constant images included): {result.smallest_orbit_size}")
    lines.append(
        f"smallest non-constant orbit size: {result.smallest_nonconstant_orbit_size}"
        + ("" if result.smallest_nonconstant_orbit_size is not None else " (no non-constant image)")
    )
    feats = result.minimal_orbit_features
    if feats:
        more = " (truncated)" if result.features_truncated else ""
        lines.append(f"minimal images of the smallest non-constant orbits ({len(feats)} shown{more}):")
        lines.append(render_block(list(feats[:12]), grid))
    elif feats is None:
        lines.append("features: not listed by the symbolic route")
    return payload, "\n".join(lines)
