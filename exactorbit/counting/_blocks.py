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
group of the block.  Cosets with the same block-cycle data share one product.  The block
system and the D_b (the plan) come from the kernel, :func:`exactorbit._perm.blocks.block_plan`.
Proof: proofs/conjugacy_classes.md, "The block route".

>>> from exactorbit.groups import from_generators
>>> G = from_generators("1x6", "(0 1);(0 2 4)(1 3 5)")   # S_2 wr C_3 on three blocks of two
>>> sorted(block_cycle_types(G.generators, 6).items())
[(((1, 2), (2, 2)), 3), (((1, 4), (2, 1)), 3), (((1, 6),), 1), (((2, 3),), 1), (((3, 2),), 8), (((6, 1),), 8)]
"""

from collections import Counter

import numpy as np

from .._budget import limit_value, progress, refuse_if_over, tuning
from .._perm.blocks import BlockPlan, TooManyCosets, block_plan
from .._perm.cycles import array_cycle_types, parity
from .._validation import describe
from ..errors import InvalidArgument
from ._symmetric import natural_cycle_types

__all__ = ["block_cycle_types"]


def _radix(top, m):
    """Place values of base ``top`` for rows of m digits (int64), or None when top^m would overflow."""
    if top ** m >= 2 ** 62:
        return None
    return top ** np.arange(m - 1, -1, -1, dtype=np.int64)


def _least_rows(V, radix):
    """Per block (the leading axis of V, shape (blocks, s, m), small non-negative ints), its lexicographically
    least row, as bytes: a canonical key of the set of rows.  With ``radix`` (:func:`_radix` of a bound of the
    entries), the least row's value in that base; else the least row itself.

    >>> V = np.array([[[2, 0], [1, 3]], [[0, 3], [0, 1]]])   # two blocks of two rows
    >>> np.frombuffer(_least_rows(V, _radix(4, 2)), dtype=np.int64).tolist()   # (1, 3) and (0, 1) in base 4
    [7, 1]
    >>> _least_rows(V, None) == np.array([[1, 3], [0, 1]]).tobytes()
    True
    """
    if radix is not None:
        return V.dot(radix).min(axis=-1).tobytes()
    return b"".join(Vb[np.lexsort(Vb.T[::-1])[0]].tobytes() for Vb in V)


class _Keys:
    """Canonical keys of cosets y D: the block permutation, and per block the least row of y D_b."""

    def __init__(self, plan):
        self.plan = plan
        groups = {}
        self.parity = [j for j, b in enumerate(plan.blocks) if b.kind == "alternating"]
        for b in plan.blocks:
            if b.kind == "list":
                groups.setdefault(b.rows.shape, []).append(b.rows)
        # the rows of one shape stacked (blocks, s, m); their entries are points, below n
        self.stacks = [(np.stack(rows), _radix(plan.n, m)) for (s, m), rows in groups.items()]

    def __call__(self, y):
        plan = self.plan
        parts = [plan.block_of[y[plan.first]].tobytes()]
        for E, radix in self.stacks:
            parts.append(_least_rows(y[E], radix))
        for j in self.parity:  # y maps b onto y(b) evenly or oddly (both in increasing order)
            parts.append(bytes([parity(np.argsort(y[plan.blocks[j].points], kind="stable"))]))
        return b"".join(parts)


def _coset_representatives(plan, tick=None):
    """One element y of each coset y D (the identity first), by a breadth-first search on :class:`_Keys`.

    ``tick(k)``: called with the number of new cosets as they are found (progress).
    """
    key_of = _Keys(plan)
    ident = np.arange(plan.n, dtype=np.int64)
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
    return reps


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


class _CosetCounter:
    """The cycle-type counters of the cosets y D, and what cosets share: the counter of c D_b (one per block and
    key of c D_b, or per kind, degree and parity for S_m and A_m), its scalings, and one product per signature.

    Counters are kept encoded (:func:`_encode`), so a convolution adds keys.  ``max_pairs``: the
    pairs of cycle types the products may convolve in all; past it TooExpensive (None: no bound).
    """

    def __init__(self, plan, max_pairs=None, what="the block route"):
        self.plan, self.max_pairs, self.what = plan, max_pairs, what
        self.bits = plan.n.bit_length() + 1  # counts stay below 2^bits
        self.piece_ids = {}   # (block, key of c D_b) or (kind, m, parity) -> id of its counter
        self.pieces = []      # id -> counter of c D_b (unscaled, not encoded)
        self.scaled = {}      # (id, l) -> encoded counter, lengths times l, counts times |D_b|^(l-1)
        self.products = {}    # signature -> encoded counter of the coset
        self.natural = {}     # m -> the counter of S_m
        self.pairs = 0        # pairs of cycle types convolved so far
        self.radix = {}       # m -> :func:`_radix` of rows of m local points

    def signature(self, y):
        """Sorted ((l, id), ...): per cycle (b_1 ... b_l) of the blocks under y, l and the counter of c D_(b_1)."""
        blocks, scaled, piece = self.plan.blocks, self.scaled, self._piece  # locals: once per coset
        bp = self.plan.block_of[y[self.plan.first]].tolist()
        visited = [False] * len(blocks)
        out = []
        for j, block in enumerate(blocks):
            if visited[j]:
                continue
            l, jj = 0, j
            while not visited[jj]:
                visited[jj] = True
                jj = bp[jj]
                l += 1
            pts = block.points
            for _ in range(l):
                pts = y[pts]
            pid = piece(j, block, block.pos[pts])  # c = y^l on the block, in the block's own numbering
            if (pid, l) not in scaled:
                counts = _scale(self.pieces[pid], l, block.size ** (l - 1))
                scaled[(pid, l)] = {_encode(t, self.bits): k for t, k in counts.items()}
            out.append((l, pid))
        out.sort()
        return tuple(out)

    def _piece(self, j, block, c):
        """The id of the counter of c D_b (c on block j, local numbering), computed once per key."""
        m = len(c)
        if block.kind == "list":
            rows = c[block.local]
            if m not in self.radix:
                self.radix[m] = _radix(m, m)
            key = (j, _least_rows(rows[None], self.radix[m]))
        else:
            odd = parity(c) if block.kind == "alternating" else 0
            key = (block.kind, m, odd)
        pid = self.piece_ids.get(key)
        if pid is None:
            pid = self.piece_ids[key] = len(self.pieces)
            self.pieces.append(array_cycle_types(rows) if block.kind == "list" else self._natural(block.kind, m, odd))
        return pid

    def _natural(self, kind, m, odd):
        """The counter of the coset c S_m, or c A_m (A_m when c is even, S_m minus A_m when odd)."""
        sym = self.natural.get(m)
        if sym is None:
            sym = self.natural[m] = natural_cycle_types(m, "symmetric")
        if kind == "symmetric":
            return sym
        alt = natural_cycle_types(m, "alternating")
        return alt if not odd else Counter({t: k for t, k in sym.items() if t not in alt})

    def product(self, signature):
        """The encoded counter of the cosets with this signature: the convolution of their scaled pieces."""
        out = self.products.get(signature)
        if out is None:
            out = {0: 1}
            for l, pid in signature:
                piece = self.scaled[(pid, l)]
                self.pairs += len(out) * len(piece)
                if self.max_pairs is not None and self.pairs > self.max_pairs:
                    refuse_if_over(f"{self.what}: the products of the block groups' cycle types (at least)",
                                   self.pairs, "block_products", limit=self.max_pairs)
                out = _convolve(out, piece)
            self.products[signature] = out
        return out

    def total(self, uses):
        """G's counter: the products, each times the number of cosets with its signature (``uses``)."""
        merged = {}
        for signature, times in uses.items():
            for t, k in self.products[signature].items():
                merged[t] = merged.get(t, 0) + k * times
        total = Counter()
        for t, k in merged.items():
            total[_decode(t, self.bits)] += k
        if sum(total.values()) != self.plan.order:  # pragma: no cover - the cosets partition G
            raise AssertionError("the block route's counts do not sum to |G|")
        return total


