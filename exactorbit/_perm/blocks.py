"""Block systems of a permutation group and the plan of the block route (arrays in, arrays out).

Let P be a partition of the points into blocks that G preserves (a block system of a
transitive group, or the orbits of an intransitive one).  D_b, the elements of G that
fix every point outside the block b, is the pointwise stabilizer of the other blocks:
a stabilizer chain whose base starts with every point outside b reads it off as its
deeper levels.  D, the product of the D_b, is normal in G (G permutes the blocks and
conjugates D_b onto D_g(b)), so G is the union of |G| / |D| cosets y D.

:func:`block_plan` chooses the block system and computes the D_b: one chain per orbit
of blocks (the others are conjugates, D_u(b) = u D_b u^-1), listed as rows of global
images of the block's points, or marked "symmetric" / "alternating" when D_b is the
whole S_m or A_m of its m points (read in closed form, never listed).  The systems
tried: the orbits when G is intransitive, else the finest block system joining a base
point to a representative of each orbit of its stabiliser, the coarsest
``tuning("block_candidates")`` of them; the one with the least work is kept.  The
counting on a plan is :func:`exactorbit.counting._blocks.block_cycle_types`.
Proof: proofs/conjugacy_classes.md, "The block route".

>>> gens = [(1, 0, 2, 3, 4, 5), (2, 3, 4, 5, 0, 1)]   # S_2 wr C_3: (0 1) and (0 2 4)(1 3 5)
>>> block_plan(gens, 6)
BlockPlan(3 blocks of sizes [2], |D| = 8, 3 cosets)
"""

import math

import numpy as np

from .._budget import tuning
from ..errors import TooExpensive
from .chain import StabilizerChain, all_products, block_closure, inverse, orbit_labels

__all__ = ["BlockPlan", "TooManyCosets", "block_plan"]

#: Array entries a Python step per coset and generator is worth in :attr:`BlockPlan.work`
#: (measured: about 40 us a coset on 30 points).
_STEP_ENTRIES = 2000


def _candidate_partitions(gens, n, chain):
    """G-invariant partitions worth trying, as label arrays 0..k-1 (each with 2..n-1 blocks, or the orbits).

    >>> [lab.tolist() for lab in _candidate_partitions([(1, 2, 3, 0)], 4, StabilizerChain([(1, 2, 3, 0)], 4))]
    [[0, 1, 0, 1]]
    """
    if not chain.base:  # the trivial group (whatever its generators): n blocks of one point, one coset
        return [np.arange(n, dtype=np.int64)]
    labels = orbit_labels([np.asarray(g) for g in gens], n)
    if len(np.unique(labels)) > 1:  # intransitive: the orbits, numbered 0..k-1
        return [np.unique(labels, return_inverse=True)[1].astype(np.int64)]
    a = int(chain.base[0])
    stab = chain.labels(1)  # the orbits of G_a: one closure per orbit
    out, seen = [], set()
    for rep in np.unique(stab).tolist():
        p = int(np.flatnonzero(stab == rep)[0])
        if p == a:
            continue
        _, canon = np.unique(block_closure(gens, n, a, p), return_inverse=True)
        key = canon.tobytes()
        if key in seen or int(canon.max()) + 1 in (1, n):
            continue
        seen.add(key)
        out.append(canon.astype(np.int64))
    # coarsest first (bigger block groups, fewer cosets); each costs a Schreier-Sims, so at most a few
    out.sort(key=lambda lab: int(lab.max()))
    return out[:tuning("block_candidates")]


class _Block:
    """One block b: its points (sorted), D_b as rows (global images of b's points), and how D_b is read."""

    __slots__ = ("points", "pos", "size", "kind", "rows", "local")

    def __init__(self, points, n, size, kind, rows):
        self.points = points
        self.pos = np.full(n, -1, dtype=np.int64)
        self.pos[points] = np.arange(len(points))
        self.size = size
        self.kind = kind          # "list", "symmetric" or "alternating"
        self.rows = rows          # (size, m) global images d(points[t]) for "list", else None
        self.local = None if rows is None else self.pos[rows]


