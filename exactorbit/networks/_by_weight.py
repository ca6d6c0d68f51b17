"""The by-weight route of :func:`exactorbit.networks.reconstruction_counts`: one count per number of on-bits.

The families are invariant under every permutation of the inputs, so the count
for x depends only on its weight s.  No enumeration of inputs or weights: a
unit's firing count on x is f0 + sum over inputs of a per-input term (in x:
max(w_i, 0), outside: -min(w_i, 0)), f0 = 1 with constant units, else 0.
Untied: a closed form (encoder units are independent and their inputs
exchangeable).  Tied: a programme over the weight matrix's columns (s columns
under on-bits, m - s under off-bits) carrying, per code, the 2^k moments
sum of weight * prod_{j in J} S_j (S_j = encoder unit j's running firing sum).
"""

from itertools import product
from math import prod

from .family import _moment_finish, _moment_step, _unit_tables, unit_setting_count, unit_settings


def _by_weight_estimate(spec):
    m, k, a = spec.inputs, spec.hidden, len(spec.alphabet)
    if not spec.tied:  # the closed form, after tabulating every decoder unit on the 2^k codes
        return (m + 1) * (1 << k) * (m + k) + unit_setting_count(k, spec.alphabet, spec.exclude_constant) * (1 << k)
    return (1 << k) * (m + 1) * (m + 2) // 2 * a**k * (k + 1) * (1 << k)


def _counts_by_weight(spec):
    """Entry s: the number of settings of ``spec`` reconstructing one input with s on-bits (see the module doc)."""
    m, k, A = spec.inputs, spec.hidden, spec.alphabet
    f0 = 0 if spec.exclude_constant else 1
    a = len(A)
    if not spec.tied:
        total = unit_setting_count(m, A, spec.exclude_constant)
        pos = sum(max(v, 0) for v in A)
        neg = sum(-min(v, 0) for v in A)
        W, t = unit_settings(k, A, spec.exclude_constant)
        dec = _unit_tables(W, t)  # (settings, 2**k): decoder unit output on code c
        D1 = [int(v) for v in dec.sum(0)]
        Dtot = len(t)
        out = []
        for s in range(m + 1):
            e1 = a ** (m - 1) * (s * pos + (m - s) * neg) + f0 * a**m
            e = (total - e1, e1)
            out.append(sum(prod(e[(c >> j) & 1] for j in range(k)) * D1[c] ** s * (Dtot - D1[c]) ** (m - s)
                           for c in range(1 << k)))
        return out
    cols = list(product(A, repeat=k))
    out = [0] * (m + 1)
    for c in range(1 << k):
        per_bit = []
        for bit in (0, 1):
            terms = []
            for v in cols:
                z = sum(v[j] for j in range(k) if c >> j & 1)
                mn, mx = sum(min(x, 0) for x in v), sum(max(x, 0) for x in v)
                cnt = (z - mn + f0) if bit else (mx - z + f0)  # decoder thresholds giving this pixel's bit
                if cnt <= 0:
                    continue
                # encoder unit j's firing (c_j = 1) or silent (c_j = 0) count gains this per-input term
                delta = tuple((x * bit - min(x, 0)) if c >> j & 1 else (max(x, 0) - x * bit)
                              for j, x in enumerate(v))
                terms.append((delta, cnt))
            per_bit.append(terms)
        M = [1] + [0] * ((1 << k) - 1)
        for s in range(m + 1):  # M: after s on-columns
            R = M
            for _ in range(m - s):
                R = _moment_step(R, per_bit[0], k)
            out[s] += _moment_finish(R, k, f0)
            if s < m:
                M = _moment_step(M, per_bit[1], k)
    return out