def block_cycle_types(gens, n, *, plan=None, chain=None, tick=None, max_pairs=None, what="the block route"):
    """Counter cycle type -> number of elements of the group generated by ``gens``, by its block system.

    ``plan``: a :class:`~exactorbit._perm.blocks.BlockPlan` (else
    :func:`~exactorbit._perm.blocks.block_plan` picks one; InvalidArgument when there is none).
    ``tick(k)``: called with the number of new cosets as they are found (progress).
    ``max_pairs``: the pairs of cycle types the products over the cycles of blocks may
    convolve in all (a deterministic count, ``LIMITS["block_products"]``); past it the route
    stops with TooExpensive (the count so far is a lower bound of the work), None: no bound.
    The products of S_w wr S_h grow as the cycle types of (S_w)^h: the count is what stops them.
    """
    if plan is None:
        plan = block_plan(gens, n, chain)
        if plan is None:
            raise InvalidArgument("gens: the group they generate preserves no usable block system")
    if not isinstance(plan, BlockPlan):
        raise InvalidArgument(f"plan must be a BlockPlan (from block_plan) or None, got {describe(plan)}")
    counter = _CosetCounter(plan, max_pairs, what)
    uses = {}  # signature -> cosets that have it
    for y in _coset_representatives(plan, tick):
        signature = counter.signature(y)
        if signature not in uses:
            counter.product(signature)
        uses[signature] = uses.get(signature, 0) + 1
    return counter.total(uses)


