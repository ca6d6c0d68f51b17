"""Slow, definitional twins of the fast routines, for tests to hold the fast code against: every one in one place.

Groups: each function enumerates the whole group (by closing the generators
under composition, in plain Python, without sympy) and applies every element.
Networks: a loop over every parameter setting (pure Python, no numpy, no
symmetry, no factorisation): a setting is all encoder weights and thresholds
and all decoder weights (tied: the transpose) and thresholds, thresholds over
the full range [min w.u, max w.u + 1] (or strictly inside it without constant
units).  Only for the smallest groups and families.

>>> from exactorbit.groups import translations
>>> naive_orbit(translations("1x3"), 1)
(1, 2, 4)
"""

from collections import Counter
from fractions import Fraction
from itertools import product
from math import prod

__all__ = [
    "naive_elements",
    "naive_apply",
    "naive_orbit",
    "naive_stabilizer_elements",
    "naive_orbit_count",
    "naive_orbits_by_weight",
    "naive_minimal_image",
    "naive_shadow",
    "naive_fixed_probability",
    "naive_range",
    "naive_unit",
    "naive_table",
    "naive_settings",
    "naive_functions",
    "naive_family_functions",
    "naive_reconstruction",
    "naive_threshold_function_count",
    "naive_decomposition",
    "naive_closure_orbits",
    "naive_stabilizer_orders",
    "naive_stabilizer_members",
    "naive_conjugacy_class_sizes",
    "naive_image",
    "naive_recurrent",
    "naive_monoid",
    "naive_code",
    "naive_induced",
    "naive_kernel",
    "naive_minimal_features",
    "naive_depth",
    "naive_code_reconstruction",
]


def naive_elements(group):
    """All elements by closure of the generators under composition (plain Python).

    >>> from exactorbit.groups import dihedral
    >>> len(naive_elements(dihedral("3x3")))
    8
    """
    n = group.n
    ident = tuple(range(n))
    elements = {ident}
    frontier = [ident]
    while frontier:
        new = []
        for p in frontier:
            for s in group.generators:
                q = tuple(s[p[i]] for i in range(n))
                if q not in elements:
                    elements.add(q)
                    new.append(q)
        frontier = new
    return sorted(elements)


def naive_apply(g, mask):
    """g.x by the definition: bit g[p] of the result is bit p of x.

    >>> naive_apply((1, 0), 1)
    2
    """
    return sum(1 << g[p] for p in range(len(g)) if mask >> p & 1)


def _apply_point(g, x):
    if isinstance(x, tuple):
        return tuple(naive_apply(g, m) for m in x)
    return naive_apply(g, x)


def naive_orbit(group, x):
    """Sorted orbit {g.x : g in G} by applying every element."""
    return tuple(sorted({_apply_point(g, x) for g in naive_elements(group)}))


def naive_stabilizer_elements(group, x):
    """Sorted list of the elements g with g.x = x."""
    return [g for g in naive_elements(group) if _apply_point(g, x) == x]


def naive_minimal_image(group, x):
    """Smallest mask in the orbit."""
    return naive_orbit(group, x)[0]


def naive_orbit_count(group):
    """Number of orbits on all 2^n images, by brute force over images.

    >>> from exactorbit.groups import translations
    >>> naive_orbit_count(translations("1x4"))
    6
    """
    elements = naive_elements(group)
    seen = set()
    count = 0
    for x in range(2**group.n):
        if x in seen:
            continue
        count += 1
        seen.update(naive_apply(g, x) for g in elements)
    return count


def naive_orbits_by_weight(group):
    """List: number of orbits of images of each weight, by brute force."""
    elements = naive_elements(group)
    seen = set()
    counts = [0] * (group.n + 1)
    for x in range(2**group.n):
        if x in seen:
            continue
        counts[x.bit_count()] += 1
        seen.update(naive_apply(g, x) for g in elements)
    return counts


def naive_fixed_probability(group, x):
    """P(g.x = x) for g uniform in G, by counting elements."""
    elements = naive_elements(group)
    return Fraction(sum(1 for g in elements if naive_apply(g, x) == x), len(elements))


