"""The generators route of decompose (issue 20, item 17): whole-space orbits by union-find over the generators.

Held against: the definitional twins of exactorbit.testutil (every element listed,
or the closure of each image under the generators), the enumerative route,
golden numbers from independent sources (weight classes of S_n; OEIS A054247 and
A184271; multisets for wreath products), and GAP (OrbitsDomain, and Burnside's
count over GAP's conjugacy classes) where it is installed.
"""

import math
import random
import time

import numpy as np
import pytest
from hypothesis import given, settings

from exactorbit.counting import burnside_count
from exactorbit.errors import InvalidArgument, TooExpensive
from exactorbit.gap import gap_available, run_gap, to_gap
from exactorbit.groups import PixelGroup, named_group, symmetric, wreath_product
from exactorbit.orbits import METHODS, decompose, orbit_classes, orbit_labels
from exactorbit.orbits._enumerate import enumerate_orbits
from exactorbit.orbits._generators import estimate_generators, generators_fit
from exactorbit.strategies import generated_groups, named_groups
from exactorbit.testutil import naive_closure_orbits, naive_decomposition
from exactorbit.testutil import relabelled as disguise, symmetric_generators as s_n_gens

SPECS = ["translations", "rotations", "reflections", "dihedral", "translations+dihedral",
         "translations+reflections", "symmetric", "trivial"]
GRIDS = ["1x1", "1x2", "2x2", "1x5", "2x3", "3x2", "2x4", "3x3"]


def _check_same_as_naive(d, group, weight=None, naive=naive_decomposition):
    sizes, label, smallest, feats = naive(group, weight)
    assert d.method == "generators"
    assert d.orbit_sizes == sizes
    assert d.orbits == sum(sizes.values()) and d.images == sum(s * k for s, k in sizes.items())
    assert d.smallest_nonconstant_orbit_size == smallest
    assert list(d.minimal_orbit_features) == feats[: len(d.minimal_orbit_features)]
    assert d.group_order == group.order() and d.weight == weight
    if d.labels is not None:
        for x, rep in label.items():
            assert int(d.labels[x]) == rep


# ---------------------------------------------------------------------------
# against the definitional twins and the enumerative route
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("spec", SPECS)
@pytest.mark.parametrize("grid", GRIDS)
def test_named_groups_match_naive_twin(spec, grid):
    G = named_group(spec, grid)
    d = decompose(G, method="generators", labels=True)
    if G.order() <= 5040:  # listing S_8 or S_9 in plain Python takes seconds: the closure twin lists none
        _check_same_as_naive(d, G)
        assert np.array_equal(d.labels, enumerate_orbits(G, labels=True).labels)
    else:
        _check_same_as_naive(d, G, naive=naive_closure_orbits)


@pytest.mark.parametrize("spec", ["translations+dihedral", "symmetric", "reflections"])
def test_every_weight_matches_naive_twin(spec):
    G = named_group(spec, "3x3")
    for k in range(G.n + 1):
        d = decompose(G, k, method="generators")
        _check_same_as_naive(d, G, k, naive=naive_closure_orbits if G.order() > 5040 else naive_decomposition)
        assert d.images == math.comb(G.n, k)


@settings(max_examples=40, deadline=None)
@given(named_groups(max_pixels=9))
def test_random_named_groups(G):
    d = decompose(G, method="generators", labels=True)
    _check_same_as_naive(d, G)
    assert d.orbits == burnside_count(G)


@settings(max_examples=60, deadline=None)
@given(generated_groups(max_pixels=8, max_generators=4))
def test_random_generated_groups(G):
    d = decompose(G, method="generators", labels=True)
    _check_same_as_naive(d, G, naive=naive_decomposition if G.order() <= 720 else naive_closure_orbits)
    e = enumerate_orbits(G, labels=True)
    assert np.array_equal(d.labels, e.labels)
    assert (d.orbit_sizes, d.smallest_nonconstant_orbit_size, d.minimal_orbit_features) == (
        e.orbit_sizes, e.smallest_nonconstant_orbit_size, e.minimal_orbit_features)


