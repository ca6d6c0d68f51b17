"""Claim C7 (exactorbit.claims.c7_diagonal).

Naive twins (the ``naive_*`` section below) enumerate every group element in
plain Python (exactorbit.testutil.naive_elements) and use the definitions only:
the induced permutation by searching the feature list, the kernel by testing
every element, a code-space orbit as {code(x^g) : g in G} for a preimage x
(equivariance, not the induced group), orbits of images by applying every
element.
"""

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
