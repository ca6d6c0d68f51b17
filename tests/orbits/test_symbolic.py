"""The symbolic route of the orbit door: the spectrum by table of marks (exactorbit.orbits._symbolic)."""


import pytest
from hypothesis import given, settings

from exactorbit import strategies as eos
from exactorbit.counting import burnside_count, orbits_by_weight
from exactorbit.groups import GROUP_NAMES, named_group, symmetric
from exactorbit.orbits._enumerate import enumerate_orbits
from exactorbit.orbits._symbolic import orbit_spectrum, stabilizer_class_counts
from exactorbit.testutil import naive_stabilizer_members

SPECS = list(GROUP_NAMES) + ["translations+rotations", "translations+reflections", "translations+dihedral"]


GRIDS = [f"{h}x{w}" for h in range(1, 6) for w in range(1, 6)]


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


def test_8x8_translations_dihedral_spectrum():
    group = named_group("translations+dihedral", "8x8")
    s = orbit_spectrum(group)
    assert s.orbits == burnside_count(group)
    assert sum(size * k for size, k in s.orbit_sizes.items()) == 2**64
    assert s.smallest_nonconstant_orbit_size == 2  # the checkerboards
    assert orbit_spectrum(group, 32).orbits == orbits_by_weight(group)[32]
