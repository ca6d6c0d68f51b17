"""Conjugacy classes of a permutation group from its stabilizer chain: the "classes" route of :mod:`exactorbit.counting`.

Only the cycle types and the class sizes are kept.  The search is randomised
(seeded) but the answer is exact, or nothing:

* class representatives come from uniformly random elements (a random point of
  every basic orbit, the transversal elements multiplied) and from their powers
  g^d, d a proper divisor of the order of g (this finds the small classes: the
  identity, involutions, ...);
* a new element joins a known class when a backtrack search over the chain finds
  h with h g h^-1 = r for the class representative r (conjugates have equal cycle
  types, so only representatives of its cycle type are tried);
* the size of a new class is |G| / |C_G(g)|, with |C_G(g)| from a backtrack that builds
  the centraliser from the bottom of the chain up (Sims' way: the product over the
  levels of the centraliser's basic orbit sizes, exact);
* the search stops when the class sizes sum to |G|: the classes are disjoint and
  every element of G lies in one of them, so every class has been found.  That sum
  is the certificate of completeness; if it is not reached within the sample budget
  the route gives up (:class:`ClassSearchIncomplete`) instead of answering.

Backtrack for h in G_i with h o g = r o h (G_i fixes b_0..b_{i-1}): choose
delta = h(b_i) in the basic orbit, u = u_delta the transversal element; then h = h' u
with h' in G_(i+1) and h' o g = r' o h', r' = u^-1 o r o u.  A branch is pruned unless
(1) delta's cycle under r is as long as b_i's under g; (2) on every orbit of
G_(i+1), g and r' have as many points on cycles of each length; (3) h' fixes
b_0..b_i and commutes the cycles through them, so g^k(b_j) and r'^k(b_j) lie in the
same orbit of G_(i+1) for every k (for k = the cycle length: r'^k(b_j) = b_j).

>>> from exactorbit.groups import named_group
>>> G = named_group("translations+dihedral", "3x3")
>>> classes = class_cycle_types(G.chain(), G.n, seed=1)
>>> sum(classes.values()), len(classes)
(72, 6)
"""

from collections import Counter
import math
import random

import numpy as np

from .chain import inverse, join_labels, orbit_labels
from ..errors import TooExpensive

__all__ = ["ClassSearchIncomplete", "class_cycle_types", "conjugacy_classes", "centraliser_order",
           "conjugating_element"]


class ClassSearchIncomplete(TooExpensive):
    """The random class search did not reach |G| within its budget: no answer is given (a refusal, force lifts it)."""

    def __init__(self, message, *, nodes=None, budget=None):
        super().__init__(f"the conjugacy-class search gave up: {message}; pass force=True (CLI: --force) to "
                         f"search without a bound on the backtrack, or use method='listing'",
                         estimate=nodes, limit=budget, unit="backtrack node-pixels")


def _cycle_lengths_array(g):
    """Per point, the length of its cycle under g (int64 array)."""
    gl = g.tolist()
    n = len(gl)
    out = [0] * n
    for i in range(n):
        if out[i]:
            continue
        cyc = [i]
        j = gl[i]
        while j != i:
            cyc.append(j)
            j = gl[j]
        k = len(cyc)
        for j in cyc:
            out[j] = k
    return np.array(out, dtype=np.int64)


