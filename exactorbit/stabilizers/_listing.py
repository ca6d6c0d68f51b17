"""The listing route of the stabilizer doors: the orbit searched point by point (breadth first).

The orbit comes with a Schreier vector (:func:`exactorbit.actions.orbit_with_transversal`'s
search); the stabilizer from Schreier generators ``t_y s t_{y^s}^-1`` (Schreier's
lemma), each added only when it is not already in the group built so far,
stopping once the order is |G|/|Orb|.  Exact for any group, in time and memory
proportional to the orbit (refused past ``LIMITS["orbit_points"]``).

Front doors: :mod:`exactorbit.stabilizers`.
"""


from .._perm.perms import apply_mask as _apply
from ..actions import orbit_search, transversal_element
from .._perm.perms import compose, identity, inverse  # unchecked: a hot loop

__all__ = ["stabilizer", "transporter", "minimal_image"]


def stabilizer(group, x, force, limit):
    """(generators, order) of the stabilizer of x (an image or a tuple) by Schreier generators."""
    tree = orbit_search(group, x, limit, force)
    target = group.order() // len(tree)
    trans = {}

    def t(y):
        if y not in trans:
            trans[y] = transversal_element(group, tree, y)
        return trans[y]

    ident = identity(group.n)
    gens = []
    from sympy.combinatorics import Permutation, PermutationGroup  # imported on first use (0.4 s)

    current = PermutationGroup([Permutation(list(ident))])
    if target > 1:
        done = False
        for y in tree:
            for s in group.generators:
                z = _apply(s, y)
                h = compose(compose(t(y), s), inverse(t(z)))
                if h == ident:
                    continue
                ph = Permutation(list(h))
                if current.contains(ph):
                    continue
                gens.append(h)
                current = PermutationGroup([Permutation(list(g)) for g in gens])
                if current.order() == target:
                    done = True
                    break
            if done:
                break
    if int(current.order()) != target:  # pragma: no cover - Schreier's lemma guarantees this
        raise AssertionError("stabilizer order differs from |G|/|Orb|")
    return gens, target


def transporter(group, a, b, force, limit):
    """An element g with a^g = b, or None, by searching the orbit of a until b appears."""
    tree = orbit_search(group, a, limit, force, target=b)
    if b not in tree:
        return None
    return transversal_element(group, tree, b)


def minimal_image(group, x, force, limit):
    """(the smallest point of the orbit, an element reaching it)."""
    tree = orbit_search(group, x, limit, force)
    best = min(tree)
    return best, transversal_element(group, tree, best)


def orbit_size(group, x, force, limit):
    """The number of points of the orbit."""
    return len(orbit_search(group, x, limit, force))
