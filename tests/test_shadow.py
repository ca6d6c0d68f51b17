"""Shadow groups (proofs/shadow.md) against definitional twins."""

from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, strategies as st
from sympy.combinatorics import Permutation, PermutationGroup

from exactorbit import strategies as eos
from exactorbit.errors import InvalidArgument
from exactorbit.groups import compose, named_group, translations
from exactorbit.shadow import (
    ambient_elements,
    element_tables,
    nearest_elements,
    shadow_group,
    signed_permutation,
)
from exactorbit.testutil import naive_shadow


small_groups = eos.pixel_groups(max_pixels=5)


@st.composite
def tables(draw, group):
    size = 1 << group.n
    return np.array(draw(st.lists(st.integers(0, size - 1), min_size=size, max_size=size)), dtype=np.int64)


@given(small_groups, st.booleans(), st.data())
def test_nearest_elements_match_naive(group, complement, data):
    table = data.draw(tables(group))
    inputs = data.draw(st.none() | st.lists(st.integers(0, (1 << group.n) - 1), min_size=1))
    sh = nearest_elements(group, table, complement=complement, inputs=inputs)
    d, nearest = naive_shadow(group, table, complement, inputs)
    assert (sh.distance, sorted(sh.elements)) == (d, sorted(nearest))


@given(small_groups, st.booleans(), st.data())
def test_element_tables_are_faithful(group, complement, data):
    elements, tabs = element_tables(group, complement)
    assert len({t.tobytes() for t in tabs}) == len(elements) == group.order() * (2 if complement else 1)
    a = data.draw(st.sampled_from(elements))
    sh = nearest_elements(group, tabs[elements.index(a)], complement=complement)
    assert sh.distance == 0 and sh.elements == (a,)


@given(small_groups, st.data())
def test_signed_permutation_is_a_homomorphism(group, data):
    a = (data.draw(eos.group_elements(group)), data.draw(st.booleans()))
    b = (data.draw(eos.group_elements(group)), data.draw(st.booleans()))
    ab = (compose(a[0], b[0]), a[1] != b[1])
    pa, pb = Permutation(list(signed_permutation(*a))), Permutation(list(signed_permutation(*b)))
    assert (pa * pb).array_form == list(signed_permutation(*ab))


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
    elements, tabs = element_tables(group)
    s = shadow_group(group, [(t, 1) for t in tabs])
    assert s.order == group.order() and s.fraction_within == 1 and s.distance_distribution == {0: len(tabs)}
    assert s.index == 1


def test_complement_doubles_the_ambient_group():
    group = translations("2x2")
    elements, tabs = element_tables(group, complement=True)
    s = shadow_group(group, [(t, 1) for t in tabs], complement=True)
    assert s.order == 8 and s.ambient_order == 8 and s.is_abelian


def test_bad_tables():
    group = translations("1x2")
    with pytest.raises(InvalidArgument, match="length 2\\^2"):
        nearest_elements(group, [0, 1, 2])
    with pytest.raises(InvalidArgument, match="values must be masks"):
        nearest_elements(group, [0, 1, 2, 4])
    with pytest.raises(InvalidArgument, match="ints"):
        nearest_elements(group, [0.0, 1.0, 2.0, 3.0])
    with pytest.raises(InvalidArgument, match="not be empty"):
        shadow_group(group, [])


@given(st.integers(1, 3), st.data())
def test_recurrent_extension_is_a_permutation_agreeing_with_f_on_r(n, data):
    from exactorbit.functions import power
    from exactorbit.shadow import recurrent_extension

    size = 1 << n
    table = np.array(data.draw(st.lists(st.integers(0, size - 1), min_size=size, max_size=size)))
    ext = recurrent_extension(table)
    assert sorted(ext) == list(range(size))
    # definitional twin: R = F^|X|(X); the extension agrees with F on R and is the identity off R
    R = set(power(table, size)[np.arange(size)].tolist())
    for x in range(size):
        assert ext[x] == (int(table[x]) if x in R else x)


def test_recurrent_shadow_group_of_bijections_is_their_group():
    from exactorbit.shadow import recurrent_shadow_group

    group = named_group("translations+reflections", "2x2")
    elements, tabs = element_tables(group)
    s = recurrent_shadow_group([(t, 1) for t in tabs])
    assert s.order == group.order() and s.degree == 16
