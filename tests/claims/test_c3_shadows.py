"""Claim C3 (exactorbit.claims.c3_shadows)."""

from exactorbit.claims import FAILS, Case, c3_shadows


def test_default_c3_numbers():
    c3 = c3_shadows.claim(Case())
    dist = {int(k): v for k, v in c3.evidence["distance_distribution"].items()}
    assert sum(dist.values()) == 1174405120
    assert min(dist) >= 510  # one hidden unit: at most 2 inputs agree with any permutation
    assert c3.verdict == FAILS
