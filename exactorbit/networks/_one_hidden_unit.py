"""One hidden unit: F(x) = a if h(x) else b.  The k = 1 distinct count and the membership test.

``h`` is the encoder's threshold unit, ``a`` and ``b`` the decoder's outputs for
the hidden bit 1 and 0.  Per pixel the decoder offers a set of pairs
(a_i, b_i) (tied: fixed by the pixel's encoder weight); the functions of one
encoder are a product set over pixels.  The shadow route
:mod:`exactorbit.shadows._one_hidden_unit` uses the same pair counts.

Per-pixel options as subsets of pairs (a_i, b_i) coded e = 2*a_i + b_i: a 4-bit
mask per pixel.  Diagonal (a_i = b_i): bits 0 and 3.
"""

import functools
from math import prod

import numpy as np

from .._budget import refuse_if_over
from ..functions import as_table
from .family import _inputs, _pack_rows, _unit_tables, threshold_range, unit_setting_count, unit_settings


# Per-pixel options of a k = 1 network F = h ? a : b, as subsets of pairs (a_i, b_i)
# coded e = 2*a_i + b_i; a 4-bit mask per pixel.  Diagonal (a_i = b_i): bits 0 and 3.
_DIAG = 0b1001


def _swap_mask(m):
    return (m & _DIAG) | ((m >> 1) & 1) << 2 | ((m >> 2) & 1) << 1


def _union_size(tuples, n):
    """Size of the union of product sets (each a tuple of n 4-bit masks)."""
    tuples = list({tuple(t) for t in tuples if all(t)})
    if not tuples:
        return 0
    if len(tuples) == 1:
        return prod(bin(m).count("1") for m in tuples[0])
    grid = np.zeros((4,) * n, dtype=bool)
    for t in tuples:
        grid[np.ix_(*[[e for e in range(4) if m >> e & 1] for m in t])] = True
    return int(grid.sum())


def _pair_options(fam, v):
    """Mask of pairs (g(1), g(0)) over decoder units on one hidden bit with weight v."""
    lo, hi = threshold_range((v,), fam.exclude_constant)
    mask = 0
    for s in range(lo, hi + 1):
        a, b = int(v >= s), int(0 >= s)
        mask |= 1 << (2 * a + b)
    return mask


def _distinct_k1(fam):
    n = fam.n
    W, t = unit_settings(n, fam.alphabet, fam.exclude_constant)
    tables = _unit_tables(W, t)
    if fam.tied:
        opt = {v: _pair_options(fam, v) for v in fam.alphabet}
        P = np.array([[opt[int(v)] for v in row] for row in W], dtype=np.int64)
    else:
        m = 0
        for v in fam.alphabet:
            m |= _pair_options(fam, v)
        P = np.full((len(W), n), m, dtype=np.int64)
    keys = _pack_rows(tables)
    groups = {}
    for key, row in zip(keys.tolist(), P.tolist()):
        groups.setdefault(key, set()).add(tuple(row))
    N = 2**n
    # constants: products of value sets (bit 0: value 0, bit 1: value 1)
    const_sets = set()
    for key, rows in groups.items():
        tab = np.frombuffer(key, dtype=bool, count=N)
        for row in rows:
            if tab.all() or not tab.any():  # constant encoder h = v: value g(v)
                shift = 2 if tab[0] else 0  # a-bit (h=1) if v = 1 else b-bit
                vals = tuple(((m >> 0 | m >> 1) & 1) | ((m >> 2 | m >> 3) & 1) << 1 if shift else
                             ((m >> 0 | m >> 2) & 1) | ((m >> 1 | m >> 3) & 1) << 1 for m in row)
            else:
                vals = tuple((m & 1) | ((m >> 3) & 1) << 1 for m in row)
            if all(vals):
                const_sets.add(vals)
    const = np.zeros((2,) * n, dtype=bool)
    for vals in const_sets:
        const[np.ix_(*[[e for e in range(2) if v >> e & 1] for v in vals])] = True
    constants = int(const.sum())
    total_r = 0
    total_x = 0
    for key, rows in groups.items():
        tab = np.frombuffer(key, dtype=bool, count=N)
        if tab.all() or not tab.any():
            continue
        total_r += _union_size(rows, n) - _union_size([tuple(m & _DIAG for m in r) for r in rows], n)
        neg = groups.get((~tab).tobytes())
        if neg:
            inter = [tuple(a & _swap_mask(b) for a, b in zip(r, s)) for r in rows for s in neg]
            total_x += _union_size(inter, n) - _union_size([tuple(m & _DIAG for m in r) for r in inter], n)
    return constants + total_r - total_x // 2