class BlockPlan:
    """A block system with the block groups D_b: what the block route runs on.

    ``blocks``: one :class:`_Block` per block; ``block_of``: the block of each point;
    ``first``: the first point of each block; ``kernel`` = |D|; ``cosets`` = |G| / |D|
    (the cosets of D listed); ``work`` estimates the cost in array entries, with a Python
    step per coset and generator counted as 2000 of them.
    """

    def __init__(self, gens, n, order, blocks, block_of):
        self.gens = gens
        self.n = n
        self.order = order
        self.blocks = blocks
        self.block_of = block_of
        self.first = np.array([b.points[0] for b in blocks], dtype=np.int64)
        self.kernel = math.prod(b.size for b in blocks)
        self.cosets = order // self.kernel
        listed = sum(b.size * len(b.points) for b in blocks if b.kind == "list")
        self.work = self.cosets * (len(gens) + 1) * (_STEP_ENTRIES + listed + len(blocks) + n)

    def __repr__(self):
        return (f"BlockPlan({len(self.blocks)} blocks of sizes {sorted({len(b.points) for b in self.blocks})}, "
                f"|D| = {self.kernel}, {self.cosets} cosets)")


def _sym_kind(size, m):
    """'symmetric' or 'alternating' when a group of order ``size`` on m points (in S_m) is the whole S_m or A_m.

    >>> _sym_kind(6, 3), _sym_kind(12, 4), _sym_kind(8, 4)
    ('symmetric', 'alternating', None)
    """
    if size == math.factorial(m) and m > 1:
        return "symmetric"
    if m > 2 and size * 2 == math.factorial(m):  # the only subgroup of index 2 in S_m
        return "alternating"
    return None


def _block_orbits(gens, labels, members, n):
    """The blocks in orbits under G, each orbit first-block first, and per block t an element ``carry[t]``
    taking its orbit's first block onto t (the identity on each first block)."""
    carry = [None] * len(members)
    orbits = []
    for start in range(len(members)):
        if carry[start] is not None:
            continue
        carry[start] = np.arange(n, dtype=np.int64)
        queue, orbit = [start], [start]
        while queue:
            j = queue.pop()
            for g in gens:
                t = int(labels[g[members[j][0]]])
                if carry[t] is None:
                    carry[t] = g[carry[j]]  # carry[j], then g
                    queue.append(t)
                    orbit.append(t)
        orbits.append(orbit)
    return orbits, carry


def _block_group(gens, n, labels, label, points):
    """D_b of the block ``label`` (its ``points``): (|D_b|, kind, rows), rows None when D_b is its S_m or A_m;
    None when D_b is too big to list (past ``tuning("block_list_max")``)."""
    outside = np.flatnonzero(labels != label)
    chain = StabilizerChain._unchecked(gens, n, outside.tolist())
    base = list(chain.base)
    j0 = sum(1 for p in base if labels[p] != label)
    if set(base[:j0]) - set(outside.tolist()) or any(labels[p] != label for p in base[j0:]):
        return None  # pragma: no cover - the chain keeps its base prefix first
    # G_j0 (fixing base[:j0]) contains D_b; it equals D_b when its strong generators fix every point
    # outside b (they generate it), which holds when the base holds every outside point
    if j0 < len(base) and any(np.any(g[outside] != outside) for g in chain.levels[j0].gens):
        return None  # pragma: no cover - sympy keeps the whole prefix in the base
    deeper = list(range(j0, len(base)))
    size = math.prod(len(chain.levels[i].orbit) for i in deeper)
    kind = _sym_kind(size, len(points))
    if kind is not None:
        return size, kind, None
    if size > tuning("block_list_max"):
        return None
    return size, "list", all_products(chain, deeper)[:, points]


