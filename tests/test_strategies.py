"""The public hypothesis strategies (exactorbit.strategies)."""


from hypothesis import given
from hypothesis import strategies as st

from exactorbit import strategies as eos
from exactorbit.groups import PixelGroup
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
