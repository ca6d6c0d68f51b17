"""One backtrack over a stabilizer chain: one element (:func:`element_search`) or a subgroup (:func:`subgroup_search`).

Conventions as in :mod:`.chain`: left to right, so h = h' u is "h', then u", the
array ``u[h']``.  G = G_0 >= G_1 >= ... >= G_m = 1 is the chain, G_i fixing the base
points b_0 .. b_{i-1}, u_delta the transversal element of level i (b_i^u = delta).

A *problem* asks for the elements h mapping a source to a target (a colouring a^h = b,
an element g^h = r).  The engine walks down the chain with a *state*, the target pulled
back by the transversal elements chosen so far; the problem supplies the rest:

* ``root()``: the state of the target;
* ``solved(s)``: whether the identity maps the source to s;
* ``descend(s, u)``: s pulled back by u, so that h' u maps the source to s iff h' maps it
  to ``descend(s, u)``;
* ``candidates(i, s)``: the points delta of the basic orbit that b_i^h can be for an h in G_i
  mapping the source to s (a necessary condition: the others are never tried);
* ``fits(i, s)``: False only when no h in G_i maps the source to s (a refinement, such as
  :class:`OrbitCounts`).

**Lemma 1 (factorisation).** Every h in G_i is h' u_delta with delta = b_i^h and h' in
G_{i+1}, uniquely.  So the solutions in G_i are the disjoint union over delta of the
solutions of ``descend(s, u_delta)`` in G_{i+1}, times u_delta: a depth-first search over
the candidates, cutting where ``fits`` says no, finds an element iff one exists.

**Lemma 2 (Sims, the subgroup).** When the target is the source, the solutions form a
subgroup K; with K_i = K cap G_i, |K_i| = |b_i^(K_i)| |K_{i+1}|.  Built from the bottom up,
at level i with H = the subgroup found so far (H <= K_i): a delta in the H-orbit of b_i needs
no search, nor one in the H-orbit of a delta whose search failed (k in K_i with b_i^k = delta,
h in H with delta'^h = delta would give k h^-1 in K_i reaching delta').  A success is a new
strong generator; at the end of the level H's orbit of b_i is b_i^(K_i).  |K| is exact, with
no Schreier-Sims on K.  Proof: proofs/stabilizers.md, section 1.

One node counter (:class:`Nodes`) covers every search it is passed to, and refuses past its
bound: ``LIMITS["search_nodes"]`` by default, ``nodes=None`` for none (force), an int for the
caller's own.  A node is a candidate delta tried by the depth-first search; a subgroup search
threads its counter through all its element searches (its own trials, at most the sum of the
basic orbit sizes, each start one).

>>> from exactorbit._perm.chain import StabilizerChain
>>> from exactorbit._perm.classes import ConjugacyProblem
>>> chain = StabilizerChain([(1, 2, 3, 0), (3, 2, 1, 0)], 4)     # D_4 on the corners of a square
>>> gens, order = subgroup_search(chain, ConjugacyProblem.of(chain, (2, 3, 0, 1)))
>>> order                                                         # the half turn is central
8
>>> element_search(chain, ConjugacyProblem.of(chain, (1, 0, 3, 2), (3, 2, 1, 0))).tolist()
[0, 3, 2, 1]
"""

import numpy as np

from .._budget import limit_value, refuse_if_over
from ..errors import InvalidArgument
from .chain import join_labels, orbit_labels

__all__ = ["element_search", "subgroup_search", "Nodes", "OrbitCounts", "Orbitals"]

#: ``nodes=`` left out: the default bound, ``LIMITS["search_nodes"]``.
DEFAULT = "default"


class Nodes:
    """The node counter of one search, or of several sharing it; ``tick()`` refuses past ``bound`` (None: never).

    A node is one candidate delta tried by the depth-first search (a transversal element
    pulled back); ``cost`` weighs a node (the class search counts node-pixels: ``cost`` = n).

    >>> counter = Nodes(2)
    >>> counter.tick(); counter.tick(); counter.tick()
    Traceback (most recent call last):
    ...
    exactorbit.errors.TooExpensive: the backtrack search over the stabilizer chain (LIMITS['search_nodes']: nodes visited, still without an answer) is estimated at 3 nodes, over limit=2 nodes; pass force=True (CLI: --force) to allow it
    """

    def __init__(self, bound=DEFAULT, *, cost=1):
        self.bound = limit_value("search_nodes") if bound == DEFAULT else bound
        self.cost = cost
        self.count = 0

    @classmethod
    def of(cls, nodes):
        """``nodes`` as a counter: a :class:`Nodes` itself (shared), else a fresh one with that bound."""
        return nodes if isinstance(nodes, Nodes) else cls(nodes)

    def tick(self):
        self.count += 1
        if self.bound is not None and self.count * self.cost > self.bound:
            self.refuse()

    def refuse(self):
        refuse_if_over("the backtrack search over the stabilizer chain (LIMITS['search_nodes']: nodes visited, "
                       "still without an answer)", self.count, "search_nodes", limit=self.bound)


