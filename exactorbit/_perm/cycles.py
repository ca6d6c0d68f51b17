"""Cycles of permutations, arrays in and out: cycle lengths, parity, cycle types of many rows, partitions.

The one home of these helpers (the kernel, :mod:`exactorbit._perm`): every door and route
that needs the cycle lengths or the parity of a permutation, or the cycle types of the rows
of an array, calls these.  A cycle type is a tuple ``((length, count), ...)`` sorted by length.

>>> cycle_lengths((1, 2, 0, 4, 3, 5)), parity((1, 0, 2)), cycle_type((1, 0, 2, 3))
([3, 2, 1], 1, ((1, 2), (2, 1)))
>>> partition_count(40)
37338
"""

from collections import Counter
import math

import numpy as np

__all__ = ["cycle_lengths", "point_cycle_lengths", "parity", "cycle_type", "array_cycle_types",
           "partition_count", "partitions_with_sizes", "fixed_by_weight"]


def cycle_lengths(p):
    """Lengths of the cycles of a permutation (array form), fixed points included, in order of first point.

    >>> cycle_lengths((1, 2, 0, 4, 3, 5))
    [3, 2, 1]
    """
    p = p.tolist() if isinstance(p, np.ndarray) else p
    seen = [False] * len(p)
    lengths = []
    for i in range(len(p)):
        if seen[i]:
            continue
        length = 0
        j = i
        while not seen[j]:
            seen[j] = True
            j = p[j]
            length += 1
        lengths.append(length)
    return lengths


def point_cycle_lengths(g):
    """Per point, the length of its cycle under g (an int64 array).

    >>> point_cycle_lengths(np.array([1, 0, 2])).tolist()
    [2, 2, 1]
    """
    gl = g.tolist() if isinstance(g, np.ndarray) else list(g)
    n = len(gl)
    out = [0] * n
    for i in range(n):
        if out[i]:
            continue
        cyc = [i]
        j = gl[i]
        while j != i:
            cyc.append(j)
            j = gl[j]
        k = len(cyc)
        for j in cyc:
            out[j] = k
    return np.array(out, dtype=np.int64)


def parity(p):
    """0 for an even permutation (array form: tuple, list or numpy), 1 for an odd one.

    n minus the number of cycles, mod 2; for a small numpy array, the parity of its
    number of inversions (the same number, vectorised).

    >>> parity((1, 0, 2)), parity((1, 2, 0)), parity(np.array([3, 2, 1, 0]))
    (1, 0, 0)
    """
    if isinstance(p, np.ndarray) and len(p) <= 128:  # small arrays: the inversions, counted at once (numpy)
        return int(np.count_nonzero(np.triu(p[:, None] > p[None, :], 1)) & 1)
    return (len(p) - len(cycle_lengths(p))) % 2


def cycle_type(p):
    """The cycle type ``((length, count), ...)`` of one permutation, sorted by length.

    >>> cycle_type((1, 2, 0, 4, 3, 5))
    ((1, 1), (2, 1), (3, 1))
    """
    return tuple(sorted(Counter(cycle_lengths(p)).items()))


def partition_count(n):
    """The number p(n) of partitions of n (Euler's pentagonal recurrence, exact).

    >>> [partition_count(n) for n in range(8)], partition_count(40)
    ([1, 1, 2, 3, 5, 7, 11, 15], 37338)
    """
    p = [1] + [0] * n
    for m in range(1, n + 1):
        total, k = 0, 1
        while True:
            g1 = k * (3 * k - 1) // 2
            if g1 > m:
                break
            sign = 1 if k % 2 else -1
            total += sign * p[m - g1]
            g2 = k * (3 * k + 1) // 2
            if g2 <= m:
                total += sign * p[m - g2]
            k += 1
        p[m] = total
    return p[n]


