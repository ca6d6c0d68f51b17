"""Ranks of group elements: a bijection G -> {0, ..., |G| - 1}, vectorised over many elements at once.

Two rankers (proofs/geometry.md, "Ranking"):

- :class:`LehmerRanker`: G is the whole symmetric group on the points it moves; the rank is the Lehmer code
  (factorial number system) of the permutation of those points: n(n-1)/2 comparisons per element, no tables.
- :class:`ChainRanker`: any group, by its stabilizer chain: sifting g through the levels gives coordinates
  (the position of b_i^g' in the basic orbit Delta_i, g' the residue), read in mixed radix.

Both take a batch of N elements as the columns of an (m, N) int array (entry [p, j]: the image of point p under
element j), restricted to the moved points: one contiguous row per point, so every step is a 1-d numpy pass.

>>> import numpy as np
>>> r = make_ranker([(1, 0, 2), (0, 2, 1)], 3)        # S_3: the Lehmer code
>>> type(r).__name__, r.order, r.rank(np.array([[0, 1, 2], [2, 1, 0]]).T).tolist()
('LehmerRanker', 6, [0, 5])
>>> c = make_ranker([(1, 2, 0)], 3)                  # C_3: by the chain
>>> type(c).__name__, sorted(c.rank(np.array([[0, 1, 2], [1, 2, 0], [2, 0, 1]]).T).tolist())
('ChainRanker', [0, 1, 2])
"""

import math

import numpy as np

from .._perm.chain import StabilizerChain

__all__ = ["make_ranker", "LehmerRanker", "ChainRanker", "support_of"]


def support_of(generators, n):
    """The points some generator moves, sorted (a numpy int array).

    >>> support_of([(1, 0, 2, 3)], 4).tolist()
    [0, 1]
    """
    moved = np.zeros(n, dtype=bool)
    for g in generators:
        moved |= np.asarray(g) != np.arange(n)
    return np.flatnonzero(moved)


def _dtype(m):
    return np.uint8 if m <= 256 else np.uint16


class LehmerRanker:
    """Ranks in the symmetric group on ``m`` <= 20 points: the Lehmer code of each element, digit i = the number of
    later values below v_i (m(m-1)/2 byte comparisons per element, each a 1-d pass)."""

    def __init__(self, m):
        self.m = m
        self.order = math.factorial(m)
        self.dtype = _dtype(m)

    def rank(self, cols):
        """The ranks of the columns (int64)."""
        m, n = cols.shape
        out = np.zeros(n, dtype=np.int64)
        digit = np.empty(n, dtype=np.uint8)
        below = np.empty(n, dtype=bool)
        for i in range(m - 1):
            digit[:] = 0
            for j in range(i + 1, m):
                np.less(cols[j], cols[i], out=below)
                digit += below
            out *= m - i
            out += digit
        return out


class ChainRanker:
    """Ranks in any permutation group on ``m`` points by sifting through its stabilizer chain."""

    def __init__(self, chain):
        m = chain.n
        self.m = m
        self.order = chain.order()
        self.dtype = _dtype(m)
        self.levels = []
        for level in chain.levels:
            orbit = level.orbit
            pos = np.full(m, -1, dtype=np.int64)
            pos[orbit] = np.arange(len(orbit))
            uinv = np.empty((len(orbit), m), dtype=np.intp)
            for k, d in enumerate(orbit):
                u = level.transversal(int(d))
                uinv[k, u] = np.arange(m)  # the inverse of u
            self.levels.append((int(level.point), pos, uinv, len(orbit)))

    def rank(self, cols):
        """The ranks of the columns (int64): each column must be an element of the group. Only the images of the
        base points are followed through the sifting (the residue g u^-1 is needed nowhere else): level i reads
        b_i^g', then maps the images of the later base points by u^-1, one flat gather each."""
        levels = self.levels
        out = np.zeros(cols.shape[1], dtype=np.int64)
        vals = [cols[point].astype(np.intp) for point, _, _, _ in levels]
        for i, (_, pos, uinv, size) in enumerate(levels):
            k = pos[vals[i]]
            out *= size
            out += k
            if i + 1 < len(levels):
                offset = k * self.m
                flat = uinv.reshape(-1)
                for j in range(i + 1, len(levels)):
                    vals[j] = flat[offset + vals[j]]
        return out


def make_ranker(generators, m):
    """The ranker of the group the ``generators`` (permutations of 0..m-1) generate: Lehmer for S_m, else the chain.

    >>> make_ranker([(1, 2, 3, 0), (1, 0, 2, 3)], 4).order
    24
    """
    chain = StabilizerChain._unchecked([np.asarray(g, dtype=np.int64) for g in generators], m)
    if chain.order() == math.factorial(m):
        return LehmerRanker(m)
    return ChainRanker(chain)
