"""The packed-key route of :mod:`exactorbit.networks.distinct` (n <= 4 pixels).

A table of n <= 4 pixels fits in one uint64: entry x occupies bits x*n .. x*n + n - 1.
Every (encoder representative, decoder choice per pixel) is generated as a key at
once; distinct keys are found by sorting, large key streams reduced in hash buckets.
"""

import numpy as np

from .._budget import progress as _progress_bar
from .._parallel import map_tasks, wants_parallel
from ._encoders import _Encoders, _decoder_functions, _tied_bounds
from .family import _encoder_settings, _inputs, parameter_settings


_MIX = np.uint64(0x9E3779B97F4A7C15)  # Fibonacci hashing: spreads keys over buckets and passes


def _packable(fam):
    return fam.n * 2**fam.n <= 64 and parameter_settings(fam) < 2**63 and _encoder_settings(fam) < 2**63


def _unpack_keys(keys, n):
    """Tables (len(keys), 2**n) int64 of packed keys."""
    shifts = np.arange(2**n, dtype=np.uint64) * np.uint64(n)
    return ((keys[:, None] >> shifts[None, :]) & np.uint64(2**n - 1)).astype(np.int64)


def _distinct(keys):
    """Sorted distinct values of a 1-d array (np.sort and a comparison: numpy 2.4's
    np.unique took 2.8 s on 3 million int64 here, 70x a plain sort)."""
    keys = np.sort(keys)
    if len(keys) == 0:
        return keys
    keep = np.ones(len(keys), dtype=bool)
    keep[1:] = keys[1:] != keys[:-1]
    return keys[keep]


def _reduce_keys(keys, counts):
    """Distinct keys (sorted) and the summed counts of each (exact int64)."""
    if len(keys) == 0:
        return keys, counts
    order = np.argsort(keys, kind="stable")
    keys, counts = keys[order], counts[order]
    new = np.ones(len(keys), dtype=bool)
    new[1:] = keys[1:] != keys[:-1]
    starts = np.flatnonzero(new)
    return keys[starts], np.add.reduceat(counts, starts)


class _KeyAccumulator:
    """Distinct uint64 keys with summed int64 counts, reduced in hash buckets."""

    BUCKETS = 64

    def __init__(self):
        self.parts = [[] for _ in range(self.BUCKETS)]
        self.sizes = [0] * self.BUCKETS

    def add(self, keys, counts):
        keys, counts = _reduce_keys(keys, counts)
        b = (keys * _MIX) >> np.uint64(58)
        order = np.argsort(b, kind="stable")
        bounds = np.searchsorted(b[order], np.arange(self.BUCKETS + 1))
        keys, counts = keys[order], counts[order]
        for j in range(self.BUCKETS):
            lo, hi = bounds[j], bounds[j + 1]
            if lo < hi:
                self.parts[j].append((keys[lo:hi], counts[lo:hi]))
                self.sizes[j] += hi - lo
                if len(self.parts[j]) > 16:
                    self._compact(j)

    def _compact(self, j):
        keys = np.concatenate([k for k, _ in self.parts[j]])
        counts = np.concatenate([c for _, c in self.parts[j]])
        keys, counts = _reduce_keys(keys, counts)
        self.parts[j] = [(keys, counts)]
        self.sizes[j] = len(keys)

    def result(self):
        for j in range(self.BUCKETS):
            if len(self.parts[j]) > 1:
                self._compact(j)
        parts = [p[0] for p in self.parts if p]
        if not parts:
            return np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.int64)
        keys = np.concatenate([k for k, _ in parts])
        counts = np.concatenate([c for _, c in parts])
        order = np.argsort(keys)
        return keys[order], counts[order]


def _outer_or(options, valid=None):
    """Keys of every choice of one option per pixel.

    options (B, n, S) uint64 (already shifted to the pixel's bit), valid (B, n, S)
    bool or None; returns (keys (B * S**n,), mask or None) in row-major order.
    """
    B, n, S = options.shape
    keys = np.zeros((B,) + (1,) * n, dtype=np.uint64)
    ok = None if valid is None else np.ones((B,) + (1,) * n, dtype=bool)
    for i in range(n):
        shape = [B] + [1] * n
        shape[1 + i] = S
        keys = keys | options[:, i, :].reshape(shape)
        if valid is not None:
            ok = ok & valid[:, i, :].reshape(shape)
    full = (B,) + (S,) * n
    keys = np.broadcast_to(keys, full).reshape(-1)
    return keys, (None if ok is None else np.broadcast_to(ok, full).reshape(-1))