def test_closure_twin_on_groups_too_large_to_list():
    """S_4 wr S_4 (order 7,962,624) on 16 pixels: the closure twin never lists an element."""
    G = PixelGroup("4x4", disguise(wreath_product("4x4").generators, 16, 11))
    d = decompose(G, method="generators", labels=True)
    _check_same_as_naive(d, G, naive=naive_closure_orbits)


# ---------------------------------------------------------------------------
# golden numbers from independent sources
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("n", [1, 2, 3, 5, 9, 12, 16, 18])
def test_symmetric_group_has_the_weight_classes(n):
    """S_n on n pixels: one orbit per weight, of size C(n, k) (a set is determined by its size)."""
    G = PixelGroup(f"1x{n}", disguise(s_n_gens(n), n, n) if n >= 2 else [])
    d = decompose(G, method="generators")
    sizes = {}
    for k in range(n + 1):
        sizes[math.comb(n, k)] = sizes.get(math.comb(n, k), 0) + 1
    assert d.orbits == n + 1 and d.orbit_sizes == dict(sorted(sizes.items()))
    assert d.group_order == math.factorial(n)


@pytest.mark.parametrize("grid, count", [("2x2", 6), ("3x3", 102), ("4x4", 8548)])
def test_dihedral_square_oeis_a054247(grid, count):
    """OEIS A054247: n x n binary matrices under the dihedral group D_4: 6, 102, 8548."""
    assert decompose(named_group("dihedral", grid), method="generators").orbits == count


@pytest.mark.parametrize("grid, count", [("2x2", 7), ("3x3", 64), ("3x5", 2192), ("4x4", 4156), ("4x5", 52488)])
def test_torus_translations_oeis_a184271(grid, count):
    """OEIS A184271 (T(n, k): n x k toroidal binary arrays).

    T(2,2)=7, T(3,3)=64, T(3,5)=2192, T(4,4)=4156, T(4,5)=52488.
    """
    assert decompose(named_group("translations", grid), method="generators").orbits == count


def test_groups_too_large_to_list_by_counting_arguments():
    """Golden numbers by counting, each group in disguise (conjugated by a random relabelling):

    S_16: 17 weight classes; S_15 fixing a pixel: 16 weights x 2 = 32; S_8 x S_8 on two halves:
    9 x 9 = 81 (a pair of weights); S_4 wr S_4 (rows permuted, anything inside a row): a multiset
    of 4 row weights from {0..4}: C(8, 4) = 70.
    """
    cases = [
        (disguise(s_n_gens(16), 16, 1), 17, math.factorial(16)),
        (disguise(s_n_gens(15, 16), 16, 2), 32, math.factorial(15)),
        (disguise(s_n_gens(8, 16) + [tuple(range(8)) + tuple(8 + p for p in g) for g in s_n_gens(8)], 16, 3), 81,
         math.factorial(8) ** 2),
        (disguise(wreath_product("4x4").generators, 16, 4), 70, 24**4 * 24),
    ]
    for gens, count, order in cases:
        d = decompose(PixelGroup("4x4", gens))
        assert (d.method, d.orbits, d.group_order, d.images) == ("generators", count, order, 1 << 16)
        assert all(order % s == 0 for s in d.orbit_sizes)


# ---------------------------------------------------------------------------
# the front door: auto, labels, classes, weights, refusals
# ---------------------------------------------------------------------------


def test_auto_answers_groups_too_large_to_list_quickly():
    """Item 17: S_4 wr S_4 on 4x4 was refused (the symbolic route's lattice estimate); S_10 on 11 points in
    disguise (order 3,628,800) spent a minute listing its elements before refusing or answering."""
    G = wreath_product("4x4")
    t = time.perf_counter()
    d = decompose(G)
    assert d.method == "generators" and d.orbits == 70
    H = PixelGroup("1x11", disguise(s_n_gens(10, 11), 11, 5))
    d = decompose(H)
    assert d.method == "generators" and d.orbits == 22 and d.group_order == math.factorial(10)
    assert time.perf_counter() - t < 10