# -- the route as the door sees it ------------------------------------------------------------------


def _natural_primitive(group):
    """The kind ('symmetric' or 'alternating') when ``group`` is S_n or A_n on n >= 3 pixels (primitive: no block
    system), known without a stabilizer chain; else None."""
    kind = group.natural_kind
    return kind if kind is not None and group.n >= 3 else None


def plan(ask):
    """The block plan of the call (memoised on ``ask``): a BlockPlan, None (no usable block system), or the
    :class:`~exactorbit._perm.blocks.TooManyCosets` refusal when every system's group on the blocks alone has
    more cosets than the bound (the default one under 'auto', ``limit`` under the named route; none with force)."""
    def compute():
        group = ask.group
        forced = ask.force and ask.method == "blocks"
        bound = limit_value("block_cosets", ask.limit if ask.method == "blocks" else None)
        try:
            return block_plan(group.generators, group.n, group.chain(), max_cosets=None if forced else bound)
        except TooManyCosets as refusal:  # the route applies; 'auto' passes it by, the named route is refused
            return refusal

    return ask.memo("block_plan", compute)


def _summary(p):
    """The plan in words: its blocks and cosets, or the least number of cosets of a refused one."""
    return p.summary if isinstance(p, TooManyCosets) else repr(p)


def why_not(ask):
    """None when a block system applies, else why not (S_n and A_n are primitive: decided before any chain)."""
    group = ask.group
    kind = _natural_primitive(group)
    if kind is not None:
        return f"the {kind} group on {group.n} pixels is primitive (no block system)"
    if plan(ask) is None:
        return (f"it needs a group that preserves a block system whose block groups can be listed (at most "
                f"{tuning('block_list_max')} elements, or the whole symmetric or alternating group of a block); "
                f"{group.name} (order {group.order()}) has none")
    return None


def within_bound(ask):
    """'auto' takes the route when the plan's cosets are within the default bound."""
    p, bound = plan(ask), limit_value("block_cosets")
    return None if p.cosets <= bound else f"{p.cosets} cosets, over the default bound of {bound}"


def estimate(ask):
    return f"{plan(ask).cosets} cosets ({_summary(plan(ask))})"


def run(ask):
    """Named: refused past ``limit`` cosets unless ``force``; under 'auto', products past their budget give up."""
    group = ask.group
    named = ask.method == "blocks"
    p = plan(ask)
    what = f"the block route on {group.name} ({_summary(p)})"
    force = ask.force if named else False
    refuse_if_over(what, p.cosets, "block_cosets", limit=ask.limit if named else None, force=force, hint=ask.hint())
    max_pairs = None if force else limit_value("block_products")
    with progress(p.cosets, "cosets of the block groups", default=p.cosets > 20_000) as bar:
        return block_cycle_types(group.generators, group.n, plan=p, tick=bar.update, max_pairs=max_pairs, what=what)