def naive_shadow(group, table, complement=False, inputs=None):
    """(distance, nearest) of the nearest ambient elements (g, flip) to a function table, by trying each.

    ``nearest`` is sorted by (flip, g).  Distance counts the inputs (all, or ``inputs``)
    where the table differs from x -> x^g (complemented when flip).

    >>> from exactorbit.groups import translations
    >>> naive_shadow(translations("1x2"), [0, 2, 1, 3])
    (0, [((1, 0), False)])
    """
    full = 2**group.n - 1
    domain = range(2**group.n) if inputs is None else sorted(set(inputs))
    best, nearest = None, []
    for g in naive_elements(group):
        for flip in (False, True) if complement else (False,):
            d = sum(1 for x in domain if table[x] != (naive_apply(g, x) ^ (full if flip else 0)))
            if best is None or d < best:
                best, nearest = d, [(g, flip)]
            elif d == best:
                nearest.append((g, flip))
    return best, sorted(nearest, key=lambda e: (e[1], e[0]))


# ---------------------------------------------------------------------------
# networks
# ---------------------------------------------------------------------------


def naive_range(weights, exclude_constant):
    """The thresholds of a unit with these weights, from the definition (range, constant units optional)."""
    lo = sum(min(v, 0) for v in weights)
    hi = sum(max(v, 0) for v in weights) + 1
    return range(lo + 1, hi) if exclude_constant else range(lo, hi + 1)


def naive_unit(weights, t, bits):
    """[w.u >= t] on a tuple of bits."""
    return int(sum(w * b for w, b in zip(weights, bits)) >= t)


def naive_table(n, k, enc_w, enc_t, dec_w, dec_t):
    """The function table of one setting, input by input, unit by unit."""
    table = []
    for x in range(2**n):
        xb = [(x >> i) & 1 for i in range(n)]
        h = [naive_unit(enc_w[j], enc_t[j], xb) for j in range(k)]
        table.append(sum(naive_unit(dec_w[i], dec_t[i], h) << i for i in range(n)))
    return tuple(table)


def naive_settings(n, k, tied, alphabet=(-1, 0, 1), exclude_constant=False):
    """Yield every parameter setting (enc_w, enc_t, dec_w, dec_t)."""
    for flat in product(alphabet, repeat=k * n):
        enc_w = [flat[j * n:(j + 1) * n] for j in range(k)]
        for enc_t in product(*[naive_range(r, exclude_constant) for r in enc_w]):
            decs = ([[tuple(enc_w[j][i] for j in range(k)) for i in range(n)]] if tied else
                    ([list(f[i * k:(i + 1) * k] for i in range(n))] for f in product(alphabet, repeat=n * k)))
            for dec in (decs if tied else (d[0] for d in decs)):
                for dec_t in product(*[naive_range(r, exclude_constant) for r in dec]):
                    yield enc_w, enc_t, dec, dec_t


def naive_functions(n, k, tied, alphabet=(-1, 0, 1), exclude_constant=False):
    """Counter {table tuple: number of settings}."""
    return Counter(naive_table(n, k, *s) for s in naive_settings(n, k, tied, alphabet, exclude_constant))


def naive_family_functions(family):
    """Counter {table tuple: number of settings} of a NetworkFamily, by the loop over every setting."""
    return naive_functions(family.n, family.hidden, family.tied, family.alphabet, family.exclude_constant)


def naive_reconstruction(counter, n, D=()):
    """P(F(x) = x | F reconstructs D) from a Counter of functions."""
    good = {t: c for t, c in counter.items() if all(t[d] == d for d in D)}
    total = sum(good.values())
    return [Fraction(sum(c for t, c in good.items() if t[x] == x), total) for x in range(2**n)]


def naive_threshold_function_count(m, alphabet=(-1, 0, 1)):
    """Distinct Boolean functions [w.u >= t] on m inputs, by brute force over w and t."""
    inputs = list(product((0, 1), repeat=m))
    seen = set()
    for w in product(alphabet, repeat=m):
        for t in naive_range(w, False):
            seen.add(tuple(naive_unit(w, t, u) for u in inputs))
    return len(seen)


