"""The public hypothesis strategies (exactorbit.strategies)."""


import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from exactorbit import strategies as eos
from exactorbit.errors import InvalidArgument
from exactorbit.groups import PixelGroup
from exactorbit.images import from_array, to_array
from exactorbit.testutil import naive_elements


@given(eos.grids(max_pixels=12))
def test_grids_respect_the_bound(grid):
    assert 1 <= grid.n <= 12


@given(eos.pixel_groups())
def test_pixel_groups_are_groups_on_their_grid(group):
    assert isinstance(group, PixelGroup)
    assert all(sorted(g) == list(range(group.n)) for g in group.generators)


@given(eos.pixel_groups(max_pixels=5), st.data())
def test_group_elements_lie_in_the_group(group, data):
    g = data.draw(eos.group_elements(group))
    assert g in set(naive_elements(group))


@given(eos.groups_with_images(count=3))
def test_groups_with_images_fit_the_grid(case):
    group, xs = case
    assert len(xs) == 3 and all(0 <= x < 2**group.n for x in xs)


@given(st.data())
def test_networks_strategy_gives_tables_of_the_family(data):
    family = data.draw(eos.network_families())
    table = data.draw(eos.networks(family))
    assert len(table) == 2**family.n
    assert all(0 <= v < 2**family.n for v in table.tolist())


@given(eos.array_images(batch_shape=(2, 3)))
def test_array_images_are_0_1_arrays_with_the_batch_axes(a):
    assert a.dtype == np.uint8 and a.ndim == 4 and a.shape[:2] == (2, 3) and a.shape[2] * a.shape[3] <= 9
    assert set(np.unique(a).tolist()) <= {0, 1}


@given(eos.array_images("2x3", dtype=bool))
def test_array_images_on_a_fixed_grid_are_images_of_it(a):
    assert a.dtype == np.bool_ and a.shape == (2, 3)
    mask, grid = from_array(a)
    assert np.array_equal(to_array(mask, grid).astype(bool), a)


@given(eos.group_element_image_triples(max_pixels=6))
def test_triples_hold_an_element_of_the_group_and_an_image_of_its_grid(triple):
    group, g, x = triple
    assert g in set(naive_elements(group)) and 0 <= x < 2**group.n


@given(eos.group_element_array_triples(max_pixels=6, dtype=np.float32, batch_shape=(3,), grid="2x3"))
def test_array_triples_fit_the_grid_and_the_batch(triple):
    group, g, a = triple
    assert group.grid.shape == (2, 3) and group.contains(g)
    assert a.shape == (3, 2, 3) and a.dtype == np.float32 and set(np.unique(a).tolist()) <= {0.0, 1.0}


@pytest.mark.parametrize("kwargs", [dict(batch_shape=(-1,)), dict(batch_shape="2"), dict(batch_shape=(100, 100)),
                                    dict(dtype="not a dtype"), dict(grid="0x3")])
def test_bad_array_image_arguments_are_refused_when_the_strategy_is_built(kwargs):
    with pytest.raises(InvalidArgument):
        eos.array_images(**kwargs)
