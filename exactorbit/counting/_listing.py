"""The "listing" route of :func:`exactorbit.counting.cycle_types`: every element's cycle type (the definitional route).

From the listed elements when the group has them, else listed from the stabilizer chain
(each element once, as a product of transversal elements), one transversal element of the
first level at a time (the group's own listing sorts and de-duplicates: several times
slower).  Cycles are labelled by pointer doubling, all rows at once
(:func:`exactorbit._perm.cycles.array_cycle_types`).

>>> from exactorbit.groups import named_group
>>> from exactorbit.counting import cycle_types
>>> cycle_types(named_group("rotations", "2x2"), method="listing") == {((1, 4),): 1, ((2, 2),): 1, ((4, 1),): 2}
True
"""

from collections import Counter

import numpy as np

from .._budget import refuse_if_over, refuse_if_over_memory
from .._perm.chain import all_products
from .._perm.cycles import array_cycle_types

__all__ = ["run", "estimate"]


def estimate(ask):
    """|G| x n entries, the size of the listing."""
    return ask.group.order() * ask.group.n


def run(ask):
    group, force, limit = ask.group, ask.force, ask.limit
    if group.elements_listed:
        return array_cycle_types(group.element_array(force=force, limit=limit))
    order, n = group.order(), group.n
    what = f"method='listing': listing all {order} elements of degree {n}"
    refuse_if_over(what, order * n, "group_elements", limit=limit, force=force, hint=ask.hint())
    chain = group.chain()
    if not chain.levels:
        return array_cycle_types(np.arange(n, dtype=np.int64)[None, :])
    lower = all_products(chain, list(range(1, len(chain.levels))))
    refuse_if_over_memory(what, 3 * lower.nbytes + order * 8)
    first = chain.levels[0]
    total = Counter()
    for delta in first.orbit.tolist():
        total.update(array_cycle_types(first.transversal(int(delta))[lower]))  # h, then u: every h u once
    return total
