"""Naive, definitional twins for exactorbit.networks: loop over every parameter setting.

Pure Python, no numpy, no symmetry, no factorisation: a setting is all encoder
weights and thresholds and all decoder weights (tied: the transpose) and
thresholds, thresholds over the full range [min w.u, max w.u + 1] (or strictly
inside it without constant units).  Only for the smallest families.
"""

from collections import Counter
from fractions import Fraction
from itertools import product


def naive_range(weights, exclude_constant):
    lo = sum(min(v, 0) for v in weights)
    hi = sum(max(v, 0) for v in weights) + 1
    return range(lo + 1, hi) if exclude_constant else range(lo, hi + 1)


def naive_unit(weights, t, bits):
    return int(sum(w * b for w, b in zip(weights, bits)) >= t)


def naive_table(n, k, enc_w, enc_t, dec_w, dec_t):
    table = []
    for x in range(2**n):
        xb = [(x >> i) & 1 for i in range(n)]
        h = [naive_unit(enc_w[j], enc_t[j], xb) for j in range(k)]
        table.append(sum(naive_unit(dec_w[i], dec_t[i], h) << i for i in range(n)))
    return tuple(table)


def naive_settings(n, k, tied, alphabet=(-1, 0, 1), exclude_constant=False):
    """Yield every parameter setting (enc_w, enc_t, dec_w, dec_t)."""
    for flat in product(alphabet, repeat=k * n):
        enc_w = [flat[j * n:(j + 1) * n] for j in range(k)]
        for enc_t in product(*[naive_range(r, exclude_constant) for r in enc_w]):
            decs = ([[tuple(enc_w[j][i] for j in range(k)) for i in range(n)]] if tied else
                    ([list(f[i * k:(i + 1) * k] for i in range(n))] for f in product(alphabet, repeat=n * k)))
            for dec in (decs if tied else (d[0] for d in decs)):
                for dec_t in product(*[naive_range(r, exclude_constant) for r in dec]):
                    yield enc_w, enc_t, dec, dec_t


def naive_functions(n, k, tied, alphabet=(-1, 0, 1), exclude_constant=False):
    """Counter {table tuple: number of settings}."""
    return Counter(naive_table(n, k, *s) for s in naive_settings(n, k, tied, alphabet, exclude_constant))


def naive_reconstruction(counter, n, D=()):
    """P(F(x) = x | F reconstructs D) from a Counter of functions."""
    good = {t: c for t, c in counter.items() if all(t[d] == d for d in D)}
    total = sum(good.values())
    return [Fraction(sum(c for t, c in good.items() if t[x] == x), total) for x in range(2**n)]


def naive_threshold_function_count(m, alphabet=(-1, 0, 1)):
    """Distinct Boolean functions [w.u >= t] on m inputs, by brute force over w and t."""
    inputs = list(product((0, 1), repeat=m))
    seen = set()
    for w in product(alphabet, repeat=m):
        for t in naive_range(w, False):
            seen.add(tuple(naive_unit(w, t, u) for u in inputs))
    return len(seen)