class _PackedPlan:
    """What every chunk of the packed enumeration shares (sent once to each Dask worker)."""

    def __init__(self, fam):
        n, k = fam.n, fam.hidden
        self.fam = fam
        self.enc = _Encoders(fam)
        self.shifts = np.arange(2**n, dtype=np.uint64) * np.uint64(n)
        self.pixel_bits = np.arange(n, dtype=np.uint64)
        self.empty = False
        if fam.tied:  # the threshold axis spans every row's range: k * min(A, 0) .. k * max(A, 0) + 1
            A = fam.alphabet
            self.per_rep = (k * (max(max(A), 0) - min(min(A), 0)) + 2) ** n
        else:
            self.dec_tables, dec_counts = _decoder_functions(fam)
            G = len(self.dec_tables)
            self.empty = G == 0
            self.per_rep = G**n
            dec_mult = np.ones(1, dtype=np.int64)  # row-major like _outer_or: pixel n-1 fastest
            for i in range(n):
                dec_mult = (dec_mult[:, None] * dec_counts[None, :]).reshape(-1)
            self.dec_mult = dec_mult

    def chunk_keys(self, idx, w):
        """(keys, counts) of one chunk of encoder representatives (not yet reduced)."""
        fam, enc, shifts, pixel_bits = self.fam, self.enc, self.shifts, self.pixel_bits
        k = fam.hidden
        codes = enc.codes(idx)  # (B, N)
        if fam.tied:
            V, lo, hi = _tied_bounds(fam, enc, idx)
            Z = np.einsum("bxk,bnk->bxn", _inputs(k)[codes], V)  # (B, N, n)
            S = np.arange(int(lo.min()), int(hi.max()) + 1)
            ge = (Z[:, :, :, None] >= S).astype(np.uint64)  # (B, N, n, S)
            opts = (ge << shifts[None, :, None, None]).sum(1, dtype=np.uint64)
            opts = opts << pixel_bits[None, :, None]
            valid = (S[None, None, :] >= lo[:, :, None]) & (S[None, None, :] <= hi[:, :, None])
            keys, ok = _outer_or(opts, valid)
            counts = np.repeat(w.astype(np.int64), len(S) ** fam.n)
            return keys[ok], counts[ok]
        tabs = self.dec_tables[:, codes].transpose(1, 0, 2).astype(np.uint64)  # (B, G, N)
        fk = (tabs << shifts).sum(2, dtype=np.uint64)  # (B, G)
        opts = fk[:, None, :] << pixel_bits[None, :, None]  # (B, n, G)
        keys, _ = _outer_or(opts)
        counts = (w.astype(np.int64)[:, None] * self.dec_mult[None, :]).reshape(-1)
        return keys, counts


def _packed_task(chunks, plan):
    """One task of the parallel route: several chunks of representatives, reduced to (keys, counts)."""
    acc = _KeyAccumulator()
    for idx, w in chunks:
        acc.add(*plan.chunk_keys(idx, w))
    return acc.result()


def _packed_enumeration(fam, progress=None, workers=None, scheduler=None):
    """Every distinct function of a family with n <= 4 as (keys sorted uint64, counts int64).

    One key per (encoder representative, choice of decoder per pixel); counts
    are the representative's weight times the decoder multiplicities.  With
    ``workers``/``scheduler`` the chunks of representatives run on Dask
    (:mod:`exactorbit._parallel`); the keys and counts are the same.
    """
    plan = _PackedPlan(fam)
    if plan.empty:
        return np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.int64)
    enc = plan.enc
    size = max(1, 4_000_000 // plan.per_rep)
    acc = _KeyAccumulator()
    if wants_parallel(workers, scheduler):
        chunks = list(enc.chunks(size=size))
        per_task = max(1, len(chunks) // 32)
        tasks = [chunks[i:i + per_task] for i in range(0, len(chunks), per_task)]
        for keys, counts in map_tasks(_packed_task, tasks, shared=plan, workers=workers, scheduler=scheduler,
                                      progress=progress, label="encoders", default_progress=enc.reps > 20_000):
            acc.add(keys, counts)
        return acc.result()
    with _progress_bar(enc.reps, "encoders", show=progress, default=enc.reps > 20_000) as bar:
        for idx, w in enc.chunks(size=size):
            acc.add(*plan.chunk_keys(idx, w))
            bar.update(len(idx))
    return acc.result()