def element_search(chain, problem, start=0, *, nodes=DEFAULT):
    """An h in G_start mapping the problem's source to its target (an int array), or None (Lemma 1)."""
    return _search(chain, problem, start, problem.root(), Nodes.of(nodes))


def _search(chain, problem, start, state, counter):
    """Iterative depth-first search from ``state`` at level ``start``; ``chosen[j]`` is u at level start + j."""
    if problem.solved(state):
        return np.arange(chain.n, dtype=np.int64)
    m = len(chain)
    if start >= m or not problem.fits(start, state):
        return None
    stack = [(start, state, iter(problem.candidates(start, state)))]
    chosen = []
    while stack:
        i, s, todo = stack[-1]
        delta = next(todo, None)
        if delta is None:
            stack.pop()
            if chosen:
                chosen.pop()
            continue
        counter.tick()
        u = chain.levels[i].transversal(int(delta))
        s2 = problem.descend(s, u)
        if problem.solved(s2):  # the identity of G_(i+1) finishes: h = u_i, then ..., then u_start
            h = u
            for v in reversed(chosen):
                h = v[h]
            return h
        if i + 1 < m and problem.fits(i + 1, s2):
            chosen.append(u)
            stack.append((i + 1, s2, iter(problem.candidates(i + 1, s2))))
    return None


def subgroup_search(chain, problem, *, nodes=DEFAULT):
    """(strong generators as arrays, exact order) of the elements mapping the source to itself (Lemma 2).

    The problem's root state must be solved (its target is its source): else the solutions are a coset, not a group.
    """
    counter = Nodes.of(nodes)
    home = problem.root()
    if not problem.solved(home):
        raise InvalidArgument("subgroup_search needs a problem whose target is its source (the identity solves it)")
    found, order = [], 1
    labels = orbit_labels(found, chain.n)  # the orbits of the subgroup found so far
    for i in reversed(range(len(chain))):
        level = chain.levels[i]
        b = level.point
        failed, dead = [], set()  # deltas whose search failed, and their labels now
        for delta in problem.candidates(i, home):
            delta = int(delta)
            if labels[delta] == labels[b] or labels[delta] in dead:
                continue
            u = level.transversal(delta)
            h = _search(chain, problem, i + 1, problem.descend(home, u), counter)
            if h is None:
                failed.append(delta)
                dead.add(labels[delta])
                continue
            found.append(u[h])  # h, then u: fixes b_0 .. b_(i-1), maps b_i to delta, solves
            labels = join_labels(labels, found[-1])
            dead = {labels[f] for f in failed}
        order *= int(np.count_nonzero(labels[level.orbit] == labels[b]))
    return found, order


class OrbitCounts:
    """The orbit-counting refinement: an h in G_i maps every orbit of G_i onto itself, so a colouring and its
    image under h have as many points of each colour on each orbit.  ``fits(i, c)`` compares the
    (orbit of G_i, colour) histogram of c with the source's (computed once per level).

    ``source`` and the colourings compared with it: colours 0 .. k-1 (int arrays).

    >>> from exactorbit._perm.chain import StabilizerChain
    >>> counts = OrbitCounts(StabilizerChain([(1, 0, 2, 3)], 4), np.array([1, 0, 1, 1]), 2)
    >>> counts.fits(0, np.array([0, 1, 1, 1])), counts.fits(0, np.array([1, 1, 0, 1]))
    (True, False)
    """

    def __init__(self, chain, source, k):
        self.chain = chain
        self.source = np.asarray(source, dtype=np.int64)
        self.k = k
        self.hist = {}

    def _histogram(self, i, c):
        return np.bincount(self.chain.labels(i) * self.k + c, minlength=self.chain.n * self.k)

    def fits(self, i, c):
        """Whether the colouring c has the source's colour counts on every orbit of G_i."""
        h = self.hist.get(i)
        if h is None:
            h = self.hist[i] = self._histogram(i, self.source)
        return bool(np.array_equal(self._histogram(i, c), h))


class Orbitals:
    """The orbitals of G (its orbits on ordered pairs of points) as an n x n table of labels 0 .. count-1.

    A root refinement for any problem: an element of G maps each orbital onto itself, so a
    statistic of the source counted per orbital (pairs of colours, the pairs (p, g^k(p)), ...)
    equals the target's whenever some element of G maps one to the other.

    >>> from exactorbit._perm.chain import StabilizerChain
    >>> Orbitals(StabilizerChain([(1, 2, 3, 0)], 4)).count    # C_4: the pairs (p, p + d), d = 0..3
    4
    """

    def __init__(self, chain):
        n = chain.n
        pairs = [(g[:, None] * n + g[None, :]).ravel() for g in chain.strong]
        _, table = np.unique(orbit_labels(pairs, n * n), return_inverse=True)
        self.table = table.reshape(n, n)
        self.count = int(self.table.max()) + 1
