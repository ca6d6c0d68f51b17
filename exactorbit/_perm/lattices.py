"""Subgroups of the translation group T = Z_h x Z_w of an h x w torus, as integer lattices.

A subgroup L of T is the image of a lattice Lambda of Z^2 containing hZ x wZ; every
such lattice has exactly one Hermite normal form basis ``(a, b), (0, d)`` with
``a | h``, ``d | w``, ``0 <= b < d`` and ``d | (h/a) * b`` (so that (h, 0) lies in
Lambda).  The triple ``(a, b, d)`` names L; |L| = h*w / (a*d).  A pixel (r, c) (index
``r*w + c``, as in :mod:`exactorbit.images`) is also the translation by (r, c); its
coset modulo L has the canonical representative ``(r mod a, (c - (r div a) * b) mod d)``,
a pixel of the fundamental domain ``[0, a) x [0, d)``.

Used by the torus route of the orbit door (:mod:`exactorbit.orbits._torus`,
``proofs/orbit_spectrum.md``, part II).

>>> lat = TorusLattices(2, 2)
>>> len(lat), [lat.order(i) for i in range(len(lat))]   # Klein four: 1 + 3 + 1 subgroups
(5, [1, 2, 2, 2, 4])
>>> lat.moebius(lat.index((2, 0, 2)), lat.index((1, 0, 1)))   # mu(1, C2 x C2) = 2
2
"""

import math

import numpy as np

__all__ = ["hnf", "TorusCoordinates", "TorusLattices"]


def _egcd(a, b):
    """(g, x, y) with g = gcd(a, b) >= 0 and a*x + b*y = g."""
    x0, y0, x1, y1 = 1, 0, 0, 1
    while b:
        q, a, b = a // b, b, a % b
        x0, x1 = x1, x0 - q * x1
        y0, y1 = y1, y0 - q * y1
    if a < 0:
        a, x0, y0 = -a, -x0, -y0
    return a, x0, y0


