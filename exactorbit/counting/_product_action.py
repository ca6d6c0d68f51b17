"""The "product_action" route of :func:`exactorbit.counting.cycle_types`: H x K on rows x columns, from H's and K's.

(s, t) maps (r, c) to (s(r), t(c)): a cycle of s of length a and a cycle of t of length b
together make gcd(a, b) cycles of length lcm(a, b) on their a*b pixels, so the counters
of H and K (each by its own 'auto' route) combine pair by pair.  G = H x K is recognised
once (``PixelGroup.product_action``).  (proofs/conjugacy_classes.md.)

>>> from exactorbit.groups import rows_by_columns
>>> from exactorbit.counting import cycle_types
>>> sum(cycle_types(rows_by_columns("3x4"), method="product_action").values()) == 6 * 24
True
"""

from collections import Counter
import math

from .._budget import progress, refuse_if_over
from .._perm.cycles import partition_count

__all__ = ["product_action_cycle_types", "run", "why_not"]


def product_action_cycle_types(row_types, col_types, tick=None):
    """Counter of H x K in product action, from the counters of H (on the rows) and K (on the columns).

    (s, t) maps (r, c) to (s(r), t(c)): a cycle of s of length a and a cycle of t of length b
    together make gcd(a, b) cycles of length lcm(a, b) on their a*b pixels.  ``tick(1)``
    is called once per cycle type of H (progress).

    >>> sorted(product_action_cycle_types({((2, 1),): 1, ((1, 2),): 1}, {((3, 1),): 2, ((1, 3),): 1}).items())
    [(((1, 6),), 1), (((2, 3),), 1), (((3, 2),), 2), (((6, 1),), 2)]
    """
    out = Counter()
    for ta, ka in row_types.items():
        if tick is not None:
            tick(1)
        for tb, kb in col_types.items():
            cycles = {}
            for a, ma in ta:
                for b, mb in tb:
                    length = a * b // math.gcd(a, b)
                    cycles[length] = cycles.get(length, 0) + math.gcd(a, b) * ma * mb
            out[tuple(sorted(cycles.items()))] += ka * kb
    return out


def why_not(ask):
    """None when G = H x K in product action, else why the route does not apply."""
    if ask.group.product_action is None:
        known = ask.method == "product_action" or ask.group._order is not None
        order = f" (order {ask.group.order()})" if known else ""
        return (f"it needs a group H x K that permutes the rows by H and the columns by K independently; "
                f"{ask.group.name}{order} is not one")
    return None


def run(ask):
    """The counters of H and K (``ask.cycle_types``: the door, each by its own 'auto'), combined.

    Named, the route is bounded by ``limit``; under 'auto' by the default bound.
    """
    H, K = ask.group.product_action
    limit = ask.limit if ask.method == "product_action" else None
    if H.natural_kind and K.natural_kind:  # S_h or A_h: as many types as partitions (A_h: fewer), known first
        refuse_if_over(f"combining the {partition_count(H.n)} cycle types (at most) of the rows' group with the "
                       f"{partition_count(K.n)} (at most) of the columns' group",
                       partition_count(H.n) * partition_count(K.n), "product_action_pairs", limit=limit,
                       force=ask.force)
    row_types = ask.cycle_types(H, force=ask.force)
    col_types = ask.cycle_types(K, force=ask.force)
    refuse_if_over(f"combining the {len(row_types)} cycle types of the rows' group with the {len(col_types)} of "
                   f"the columns' group", len(row_types) * len(col_types), "product_action_pairs",
                   limit=limit, force=ask.force)
    with progress(len(row_types), "cycle types of the rows' group", default=len(row_types) * len(col_types) > 200_000,
                  unit="type") as bar:
        return product_action_cycle_types(row_types, col_types, tick=bar.update)
