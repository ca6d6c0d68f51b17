"""The column-programme route of :func:`exactorbit.networks.conditioned_reconstruction` (tied; proofs/network_counts.md, Lemma B).

Fix the set Y of images to reconstruct and the hidden code pi(y) of each; then the
decoder thresholds of pixel i count by its column v_i alone, and the encoder
threshold of row j counts by the sums z_jy = sum_i inc(w_ji, y_i) (inc: w*y_i
when pi_j takes both values on Y; w*y_i - min(w, 0) when pi_j = 1 on Y;
max(w, 0) - w*y_i when pi_j = 0 on Y).  The programme carries the k*|Y| sums;
pixels with the same bits on Y are interchangeable, so the count for Y = D + x
depends on x only through how many pixels of each D-profile x sets.
"""

from collections import Counter
from itertools import product
from math import prod

import numpy as np

from .._budget import progress as _progress_bar
from .family import parameter_settings


def _dp_patterns(fam, ny):
    return (2**fam.hidden) ** ny


def _dp_column_terms(fam, pattern, profile):
    """[(increments (k*|Y|) tuple, decoder count)] over columns v for one pixel profile."""
    k, e = fam.hidden, int(fam.exclude_constant)
    ny = len(pattern)
    kinds = []
    for j in range(k):
        bits = {(c >> j) & 1 for c in pattern}
        kinds.append("mixed" if len(bits) == 2 else ("one" if 1 in bits else "zero"))
    terms = []
    for v in product(fam.alphabet, repeat=k):
        lo = sum(min(a, 0) for a in v) + e
        hi = sum(max(a, 0) for a in v) + 1 - e
        vals = [sum(v[j] for j in range(k) if (c >> j) & 1) for c in pattern]
        L = max([lo] + [vals[y] + 1 for y in range(ny) if not profile[y]])
        U = min([hi] + [vals[y] for y in range(ny) if profile[y]])
        if U < L:
            continue
        inc = []
        for j in range(k):
            for y in range(ny):
                b = profile[y]
                inc.append(v[j] * b if kinds[j] == "mixed" else
                           (v[j] * b - min(v[j], 0) if kinds[j] == "one" else max(v[j], 0) - v[j] * b))
        terms.append((tuple(inc), U - L + 1))
    return kinds, terms


def _dp_plan(fam, pattern, profiles):
    """(steps, kinds, lows, highs) of the programme for one code pattern, or None if it counts 0."""
    ny = len(pattern)
    dims = fam.hidden * ny
    steps = []
    kinds = _dp_column_terms(fam, pattern, (0,) * ny)[0]
    for prof, m in profiles.items():
        kinds, terms = _dp_column_terms(fam, pattern, prof)
        if not terms:
            return None
        steps.extend([terms] * m)
    lows = [0] * dims
    highs = [0] * dims
    for terms in steps:
        for d in range(dims):
            lows[d] += min(0, min(t[0][d] for t in terms))
            highs[d] += max(0, max(t[0][d] for t in terms))
    return steps, kinds, lows, highs


def _dp_work(plan):
    if plan is None:
        return 0
    steps, _, lows, highs = plan
    return sum(len(t) for t in steps) * prod(h - lo + 1 for lo, h in zip(lows, highs))