def test_auto_keeps_small_groups_on_the_enumerative_route():
    assert decompose(named_group("translations+dihedral", "3x3")).method == "enumerate"
    assert decompose(named_group("translations+dihedral", "28x28")).method == "torus"


def test_labels_classes_and_orbit_labels_through_the_generators_route():
    G = PixelGroup("2x4", disguise(s_n_gens(8), 8, 6))
    classes = orbit_classes(G)
    assert [c.size for c in classes] == [math.comb(8, k) for k in range(9)]
    assert [c.representative for c in classes] == sorted(c.representative for c in classes)
    lab = orbit_labels(G, method="generators")
    assert lab.tolist() == [x.bit_count() and (1 << x.bit_count()) - 1 for x in range(256)]  # weight classes
    H = named_group("translations+reflections", "2x4")
    assert np.array_equal(orbit_labels(H, method="generators"), orbit_labels(H, method="enumerate"))
    big = wreath_product("4x4")
    d = decompose(big, labels=True)
    assert d.method == "generators" and len(d.classes()) == 70
    assert np.array_equal(orbit_labels(big), d.labels)


def test_features_are_the_smallest_nonconstant_orbits():
    d = decompose(wreath_product("4x4"), method="generators")
    # S_4 wr S_4: the smallest non-constant orbits are one full row (4 images, minimal image the top row)
    # and three full rows (its complement); a single pixel has 16 images
    assert d.smallest_nonconstant_orbit_size == 4
    assert d.minimal_orbit_features == (0b1111, 0b1111_1111_1111) and not d.features_truncated


def test_max_features_truncates():
    # rotations of 3x3: the 6 non-constant unions of {centre}, {corners}, {edges} are orbits of size 1
    d = decompose(named_group("rotations", "3x3"), method="generators", max_features=2)
    full = decompose(named_group("rotations", "3x3"), method="generators")
    assert full.minimal_orbit_features == (16, 170, 186, 325, 341, 495)
    assert d.minimal_orbit_features == full.minimal_orbit_features[:2] and d.features_truncated
    assert not full.features_truncated


def test_methods_list_and_refusals():
    assert "generators" in METHODS
    G = symmetric("4x4")
    with pytest.raises(TooExpensive, match="union-find over 2 generators.*force=True"):
        decompose(G, method="generators", limit=0)
    assert decompose(G, method="generators", limit=0, force=True).orbits == 17
    with pytest.raises(InvalidArgument, match="at most 30 pixels"):
        decompose(symmetric("6x6"), method="generators")
    with pytest.raises(InvalidArgument, match="labels must be True or False"):
        decompose(G, method="generators", labels=np.array([1]))
    with pytest.raises(InvalidArgument, match="weight"):
        decompose(G, 17, method="generators")
    with pytest.raises(InvalidArgument, match="method must be one of"):
        orbit_labels(G, method="symbolic")
    assert generators_fit(symmetric("4x6")) and not generators_fit(symmetric("5x5"))


def test_guard_refuses_with_the_estimate():
    G = symmetric("4x6")  # 2^24 images
    est = estimate_generators(G)
    assert est["images"] == 1 << 24 and est["seconds"] >= 1
    with pytest.raises(TooExpensive, match=r"union-find over 2 generators is estimated at \d+ s, over limit=0 s"):
        decompose(G, method="generators", limit=0)


def test_trivial_group_and_identity_generators():
    G = PixelGroup("2x3", [tuple(range(6)), tuple(range(6))])
    d = decompose(G, method="generators", labels=True)
    assert d.orbit_sizes == {1: 64} and d.labels.tolist() == list(range(64))
    assert estimate_generators(G)["generators"] == 0


