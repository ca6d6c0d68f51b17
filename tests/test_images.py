"""Images: grids, text, arrays, SVG (exactorbit.images)."""


import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from exactorbit import strategies as eos
from exactorbit.errors import InvalidArgument
from exactorbit.images import (
    Grid,
    Image,
    from_array,
    image_svg,
    images_svg,
    parse_grid,
    parse_image,
    popcount,
    render_block,
    render_text,
    to_array,
)


def test_pixel_indexing_is_row_major():
    g = Grid(2, 3)
    assert [g.index(r, c) for r in range(2) for c in range(3)] == list(range(6))
    assert g.position(4) == (1, 1)
    assert parse_image("..#/...", g) == 1 << 2
    assert parse_image(".../#..", g) == 1 << 3


@given(st.data())
def test_text_round_trip(data):
    grid = data.draw(eos.grids(max_pixels=16))
    mask = data.draw(eos.images(grid))
    text = render_text(mask, grid)
    assert parse_image(text, grid) == mask
    assert parse_image(text.replace("/", "\n")) == (mask, grid)
    assert parse_image(text.replace("#", "1").replace(".", "0"), grid) == mask


@given(st.data())
def test_array_round_trip(data):
    grid = data.draw(eos.grids(max_pixels=16))
    mask = data.draw(eos.images(grid))
    arr = to_array(mask, grid)
    assert arr.shape == (grid.h, grid.w)
    assert int(arr.sum()) == popcount(mask)
    assert from_array(arr) == (mask, grid)
    assert from_array(arr.astype(bool)) == (mask, grid)


@pytest.mark.parametrize(
    "text, grid, fragment",
    [
        ("#./.", "2x2", "ragged rows"),
        ("#x/..", "2x2", "bad characters"),
        ("##/##", "2x3", "image is 2x2 but the grid is 2x3"),
        ("", "1x1", "no rows"),
        (5, "1x1", "text image"),
    ],
)
def test_malformed_images_are_named(text, grid, fragment):
    with pytest.raises(InvalidArgument, match=fragment):
        parse_image(text, grid)


@pytest.mark.parametrize("text", ["0x3", "3x0", "3", "axb", "3x3x3", None])
def test_bad_grids(text):
    with pytest.raises(ValueError):
        parse_grid(text)


def test_bad_masks_and_arrays():
    with pytest.raises(InvalidArgument, match="mask of 4 pixels"):
        render_text(16, "2x2")
    with pytest.raises(InvalidArgument, match=">= 0"):
        to_array(-1, "2x2")
    with pytest.raises(InvalidArgument, match="only 0 and 1"):
        from_array([[2]])
    with pytest.raises(InvalidArgument, match="2-dimensional"):
        from_array(np.zeros(3))


def test_edge_grids_render():
    assert render_text(1, "1x1") == "#"
    assert render_text(0, "1x1") == "."
    assert render_text(0b101, "3x1") == "#/./#"
    assert render_block([0b01, 0b10], "1x2") == "#.  .#"


def test_svg():
    svg = images_svg([0, 15], "2x2")
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert svg.count('fill="black"') == 4
    assert Image.parse("#./.#")._repr_svg_() == image_svg(9, "2x2")
    assert str(Image(Grid(2, 2), 9)) == "#./.#"


def test_grid_size_is_capped_with_a_clear_error():
    from exactorbit import LIMITS

    MAX_PIXELS = LIMITS["grid_pixels"].value

    assert Grid(1, MAX_PIXELS).n == MAX_PIXELS
    with pytest.raises(InvalidArgument, match="at most 4096"):
        parse_grid("100x100")
