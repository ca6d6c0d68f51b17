"""Claim C1 (exactorbit.claims.c1_uniform_search)."""

from fractions import Fraction

from exactorbit.claims import HOLDS, claim_c1_uniform_search
from exactorbit.groups import named_group


def test_c1_holds_and_reports_exact_numbers():
    group = named_group("translations+dihedral", "3x3")
    claim = claim_c1_uniform_search(group, [1, 3, 0b010010010], trials=50)
    assert claim.verdict == HOLDS
    for row in claim.evidence["features"]:
        assert Fraction(row["fixing_probability"]) == Fraction(1, row["orbit_size"])