def _dp_count(fam, pattern, profiles):
    """Settings with hidden codes `pattern` on Y and F(y) = y, for pixels of these profiles.

    profiles: {profile tuple over Y: number of pixels}.
    """
    k, e = fam.hidden, int(fam.exclude_constant)
    ny = len(pattern)
    dims = k * ny
    plan = _dp_plan(fam, pattern, profiles)
    if plan is None:
        return 0
    steps, kinds, lows, highs = plan
    shape = tuple(h - lo + 1 for lo, h in zip(lows, highs))
    N = np.zeros(shape, dtype=np.int64)
    N[tuple(-lo for lo in lows)] = 1
    for terms in steps:
        new = np.zeros_like(N)
        for inc, c in terms:
            dst, src = [], []
            for d, sh in enumerate(inc):
                size = shape[d]
                dst.append(slice(sh, size) if sh >= 0 else slice(0, size + sh))
                src.append(slice(0, size - sh) if sh >= 0 else slice(-sh, size))
            new[tuple(dst)] += N[tuple(src)] * c
        N = new
    # encoder threshold counts per row from the sums
    grids = np.meshgrid(*[np.arange(lo, h + 1) for lo, h in zip(lows, highs)], indexing="ij", sparse=True)
    weight = np.ones(shape, dtype=np.int64)
    for j in range(k):
        z = [grids[j * ny + y] for y in range(ny)]
        if kinds[j] == "mixed":
            ones = [z[y] for y in range(ny) if (pattern[y] >> j) & 1]
            zeros = [z[y] for y in range(ny) if not (pattern[y] >> j) & 1]
            T = np.minimum.reduce(np.broadcast_arrays(*ones)) - np.maximum.reduce(np.broadcast_arrays(*zeros))
        else:
            T = (np.minimum.reduce(np.broadcast_arrays(*z)) if ny else np.zeros((1,) * dims, dtype=np.int64)) + 1 - e
        weight = weight * np.maximum(T, 0)
    return int((N * weight).sum())


def _dp_total(fam, Y):
    """The number of settings reconstructing every image of Y (tied families, column DP)."""
    if not Y:  # every setting; the row sums below need at least one image
        return parameter_settings(fam)
    profiles = Counter(tuple((y >> i) & 1 for y in Y) for i in range(fam.n))
    return sum(_dp_count(fam, pattern, profiles) for pattern in product(range(2**fam.hidden), repeat=len(Y)))


def _dp_classes(fam, D):
    """One representative x per class of images outside D with the same pixel profiles."""
    n = fam.n
    dprof = [tuple((d >> i) & 1 for d in D) for i in range(n)]
    reps = {}
    for x in range(2**n):
        if x not in D:
            reps.setdefault(tuple(sorted((dprof[i], (x >> i) & 1) for i in range(n))), x)
    return reps


def _dp_estimate(fam, D):
    """Array cells times column terms that the column DP touches for D and every x.

    Exact (the programme's own plan) when there are at most 200,000 (class, code
    pattern) pairs; otherwise the bound classes * patterns * n * |A|^k * (2an+1)^(k|Y|).
    """
    n, k = fam.n, fam.hidden
    D = list(D)
    ny = len(D) + 1
    prof = Counter(tuple((d >> i) & 1 for d in D) for i in range(n))
    classes = prod(m + 1 for m in prof.values())
    patterns = _dp_patterns(fam, ny)
    if (classes + 1) * patterns > 200_000:
        a = max(abs(v) for v in fam.alphabet) or 1
        return (classes + 1) * patterns * n * len(fam.alphabet) ** k * (2 * a * n + 1) ** (k * ny)
    work = 0
    for Y in [D] + [D + [x] for x in _dp_classes(fam, D).values()]:
        if not Y:
            continue
        profiles = Counter(tuple((y >> i) & 1 for y in Y) for i in range(n))
        work += sum(_dp_work(_dp_plan(fam, pat, profiles)) for pat in product(range(2**k), repeat=len(Y)))
    return work


def _dp_joint_counts(fam, D, progress):
    """(N_D, [N_{D + x} for every x]) for a tied family by the column DP."""
    n = fam.n
    N = 2**n
    total_D = _dp_total(fam, D)
    totals = [total_D if x in D else 0 for x in range(N)]
    if total_D == 0:
        return total_D, totals
    dprof = [tuple((d >> i) & 1 for d in D) for i in range(n)]
    reps = _dp_classes(fam, D)
    with _progress_bar(len(reps), "image classes", show=progress, default=len(reps) > 20_000) as bar:
        counts = {}
        for key, x in reps.items():
            counts[key] = _dp_total(fam, list(D) + [x])
            bar.update(1)
    for x in range(N):
        if x not in D:
            totals[x] = counts[tuple(sorted((dprof[i], (x >> i) & 1) for i in range(n)))]
    return total_D, totals
