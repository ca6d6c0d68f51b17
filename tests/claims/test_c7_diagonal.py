"""Claim C7 (exactorbit.claims.c7_diagonal)."""

import math

from hypothesis import given, settings

from exactorbit import strategies as eos
from exactorbit.claims import HOLDS, UNDECIDED, claim_c7_diagonal
from exactorbit.depth import depth_table
from exactorbit.testutil import naive_orbit


@settings(max_examples=20, deadline=None)
@given(eos.groups_with_features(max_pixels=5))
def test_c7_divisibility_and_product_bound(case):
    group, feats = case
    table = depth_table(group, layers=2, features=feats, certify=False)
    claim = claim_c7_diagonal(table)
    assert claim.verdict == (HOLDS if len(table.layers) > 1 else UNDECIDED)
    for row in claim.evidence["tuples"]:
        tup = tuple(row["members"])
        size = len(naive_orbit(group, tup))
        parts = [len(naive_orbit(group, x)) for x in tup]
        assert row["tuple_orbit_size"] == size
        assert all(size % p == 0 for p in parts) and size <= math.prod(parts)
