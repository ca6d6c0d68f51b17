"""The generators route of :func:`exactorbit.orbits.decompose`: orbits of all 2^n images from the generators alone.

The orbit of an image x under G = <g_1, ..., g_k> is its connected component in
the graph on the 2^n images with an edge x -- g_i.x for every generator (each
g_i has finite order, so g_i^-1 is a power of g_i and the undirected component
is the orbit).  No element of G is listed, so the cost is about
``2^n * k * rounds`` whatever the group's order: S_24 on 24 pixels (order 6e23)
costs what the cyclic group <(0 1 ... 23)> costs.

The components come from a vectorised union-find over numpy arrays:

* every generator's image of *all* masks at once: byte lookup tables
  (:func:`exactorbit.actions.action_tables`); the image of the low 20 bits is
  one array, the high bits add one constant per chunk of 2^20 masks, so no
  2^n array per generator is kept;
* *hooking*: for every edge x -- y = g.x whose labels (read from the labels at
  the start of the round, all of them roots) differ, the larger root is hooked
  under the smaller one (never raising a label);
* *pointer jumping*: ``L[x] = L[L[x]]`` until every label is a root.

Invariants: ``L[x] <= x`` and ``L[x]`` lies in x's orbit.  A round in which no
edge joins two labels changes nothing; then the labels are constant on every
orbit and each is the orbit's smallest mask, its *minimal image*: the labels
are those of the enumerative route.  Each orbit's size is the number of images
carrying its label; |Stab| = |G| / size, with |G| from the stabilizer chain.

Front door: :func:`exactorbit.orbits.decompose` (``method="generators"``).

>>> from exactorbit.groups import symmetric
>>> d = generator_orbits(symmetric("3x3"))   # the 10 weight classes
>>> d.orbits, d.method, d.orbit_sizes[126]
(10, 'generators', 2)
"""

import numpy as np

from .._budget import LIMITS, progress as _progress_bar, refuse_if_over, refuse_if_over_memory, tuning
from .._validation import check_int, describe
from ..actions import action_tables
from ..errors import InvalidArgument
from ..groups import check_group as _check_group
from ._result import OrbitDecomposition

__all__ = ["generator_orbits", "generator_labels", "estimate_generators", "generators_fit", "AUTO_PIXELS"]

#: The largest grid 'auto' sends to this route (2^24 images: about 330 MB, a few seconds).
AUTO_PIXELS = tuning("generators_pixels")
#: log2 of the masks handled at once (one array of images per generator has 2^CHUNK_BITS entries).
CHUNK_BITS = 20
#: Cost model (nanoseconds per image), measured on a 2-core box; used only for estimates.
_NS_PER_IMAGE_EDGE = 12  # one generator, one round: image, two gathers, compare
_NS_PER_IMAGE_JUMP = 6  # one pointer-jumping pass
#: Hooking rounds: 3 on S_16 and S_20, 4 on S_24 (a transposition and an n-cycle), then one that finds nothing.
_ROUNDS = 5
_JUMPS = 4  # pointer-jumping passes per round


def _moving_generators(group):
    """The distinct generators that move a pixel (the identity adds no edge)."""
    ident = tuple(range(group.n))
    return sorted({tuple(g) for g in group.generators if tuple(g) != ident})


