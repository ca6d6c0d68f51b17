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


# --- image files: strict PBM (P1/P4), .npy and text (issue 20, items 6 and 12) --------------------------------

from hypothesis import settings  # noqa: E402

from exactorbit.images import read_image_file  # noqa: E402


def _mask_of_rows(rows):
    """Independent oracle: pixel (r, c) is bit r*w + c."""
    w = len(rows[0])
    return sum(bit << (r * w + c) for r, row in enumerate(rows) for c, bit in enumerate(row))


def _write_p1(rows, seps=(" ", "\n", " ", "\n")):
    """A plain PBM written by hand (not by exactorbit): header separators ``seps``, one text line per row."""
    after_magic, between, after_height, pixel_sep = seps
    h, w = len(rows), len(rows[0])
    body = "\n".join(pixel_sep.join(str(b) for b in row) for row in rows)
    return f"P1{after_magic}{w}{between}{h}{after_height}{body}\n".encode("ascii")


def _write_p4(rows, padding_bits=0):
    """A raw PBM written by hand: each row packed most significant bit first, padded to whole bytes."""
    h, w = len(rows), len(rows[0])
    row_bytes = (w + 7) // 8
    out = bytearray(f"P4\n{w} {h}\n".encode("ascii"))
    for row in rows:
        value = 0
        for bit in row:
            value = value * 2 + bit
        pad = row_bytes * 8 - w
        value = (value << pad) | (padding_bits & ((1 << pad) - 1))
        out += value.to_bytes(row_bytes, "big")
    return bytes(out)


def _read_bytes(tmp_path, data, name="x.pbm"):
    path = tmp_path / name
    path.write_bytes(data)
    return read_image_file(path)


_rows_strategy = st.integers(1, 9).flatmap(
    lambda w: st.lists(st.lists(st.integers(0, 1), min_size=w, max_size=w), min_size=1, max_size=9))
_separator = st.sampled_from([" ", "\n", "\t", "\r\n", "  ", "\n# a comment\n", " #c\r"])


@settings(max_examples=40)
@given(rows=_rows_strategy, seps=st.tuples(_separator, _separator, _separator, st.sampled_from(["", " ", "  "])))
def test_p1_round_trip(tmp_path_factory, rows, seps):
    path = tmp_path_factory.mktemp("p1") / "x.pbm"
    path.write_bytes(_write_p1(rows, seps))
    assert read_image_file(path) == (_mask_of_rows(rows), Grid(len(rows), len(rows[0])))


@settings(max_examples=40)
@given(rows=_rows_strategy, padding=st.integers(0, 127))
def test_p4_round_trip(tmp_path_factory, rows, padding):
    """Padding bits at the end of each row are ignored, as the Netpbm spec says (any value is accepted)."""
    path = tmp_path_factory.mktemp("p4") / "x.pbm"
    path.write_bytes(_write_p4(rows, padding))
    assert read_image_file(path) == (_mask_of_rows(rows), Grid(len(rows), len(rows[0])))


def test_pbm_comments_and_single_byte_delimiter(tmp_path):
    # a comment ends at CR or LF; in P4 a comment after the height ends with the one delimiting byte
    assert _read_bytes(tmp_path, b"P1#x\n2#y\r1\n10") == (1, Grid(1, 2))
    assert _read_bytes(tmp_path, b"P1\n2 2\n1 0 # raster comment\n0 1\n") == (9, Grid(2, 2))
    assert _read_bytes(tmp_path, b"P4\n8 1#c\n\xff") == (255, Grid(1, 8))
    assert _read_bytes(tmp_path, b"P4 8 1\t\x01") == (128, Grid(1, 8))
    assert _read_bytes(tmp_path, b"P4\n8 1\n\n") == (80, Grid(1, 8))  # the raster byte 0x0a = 00001010 is data


