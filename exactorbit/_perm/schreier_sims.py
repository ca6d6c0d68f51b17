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

__all__ = ["schreier_sims", "order_of", "Chain"]


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
            g = _then(_then(ub, s), _inverse_of(level, s[beta]))
            if g == identity:
                level.checked.add(key)
                continue
            yield key, g


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
    chain.extend(gens)
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