def estimate_generators(group, weight=None):
    """Estimated cost of the generators route: dict with ``images``, ``generators``, ``seconds``, ``bytes`` (ints).

    >>> from exactorbit.groups import symmetric
    >>> e = estimate_generators(symmetric("4x4"))
    >>> e["images"], e["generators"]
    (65536, 2)
    """
    _check_group(group)
    n = group.n
    cap = LIMITS["enumeration_pixels"].value
    if n > cap:
        raise InvalidArgument(
            f"the generators route needs a grid of at most {cap} pixels, got {group.grid} ({n} pixels); "
            "use method 'symbolic'"
        )
    if weight is not None:
        check_int("weight", weight, min_value=0, max_value=n)
    k = len(_moving_generators(group))
    images = 1 << n
    chunk = 1 << min(n, CHUNK_BITS)
    ns = images * _ROUNDS * (k * _NS_PER_IMAGE_EDGE + _JUMPS * _NS_PER_IMAGE_JUMP) + 10 * images
    # labels and the round's snapshot (uint32 each), the per-orbit counts at the end (int64),
    # each generator's image of the low bits, and a few chunk-sized temporaries
    memory = images * 16 + k * chunk * 4 + 12 * chunk * 8 + (1 << 26)
    return {"images": images, "generators": k, "seconds": -(-ns // 10**9), "bytes": memory}


def generators_fit(group, weight=None):
    """Whether the generators route runs within the default limits on a grid of at most AUTO_PIXELS pixels.

    >>> from exactorbit.groups import symmetric
    >>> generators_fit(symmetric("4x4")), generators_fit(symmetric("5x5"))
    (True, False)
    """
    if group.n > AUTO_PIXELS:
        return False
    est = estimate_generators(group, weight)
    return est["seconds"] <= LIMITS["enumeration_seconds"].value and est["bytes"] <= LIMITS["enumeration_bytes"].value


def _refuse(group, est, force, limit):
    what = (f"the orbits of the {est['images']} images of {group.grid} by union-find over "
            f"{est['generators']} generators")
    refuse_if_over(what, est["seconds"], "enumeration_seconds", limit=limit, force=force)
    refuse_if_over(what, est["bytes"], "enumeration_bytes", force=force)
    refuse_if_over_memory(what, est["bytes"])


class _Images:
    """One generator's image of every mask, chunk by chunk: the low bits by one array, the high bits by a table."""

    def __init__(self, g, n, bits):
        tables = action_tables(np.array([g]), n)[0]  # (nbytes, 256) uint32
        self.tables, self.n, self.bits = tables, n, bits
        self.low = self._image_range(0, bits)

    def _image_range(self, start_bit, width):
        """Images of all values of the bits [start_bit, start_bit + width), as an array of 2^width entries."""
        out = np.zeros(1, dtype=np.uint32)
        done = 0
        while done < width:
            p = start_bit + done
            b, off = divmod(p, 8)
            r = min(8 - off, width - done)
            # images of the r bits at positions p .. p+r-1 (inside byte b)
            part = self.tables[b][(np.arange(1 << r, dtype=np.int64) << off)]
            out = (part[:, None] | out[None, :]).ravel()
            done += r
        return out

    def chunk(self, hi):
        """Images of the masks ``hi << bits`` .. ``(hi + 1) << bits`` (exclusive)."""
        if hi == 0:
            return self.low
        mask = hi << self.bits
        high = np.uint32(0)
        for b in range(self.tables.shape[0]):
            high |= self.tables[b][(mask >> (8 * b)) & 255]
        return self.low | high


def _components(group, progress=None, show=False):
    """Each image's orbit label (its minimal image): a uint32 array of length 2^n, by hooking and pointer jumping."""
    n = group.n
    total = 1 << n
    bits = min(n, CHUNK_BITS)
    size = 1 << bits
    images = [_Images(g, n, bits) for g in _moving_generators(group)]
    labels = np.arange(total, dtype=np.uint32)
    if not images:
        return labels
    with _progress_bar(None, "orbits (generators)", show=progress, default=show, unit="pass") as bar:
        snapshot = np.empty_like(labels)
        while True:
            np.copyto(snapshot, labels)  # every entry a root: L[L[x]] == L[x]
            hooked = False
            for start in range(0, total, size):
                a = snapshot[start:start + size]
                for img in images:
                    b = snapshot[img.chunk(start >> bits)]
                    diff = np.flatnonzero(a != b)
                    if not len(diff):
                        continue
                    hooked = True
                    lo = np.minimum(a[diff], b[diff])
                    hi = np.maximum(a[diff], b[diff])
                    # roots of the snapshot; min with the current label: a label never rises
                    labels[hi] = np.minimum(labels[hi], lo)
            bar.update(1)
            if not hooked:
                return labels
            _jump(labels, size)
            bar.update(1)


def _jump(labels, size):
    """Pointer jumping in place, chunk by chunk, until every label is a root."""
    total = len(labels)
    while True:
        moved = False
        for start in range(0, total, size):
            part = labels[start:start + size]
            up = labels[part]
            if not moved and not np.array_equal(up, part):
                moved = True
            part[...] = up
        if not moved:
            return


def generator_labels(group, *, force=False, limit=None, progress=None):
    """Every image's orbit label, its minimal image (uint32 array of length 2^n), by union-find over the generators.

    The same array as :func:`exactorbit.orbits.orbit_labels` by the enumerative route.

    >>> from exactorbit.groups import translations
    >>> generator_labels(translations("1x3")).tolist()
    [0, 1, 1, 3, 1, 3, 3, 7]
    """
    _check_group(group)
    est = estimate_generators(group)
    _refuse(group, est, force, limit)
    return _components(group, progress, est["seconds"] >= 2)


def generator_orbits(group, weight=None, *, labels=False, force=False, limit=None, max_features=1000,
                     progress=None):
    """Orbit decomposition of all 2^n images (or of those of weight k) by union-find over the generators.

    Fills what the enumerative route fills: the orbit sizes, the smallest
    non-constant orbit size and its minimal images (``minimal_orbit_features``,
    the smallest first, at most ``max_features``), and with ``labels=True``
    every image's minimal image (``.labels``).  ``method`` is ``'generators'``.

    >>> from exactorbit.groups import translations
    >>> generator_orbits(translations("1x4")).orbit_sizes  # necklaces: 0000,1111 | 0101 | 0001,0011,0111
    {1: 2, 2: 1, 4: 3}
    >>> d = generator_orbits(translations("1x4"), weight=2, labels=True)
    >>> d.orbit_sizes, d.labels.tolist()[:6]
    ({2: 1, 4: 1}, [0, 1, 1, 3, 1, 5])
    """
    _check_group(group)
    n = group.n
    if weight is not None:
        weight = check_int("weight", weight, min_value=0, max_value=n)
    if not isinstance(labels, bool):
        raise InvalidArgument(f"labels must be True or False, got {describe(labels)}")
    max_features = check_int("max_features", max_features, min_value=0)
    est = estimate_generators(group, weight)
    _refuse(group, est, force, limit)
    order = group.order()
    lab = _components(group, progress, est["seconds"] >= 2)
    total = 1 << n
    counts = np.bincount(lab, minlength=total) if total else np.zeros(0, dtype=np.int64)
    reps = np.flatnonzero(counts)  # the labels: each orbit's smallest mask, increasing
    sizes_of = counts[reps]
    if weight is not None:
        keep = np.bitwise_count(reps.astype(np.uint32)) == weight
        reps, sizes_of = reps[keep], sizes_of[keep]
    del counts
    values, numbers = np.unique(sizes_of, return_counts=True)
    sizes = {int(v): int(c) for v, c in zip(values, numbers)}
    if any(order % s for s in sizes):  # pragma: no cover - orbit-stabilizer guarantees it
        raise AssertionError("an orbit size does not divide the group's order")
    full = total - 1
    nonconstant = (reps != 0) & (reps != full)
    best, feats = None, []
    if nonconstant.any():
        best = int(sizes_of[nonconstant].min())
        feats = reps[nonconstant & (sizes_of == best)][: max_features + 1].tolist()
    return OrbitDecomposition.from_sizes(sizes, group_order=order, method="generators", weight=weight,
                                         smallest_nonconstant=best, features=tuple(feats[:max_features]),
                                         truncated=len(feats) > max_features, labels=lab if labels else None)
