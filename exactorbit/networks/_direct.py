"""The direct route of :func:`exactorbit.networks.reconstruction_counts`: a count for every image.

Untied: sum over hidden codes c of (#encoders with code c on x) times the
product over pixels of (#decoder units giving x_i on c).  Tied: a dynamic
programme over the columns of the weight matrix (the count depends on x only
through its number of on-pixels, since columns commute).
"""

from itertools import product
from math import prod

import numpy as np

from ._encoders import _decoder_functions
from .family import _inputs, _weight_vectors, unit_setting_count


def _untied_counts(fam):
    n, k = fam.n, fam.hidden
    total = unit_setting_count(n, fam.alphabet, fam.exclude_constant)
    W = _weight_vectors(n, fam.alphabet)
    lo = np.minimum(W, 0).sum(1)
    hi = np.maximum(W, 0).sum(1) + 1
    if fam.exclude_constant:
        lo, hi = lo + 1, hi - 1
    # e_x(1) = sum over weight vectors of #{t in [lo, hi] : t <= w.x}, exact (< 2^63)
    X = _inputs(n).T
    span = np.maximum(hi - lo + 1, 0)
    fire = np.zeros(2**n, dtype=np.int64)
    step = max(1, (1 << 24) // 2**n)  # chunks of weight vectors: bounded memory
    for s in range(0, len(W), step):
        part = (W[s:s + step] @ X) - lo[s:s + step, None] + 1
        fire += np.clip(part, 0, span[s:s + step, None]).sum(0)
    dec_tables, dec_counts = _decoder_functions(fam)
    D1 = [int(v) for v in (dec_counts[:, None] * dec_tables).sum(0)]  # D(c, 1) per code c
    Dtot = int(dec_counts.sum())
    weights = [bin(x).count("1") for x in range(2**n)]
    out = []
    for x in range(2**n):
        e1 = int(fire[x])
        e = (total - e1, e1)
        s = 0
        for c in range(2**k):
            ep = prod(e[(c >> j) & 1] for j in range(k))
            if ep:
                s += ep * D1[c] ** weights[x] * (Dtot - D1[c]) ** (n - weights[x])
        out.append(s)
    return out


def _tied_counts(fam):
    n, k, A = fam.n, fam.hidden, fam.alphabet
    excl = fam.exclude_constant
    f0 = 0 if excl else 1
    cache = {}
    cols = list(product(A, repeat=k))

    def column_terms(c, bit):
        terms = []
        for v in cols:
            z = sum(v[j] for j in range(k) if c >> j & 1)
            mn, mx = sum(min(a, 0) for a in v), sum(max(a, 0) for a in v)
            cnt = (z - mn + f0) if bit else (mx - z + f0)
            if cnt <= 0:
                continue
            delta = tuple((a * bit - min(a, 0)) if c >> j & 1 else (max(a, 0) - a * bit) for j, a in enumerate(v))
            terms.append((delta, cnt))
        return terms

    def count(ones):
        total = 0
        for c in range(2**k):
            states = {(0,) * k: 1}
            for bit in [1] * ones + [0] * (n - ones):
                terms = column_terms(c, bit)
                new = {}
                for st, cnt in states.items():
                    for delta, dc in terms:
                        key = tuple(a + b for a, b in zip(st, delta))
                        new[key] = new.get(key, 0) + cnt * dc
                states = new
            total += sum(cnt * prod(s + f0 for s in st) for st, cnt in states.items())
        return total

    out = []
    for x in range(2**n):
        ones = bin(x).count("1")  # columns commute: the sum depends on the multiset of bits
        if ones not in cache:
            cache[ones] = count(ones)
        out.append(cache[ones])
    return out


def _direct_counts_estimate(fam):
    """Work of the per-image routes: the untied firing sums, or the tied dictionary programme."""
    n, k, a = fam.n, fam.hidden, len(fam.alphabet)
    if not fam.tied:
        return a**n * 2**n + unit_setting_count(k, fam.alphabet, fam.exclude_constant) * 2**k
    amax = max(abs(v) for v in fam.alphabet)
    return (n + 1) * 2**k * n * (n * amax + 1) ** k * a**k
