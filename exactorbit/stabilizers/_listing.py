"""The listing route of the stabilizer doors: the orbit searched point by point (breadth first).

The orbit comes with a Schreier vector (:func:`exactorbit.actions.orbit_with_transversal`'s
search); the stabilizer from Schreier generators ``t_y s t_{y^s}^-1`` (Schreier's
lemma), each added only when it enlarges the group built so far (its order by
Schreier-Sims, :mod:`exactorbit._perm.schreier_sims`),
stopping once the order is |G|/|Orb|.  Exact for any group, in time and memory
proportional to the orbit (refused past ``LIMITS["orbit_points"]``).

Front doors: :mod:`exactorbit.stabilizers`.
"""


from .._perm.perms import apply_mask as _apply
from .._perm.schreier_sims import Chain
from ..actions import orbit_search, transversal_element
from .._perm.perms import compose, identity, inverse  # unchecked: a hot loop

__all__ = ["stabilizer", "transporter", "minimal_image"]


def stabilizer(group, x, force, limit, cap=None):
    """(generators, order) of the stabilizer of x (an image or a tuple) by Schreier generators.

    ``cap``: a first attempt of 'auto', given up past that many points (every function here).
    """
    tree = orbit_search(group, x, limit, force, cap=cap)
    target = group.order() // len(tree)
    trans = {}

    def t(y):
        if y not in trans:
            trans[y] = transversal_element(group, tree, y)
        return trans[y]

    ident = identity(group.n)
    gens, chain = [], Chain(group.n)
    for y in tree:
        if chain.order() == target:
            break
        for s in group.generators:
            h = compose(compose(t(y), s), inverse(t(_apply(s, y))))
            if h != ident and chain.add(h):  # h is not in the group built so far
                gens.append(h)
                if chain.order() == target:
                    break
    order = chain.order()
    if order != target:  # pragma: no cover - Schreier's lemma guarantees this
        raise AssertionError("stabilizer order differs from |G|/|Orb|")
    return gens, target


def transporter(group, a, b, force, limit, cap=None):
    """An element g with a^g = b, or None, by searching the orbit of a until b appears."""
    if a == b:  # the search's root
        return identity(group.n)
    tree = orbit_search(group, a, limit, force, target=b, cap=cap)
    if b not in tree:
        return None
    return transversal_element(group, tree, b)


def minimal_image(group, x, force, limit, cap=None):
    """(the smallest point of the orbit, an element reaching it)."""
    tree = orbit_search(group, x, limit, force, cap=cap)
    best = min(tree)
    return best, transversal_element(group, tree, best)


def orbit_size(group, x, force, limit, cap=None):
    """The number of points of the orbit."""
    return len(orbit_search(group, x, limit, force, cap=cap))
