"""The dictionary route of :mod:`exactorbit.networks.distinct`: per encoder representative, every decoder choice,
summed in a dictionary keyed by table bytes (any n <= 16; the reference for the packed route)."""

import numpy as np

from .._budget import progress as _progress_bar
from ._encoders import _Encoders, _decoder_functions, _tied_bounds
from .family import _inputs, _pack_rows, _distinct_rows, parameter_settings


def _pixel_options(fam, enc, idx, dec_tables, dec_counts):
    """Per representative: list over pixels of (bit tables (P, N) bool, counts)."""
    N = 2**fam.n
    codes = enc.codes(idx)  # (B, N)
    out = []
    if not fam.tied:
        for b in range(len(idx)):
            opts = _distinct_rows(dec_tables[:, codes[b]], dec_counts)
            out.append([opts] * fam.n)
        return out
    V, lo, hi = _tied_bounds(fam, enc, idx)
    C = _inputs(fam.hidden)  # codes -> bits
    for b in range(len(idx)):
        z = C[codes[b]] @ V[b].T  # (N, n): v_i . h(x)
        per = []
        for i in range(fam.n):
            ts = np.arange(lo[b, i], hi[b, i] + 1)
            per.append(_distinct_rows(z[:, i][None, :] >= ts[:, None]) if len(ts) else
                       (np.zeros((0, N), dtype=bool), np.zeros(0, dtype=np.int64)))
        out.append(per)
    return out


def _combine(per, n):
    """Cartesian product of per-pixel options: tables (M, N) int64 and counts (M,)."""
    tables, counts = per[0][0].astype(np.int64), per[0][1]
    for i in range(1, n):
        t, c = per[i]
        tables = (tables[:, None, :] | (t.astype(np.int64) << i)[None, :, :]).reshape(-1, tables.shape[1])
        counts = (counts[:, None] * c[None, :]).reshape(-1)
    return tables, counts


def _dict_enumeration(fam, progress=None):
    """The per-representative route of :func:`enumerate_functions`: a dictionary keyed by table bytes."""
    enc = _Encoders(fam)
    dec_tables, dec_counts = _decoder_functions(fam)
    exact_int64 = parameter_settings(fam) < 2**63
    acc = {}
    with _progress_bar(enc.reps, "encoders", show=progress, default=enc.reps > 20_000) as bar:
        for idx, w in enc.chunks(size=2000):
            for b, per in enumerate(_pixel_options(fam, enc, idx, dec_tables, dec_counts)):
                if any(len(p[0]) == 0 for p in per):
                    continue
                tables, counts = _combine(per, fam.n)
                tables, counts = _distinct_rows(tables, counts)
                if exact_int64:
                    counts = counts * w[b]
                keys = _pack_rows(tables)
                for key, c in zip(keys.tolist(), counts.tolist()):
                    c = c if exact_int64 else int(c) * int(w[b])
                    acc[key] = acc.get(key, 0) + c
            bar.update(len(idx))
    N = 2**fam.n
    result = [(np.frombuffer(key, dtype=np.int64, count=N).copy(), int(c)) for key, c in acc.items()]
    result.sort(key=lambda tc: tuple(tc[0].tolist()))
    return result
