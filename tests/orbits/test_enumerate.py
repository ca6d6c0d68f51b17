"""The enumerative route of the orbit door against naive twins (exactorbit.orbits._enumerate)."""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exactorbit import strategies as eos
from exactorbit._budget import LIMITS, Limit
from exactorbit.counting import burnside_count, orbits_by_weight
from exactorbit.errors import TooExpensive
from exactorbit.groups import named_group, trivial
from exactorbit.orbits import _enumerate, estimate_enumeration, orbit_labels, stabilizer_orders
from exactorbit.orbits._enumerate import enumerate_orbits
from exactorbit.testutil import (
    naive_apply,
    naive_decomposition,
    naive_elements,
    naive_stabilizer_orders,
)


@settings(max_examples=60, deadline=None)
@given(eos.pixel_groups(max_pixels=8), st.data())
def test_counting_route_matches_naive(group, data):
    weight = data.draw(st.one_of(st.none(), st.integers(0, group.n)))
    sizes, _, smallest, feats = naive_decomposition(group, weight)
    d = enumerate_orbits(group, weight)
    assert d.orbit_sizes == sizes
    assert d.smallest_nonconstant_orbit_size == smallest
    assert list(d.minimal_orbit_features) == feats[: _enumerate.MAX_FEATURES]
    assert d.method == "enumerate"


@settings(max_examples=40, deadline=None)
@given(eos.pixel_groups(max_pixels=8), st.data())
def test_label_route_matches_naive(group, data):
    weight = data.draw(st.one_of(st.none(), st.integers(0, group.n)))
    sizes, label, smallest, feats = naive_decomposition(group, weight)
    d = enumerate_orbits(group, weight, labels=True, force=True)  # correctness here; limits tested elsewhere
    assert d.orbit_sizes == sizes
    assert d.smallest_nonconstant_orbit_size == smallest
    assert list(d.minimal_orbit_features) == feats
    assert all(int(d.labels[x]) == rep for x, rep in label.items())


def test_label_route_memory_estimate_scales_with_the_grid():
    # Regression: the estimate once charged 2^16 images per element whatever the grid,
    # so S_7 on 1x7 (128 images) was refused at an estimated 2.6 GB.
    from exactorbit.groups import symmetric
    G = symmetric("1x7")
    est = estimate_enumeration(G, labels=True)
    assert est["bytes"] < LIMITS["enumeration_bytes"].value
    assert enumerate_orbits(G, labels=True).orbits == 8  # one orbit per weight 0..7


@settings(max_examples=30, deadline=None)
@given(eos.pixel_groups(max_pixels=7))
def test_stabilizer_orders_match_naive(group):
    assert stabilizer_orders(group).tolist() == naive_stabilizer_orders(group)


@settings(max_examples=30, deadline=None)
@given(eos.pixel_groups(max_pixels=9), st.data())
def test_burnside_polya_and_image_totals(group, data):
    d = enumerate_orbits(group)
    assert d.orbits == burnside_count(group)
    assert sum(s * k for s, k in d.orbit_sizes.items()) == d.images == 2**group.n
    k = data.draw(st.integers(0, group.n))
    dk = enumerate_orbits(group, k)
    assert dk.orbits == orbits_by_weight(group)[k]
    assert sum(s * c for s, c in dk.orbit_sizes.items()) == dk.images == math.comb(group.n, k)


@settings(max_examples=25, deadline=None)
@given(eos.pixel_groups(max_pixels=9), st.integers(1, 5), st.data())
def test_chunked_streaming_equals_one_chunk(monkeypatch_chunk, group, bits, data):
    weight = data.draw(st.one_of(st.none(), st.integers(0, group.n)))
    whole = enumerate_orbits(group, weight)
    with monkeypatch_chunk(bits):
        chunked = enumerate_orbits(group, weight)
    assert chunked.orbit_sizes == whole.orbit_sizes
    assert chunked.minimal_orbit_features == whole.minimal_orbit_features


@pytest.fixture(scope="module")
def monkeypatch_chunk():
    from contextlib import contextmanager

    @contextmanager
    def setter(bits):
        old = _enumerate.CHUNK_BITS
        _enumerate.CHUNK_BITS = bits
        try:
            yield
        finally:
            _enumerate.CHUNK_BITS = old

    return setter


def test_labels_are_minimal_images():
    G = named_group("translations+reflections", "2x3")
    labels = orbit_labels(G)
    elements = naive_elements(G)
    assert labels.tolist() == [min(naive_apply(g, x) for g in elements) for x in range(64)]


def test_features_truncated_for_the_trivial_group():
    d = enumerate_orbits(trivial("3x3"), max_features=5)
    # every image is its own orbit: the five smallest non-constant masks are 1..5
    assert d.minimal_orbit_features == (1, 2, 3, 4, 5) and d.features_truncated


def test_known_5x5_numbers_agree_with_burnside_and_polya():
    G = named_group("translations+dihedral", "5x5")
    d = enumerate_orbits(G)
    assert d.orbits == burnside_count(G)
    assert sum(s * k for s, k in d.orbit_sizes.items()) == 2**25
    assert enumerate_orbits(G, 12).orbits == orbits_by_weight(G)[12]


def test_estimate_and_refusal(monkeypatch):
    G = named_group("translations", "3x3")
    est = estimate_enumeration(G)
    assert est["images"] == 512 and est["fixed_points"] == 9 * burnside_count(G) - 512
    monkeypatch.setitem(LIMITS, "enumeration_seconds", Limit(-1, "s", "test"))
    with pytest.raises(TooExpensive, match="force"):
        enumerate_orbits(G)
    assert enumerate_orbits(G, force=True).orbits == burnside_count(G)


@pytest.mark.parametrize("spec,grid", [("translations+reflections", "4x5"), ("rotations", "3x6"),
                                       ("translations", "1x17")])
def test_labels_across_many_chunks_are_minimal_images(spec, grid):
    """Grids past 2^16 images: the labelling kernel visits many chunks (skipping what earlier
    representatives labelled); 3000 random images against the definition min_g x^g, and the
    number of orbits against Burnside's count (cycle types, no image listed)."""
    import random

    import numpy as np

    G = named_group(spec, grid)
    labels = orbit_labels(G)
    elements = [tuple(g) for g in G.element_array().tolist()]
    rng = random.Random(grid)
    for x in [0, (1 << G.n) - 1] + [rng.randrange(1 << G.n) for _ in range(3000)]:
        assert int(labels[x]) == min(naive_apply(g, x) for g in elements)
    assert int((labels == np.arange(len(labels), dtype=np.uint32)).sum()) == burnside_count(G)
