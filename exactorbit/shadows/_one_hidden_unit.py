"""The one-hidden-unit route of the shadow doors: exact, without listing the family's functions.

A network with one hidden unit computes ``F(x) = a if h(x) else b``: ``h`` is
the encoder's threshold unit, ``a`` and ``b`` the decoder's outputs for the
hidden bit 1 and 0.  The 3x3 tied family has 422,752,256 distinct functions,
too many to list, but everything the shadow analysis needs is a sum over
encoder settings of a product over pixels, which this module evaluates.

Conventions as in :mod:`exactorbit.shadows.nearest` (distance over all 2^n
inputs, no complement) and :mod:`exactorbit.networks`.  Front doors:
:func:`exactorbit.shadows.shadow_group` and
:func:`exactorbit.shadows.recurrent_shadow_group` (``method="one_hidden_unit"``).  For an element g with table
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
>>> _shadow_group(translations("1x2"), NetworkFamily("1x2", 1), 0).distance_distribution
{2: 32, 3: 192}
"""

from collections import Counter

import numpy as np

from .._budget import progress as _progress_bar, refuse_if_over, refuse_if_over_memory
from .._validation import describe
from ..errors import InvalidArgument, TooExpensive
from ..groups import PixelGroup
from .._perm.perms import inverse
from ..networks import NetworkFamily, parameter_settings, threshold_range
from ..networks._one_hidden_unit import supported_pairs
from ._result import RecurrentShadowGroup, ShadowGroup
from .nearest import ambient_tables

__all__ = ["estimate"]


def _input_bits(m):
    """(2**m, m) array of the input bits: row u, column j = bit j of u."""
    return (np.arange(2**m, dtype=np.int64)[:, None] >> np.arange(m, dtype=np.int64)) & 1


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


def estimate(family, group):
    """Work of the one-hidden-unit route (``LIMITS["one_hidden_unit"]``), from exact sizes.

    Per encoder class up to G (their number by Burnside's lemma over the weight
    vectors) and per threshold: the 4^n decoder output pairs and the |G| x 2^n
    action table; plus |G| x a^n x n to find the classes.

    >>> from exactorbit.networks import NetworkFamily
    >>> from exactorbit.groups import translations
    >>> estimate(NetworkFamily("1x2", 1), translations("1x2"))
    612
    """
    a, n = len(family.alphabet), family.n
    order = group.order()
    thresholds = max(abs(v) for v in family.alphabet) * n + 2
    return (_encoder_classes(a, group) * thresholds * (4**n + order * 2**n)) + order * a**n * n


def _encoder_classes(a, group):
    """The number of G-orbits of weight vectors in a^n (Burnside), or a lower bound where G is too big to list."""
    from ..counting import cycle_types

    try:
        types = cycle_types(group)
    except TooExpensive:
        return -(-a**group.n // group.order())
    return sum(count * a ** sum(k for _, k in ctype) for ctype, count in types.items()) // group.order()


def memory_estimate(family, group):
    """Bytes the route holds at once: its |G| x 2^n tables (int64 tables and inverses, bool and packed masks)."""
    return group.order() * (1 << family.n) * 34


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
    what = f"the one-hidden-unit shadow route (group of order {group.order()}, {family.n} pixels)"
    refuse_if_over(what, estimate(family, group), "one_hidden_unit", limit=limit, force=force)
    refuse_if_over_memory(what, memory_estimate(family, group))


def _encoders(family, group, progress=False):
    """Yield (weights w, thresholds, multiplicity) of encoder weight vectors up to G."""
    W, sizes = _weight_orbits(family, group)
    with _progress_bar(len(W), "encoder classes", show=progress) as bar:
        for w, size in zip(W, sizes):
            bar.update(1)
            lo, hi = threshold_range(w.tolist(), family.exclude_constant)
            yield w, range(lo, hi + 1), int(size)


def _shadow_group(group, family, tolerance, progress=False, *, limit=None, force=False):
    """Exact nearest-element shadow group of a one-hidden-unit family under G, as a :class:`ShadowGroup`.

    The distance distribution counts every parameter setting; the shadows found
    per distance are those of the encoder representatives up to G, so the group
    at a tolerance is their normal closure in G (the family's shadows are closed
    under conjugation).

    >>> from exactorbit.networks import NetworkFamily
    >>> from exactorbit.groups import translations
    >>> S = _shadow_group(translations("1x2"), NetworkFamily("1x2", 1), 2)
    >>> S.order, S.fraction_within
    (2, Fraction(1, 7))
    """
    _check(family, group)
    n = family.n
    size = 1 << n
    _check_cost(family, group, limit, force)
    elements, tables = ambient_tables(group)
    inv_tables = np.argsort(tables, axis=1)  # inv[g, y] = x with x^g = y
    X = _input_bits(n)
    dist = Counter()
    union = {size - 2: set(), size - 1: set(), size: set()}
    for w, thresholds, mult in _encoders(family, group, progress):
        A, B, C = supported_pairs(family, w)  # the pairs (a, b) a decoder can output, with counts
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
    found = {d: {elements[i] for i in s} for d, s in union.items() if s}
    return ShadowGroup.build(group, dist, found, tolerance, method="one_hidden_unit")


def _recurrent_shadow_group(group, family, *, limit=None, force=False):
    """The recurrent shadow group of a one-hidden-unit family (definition 2), exactly.

    F = h ? a : b has image {a, b}; it permutes R(F) non-trivially only when
    h(a) = 0 and h(b) = 1 (then F swaps a and b).  So the recurrent shadow group
    is generated by transpositions: it is the direct product of the symmetric
    groups on the connected components of the graph whose edges are the swapped
    pairs {a, b} (closed under G, since the family is).  Returns a
    :class:`RecurrentShadowGroup` (its facts in closed form; the swapped pairs
    are its generating transpositions).

    >>> from exactorbit.networks import NetworkFamily
    >>> from exactorbit.groups import translations
    >>> _recurrent_shadow_group(translations("1x2"), NetworkFamily("1x2", 1, tied=False)).order
    24
    """
    import networkx as nx

    _check(family, group)
    _check_cost(family, group, limit, force)
    n = family.n
    X = _input_bits(n)
    edges = np.zeros((1 << n, 1 << n), dtype=bool)
    for w, thresholds, _ in _encoders(family, group):
        A, B, _ = supported_pairs(family, w)
        scores = X @ w
        for t in thresholds:
            h = scores >= t
            swap = ~h[A] & h[B]  # h(a) = 0, h(b) = 1
            edges[A[swap], B[swap]] = True
    _, tables = ambient_tables(group)
    closed = np.zeros_like(edges)
    a_idx, b_idx = np.nonzero(edges)
    for tab in tables:
        closed[tab[a_idx], tab[b_idx]] = True
    closed |= closed.T
    graph = nx.Graph()
    graph.add_nodes_from(range(1 << n))
    graph.add_edges_from(zip(*np.nonzero(np.triu(closed, 1))))
    sizes = [len(cc) for cc in nx.connected_components(graph)]
    return RecurrentShadowGroup.symmetric_product(sizes, 1 << n, int(np.triu(closed, 1).sum()), "one_hidden_unit")