def _pixel_pair_counts(family, w_i):
    """2x2 counts [a_i, b_i] of decoder settings of one pixel (tied: its weight is w_i)."""
    cnt = np.zeros((2, 2), dtype=np.int64)
    weights = [w_i] if family.tied else list(family.alphabet)
    for v in weights:
        lo, hi = threshold_range([v], family.exclude_constant)
        for t in range(lo, hi + 1):
            cnt[int(v >= t), int(0 >= t)] += 1
    return cnt


def supported_pairs(family, w):
    """The decoder output pairs (a, b) with a positive count, as arrays A, B, C (count).

    Pixels are independent: the pairs are a product over pixels of the allowed
    (a_i, b_i), and the counts multiply.

    >>> from exactorbit.networks import NetworkFamily
    >>> A, B, C = supported_pairs(NetworkFamily("1x1", 1), [0])
    >>> A.tolist(), B.tolist(), C.tolist()
    ([0, 1], [0, 1], [1, 1])
    """
    A = np.zeros(1, dtype=np.int64)
    B = np.zeros(1, dtype=np.int64)
    C = np.ones(1, dtype=np.int64)
    for i in range(family.n):
        cnt = _pixel_pair_counts(family, int(w[i]))
        opts = [(a, b, int(cnt[a, b])) for a in (0, 1) for b in (0, 1) if cnt[a, b]]
        if not opts:  # this pixel's decoder unit has no setting: no network at all
            empty = np.zeros(0, dtype=np.int64)
            return empty, empty, empty
        A = np.concatenate([A + (a << i) for a, _, _ in opts])
        B = np.concatenate([B + (b << i) for _, b, _ in opts])
        C = np.concatenate([C * k for _, _, k in opts])
    return A, B, C


def _setting_scores(family, force=False, limit=None):
    """Every encoder setting (W, t) and the scores S[x, s] = w_s . x (int16), cached per family."""
    cost = unit_setting_count(family.n, family.alphabet, family.exclude_constant) << family.n
    refuse_if_over("the membership test (every unit's scores on every image)", cost, "network_work",
                   limit=limit, force=force)
    return _scores(family)


@functools.lru_cache(maxsize=4)
def _scores(family):
    W, t = unit_settings(family.n, family.alphabet, family.exclude_constant)
    S = (_inputs(family.n) @ W.T).astype(np.int16)
    return W, t, S


def is_member(family, table, *, force=False, limit=None):
    """Whether some parameter setting of a one-hidden-unit family computes ``table`` (no listing).

    F = h ? a : b takes at most two values; for each encoder setting whose unit
    h splits the inputs as F does, the decoder pair counts decide.

    >>> from exactorbit.networks import NetworkFamily
    >>> fam = NetworkFamily("1x2", 1)
    >>> is_member(fam, [0, 0, 0, 3]), is_member(fam, [0, 1, 2, 3])
    (True, False)
    """
    n = family.n
    F = as_table(table, "table", size=1 << n)
    values = np.unique(F)
    if values.size > 2:
        return False
    W, t, S = _setting_scores(family, force, limit)
    if values.size == 1:
        cands = [(a, a, None) for a in values.tolist()]
    else:
        p, q = values.tolist()
        cands = [(p, q, F == p), (q, p, F == q)]
    for a, b, h in cands:
        ok = np.ones(len(t), dtype=bool) if h is None else ((S >= t) == h[:, None]).all(0)
        for s in np.nonzero(ok)[0]:
            c = 1
            for i in range(n):
                c *= int(_pixel_pair_counts(family, int(W[s, i]))[(a >> i) & 1, (b >> i) & 1])
            if c:
                return True
            if not family.tied:
                break  # the decoder does not depend on the encoder
    return False
