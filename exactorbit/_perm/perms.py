"""One permutation in array form (tuples of ints), unchecked: identity, product, inverse, cycle notation, action.

The package's own loops use these (the public, checked versions are
:func:`exactorbit.groups.compose`, :func:`~exactorbit.groups.inverse`,
:func:`~exactorbit.groups.cycle_string` and :func:`exactorbit.actions.apply`).
Composition is left to right: ``compose(p, q)`` applies p, then q.

>>> compose((1, 2, 0), (1, 0, 2)), inverse((1, 2, 0)), cycle_string((1, 2, 0, 4, 3)), apply_mask((1, 2, 0), 0b011)
((0, 2, 1), (2, 0, 1), '(0 1 2)(3 4)', 6)
"""

__all__ = ["identity", "compose", "inverse", "cycle_string", "apply_mask", "map_power"]


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
    return tuple(q[i] for i in p)


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
    out = 0
    while mask:
        low = mask & -mask
        out |= 1 << g[low.bit_length() - 1]
        mask ^= low
    return out


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