_BAD_PBM = [
    # (bytes, fragment of the one-line message)
    (b"P1\n2 1\n1 2 0\n", "'2'"),                      # issue 20's reproducer: read as '#.' before
    (b"P1\n2 1\n1 x\n", "'x'"),
    (b"P1\n2 2\n1 0 1\n", "3 pixels"),                # too few pixels
    (b"P1\n2 1\n1 0 1\n", "after the 2 pixels"),      # too many pixels
    (b"P1\n2 1\n1 0\njunk\n", "after the 2 pixels"),  # trailing junk
    (b"P1\n2 1\n1 0\n# trailing comment\n", "after the 2 pixels"),
    (b"P1\n2 1\n1 0\nP1\n2 1\n0 1\n", "after the 2 pixels"),  # a second image
    (b"P12 1\n1 0\n", "whitespace after the magic"),
    (b"P1\n2 1", "whitespace after the height"),
    (b"P1\n2\n", "height"),
    (b"P1\n", "width"),
    (b"P1", "whitespace after the magic"),
    (b"P1\n-2 1\n1 0\n", "width"),
    (b"P1\n2x 1\n1 0\n", "width"),
    (b"P1\n0 1\n", "width must be at least 1"),
    (b"P1\n2 0\n", "height must be at least 1"),
    (b"P1\n" + b"9" * 40 + b" 1\n", "too large"),
    (b"P1\n1 " + b"9" * 5000 + b"\n", "too large"),
    (b"P1\n5000 1\n", "at most 4096"),
    (b"P1\n65 64\n", "at most 4096"),
    (b"P4\n8 1\xff\xff", "one whitespace byte after the height"),  # read the second byte as the image before
    (b"P4\n8 1", "one whitespace byte after the height"),
    (b"P4\n8 2\n\xff", "1 raster bytes"),             # short raster
    (b"P4\n8 1\n", "0 raster bytes"),
    (b"P4\n8 1\n\xff\x00", "2 raster bytes"),         # extra bytes
    (b"P4\n8 1\r\n\xff", "2 raster bytes"),           # CR LF: the LF is raster data
    (b"P4\n8 1\n\xffP4\n8 1\n\x00", "raster bytes"),  # a second image
    (b"P4\n0 1\n", "width must be at least 1"),
    (b"P4\n4097 1\n", "at most 4096"),
    (b"P2\n2 1\n1\n0 1\n", "P2"),                     # a PGM is not a bitmap
    (b"P5\n2 1\n255\n\x00\x01", "P5"),
    (b"P6\n1 1\n255\n\x00\x00\x00", "P6"),
    (b"P7\nWIDTH 1\n", "P7"),
]


@pytest.mark.parametrize("data, fragment", _BAD_PBM, ids=[repr(d[:24]) for d, _ in _BAD_PBM])
def test_malformed_pbm_is_refused_in_one_line(tmp_path, data, fragment):
    with pytest.raises(InvalidArgument) as info:
        _read_bytes(tmp_path, data, "bad.pbm")
    message = str(info.value)
    assert fragment in message, message
    assert "bad.pbm" in message and "\n" not in message and len(message) < 400, message


def _save(tmp_path, array, name="a.npy"):
    path = tmp_path / name
    np.save(path, array)
    return path


_BAD_ARRAYS = [
    ("complex", np.array([[1 + 0j, 0j], [0j, 1 + 0j]]), "complex128"),
    ("unicode", np.array([["1", "0"], ["0", "1"]]), "<U1"),
    ("structured", np.zeros((2, 2), dtype=[("a", "<i4"), ("b", "<f8")]), "dtype"),
    ("datetime64", np.array([["2020-01-01", "2020-01-02"]] * 3, dtype="datetime64[D]"), "datetime64"),
    ("timedelta64", np.zeros((2, 2), dtype="timedelta64[s]"), "timedelta64"),
    ("bytes", np.array([[b"1", b"0"]]), "|S1"),
    ("0-d", np.array(1), "shape ()"),
    ("1-d", np.array([1, 0, 1]), "shape (3,)"),
    ("3-d", np.zeros((2, 2, 2), dtype=np.uint8), "shape (2, 2, 2)"),
    ("empty", np.zeros((0, 3), dtype=np.uint8), "shape (0, 3)"),
    ("two", np.array([[1, 2], [0, 1]]), "2 at row 0, column 1"),
    ("minus one", np.array([[1, 0], [-1, 1]]), "-1 at row 1, column 0"),
    ("half", np.array([[0.5, 0.0]]), "0.5 at row 0, column 0"),
    ("nan", np.array([[1.0, np.nan]]), "nan at row 0, column 1"),
    ("too many pixels", np.zeros((1, 5000), dtype=np.uint8), "at most 4096"),
]