# ---------------------------------------------------------------------------
# orbits and subgroups
# ---------------------------------------------------------------------------


def naive_decomposition(group, weight=None):
    """Orbit sizes, minimal images and smallest non-constant orbits, by applying every element."""
    elements = naive_elements(group)
    n = group.n
    label = {}
    for x in range(2**n):
        if weight is not None and x.bit_count() != weight:
            continue
        if x in label:
            continue
        orb = {naive_apply(g, x) for g in elements}
        for y in orb:
            label[y] = min(orb)
    sizes = {}
    members = {}
    for y, rep in label.items():
        members.setdefault(rep, []).append(y)
    for rep, ys in members.items():
        sizes[len(ys)] = sizes.get(len(ys), 0) + 1
    full = 2**n - 1
    nonconst = {rep: len(ys) for rep, ys in members.items() if rep not in (0, full)}
    smallest = min(nonconst.values()) if nonconst else None
    feats = sorted(rep for rep, s in nonconst.items() if s == smallest)
    return dict(sorted(sizes.items())), label, smallest, feats


def naive_closure_orbits(group, weight=None):
    """The orbits as closures under the generators, by a search from each image (plain Python, no element listed).

    The orbit of x is the smallest set containing x and closed under every
    generator (a finite group: each generator's inverse is one of its powers).
    Returns what :func:`naive_decomposition` returns: (orbit sizes, label of each
    image (its orbit's smallest mask), the smallest non-constant orbit size, the
    minimal images of those orbits).  For groups too large to list, up to about
    2^16 images.

    >>> from exactorbit.groups import symmetric
    >>> naive_closure_orbits(symmetric("1x3"))[0]   # the weight classes
    {1: 2, 3: 2}
    """
    n = group.n
    gens = [tuple(g) for g in group.generators]
    label = {}
    for x in range(2**n):
        if x in label or (weight is not None and x.bit_count() != weight):
            continue
        orbit, stack = {x}, [x]
        while stack:
            y = stack.pop()
            for g in gens:
                z = naive_apply(g, y)
                if z not in orbit:
                    orbit.add(z)
                    stack.append(z)
        rep = min(orbit)
        for y in orbit:
            label[y] = rep
    members = {}
    for y, rep in label.items():
        members.setdefault(rep, []).append(y)
    sizes = Counter(len(ys) for ys in members.values())
    full = 2**n - 1
    nonconst = {rep: len(ys) for rep, ys in members.items() if rep not in (0, full)}
    smallest = min(nonconst.values()) if nonconst else None
    feats = sorted(rep for rep, k in nonconst.items() if k == smallest)
    return dict(sorted(sizes.items())), label, smallest, feats


def naive_stabilizer_orders(group):
    """|Stab(x)| for every image x, by applying every element."""
    elements = naive_elements(group)
    return [sum(1 for g in elements if naive_apply(g, x) == x) for x in range(2**group.n)]


def naive_stabilizer_members(group):
    """Dict: frozenset of element rows fixing x -> number of images x with exactly that stabilizer."""
    elems = sorted(naive_elements(group))  # the rows of group.element_array(), listed naively
    out = {}
    for x in range(2**group.n):
        key = frozenset(i for i, g in enumerate(elems) if naive_apply(g, x) == x)
        out[key] = out.get(key, 0) + 1
    return out


def naive_conjugacy_class_sizes(group):
    """Multiset of conjugacy class sizes, by conjugating every element by every element."""
    elements = naive_elements(group)
    n = group.n
    inv = {g: tuple(sorted(range(n), key=lambda i: g[i])) for g in elements}
    seen, sizes = set(), []
    for g in elements:
        if g in seen:
            continue
        # h^-1 g h, maps applied left to right
        cls = {tuple(h[g[inv[h][i]]] for i in range(n)) for h in elements}
        seen |= cls
        sizes.append(len(cls))
    return Counter(sizes)


# ---------------------------------------------------------------------------
# function tables
# ---------------------------------------------------------------------------


def naive_image(F, S):
    """The sorted image F(S) of a set."""
    return sorted({F[x] for x in S})


