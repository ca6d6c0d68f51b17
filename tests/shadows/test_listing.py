"""The listing route of the shadow doors (exactorbit.shadows._listing)."""

from fractions import Fraction

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from sympy.combinatorics import Permutation, PermutationGroup

from exactorbit import strategies as eos
from exactorbit.groups import named_group, translations
from exactorbit.shadows import (
    ambient_elements,
    ambient_tables,
    nearest_elements,
    shadow_group,
    signed_permutation,
)

small_groups = eos.pixel_groups(max_pixels=5)


@st.composite
def tables(draw, group):
    size = 1 << group.n
    return np.array(draw(st.lists(st.integers(0, size - 1), min_size=size, max_size=size)), dtype=np.int64)


@given(small_groups, st.booleans(), st.data())
def test_shadow_group_is_a_subgroup_growing_with_tolerance(group, complement, data):
    family = [(data.draw(tables(group)), data.draw(st.integers(1, 5))) for _ in range(3)]
    total = sum(m for _, m in family)
    previous = None
    for e in range(0, (1 << group.n) + 1, max(1, (1 << group.n) // 4)):
        s = shadow_group(group, family, tolerance=e, complement=complement)
        assert s.ambient_order % s.order == 0
        within = sum(m for t, m in family if nearest_elements(group, t, complement).distance <= e)
        assert s.fraction_within == Fraction(within, total)
        assert sum(s.distance_distribution.values()) == total
        if not complement:
            assert s.pixel_group.is_subgroup_of(group)
            if previous is not None:
                assert previous.is_subgroup_of(s.pixel_group)
            previous = s.pixel_group
        else:
            ambient = PermutationGroup(
                [Permutation(list(signed_permutation(g, f))) for g, f in ambient_elements(group, True)]
            )
            assert all(ambient.contains(Permutation(list(signed_permutation(g, f)))) for g, f in s.generators)


def test_family_of_group_elements_generates_the_group():
    group = named_group("translations+reflections", "2x3")
    elements, tabs = ambient_tables(group)
    s = shadow_group(group, [(t, 1) for t in tabs])
    assert s.order == group.order() and s.fraction_within == 1 and s.distance_distribution == {0: len(tabs)}
    assert s.index == 1


def test_complement_doubles_the_ambient_group():
    group = translations("2x2")
    elements, tabs = ambient_tables(group, complement=True)
    s = shadow_group(group, [(t, 1) for t in tabs], complement=True)
    assert s.order == 8 and s.ambient_order == 8 and s.is_abelian


@given(st.integers(1, 3), st.data())
def test_recurrent_extension_is_a_permutation_agreeing_with_f_on_r(n, data):
    from exactorbit.functions import power
    from exactorbit.shadows import recurrent_extension

    size = 1 << n
    table = np.array(data.draw(st.lists(st.integers(0, size - 1), min_size=size, max_size=size)))
    ext = recurrent_extension(table)
    assert sorted(ext) == list(range(size))
    # definitional twin: R = F^|X|(X); the extension agrees with F on R and is the identity off R
    R = set(power(table, size)[np.arange(size)].tolist())
    for x in range(size):
        assert ext[x] == (int(table[x]) if x in R else x)


def test_recurrent_shadow_group_of_bijections_is_their_group():
    from exactorbit.shadows import recurrent_shadow_group

    group = named_group("translations+reflections", "2x2")
    elements, tabs = ambient_tables(group)
    s = recurrent_shadow_group([(t, 1) for t in tabs])
    assert s.order == group.order() and s.degree == 16
