"""One permutation in array form (tuples of ints), unchecked: identity, product, inverse, cycle notation, action.

The package's own loops use these (the public, checked versions are
:func:`exactorbit.groups.compose`, :func:`~exactorbit.groups.inverse`,
:func:`~exactorbit.groups.cycle_string` and :func:`exactorbit.actions.apply`).
Composition is left to right: ``compose(p, q)`` applies p, then q.

>>> compose((1, 2, 0), (1, 0, 2)), inverse((1, 2, 0)), cycle_string((1, 2, 0, 4, 3)), apply_mask((1, 2, 0), 0b011)
((0, 2, 1), (2, 0, 1), '(0 1 2)(3 4)', 6)
"""

from operator import sub

__all__ = ["identity", "compose", "inverse", "cycle_string", "apply_mask", "shift_classes", "mask_mapper", "table_mapper", "table_ns", "map_power"]


def identity(n):
    """Identity permutation of n points, in array form.

    >>> identity(3)
    (0, 1, 2)
    """
    return tuple(range(n))


def compose(p, q):
    """Left-to-right product p*q (apply p, then q).

    >>> compose((1, 2, 0), (1, 0, 2))
    (0, 2, 1)
    """
    return tuple(map(q.__getitem__, p))


def inverse(p):
    """Inverse of a permutation in array form.

    >>> inverse((1, 2, 0))
    (2, 0, 1)
    """
    inv = [0] * len(p)
    for i, j in enumerate(p):
        inv[j] = i
    return tuple(inv)


def cycle_string(p):
    """0-based cycle notation of an array-form permutation; ``()`` for the identity.

    >>> cycle_string((1, 2, 0, 4, 3))
    '(0 1 2)(3 4)'
    """
    seen = [False] * len(p)
    parts = []
    for i in range(len(p)):
        if seen[i] or p[i] == i:
            seen[i] = True
            continue
        cycle = []
        j = i
        while not seen[j]:
            seen[j] = True
            cycle.append(j)
            j = p[j]
        parts.append("(" + " ".join(map(str, cycle)) + ")")
    return "".join(parts) or "()"


def apply_mask(g, mask):
    """g.x for an image mask (bit p set: pixel p on) or, coordinate-wise, a tuple of masks.

    >>> apply_mask((1, 2, 0), (0b001, 0b110))
    (2, 5)
    """
    if isinstance(mask, tuple):
        return tuple(apply_mask(g, m) for m in mask)
    if 2 * mask.bit_count() > len(g):  # mostly set: the image of the complement is the complement of the image
        full = (1 << len(g)) - 1
        return apply_mask(g, mask ^ full) ^ full
    out = 0
    while mask:
        low = mask & -mask
        out |= 1 << g[low.bit_length() - 1]
        mask ^= low
    return out


def shift_classes(g):
    """g as shifts of bit masks: {d: the pixels p with g[p] = p + d}, so that g.x is the OR of (x & mask) << d.

    A translation of an h x w torus has 2 classes (the step and the wrap-around), a
    reflection w; a random permutation about n.

    >>> shift_classes((1, 2, 0)) == {1: 0b011, -2: 0b100}
    True
    """
    n = len(g)
    if n <= 127:  # at C speed: each class's mask read off a byte string of the shifts
        return _classes_of_bytes(bytes(map(sub, g, range(-127, n - 127))))  # byte p: g[p] - p + 127
    classes = {}
    for p, q in enumerate(g):
        classes[q - p] = classes.get(q - p, 0) | (1 << p)
    return classes


def _classes_of_bytes(shifts):
    """:func:`shift_classes` from the shifts as bytes (byte p: g[p] - p + 127)."""
    backwards = shifts[::-1]  # pixel 0 last: the least significant digit of int(..., 2)
    return {v - 127: int(backwards.translate(_CLASS_TABLES[v]), 2) for v in set(shifts)}


#: For each byte v (a shift d = v - 127, |d| <= 126), a table sending v to b'1' and every other byte to b'0'.
_CLASS_TABLES = {v: b"0" * v + b"1" + b"0" * (255 - v) for v in range(1, 254)}


#: Cost of one shift class against one set bit in :func:`mask_mapper` (measured: a class is an AND, a shift and an
#: OR; a bit is an AND, a negation, a bit_length, a shift, an OR and an XOR).
_CLASS_COST, _BIT_COST = 2, 3


