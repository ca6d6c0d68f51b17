"""Cycle types from a block system: the "blocks" route of :mod:`exactorbit.counting`.

Let P be a partition of the points into blocks that G preserves (a block system of a
transitive group, or the orbits of an intransitive one), D_b the elements of G that fix
every point outside the block b, and D the product of the D_b (a normal subgroup of G).
Take y in G and a cycle (b_1 ... b_l) of the blocks under y, and put c = y^l restricted
to b_1.  As d runs over D:

* the cycles of y d inside b_1 .. b_l are the cycles of (y d)^l on b_1, lengths times l;
* (y d)^l on b_1 depends only on d's components on b_1 .. b_l, and as they run over
  D_(b_1) x ... x D_(b_l) it runs over the coset c D_(b_1), each element |D_(b_1)|^(l-1)
  times; different cycles of blocks use the components of different blocks.

So the cycle-type counter of the coset y D is the product (a convolution) over the block
cycles of the counters of c D_(b_1), lengths times l and counts times |D_(b_1)|^(l-1);
G's counter is the sum over the |G| / |D| cosets.  The cosets are enumerated by a
breadth-first search on canonical keys (per block, the least row of y D_b); c D_b is
listed (|D_b| elements), or read in closed form when D_b is the symmetric or alternating
group of the block.  Cosets with the same block-cycle data share one product.  Among the
block systems (the finest block system joining a base point to a representative of each
orbit of its stabiliser, the coarsest :data:`MAX_CANDIDATES` of them, or the orbits when G
is intransitive) the one with the least work is used.  Proof: proofs/conjugacy_classes.md, "The block route".

>>> from exactorbit.groups import from_generators
>>> G = from_generators("1x6", "(0 1);(0 2 4)(1 3 5)")   # S_2 wr C_3 on three blocks of two
>>> sorted(block_cycle_types(G.generators, 6).items())
[(((1, 2), (2, 2)), 3), (((1, 4), (2, 1)), 3), (((1, 6),), 1), (((2, 3),), 1), (((3, 2),), 8), (((6, 1),), 8)]
"""

from collections import Counter
import math

import numpy as np

from .._budget import limit_value, progress, refuse_if_over
from .._perm.chain import StabilizerChain, all_products, block_closure, inverse, orbit_labels
from .._perm.cycles import array_cycle_types, parity as _parity
from ._symmetric import natural_cycle_types

__all__ = ["BlockPlan", "TooManyCosets", "block_plan", "block_cycle_types"]

#: Block systems tried at most (the coarsest first): each costs one Schreier-Sims with a long base prefix.
MAX_CANDIDATES = 8

#: Work (BlockPlan.work) at which the search for a cheaper block system stops (about 0.1 s of cosets).
GOOD_ENOUGH = 2_000_000

#: Elements of one block's group D_b listed at most (past it the block system is not used,
#: unless D_b is the whole symmetric or alternating group of the block).
LIST_MAX = 50_000


def _candidate_partitions(gens, n, chain):
    """G-invariant partitions worth trying, as label arrays (each with 2..n-1 blocks)."""
    if not chain.base:  # the trivial group (whatever its generators): n blocks of one point, one coset
        return [np.arange(n, dtype=np.int64)]
    labels = orbit_labels([np.asarray(g) for g in gens], n)
    if len(np.unique(labels)) > 1:  # intransitive: the orbits, numbered 0..k-1
        return [np.unique(labels, return_inverse=True)[1].astype(np.int64)]
    if not chain.base:
        return []
    a = int(chain.base[0])
    stab = chain.labels(1)  # the orbits of G_a: one closure per orbit
    out, seen = [], set()
    for rep in np.unique(stab).tolist():
        p = int(np.flatnonzero(stab == rep)[0])
        if p == a:
            continue
        lab = block_closure(gens, n, a, p)
        _, canon = np.unique(lab, return_inverse=True)
        key = canon.tobytes()
        blocks = int(canon.max()) + 1
        if key in seen or blocks in (1, n):
            continue
        seen.add(key)
        out.append(canon.astype(np.int64))
    # coarsest first (bigger block groups, fewer cosets); each costs a Schreier-Sims, so at most a few
    out.sort(key=lambda lab: int(lab.max()))
    return out[:MAX_CANDIDATES]


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
    """A block system with the block groups D_b: what :func:`block_cycle_types` runs on.

    ``cosets`` = |G| / |D| (the cosets of D listed); ``work`` estimates the cost in array
    entries, with a Python step per coset and generator counted as 2000 of them (measured:
    about 40 us a coset on 30 points).
    """

    def __init__(self, gens, n, order, blocks, block_of):
        self.gens = gens
        self.n = n
        self.order = order
        self.blocks = blocks
        self.block_of = block_of
        self.first = np.array([b.points[0] for b in blocks], dtype=np.int64)
        d = 1
        for b in blocks:
            d *= b.size
        self.kernel = d
        self.cosets = order // d
        listed = sum(b.size * len(b.points) for b in blocks if b.kind == "list")
        self.work = self.cosets * (len(gens) + 1) * (2000 + listed + len(blocks) + n)

    def __repr__(self):
        return (f"BlockPlan({len(self.blocks)} blocks of sizes {sorted({len(b.points) for b in self.blocks})}, "
                f"|D| = {self.kernel}, {self.cosets} cosets)")


