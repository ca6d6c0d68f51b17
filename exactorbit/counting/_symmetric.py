"""The "symmetric" route of :func:`exactorbit.counting.cycle_types`: S_n and A_n from the partitions of n.

The elements of S_n with m_l cycles of length l number n! / prod_l (l^m_l m_l!)
(Cauchy); such a permutation is even iff n - sum_l m_l is even, and A_n holds every
even permutation, so A_n's counter is S_n's restricted to the even types (a class of
S_n that splits in A_n keeps its cycle type: the two halves add up).
(proofs/conjugacy_classes.md.)

>>> sorted(natural_cycle_types(4, "alternating").items())
[(((1, 1), (3, 1)), 8), (((1, 4),), 1), (((2, 2),), 3)]
"""

from collections import Counter
import math

from .._budget import refuse_if_over, refuse_if_over_memory
from .._perm.cycles import partition_count, partitions_with_sizes

__all__ = ["natural_cycle_types", "run", "why_not"]


def natural_cycle_types(n, kind):
    """Counter of cycle types of S_n (``kind="symmetric"``) or A_n (``"alternating"``) from the partitions of n.

    >>> natural_cycle_types(3, "symmetric")[((1, 1), (2, 1))]
    3
    """
    out = Counter()
    for ctype, size in partitions_with_sizes(n):
        if kind == "alternating" and (n - sum(m for _, m in ctype)) % 2:
            continue
        out[ctype] = size
    return out


def why_not(ask):
    """None when the group is S_n or A_n on its pixels, else why the route does not apply."""
    group = ask.group
    if group.natural_kind is None:
        return f"it needs the symmetric or alternating group on the pixels; {group.name}{_order(ask)} is neither"
    return None


def _order(ask):
    """' (order N)' when the route was named (its refusal is shown) or |G| is known: never a Schreier-Sims for
    'auto', which only passes the rung by."""
    if ask.method == "symmetric" or ask.group._order is not None:
        return f" (order {ask.group.order()})"
    return ""


def run(ask):
    """The route: refused past ``LIMITS["symmetric_partitions"]`` terms (and the machine's memory)."""
    group, n = ask.group, ask.group.n
    kind = group.natural_kind
    what = f"the cycle index of the {kind} group on {n} pixels (one term per partition of {n})"
    terms = partition_count(n)
    refuse_if_over(what, terms, "symmetric_partitions", limit=ask.limit, force=ask.force)
    refuse_if_over_memory(what, terms * (200 + 40 * math.isqrt(n)))  # force never lifts the machine's memory
    return natural_cycle_types(n, kind)