def naive_recurrent(F):
    """R = F^m(X) with m = |X|, by applying F to the set |X| times."""
    S = list(range(len(F)))
    for _ in range(len(F)):
        S = naive_image(F, S)
    return S


def naive_monoid(gens):
    """All products of generators (identity included), by brute-force fixed point."""
    size = len(gens[0])
    elems = {tuple(range(size))}
    while True:
        new = {tuple(g[x] for x in e) for e in elems for g in gens} | elems
        if new == elems:
            return sorted(elems)
        elems = new


# ---------------------------------------------------------------------------
# depth: codes, induced actions, layers
# ---------------------------------------------------------------------------


def naive_code(x, features, mode):
    """The code of x: bit j when feature j is contained in (or equals) x."""
    return sum(1 << j for j, f in enumerate(features) if (f & x == f if mode == "contains" else x == f))


def naive_induced(g, features):
    """The permutation of the feature list that g induces, by searching the list."""
    return tuple(features.index(naive_apply(g, f)) for f in features)


def naive_kernel(group, features):
    """The elements inducing the identity on the features, by testing every element."""
    ident = tuple(range(len(features)))
    return {g for g in naive_elements(group) if naive_induced(g, list(features)) == ident}


def naive_minimal_features(group):
    """All non-constant images whose orbit has the smallest size (naive orbits)."""
    full = (1 << group.n) - 1
    sizes = {x: len(naive_orbit(group, x)) for x in range(1, full)}
    best = min(sizes.values())
    return tuple(sorted(x for x, s in sizes.items() if s == best))


def naive_depth(group, layers, mode="contains", features=None, include_constant=False):
    """Per layer (features as codes, min image-space orbit size), by definitions only."""
    els = naive_elements(group)
    n = group.n
    full = (1 << n) - 1
    feats = tuple(features) if features is not None else naive_minimal_features(group)
    level = {x: x for x in range(1 << n)}          # code of x at the current level
    unions = {1 << p: 1 << p for p in range(n)}   # union image of a level code bit (by bit value)
    out = []
    for L in range(1, layers + 1):
        if L > 1:
            cands = {}
            for x, c in level.items():
                u = 0
                for j in range(c.bit_length()):
                    if c >> j & 1:
                        u |= unions[1 << j]
                if bin(c).count("1") >= 2 and (include_constant or u not in (0, full)):
                    cands.setdefault(c, (x, u))
            if not cands:
                break
            # code-space orbit of c = {code(x^g)} for a preimage x
            osize = {c: len({level[naive_apply(g, x)] for g in els}) for c, (x, u) in cands.items()}
            best = min(osize.values())
            feats = tuple(sorted(c for c, s in osize.items() if s == best))
            fu = [cands[c][1] for c in feats]
        else:
            fu = list(feats)
        sizes = [len(naive_orbit(group, u)) for u in fu]
        out.append((L, feats, min(sizes)))
        new_unions = {1 << j: fu[j] for j in range(len(feats))}
        level = {x: naive_code(c, feats, mode) for x, c in level.items()}
        unions = new_unions
    return out


def naive_code_reconstruction(m, code_value, tied, alphabet=(-1, 0, 1)):
    """P(F(c) = c) over every setting of an m -> 1 -> m threshold autoencoder, by brute force.

    Conventions (exactorbit.networks' docstring): a unit outputs [w.u >= t], t from
    min_u w.u to max_u w.u + 1; tied decoder weight i = encoder weight i.
    """
    def thresholds(ws):
        lo = sum(min(a, 0) for a in ws)
        hi = sum(max(a, 0) for a in ws)
        return range(lo, hi + 2)

    bits = [code_value >> i & 1 for i in range(m)]
    hit = total = 0
    for w in product(alphabet, repeat=m):
        for t in thresholds(w):
            h = int(sum(a * b for a, b in zip(w, bits)) >= t)
            decs = [w] if tied else list(product(alphabet, repeat=m))
            for v in decs:
                per_pixel = [sum(1 for s in thresholds((v[i],)) if int(v[i] * h >= s) == bits[i])
                             for i in range(m)]
                sizes = [len(thresholds((v[i],))) for i in range(m)]
                hit += prod(per_pixel)
                total += prod(sizes)
    return Fraction(hit, total)


