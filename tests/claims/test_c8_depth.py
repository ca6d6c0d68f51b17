"""Claim C8 (exactorbit.claims.c8_depth)."""

import json

import pytest

from exactorbit.claims import (
    FAILS,
    HOLDS,
    UNDECIDED,
    Case,
    c7_diagonal,
    c8_depth,
    claim_c8_depth,
)
from exactorbit.depth import depth_table
from exactorbit.errors import InvalidArgument
from exactorbit.groups import named_group, translations
from exactorbit.testutil import naive_depth, naive_orbit


def test_c8_fails_when_opposite_pixels_make_a_smaller_orbit():
    # 1x4 translations, layer 1 = the four pixels (orbit 4); 0101 = pixels 0 and 2 has orbit 2
    G = translations("1x4")
    table = depth_table(G, layers=2, features=[1, 2, 4, 8])
    claim = claim_c8_depth(table)
    assert claim.verdict == FAILS
    assert claim.evidence["min_orbit_size_by_layer"] == [4, 2]
    assert claim.evidence["decreases"][0]["example_union"] in (5, 10)
    assert "smaller orbit" in claim.summary


def test_c8_fails_on_the_torus_when_layer_one_is_the_pixels():
    # 3x3, translations+dihedral: a pixel has orbit 9 (naive count below), three pixels in a line
    # make a row (orbit 6, naive count): the union is simpler than its parts
    G = named_group("translations+dihedral", "3x3")
    pixels = [1 << p for p in range(9)]
    table = depth_table(G, layers=2, features=pixels)
    assert len(naive_orbit(G, 1)) == 9 and len(naive_orbit(G, 0b111)) == 6
    claim = claim_c8_depth(table)
    assert claim.verdict == FAILS
    assert claim.evidence["min_orbit_size_by_layer"] == [9, 6]
    drop = claim.evidence["decreases"][0]
    assert len(naive_orbit(G, drop["example_union"])) == 6
    assert all(len(naive_orbit(G, x)) == 9 for x in drop["example_members"])


def test_c8_holds_on_pixels_of_a_3_cycle():
    # 1x3 translations: pixels (orbit 3), then pairs of pixels (orbit 3); the triple is constant
    G = translations("1x3")
    table = depth_table(G, layers=2, features=[1, 2, 4])
    claim = claim_c8_depth(table)
    assert claim.verdict == HOLDS and claim.evidence["min_orbit_size_by_layer"] == [3, 3]
    assert len(table.layers) == 2


def test_case_checks_the_grid():
    with pytest.raises(InvalidArgument, match="grid"):
        Case("2x2", named_group("translations", "3x3"))


def test_c8_undecided_with_one_layer():
    G = named_group("translations+dihedral", "3x3")
    claim = claim_c8_depth(depth_table(G, layers=1))
    assert claim.verdict == UNDECIDED


def test_depth_claims_default_case_verdicts_are_computed():
    G = named_group("translations+dihedral", "3x3")
    case = Case("3x3", G)
    c7, c8 = c7_diagonal.claim(case), c8_depth.claim(case)
    naive = naive_depth(G, 3)
    sizes = [s for _, _, s in naive]
    expected = HOLDS if all(b >= a for a, b in zip(sizes, sizes[1:])) else FAILS
    assert c8.verdict == expected
    assert c7.verdict == HOLDS
    alt = naive_depth(G, 3, include_constant=True)
    alt_sizes = [s for _, _, s in alt]
    assert c8.evidence["with_constant_unions"]["min_orbit_size_by_layer"] == alt_sizes
    assert 1 in alt_sizes  # the full image: the union of every feature, orbit 1
    json.dumps([c7.as_dict(), c8.as_dict()])  # JSON-able