def _type_of(lengths):
    """Cycle type ((length, count), ...) from the per-point cycle lengths."""
    c = Counter(lengths.tolist())
    return tuple(sorted((length, k // length) for length, k in c.items()))


class _Element:
    """g with what the searches need: per-point cycle lengths, the cycles through the base points (on first use)."""

    def __init__(self, g, chain):
        self.g = np.asarray(g, dtype=np.int64)
        self.chain = chain
        self.lengths = _cycle_lengths_array(self.g)
        self.ctype = _type_of(self.lengths)
        self.order = 1
        for length, _ in self.ctype:
            self.order = math.lcm(self.order, length)
        self._walk = None

    def _prepare(self):
        base = np.array(self.chain.base, dtype=np.int64)
        self._base = base
        self._base_len = self.lengths[base] if len(base) else np.zeros(0, dtype=np.int64)
        maxlen = int(self._base_len.max()) if len(base) else 0
        # walk[k, j] = g^k(b_j), k = 0..maxlen
        walk = np.empty((maxlen + 1, len(base)), dtype=np.int64)
        if len(base):
            walk[0] = base
            for k in range(1, maxlen + 1):
                walk[k] = self.g[walk[k - 1]]
        self._walk = walk
        # forced[i] = (j, k): b_i = g^k(b_j) with j < i, so h(b_i) = r^k(b_j) is forced
        where = {}
        self._forced = []
        for i, b in enumerate(base.tolist()):
            self._forced.append(where.get(b))
            if b not in where:
                for k in range(int(self._base_len[i])):
                    where.setdefault(int(walk[k, i]), (i, k))

    @property
    def base(self):
        if self._walk is None:
            self._prepare()
        return self._base

    @property
    def base_len(self):
        if self._walk is None:
            self._prepare()
        return self._base_len

    @property
    def walk(self):
        if self._walk is None:
            self._prepare()
        return self._walk

    @property
    def forced(self):
        if self._walk is None:
            self._prepare()
        return self._forced


#: Largest degree whose orbitals (G-orbits on ordered pairs) sharpen the class invariant.
_ORBITAL_DEGREE = 1024
#: Powers g^k, k = 1.. this, whose orbital statistics enter the invariant.
_ORBITAL_POWERS = 16


class _Searcher:
    """Backtrack searches for elements conjugating g to r, over one stabilizer chain."""

    def __init__(self, chain, node_limit=None):
        self.chain = chain
        self.m = len(chain)
        self.n = chain.n
        self.labels = [chain.labels(i) for i in range(self.m + 1)]
        self.nodes = 0
        self.node_limit = node_limit
        self.orbitals = None
        n = self.n
        if 1 < n <= _ORBITAL_DEGREE and chain.strong:
            # orbital[p, q]: the G-orbit of the pair (p, q); (p, g(p)) falls in the same orbital as
            # (h(p), (h g h^-1)(h(p))), so the orbital counts of g and its powers are class invariants
            pairs = [(g[:, None] * n + g[None, :]).ravel() for g in chain.strong]
            lab = orbit_labels(pairs, n * n)
            _, self.orbitals = np.unique(lab, return_inverse=True)
            self.orbitals = self.orbitals.reshape(n, n)
            self.n_orbitals = int(self.orbitals.max()) + 1

    def invariant(self, x):
        """A conjugation invariant of g: its cycle type and, for its powers g^k, how many points p have
        (p, g^k(p)) in each orbital and how many pairs of points fixed by g^k lie in each orbital."""
        if self.orbitals is None or self.n_orbitals <= 2:
            return x.ctype
        n, r = self.n, self.n_orbitals
        powers = min(x.order - 1, _ORBITAL_POWERS)
        P = np.empty((powers, n), dtype=np.int64)
        p = x.g
        for k in range(powers):
            P[k] = p
            p = x.g[p]
        offsets = (np.arange(powers, dtype=np.int64) * r)[:, None]
        moved = np.bincount((self.orbitals[np.arange(n), P] + offsets).ravel(), minlength=powers * r)
        fixed = P == np.arange(n)
        ks, ps = np.nonzero(fixed)
        # pairs (p, q) both fixed by g^k: every fixed p against every fixed q of the same power
        same = ks[:, None] == ks[None, :]
        pairs = np.bincount((self.orbitals[ps[:, None], ps[None, :]] + ks[:, None] * r)[same], minlength=powers * r)
        return (x.ctype, moved.tobytes() + pairs.tobytes())

    def _fits(self, i, x, r_lengths, r):
        """Prunes (2) and (3) for h' in G_i (fixing b_0..b_{i-1}) with h' o g = r o h'."""
        lab = self.labels[i]
        n = self.n
        top = n + 1
        if i < self.m:
            a = np.bincount(lab * top + x.lengths, minlength=n * top)
            b = np.bincount(lab * top + r_lengths, minlength=n * top)
            if not np.array_equal(a, b):
                return False
        if i == 0:
            return True
        lens = x.base_len[:i]
        if not np.array_equal(r_lengths[x.base[:i]], lens):
            return False
        depth = int(lens.max())
        walk = np.empty((depth + 1, i), dtype=np.int64)
        walk[0] = x.base[:i]
        for k in range(1, depth + 1):
            walk[k] = r[walk[k - 1]]
        live = np.arange(depth + 1)[:, None] <= lens[None, :]
        return bool(np.array_equal(lab[walk][live], lab[x.walk[:depth + 1, :i]][live]))

    def _candidates(self, i, x, r, r_lengths):
        level = self.chain.levels[i]
        forced = x.forced[i]
        if forced is not None:
            j, k = forced
            p = int(x.base[j])
            for _ in range(k):
                p = int(r[p])
            return [p] if level.in_orbit[p] and r_lengths[p] == x.lengths[level.point] else []
        orbit = level.orbit
        return orbit[r_lengths[orbit] == x.lengths[level.point]].tolist()

    def transport(self, x, r, start=0):
        """h in G_start with h o x.g = r o h (array ``h[g] == r[h]``), or None.  Iterative depth-first."""
        m = self.m
        g = x.g
        r = np.asarray(r, dtype=np.int64)
        if np.array_equal(r, g):
            return np.arange(self.n, dtype=np.int64)
        if start >= m:
            return None
        r_lengths = x.lengths if np.array_equal(r, g) else _cycle_lengths_array(r)
        if not self._fits(start, x, r_lengths, r):
            return None
        stack = [[start, r, r_lengths, self._candidates(start, x, r, r_lengths), 0]]
        chosen = []
        while stack:
            frame = stack[-1]
            i, ri, rl, cands, k = frame
            if k >= len(cands):
                stack.pop()
                if chosen:
                    chosen.pop()
                continue
            frame[4] = k + 1
            self.nodes += 1
            if self.node_limit is not None and self.nodes * self.n > self.node_limit:  # a node costs about n
                raise ClassSearchIncomplete(f"the backtrack searches passed {self.node_limit} node-pixels "
                                            f"({self.nodes} nodes on {self.n} pixels)",
                                            nodes=self.nodes * self.n, budget=self.node_limit)
            u = self.chain.levels[i].transversal(int(cands[k]))
            uinv = inverse(u)
            r2 = uinv[ri[u]]  # u, then r_i, then u^-1
            if np.array_equal(r2, g):  # the identity of G_(i+1) finishes: h = u_i ... u_start
                h = u
                for v in reversed(chosen):
                    h = v[h]
                return h
            if i + 1 == m:
                continue
            rl2 = rl[u]
            if not self._fits(i + 1, x, rl2, r2):
                continue
            chosen.append(u)
            stack.append([i + 1, r2, rl2, self._candidates(i + 1, x, r2, rl2), 0])
        return None

    def centraliser(self, x):
        """(|C_G(g)|, generators of C_G(g)), built from the bottom of the chain up (every candidate orbit tried once)."""
        g = x.g
        found = []
        order = 1
        labels = orbit_labels(found, self.n)
        for i in reversed(range(self.m)):
            level = self.chain.levels[i]
            b = level.point
            cands = self._candidates(i, x, g, x.lengths)
            failed = []
            for delta in cands:
                if labels[delta] == labels[b] or any(labels[delta] == labels[f] for f in failed):
                    continue
                u = level.transversal(delta)
                r2 = inverse(u)[g[u]]
                h = self.transport(x, r2, i + 1) if i + 1 < self.m or np.array_equal(r2, g) else None
                if h is None:
                    failed.append(delta)
                    continue
                found.append(u[h])  # h, then u: fixes b_0..b_(i-1), maps b_i to delta, commutes with g
                labels = join_labels(labels, found[-1])
            order *= int(np.count_nonzero(labels[level.orbit] == labels[b]))
        return order, found


def _random_element(chain, rng):
    """A uniformly random element: one random point of every basic orbit, the transversal elements multiplied."""
    h = np.arange(chain.n, dtype=np.int64)
    for level in reversed(chain.levels):  # h' in G_(i+1), then u_i
        u = level.transversal(int(level.orbit[rng.randrange(len(level.orbit))]))
        h = u[h]
    return h


def _power(g, k):
    out = np.arange(len(g), dtype=np.int64)
    base = g
    while k:
        if k & 1:
            out = base[out]
        base = base[base]
        k >>= 1
    return out


#: Backtrack node-pixels (nodes times the degree: a node costs about n) the class search may spend by default
#: (seconds), before it gives up (S_4 wr S_4 needs 11,632 nodes on 16 pixels).
NODE_BUDGET = 900_000


def conjugacy_classes(chain, n, *, seed=0, budget=None, nodes=NODE_BUDGET, patience=1):
    """Conjugacy classes as a list of (representative array, cycle type, class size); their sizes sum to |G|.

    Two phases.  First, an element starts a new class only when its invariant (cycle type
    and orbital statistics of its powers, :meth:`_Searcher.invariant`) is new: then it
    is certainly in no known class, and no conjugacy test is run.  Candidates are
    uniformly random elements, random elements of the centralisers found so far (they
    reach the small classes) and the powers of both.  When that phase stalls, every
    candidate whose invariant is known is tested against the representatives with that
    invariant by the backtrack.  ``budget``: candidates drawn without a new class before
    the search gives up (:class:`ClassSearchIncomplete`); default 2000 + 200 per class.
    ``nodes``: backtrack nodes times the degree n visited in all before it gives up (None: no bound);
    ``patience`` multiplies the default ``budget``.

    >>> from exactorbit.groups import named_group
    >>> G = named_group("symmetric", "1x4")
    >>> sorted(size for _, _, size in conjugacy_classes(G.chain(), 4))
    [1, 3, 6, 6, 8]
    """
    rng = random.Random(seed)
    order = chain.order()
    searcher = _Searcher(chain, nodes)
    ident = np.arange(n, dtype=np.int64)
    first = _Element(ident, chain)
    classes = [(ident, first.ctype, 1)]
    by_inv = {searcher.invariant(first): [first]}
    centralisers = [list(chain.strong)] if chain.strong else []
    total = 1
    testing = False
    stall = drawn = 0

    def place(x, inv, test):
        """Add x's class if it is new (known invariant: only if ``test`` and no representative is conjugate)."""
        nonlocal total
        known = by_inv.get(inv)
        if known is not None:
            if not test or any(searcher.transport(x, rep.g) is not None for rep in known):
                return False
        c_order, gens = searcher.centraliser(x)
        by_inv.setdefault(inv, []).append(x)
        classes.append((x.g, x.ctype, order // c_order))
        if gens:
            centralisers.append(gens)
        total += order // c_order
        return True

    while total < order:
        limit = budget if budget is not None else patience * (2000 + 200 * len(classes))
        if stall >= (limit if testing else min(limit, 200 + 10 * len(classes))):
            if testing:
                raise ClassSearchIncomplete(f"{drawn} candidates found {len(classes)} classes covering {total} "
                                            f"of {order} elements", nodes=searcher.nodes, budget=nodes)
            testing, stall = True, 0
        drawn += 1
        stall += 1
        if drawn % 2 and centralisers:  # a random element of a known centraliser
            gens = centralisers[rng.randrange(len(centralisers))]
            g = gens[rng.randrange(len(gens))]
            for _ in range(rng.randrange(1, 8)):
                g = gens[rng.randrange(len(gens))][g]
        else:
            g = _random_element(chain, rng)
        x = _Element(g, chain)
        new = place(x, searcher.invariant(x), testing)
        for d in sorted(d for d in range(2, x.order) if x.order % d == 0):
            if total >= order:
                break
            y = _Element(_power(g, d), chain)
            new = place(y, searcher.invariant(y), testing and new) or new
        if new:
            stall = 0
    if total != order:  # pragma: no cover - sizes are |G| / |C_G(g)| of distinct classes
        raise AssertionError("class sizes exceed |G|")
    return classes


def class_cycle_types(chain, n, *, seed=0, budget=None, nodes=NODE_BUDGET, patience=1):
    """Counter cycle type -> number of elements, from the conjugacy classes (exact: the sizes sum to |G|)."""
    out = Counter()
    for _, ctype, size in conjugacy_classes(chain, n, seed=seed, budget=budget, nodes=nodes, patience=patience):
        out[ctype] += size
    return out


def centraliser_order(chain, g):
    """|C_G(g)| for g in G (exact), by the bottom-up backtrack.

    >>> from exactorbit.groups import named_group
    >>> G = named_group("symmetric", "1x4")
    >>> centraliser_order(G.chain(), (1, 0, 2, 3))   # a transposition of S_4: 2 * 2
    4
    """
    return _Searcher(chain).centraliser(_Element(g, chain))[0]


def conjugating_element(chain, g, r):
    """h in G with h o g = r o h (so h g h^-1 = r as maps), as a tuple, or None.

    >>> from exactorbit.groups import named_group
    >>> G = named_group("symmetric", "1x4")
    >>> h = conjugating_element(G.chain(), (1, 0, 2, 3), (0, 1, 3, 2))
    >>> [h[(1, 0, 2, 3)[p]] == (0, 1, 3, 2)[h[p]] for p in range(4)]
    [True, True, True, True]
    """
    h = _Searcher(chain).transport(_Element(g, chain), np.asarray(r, dtype=np.int64))
    return None if h is None else tuple(int(v) for v in h)
