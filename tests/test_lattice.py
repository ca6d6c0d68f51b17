"""Tests of exactorbit.lattice: subgroup classes, table of marks, and the symbolic spectrum."""


import pytest
from hypothesis import given, settings, strategies as st

from exactorbit import lattice, strategies as eos
from exactorbit.counting import burnside_count, orbits_by_weight
from exactorbit.engine import enumerate_orbits
from exactorbit.errors import InvalidArgument, TooExpensive
from exactorbit.groups import GROUP_NAMES, named_group, symmetric
from exactorbit.lattice import (
    closed_subgroup_classes,
    marks_matrix,
    orbit_spectrum,
    stabilizer_class_counts,
    subgroup_classes,
    table_of_marks,
)
from exactorbit.testutil import naive_apply

SPECS = list(GROUP_NAMES) + ["translations+rotations", "translations+reflections", "translations+dihedral"]
GRIDS = [f"{h}x{w}" for h in range(1, 6) for w in range(1, 6)]


# -- naive twin: stabilizer of every image, by applying every element ------------------


def naive_stabilizer_members(group):
    """Dict: frozenset of element rows fixing x -> number of images x with exactly that stabilizer."""
    elems = [tuple(int(v) for v in row) for row in group.element_array()]
    out = {}
    for x in range(2**group.n):
        key = frozenset(i for i, g in enumerate(elems) if naive_apply(g, x) == x)
        out[key] = out.get(key, 0) + 1
    return out


# -- the symbolic spectrum equals enumeration on every grid up to 5x5 -------------------


@pytest.mark.parametrize("grid", GRIDS)
def test_symbolic_equals_enumeration_every_named_group(grid):
    for spec in SPECS:
        group = named_group(spec, grid)
        if group.is_symmetric and group.n > 8:
            continue  # checked against binomials in test_symmetric_spectrum_is_binomial
        sym = orbit_spectrum(group)
        enum = enumerate_orbits(group)
        assert sym.orbit_sizes == enum.orbit_sizes, (grid, spec)
        assert sym.smallest_nonconstant_orbit_size == enum.smallest_nonconstant_orbit_size
        assert sym.orbits == burnside_count(group)


@pytest.mark.parametrize("grid", ["3x3", "4x4", "3x5", "5x5"])
def test_symbolic_by_weight_equals_enumeration(grid):
    for spec in ["translations+dihedral", "dihedral", "translations+reflections"]:
        group = named_group(spec, grid)
        polya = orbits_by_weight(group)
        for k in range(group.n + 1):
            sym = orbit_spectrum(group, k)
            assert sym.orbits == polya[k]
            if k in (1, group.n // 2, group.n - 1):
                assert sym.orbit_sizes == enumerate_orbits(group, k).orbit_sizes, (grid, spec, k)


def test_symmetric_spectrum_is_binomial():
    for n in (4, 9, 25, 40):
        group = symmetric(f"1x{n}")
        s = orbit_spectrum(group)
        assert s.orbits == n + 1 and s.images == 2**n
        assert sum(s.orbit_sizes.values()) == n + 1 and s.orbit_sizes[1] == 2


@settings(max_examples=40, deadline=None)
@given(eos.pixel_groups(max_pixels=7))
def test_stabilizer_class_counts_match_naive(group):
    naive = naive_stabilizer_members(group)
    total_orbits = 0
    for cls, images, orbits in stabilizer_class_counts(group):
        members = frozenset(int(i) for i in cls.members.nonzero()[0])
        assert images == naive.get(members, 0)
        total_orbits += orbits
    assert total_orbits == burnside_count(group)
    # every stabilizer that occurs is closed, and so is the conjugate of a representative
    assert sum(naive.values()) == 2**group.n


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


def test_8x8_translations_dihedral_spectrum():
    group = named_group("translations+dihedral", "8x8")
    s = orbit_spectrum(group)
    assert s.orbits == burnside_count(group)
    assert sum(size * k for size, k in s.orbit_sizes.items()) == 2**64
    assert s.smallest_nonconstant_orbit_size == 2  # the checkerboards
    assert orbit_spectrum(group, 32).orbits == orbits_by_weight(group)[32]


def test_refusals(monkeypatch):
    group = named_group("translations+dihedral", "4x4")
    monkeypatch.setattr(lattice, "LATTICE_LIMIT", 1)
    with pytest.raises(TooExpensive, match="force"):
        orbit_spectrum(group)
    assert orbit_spectrum(group, force=True).orbits == burnside_count(group)
    monkeypatch.setattr(lattice, "ALL_SUBGROUPS_LIMIT", 10)
    with pytest.raises(TooExpensive, match="force"):
        subgroup_classes(group)
    with pytest.raises(InvalidArgument, match="weight"):
        orbit_spectrum(group, weight=17)
    with pytest.raises(InvalidArgument, match="PixelGroup"):
        closed_subgroup_classes("translations")
