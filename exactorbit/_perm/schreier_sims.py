"""Schreier-Sims on tuples: a base and strong generating set, deterministic and exact, in pure Python.

A permutation is a tuple ``p`` (point i goes to ``p[i]``), composed left to right
("p, then q" is ``itemgetter(*p)(q)``: one C-level gather).  The algorithm is the
classical one (Sims 1970; Holt, Eick & O'Brien, *Handbook of Computational Group
Theory*, 4.4.2 SCHREIERSIMS): keep, for every level i of a candidate base
(b_0, ..., b_(k-1)), the generators S_i of the candidate G_i = <S_i> (the strong
generators fixing b_0 .. b_(i-1)) and the transversal of the basic orbit b_i^G_i;
from the bottom level up, sift every Schreier generator u_beta s u_(beta^s)^-1 of
level i through the levels below; a residue that is not the identity is a new
strong generator (added to every level it belongs to, the base extended by a
point it moves when it fixes every base point) and the work resumes at the
lowest level it changed.  When every Schreier generator of every level sifts to
the identity, Schreier's lemma makes S a strong generating set: the order is the
product of the basic orbit lengths, exactly, with no randomness.

It replaces sympy's ``schreier_sims_incremental`` for the stabilizer chains of
:mod:`exactorbit._perm.chain`: the same algorithm without sympy's objects, and
with each level's Schreier generators checked once (a level is rechecked only
for the points and generators it gained).  ``proofs/stabilizer_chain.md``
section 3 gives the proof; the tests compare it with listing every element,
with sympy and with GAP.

>>> base, strong = schreier_sims([(1, 2, 3, 0), (3, 2, 1, 0)], 4)
>>> base, order_of(base, strong, 4)
([0, 1], 8)
>>> schreier_sims([(0, 1, 2)], 3)
([], [])
"""

from operator import itemgetter

import numpy as np

__all__ = ["schreier_sims", "schreier_sims_batched", "order_of", "Chain"]


def _then(p, q):
    """p, then q (left-to-right product)."""
    return itemgetter(*p)(q) if len(p) > 1 else tuple(q[i] for i in p)


def _inverse(p):
    inv = [0] * len(p)
    for i, j in enumerate(p):
        inv[j] = i
    return tuple(inv)


class _Level:
    """Base point, generators and the transversal (point -> u with point = b^u) of one candidate level."""

    __slots__ = ("point", "gens", "u", "u_inverse", "checked")

    def __init__(self, point, identity):
        self.point, self.gens, self.u, self.u_inverse = point, [], {point: identity}, {point: identity}
        # (point, generator index) pairs whose Schreier generator is 1: sifted, or an edge of the tree
        self.checked = set()

    def extend(self):
        """Close the transversal under the generators (breadth first from the points known)."""
        u, gens = self.u, self.gens
        frontier = list(u)
        while frontier:
            new = []
            for beta in frontier:
                ub = u[beta]
                for k, s in enumerate(gens):
                    gamma = s[beta]
                    if gamma not in u:
                        u[gamma] = _then(ub, s)   # u_beta s u_gamma^-1 = 1: nothing to check
                        self.checked.add((beta, k))
                        new.append(gamma)
            frontier = new


def _inverse_of(level, beta):
    """u_beta^-1, computed once."""
    v = level.u_inverse.get(beta)
    if v is None:
        v = level.u_inverse[beta] = _inverse(level.u[beta])
    return v


def _sift(levels, g, start, identity):
    """(residue, the level where sifting stopped): strip g through levels start, start+1, ..."""
    for j in range(start, len(levels)):
        level = levels[j]
        beta = g[level.point]
        if beta not in level.u:
            return g, j
        if beta != level.point:
            g = _then(g, _inverse_of(level, beta))
    return g, len(levels)


def _moved_point(g):
    return next(i for i, v in enumerate(g) if v != i)


def _new_level(levels, point, identity):
    levels.append(_Level(point, identity))


def _add_generator(levels, h, first, last, identity):
    """h joins the generators of levels first .. last (it fixes their base prefixes); their orbits grow."""
    for level in levels[first:last + 1]:
        level.gens.append(h)
        level.extend()


def _unchecked_schreier_generator(level, identity):
    """The first Schreier generator of the level not yet sifted to 1, as (key, element), else None."""
    u = level.u
    for beta, ub in u.items():
        for k, s in enumerate(level.gens):
            key = (beta, k)
            if key in level.checked:
                continue
            us = _then(ub, s)
            if us == u[s[beta]]:  # u_beta s u_(beta^s)^-1 = 1, told with no inverse (most are, once complete)
                level.checked.add(key)
                continue
            yield key, _then(us, _inverse_of(level, s[beta]))


