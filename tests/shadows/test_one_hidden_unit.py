"""The one-hidden-unit route of the shadow doors against listing every function (exactorbit.shadows._one_hidden_unit)."""

from collections import Counter

import pytest

from exactorbit.errors import InvalidArgument
from exactorbit.groups import named_group, translations
from exactorbit.networks import NetworkFamily, enumerate_functions
from exactorbit.shadows import (
    ambient_tables,
    nearest_elements,
    recurrent_shadow_group,
    shadow_group,
)

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
    pre = ambient_tables(group)
    dist = Counter()
    for table, mult in functions:
        dist[nearest_elements(group, table, _tables=pre).distance] += mult
    for e in (0, size - 2, size - 1, size):
        fast = shadow_group(group, fam, e, method="one_hidden_unit")
        slow = shadow_group(group, functions, tolerance=e)
        assert (fast.method, slow.method) == ("one_hidden_unit", "listing")
        assert fast.distance_distribution == dict(sorted(dist.items()))
        assert fast.fraction_within == slow.fraction_within
        assert fast.pixel_group.order() == slow.order
        if slow.pixel_group is not None and slow.order > 1:
            assert fast.pixel_group == slow.pixel_group


@pytest.mark.parametrize("grid, tied, excl, spec", CASES)
def test_recurrent_shadow_matches_listing(grid, tied, excl, spec):
    fam = NetworkFamily(grid, 1, tied=tied, exclude_constant=excl)
    functions = enumerate_functions(fam)
    fast = recurrent_shadow_group(fam, group=named_group(spec, grid), method="one_hidden_unit")
    slow = recurrent_shadow_group(functions)
    assert fast.order == slow.order
    assert fast.is_abelian == slow.is_abelian
    # the closed-form facts of a product of symmetric groups agree with sympy's
    assert (fast.is_cyclic, fast.is_dihedral, fast.abelian_invariants) == (
        slow.is_cyclic, slow.is_dihedral, slow.abelian_invariants)


def test_default_case_is_far_from_every_group_element():
    fam = NetworkFamily("3x3", 1)
    r = shadow_group(named_group("translations+dihedral", "3x3"), fam, 510)
    assert r.method == "one_hidden_unit"  # 'auto': listing 4e8 functions is over the limit
    # every one-hidden-unit network agrees with a permutation on at most 2 of the 512 inputs
    assert min(r.distance_distribution) >= 510
    assert r.total == 1174405120


def test_bad_arguments():
    with pytest.raises(InvalidArgument, match="hidden=1"):
        shadow_group(translations("2x2"), NetworkFamily("2x2", 2), method="one_hidden_unit")
    with pytest.raises(InvalidArgument, match="differs"):
        shadow_group(translations("1x4"), NetworkFamily("2x2", 1), method="one_hidden_unit")