# ---------------------------------------------------------------------------
# claims: ranking classes (C5, C6)
# ---------------------------------------------------------------------------

__all__ += ["naive_kendall_tau", "naive_ranking_violations"]  # kept in this block: the twins of claims._ranking


def naive_kendall_tau(xs, ys):
    """Kendall's tau-a by its definition, pair by pair: (sum over i < j of sign(xs_i - xs_j) * sign(ys_i - ys_j)) / C(m, 2).

    Tied pairs (in xs or in ys) count 0; an exact Fraction (0 when m < 2).  The
    twin of :func:`exactorbit.claims.kendall_tau` (merge-sort inversions).

    >>> naive_kendall_tau([1, 2, 3, 4], [1, 3, 2, 4])
    Fraction(2, 3)
    """
    def sign(v):
        return (v > 0) - (v < 0)

    m = len(xs)
    if m < 2:
        return Fraction(0)
    s = 0
    for i in range(m):
        for j in range(i + 1, m):
            s += sign(xs[i] - xs[j]) * sign(ys[i] - ys[j])
    return Fraction(s, m * (m - 1) // 2)


def naive_ranking_violations(classes):
    """Every pair (a, b) of classes (image, orbit size, probability) with a smaller orbit and a smaller probability.

    Pair by pair, in the order of a then b: the twin of :func:`exactorbit.claims.ranking_violations`.

    >>> naive_ranking_violations([(0, 1, Fraction(1, 2)), (1, 2, Fraction(1, 3)), (3, 4, Fraction(1, 2))])
    [((1, 2, Fraction(1, 3)), (3, 4, Fraction(1, 2)))]
    """
    return [(a, b) for a in classes for b in classes if a[1] < b[1] and a[2] < b[2]]


# ---------------------------------------------------------------------------
# cycle types (the twin of exactorbit.counting.cycle_types, every route)
# ---------------------------------------------------------------------------

__all__ += ["naive_cycle_types"]  # kept in this block: the twin of exactorbit.counting's routes


def naive_cycle_types(group):
    """Counter cycle type ``((length, count), ...)`` -> number of elements, every element walked cycle by cycle.

    >>> from exactorbit.groups import translations
    >>> sorted(naive_cycle_types(translations("1x4")).items())
    [(((1, 4),), 1), (((2, 2),), 1), (((4, 1),), 2)]
    """
    out = Counter()
    for g in naive_elements(group):
        seen, lengths = set(), Counter()
        for i in range(group.n):
            if i not in seen:
                j, length = i, 0
                while j not in seen:
                    seen.add(j)
                    j = g[j]
                    length += 1
                lengths[length] += 1
        out[tuple(sorted(lengths.items()))] += 1
    return out


__all__ += ["relabelled", "symmetric_generators"]  # kept in this block: groups in disguise for the tests


def relabelled(gens, n, seed):
    """The generators conjugated by a seeded random relabelling of the n pixels (the same group in disguise).

    >>> relabelled([(1, 0, 2)], 3, 0)   # the swap of pixels 0, 1 becomes a swap of 0, 2
    [(2, 1, 0)]
    """
    import random

    rng = random.Random(seed)
    s = list(range(n))
    rng.shuffle(s)
    inv = [0] * n
    for i, x in enumerate(s):
        inv[x] = i
    return [tuple(s[g[inv[p]]] for p in range(n)) for g in gens]


def symmetric_generators(n, m=None):
    """A transposition and an n-cycle on the first n of m points (they generate S_n; m defaults to n).

    >>> symmetric_generators(3, 4)
    [(1, 0, 2, 3), (1, 2, 0, 3)]
    """
    m = n if m is None else m
    return [tuple([1, 0] + list(range(2, m))), tuple(list(range(1, n)) + [0] + list(range(n, m)))]


# ---------------------------------------------------------------------------
# geometry: word metrics on Cayley and Schreier graphs (the twins of exactorbit.geometry)
# ---------------------------------------------------------------------------

__all__ += ["naive_cayley_spheres", "naive_word_lengths", "naive_schreier_distance",
            "naive_orbit_eccentricities"]  # kept in this block: the twins of exactorbit.geometry


def _naive_moves(generators, n, inverses):
    """The moves: the generators (tuples on n points) and, when inverses, their inverses."""
    moves = [tuple(g) for g in generators]
    for g in moves:
        if len(g) != n or sorted(g) != list(range(n)):
            raise ValueError(f"generator {g!r} is not a permutation of {n} points")
    if inverses:
        for g in list(moves):
            inv = [0] * n
            for i in range(n):
                inv[g[i]] = i
            moves.append(tuple(inv))
    return moves


def naive_word_lengths(generators, n, inverses=True):
    """Dict element -> word length, by a plain BFS from the identity over tuples.

    Element e moved by s is e*s = tuple(s[e[p]] for p in range(n)) (apply e, then s);
    the moves are the generators and, when ``inverses``, their inverses.

    >>> sorted(naive_word_lengths([(1, 2, 0)], 3).items())
    [((0, 1, 2), 0), ((1, 2, 0), 1), ((2, 0, 1), 1)]
    >>> naive_word_lengths([(1, 2, 0)], 3, inverses=False)[(2, 0, 1)]
    2
    """
    moves = _naive_moves(generators, n, inverses)
    ident = tuple(range(n))
    dist = {ident: 0}
    frontier = [ident]
    while frontier:
        new = []
        for e in frontier:
            for s in moves:
                f = tuple(s[e[p]] for p in range(n))
                if f not in dist:
                    dist[f] = dist[e] + 1
                    new.append(f)
        frontier = new
    return dist


def naive_cayley_spheres(generators, n, inverses=True):
    """Sphere sizes of the word metric around the identity (index = distance), by the same plain BFS.

    >>> naive_cayley_spheres([(1, 2, 3, 0)], 4)           # the 4-cycle, both directions
    [1, 2, 1]
    >>> naive_cayley_spheres([(1, 2, 3, 0)], 4, inverses=False)
    [1, 1, 1, 1]
    """
    lengths = naive_word_lengths(generators, n, inverses)
    spheres = [0] * (max(lengths.values()) + 1)
    for d in lengths.values():
        spheres[d] += 1
    return spheres


def _naive_mask_move(g, mask):
    return sum(1 << g[i] for i in range(len(g)) if mask >> i & 1)


def _naive_schreier_bfs(moves, x):
    dist = {x: 0}
    frontier = [x]
    while frontier:
        new = []
        for m in frontier:
            for g in moves:
                y = _naive_mask_move(g, m)
                if y not in dist:
                    dist[y] = dist[m] + 1
                    new.append(y)
        frontier = new
    return dist


def naive_schreier_distance(generators, n, x, y, inverses=True):
    """Fewest moves carrying mask x to mask y (a move g sets bit g[i] for each set bit i), or None.

    >>> naive_schreier_distance([(1, 2, 3, 0)], 4, 0b0001, 0b1000)
    1
    >>> naive_schreier_distance([(1, 2, 3, 0)], 4, 0b0001, 0b1000, inverses=False)
    3
    >>> naive_schreier_distance([(1, 2, 3, 0)], 4, 0b0001, 0b0011) is None
    True
    """
    return _naive_schreier_bfs(_naive_moves(generators, n, inverses), x).get(y)


def naive_orbit_eccentricities(generators, n, x, inverses=True):
    """Dict mask -> eccentricity (largest distance from it) in the Schreier graph of x's orbit, a BFS from each point.

    >>> naive_orbit_eccentricities([(1, 2, 3, 0)], 4, 0b0001)
    {1: 2, 2: 2, 4: 2, 8: 2}
    >>> naive_orbit_eccentricities([(1, 0, 2), (0, 2, 1)], 3, 0b001)
    {1: 2, 2: 1, 4: 2}
    """
    moves = _naive_moves(generators, n, inverses)
    orbit = _naive_schreier_bfs(moves, x)
    return {m: max(_naive_schreier_bfs(moves, m).values()) for m in sorted(orbit)}