def _plan_for(gens, n, order, labels):
    """The BlockPlan of one partition, or None when a block group is too big to list (and not S_m or A_m).

    >>> _plan_for([np.array([1, 2, 3, 0])], 4, 4, np.array([0, 1, 0, 1]))   # C_4 on {0, 2} and {1, 3}
    BlockPlan(2 blocks of sizes [2], |D| = 1, 4 cosets)
    """
    k = int(labels.max()) + 1
    members = [np.flatnonzero(labels == j) for j in range(k)]
    gens = [np.asarray(g, dtype=np.int64) for g in gens]
    blocks = [None] * k
    orbits, carry = _block_orbits(gens, labels, members, n)
    for orbit in orbits:
        points = members[orbit[0]]
        if len(points) == 1:  # fixing every other point fixes this one too: D_b is trivial
            for t in orbit:
                blocks[t] = _Block(members[t], n, 1, "list", members[t][None, :])
            continue
        found = _block_group(gens, n, labels, orbit[0], points)
        if found is None:
            return None
        size, kind, rows = found
        pos_b = np.full(n, -1, dtype=np.int64)  # a point of b -> its place in b
        pos_b[points] = np.arange(len(points))
        for t in orbit:
            if rows is None:
                blocks[t] = _Block(members[t], n, size, kind, None)
                continue
            # D_(u b) = u D_b u^-1: d'(u(q)) = u(d(q)); the points of u b in sorted order
            u = carry[t]
            q = pos_b[inverse(u)[members[t]]]
            blocks[t] = _Block(members[t], n, size, kind, u[rows[:, q]])
    return BlockPlan(gens, n, order, blocks, labels)


class TooManyCosets(TooExpensive):
    """:func:`block_plan`'s refusal: every usable block system has more than ``max_cosets`` cosets, known before
    any block group is computed.  ``cosets``: the least lower bound, the order of G acting on the blocks (G/D maps
    onto it, since D fixes every block); ``blocks``: that system's number of blocks; ``summary``: both, in words."""

    def __init__(self, cosets, blocks, max_cosets):
        self.cosets = cosets
        self.blocks = blocks
        self.summary = f"at least {cosets} cosets: the order of the group acting on {blocks} blocks"
        super().__init__(f"every block system has {self.summary}, over max_cosets={max_cosets}",
                         estimate=cosets, limit=max_cosets, unit="cosets", flag="max_cosets=None")


def _block_action_order(gens, labels):
    """|G^P|: the order of the group the generators induce on the blocks (a Schreier-Sims on k points)."""
    k = int(labels.max()) + 1
    firsts = np.array([int(np.flatnonzero(labels == j)[0]) for j in range(k)], dtype=np.int64)
    induced = [labels[np.asarray(g, dtype=np.int64)[firsts]] for g in gens]
    return StabilizerChain._unchecked(induced, k).order()


def block_plan(gens, n, chain=None, *, max_cosets=None):
    """The cheapest :class:`BlockPlan` over the candidate block systems, or None (no usable system).

    ``chain``: G's stabilizer chain, when the caller has one.  ``max_cosets``: a block
    system whose group on the blocks alone has a larger order is not tried (its block
    groups are never computed); when that rules out every usable system,
    :class:`TooManyCosets` (a TooExpensive) is raised with the least such order.

    >>> gens = [(1, 0, 2, 3, 4, 5), (2, 3, 4, 5, 0, 1)]   # S_2 wr C_3
    >>> block_plan(gens, 6, max_cosets=3).cosets
    3
    >>> block_plan(gens, 6, max_cosets=2)
    Traceback (most recent call last):
    ...
    exactorbit._perm.blocks.TooManyCosets: every block system has at least 3 cosets: the order of the group acting on 3 blocks, over max_cosets=2
    """
    gens = [tuple(int(v) for v in g) for g in gens]
    if chain is None:
        chain = StabilizerChain._unchecked(gens, n)
    order = chain.order()
    best = hopeless = None
    for labels in _candidate_partitions(gens, n, chain):
        if max_cosets is not None:
            bound = _block_action_order(gens, labels)
            if bound > max_cosets:
                if hopeless is None or bound < hopeless[0]:
                    hopeless = (bound, int(labels.max()) + 1)
                continue
        plan = _plan_for(gens, n, order, labels)
        if plan is not None and (best is None or plan.work < best.work):
            best = plan
        if best is not None and best.work <= tuning("block_good_enough"):
            break  # a few hundredths of a second: not worth another Schreier-Sims
    if best is None and hopeless is not None:
        raise TooManyCosets(*hopeless, max_cosets)
    return best
