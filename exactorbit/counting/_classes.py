"""The "classes" route of :func:`exactorbit.counting.cycle_types`: any group, from its conjugacy classes.

The classes are found by a seeded random search over the stabilizer chain with backtrack
conjugacy tests and centralisers (:mod:`exactorbit._perm.classes`); exact, the class
sizes must sum to |G|, or the search gives up (``ClassSearchIncomplete``, a refusal).
When the number of classes is known in advance (S_n, A_n, S_h x S_w), the search is
estimated first, at about n backtrack nodes per class of about n pixels each (classes x
n^2 node-pixels, the unit of ``LIMITS["class_search"]``), and refused past the budget
before any stabilizer chain is built (the chain of S_144 alone takes minutes).
(proofs/conjugacy_classes.md.)

>>> from exactorbit.groups import named_group
>>> known_class_count(named_group("symmetric", "3x3"))
(30, 'the symmetric group on 9 pixels has 30 conjugacy classes (the partitions of 9)')
"""

from .._budget import limit_value, refuse_if_over
from .._perm.classes import ClassSearchIncomplete, class_cycle_types
from .._perm.cycles import partition_count

__all__ = ["known_class_count", "run", "ClassSearchIncomplete"]


def known_class_count(group):
    """(classes, what) when the number of conjugacy classes is known without a chain (S_n, A_n, S_h x S_w), else None.

    S_n has p(n) classes; A_n at least p(n) / 2 (a class of S_n splits in two or
    meets A_n not at all); S_h x S_w on rows x columns p(h) p(w).
    """
    kind = group.natural_kind
    if kind is not None:
        p = partition_count(group.n)
        if kind == "symmetric":
            return p, f"the symmetric group on {group.n} pixels has {p} conjugacy classes (the partitions of {group.n})"
        return (p + 1) // 2, (f"the alternating group on {group.n} pixels has at least {(p + 1) // 2} conjugacy "
                              f"classes (half the partitions of {group.n})")
    if group.n < 4:
        return None
    factors = group.product_action
    if factors is None:
        return None
    H, K = factors
    if H.natural_kind == "symmetric" and K.natural_kind == "symmetric":
        h, w = group.grid.h, group.grid.w
        c = partition_count(h) * partition_count(w)
        return c, f"S_{h} x S_{w} on the rows and columns has {c} conjugacy classes (pairs of partitions)"
    return None


def run(ask):
    """The class search, exact or nothing.  Named: bounded by ``limit`` and lifted by ``force``; under 'auto' by
    the default bound, and a give-up sends 'auto' on to the listing."""
    group = ask.group
    named = ask.method == "classes"
    force, limit = (ask.force, ask.limit) if named else (False, None)
    known = known_class_count(group)
    if known is not None:
        classes, said = known
        refuse_if_over(f"method='classes': {said}; its class search (about one node per class and pixel)",
                       classes * group.n * group.n, "class_search", limit=limit, force=force, hint=ask.hint())
    if force:  # no bound on the backtrack, ten times the candidates
        return class_cycle_types(group.chain(), group.n, seed=0, nodes=None, patience=10)
    return class_cycle_types(group.chain(), group.n, seed=0, nodes=limit_value("class_search", limit))