def mask_mapper(g, weight, n):
    """A function y -> g.y on masks of ``weight`` set bits of n pixels: the cheaper of the shift classes
    (:func:`shift_classes`, a few for translations) and the bit loop on y, or on its complement when y is
    mostly set (the image of the complement is the complement of the image).  The same answers as
    :func:`apply_mask`, built once for the many points of an orbit.

    >>> f = mask_mapper((1, 2, 0), 2, 3)
    >>> f(0b011), apply_mask((1, 2, 0), 0b011)
    (6, 6)
    """
    bits = min(weight, n - weight)
    shifts = bytes(map(sub, g, range(-127, n - 127))) if n <= 127 else list(map(sub, g, range(n)))
    if _CLASS_COST * len(set(shifts)) <= _BIT_COST * bits:  # the classes counted at C speed
        classes = _classes_of_bytes(shifts) if n <= 127 else shift_classes(g)
        fixed = classes.pop(0, 0)
        up = tuple((m, d) for d, m in classes.items() if d > 0)
        down = tuple((m, -d) for d, m in classes.items() if d < 0)
        if len(up) == 1 and len(down) == 1:  # a translation of the torus (or of a strip): one step, one wrap
            (m1, d1), (m2, d2) = up[0], down[0]
            by_step = lambda y: (y & fixed) | ((y & m1) << d1) | ((y & m2) >> d2)  # noqa: E731
            by_step.ns = CLASS_NS * len(classes)
            return by_step

        def by_classes(y):
            out = y & fixed
            for m, d in up:
                out |= (y & m) << d
            for m, d in down:
                out |= (y & m) >> d
            return out
        by_classes.ns = CLASS_NS * len(classes)  # its cost per point (the orbit search may trade it for tables)
        return by_classes
    images = list(map((1).__lshift__, g))
    full = (1 << n) - 1
    flip = weight > n - weight

    def by_bits(y):
        if flip:
            y ^= full
        out = 0
        while y:
            low = y & -y
            out |= images[low.bit_length() - 1]
            y ^= low
        return out ^ full if flip else out
    by_bits.ns = BIT_NS * bits  # its cost per point (the orbit search may trade it for byte tables)
    return by_bits


def _sums(images):
    """The 2^k sums of the subsets of k disjoint-bit images, subset i at index i (bit j of i: images[j] in it)."""
    sums = [0]
    for image in images:
        sums += [t + image for t in sums]
    return sums


def table_mapper(g, n):
    """y -> g.y on masks of n pixels by byte tables: one lookup per 8 pixels, whatever the weight.

    Table c sends byte c of y to the image of its pixels (256 sums of disjoint bits, built from two
    16-entry halves); the images of the bytes, disjoint, are summed.  O(32 n) to build: worth it for
    many points of a dense orbit (:func:`exactorbit.actions.orbit_search` switches to it past the point
    where the bit loop has cost as much).

    >>> f = table_mapper((1, 2, 0), 3)
    >>> [f(y) for y in range(8)] == [apply_mask((1, 2, 0), y) for y in range(8)]
    True
    """
    images = list(map((1).__lshift__, g))
    tables = []
    for start in range(0, n, 8):
        low, high = _sums(images[start:start + 4]), _sums(images[start + 4:start + 8])
        tables.append([a + b for b in high for a in low])
    if len(tables) == 1:
        return tables[0].__getitem__
    if len(tables) == 2:
        t0, t1 = tables
        return lambda y: t0[y & 255] | t1[y >> 8]
    if len(tables) == 3:
        t0, t1, t2 = tables
        return lambda y: t0[y & 255] | t1[(y >> 8) & 255] | t2[y >> 16]
    if len(tables) == 4:
        t0, t1, t2, t3 = tables
        return lambda y: t0[y & 255] | t1[(y >> 8) & 255] | t2[(y >> 16) & 255] | t3[y >> 24]
    if len(tables) <= 8:
        t0, t1, t2, t3, t4, t5, t6, t7 = tables + [[0]] * (8 - len(tables))  # an empty byte maps to 0
        return lambda y: (t0[y & 255] | t1[(y >> 8) & 255] | t2[(y >> 16) & 255] | t3[(y >> 24) & 255]
                          | t4[(y >> 32) & 255] | t5[(y >> 40) & 255] | t6[(y >> 48) & 255] | t7[y >> 56])
    get, size = list.__getitem__, len(tables)
    return lambda y: sum(map(get, tables, y.to_bytes(size, "little")))


#: Nanoseconds (measured here, Python 3.11) per point: of one set bit of the bit loop, one shift class, one byte of
#: :func:`table_mapper` (unrolled up to 64 pixels, by ``map`` past them); of one table entry built.  The orbit
#: search's break-even between the maps.
BIT_NS, CLASS_NS, BYTE_NS, WIDE_BYTE_NS, ENTRY_NS = 130, 75, 60, 140, 60


def table_ns(n):
    """:func:`table_mapper`'s cost per point on n pixels (nanoseconds, measured)."""
    chunks = (n + 7) // 8
    return chunks * (BYTE_NS if chunks <= 8 else WIDE_BYTE_NS)


def map_power(table, k):
    """A map of 0..n-1 (an int numpy array: ``table[x]`` is the image of x) applied k times, k >= 0, by squaring.

    >>> import numpy as np
    >>> map_power(np.array([1, 2, 0]), 2).tolist(), map_power(np.array([1, 1, 0]), 0).tolist()
    ([2, 0, 1], [0, 1, 2])
    """
    import numpy as np

    out = np.arange(len(table), dtype=np.int64)
    base = table
    while k:
        if k & 1:
            out = base[out]
        base = base[base]
        k >>= 1
    return out