def _sym_kind(size, m):
    if size == math.factorial(m) and m > 1:
        return "symmetric"
    if m > 2 and size * 2 == math.factorial(m):  # the only subgroup of index 2 in S_m
        return "alternating"
    return None


def _plan_for(gens, n, order, labels):
    """The BlockPlan of one partition, or None when a block group is too big to list (and not S_m or A_m)."""
    k = int(labels.max()) + 1
    members = [np.flatnonzero(labels == j) for j in range(k)]
    gens_arr = [np.asarray(g, dtype=np.int64) for g in gens]
    # blocks in orbits under G, with an element carrying the orbit's first block onto each
    carry = [None] * k
    blocks = [None] * k
    for start in range(k):
        if carry[start] is not None:
            continue
        carry[start] = np.arange(n, dtype=np.int64)
        queue = [start]
        orbit = [start]
        while queue:
            j = queue.pop()
            for g in gens_arr:
                t = int(labels[g[members[j][0]]])
                if carry[t] is None:
                    carry[t] = g[carry[j]]  # carry[j], then g
                    queue.append(t)
                    orbit.append(t)
        points = members[start]
        if len(points) == 1:  # fixing every other point fixes this one too: D_b is trivial
            for t in orbit:
                blocks[t] = _Block(members[t], n, 1, "list", members[t][None, :])
            continue
        outside = np.flatnonzero(labels != start)
        chain = StabilizerChain._unchecked(gens_arr, n, outside.tolist())
        base = list(chain.base)
        j0 = sum(1 for p in base if labels[p] != start)
        if set(base[:j0]) - set(outside.tolist()) or any(labels[p] != start for p in base[j0:]):
            return None  # pragma: no cover - the chain keeps its base prefix first
        # G_j0 (fixing base[:j0]) contains D_b; it equals D_b when its strong generators fix every point
        # outside b (they generate it), which holds when the base holds every outside point
        if j0 < len(base) and any(np.any(g[outside] != outside) for g in chain.levels[j0].gens):
            return None  # pragma: no cover - sympy keeps the whole prefix in the base
        deeper = list(range(j0, len(base)))
        size = 1
        for i in deeper:
            size *= len(chain.levels[i].orbit)
        kind = _sym_kind(size, len(points))
        rows = None
        if kind is None:
            if size > LIST_MAX:
                return None
            kind = "list"
            rows = all_products(chain, deeper)[:, points]
        pos_b = np.full(n, -1, dtype=np.int64)  # a point of b -> its place in b
        pos_b[points] = np.arange(len(points))
        for t in orbit:
            u = carry[t]
            pts = members[t]
            if rows is None:
                blocks[t] = _Block(pts, n, size, kind, None)
                continue
            # D_(u b) = u D_b u^-1: d'(u(q)) = u(d(q)); the points of u b in sorted order
            q = pos_b[inverse(u)[pts]]
            blocks[t] = _Block(pts, n, size, kind, u[rows[:, q]])
    return BlockPlan(gens_arr, n, order, blocks, labels)


