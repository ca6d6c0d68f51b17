"""Slow, definitional twins of the fast routines, for tests to hold the fast code against.

Each function enumerates the whole group (by closing the generators under
composition, in plain Python, without sympy) and applies every element.  Only
for small groups.

>>> from exactorbit.groups import translations
>>> naive_orbit(translations("1x3"), 1)
(1, 2, 4)
"""

from fractions import Fraction

__all__ = [
    "naive_elements",
    "naive_apply",
    "naive_orbit",
    "naive_stabilizer_elements",
    "naive_orbit_count",
    "naive_orbits_by_weight",
    "naive_minimal_image",
    "naive_shadow",
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
