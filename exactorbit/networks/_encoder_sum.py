"""The encoder-sum route of :func:`exactorbit.networks.conditioned_reconstruction`: every encoder representative."""

import numpy as np

from .._budget import progress as _progress_bar, refuse_if_over
from ._encoders import _Encoders, _decoder_functions, _tied_bounds
from .family import _inputs, parameter_settings


def _weighted_products(weights, per_pixel, big):
    """sum over representatives b of weights[b] * prod_i per_pixel[b, i], as a Python int."""
    per_pixel = per_pixel.astype(object) if big else per_pixel
    return int(np.sum(weights * np.prod(per_pixel, axis=1)))


def _joint_counts(fam, D, *, limit, force, progress):
    """(N_D, [N_{D + x} for every x]) by summing over encoder representatives."""
    n = fam.n
    N = 2**n
    enc = _Encoders(fam)
    D = list(D)
    estimate = enc.reps * N * n
    refuse_if_over("the conditioned reconstruction (sum over encoder representatives)", estimate, "conditioned",
                   limit=limit, force=force)
    big = parameter_settings(fam) >= 2**63
    bits = _inputs(n)  # (N, n)
    Dbits = bits[D] if D else np.zeros((0, n), dtype=np.int64)
    total_D = 0
    totals = [0] * N
    chunk = _tied_chunk if fam.tied else _untied_chunk
    context = None if fam.tied else _decoder_functions(fam)
    with _progress_bar(enc.reps, "encoders", show=progress, default=enc.reps > 20_000) as bar:
        for idx, w in enc.chunks():
            wv = w.astype(object) if big else w
            total_D += chunk(fam, enc, idx, enc.codes(idx), wv, D, Dbits, bits, totals, big, context)
            bar.update(len(idx))
    for d in D:
        totals[d] = total_D
    return total_D, totals


def _tied_chunk(fam, enc, idx, codes, wv, D, Dbits, bits, totals, big, _):
    """One chunk of tied encoders: adds N_{D + x} into ``totals``, returns its N_D (threshold intervals per pixel)."""
    V, lo, hi = _tied_bounds(fam, enc, idx)
    C = _inputs(fam.hidden)
    Z = np.einsum("bxk,bnk->bxn", C[codes], V)  # (B, N, n): v_i . h(x)
    L = lo.copy()
    U = hi.copy()
    for d, db in zip(D, Dbits):
        z = Z[:, d, :]
        U = np.where(db[None, :] == 1, np.minimum(U, z), U)
        L = np.where(db[None, :] == 0, np.maximum(L, z + 1), L)
    base = np.maximum(U - L + 1, 0)
    alive = np.flatnonzero(base.min(axis=1) > 0)
    if len(alive):
        Za, La, Ua, wa = Z[alive], L[alive], U[alive], wv[alive]
        for x in range(len(totals)):
            if x in D:
                continue
            z = Za[:, x, :]
            xb = bits[x][None, :]
            Ux = np.where(xb == 1, np.minimum(Ua, z), Ua)
            Lx = np.where(xb == 0, np.maximum(La, z + 1), La)
            totals[x] += _weighted_products(wa, np.maximum(Ux - Lx + 1, 0), big)
    return _weighted_products(wv, base, big)


def _untied_chunk(fam, enc, idx, codes, wv, D, Dbits, bits, totals, big, decoders):
    """One chunk of untied encoders: adds N_{D + x} into ``totals``, returns its N_D (decoder functions consistent
    with D's pixel values on D's codes)."""
    dec_tables, dec_counts = decoders
    n = fam.n
    # consistent[b, i, g]: decoder function g gives D's pixel-i values on D's codes
    G = dec_tables.shape[0]
    cons = np.ones((len(idx), n, G), dtype=bool)
    for d, db in zip(D, Dbits):
        out = dec_tables[:, codes[:, d]].T  # (B, G)
        cons &= out[:, None, :] == (db[None, :, None] == 1)
    cnt_D = (cons * dec_counts[None, None, :]).sum(2)  # (B, n)
    alive = np.flatnonzero(cnt_D.min(axis=1) > 0)
    if len(alive):
        ca, wa, codes_a = cons[alive] * dec_counts[None, None, :], wv[alive], codes[alive]
        for x in range(len(totals)):
            if x in D:
                continue
            out = dec_tables[:, codes_a[:, x]].T  # (B, G) bool
            xb = bits[x] == 1
            match = np.where(xb[None, :, None], out[:, None, :], ~out[:, None, :])
            totals[x] += _weighted_products(wa, (ca * match).sum(2), big)
    return _weighted_products(wv, cnt_D, big)