class Chain:
    """A base and strong generating set grown one generator at a time: :meth:`add` sifts a new element first and
    completes the chain only when it is not a member (the Schreier generators checked before stay checked).

    >>> c = Chain(4)
    >>> c.add((1, 0, 2, 3)), c.add((1, 0, 2, 3)), c.add((0, 2, 3, 1)), c.order()
    (True, False, True, 24)
    """

    def __init__(self, n, base_prefix=()):
        self.n = n
        self.identity = tuple(range(n))
        self.levels = []
        for b in base_prefix:
            _new_level(self.levels, b, self.identity)

    def contains(self, g):
        """Whether g (a tuple) lies in the group."""
        h, j = _sift(self.levels, tuple(g), 0, self.identity)
        return j == len(self.levels) and h == self.identity

    def add(self, g):
        """Add g to the group's generators unless it is a member already; True when the group grew."""
        g = tuple(g)
        if g == self.identity or self.contains(g):
            return False
        self._join(g)
        self._complete()
        return True

    def extend(self, gens):
        """Add every generator (no membership test first), then complete the chain once."""
        for g in dict.fromkeys(tuple(g) for g in gens):
            if g != self.identity:
                self._join(g)
        self._complete()

    def _join(self, g):
        levels = self.levels
        if all(g[lv.point] == lv.point for lv in levels):
            _new_level(levels, _moved_point(g), self.identity)
        last = 0  # g joins every level whose prefix it fixes
        while last < len(levels) and g[levels[last].point] == levels[last].point:
            last += 1
        _add_generator(levels, g, 0, min(last, len(levels) - 1), self.identity)

    def _complete(self):
        levels, identity = self.levels, self.identity
        i = len(levels) - 1
        while i >= 0:
            level = levels[i]
            jumped = False
            for key, g in _unchecked_schreier_generator(level, identity):
                h, j = _sift(levels, g, i + 1, identity)
                if j == len(levels) and h == identity:
                    level.checked.add(key)
                    continue
                if j == len(levels):  # h fixes every base point: extend the base by a point it moves
                    _new_level(levels, _moved_point(h), identity)
                _add_generator(levels, h, i + 1, j, identity)
                i = j
                jumped = True
                break
            if not jumped:
                i -= 1

    @property
    def base(self):
        return [lv.point for lv in self.levels]

    @property
    def strong(self):
        """The strong generators (tuples, no identity, each once)."""
        return list(dict.fromkeys(g for level in self.levels for g in level.gens))

    def orbit_sizes(self):
        return [len(level.u) for level in self.levels]

    def order(self):
        """|G|: the product of the basic orbit lengths."""
        out = 1
        for level in self.levels:
            out *= len(level.u)
        return out


#: Degree from which :func:`schreier_sims` adds the generators one at a time, each sifted first (measured: on 784
#: points a redundant generator then costs one sift instead of a Schreier generator per orbit point, 236 -> 138 ms
#: for six generators of the 28x28 torus group with its dihedral part; on small degrees the intermediate
#: completions cost more than they save, 7.6 -> 9.4 ms over the small-groups benchmark's groups).
SEQUENTIAL_DEGREE = 128


def schreier_sims(gens, n, base_prefix=(), *, orbit_sizes=None):
    """(base, strong generators) of the group generated by ``gens`` (tuples on n points), deterministic.

    The base starts with ``base_prefix`` (points kept even when they add nothing, in
    order), then points moved by the generators as needed.  Every strong generator is
    a tuple; the identity is never one.  ``orbit_sizes``: a list that receives the
    basic orbit lengths (their product is |G|).

    >>> base, strong = schreier_sims([(1, 0, 2, 3), (0, 2, 3, 1)], 4, base_prefix=[3])
    >>> base[0], order_of(base, strong, 4)
    (3, 24)
    """
    chain = Chain(n, base_prefix)
    gens = list(dict.fromkeys(tuple(g) for g in gens))
    if n < SEQUENTIAL_DEGREE:
        chain.extend(gens)
    else:  # one generator at a time, each sifted first: a redundant one costs one sift, not |orbit| Schreier gens
        chain.extend(gens[:1])
        for g in gens[1:]:
            chain.add(g)
    if orbit_sizes is not None:
        orbit_sizes[:] = chain.orbit_sizes()
    return chain.base, chain.strong


def order_of(base, strong, n):
    """|G| from a base and strong generating set: the product of the basic orbit lengths.

    >>> order_of([0], [(1, 2, 0)], 3)
    3
    """
    identity = tuple(range(n))
    out = 1
    fixing = list(strong)
    for b in base:
        level = _Level(b, identity)
        level.gens = fixing
        level.extend()
        out *= len(level.u)
        fixing = [g for g in fixing if g[b] == b]
    return out


# -- the same algorithm with numpy batches: for large degrees ----------------------------------------------------

#: Schreier generators of one level formed and sifted at once (a block x n array).
_BLOCK = 1024


