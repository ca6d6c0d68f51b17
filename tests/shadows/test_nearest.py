"""Nearest ambient elements of one table against the naive twin (exactorbit.shadows.nearest)."""


import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from sympy.combinatorics import Permutation

from exactorbit import strategies as eos
from exactorbit.errors import InvalidArgument
from exactorbit.groups import compose, translations
from exactorbit.shadows import (
    ambient_tables,
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
    elements, tabs = ambient_tables(group, complement)
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


def test_bad_tables():
    group = translations("1x2")
    with pytest.raises(InvalidArgument, match="table must have 4 entries"):
        nearest_elements(group, [0, 1, 2])
    with pytest.raises(InvalidArgument, match="must map"):
        nearest_elements(group, [0, 1, 2, 4])
    with pytest.raises(InvalidArgument, match="ints"):
        nearest_elements(group, [0.0, 1.0, 2.0, 3.0])
    with pytest.raises(InvalidArgument, match="not be empty"):
        shadow_group(group, [])
