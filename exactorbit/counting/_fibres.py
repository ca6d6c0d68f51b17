"""Cycle types of an intransitive group through its action on one orbit: the "fibres" route of
:mod:`exactorbit.counting`.

Let O2 be an orbit of G (the one whose action B = G|O2 has the fewest elements), O1 the
other points, pi: G -> B the restriction, K its kernel and K1 = K|O1 (faithful: K fixes
O2 point by point).  The elements over b in B form the fibre g_b K; on O1 they are the
coset x K1 with x = g_b|O1, and each one's cycle type is its type on O1 joined with b's
type on O2.  So

    types(G) = sum over b in B of types(x_b K1) joined with type(b),

and conjugate elements of B have fibres with equal types (conjugation by a preimage), so
one b per conjugacy class of B, times the class size.  This counts subdirect products
(the orbit actions need not split as a direct product), where the block route lists
too much and the class search gives up.

The coset types: L = <K1, x> normalises K1 (K is normal in G), and L/K1 = <x K1> is cyclic
of order m = |L| / |K1|.  S_i = types(x^i K1) depends only on gcd(i, m): for gcd(i, m) = 1
take j = i mod m coprime to |L|; y -> y^j is a bijection of L that keeps cycle types and
sends the coset x K1 onto x^i K1 (and x^e K1 onto x^(ie) K1).  Counting the cosets of the
subgroup <K1, x^d> (d | m) by their gcd,

    types(<K1, x^d>) = sum over e with d | e | m of phi(m / e) S_e,

so the S_e follow from the top down (S_m = types(K1)), divisions exact, down to S_1.
Every types(<K1, x^d>) is the door's own answer on the |O1| points of O1 (its 'auto':
any route, this one again for an intransitive K1).  Proof: proofs/conjugacy_classes.md,
"The fibre route".

>>> from exactorbit.groups import from_generators
>>> from exactorbit.counting import cycle_types
>>> G = from_generators("1x5", "(0 1 2)(3 4);(0 1)")   # S_3 x C_2 on the orbits {0, 1, 2} and {3, 4}, subdirect
>>> cycle_types(G, method="fibres") == cycle_types(G, method="listing")
True
"""

from collections import Counter
import math

from .._budget import tuning
from .._perm.chain import orbit_labels
from .._perm.cycles import cycle_type
from .._perm.perms import compose, identity, inverse
from .._perm.schreier_sims import order_of, schreier_sims
from ..groups import PixelGroup
from ..images import parse_grid

__all__ = ["fibre_cycle_types", "why_not", "run"]


def _restrict(g, points, index):
    """g on an orbit (a list of points, ``index`` their positions), as a permutation of 0..len-1."""
    return tuple(index[g[p]] for p in points)


def choose_orbit(gens, n, bound):
    """(O1, O2, |B|): the orbit O2 whose action B has the fewest elements (at most ``bound``; ties: the smaller
    orbit) and the other points O1, or None (a transitive group, or every orbit's action too large)."""
    labels = orbit_labels(list(gens), n).tolist()
    orbits = [[p for p in range(n) if labels[p] == label] for label in sorted(set(labels))]
    if len(orbits) < 2:
        return None
    best = None
    for orbit in sorted(orbits, key=len):
        index = {p: i for i, p in enumerate(orbit)}
        restricted = [r for r in (_restrict(g, orbit, index) for g in gens) if r != identity(len(orbit))]
        size = order_of(*schreier_sims(restricted, len(orbit)), len(orbit)) if restricted else 1
        if size <= bound and (best is None or size < best[2]):
            best = (sorted(set(range(n)) - set(orbit)), orbit, size)
    return best


def _fibres(gens, n, O2):
    """{b: g_b}: the elements of B (on O2) with a preimage in G each, by breadth-first search along the generators."""
    index = {p: i for i, p in enumerate(O2)}
    restricted = [_restrict(s, O2, index) for s in gens]
    start = identity(len(O2))
    pre = {start: identity(n)}
    queue = [start]
    for b in queue:
        for s, r in zip(gens, restricted):
            c = compose(b, r)
            if c not in pre:
                pre[c] = compose(pre[b], s)
                queue.append(c)
    return pre, restricted