@pytest.mark.parametrize("label, array, fragment", _BAD_ARRAYS, ids=[a[0] for a in _BAD_ARRAYS])
def test_bad_npy_is_refused_in_one_short_line(tmp_path, label, array, fragment):
    with pytest.raises(InvalidArgument) as info:
        read_image_file(_save(tmp_path, array))
    message = str(info.value)
    assert fragment in message, message
    assert "a.npy" in message and "\n" not in message and len(message) < 300, message


def test_npy_object_arrays_and_broken_files_are_refused(tmp_path):
    path = tmp_path / "a.npy"
    np.save(path, np.array([[1, None]], dtype=object), allow_pickle=True)
    with pytest.raises(InvalidArgument, match="not a readable .npy"):
        read_image_file(path)
    good = _save(tmp_path, np.eye(3, dtype=np.uint8), "good.npy").read_bytes()
    (tmp_path / "junk.npy").write_bytes(good + b"junk")
    with pytest.raises(InvalidArgument, match="4 bytes after the array") as info:
        read_image_file(tmp_path / "junk.npy")
    assert "\n" not in str(info.value)
    (tmp_path / "short.npy").write_bytes(good[:-1])
    with pytest.raises(InvalidArgument, match="junk|short|readable") as info:
        read_image_file(tmp_path / "short.npy")
    assert "\n" not in str(info.value)


@pytest.mark.parametrize("dtype", [bool, np.uint8, np.int8, np.int64, np.uint64, ">i4", np.float32, np.float64])
def test_npy_of_every_accepted_dtype_reads_the_same_image(tmp_path, dtype):
    rows = [[1, 0, 0], [0, 1, 1]]
    assert read_image_file(_save(tmp_path, np.array(rows).astype(dtype))) == (_mask_of_rows(rows), Grid(2, 3))
    fortran = np.asfortranarray(np.array(rows).astype(dtype))
    assert read_image_file(_save(tmp_path, fortran, "f.npy")) == (_mask_of_rows(rows), Grid(2, 3))


def test_from_array_messages_are_one_line_and_never_echo_the_array():
    for array in (np.full((30, 30), 1 + 1j), np.full((30, 30), "x"), np.zeros((30, 30), dtype="datetime64[s]")):
        with pytest.raises(InvalidArgument) as info:
            from_array(array)
        assert "\n" not in str(info.value) and len(str(info.value)) < 200, str(info.value)


@pytest.mark.parametrize("data, fragment", [
    (b"#.\n.#\nxy\n", "bad characters"),
    (b"#.\n.#\n#.#\n", "ragged"),
    (b"#.\n.#.\n", "ragged"),
    (b"#.\n\n.#\n", "empty row"),
    (b"", "no rows"),
    (b"\xff\xfe#.", "neither text"),
    (b"#.\x00\n", "bad characters"),
])
def test_text_image_files_are_strict(tmp_path, data, fragment):
    with pytest.raises(InvalidArgument, match=fragment) as info:
        _read_bytes(tmp_path, data, "t.txt")
    assert "t.txt" in str(info.value) and "\n" not in str(info.value)


def test_image_file_names_are_echoed_on_one_line(tmp_path):
    path = tmp_path / "two\nlines.pbm"
    path.write_bytes(b"P1\n2 1\n1 2\n")
    with pytest.raises(InvalidArgument) as info:
        read_image_file(path)
    assert "\n" not in str(info.value) and "two\\nlines.pbm" in str(info.value)


def test_pixel_helpers_refuse_hostile_values():
    from exactorbit.images import colouring, to_mask

    for call in (lambda: colouring(None, 4), lambda: colouring(-1, 4), lambda: colouring(16, 4),
                 lambda: colouring(1, 2 ** 70), lambda: colouring(1, None), lambda: colouring((1,) * 63, 4),
                 lambda: to_mask(None), lambda: to_mask("x"), lambda: to_mask([2 ** 70] * 4), lambda: to_mask([2, 0]),
                 lambda: to_mask(np.array([0, 3], dtype=np.uint8)), lambda: to_mask(np.zeros((2, 2), dtype=bool)),
                 lambda: render_block(np.array(True), "1x1"), lambda: images_svg(np.array(True), "1x1")):
        with pytest.raises(InvalidArgument):
            call()
    assert colouring(0b101, 3).tolist() == [1, 0, 1] and to_mask([1, 0, 1]) == 5
    assert to_mask(np.array([0, 1], dtype=np.int64)) == 2 and to_mask(np.array([True, False, True])) == 5
