"""Encoder representatives up to hidden-unit symmetry, shared by the enumeration and conditioning routes."""

from itertools import combinations_with_replacement
from math import comb, factorial, prod

import numpy as np

from .family import _encoder_settings, _distinct_rows, _unit_tables, unit_setting_count, unit_settings
from .._budget import refuse_if_over


class _Encoders:
    """Encoder representatives up to hidden-unit symmetry, with exact orbit weights.

    items: unit items (untied: distinct unit functions with counts; tied: unit
    settings, count 1, with their weights).  A representative is a sorted
    k-tuple of item indices (from the canonical half when negation is allowed);
    its weight is (#settings realising it) * (its orbit size).
    """

    def __init__(self, fam):
        self.fam = fam
        n, k = fam.n, fam.hidden
        cost = unit_setting_count(n, fam.alphabet, fam.exclude_constant) * 2**n
        refuse_if_over(f"tabulating every encoder unit on {n} pixels", cost, "network_work")
        W, t = unit_settings(n, fam.alphabet, fam.exclude_constant)
        if fam.tied:
            self.tables = _unit_tables(W, t)
            self.counts = np.ones(len(t), dtype=np.int64)
            self.weights = W
        else:
            self.tables, self.counts = _distinct_rows(_unit_tables(W, t))
            self.weights = None
        self.negate = fam.symmetric_alphabet
        if self.negate:  # items with f(0) = 0; their negations are the other half
            keep = ~self.tables[:, 0]
            self.tables, self.counts = self.tables[keep], self.counts[keep]
            if self.weights is not None:
                self.weights = self.weights[keep]
        self.items = len(self.tables)
        self.reps = _comb_count(self.items, k)
        # a representative's weight is at most the number of encoder settings
        self.big = _encoder_settings(fam) >= 2**63

    def chunks(self, size=20_000):
        """Yield (idx (B, k), weight (B,)) chunks: int64 weights, or Python ints past 2^63."""
        k = self.fam.hidden
        base = (2**k if self.negate else 1) * factorial(k)
        buf = []
        for combo in combinations_with_replacement(range(self.items), k):
            buf.append(combo)
            if len(buf) == size:
                yield self._finish(buf, base)
                buf = []
        if buf:
            yield self._finish(buf, base)

    def _finish(self, buf, base):
        idx = np.array(buf, dtype=np.int64).reshape(len(buf), self.fam.hidden)
        # orbit factor: base / prod(multiplicity!) ; multiplicities from sorted tuples
        k = idx.shape[1]
        denom = np.ones(len(idx), dtype=np.int64)
        run = np.ones(len(idx), dtype=np.int64)
        for j in range(1, k):
            same = idx[:, j] == idx[:, j - 1]
            run = np.where(same, run + 1, 1)
            denom *= run
        if self.big:  # exact Python ints: these weights can exceed int64
            counts = self.counts.astype(object)
            w = np.array([base // int(d) * prod(counts[row]) for d, row in zip(denom, idx)], dtype=object)
            return idx, w
        w = (base // denom) * np.prod(self.counts[idx], axis=1)
        return idx, w

    def codes(self, idx, images=None):
        """Hidden codes (B, len(images)) of the representatives on images (all if None)."""
        tab = self.tables if images is None else self.tables[:, np.asarray(images, dtype=np.int64)]
        code = np.zeros((len(idx), tab.shape[1]), dtype=np.int64)
        for j in range(idx.shape[1]):
            code |= tab[idx[:, j]].astype(np.int64) << j
        return code


def _setting_reps(fam):
    """Encoder representatives with every unit setting its own item, without tabulating the units.

    Exact for tied families (their items are the settings); an upper bound for untied ones
    (their items are the distinct unit functions).
    """
    items = unit_setting_count(fam.n, fam.alphabet, fam.exclude_constant)
    if fam.symmetric_alphabet:  # negation pairs the settings: (w, t) <-> (-w, 1 - t)
        items //= 2
    return _comb_count(items, fam.hidden)


def _comb_count(items, k):
    return comb(items + k - 1, k)


def _decoder_functions(fam):
    """Untied decoder unit functions over codes: (tables (D, 2**k) bool, counts int64)."""
    W, t = unit_settings(fam.hidden, fam.alphabet, fam.exclude_constant)
    return _distinct_rows(_unit_tables(W, t))


def _tied_bounds(fam, enc, idx):
    """Decoder weights (B, n, k) and threshold ranges (lo, hi) (B, n) of tied representatives."""
    V = np.transpose(enc.weights[idx], (0, 2, 1))  # (B, n, k)
    lo = np.minimum(V, 0).sum(2)
    hi = np.maximum(V, 0).sum(2) + 1
    if fam.exclude_constant:
        lo, hi = lo + 1, hi - 1
    return V, lo, hi
