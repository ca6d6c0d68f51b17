"""One-hidden-unit families analysed exactly without listing their functions.

A network with one hidden unit computes ``F(x) = a if h(x) else b``: ``h`` is
the encoder's threshold unit, ``a`` and ``b`` the decoder's outputs for the
hidden bit 1 and 0.  The 3x3 tied family has 422,752,256 distinct functions,
too many to list, but everything the shadow analysis needs is a sum over
encoder settings of a product over pixels, which this module evaluates.

Conventions as in :mod:`exactorbit.shadow` (distance over all 2^n inputs, no
complement) and :mod:`exactorbit.networks`.  For an element g with table
``x -> x^g``: F(x) = x^g holds for at most one x with h(x) = 1 (namely
x = a^(g^-1)) and one with h(x) = 0 (x = b^(g^-1)), so the *score*
s_g = [h(a^(g^-1)) = 1] + [h(b^(g^-1)) = 0] (or 1 when a = b) gives
d(F, g) = 2^n - s_g, and the shadow of F is the set of g of maximal score.

Symmetry: conjugating a network by a pixel permutation g (F -> g^-1 F g)
permutes its weights (w'[g[p]] = w[p]) and keeps the family, its measure and
distances; shadows are conjugated.  So encoders are taken one per G-orbit of
weight vectors, weighted by the orbit size, and the union of shadows over the
family is closed under conjugation: the shadow group is the normal closure of
the shadows of the representatives.

>>> from exactorbit.networks import NetworkFamily
>>> from exactorbit.groups import translations
>>> r = k1_shadow_analysis(NetworkFamily("1x2", 1), translations("1x2"))
>>> r["distance_distribution"]
{2: 32, 3: 192}
"""

from collections import Counter
import functools
import sys
from fractions import Fraction

import numpy as np
from sympy.combinatorics import Permutation, PermutationGroup

from ._validation import check_int, describe
from .errors import InvalidArgument, TooExpensive
from .groups import PixelGroup, inverse
from .networks import NetworkFamily, parameter_settings, threshold_range, unit_settings
from .shadow import element_tables

__all__ = [
    "k1_shadow_analysis",
    "k1_recurrent_shadow",
    "k1_is_member",
    "k1_estimate",
]


def _check(family, group):
    if not isinstance(family, NetworkFamily):
        raise InvalidArgument(f"family must be a NetworkFamily, got {describe(family)}")
    if family.hidden != 1:
        raise InvalidArgument(f"this route needs one hidden unit, got hidden={family.hidden}")
    if group is not None:
        if not isinstance(group, PixelGroup):
            raise InvalidArgument(f"group must be a PixelGroup, got {describe(group)}")
        if group.grid != family.grid:
            raise InvalidArgument(f"group grid {group.grid} differs from the family's {family.grid}")


def _bits(n):
    return ((np.arange(1 << n)[:, None] >> np.arange(n)) & 1).astype(np.int64)


def _pixel_pair_counts(family, w_i):
    """2x2 counts [a_i, b_i] of decoder settings of one pixel (tied: its weight is w_i)."""
    cnt = np.zeros((2, 2), dtype=np.int64)
    weights = [w_i] if family.tied else list(family.alphabet)
    for v in weights:
        lo, hi = threshold_range([v], family.exclude_constant)
        for t in range(lo, hi + 1):
            cnt[int(v >= t), int(0 >= t)] += 1
    return cnt


def _supported_pairs(family, w):
    """The decoder output pairs (a, b) with a positive count, as arrays A, B, C (count).

    Pixels are independent: the pairs are a product over pixels of the allowed
    (a_i, b_i), and the counts multiply.

    >>> from exactorbit.networks import NetworkFamily
    >>> A, B, C = _supported_pairs(NetworkFamily("1x1", 1), [0])
    >>> A.tolist(), B.tolist(), C.tolist()
    ([0, 1], [0, 1], [1, 1])
    """
    A = np.zeros(1, dtype=np.int64)
    B = np.zeros(1, dtype=np.int64)
    C = np.ones(1, dtype=np.int64)
    for i in range(family.n):
        cnt = _pixel_pair_counts(family, int(w[i]))
        opts = [(a, b, int(cnt[a, b])) for a in (0, 1) for b in (0, 1) if cnt[a, b]]
        if not opts:  # this pixel's decoder unit has no setting: no network at all
            empty = np.zeros(0, dtype=np.int64)
            return empty, empty, empty
        A = np.concatenate([A + (a << i) for a, _, _ in opts])
        B = np.concatenate([B + (b << i) for _, b, _ in opts])
        C = np.concatenate([C * k for _, _, k in opts])
    return A, B, C


