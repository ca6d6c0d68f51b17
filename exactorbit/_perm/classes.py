"""Conjugacy classes of a permutation group from its stabilizer chain: the "classes" route of :mod:`exactorbit.counting`.

Only the cycle types and the class sizes are kept.  The search is randomised
(seeded) but the answer is exact, or nothing:

* class representatives come from uniformly random elements (a random point of
  every basic orbit, the transversal elements multiplied) and from their powers
  g^d, d a proper divisor of the order of g (this finds the small classes: the
  identity, involutions, ...);
* a new element joins a known class when a backtrack search over the chain finds
  h with g^h = h^-1 g h = r for the class representative r (conjugates have equal
  invariants, so only representatives with g's invariant are tried);
* the size of a new class is |G| / |C_G(g)|, with |C_G(g)| from a backtrack that builds
  the centraliser from the bottom of the chain up (Sims' way: the product over the
  levels of the centraliser's basic orbit sizes, exact);
* the search stops when the class sizes sum to |G|: the classes are disjoint and
  every element of G lies in one of them, so every class has been found.  That sum
  is the certificate of completeness; if it is not reached within the sample budget
  the route gives up (:class:`ClassSearchIncomplete`) instead of answering.

Both backtracks are the one engine of :mod:`.search` (``element_search`` for the
conjugacy test, ``subgroup_search`` for the centraliser, one node counter over the whole
class search, in node-pixels: ``LIMITS["class_search"]``), with :class:`ConjugacyProblem`
plugged in.  Left to right, as everywhere in the package: h = h' u is "h', then u", and
g^h = r is the array equation ``h[g] == r[h]``.  For h in G_i (fixing b_0..b_{i-1}) choose
delta = b_i^h in the basic orbit, u = u_delta; then h = h' u with h' in G_(i+1) and
g^h' = r' = u r u^-1.  A branch is pruned unless (1) delta's cycle under r is as long as
b_i's under g; (2) on every orbit of G_(i+1), g and r' have as many points on cycles of
each length (the engine's orbit-counting refinement, on cycle lengths); (3) h' fixes
b_0..b_i and carries g-cycles to r'-cycles, so b_j^(g^k) and b_j^(r'^k) lie in the same
orbit of G_(i+1) for every k.  The orbital invariant (the engine's :class:`~.search.Orbitals`)
is the root refinement: elements are compared only when their invariants agree.
Proofs: proofs/conjugacy_classes.md, section 3; the engine's lemmas in proofs/stabilizers.md.

>>> from exactorbit.groups import named_group
>>> G = named_group("translations+dihedral", "3x3")
>>> classes = class_cycle_types(G.chain(), G.n, seed=1)
>>> sum(classes.values()), len(classes)
(72, 6)
"""

from collections import Counter
from functools import cached_property
import math
import random

import numpy as np

from .._budget import LIMITS, tuning
from ..errors import TooExpensive
from .chain import inverse
from .perms import map_power
from .cycles import point_cycle_lengths
from .search import DEFAULT, Nodes, OrbitCounts, Orbitals, element_search, subgroup_search

__all__ = ["ClassSearchIncomplete", "ConjugacyProblem", "class_cycle_types", "conjugacy_classes", "centraliser_order",
           "conjugating_element"]


class ClassSearchIncomplete(TooExpensive):
    """The random class search did not reach |G| within its budget: no answer is given (a refusal, force lifts it)."""

    def __init__(self, message, *, nodes=None, budget=None):
        super().__init__(f"the conjugacy-class search gave up: {message}; pass force=True (CLI: --force) to "
                         f"search without a bound on the backtrack, or use method='listing'",
                         estimate=nodes, limit=budget, unit="backtrack node-pixels")


class _ClassNodes(Nodes):
    """The class search's one node counter over all its searches, in node-pixels (a node costs about n)."""

    def refuse(self):
        raise ClassSearchIncomplete(f"the backtrack searches passed {self.bound} node-pixels "
                                    f"({self.count} nodes on {self.cost} pixels)",
                                    nodes=self.count * self.cost, budget=self.bound)