def hnf(vectors, h, w):
    """The (a, b, d) of the lattice spanned by ``vectors`` (pairs of ints), (h, 0) and (0, w).

    >>> hnf([(2, 1)], 4, 2)   # spanned by (2, 1), (4, 0), (0, 2)
    (2, 1, 2)
    >>> hnf([], 3, 5)
    (3, 0, 5)
    """
    pr, pc = 0, 0  # the pivot: a vector whose first coordinate is the gcd so far
    d = w
    for r, c in list(vectors) + [(h, 0)]:
        if r == 0:
            d = math.gcd(d, c)
            continue
        g, x, y = _egcd(pr, r)
        # new pivot x*P + y*v; the combination (r/g)*P - (pr/g)*v has first coordinate 0
        rest = (r // g) * pc - (pr // g) * c
        pr, pc = g, x * pc + y * c
        d = math.gcd(d, rest)
    return pr, pc % d, d


class TorusCoordinates:
    """The h x w torus Z_h x Z_w on pixels: pixel r*w + c is (r, c); sums, differences and 2x2 matrices.

    The one coordinate class of the package: the lattices below, the torus recognition, the product route
    of :func:`exactorbit.counting.cycle_types`, the torus route of
    :func:`exactorbit.orbits.decompose` and :class:`exactorbit._perm.lattices.TorusLattices` use it.

    >>> t = TorusCoordinates(2, 3)
    >>> int(t.index(3, 4)), t.add(np.array([4]), np.array([5])).tolist(), t.sub(np.array([0]), np.array([1])).tolist()
    (4, [0], [2])
    """

    def __init__(self, h, w):
        self.h, self.w, self.n = h, w, h * w
        pix = np.arange(self.n, dtype=np.int64)
        self.R, self.C = pix // w, pix % w

    def index(self, r, c):
        """The pixel of (r, c), both read modulo the torus."""
        return (r % self.h) * self.w + (c % self.w)

    def add(self, u, v):
        """Pixel (translation) sums u + v, elementwise."""
        return self.index(self.R[u] + self.R[v], self.C[u] + self.C[v])

    def sub(self, u, v):
        """Pixel (translation) differences u - v, elementwise."""
        return self.index(self.R[u] - self.R[v], self.C[u] - self.C[v])

    def matrix(self, q):
        """The integer 2x2 matrix ((a, b), (c, d)) of a linear map q (a pixel permutation fixing 0)."""
        e1, e2 = (1 % self.h) * self.w, 1 % self.w  # pixels (1, 0) and (0, 1)
        return ((int(self.R[q[e1]]), int(self.R[q[e2]])), (int(self.C[q[e1]]), int(self.C[q[e2]])))

    def linear_part(self, g):
        """The linear part q of g (g followed by the translation by -g(0)) when g is affine, else None."""
        g = np.asarray(g, dtype=np.int64)
        t = g[0]
        q = self.index(self.R[g] - self.R[t], self.C[g] - self.C[t])
        (al, be), (ga, de) = self.matrix(q)
        lin = self.index(al * self.R + be * self.C, ga * self.R + de * self.C)
        return q if np.array_equal(q, lin) else None


class TorusLattices:
    """All subgroups of Z_h x Z_w, indexed 0..S-1 (smallest order first), with their coset labels.

    >>> lat = TorusLattices(1, 4)
    >>> [lat.order(i) for i in range(len(lat))], lat.labels(lat.index((1, 0, 2))).tolist()
    ([1, 2, 4], [0, 1, 0, 1])
    """

    def __init__(self, h, w):
        self.h, self.w, self.n = h, w, h * w
        triples = [
            (a, b, d)
            for a in range(1, h + 1) if h % a == 0
            for d in range(1, w + 1) if w % d == 0
            for b in range(d) if ((h // a) * b) % d == 0
        ]
        triples.sort(key=lambda t: (-(t[0] * t[2]), t))  # largest index in Z^2 = smallest subgroup first
        self.triples = triples
        self._index = {t: i for i, t in enumerate(triples)}
        self.a = np.array([t[0] for t in triples], dtype=np.int64)
        self.b = np.array([t[1] for t in triples], dtype=np.int64)
        self.d = np.array([t[2] for t in triples], dtype=np.int64)
        self.orders = (self.n // (self.a * self.d)).tolist()
        self.coords = TorusCoordinates(h, w)
        self.R, self.C = self.coords.R, self.coords.C
        self._labels = {}
        self._joins = {}

    def __len__(self):
        return len(self.triples)

    def index(self, triple):
        """Index of the subgroup with Hermite normal form ``(a, b, d)``."""
        return self._index[tuple(int(v) for v in triple)]

    def order(self, i):
        """|L_i|."""
        return self.orders[i]

    def span(self, vectors):
        """Index of the subgroup generated by ``vectors`` (pairs (r, c))."""
        return self._index[hnf(vectors, self.h, self.w)]

    def generators(self, i):
        """Two generating translations (a, b), (0, d) of L_i."""
        a, b, d = self.triples[i]
        return [(a, b), (0, d)]

    def labels(self, i):
        """Canonical coset representative (a pixel) of every pixel modulo L_i, as an int array."""
        lab = self._labels.get(i)
        if lab is None:
            a, b, d = self.triples[i]
            k = self.R // a
            lab = (self.R - k * a) * self.w + (self.C - k * b) % d
            self._labels[i] = lab
        return lab

    def members(self, i):
        """The pixels (translations) in L_i."""
        return np.flatnonzero(self.labels(i) == 0)

    def from_members(self, pixels):
        """Index of the subgroup whose elements are exactly ``pixels`` (which must form a subgroup).

        Read off its Hermite normal form: a = gcd(h, rows), d = gcd(w, columns of the row-0
        elements), b = the column of an element in row a.
        """
        pixels = np.asarray(pixels, dtype=np.int64)
        rs, cs = self.R[pixels], self.C[pixels]
        a = math.gcd(self.h, *np.unique(rs).tolist())
        d = math.gcd(self.w, *np.unique(cs[rs == 0]).tolist())
        b = int(cs[rs == a % self.h][0]) % d
        return self._index[(a, b, d)]

    def contains(self, i, j):
        """Whether L_i <= L_j."""
        a, b, d = self.triples[i]
        return self._has(j, a, b) and self._has(j, 0, d)

    def _has(self, j, r, c):
        a, b, d = self.triples[j]
        return r % a == 0 and (c - (r // a) * b) % d == 0

    def supergroups(self, i):
        """Indices of all L_j >= L_i (numpy, vectorised over j)."""
        a, b, d = self.triples[i]
        A, B, D = self.a, self.b, self.d
        first = (a % A == 0) & ((b - (a // A) * B) % D == 0)
        return np.flatnonzero(first & (d % D == 0))

    def join(self, i, j):
        """Index of L_i + L_j."""
        if i == j:
            return i
        key = (i, j) if i < j else (j, i)
        out = self._joins.get(key)
        if out is None:
            out = self.span(self.generators(i) + self.generators(j))
            self._joins[key] = out
        return out

    def image(self, i, matrix):
        """Index of M(L_i) for a linear map given by its integer matrix ((al, be), (ga, de)): (r, c) -> (al r + be c, ga r + de c)."""
        (al, be), (ga, de) = matrix
        return self.span([(al * r + be * c, ga * r + de * c) for r, c in self.generators(i)])

    def moebius(self, i, j):
        """The Moebius function mu(L_i, L_j) of the subgroup lattice (0 unless L_i <= L_j).

        mu(L, M) = mu(0, M/L) = prod over primes p of (-1)^e p^(e(e-1)/2) when M/L is
        elementary abelian of order p^e in each prime (and 0 otherwise): Hall 1936, the
        lattice of a finite abelian group being the product of those of its Sylow subgroups.
        """
        if not self.contains(i, j):
            return 0
        index = self.orders[j] // self.orders[i]
        primes = _prime_factors(index)
        rad = math.prod(primes)
        if not all(self._has(i, rad * r, rad * c) for r, c in self.generators(j)):
            return 0
        mu = 1
        for p in primes:
            e = 0
            while index % p == 0:
                index //= p
                e += 1
            mu *= (-1) ** e * p ** (e * (e - 1) // 2)
        return mu


def _prime_factors(m):
    """The distinct primes of m (m small: at most the number of pixels)."""
    out, p = [], 2
    while p * p <= m:
        if m % p == 0:
            out.append(p)
            while m % p == 0:
                m //= p
        p += 1
    if m > 1:
        out.append(m)
    return out
