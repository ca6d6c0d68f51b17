"""The "product" route of :func:`exactorbit.counting.cycle_types`: T x| P on the torus in closed form per linear part.

G = T x| P with T the translations of the h x w torus M = Z_h x Z_w and P the linear
parts (recognised once, from any generators: :func:`exactorbit._perm.structure.torus`),
so its elements are x -> A x + t for A in P and every t in M.  For A = 1 (translations):
translation t = (a, b) of orders d1 | h, d2 | w has every cycle of length lcm(d1, d2)
and phi(d1) phi(d2) translations have those orders.  For A != 1: conjugating by the
translation by u turns t into t - (A - 1) u, so the cycle type depends only on the coset
t + Im(A - 1): one element per coset is listed, counted |Im(A - 1)| times.
(proofs/conjugacy_classes.md.)

>>> from exactorbit.groups import named_group
>>> sorted(torus_cycle_types(named_group("translations", "2x2").torus_structure).items())
[(((1, 4),), 1), (((2, 2),), 3)]
"""

from collections import Counter
import math

import numpy as np

from .._perm.cycles import array_cycle_types

__all__ = ["translation_cycle_types", "torus_cycle_types", "run", "why_not"]


def _euler_phi(m):
    out, k, x = m, 2, m
    while k * k <= x:
        if x % k == 0:
            while x % k == 0:
                x //= k
            out -= out // k
        k += 1
    if x > 1:
        out -= out // x
    return out


def _divisors(m):
    return [d for d in range(1, m + 1) if m % d == 0]


def translation_cycle_types(h, w):
    """Counter of cycle types of the hw translations of the h x w torus (closed form).

    The translation by (a, b) generates a cyclic group acting freely, so all its cycles
    have its order lcm(d1, d2), d1 = h / gcd(a, h), d2 = w / gcd(b, w); phi(d1) phi(d2)
    translations have these orders.

    >>> sorted(translation_cycle_types(1, 4).items())
    [(((1, 4),), 1), (((2, 2),), 1), (((4, 1),), 2)]
    """
    out = Counter()
    for d1 in _divisors(h):
        for d2 in _divisors(w):
            length = math.lcm(d1, d2)
            out[((length, h * w // length),)] += _euler_phi(d1) * _euler_phi(d2)
    return out


def torus_cycle_types(structure):
    """Counter of cycle types of T x| P (a :class:`~exactorbit._perm.structure.TorusStructure`), one listed
    element per coset of Im(A - 1) for each A != 1.

    >>> from exactorbit.groups import named_group
    >>> sum(torus_cycle_types(named_group("translations+dihedral", "28x28").torus_structure).values())
    6272
    """
    torus = structure.coords
    h, w, n = torus.h, torus.w, torus.n
    out = translation_cycle_types(h, w)
    ident = np.arange(n, dtype=np.int64)
    for a in structure.linear:
        if np.array_equal(a, ident):
            continue
        image = np.unique(torus.sub(a, ident))  # Im(A - 1), a subgroup
        covered = np.zeros(n, dtype=bool)
        reps = []
        ir, ic = torus.R[image], torus.C[image]
        for t in range(n):  # one translation part per coset t + Im(A - 1)
            if not covered[t]:
                reps.append(t)
                covered[torus.index(torus.R[t] + ir, torus.C[t] + ic)] = True
        reps = np.array(reps, dtype=np.int64)
        # x -> A x + t for every representative t, as rows
        rows = torus.index(torus.R[a][None, :] + torus.R[reps][:, None], torus.C[a][None, :] + torus.C[reps][:, None])
        for ctype, k in array_cycle_types(rows).items():
            out[ctype] += k * len(image)
    return out


def why_not(ask):
    """None when G = T x| P (any generators), else why the route does not apply."""
    if ask.group.torus_structure is None:
        return (f"it needs the translations of the grid with affine maps (a named group with translations); "
                f"{ask.group.name} is not one")
    return None


def run(ask):
    return torus_cycle_types(ask.group.torus_structure)
