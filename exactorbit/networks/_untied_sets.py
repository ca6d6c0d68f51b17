"""The set-count route of :mod:`exactorbit.networks.distinct` (untied families, n <= 4; proofs/network_counts.md, Lemma A).

An untied network F = D(H(x)) has n independent decoder units, each any decoder
function g over the hidden codes: F's pixel functions f_i = g_i o H all lie in
S(H) = {g o H}.  So F is realised iff its set of pixel functions C lies in
some S(H), and the number of distinct F is sum_c surj(n, c) * R_c, R_c the
number of c-sets of functions of x lying in some S(H), surj(n, c) = c! S(n, c)
the n-tuples with exactly c distinct entries.  A c-set of 2**n-bit functions
(2**n <= 16, c <= 4) is one uint64 key; R_c is a count of distinct keys.
"""

from itertools import combinations
from math import comb

import numpy as np

from .._budget import LIMITS, progress as _progress_bar
from ._encoders import _Encoders, _decoder_functions
from ._packed import _MIX, _distinct
from .family import _family
from ..errors import InvalidArgument


def _surjections(n, c):
    """The number of maps from an n-set onto a c-set: c! S(n, c)."""
    return sum((-1) ** j * comb(c, j) * (c - j) ** n for j in range(c + 1))


def _function_sets(fam):
    """The distinct sets S(H) over encoder representatives: {size s: (rows, s) uint64 sorted}."""
    N = 2**fam.n
    enc = _Encoders(fam)
    dec_tables, _ = _decoder_functions(fam)
    bits = np.uint64(1) << np.arange(N, dtype=np.uint64)
    by_size = {}
    if len(dec_tables) == 0:
        return by_size
    for idx, _w in enc.chunks(size=20_000):
        codes = enc.codes(idx)
        fk = (dec_tables[:, codes].transpose(1, 0, 2).astype(np.uint64) * bits).sum(2, dtype=np.uint64)
        fk.sort(axis=1)
        keep = np.ones(fk.shape, dtype=bool)
        keep[:, 1:] = fk[:, 1:] != fk[:, :-1]
        sizes = keep.sum(1)
        for s in np.unique(sizes).tolist():
            rows = sizes == s
            by_size.setdefault(s, []).append(fk[rows][keep[rows]].reshape(-1, s))
    return {s: np.unique(np.concatenate(parts), axis=0) for s, parts in sorted(by_size.items())}


def _set_keys(V, last, combos, top=None):
    """Keys of sets of row elements: columns ``combos`` (each row of combos ascending, below
    ``last``), then column ``last``, then the value ``top`` if given (larger than every other)."""
    N = 16  # bits per function in a key
    sub = V[:, combos]  # (rows, #combos, j)
    width = combos.shape[1]
    keys = np.broadcast_to(V[:, last][:, None] << np.uint64(N * width), sub.shape[:2]).copy()
    for j in range(width):
        keys |= sub[:, :, j] << np.uint64(N * j)
    if top is not None:
        keys |= np.uint64(top) << np.uint64(N * (width + 1))
    return keys.reshape(-1)


def _untied_small(family):
    fam = _family(family)
    if fam.tied or fam.n > 4:
        raise InvalidArgument(f"the set count needs an untied family with at most 4 pixels, got {fam.describe()}")
    return fam


def _realisable_set_counts(fam, *, budget=None, progress=None):
    """{c: R_c}: the number of c-sets of functions of x inside some S(H).

    A set's pass is a hash of its pivot: its largest element, or its second largest
    when the largest is the constant-1 function (in nearly every S(H); pivoting on it
    would put 7% of all sets in one pass).
    """
    budget = LIMITS["untied_key_budget"].value if budget is None else budget
    sets = _function_sets(fam)
    full = np.uint64(2**2**fam.n - 1)
    R = {}
    cache = {}

    def combos(below, j):
        if (below, j) not in cache:
            cache[below, j] = np.array(list(combinations(range(below), j)), dtype=np.int64).reshape(comb(below, j), j)
        return cache[below, j]

    cands = {c: sum(len(V) * comb(s, c) for s, V in sets.items()) for c in range(1, fam.n + 1)}
    with _progress_bar(sum(cands.values()), "function sets", show=progress, default=sum(cands.values()) > 20_000) as bar:
        for c in range(1, fam.n + 1):
            passes = max(1, -(-cands[c] // budget))
            total = 0
            for p in range(passes):
                found = []
                for s, V in sets.items():
                    has_full = V[:, -1] == full
                    for last in range(c - 2 if c > 1 else 0, s):
                        mine = ((V[:, last] * _MIX) >> np.uint64(40)) % np.uint64(passes) == p
                        # sets whose largest element is column last (not the constant 1 unless alone)
                        rows = V[mine & ~has_full] if last == s - 1 and c > 1 else V[mine]
                        if last >= c - 1 and len(rows):
                            found.append(_distinct(_set_keys(rows, last, combos(last, c - 1))))
                        # sets {..., column last, constant 1}: pivot column last
                        if c > 1 and last < s - 1:
                            rows2 = V[mine & has_full]
                            if len(rows2):
                                found.append(_distinct(_set_keys(rows2, last, combos(last, c - 2), top=full)))
                        bar.update(int(mine.sum()) * comb(last, c - 1) if last >= c - 1 else 0)
                total += len(_distinct(np.concatenate(found))) if found else 0
            R[c] = total
    return R


def _untied_distinct_count(fam, *, budget=None, progress=None):
    R = _realisable_set_counts(fam, budget=budget, progress=progress)
    return sum(_surjections(fam.n, c) * r for c, r in R.items())