# ---------------------------------------------------------------------------
# against GAP
# ---------------------------------------------------------------------------

needs_gap = pytest.mark.skipif(not gap_available(), reason="GAP is not installed (Debian package gap); "
                                                           "the differential tests against GAP are skipped")


def _gap_cases():
    rng = random.Random(2020)
    small = [named_group("translations+dihedral", "3x3"), named_group("dihedral", "3x4")]
    for _ in range(4):
        n = rng.randint(5, 10)
        small.append(PixelGroup(f"1x{n}", [tuple(rng.sample(range(n), n)) for _ in range(rng.randint(1, 2))]))
    big = [wreath_product("4x4"), PixelGroup("4x4", disguise(s_n_gens(8, 16) + [
        tuple(range(8)) + tuple(8 + p for p in g) for g in s_n_gens(8)], 16, 9))]
    for _ in range(2):  # random groups on 11 points (mostly A_11 or S_11, order 2e7 or 4e7)
        big.append(PixelGroup("1x11", [tuple(rng.sample(range(11), 11)) for _ in range(2)]))
    return small, big


@needs_gap
def test_against_gap_orbits_domain_and_burnside():
    """Small groups: GAP's OrbitsDomain on all subsets (orbit lengths collected); groups too large to list:
    Burnside's count over GAP's conjugacy classes (sum |C| 2^#cycles(g_C) / |G|)."""
    small, big = _gap_cases()
    lines = []
    for i, G in enumerate(small):
        lines.append(f"G := {to_gap(G)};; Print(\"S {i} \", Size(G), \" \", "
                     f"List(Collected(List(OrbitsDomain(G, Combinations([1..{G.n}]), OnSets), Length)), "
                     f"p -> Concatenation(String(p[1]), \":\", String(p[2]))), \"\\n\");")
    for i, G in enumerate(big):
        lines.append(f"G := {to_gap(G)};; Print(\"B {i} \", Size(G), \" \", "
                     f"Sum(ConjugacyClasses(G), c -> Size(c) * 2^Length(CycleLengths(Representative(c), "
                     f"[1..{G.n}]))) / Size(G), \"\\n\");")
    out = run_gap("\n".join(lines))
    seen = 0
    for line in out.splitlines():
        parts = line.replace("[", " ").replace("]", " ").replace(",", " ").replace('"', " ").split()
        if len(parts) < 3 or parts[0] not in ("S", "B"):
            continue
        i, order = int(parts[1]), int(parts[2])
        G = (small if parts[0] == "S" else big)[i]
        d = decompose(G, method="generators")
        assert d.group_order == order
        if parts[0] == "S":
            assert d.orbit_sizes == {int(a): int(b) for a, b in (p.split(":") for p in parts[3:])}
        else:
            assert d.orbits == int(parts[3])
        seen += 1
    assert seen == len(small) + len(big)


def test_auto_does_not_list_a_large_group_to_decide():
    """enumeration_fits listed all 3,628,800 elements of S_10 on 11 points (53 s) before answering False."""
    from exactorbit.orbits._enumerate import enumeration_fits

    G = PixelGroup("1x11", disguise(s_n_gens(10, 11), 11, 8))
    t = time.perf_counter()
    assert not enumeration_fits(G)
    assert time.perf_counter() - t < 2


def test_auto_answers_a_big_symmetric_group_by_its_closed_form():
    # S_24 on 24 pixels: the orbits are the 25 weight classes, of sizes C(24, k) (the closed form);
    # visiting all 2^24 images by the generators route would take seconds
    import math

    from exactorbit import decompose, named_group

    d = decompose(named_group("symmetric", "1x24"))
    assert d.method == "symbolic"
    expected = {}
    for k in range(25):
        expected[math.comb(24, k)] = expected.get(math.comb(24, k), 0) + 1
    assert d.orbit_sizes == expected