class TooManyCosets:
    """What :func:`block_plan` returns when every usable block system has more than ``max_cosets``
    cosets before any block group is computed: ``cosets`` is the least lower bound, the order of G
    acting on the blocks (G/D maps onto it, since D fixes every block)."""

    work = math.inf

    def __init__(self, cosets, blocks):
        self.cosets = cosets
        self.blocks = blocks

    def __repr__(self):
        return f"at least {self.cosets} cosets: the order of the group acting on {self.blocks} blocks"


def _block_action_order(gens, labels):
    """|G^P|: the order of the group the generators induce on the blocks (a Schreier-Sims on k points)."""
    k = int(labels.max()) + 1
    firsts = np.array([int(np.flatnonzero(labels == j)[0]) for j in range(k)], dtype=np.int64)
    induced = [labels[np.asarray(g, dtype=np.int64)[firsts]] for g in gens]
    return StabilizerChain._unchecked(induced, k).order()


def block_plan(gens, n, chain=None, *, max_cosets=None):
    """The cheapest :class:`BlockPlan` over the candidate block systems, or None (no usable system).

    ``max_cosets``: a block system whose group on the blocks alone has a larger order is
    not tried (its block groups are never computed); when that rules out every system, a
    :class:`TooManyCosets` with the least such order is returned.

    >>> from exactorbit.groups import from_generators
    >>> block_plan(from_generators("1x6", "(0 1);(0 2 4)(1 3 5)").generators, 6)
    BlockPlan(3 blocks of sizes [2], |D| = 8, 3 cosets)
    >>> block_plan(from_generators("1x6", "(0 1);(0 2 4)(1 3 5)").generators, 6, max_cosets=2)
    at least 3 cosets: the order of the group acting on 3 blocks
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
                if hopeless is None or bound < hopeless.cosets:
                    hopeless = TooManyCosets(bound, int(labels.max()) + 1)
                continue
        plan = _plan_for(gens, n, order, labels)
        if plan is not None and (best is None or plan.work < best.work):
            best = plan
        if best is not None and best.work <= GOOD_ENOUGH:
            break  # a few hundredths of a second: not worth another Schreier-Sims
    return best if best is not None else hopeless


class _Keys:
    """Canonical keys of cosets y D: the block permutation, and per block the least row of y D_b."""

    def __init__(self, plan):
        self.plan = plan
        n = plan.n
        groups = {}
        self.parity = [j for j, b in enumerate(plan.blocks) if b.kind == "alternating"]
        for b in plan.blocks:
            if b.kind == "list":
                groups.setdefault(b.rows.shape, []).append(b.rows)
        self.stacks = []
        for (s, m), rows in groups.items():
            E = np.stack(rows)  # (blocks, s, m)
            radix = None
            if n ** m < 2 ** 62:
                radix = np.array([n ** (m - 1 - t) for t in range(m)], dtype=np.int64)
            self.stacks.append((E, radix))

    def __call__(self, y):
        plan = self.plan
        parts = [plan.block_of[y[plan.first]].tobytes()]
        for E, radix in self.stacks:
            V = y[E]
            if radix is not None:
                parts.append(V.dot(radix).min(axis=1).tobytes())
            else:  # lexicographic least row of every block, one block at a time
                parts.extend(Vb[np.lexsort(Vb.T[::-1])[0]].tobytes() for Vb in V)
        for j in self.parity:  # y maps b onto y(b) evenly or oddly (both in increasing order)
            parts.append(bytes([_parity(np.argsort(y[plan.blocks[j].points], kind="stable"))]))
        return b"".join(parts)


def _least_row(rows):
    """The lexicographically least row of a 2-d array of small non-negative ints, as bytes (a coset's key)."""
    s, m = rows.shape
    top = int(rows.max()) + 1 if rows.size else 1
    if top ** m < 2 ** 62:
        radix = top ** np.arange(m - 1, -1, -1, dtype=np.int64)
        return rows[int(np.argmin(rows.dot(radix)))].tobytes()
    return rows[np.lexsort(rows.T[::-1])[0]].tobytes()


def _scale(counter, l, factor):
    """Lengths times l, counts times factor."""
    return {tuple((length * l, c) for length, c in t): k * factor for t, k in counter.items()}


def _convolve(a, b):
    """The counter of disjoint unions: types of a and b merged, counts multiplied (keys as :func:`_encode`)."""
    out = {}
    get = out.get
    pairs = list(b.items())
    for t1, k1 in a.items():
        for t2, k2 in pairs:
            t = t1 + t2  # encoded types: adding the keys merges the cycle types
            out[t] = get(t, 0) + k1 * k2
    return out


def _encode(ctype, bits):
    """A cycle type as one int: the count of cycles of length l in the bits [bits (l - 1), bits l).

    Counts never exceed the degree n < 2^bits, so the keys of two disjoint parts add as the types merge.

    >>> _decode(_encode(((1, 2), (3, 1)), 4) + _encode(((3, 2),), 4), 4)
    ((1, 2), (3, 3))
    """
    return sum(count << (bits * (length - 1)) for length, count in ctype)


def _decode(key, bits):
    """The cycle type ((length, count), ...) of an :func:`_encode` key, by length."""
    out = []
    mask = (1 << bits) - 1
    while key:
        slot = ((key & -key).bit_length() - 1) // bits
        count = (key >> (bits * slot)) & mask
        out.append((slot + 1, count))
        key -= count << (bits * slot)
    return tuple(out)


def block_cycle_types(gens, n, *, plan=None, chain=None, tick=None, max_pairs=None, what="the block route"):
    """Counter cycle type -> number of elements of the group generated by ``gens``, by its block system.

    ``plan``: a :class:`BlockPlan` (else :func:`block_plan` picks one; ValueError when there is none).
    ``tick(k)``: called with the number of new cosets as they are found (progress).
    ``max_pairs``: the pairs of cycle types the products over the cycles of blocks may
    convolve in all (a deterministic count, ``LIMITS["block_products"]``); past it the route
    stops with TooExpensive (the count so far is a lower bound of the work), None: no bound.
    The products of S_w wr S_h grow as the cycle types of (S_w)^h: the count is what stops them.
    """
    if plan is None:
        plan = block_plan(gens, n, chain)
        if plan is None:
            raise ValueError("the group preserves no usable block system")
    if isinstance(plan, TooManyCosets):
        raise ValueError(f"no block system was planned ({plan!r})")
    key_of = _Keys(plan)
    ident = np.arange(n, dtype=np.int64)
    reps = [ident]
    seen = {key_of(ident)}
    if tick is not None:
        tick(1)
    i = 0
    while i < len(reps):
        t = reps[i]
        i += 1
        for g in plan.gens:
            u = t[g]  # g, then t
            key = key_of(u)
            if key not in seen:
                seen.add(key)
                reps.append(u)
                if tick is not None:
                    tick(1)
    if len(reps) != plan.cosets:  # pragma: no cover - Lagrange, unless the chain's order is wrong
        raise AssertionError(f"found {len(reps)} cosets of D, expected {plan.cosets} (|G| = {plan.order}): "
                             f"the stabilizer chain and the coset search disagree")

    piece_ids = {}    # (block, key of c D_b) -> id of its counter
    pieces = []       # id -> counter of c D_b (unscaled)
    scaled = {}       # (id, l) -> counter with lengths times l, counts times |D_b|^(l-1)
    products = {}     # sorted ((l, id), ...) -> counter of the coset
    natural = {}
    total = Counter()
    pairs = 0         # pairs of cycle types convolved so far
    uses = {}         # signature -> cosets that have it
    bits = n.bit_length() + 1  # cycle types as ints (:func:`_encode`): merging is adding
    for y in reps:
        bp = plan.block_of[y[plan.first]]
        visited = np.zeros(len(plan.blocks), dtype=bool)
        signature = []
        for j in range(len(plan.blocks)):
            if visited[j]:
                continue
            l, jj = 0, j
            while not visited[jj]:
                visited[jj] = True
                jj = int(bp[jj])
                l += 1
            block = plan.blocks[j]
            pts = block.points
            for _ in range(l):
                pts = y[pts]
            c = block.pos[pts]  # y^l on the block, in the block's own numbering
            m = len(c)
            if block.kind == "list":
                rows = c[block.local]
                key = (j, _least_row(rows))
                pid = piece_ids.get(key)
                if pid is None:
                    pid = piece_ids[key] = len(pieces)
                    pieces.append(array_cycle_types(rows))
            else:
                odd = _parity(c) if block.kind == "alternating" else 0
                key = (block.kind, m, odd)
                pid = piece_ids.get(key)
                if pid is None:
                    pid = piece_ids[key] = len(pieces)
                    sym = natural.get(m)
                    if sym is None:
                        sym = natural[m] = natural_cycle_types(m, "symmetric")
                    if block.kind == "symmetric":
                        pieces.append(sym)
                    else:
                        alt = natural_cycle_types(m, "alternating")
                        pieces.append(alt if not odd else Counter({t: k for t, k in sym.items() if t not in alt}))
            if (pid, l) not in scaled:
                scaled[(pid, l)] = {_encode(t, bits): k for t, k in _scale(pieces[pid], l, block.size ** (l - 1)).items()}
            signature.append((l, pid))
        signature = tuple(sorted(signature))
        product = products.get(signature)
        if product is None:
            product = {0: 1}
            for l, pid in signature:
                piece = scaled[(pid, l)]
                pairs += len(product) * len(piece)
                if max_pairs is not None and pairs > max_pairs:
                    from .._budget import refuse_if_over

                    refuse_if_over(f"{what}: the products of the block groups' cycle types (at least)", pairs,
                                   "block_products", limit=max_pairs)
                product = _convolve(product, piece)
            products[signature] = product
        uses[signature] = uses.get(signature, 0) + 1
    merged = {}
    for signature, times in uses.items():  # cosets with one block-cycle signature share one product
        for t, k in products[signature].items():
            merged[t] = merged.get(t, 0) + k * times
    for t, k in merged.items():
        total[_decode(t, bits)] += k
    if sum(total.values()) != plan.order:  # pragma: no cover - the cosets partition G
        raise AssertionError("the block route's counts do not sum to |G|")
    return total


# -- the route as the door sees it ------------------------------------------------------------------


def _natural_primitive(group):
    """The kind ('symmetric' or 'alternating') when ``group`` is S_n or A_n on n >= 3 pixels (primitive: no block
    system), known without a stabilizer chain; else None."""
    kind = group.natural_kind
    return kind if kind is not None and group.n >= 3 else None


def plan(ask):
    """The block plan of the call (memoised on ``ask``), or None.  Past the coset bound (and without force under
    the named route), block systems whose group on the blocks alone is bigger are not planned."""
    def compute():
        group = ask.group
        forced = ask.force and ask.method == "blocks"
        bound = limit_value("block_cosets", ask.limit if ask.method == "blocks" else None)
        return block_plan(group.generators, group.n, group.chain(), max_cosets=None if forced else bound)

    return ask.memo("block_plan", compute)


def why_not(ask):
    """None when a block system applies, else why not (S_n and A_n are primitive: decided before any chain)."""
    group = ask.group
    kind = _natural_primitive(group)
    if kind is not None:
        return f"the {kind} group on {group.n} pixels is primitive (no block system)"
    if plan(ask) is None:
        return (f"it needs a group that preserves a block system whose block groups can be listed (at most "
                f"{LIST_MAX} elements, or the whole symmetric or alternating group of a block); {group.name} (order "
                f"{group.order()}) has none")
    return None


def within_bound(ask):
    """'auto' takes the route when the plan's cosets are within the default bound."""
    p, bound = plan(ask), limit_value("block_cosets")
    return None if p.cosets <= bound else f"{p.cosets} cosets, over the default bound of {bound}"


def estimate(ask):
    return f"{plan(ask).cosets} cosets ({plan(ask)!r})"


def run(ask):
    """Named: refused past ``limit`` cosets unless ``force``; under 'auto', products past their budget give up."""
    group = ask.group
    named = ask.method == "blocks"
    p = plan(ask)
    what = f"the block route on {group.name} ({p!r})"
    force = ask.force if named else False
    refuse_if_over(what, p.cosets, "block_cosets", limit=ask.limit if named else None, force=force, hint=ask.hint())
    max_pairs = None if force else limit_value("block_products")
    with progress(p.cosets, "cosets of the block groups", default=p.cosets > 20_000) as bar:
        return block_cycle_types(group.generators, group.n, plan=p, tick=bar.update, max_pairs=max_pairs, what=what)