def partitions_with_sizes(n):
    """Every partition of n as a cycle type ``((length, count), ...)`` with its number of permutations in S_n.

    Parts are generated largest first, the class size n! / prod(l^m m!) is carried
    down the recursion (one exact division per part size), so each partition costs
    O(number of distinct parts).

    >>> sorted(partitions_with_sizes(3))
    [(((1, 1), (2, 1)), 3), (((1, 3),), 1), (((3, 1),), 2)]
    """
    fact = math.factorial(n)
    out = []
    # stack: (remaining, largest part allowed, parts chosen so far as [(length, count)], denominator)
    stack = [(n, n, (), 1)]
    while stack:
        left, top, parts, denom = stack.pop()
        if left == 0:
            out.append((tuple(reversed(parts)), fact // denom))
            continue
        for length in range(min(top, left), 0, -1):
            power = 1
            for count in range(1, left // length + 1):
                power *= length * count  # l^count * count!
                stack.append((left - length * count, length - 1, parts + ((length, count),), denom * power))
    return out


def array_cycle_types(elems):
    """Counter of the cycle types of the rows of ``elems`` (shape (m, n), each row a permutation).

    Cycles are labelled by pointer doubling (label = smallest point of the cycle), all rows at once.

    >>> sorted(array_cycle_types(np.array([[1, 0, 2], [1, 2, 0]])).items())
    [(((1, 1), (2, 1)), 1), (((3, 1),), 1)]
    """
    elems = np.asarray(elems)
    m, n = elems.shape
    if m == 0:
        return Counter()
    offsets = (np.arange(m, dtype=np.int64) * n)[:, None]
    step = (elems.astype(np.int64) + offsets).ravel()
    jump = step.copy()
    label = np.tile(np.arange(n, dtype=np.int64), m)
    # pointer doubling: after k rounds label[i] = min over the next 2^k points of i's cycle;
    # once label is constant along every cycle it is the cycle's minimum
    span = 1
    while span < n:
        label = np.minimum(label, label[jump])
        span *= 2
        if span >= 8 and np.array_equal(label[step], label):
            break
        jump = jump[jump]
    flat = label + offsets.ravel().repeat(n)
    # size of each cycle: how many points carry its label
    counts = np.bincount(flat, minlength=m * n).reshape(m, n)
    # number of cycles of each length: how many labels have that count
    hist = np.bincount((counts + (np.arange(m) * (n + 1))[:, None]).ravel(), minlength=m * (n + 1))
    hist = hist.reshape(m, n + 1)
    hist[:, 0] = 0
    keyed = Counter(row.tobytes() for row in hist.astype(np.int32))
    out = Counter()
    for key, k in keyed.items():
        row = np.frombuffer(key, dtype=np.int32)
        ctype = tuple((int(length), int(row[length])) for length in np.nonzero(row)[0])
        out[ctype] += k
    return out


def fixed_by_weight(blocks, top):
    """Entry k (k <= top): the number of unions of the blocks with k points, prod over the blocks of (1 + t^size).

    ``blocks``: (size, count) pairs (a cycle type: the cycles of g, whose unions are the
    images g fixes; or the orbit sizes of a subgroup, with count 1 each).  The one home of
    "images fixed by blocks, by weight" (Polya's count by weight, the symbolic and torus
    spectra of one weight).  Coefficients past t^top are dropped.

    >>> fixed_by_weight([(1, 1), (2, 1)], 3)   # the blocks {2} and {0, 1}: {}, {2}, {0,1}, {0,1,2}
    [1, 1, 1, 1]
    >>> fixed_by_weight([(2, 3)], 4)
    [1, 0, 3, 0, 3]
    """
    poly = [1] + [0] * top
    for size, count in blocks:
        if size > top:
            continue
        terms = [(j * size, math.comb(count, j)) for j in range(min(count, top // size) + 1)]
        out = [0] * (top + 1)
        for i, x in enumerate(poly):
            if x:
                for shift, c in terms:
                    if i + shift > top:
                        break
                    out[i + shift] += x * c
        poly = out
    return poly
