"""C2: networks are not a group: the family's functions are not closed under composition, or not invertible.

Example: examples/c2_not_a_group.py.  The argument that one-hidden-unit untied
families are in fact closed under composition is in proofs/claims.md (C2).
"""

from fractions import Fraction

import numpy as np

from .._budget import check_force
from .._validation import check_int, check_items, describe
from ..errors import InvalidArgument, TooExpensive
from ..functions import as_table
from ..functions import closure_witness, image_size, invertible_members
from ..networks import NetworkFamily, is_member, network_table, random_network
from .case import check_case
from ._claim import FAILS, HOLDS, UNDECIDED, Claim, fraction_str

__all__ = ["claim", "claim_c2_not_a_group", "PAIR_LIMIT", "PAIR_SAMPLE"]


#: Largest number of pairs of listed functions whose composites are all checked.
PAIR_LIMIT = 4_000_000
#: Pairs drawn (seeded) when there are more.
PAIR_SAMPLE = 200_000


def _sampled_closure_witness(tables, seed=0):
    """A pair (i, j) whose composite is not listed, among PAIR_SAMPLE seeded pairs, or None."""
    keys = {t.tobytes() for t in tables}
    rng = np.random.default_rng(seed)
    I = rng.integers(0, len(tables), PAIR_SAMPLE)
    J = rng.integers(0, len(tables), PAIR_SAMPLE)
    for i, j in zip(I.tolist(), J.tolist()):
        if tables[j][tables[i]].tobytes() not in keys:
            return (i, j)
    return None


def _check_functions(functions, size):
    """``functions`` as a non-empty list of (table, multiplicity) pairs (as :func:`enumerate_functions` lists them)."""
    functions = check_items("functions", functions)
    if not functions:
        raise InvalidArgument("functions must list at least one (table, multiplicity) pair, got an empty list")
    out = []
    for k, item in enumerate(functions):
        if not (isinstance(item, (tuple, list)) and len(item) == 2):
            raise InvalidArgument(f"functions[{k}] must be a (table, multiplicity) pair, got {describe(item)}")
        table = as_table(item[0], f"functions[{k}] table", size=size)
        out.append((table, check_int(f"functions[{k}] multiplicity", item[1], min_value=1)))
    return out


def claim_c2_not_a_group(family, functions, *, force=False):
    """C2 on explicit data: is the family (its listed ``functions``, or None) closed under composition and invertible?

    With the functions listed, every pair is composed (a seeded sample past
    ``PAIR_LIMIT`` pairs) and every member tested for invertibility.  Otherwise
    a member has at most 2^k distinct outputs (not invertible when 2^k < 2^n),
    and seeded pairs of random networks are composed and tested for membership
    (:func:`exactorbit.networks.is_member`).

    >>> from exactorbit.networks import NetworkFamily, enumerate_functions
    >>> fam = NetworkFamily("1x2", 1)
    >>> claim_c2_not_a_group(fam, enumerate_functions(fam)).verdict
    'holds'
    """
    if not isinstance(family, NetworkFamily):
        raise InvalidArgument(f"family must be a NetworkFamily, got {describe(family)}")
    check_force(force)
    n = family.n
    if functions is not None:
        functions = _check_functions(functions, 1 << n)
    evidence = {}
    if functions is not None:
        tables = [t for t, _ in functions]
        if len(tables) ** 2 <= PAIR_LIMIT:
            witness = closure_witness(tables)
            evidence["pairs_checked"] = "all"
        else:  # too many pairs: a seeded sample, so "closed" is not decided
            witness = _sampled_closure_witness(tables)
            evidence["pairs_checked"] = PAIR_SAMPLE
        inv = invertible_members(tables)
        evidence["route"] = "listing"
        evidence["distinct_functions"] = len(tables)
        evidence["invertible_members"] = len(inv)
        evidence["invertible_fraction"] = fraction_str(
            Fraction(sum(functions[i][1] for i in inv), sum(m for _, m in functions))
        )
        closed = witness is None
        if witness is not None:
            i, j = witness
            comp = tables[j][tables[i]]
            evidence["closure_witness"] = {"first": tables[i].tolist(), "then": tables[j].tolist(),
                                           "composite": comp.tolist()}
        non_inv = next((t for t in tables if image_size(t) < (1 << n)), None)
        if non_inv is not None:
            evidence["non_invertible_witness"] = {"table": non_inv.tolist(), "image_size": image_size(non_inv)}
        all_invertible = non_inv is None
    else:
        # k hidden units: F takes at most 2^k values (one hidden unit: F = h ? a : b)
        k = family.hidden
        evidence["route"] = "one hidden unit" if k == 1 else f"{k} hidden units"
        evidence["max_image_size"] = 2**k
        all_invertible = (1 << n) <= 2**k
        net = random_network(family, seed=0)
        evidence["non_invertible_witness"] = {
            "network_seed": 0,
            "image_size": image_size(network_table(net)),
        }
        closed = True
        for seed in range(1, 200):
            f = network_table(random_network(family, seed=2 * seed))
            g = network_table(random_network(family, seed=2 * seed + 1))
            comp = g[f]
            try:
                member = is_member(family, comp, force=force)
            except TooExpensive as exc:
                evidence["closure_not_tested"] = str(exc)
                break
            if not member:
                closed = False
                evidence["closure_witness"] = {
                    "first_network_seed": 2 * seed,
                    "then_network_seed": 2 * seed + 1,
                    "composite": comp.tolist(),
                    "composite_is_member": False,
                }
                break
        if closed and "closure_not_tested" in evidence:
            evidence["closure_witness"] = None
            evidence["note"] = "membership of a composite could not be tested: closure undecided"
        elif closed:
            evidence["closure_witness"] = None
            evidence["note"] = "no composite outside the family among the seeded pairs tried: closure undecided"
    sampled = functions is not None and evidence.get("pairs_checked") != "all"
    if not closed or not all_invertible:
        verdict = HOLDS
        reasons = []
        if not all_invertible:
            reasons.append(f"members are not invertible (image size at most 2^k < {1 << n})"
                           if functions is None else "some members are not invertible")
        if not closed:
            reasons.append("a composite of two members is not a member")
        elif "closure_not_tested" in evidence:
            reasons.append("closure under composition not decided (membership of a composite not tested: too costly)")
        elif functions is None or sampled:
            reasons.append("closure under composition not decided (no counter-example among the seeded pairs)")
        summary = "holds: " + "; ".join(reasons)
    elif functions is not None and not sampled:
        verdict, summary = FAILS, "fails: the functions are closed under composition and all invertible: a group"
    else:
        verdict, summary = UNDECIDED, "undecided: no witness of non-closure found and all members invertible"
    return Claim("C2", statement(), verdict, evidence, summary)


def statement():
    """C2's statement."""
    return "networks are not a group: the family's functions are not closed under composition, or not invertible"


def claim(case):
    """C2 on a :class:`~exactorbit.claims.Case` (its listed functions, or seeded networks when none are listed)."""
    case = check_case(case)
    return claim_c2_not_a_group(case.family, case.functions, force=case.force)
