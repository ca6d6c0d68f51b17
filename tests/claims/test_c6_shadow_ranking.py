"""Claim C6 (exactorbit.claims.c6_shadow_ranking)."""

from fractions import Fraction

from exactorbit.stabilizers import orbit_size
from exactorbit.claims import (
    HOLDS,
    UNDECIDED,
    claim_c5_simplest_first,
    claim_c6_shadow_ranking,
)
from exactorbit.groups import named_group, trivial


def test_c6_uses_the_shadow_groups_orbits():
    group = named_group("translations+dihedral", "3x3")
    probs = [Fraction(1, orbit_size(group, x)) for x in range(512)]
    # under the trivial shadow group every orbit has size 1: nothing to rank
    assert claim_c6_shadow_ranking(trivial("3x3"), probs).verdict == UNDECIDED
    c5 = claim_c5_simplest_first(group, probs)
    c6 = claim_c6_shadow_ranking(group, probs, c5)
    assert c6.verdict == HOLDS and c6.evidence["c5_verdict"] == HOLDS
