"""burnside_count when every cycle-type route refuses: the orbits of the 2^n images by union-find (issue 24)."""

import pytest

from exactorbit import _budget
from exactorbit.counting import burnside_count
from exactorbit.errors import TooExpensive
from exactorbit.groups import from_generators, named_group
from exactorbit.testutil import naive_orbit_count

#: The issue's intransitive group of order 7,962,624 on 20 points (orbits of 16 and 4, not a direct product).
SUBDIRECT = [[14, 19, 9, 5, 18, 12, 0, 11, 17, 7, 16, 2, 13, 3, 4, 6, 8, 10, 1, 15],
             [12, 1, 18, 15, 3, 2, 5, 7, 17, 9, 10, 11, 0, 13, 14, 4, 16, 8, 6, 19]]


def test_the_subdirect_group_on_twenty_points_is_counted():
    G = from_generators("1x20", SUBDIRECT)
    count = burnside_count(G)
    # 825: GAP 4.12's Burnside count (sum over ConjugacyClasses of |C| 2^cycles / |G|), quoted in issue 24
    assert count == 825 and count.method == "fibres"
    # 190800: the same GAP sum with 3^cycles (GAP 4.12 run on this machine, 2026-12-08)
    assert burnside_count(G, 3) == 190800


def test_the_generators_route_still_counts_the_subdirect_group(monkeypatch):
    monkeypatch.setitem(_budget.TUNING, "fibre_action", _budget.Tuning(0, "elements", "test bound"))
    G = from_generators("1x20", SUBDIRECT)
    count = burnside_count(G)
    assert count == 825 and count.method == "generators"


def test_the_fallback_matches_the_naive_count_when_the_cycle_type_routes_refuse(monkeypatch):
    monkeypatch.setitem(_budget.LIMITS, "group_elements", _budget.Limit(1, "entries", "test bound"))
    monkeypatch.setitem(_budget.LIMITS, "block_cosets", _budget.Limit(0, "cosets", "test bound"))
    monkeypatch.setitem(_budget.LIMITS, "class_search", _budget.Limit(0, "node-pixels", "test bound"))
    monkeypatch.setitem(_budget.TUNING, "fibre_action", _budget.Tuning(0, "elements", "test bound"))
    G = from_generators("1x8", [[1, 2, 0, 3, 4, 5, 6, 7], [3, 4, 5, 0, 1, 2, 7, 6]])   # S3 wr S2 and its blocks
    got = burnside_count(G)
    monkeypatch.undo()
    assert got == naive_orbit_count(G) and got.method == "generators"


def test_three_colours_refuse_with_the_estimate_when_no_cycle_type_route_answers(monkeypatch):
    monkeypatch.setitem(_budget.TUNING, "fibre_action", _budget.Tuning(0, "elements", "test bound"))
    G = from_generators("1x20", SUBDIRECT)
    with pytest.raises(TooExpensive, match="force"):
        burnside_count(G, 3)


def test_a_named_group_keeps_its_closed_form():
    assert burnside_count(named_group("translations+dihedral", "4x4")).method == "product"
