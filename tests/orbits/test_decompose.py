"""The orbit door: decompose(method=...) and orbit_classes (exactorbit.orbits)."""


import pytest

from exactorbit.counting import burnside_count
from exactorbit.errors import InvalidArgument
from exactorbit.groups import named_group
from exactorbit.orbits import decompose, orbit_classes
from exactorbit.orbits._enumerate import enumerate_orbits


def test_bad_arguments():
    G = named_group("translations", "2x2")
    with pytest.raises(InvalidArgument, match="weight"):
        enumerate_orbits(G, weight=5)
    with pytest.raises(InvalidArgument, match="weight"):
        enumerate_orbits(G, weight="2")
    with pytest.raises(InvalidArgument, match="method"):
        decompose(G, method="fast")
    with pytest.raises(InvalidArgument, match="group must be a PixelGroup"):
        enumerate_orbits("translations")
    with pytest.raises(InvalidArgument, match="at most 30 pixels"):
        enumerate_orbits(named_group("translations", "4x8"))


def test_auto_enumerates_small_grids_and_goes_torus_or_symbolic_on_large_ones():
    assert decompose(named_group("dihedral", "3x3")).method == "enumerate"
    big = decompose(named_group("translations+dihedral", "6x6"))
    assert big.method == "torus" and big.orbits == burnside_count(named_group("translations+dihedral", "6x6"))
    assert decompose(named_group("dihedral", "6x6")).method == "symbolic"


def test_orbit_classes_partition():
    group = named_group("translations+dihedral", "3x3")
    classes = orbit_classes(group)
    assert len(classes) == 26 and sum(size for _, size in classes) == 512
