"""The one-hidden-unit route against listing every function of small families."""

from collections import Counter

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from exactorbit.bottleneck import k1_is_member, k1_recurrent_shadow, k1_shadow_analysis
from exactorbit.errors import InvalidArgument
from exactorbit.groups import named_group, translations
from exactorbit.networks import NetworkFamily, enumerate_functions
from exactorbit.shadow import element_tables, nearest_elements, recurrent_shadow_group, shadow_group

CASES = [
    ("1x2", True, False, "translations"),
    ("1x3", False, False, "translations+reflections"),
    ("2x2", True, False, "translations+dihedral"),
    ("2x2", False, False, "dihedral"),
    ("2x2", True, True, "translations"),
    ("1x3", True, False, "trivial"),
    ("2x1", False, True, "rotations"),
]


@pytest.mark.parametrize("grid, tied, excl, spec", CASES)
def test_shadow_analysis_matches_listing(grid, tied, excl, spec):
    fam = NetworkFamily(grid, 1, tied=tied, exclude_constant=excl)
    group = named_group(spec, grid)
    functions = enumerate_functions(fam)
    size = 1 << fam.n
    pre = element_tables(group)
    dist = Counter()
    for table, mult in functions:
        dist[nearest_elements(group, table, _tables=pre).distance] += mult
    for e in (0, size - 2, size - 1, size):
        fast = k1_shadow_analysis(fam, group, tolerance=e)
        slow = shadow_group(group, functions, tolerance=e)
        assert fast["distance_distribution"] == dict(sorted(dist.items()))
        assert fast["fraction_within"] == slow.fraction_within
        assert fast["shadow_group"].order() == slow.order
        if slow.pixel_group is not None and slow.order > 1:
            assert fast["shadow_group"] == slow.pixel_group


@pytest.mark.parametrize("grid, tied, excl, spec", CASES)
def test_recurrent_shadow_matches_listing(grid, tied, excl, spec):
    fam = NetworkFamily(grid, 1, tied=tied, exclude_constant=excl)
    functions = enumerate_functions(fam)
    fast = k1_recurrent_shadow(fam, named_group(spec, grid))
    slow = recurrent_shadow_group(functions)
    assert fast["order"] == slow.order
    assert fast["is_abelian"] == slow.is_abelian


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(CASES), st.data())
def test_membership_matches_listing(case, data):
    grid, tied, excl, _ = case
    fam = NetworkFamily(grid, 1, tied=tied, exclude_constant=excl)
    functions = enumerate_functions(fam)
    members = {t.tobytes() for t, _ in functions}
    size = 1 << fam.n
    a, b = data.draw(st.integers(0, size - 1)), data.draw(st.integers(0, size - 1))
    h = np.array(data.draw(st.lists(st.booleans(), min_size=size, max_size=size)))
    for table in (np.where(h, a, b).astype(np.int64), functions[data.draw(st.integers(0, len(functions) - 1))][0]):
        assert k1_is_member(fam, table) == (table.tobytes() in members)


def test_default_case_is_far_from_every_group_element():
    fam = NetworkFamily("3x3", 1)
    r = k1_shadow_analysis(fam, named_group("translations+dihedral", "3x3"), tolerance=510)
    # every one-hidden-unit network agrees with a permutation on at most 2 of the 512 inputs
    assert min(r["distance_distribution"]) >= 510
    assert r["total"] == 1174405120


def test_bad_arguments():
    with pytest.raises(InvalidArgument, match="one hidden unit"):
        k1_shadow_analysis(NetworkFamily("2x2", 2), translations("2x2"))
    with pytest.raises(InvalidArgument, match="differs"):
        k1_shadow_analysis(NetworkFamily("2x2", 1), translations("1x4"))