def _kernel_generators(gens, pre, restricted, O1):
    """K1: the Schreier generators g_b s g_(b s)^-1 of the kernel (Schreier's lemma), restricted to O1."""
    index = {p: i for i, p in enumerate(O1)}
    out = set()
    for b, g in pre.items():
        for s, r in zip(gens, restricted):
            out.add(_restrict(compose(compose(g, s), inverse(pre[compose(b, r)])), O1, index))
    out.discard(identity(len(O1)))
    return sorted(out)


def _classes(elements, restricted):
    """One (element, class size) per conjugacy class of B (``elements``), each class closed under conjugation by
    B's generators (``restricted``)."""
    seen, out = set(), []
    for b in elements:
        if b in seen:
            continue
        members, queue = {b}, [b]
        for c in queue:
            for r in restricted:
                d = compose(compose(inverse(r), c), r)
                if d not in members:
                    members.add(d)
                    queue.append(d)
        seen |= members
        out.append((b, len(members)))
    return out


def _power(x, k):
    out = identity(len(x))
    for _ in range(k):
        out = compose(out, x)
    return out


def _totient(m):
    return sum(1 for k in range(1, m + 1) if math.gcd(k, m) == 1)


def _coset_types(types_of, K1, k1_types, x):
    """The cycle types of the coset x K1 on O1 (see the module's help): Moebius over the divisors of m."""
    grid, gens = K1.grid, list(K1.generators)
    m = PixelGroup._trusted(grid, gens + [x]).order() // sum(k1_types.values())
    divisors = [d for d in range(1, m + 1) if m % d == 0]
    S = {m: Counter(k1_types)}
    for d in reversed(divisors[:-1]):
        rest = Counter(types_of(PixelGroup._trusted(grid, gens + [_power(x, d)])))
        for e in divisors:
            if e > d and e % d == 0:
                for t, c in S[e].items():
                    rest[t] -= _totient(m // e) * c
        phi = _totient(m // d)
        if any(c % phi or c < 0 for c in rest.values()):  # pragma: no cover - the lemma guarantees exactness
            raise AssertionError("coset counts not divisible: the cyclic-quotient lemma failed")
        S[d] = Counter({t: c // phi for t, c in rest.items() if c})
    return S[1]


def _join(a, b):
    """Two cycle types on disjoint points as one."""
    cycles = Counter(dict(a))
    cycles.update(dict(b))
    return tuple(sorted(cycles.items()))


def fibre_cycle_types(gens, n, types_of, bound=None):
    """Counter cycle type -> number of elements of the intransitive group <gens> on n points, fibre by fibre over
    its smallest orbit action (module help).  ``types_of(group)``: the cycle types of a group on O1 (the door)."""
    found = choose_orbit(gens, n, tuning("fibre_action") if bound is None else bound)
    if found is None:  # pragma: no cover - why_not says so first
        raise AssertionError("no orbit with a small enough action")
    O1, O2, _ = found
    pre, restricted = _fibres(gens, n, O2)
    K1 = PixelGroup._trusted(parse_grid(f"1x{len(O1)}"), _kernel_generators(gens, pre, restricted, O1), name="kernel")
    k1_types = types_of(K1)
    index = {p: i for i, p in enumerate(O1)}
    out = Counter()
    for b, size in _classes(list(pre), [r for r in restricted if r != identity(len(O2))]):
        x = _restrict(pre[b], O1, index)
        b_type = cycle_type(b)
        for t, count in _coset_types(types_of, K1, k1_types, x).items():
            out[_join(t, b_type)] += count * size
    return out


def why_not(ask):
    """None when G is intransitive with an orbit whose action has at most TUNING["fibre_action"] elements."""
    group = ask.group
    if group._transitive():
        return f"it needs an intransitive group (two orbits or more on the pixels); {group.name} is transitive"
    bound = tuning("fibre_action")
    if ask.memo("fibre_orbit", lambda: choose_orbit(group.generators, group.n, bound)) is None:
        return f"every orbit's action of {group.name} has more than TUNING['fibre_action'] = {bound} elements"
    return None


def run(ask):
    """The door (``ask.cycle_types``) on the kernel and its cyclic extensions, by their own 'auto'."""
    return fibre_cycle_types(ask.group.generators, ask.group.n,
                             lambda H: ask.cycle_types(H, force=ask.force))
