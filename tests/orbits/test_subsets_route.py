"""The subsets route of decompose (the C(n, k) images of one weight, union-find over the generators) against the
naive twin (exactorbit.testutil.naive_decomposition: every image, every element) and the other routes."""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exactorbit import strategies as eos
from exactorbit.errors import InvalidArgument, TooExpensive
from exactorbit.groups import named_group
from exactorbit.orbits import decompose
from exactorbit.orbits._subsets import subset_masks
from exactorbit.testutil import naive_decomposition


@settings(max_examples=60, deadline=None)
@given(eos.pixel_groups(max_pixels=9), st.data())
def test_subsets_route_matches_the_naive_twin(group, data):
    k = data.draw(st.integers(0, group.n))
    got = decompose(group, weight=k, method="subsets")
    sizes, labels, smallest, features = naive_decomposition(group, weight=k)
    assert got.method == "subsets"
    assert got.orbit_sizes == sizes
    assert got.images == math.comb(group.n, k) == len(labels)
    assert got.smallest_nonconstant_orbit_size == smallest
    assert list(got.minimal_orbit_features or ()) == features


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 20), st.data())
def test_subset_masks_are_every_mask_of_that_weight_sorted(n, data):
    k = data.draw(st.integers(0, n))
    masks = subset_masks(n, k).tolist()
    assert masks == sorted(masks) and len(masks) == math.comb(n, k) == len(set(masks))
    assert all(m.bit_count() == k and m < (1 << n) for m in masks)


def test_auto_takes_subsets_for_one_weight_and_says_so():
    G = named_group("translations+dihedral", "5x6")   # 2^30 images, 30 of weight 1
    d = decompose(G, weight=1)
    assert d.method == "subsets" and d.orbit_sizes == {30: 1}


def test_subsets_route_refuses_what_it_cannot_do():
    G = named_group("translations", "2x2")
    with pytest.raises(InvalidArgument, match="weight"):
        decompose(G, method="subsets")
    with pytest.raises(InvalidArgument, match="labels"):
        decompose(G, weight=1, labels=True, method="subsets")
    with pytest.raises(InvalidArgument, match="64 pixels"):
        decompose(named_group("translations", "9x9"), weight=1, method="subsets")
    with pytest.raises(TooExpensive, match="force"):
        decompose(named_group("translations", "8x8"), weight=8, method="subsets")   # C(64, 8) = 4.4e9 images


@settings(max_examples=60, deadline=None)
@given(eos.pixel_groups(max_pixels=12), st.data())
def test_the_python_and_the_numpy_kernels_of_the_subsets_route_agree(group, data):
    """Below PYTHON_IMAGES images the route searches them in Python; past it, numpy arrays: the same answer."""
    from exactorbit.orbits import _subsets

    k = data.draw(st.integers(0, group.n))
    max_features = data.draw(st.integers(0, 5))
    small = _subsets._small_subset_orbits(group, list(group.generators), k, max_features)
    saved = _subsets.PYTHON_IMAGES
    try:
        _subsets.PYTHON_IMAGES = -1  # every case by the numpy kernel
        large = _subsets.subset_orbits(group, k, max_features=max_features)
    finally:
        _subsets.PYTHON_IMAGES = saved
    assert small == large and small.method == "subsets"