class _ArrayLevel:
    """One candidate level as arrays: base point, generators (arrays), transversal rows and their inverses, the
    row of each point of the basic orbit (-1 outside), and the Schreier generators found trivial (row, k)."""

    def __init__(self, point, n):
        self.point, self.n, self.gens, self.checked, self.closed = point, n, [], set(), 0
        self.rows = np.full(n, -1, dtype=np.int64)
        self.rows[point] = 0
        self.points = [point]
        self.U = np.arange(n, dtype=np.int64)[None, :].copy()
        self.Uinv = self.U.copy()

    def extend(self):
        """Close the transversal under the generators, breadth first; tree edges are marked checked."""
        rows, gens, new_u, points, checked = self.rows, self.gens, [], self.points, self.checked
        lists = [s.tolist() for s in gens]  # point lookups at Python speed
        found = dict(zip(points, range(len(points))))
        frontier, first = list(range(len(points))), self.closed  # the known points met every older generator
        self.closed = len(gens)
        while frontier:
            grown = []
            for r in frontier:
                beta = points[r]
                for k in range(first, len(lists)):
                    gamma = lists[k][beta]
                    if gamma not in found:
                        found[gamma] = len(points)
                        points.append(gamma)
                        ub = self.U[r] if r < len(self.U) else new_u[r - len(self.U)]
                        new_u.append(gens[k][ub])  # u_beta, then s
                        checked.add((r, k))
                        grown.append(found[gamma])
            frontier, first = grown, 0
        rows[points] = np.arange(len(points))
        if new_u:
            added = np.asarray(new_u, dtype=np.int64)
            inverse = np.empty_like(added)
            n = added.shape[1]
            inverse.ravel()[(np.arange(len(added))[:, None] * n + added).ravel()] = np.tile(np.arange(n), len(added))
            self.U, self.Uinv = np.concatenate([self.U, added]), np.concatenate([self.Uinv, inverse])


def _sift_block(levels, G, start):
    """Sift the rows of G (elements, one per row) through levels start, start+1, ...: (residues, the level where
    each stopped: len(levels) when it went through)."""
    stopped = np.full(len(G), len(levels), dtype=np.int64)
    live = np.arange(len(G))
    for j in range(start, len(levels)):
        level = levels[j]
        rows = level.rows[G[live, level.point]]
        out = rows < 0
        stopped[live[out]] = j
        live, rows = live[~out], rows[~out]
        if not len(live):
            break
        G[live] = level.Uinv.ravel()[rows[:, None] * level.n + G[live]]  # then u_beta^-1: one flat gather
    return G, stopped


def _level_pairs(level):
    return [(r, k) for r in range(len(level.points)) for k in range(len(level.gens)) if (r, k) not in level.checked]


def _complete_batched(levels, n):
    """Chain._complete with each level's Schreier generators formed and sifted a block at a time (numpy)."""
    identity = np.arange(n, dtype=np.int64)
    i = len(levels) - 1
    while i >= 0:
        level, jumped = levels[i], False
        pairs = _level_pairs(level)
        for start in range(0, len(pairs), _BLOCK):
            block = pairs[start:start + _BLOCK]
            block.sort(key=lambda p: p[1])  # by generator: u_beta, then s is one gather s[U[rows]] per s
            r_of, k_of = np.array(block, dtype=np.int64).T
            A = np.concatenate([level.gens[k][level.U[r_of[k_of == k]]] for k in np.unique(k_of).tolist()])
            gamma_rows = level.rows[A[:, level.point]]
            G = level.Uinv.ravel()[gamma_rows[:, None] * n + A]  # then u_gamma^-1: one flat gather
            G, stopped = _sift_block(levels, G, i + 1)
            done = (stopped == len(levels)) & (G == identity).all(axis=1)
            level.checked.update(p for p, ok in zip(block, done.tolist()) if ok)
            if done.all():
                continue
            bad = int(np.flatnonzero(~done)[0])
            h, j = G[bad].copy(), int(stopped[bad])
            if j == len(levels):  # h fixes every base point: a new level, at a point it moves
                levels.append(_ArrayLevel(int(np.flatnonzero(h != np.arange(n))[0]), n))
            for level_j in levels[i + 1:j + 1]:
                level_j.gens.append(h)
                level_j.extend()
            i, jumped = j, True
            break
        if not jumped:
            i -= 1


def schreier_sims_batched(gens, n, base_prefix=(), *, orbit_sizes=None):
    """:func:`schreier_sims` (same contract: (base, strong generators as tuples)) with numpy batches of Schreier
    generators; for large degrees, where one composition of tuples costs microseconds per point.

    >>> base, strong = schreier_sims_batched([(1, 2, 3, 0), (3, 2, 1, 0)], 4)
    >>> order_of(base, strong, 4)
    8
    """
    levels = [_ArrayLevel(int(b), n) for b in base_prefix]
    ident = tuple(range(n))
    for g in dict.fromkeys(tuple(int(v) for v in g) for g in gens):
        if g == ident:
            continue
        h = np.asarray(g, dtype=np.int64)
        if all(h[lv.point] == lv.point for lv in levels):
            levels.append(_ArrayLevel(int(np.flatnonzero(h != np.arange(n))[0]), n))
        last = 0
        while last < len(levels) and h[levels[last].point] == levels[last].point:
            last += 1
        for level in levels[:min(last, len(levels) - 1) + 1]:
            level.gens.append(h)
            level.extend()
    _complete_batched(levels, n)
    if orbit_sizes is not None:
        orbit_sizes[:] = [len(lv.points) for lv in levels]
    strong = list(dict.fromkeys(tuple(int(v) for v in g) for level in levels for g in level.gens))
    return [lv.point for lv in levels], strong
