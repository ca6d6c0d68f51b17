"""Subgroups up to conjugacy and the table of marks (exactorbit.subgroups)."""


import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exactorbit import strategies as eos
from exactorbit._budget import LIMITS, Limit
from exactorbit.counting import burnside_count
from exactorbit.errors import InvalidArgument, TooExpensive
from exactorbit.groups import GROUP_NAMES, named_group, symmetric
from exactorbit.orbits._symbolic import orbit_spectrum, stabilizer_class_counts
from exactorbit.subgroups import (
    closed_subgroup_classes,
    marks_matrix,
    subgroup_classes,
    table_of_marks,
)

SPECS = list(GROUP_NAMES) + ["translations+rotations", "translations+reflections", "translations+dihedral"]


@settings(max_examples=30, deadline=None)
@given(eos.pixel_groups(max_pixels=6), st.data())
def test_closed_classes_suffice(group, data):
    """Moebius inversion over all subgroup classes gives the same spectrum as over closed ones."""
    weight = data.draw(st.one_of(st.none(), st.integers(0, group.n)))
    spectrum = {}
    for counts in (
        stabilizer_class_counts(group, weight),
        stabilizer_class_counts(group, weight, classes=subgroup_classes(group)),
    ):
        sizes = {}
        for cls, images, orbits in counts:
            if orbits:
                sizes[group.order() // cls.order] = sizes.get(group.order() // cls.order, 0) + orbits
        spectrum[len(spectrum)] = sizes
    assert spectrum[0] == spectrum[1]


@settings(max_examples=30, deadline=None)
@given(eos.pixel_groups(max_pixels=7))
def test_table_of_marks_shape(group):
    marks = table_of_marks(group)
    classes = closed_subgroup_classes(group)
    order = group.order()
    k = len(classes)
    for i in range(k):
        assert marks[i][i] == order // classes[i].class_size // classes[i].order  # |N(H):H|
        assert all(marks[i][j] == 0 for j in range(i + 1, k) if classes[j].order <= classes[i].order)
    # the trivial subgroup (last) fixes every coset: mark = |G:H|
    assert [marks[-1][j] for j in range(k)] == [order // c.order for c in classes]


# golden numbers: conjugacy classes of subgroups, OEIS A000638 (S3: 4, S4: 11);
# C4: 3, Klein four group: 5, D4 (order 8): 8 (standard tables of small groups)
@pytest.mark.parametrize(
    "group, classes",
    [
        (symmetric("1x3"), 4),
        (symmetric("1x4"), 11),
        (named_group("translations", "1x4"), 3),
        (named_group("translations", "2x2"), 5),
        (named_group("dihedral", "3x3"), 8),
    ],
)
def test_number_of_subgroup_classes(group, classes):
    assert len(subgroup_classes(group)) == classes


def test_marks_matrix_of_cyclic_group():
    # C4 acting regularly on 4 pixels: subgroups C4 > C2 > 1, each normal
    assert marks_matrix(closed_subgroup_classes(named_group("translations", "1x4"))) == [
        [1, 0, 0], [1, 1, 0], [1, 1, 1]
    ]


def test_refusals(monkeypatch):
    group = named_group("translations+dihedral", "4x4")
    monkeypatch.setitem(LIMITS, "subgroup_lattice", Limit(1, "array entries", "test"))
    with pytest.raises(TooExpensive, match="force"):
        orbit_spectrum(group)
    assert orbit_spectrum(group, force=True).orbits == burnside_count(group)
    monkeypatch.setitem(LIMITS, "all_subgroups", Limit(10**2, "table entries", "test"))
    with pytest.raises(TooExpensive, match="force"):
        subgroup_classes(group)
    with pytest.raises(InvalidArgument, match="weight"):
        orbit_spectrum(group, weight=17)
    with pytest.raises(InvalidArgument, match="PixelGroup"):
        closed_subgroup_classes("translations")


def test_estimate_counts_divisors_from_the_factorisation():
    """The lattice estimate factors |G| over the primes up to n (|G| divides n!): exact, and quick at any order."""
    from sympy import divisor_count

    from exactorbit.groups import PixelGroup
    from exactorbit.orbits import decompose
    from exactorbit.subgroups import _divisor_count, estimate_lattice

    for spec, grid in [("translations+dihedral", "28x28"), ("symmetric", "1x12"), ("trivial", "1x1"),
                       ("translations+rotations", "6x10")]:
        group = named_group(spec, grid)
        assert _divisor_count(group.order(), group.n) == divisor_count(group.order())
    # S_5^9 on 45 pixels, order 5.2e18 (the example: trial division up to sqrt|G| ran for minutes)
    gens = []
    for i in range(9):
        swap, cyc = list(range(45)), list(range(45))
        swap[5 * i], swap[5 * i + 1] = swap[5 * i + 1], swap[5 * i]
        for j in range(5):
            cyc[5 * i + j] = 5 * i + (j + 1) % 5
        gens += [tuple(swap), tuple(cyc)]
    group = PixelGroup("1x45", gens)
    assert group.order() == 120**9
    assert estimate_lattice(group) == 120**9 * 45 * 20 * divisor_count(120**9)
    with pytest.raises(TooExpensive, match="closed subgroup lattice"):
        decompose(group)