def _weight_orbits(family, group):
    """Representatives of the G-orbits of encoder weight vectors, with orbit sizes."""
    n = family.n
    alphabet = np.array(family.alphabet, dtype=np.int64)
    a = len(alphabet)
    W = alphabet[((np.arange(a**n)[:, None] // a ** np.arange(n)) % a)]  # (a^n, n)
    idx = ((np.arange(a**n)[:, None] // a ** np.arange(n)) % a)  # digit indices
    powers = a ** np.arange(n)
    best = np.arange(a**n)
    for g in group.elements():
        inv = np.array(inverse(g))
        best = np.minimum(best, (idx[:, inv] * powers).sum(1))  # w'[q] = w[g^-1[q]]
    reps, sizes = np.unique(best, return_counts=True)
    return W[reps], sizes


#: Default bound on the work of the one-hidden-unit route: encoder settings x 4^n pairs (a, b).
K1_LIMIT = 2 * 10**10


def k1_estimate(family, group):
    """Work of the one-hidden-unit route: encoder settings up to G times the 4^n output pairs.

    >>> from exactorbit.networks import NetworkFamily
    >>> from exactorbit.groups import translations
    >>> k1_estimate(NetworkFamily("1x2", 1), translations("1x2")) > 0
    True
    """
    a, n = len(family.alphabet), family.n
    settings_per_vector = max(abs(v) for v in family.alphabet) * n + 2
    return -(-a**n // group.order()) * settings_per_vector * 4**n


def _pack_columns(M):
    """Bool (m, N) -> uint64 (N, words): column j's set rows as bit words.

    >>> _pack_columns(np.array([[True, False], [True, True]])).tolist()
    [[3], [2]]
    """
    m, N = M.shape
    words = (m + 63) // 64
    padded = np.zeros((words * 64, N), dtype=np.uint64)
    padded[:m] = M
    weights = np.uint64(1) << np.arange(64, dtype=np.uint64)
    return (padded.reshape(words, 64, N) * weights[None, :, None]).sum(axis=1).T.copy()


def _unpack_bits(words, m):
    """Indices i < m whose bit is set in the bit words.

    >>> _unpack_bits(np.array([5], dtype=np.uint64), 3)
    [0, 2]
    """
    return [i for i in range(m) if int(words[i // 64]) >> (i % 64) & 1]


def _check_cost(family, group, limit, force):
    estimate = k1_estimate(family, group)
    limit = K1_LIMIT if limit is None else limit
    if estimate > limit and not force:
        raise TooExpensive(
            f"the one-hidden-unit shadow route is estimated at {estimate} units of work "
            f"(encoder classes x 4^{family.n} output pairs), over the limit {limit}; "
            "pass force=True (CLI: --force) to allow it"
        )


def _encoders(family, group, progress=False):
    """Yield (weights w, thresholds, multiplicity) of encoder weight vectors up to G."""
    from tqdm import tqdm

    W, sizes = _weight_orbits(family, group)
    for w, size in tqdm(list(zip(W, sizes)), desc="encoder classes", disable=not progress, file=sys.stderr):
        lo, hi = threshold_range(w.tolist(), family.exclude_constant)
        yield w, range(lo, hi + 1), int(size)


def k1_shadow_analysis(family, group, tolerance=None, progress=False, *, limit=None, force=False):
    """Exact nearest-element shadow analysis of a one-hidden-unit family under G.

    Returns a dict: ``distance_distribution`` (distance -> multiplicity),
    ``total`` (= the family's parameter settings), ``best_distance``,
    ``generators_by_distance`` (distance -> sorted union of shadow elements of
    the representatives' functions at that distance), and, when ``tolerance``
    is given, ``shadow_group`` (the PixelGroup generated by the shadows of all
    functions within the tolerance: normal closure under G) and
    ``fraction_within`` (Fraction).

    >>> from exactorbit.networks import NetworkFamily
    >>> from exactorbit.groups import translations
    >>> r = k1_shadow_analysis(NetworkFamily("1x2", 1), translations("1x2"), tolerance=2)
    >>> r["shadow_group"].order(), r["fraction_within"]
    (2, Fraction(1, 7))
    """
    _check(family, group)
    if tolerance is not None:
        tolerance = check_int("tolerance", tolerance, min_value=0)
    n = family.n
    size = 1 << n
    _check_cost(family, group, limit, force)
    elements, tables = element_tables(group)
    inv_tables = np.argsort(tables, axis=1)  # inv[g, y] = x with x^g = y
    X = _bits(n)
    dist = Counter()
    union = {size - 2: set(), size - 1: set(), size: set()}
    for w, thresholds, mult in _encoders(family, group, progress):
        A, B, C = _supported_pairs(family, w)  # the pairs (a, b) a decoder can output, with counts
        c_total = int(C.sum())
        constant_ok = bool((A == B).any())
        scores = X @ w
        for t in thresholds:
            h = scores >= t
            U = h[inv_tables]  # U[g, a] = h(a^(g^-1))
            V = ~U
            both = _pack_columns(U)[A] & _pack_columns(V)[B]  # per pair: the g with U[g,a] and V[g,b]
            two = (both != 0).any(-1)  # some g scores 2
            one = ~two & ((A == B) | U.any(0)[A] | V.any(0)[B])
            n_two = int(C[two].sum())
            n_one = int(C[one].sum())
            for d, count in ((size - 2, n_two), (size - 1, n_one), (size, c_total - n_two - n_one)):
                if count:
                    dist[d] += count * mult
            # shadows of score-2 functions: {g : U[g,a] and V[g,b]} over supported pairs
            if n_two:
                hit = np.bitwise_or.reduce(both[two], axis=0)
                union[size - 2].update(_unpack_bits(hit, len(elements)))
            if n_one:
                if constant_ok:  # a constant function: every g scores 1
                    union[size - 1].update(range(len(elements)))
                else:
                    hit = U[:, np.unique(A[one])].any(1) | V[:, np.unique(B[one])].any(1)
                    union[size - 1].update(np.nonzero(hit)[0].tolist())
            if c_total - n_two - n_one:
                union[size].update(range(len(elements)))
    total = sum(dist.values())
    expected = parameter_settings(family)
    if total != expected:  # pragma: no cover - the sum over settings is exact
        raise AssertionError(f"k=1 route counted {total} settings, the family has {expected}")
    result = {
        "distance_distribution": dict(sorted(dist.items())),
        "total": total,
        "best_distance": min(dist),
        "generators_by_distance": {d: sorted(elements[i][0] for i in s) for d, s in union.items() if s},
    }
    if tolerance is not None:
        gens = set()
        for d, s in union.items():
            if d <= tolerance:
                gens.update(elements[i][0] for i in s)
        result["shadow_group"] = _normal_closure(group, gens)
        result["fraction_within"] = Fraction(sum(m for d, m in dist.items() if d <= tolerance), total)
    return result


def _normal_closure(group, gens):
    """The subgroup of G generated by all G-conjugates of gens (a PixelGroup)."""
    gens = sorted(set(gens))
    if not gens:
        return PixelGroup(group.grid, [], name="shadow group")
    sub = PermutationGroup([Permutation(list(g)) for g in gens])
    closure = group.sympy.normal_closure(sub)
    return PixelGroup(group.grid, [tuple(p.array_form) for p in closure.generators], name="shadow group")


def k1_recurrent_shadow(family, group, *, limit=None, force=False):
    """The recurrent shadow group of a one-hidden-unit family (definition 2), exactly.

    F = h ? a : b has image {a, b}; it permutes R(F) non-trivially only when
    h(a) = 0 and h(b) = 1 (then F swaps a and b).  So the recurrent shadow group
    is generated by transpositions: it is the direct product of the symmetric
    groups on the connected components of the graph whose edges are the swapped
    pairs {a, b} (closed under G, since the family is).  Returns a dict with
    ``order`` (product of component-size factorials), ``component_sizes``,
    ``edges`` (number of swapped pairs) and ``is_abelian``.

    >>> from exactorbit.networks import NetworkFamily
    >>> from exactorbit.groups import translations
    >>> k1_recurrent_shadow(NetworkFamily("1x2", 1, tied=False), translations("1x2"))["order"]
    24
    """
    import math

    import networkx as nx

    _check(family, group)
    _check_cost(family, group, limit, force)
    n = family.n
    X = _bits(n)
    edges = np.zeros((1 << n, 1 << n), dtype=bool)
    for w, thresholds, _ in _encoders(family, group):
        A, B, _ = _supported_pairs(family, w)
        scores = X @ w
        for t in thresholds:
            h = scores >= t
            swap = ~h[A] & h[B]  # h(a) = 0, h(b) = 1
            edges[A[swap], B[swap]] = True
    _, tables = element_tables(group)
    closed = np.zeros_like(edges)
    a_idx, b_idx = np.nonzero(edges)
    for tab in tables:
        closed[tab[a_idx], tab[b_idx]] = True
    closed |= closed.T
    graph = nx.Graph()
    graph.add_nodes_from(range(1 << n))
    graph.add_edges_from(zip(*np.nonzero(np.triu(closed, 1))))
    sizes = sorted((len(cc) for cc in nx.connected_components(graph)), reverse=True)
    order = 1
    for s in sizes:
        order *= math.factorial(s)
    return {
        "order": order,
        "component_sizes": [s for s in sizes if s > 1],
        "edges": int(np.triu(closed, 1).sum()),
        "is_abelian": all(s <= 2 for s in sizes),
        "degree": 1 << n,
    }


@functools.lru_cache(maxsize=4)
def _setting_scores(family):
    """Every encoder setting (W, t) and the scores S[x, s] = w_s . x (int8), cached per family."""
    from .networks import WORK_LIMIT, unit_setting_count

    cost = unit_setting_count(family.n, family.alphabet, family.exclude_constant) << family.n
    if cost > WORK_LIMIT:
        raise TooExpensive(
            f"the membership test tabulates {cost} unit scores, over the limit {WORK_LIMIT}"
        )
    W, t = unit_settings(family.n, family.alphabet, family.exclude_constant)
    S = (_bits(family.n) @ W.T).astype(np.int16)
    return W, t, S


def k1_is_member(family, table):
    """Whether some parameter setting of a one-hidden-unit family computes ``table``.

    >>> from exactorbit.networks import NetworkFamily
    >>> fam = NetworkFamily("1x2", 1)
    >>> k1_is_member(fam, [0, 0, 0, 3]), k1_is_member(fam, [0, 1, 2, 3])
    (True, False)
    """
    _check(family, None)
    from .functions import as_table

    n = family.n
    F = as_table(table, size=1 << n)
    values = np.unique(F)
    if values.size > 2:
        return False
    W, t, S = _setting_scores(family)
    if values.size == 1:
        cands = [(a, a, None) for a in values.tolist()]
    else:
        p, q = values.tolist()
        cands = [(p, q, F == p), (q, p, F == q)]
    for a, b, h in cands:
        ok = np.ones(len(t), dtype=bool) if h is None else ((S >= t) == h[:, None]).all(0)
        for s in np.nonzero(ok)[0]:
            c = 1
            for i in range(n):
                c *= int(_pixel_pair_counts(family, int(W[s, i]))[(a >> i) & 1, (b >> i) & 1])
            if c:
                return True
            if not family.tied:
                break  # the decoder does not depend on the encoder
    return False
