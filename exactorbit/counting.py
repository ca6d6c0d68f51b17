"""Counting orbits of binary images without enumerating them: cycle index, Burnside, Polya.

Conventions: ``c(g)`` is the number of cycles of g on the pixels (fixed pixels
count as cycles of length 1).  A cycle type is a tuple ``((length, count), ...)``
sorted by length.  Burnside: #orbits = (1/|G|) sum_g 2^c(g).  Polya: the number
of orbits of images with k on-pixels is the coefficient of t^k in
(1/|G|) sum_g prod_cycles (1 + t^length).

All elements are listed once as a numpy array (|G| x n); cycles are labelled by
pointer doubling (label = smallest pixel of the cycle), all elements at once.

>>> from exactorbit.groups import named_group
>>> G = named_group("translations+dihedral", "3x3")
>>> burnside_count(G)
26
>>> orbits_by_weight(G)[4]
5
"""

from collections import Counter
import math

import numpy as np
import sympy
from sympy.utilities.iterables import partitions

from ._budget import limit_value, refuse_if_over
from .groups import check_group, cycle_lengths

__all__ = [
    "cycle_types",
    "cycle_index",
    "burnside_count",
    "orbits_by_weight",
    "orbits_by_weight_polynomial",
    "count_cycles",
    "fixed_by_weight",
]

def count_cycles(g):
    """Number of cycles of one permutation (array form), fixed points included.

    >>> count_cycles((1, 0, 2))
    2
    """
    return len(cycle_lengths(g))


def _symmetric_cycle_types(n, force):
    refuse_if_over(f"the cycle index of the symmetric group on {n} pixels (one term per partition of {n})",
                   int(sympy.functions.combinatorial.numbers.partition(n)), "symmetric_partitions", force=force)
    out = Counter()
    for part in partitions(n):
        size = math.factorial(n)
        for length, count in part.items():
            size //= length**count * math.factorial(count)
        out[tuple(sorted(part.items()))] = size
    return out


def cycle_types(group, *, force=False, limit=None):
    """Counter mapping each cycle type ``((length, count), ...)`` to its number of elements.

    >>> from exactorbit.groups import translations
    >>> sorted(cycle_types(translations("1x4")).items())
    [(((1, 4),), 1), (((2, 2),), 1), (((4, 1),), 2)]
    """
    group = check_group(group)
    if group.is_symmetric and group.order() * group.n > limit_value("group_elements", limit):
        return _symmetric_cycle_types(group.n, force)
    elems = group.element_array(force=force, limit=limit)
    m, n = elems.shape
    offsets = (np.arange(m, dtype=np.int64) * n)[:, None]
    step = (elems.astype(np.int64) + offsets).ravel()
    jump = step.copy()
    label = np.tile(np.arange(n, dtype=elems.dtype), m)
    # pointer doubling: after k rounds label[i] = min over the next 2^k points of i's cycle;
    # once label is constant along every cycle it is the cycle's minimum
    span = 1
    while span < n:
        label = np.minimum(label, label[jump])
        span *= 2
        if span >= 8 and np.array_equal(label[step], label):
            break
        jump = jump[jump]
    flat = label.astype(np.int64) + offsets.ravel().repeat(n)
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


def cycle_index(group, *, force=False, limit=None):
    """The cycle index Z(G) = (1/|G|) sum_g prod_i a_i^{c_i(g)} as a sympy expression.

    >>> from exactorbit.groups import reflections
    >>> cycle_index(reflections("1x2"))
    a1**2/2 + a2/2
    """
    group = check_group(group)
    order = group.order()
    expr = sympy.Integer(0)
    for ctype, k in cycle_types(group, force=force, limit=limit).items():
        term = sympy.Rational(k, order)
        for length, count in ctype:
            term *= sympy.Symbol(f"a{length}") ** count
        expr += term
    return sympy.expand(expr)


def burnside_count(group, *, force=False, limit=None):
    """Number of orbits of all 2^n binary images: (1/|G|) sum_g 2^c(g), an exact int.

    >>> from exactorbit.groups import dihedral
    >>> [burnside_count(dihedral(f"{k}x{k}")) for k in (1, 2, 3, 4)]  # OEIS A054247
    [2, 6, 102, 8548]
    """
    group = check_group(group)
    if group.is_symmetric:
        return group.n + 1
    total = sum(k * 2 ** sum(c for _, c in ctype) for ctype, k in cycle_types(group, force=force, limit=limit).items())
    q, r = divmod(total, group.order())
    if r:  # pragma: no cover - Burnside's lemma guarantees divisibility
        raise AssertionError("Burnside sum not divisible by |G|")
    return q


def _poly_mul(a, b):
    out = [0] * (len(a) + len(b) - 1)
    for i, x in enumerate(a):
        if x:
            for j, y in enumerate(b):
                if y:
                    out[i + j] += x * y
    return out


def _cycle_type_weight_poly(ctype, n):
    poly = [1]
    for length, count in ctype:
        factor = [0] * (length * count + 1)
        for j in range(count + 1):
            factor[j * length] = math.comb(count, j)
        poly = _poly_mul(poly, factor)
    return poly + [0] * (n + 1 - len(poly))


def fixed_by_weight(g):
    """Entry k: the number of images of weight k fixed by g (prod over its cycles of (1 + t^length)).

    >>> fixed_by_weight((1, 0, 2))   # fixed: {}, {2}, {0,1}, {0,1,2}
    [1, 1, 1, 1]
    """
    return _cycle_type_weight_poly(sorted(Counter(cycle_lengths(g)).items()), len(g))


def orbits_by_weight(group, *, force=False, limit=None):
    """List whose entry k is the number of orbits of images with k on-pixels (Polya).

    >>> from exactorbit.groups import translations
    >>> orbits_by_weight(translations("1x4"))  # necklaces of 4 beads by weight
    [1, 1, 2, 1, 1]
    """
    group = check_group(group)
    n = group.n
    if group.is_symmetric:
        return [1] * (n + 1)
    total = [0] * (n + 1)
    for ctype, k in cycle_types(group, force=force, limit=limit).items():
        for i, c in enumerate(_cycle_type_weight_poly(ctype, n)):
            total[i] += k * c
    order = group.order()
    out = []
    for c in total:
        q, r = divmod(c, order)
        if r:  # pragma: no cover
            raise AssertionError("Polya sum not divisible by |G|")
        out.append(q)
    return out


def orbits_by_weight_polynomial(group, *, force=False, limit=None):
    """The Polya generating polynomial sum_k (#orbits of weight k) t^k as a sympy Poly in t.

    >>> from exactorbit.groups import translations
    >>> orbits_by_weight_polynomial(translations("1x3")).as_expr()
    t**3 + t**2 + t + 1
    """
    group = check_group(group)
    t = sympy.Symbol("t")
    return sympy.Poly(list(reversed(orbits_by_weight(group, force=force, limit=limit))), t)
