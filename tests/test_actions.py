"""The action on images and tuples: orbits, stabilizers, transporters, minimal images (exactorbit.actions)."""

import itertools
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exactorbit import strategies as eos
from exactorbit.actions import action_tables, apply, apply_all, apply_many, orbit, orbit_with_transversal
from exactorbit.stabilizers import is_minimal_image, minimal_image, orbit_size, stabilizer, transporter
from exactorbit.errors import InvalidArgument, TooExpensive
from exactorbit.groups import compose, inverse, named_group, symmetric, translations
from exactorbit.testutil import (
    naive_apply,
    naive_elements,
    naive_fixed_probability,
    naive_minimal_image,
    naive_orbit,
    naive_stabilizer_elements,
)


@given(eos.groups_with_images(), st.data())
def test_apply_matches_definition(case, data):
    group, x = case
    g = data.draw(eos.group_elements(group))
    assert apply(g, x) == naive_apply(g, x)
    assert apply(g, x).bit_count() == x.bit_count()


@given(eos.groups_with_images(count=5), st.data())
def test_apply_many_matches_apply(case, data):
    group, xs = case
    g = data.draw(eos.group_elements(group))
    assert apply_many(g, xs).tolist() == [apply(g, x) for x in xs]


def test_apply_many_on_64_pixels():
    g = translations("8x8").generators[0]
    xs = [0, 1, 2**63, 2**64 - 1, 0x0123456789ABCDEF]
    assert apply_many(g, np.array(xs, dtype=np.uint64)).tolist() == [apply(g, x) for x in xs]
    with pytest.raises(InvalidArgument, match="at most 64"):
        apply_many(translations("5x13").generators[0], [1])


@given(eos.groups_with_images(), st.data())
def test_action_is_a_right_action(case, data):
    # x^(p*q) = (x^p)^q with left-to-right composition
    group, x = case
    p = data.draw(eos.group_elements(group))
    q = data.draw(eos.group_elements(group))
    assert apply(compose(p, q), x) == apply(q, apply(p, x))


@given(eos.groups_with_images())
def test_theorem1_orbit_stabilizer(case):
    group, x = case
    orb = orbit(group, x)
    stab = stabilizer(group, x)
    assert orb == naive_orbit(group, x)
    assert stab.elements() == naive_stabilizer_elements(group, x)
    assert len(orb) * stab.order() == group.order()
    assert orbit_size(group, x) == len(orb)


@given(eos.groups_with_images(), st.data())
def test_theorem3_conjugate_stabilizers(case, data):
    # Stab(x^g) = g^-1 Stab(x) g (left-to-right composition; g Stab g^-1 in design.md's notation)
    group, x = case
    g = data.draw(eos.group_elements(group))
    conj = {compose(compose(inverse(g), h), g) for h in stabilizer(group, x).elements()}
    assert conj == set(stabilizer(group, apply(g, x)).elements())


@given(eos.groups_with_images())
def test_theorem4_hitting_probability_and_waiting_time(case):
    group, x = case
    elements = naive_elements(group)
    n_stab = len(naive_stabilizer_elements(group, x))
    p = Fraction(n_stab, len(elements))
    assert p == naive_fixed_probability(group, x) == Fraction(1, orbit_size(group, x))
    # waiting time of uniform search: P(T = t) = (1-p)^(t-1) p, checked by enumerating
    # all sequences of t draws for t = 1, 2 (small groups only)
    if len(elements) <= 24:
        for t in (1, 2):
            hits = 0
            for seq in itertools.product(elements, repeat=t):
                fixed = [apply(g, x) == x for g in seq]
                hits += all(not f for f in fixed[:-1]) and fixed[-1]
            assert Fraction(hits, len(elements) ** t) == (1 - p) ** (t - 1) * p
    # mean of the geometric law with success probability p is 1/p = |Orb(x)|
    assert 1 / p == orbit_size(group, x)


@given(eos.groups_with_images(count=3))
def test_theorem5_diagonal_action(case):
    group, xs = case
    xs = tuple(xs)
    stab_sets = [set(naive_stabilizer_elements(group, x)) for x in xs]
    joint = stabilizer(group, xs)
    assert set(joint.elements()) == set.intersection(*stab_sets)
    assert orbit(group, xs) == naive_orbit(group, xs)
    size = orbit_size(group, xs)
    sizes = [orbit_size(group, x) for x in xs]
    assert all(size % s == 0 for s in sizes)
    assert size <= sizes[0] * sizes[1] * sizes[2]
    assert size * joint.order() == group.order()


@given(eos.groups_with_images(count=2))
def test_transporter(case):
    group, (a, b) = case
    t = transporter(group, a, b)
    if b in naive_orbit(group, a):
        assert t is not None and group.contains(t) and apply(t, a) == b
    else:
        assert t is None
    assert transporter(group, (a, b), (a, b)) is not None


@given(eos.groups_with_images())
def test_minimal_image_and_transversal(case):
    group, x = case
    m = minimal_image(group, x)
    assert m == naive_minimal_image(group, x)
    assert is_minimal_image(group, m)
    for y, t in orbit_with_transversal(group, x).items():
        assert apply(t, x) == y and group.contains(t)


@pytest.mark.parametrize("grid", ["1x1", "1x5", "5x1", "2x2"])
def test_edge_cases_constant_images(grid):
    group = named_group("translations+dihedral", grid)
    full = 2 ** group.n - 1
    for x in (0, full):
        assert orbit(group, x) == (x,)
        assert stabilizer(group, x).order() == group.order()


def test_bad_input_and_limits():
    group = translations("2x2")
    with pytest.raises(InvalidArgument, match="mask of 4 pixels"):
        orbit(group, 16)
    with pytest.raises(InvalidArgument, match="bad characters"):   # text is read as a text image
        orbit(group, "x")
    with pytest.raises(InvalidArgument, match="must be an int"):
        orbit(group, 1.5)
    with pytest.raises(InvalidArgument, match="PixelGroup"):
        orbit("translations", 1)
    with pytest.raises(InvalidArgument, match="must not be empty"):
        orbit(group, ())
    with pytest.raises(TooExpensive, match="limit="):
        orbit(symmetric("5x5"), 2**12 - 1, limit=1000)


def test_stabilizer_in_a_large_group():
    group = named_group("translations+dihedral", "8x8")
    x = 0b111  # a bar of 3 pixels: stabilized by one reflection
    stab = stabilizer(group, x)
    assert stab.order() * orbit_size(group, x) == 512
    assert all(apply(g, x) == x for g in stab.generators)


@settings(max_examples=30, deadline=None)
@given(eos.groups_with_images(max_pixels=9, count=5))
def test_apply_all_matches_apply(case):
    group, xs = case
    elems = group.element_array()
    out = apply_all(action_tables(elems, group.n), np.array(xs, dtype=np.uint32))
    assert out.tolist() == [[apply(tuple(map(int, g)), x) for x in xs] for g in elems]