def _type_of(lengths):
    """Cycle type ((length, count), ...) from the per-point cycle lengths."""
    c = Counter(lengths.tolist())
    return tuple(sorted((length, k // length) for length, k in c.items()))


class _Element:
    """g with what the searches need: per-point cycle lengths, the cycles through the base points (on first use)."""

    def __init__(self, g, chain):
        self.g = np.asarray(g, dtype=np.int64)
        self.chain = chain
        self.lengths = point_cycle_lengths(self.g)
        self.ctype = _type_of(self.lengths)
        self.order = math.lcm(*(length for length, _ in self.ctype))

    @cached_property
    def base(self):
        return np.array(self.chain.base, dtype=np.int64)

    @cached_property
    def base_len(self):
        """The length of the g-cycle through each base point."""
        return self.lengths[self.base]

    @cached_property
    def walk(self):
        """walk[k, j] = b_j^(g^k), k = 0 .. the longest cycle through a base point."""
        depth = int(self.base_len.max()) if len(self.base) else 0
        walk = np.empty((depth + 1, len(self.base)), dtype=np.int64)
        if len(self.base):
            walk[0] = self.base
            for k in range(1, depth + 1):
                walk[k] = self.g[walk[k - 1]]
        return walk

    @cached_property
    def forced(self):
        """forced[i] = (j, k) when b_i = b_j^(g^k) with j < i (then b_i^h = b_j^(r^k) is forced), else None."""
        where, forced = {}, []
        for i, b in enumerate(self.base.tolist()):
            forced.append(where.get(b))
            if b not in where:
                for k in range(int(self.base_len[i])):
                    where.setdefault(int(self.walk[k, i]), (i, k))
        return forced

    @cached_property
    def counts(self):
        """The orbit-counting refinement on the cycle lengths (the colour of p: the length of its g-cycle)."""
        return OrbitCounts(self.chain, self.lengths, len(self.g) + 1)


class ConjugacyProblem:
    """The elements h of G with g^h = r, i.e. h^-1 g h = r left to right (the array ``h[g] == r[h]``).

    State: (r', its per-point cycle lengths), r pulled back by the chosen u: h = h' u solves
    r iff h' solves r' = u r u^-1 (the array ``u^-1[r[u]]``).  A branch is pruned unless (1)
    delta's r'-cycle is as long as b_i's g-cycle (:meth:`candidates`; when b_i = b_j^(g^k), j < i,
    the image b_j^(r'^k) is forced); (2) on every orbit of G_i, g and r' have as many points
    on cycles of each length (:class:`~exactorbit._perm.search.OrbitCounts`); (3) the walks
    b_j^(g^k) and b_j^(r'^k) from the fixed base points lie in the same orbits of G_i (:meth:`fits`).
    """

    def __init__(self, x, r):
        self.x = x
        self.r = np.asarray(r, dtype=np.int64)
        self.levels = x.chain.levels
        self.labels = x.chain.labels

    @classmethod
    def of(cls, chain, g, r=None):
        """The problem g^h = r (r = g: the centraliser of g) for permutations in array form."""
        x = _Element(g, chain)
        return cls(x, x.g if r is None else r)

    def root(self):
        return (self.r, self.x.lengths if self.r is self.x.g else point_cycle_lengths(self.r))

    def solved(self, state):
        return np.array_equal(state[0], self.x.g)

    def descend(self, state, u):
        r, lengths = state
        return inverse(u)[r[u]], lengths[u]

    def candidates(self, i, state):
        r, lengths = state
        x, level = self.x, self.levels[i]
        forced = x.forced[i]
        if forced is not None:
            j, k = forced
            p = int(x.base[j])
            for _ in range(k):
                p = int(r[p])
            return [p] if level.in_orbit[p] and lengths[p] == x.lengths[level.point] else []
        orbit = level.orbit
        return orbit[lengths[orbit] == x.lengths[level.point]].tolist()

    def fits(self, i, state):
        """Prunes (2) and (3) for h' in G_i (fixing b_0 .. b_(i-1)) with g^h' = r'."""
        r, lengths = state
        x = self.x
        if i < len(self.levels) and not x.counts.fits(i, lengths):
            return False
        if i == 0:
            return True
        lens = x.base_len[:i]
        if not np.array_equal(lengths[x.base[:i]], lens):
            return False
        depth = int(lens.max())
        walk = np.empty((depth + 1, i), dtype=np.int64)
        walk[0] = x.base[:i]
        for k in range(1, depth + 1):
            walk[k] = r[walk[k - 1]]
        lab = self.labels(i)
        live = np.arange(depth + 1)[:, None] <= lens[None, :]
        return bool(np.array_equal(lab[walk][live], lab[x.walk[:depth + 1, :i]][live]))


def _orbital_invariant(orbitals, x):
    """A conjugation invariant of g: its cycle type and, for its powers g^k, how many points p have (p, g^k(p))
    in each orbital and how many pairs of points fixed by g^k lie in each orbital (the root refinement
    :class:`~exactorbit._perm.search.Orbitals`: h maps (p, g^k(p)) to (p^h, r^k(p^h)), in the same orbital)."""
    if orbitals is None or orbitals.count <= 2:
        return x.ctype
    n, r = len(x.g), orbitals.count
    powers = min(x.order - 1, tuning("class_orbital_powers"))
    P = np.empty((powers, n), dtype=np.int64)
    p = x.g
    for k in range(powers):
        P[k] = p
        p = x.g[p]
    offsets = (np.arange(powers, dtype=np.int64) * r)[:, None]
    moved = np.bincount((orbitals.table[np.arange(n), P] + offsets).ravel(), minlength=powers * r)
    ks, ps = np.nonzero(P == np.arange(n))
    # pairs (p, q) both fixed by g^k: every fixed p against every fixed q of the same power
    same = ks[:, None] == ks[None, :]
    pairs = np.bincount((orbitals.table[ps[:, None], ps[None, :]] + ks[:, None] * r)[same], minlength=powers * r)
    return (x.ctype, moved.tobytes() + pairs.tobytes())


def _random_element(chain, rng):
    """A uniformly random element: one random point of every basic orbit, the transversal elements multiplied."""
    h = np.arange(chain.n, dtype=np.int64)
    for level in reversed(chain.levels):  # h' in G_(i+1), then u_i
        u = level.transversal(int(level.orbit[rng.randrange(len(level.orbit))]))
        h = u[h]
    return h


#: Backtrack node-pixels (nodes times the degree: a node costs about n) the class search may spend by default
#: (seconds), before it gives up (S_4 wr S_4 needs 11,632 nodes on 16 pixels): ``LIMITS["class_search"]``.
NODE_BUDGET = LIMITS["class_search"].value


class _ClassCollector:
    """The classes found so far: representatives by invariant, centraliser generators, the sum of the class sizes.

    All the backtrack searches (conjugacy tests, centralisers) share one node counter.
    """

    def __init__(self, chain, n, nodes):
        self.chain = chain
        self.order = chain.order()
        self.counter = _ClassNodes(nodes, cost=n)
        self.orbitals = Orbitals(chain) if 1 < n <= tuning("class_orbital_degree") and chain.strong else None
        first = _Element(np.arange(n, dtype=np.int64), chain)
        self.classes = [(first.g, first.ctype, 1)]
        self.by_inv = {self.invariant(first): [first]}
        self.centralisers = [list(chain.strong)] if chain.strong else []
        self.total = 1

    def invariant(self, x):
        return _orbital_invariant(self.orbitals, x)

    def conjugate(self, x, rep):
        """An h with x^h = rep (the backtrack), or None."""
        return element_search(self.chain, ConjugacyProblem(x, rep.g), nodes=self.counter)

    def place(self, x, test):
        """Add x's class if it is new (a known invariant: only if ``test`` and no representative is conjugate)."""
        inv = self.invariant(x)
        known = self.by_inv.get(inv)
        if known is not None and (not test or any(self.conjugate(x, rep) is not None for rep in known)):
            return False
        gens, c_order = subgroup_search(self.chain, ConjugacyProblem(x, x.g), nodes=self.counter)
        self.by_inv.setdefault(inv, []).append(x)
        self.classes.append((x.g, x.ctype, self.order // c_order))
        if gens:
            self.centralisers.append(gens)
        self.total += self.order // c_order
        return True

    def place_with_powers(self, g, test):
        """Place g and its powers g^d (d a proper divisor of its order, >= 2); whether a class was new."""
        x = _Element(g, self.chain)
        new = self.place(x, test)
        for d in sorted(d for d in range(2, x.order) if x.order % d == 0):
            if self.total >= self.order:
                break
            new = self.place(_Element(map_power(g, d), self.chain), test and new) or new
        return new


def _draws(chain, centralisers, rng):
    """Candidates, forever: odd draws a random product of one known centraliser's generators (when there is one),
    even draws a uniformly random element."""
    drawn = 0
    while True:
        drawn += 1
        if drawn % 2 and centralisers:  # a random element of a known centraliser
            gens = centralisers[rng.randrange(len(centralisers))]
            g = gens[rng.randrange(len(gens))]
            for _ in range(rng.randrange(1, 8)):
                g = gens[rng.randrange(len(gens))][g]
            yield g
        else:
            yield _random_element(chain, rng)


def conjugacy_classes(chain, n, *, seed=0, budget=None, nodes=NODE_BUDGET, patience=1):
    """Conjugacy classes as a list of (representative array, cycle type, class size); their sizes sum to |G|.

    Two phases.  First, an element starts a new class only when its invariant (cycle type
    and orbital statistics of its powers, :func:`_orbital_invariant`) is new: then it
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
    found = _ClassCollector(chain, n, nodes)
    draws = _draws(chain, found.centralisers, random.Random(seed))
    testing = False
    stall = drawn = 0
    while found.total < found.order:
        limit = budget if budget is not None else patience * (2000 + 200 * len(found.classes))
        if stall >= (limit if testing else min(limit, 200 + 10 * len(found.classes))):
            if testing:
                raise ClassSearchIncomplete(f"{drawn} candidates found {len(found.classes)} classes covering "
                                            f"{found.total} of {found.order} elements",
                                            nodes=found.counter.count, budget=nodes)
            testing, stall = True, 0
        drawn += 1
        stall += 1
        if found.place_with_powers(next(draws), testing):
            stall = 0
    if found.total != found.order:  # pragma: no cover - sizes are |G| / |C_G(g)| of distinct classes
        raise AssertionError("class sizes exceed |G|")
    return found.classes


def class_cycle_types(chain, n, *, seed=0, budget=None, nodes=NODE_BUDGET, patience=1):
    """Counter cycle type -> number of elements, from the conjugacy classes (exact: the sizes sum to |G|)."""
    out = Counter()
    for _, ctype, size in conjugacy_classes(chain, n, seed=seed, budget=budget, nodes=nodes, patience=patience):
        out[ctype] += size
    return out


def centraliser_order(chain, g, *, nodes=DEFAULT):
    """|C_G(g)| for g in G (exact), by the bottom-up backtrack (:func:`~exactorbit._perm.search.subgroup_search`).

    >>> from exactorbit.groups import named_group
    >>> G = named_group("symmetric", "1x4")
    >>> centraliser_order(G.chain(), (1, 0, 2, 3))   # a transposition of S_4: 2 * 2
    4
    """
    return subgroup_search(chain, ConjugacyProblem.of(chain, g), nodes=nodes)[1]


def conjugating_element(chain, g, r, *, nodes=DEFAULT):
    """h in G with g^h = r (h^-1 g h = r left to right: the array ``h[g] == r[h]``), as a tuple, or None.

    >>> from exactorbit.groups import named_group
    >>> G = named_group("symmetric", "1x4")
    >>> h = conjugating_element(G.chain(), (1, 0, 2, 3), (0, 1, 3, 2))
    >>> [h[(1, 0, 2, 3)[p]] == (0, 1, 3, 2)[h[p]] for p in range(4)]
    [True, True, True, True]
    """
    h = element_search(chain, ConjugacyProblem.of(chain, g, r), nodes=nodes)
    return None if h is None else tuple(int(v) for v in h)
