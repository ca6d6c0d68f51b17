"""Binary images on an h x w grid, stored as int bit-masks.

Conventions (used throughout exactorbit):

* pixel (r, c) has index ``r*w + c`` (0-based, row-major);
* an image is an ``int`` mask whose bit ``r*w + c`` is the pixel's value;
* text form: rows top to bottom, separated by ``/`` (or newlines);
  ``#`` or ``1`` is on, ``.`` or ``0`` is off.

>>> g = Grid(2, 3)
>>> m = parse_image("#../.##", g)
>>> m, render_text(m, g)
(49, '#../.##')
"""

from __future__ import annotations

from dataclasses import dataclass
import re
from typing import TYPE_CHECKING, overload

import numpy as np

from ._budget import LIMITS
from ._validation import check_int, check_items, check_mask, clip, describe, short
from .errors import InvalidArgument

if TYPE_CHECKING:
    import os
    from collections.abc import Iterable, Sequence

    from numpy.typing import ArrayLike, NDArray

__all__ = [
    "Grid",
    "Image",
    "parse_grid",
    "parse_image",
    "render_text",
    "render_block",
    "to_array",
    "from_array",
    "image_svg",
    "images_svg",
    "popcount",
    "colouring",
    "to_mask",
]

ON_CHARS = "#1"
OFF_CHARS = ".0"


@dataclass(frozen=True)
class Grid:
    """An h x w grid of pixels; pixel (r, c) has index r*w + c.

    >>> Grid(3, 4).n
    12
    >>> Grid(3, 4).index(1, 2)
    6
    """

    h: int
    w: int

    def __post_init__(self) -> None:
        check_int("grid height h", self.h, min_value=1)
        check_int("grid width w", self.w, min_value=1)
        cap = LIMITS["grid_pixels"].value
        if self.h * self.w > cap:
            raise InvalidArgument(
                f"grid {self.h}x{self.w} has {self.h * self.w} pixels; exactorbit handles at most {cap}"
            )
        object.__setattr__(self, "h", int(self.h))
        object.__setattr__(self, "w", int(self.w))

    @property
    def n(self) -> int:
        """Number of pixels, h*w."""
        return self.h * self.w

    @property
    def shape(self) -> tuple[int, int]:
        """The pair (h, w)."""
        return (self.h, self.w)

    def index(self, r: int, c: int) -> int:
        """Index r*w + c of pixel (r, c), wrapping around the torus."""
        return (r % self.h) * self.w + (c % self.w)

    def position(self, i: int) -> tuple[int, int]:
        """Position (r, c) of pixel index i."""
        return divmod(i, self.w)

    def __str__(self) -> str:
        return f"{self.h}x{self.w}"


def parse_grid(text: str | Grid | tuple[int, int] | list[int]) -> Grid:
    """Parse ``"HxW"`` (or ``"H,W"``, or a pair) into a :class:`Grid`.

    >>> parse_grid("3x4")
    Grid(h=3, w=4)
    >>> parse_grid("0x3")
    Traceback (most recent call last):
    ...
    exactorbit.errors.InvalidArgument: grid height h must be >= 1, got 0 (type int)
    """
    if isinstance(text, Grid):
        return text
    if type(text) is str:
        known = _PARSED.get(text)
        if known is not None and known.n <= LIMITS["grid_pixels"].value:  # the cap may have been lowered since
            return known
    if isinstance(text, (tuple, list)) and len(text) == 2:
        return Grid(*text)
    if not isinstance(text, str):
        raise InvalidArgument(f"grid must be 'HxW' or a pair (h, w), got {describe(text)}")
    m = re.fullmatch(r"\s*([0-9]+)\s*[xX,]\s*([0-9]+)\s*", text)
    if not m:
        raise InvalidArgument(f"grid must look like 'HxW', e.g. '3x3', got {describe(text)}")
    if max(len(m.group(1)), len(m.group(2))) > 5:  # before int(): a grid has at most 4096 pixels
        cap = LIMITS["grid_pixels"].value
        raise InvalidArgument(f"grid {clip(text.strip(), 40)} is too large; exactorbit handles at most {cap} pixels")
    grid = Grid(int(m.group(1)), int(m.group(2)))
    if len(_PARSED) < _PARSED_MAX:
        _PARSED[text] = grid
    return grid


#: Grid texts parsed already (a Grid is immutable; the pixel cap is checked when one is first parsed): text -> Grid.
_PARSED: dict = {}
_PARSED_MAX = 1024


@overload
def parse_image(text: str, grid: None = None) -> tuple[int, Grid]: ...
@overload
def parse_image(text: str, grid: str | Grid) -> int: ...
def parse_image(text: str, grid: str | Grid | None = None) -> int | tuple[int, Grid]:
    """Parse a text image into a mask; check its shape against ``grid`` if given.

    Rows are separated by ``/`` or newlines; ``#``/``1`` on, ``.``/``0`` off.
    Without a grid, the grid is read off the text and ``(mask, grid)`` is returned.

    >>> parse_image("#./.#", Grid(2, 2))
    9
    >>> parse_image("##/#.")
    (7, Grid(h=2, w=2))
    >>> parse_image("#./.", Grid(2, 2))
    Traceback (most recent call last):
    ...
    exactorbit.errors.InvalidArgument: image has ragged rows: row lengths [2, 1] in '#./.'
    """
    if not isinstance(text, str):
        raise InvalidArgument(f"image must be a text image like '#./.#', got {describe(text)}")
    rows = [row.strip() for row in re.split(r"[/\n]", text.strip())]
    while rows and not rows[0]:  # a leading separator
        rows.pop(0)
    while rows and not rows[-1]:  # a trailing separator
        rows.pop()
    if not rows:
        raise InvalidArgument(f"image has no rows: {short(text)}")
    if not all(rows):
        raise InvalidArgument(f"image has an empty row {rows.index('') + 1} between rows: {short(text)}")
    lengths = [len(row) for row in rows]
    if len(set(lengths)) != 1:
        raise InvalidArgument(f"image has ragged rows: row lengths {short(lengths, 40)} in {short(text)}")
    bad = sorted(set("".join(rows)) - set(ON_CHARS + OFF_CHARS))
    if bad:
        raise InvalidArgument(
            f"image has bad characters {short(bad, 40)} in {short(text)}: use '#' or '1' for on, '.' or '0' for off"
        )
    if grid is not None:
        grid = parse_grid(grid)
        if (len(rows), lengths[0]) != grid.shape:
            raise InvalidArgument(
                f"image is {len(rows)}x{lengths[0]} but the grid is {grid}: {short(text)}"
            )
    found = Grid(len(rows), lengths[0])
    mask = 0
    for r, row in enumerate(rows):
        for c, ch in enumerate(row):
            if ch in ON_CHARS:
                mask |= 1 << (r * found.w + c)
    return mask if grid is not None else (mask, found)


def render_text(mask: int, grid: str | Grid, *, on: str = "#", off: str = ".", sep: str = "/") -> str:
    """Render a mask as text, rows separated by ``sep``.

    >>> render_text(9, Grid(2, 2))
    '#./.#'
    """
    grid = parse_grid(grid)
    mask = check_mask("mask", mask, grid.n)
    for name, value in (("on", on), ("off", off), ("sep", sep)):
        if not isinstance(value, str):
            raise InvalidArgument(f"{name} must be a string, got {describe(value)}")
    rows = []
    for r in range(grid.h):
        rows.append("".join(on if mask >> (r * grid.w + c) & 1 else off for c in range(grid.w)))
    return sep.join(rows)


def render_block(masks: Iterable[int], grid: str | Grid, *, gap: str = "  ") -> str:
    """Draw several images side by side, one text line per grid row (for terminals).

    >>> print(render_block([1, 2], Grid(1, 2)))
    #.  .#
    """
    grid = parse_grid(grid)
    if (isinstance(masks, (str, bytes)) or not hasattr(masks, "__iter__")
            or (isinstance(masks, np.ndarray) and masks.ndim == 0)):
        raise InvalidArgument(f"masks must be a list of image masks, got {describe(masks)}")
    if not isinstance(gap, str):
        raise InvalidArgument(f"gap must be a string, got {describe(gap)}")
    pictures = [render_text(m, grid, sep="\n").split("\n") for m in masks]
    return "\n".join(gap.join(p[r] for p in pictures) for r in range(grid.h))


def popcount(mask: int) -> int:
    """Number of on-pixels of a mask (its Hamming weight).

    >>> popcount(0b1011)
    3
    """
    return check_int("mask", mask, min_value=0).bit_count()


def to_array(mask: int, grid: str | Grid) -> NDArray[np.uint8]:
    """The image as a numpy 0/1 array of shape (h, w), dtype uint8.

    >>> to_array(9, Grid(2, 2)).tolist()
    [[1, 0], [0, 1]]
    """
    grid = parse_grid(grid)
    mask = check_mask("mask", mask, grid.n)
    bits = [(mask >> i) & 1 for i in range(grid.n)]
    return np.array(bits, dtype=np.uint8).reshape(grid.h, grid.w)


def as_mask(image: int | str | Image | ArrayLike, grid: str | Grid, name: str = "image") -> int:
    """An image given in any of exactorbit's forms, as an int mask on ``grid``.

    Accepted: an int mask, an :class:`Image`, a text image (``"#./.#"``), or a
    0/1 array of shape (h, w) (numpy or nested lists).  The shape must match the grid.

    >>> g = Grid(2, 2)
    >>> as_mask(9, g), as_mask("#./.#", g), as_mask([[1, 0], [0, 1]], g), as_mask(Image(g, 9), g)
    (9, 9, 9, 9)
    """
    grid = parse_grid(grid)
    if isinstance(image, Image):
        if image.grid != grid:
            raise InvalidArgument(f"{name} is an Image on the {image.grid} grid, but the grid is {grid}")
        return image.mask
    if isinstance(image, str):
        return parse_image(image, grid)
    if isinstance(image, np.ndarray) and image.ndim == 0:
        image = image.item()
    if is_array_image(image) or isinstance(image, np.ndarray):
        try:
            mask, found = from_array(image)  # type: ignore[arg-type]  # an Image returned above
        except InvalidArgument as exc:
            raise InvalidArgument(f"{name}: {exc}") from None
        if found != grid:
            raise InvalidArgument(f"{name} is a {found} array, but the grid is {grid}")
        return mask
    return check_mask(name, image, grid.n)


#: Largest image file read (bytes): a 4096-pixel image needs far less in every accepted format.
MAX_IMAGE_FILE_BYTES = 1 << 20


def read_image_file(path: str | os.PathLike[str]) -> tuple[int, Grid]:
    r"""``(mask, grid)`` of an image file: text (``#.`` rows), numpy ``.npy`` (a 2-d 0/1 array) or PBM (P1 or P4).

    In PBM, 1 (black) is an on-pixel.  Files over 1 MiB are refused unread.  Every format is read
    strictly, and anything else is refused with one line naming the file and the problem:

    * PBM follows the Netpbm spec: magic ``P1``/``P4``, whitespace, width, whitespace, height (decimal,
      at most 9 digits), then for P1 whitespace and exactly width*height pixels ``0``/``1`` (whitespace
      between them optional), then only whitespace; for P4 exactly ONE whitespace byte, then exactly
      height*ceil(width/8) raster bytes and nothing after (a second image in the same file is refused).
      Whitespace is blank, TAB, CR or LF; a comment runs from ``#`` to the next CR or LF and counts as
      whitespace (in the header, and in P1's raster).  The padding bits that end a P4 row are ignored,
      as the spec says.
    * ``.npy``: a 2-d array of bool, int, unsigned or float dtype holding only 0 and 1, and no bytes after it.
    * text: rows of ``#``/``.`` (or ``1``/``0``), one per line or split by ``/``, all of one length, no empty
      row between rows.

    >>> import tempfile, os
    >>> d = tempfile.mkdtemp(); p = os.path.join(d, "x.pbm")
    >>> _ = open(p, "w").write("P1\n# a comment\n3 2\n1 0 0\n0 1 0\n")
    >>> read_image_file(p)
    (17, Grid(h=2, w=3))
    >>> _ = open(p, "w").write("P1\n2 1\n1 2\n")
    >>> read_image_file(p)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    exactorbit.errors.InvalidArgument: image file '...x.pbm': PBM pixel 2 is '2'; P1 pixels are '0' or '1'
    """
    import os

    if not isinstance(path, (str, os.PathLike)):
        raise InvalidArgument(f"image file must be a path, got {describe(path)}")
    try:
        name = short(os.fspath(path), 120)  # repr: a newline in the name stays on one line
    except TypeError:
        raise InvalidArgument(f"image file must be a path, got {describe(path)}") from None
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_IMAGE_FILE_BYTES + 1)
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the path
        reason = getattr(exc, "strerror", None) or clip(str(exc).replace("\n", " "), 80)
        raise InvalidArgument(f"cannot read the image file {name}: {reason}") from None
    if len(data) > MAX_IMAGE_FILE_BYTES:
        raise InvalidArgument(f"image file {name} is larger than {MAX_IMAGE_FILE_BYTES} bytes; no image of at most "
                              "4096 pixels is")
    try:
        if data[:6] == b"\x93NUMPY":
            return _read_npy(data)
        if data[:2] in (b"P1", b"P4"):
            return _read_pbm(data)
        if re.match(rb"P[2-7F]\s", data[:3]):
            raise InvalidArgument(f"is a Netpbm {data[:2].decode()} file (PGM, PPM or PAM), not a bitmap; "
                                  "only PBM (P1, P4) is read")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise InvalidArgument("is neither text, .npy nor PBM (P1/P4)") from None
        return parse_image(text)
    except InvalidArgument as exc:
        message = " ".join(str(exc).split("\n"))
        raise InvalidArgument(f"image file {name}: {clip(message, 240)}") from None


def _read_npy(data):
    """A 2-d 0/1 array from the bytes of a ``.npy`` file, refusing bytes after the array."""
    import io

    try:
        array = np.load(io.BytesIO(data), allow_pickle=False)
    except (ValueError, OSError, EOFError, TypeError) as exc:
        raise InvalidArgument(f"not a readable .npy array: {clip(' '.join(str(exc).split()), 100)}") from None
    expected = _npy_data_offset(data) + array.nbytes
    if len(data) > expected:
        raise InvalidArgument(f"{len(data) - expected} bytes after the array; a .npy image holds one array only")
    return from_array(array)


def _npy_data_offset(data):
    """Where the array data of a .npy file starts (after the magic, the header length and the header)."""
    major = data[6]
    if major == 1:
        return 10 + int.from_bytes(data[8:10], "little")
    return 12 + int.from_bytes(data[8:12], "little")


#: Whitespace in a PBM file (the Netpbm spec: blank, TAB, CR, LF).
_PBM_SPACE = b" \t\r\n"
#: Longest width or height read in a PBM header (digits), before int().
_PBM_DIGITS = 9


def _pbm_skip(data, i, *, comments=True):
    """Index of the first byte at or after i that is neither whitespace nor (if ``comments``) in a comment."""
    size = len(data)
    while i < size:
        byte = data[i:i + 1]
        if byte in (b" ", b"\t", b"\r", b"\n"):
            i += 1
        elif comments and byte == b"#":
            while i < size and data[i:i + 1] not in (b"\n", b"\r"):
                i += 1
        else:
            break
    return i


def _read_pbm(data):
    """A PBM image (P1 plain or P4 raw), read strictly by the Netpbm spec (see :func:`read_image_file`)."""
    kind, size = data[:2].decode(), len(data)
    i = _pbm_skip(data, 2)
    if i == 2:
        raise InvalidArgument(f"PBM needs whitespace after the magic {kind}")
    sizes = []
    for what in ("width", "height"):
        j = i
        while j < size and data[j:j + 1].isdigit():
            j += 1
        if j == i:
            found = "the end of the file" if i >= size else repr(data[i:i + 1])[1:]
            raise InvalidArgument(f"PBM {what} must be a decimal number, found {found}")
        digits = data[i:j].lstrip(b"0") or b"0"
        if len(digits) > _PBM_DIGITS:
            raise InvalidArgument(f"PBM {what} of {j - i} digits is too large; at most "
                                  f"{LIMITS['grid_pixels'].value} pixels are read")
        sizes.append(int(digits))
        i = j
        if what == "width":
            k = _pbm_skip(data, i)
            if k == i:
                found = "the end of the file" if i >= size else repr(data[i:i + 1])[1:]
                raise InvalidArgument(f"PBM width must be followed by whitespace, found {found}")
            i = k
    w, h = sizes
    for what, value in (("width", w), ("height", h)):
        if value < 1:
            raise InvalidArgument(f"PBM {what} must be at least 1, got {value}")
    cap = LIMITS["grid_pixels"].value
    if w * h > cap:
        raise InvalidArgument(f"PBM of {w}x{h} has {w * h} pixels; exactorbit handles at most {cap}")
    grid = Grid(h, w)
    # the height ends with one whitespace byte (a comment ending in CR/LF counts as one)
    if i < size and data[i:i + 1] == b"#":
        while i < size and data[i:i + 1] not in (b"\n", b"\r"):
            i += 1
    if i >= size or data[i:i + 1] not in (b" ", b"\t", b"\r", b"\n"):
        found = "the end of the file" if i >= size else repr(data[i:i + 1])[1:]
        raise InvalidArgument(f"PBM {kind} needs {'one whitespace byte' if kind == 'P4' else 'whitespace'} "
                              f"after the height, found {found}")
    i += 1
    if kind == "P1":
        bits = bytearray()
        while len(bits) < grid.n:
            i = _pbm_skip(data, i)
            if i >= size:
                raise InvalidArgument(f"PBM holds {len(bits)} pixels; the header says {w}x{h} = {grid.n}")
            byte = data[i]
            if byte not in (48, 49):
                raise InvalidArgument(f"PBM pixel {len(bits) + 1} is {repr(bytes([byte]))[1:]}; "
                                      "P1 pixels are '0' or '1'")
            bits.append(byte - 48)
            i += 1
        k = _pbm_skip(data, i, comments=False)
        if k < size:
            raise InvalidArgument(f"PBM has {repr(data[k:k + 1])[1:]} at byte {k} after the {grid.n} pixels "
                                  "its header declares; only whitespace may follow")
        return _mask_from_bits(bits), grid
    row_bytes = (w + 7) // 8
    if size - i != row_bytes * h:
        raise InvalidArgument(f"PBM P4 of {w}x{h} needs exactly {row_bytes * h} raster bytes after the header, "
                              f"the file holds {size - i} raster bytes")
    raw = np.frombuffer(data, dtype=np.uint8, offset=i)
    bits = np.unpackbits(raw.reshape(h, row_bytes), axis=1)[:, :w]  # padding bits ignored (Netpbm spec)
    return _mask_from_bits(bits.reshape(-1).tobytes()), grid


def _mask_from_bits(bits):
    """The int mask of a sequence of 0/1 bytes (pixel p is bits[p])."""
    packed = np.packbits(np.frombuffer(bytes(bits), dtype=np.uint8), bitorder="little")
    return int.from_bytes(packed.tobytes(), "little")


def is_array_image(value: object) -> bool:
    """Whether ``value`` looks like a 2-d array image (a numpy array of dimension 2, or a list of rows).

    >>> is_array_image([[1, 0]]), is_array_image((1, 2)), is_array_image(5)
    (True, False, False)
    """
    if isinstance(value, np.ndarray):
        return value.ndim == 2
    return (isinstance(value, (list, tuple)) and len(value) > 0
            and all(isinstance(row, (list, tuple, np.ndarray)) for row in value))


def to_arrays(masks: Sequence[int], grid: str | Grid) -> NDArray[np.uint8]:
    """Many images as one numpy 0/1 array of shape (N, h, w), dtype uint8 (e.g. an orbit, for a batch).

    >>> to_arrays([1, 2], Grid(1, 2)).tolist()
    [[[1, 0]], [[0, 1]]]
    """
    grid = parse_grid(grid)
    masks = [check_mask(f"masks[{k}]", m, grid.n) for k, m in enumerate(check_items("masks", masks))]
    out = np.zeros((len(masks), grid.n), dtype=np.uint8)
    for k, m in enumerate(masks):
        # bytes of the mask, little-endian, unpacked to bits: pixel i is bit i
        raw = np.frombuffer(m.to_bytes((grid.n + 7) // 8, "little"), dtype=np.uint8)
        out[k] = np.unpackbits(raw, bitorder="little")[: grid.n]
    return out.reshape(len(masks), grid.h, grid.w)


def from_array(array: ArrayLike) -> tuple[int, Grid]:
    """Mask and grid of a 0/1 (or boolean) array of shape (h, w).

    >>> from_array([[1, 0], [0, 1]])
    (9, Grid(h=2, w=2))
    """
    try:
        arr = np.asarray(array)
    except (ValueError, TypeError):  # ragged nested lists
        raise InvalidArgument(f"array must be a rectangular 2-d array of 0/1, got {describe(array)}") from None
    if arr.dtype == object or arr.dtype.kind not in "biuf":
        # never echo the array: its repr spans lines (complex, str, structured, datetime64 dtypes)
        raise InvalidArgument(f"array must hold only 0 and 1 (or booleans) in a bool, int or float dtype, got "
                              f"a {_shape_text(arr.shape)} array of dtype {clip(str(arr.dtype), 60)}")
    if arr.ndim != 2 or arr.size == 0:
        raise InvalidArgument(f"array must be 2-dimensional and non-empty, got shape {clip(str(arr.shape), 60)}")
    good = np.isin(arr, (0, 1))
    if not good.all():
        r, c = (int(k) for k in np.argwhere(~good)[0])
        raise InvalidArgument(f"array must hold only 0 and 1 (or booleans), got {short(arr[r, c].item(), 30)} "
                              f"at row {r}, column {c}")
    cap = LIMITS["grid_pixels"].value
    if arr.size > cap:
        raise InvalidArgument(f"array of shape {arr.shape} has {arr.size} pixels; exactorbit handles at most {cap}")
    grid = Grid(*arr.shape)
    mask = 0
    for i, bit in enumerate(arr.reshape(-1).tolist()):
        if bit:
            mask |= 1 << i
    return mask, grid


def _shape_text(shape):
    """``'2x3'`` for a shape (``'0-d'`` for a scalar), clipped."""
    return clip("x".join(map(str, shape)) or "0-d", 40)


def images_svg(masks: Iterable[int], grid: str | Grid, *, cell: int = 12, gap: int = 6) -> str:
    """SVG drawing of a row of images (e.g. an orbit).

    >>> images_svg([1, 2], Grid(1, 2)).startswith('<svg')
    True
    """
    grid = parse_grid(grid)
    if (isinstance(masks, (str, bytes)) or not hasattr(masks, "__iter__")
            or (isinstance(masks, np.ndarray) and masks.ndim == 0)):
        raise InvalidArgument(f"masks must be a list of image masks, got {describe(masks)}")
    masks = list(masks)
    cell, gap = check_int("cell", cell, min_value=1, max_value=64), check_int("gap", gap, min_value=0, max_value=256)
    width = max(1, len(masks)) * (grid.w * cell + gap) - gap
    height = grid.h * cell
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width + 2}" height="{height + 2}" '
        f'viewBox="-1 -1 {width + 2} {height + 2}">'
    ]
    for k, mask in enumerate(masks):
        mask = check_mask("mask", mask, grid.n)
        x0 = k * (grid.w * cell + gap)
        parts.append(
            f'<rect x="{x0}" y="0" width="{grid.w * cell}" height="{height}" '
            'fill="white" stroke="#888" stroke-width="1"/>'
        )
        for i in range(grid.n):
            if mask >> i & 1:
                r, c = divmod(i, grid.w)
                parts.append(
                    f'<rect x="{x0 + c * cell}" y="{r * cell}" width="{cell}" '
                    f'height="{cell}" fill="black"/>'
                )
    parts.append("</svg>")
    return "".join(parts)


def image_svg(mask: int, grid: str | Grid, *, cell: int = 12) -> str:
    """SVG drawing of one image.

    >>> '<rect' in image_svg(1, Grid(1, 1))
    True
    """
    return images_svg([mask], grid, cell=cell)


@dataclass(frozen=True)
class Image:
    """An image mask together with its grid; shows itself as text and as SVG.

    >>> im = Image.parse("#./.#")
    >>> im.mask, str(im)
    (9, '#./.#')
    """

    grid: Grid
    mask: int

    def __post_init__(self) -> None:
        object.__setattr__(self, "grid", parse_grid(self.grid))
        object.__setattr__(self, "mask", check_mask("mask", self.mask, self.grid.n))

    @classmethod
    def parse(cls, text: str, grid: str | Grid | None = None) -> Image:
        """Parse a text image (see :func:`parse_image`)."""
        if grid is None:
            mask, grid = parse_image(text)
        else:
            mask = parse_image(text, grid)
        return cls(parse_grid(grid), mask)

    def __str__(self) -> str:
        return render_text(self.mask, self.grid)

    def to_array(self) -> NDArray[np.uint8]:
        """The image as a (h, w) 0/1 numpy array."""
        return to_array(self.mask, self.grid)

    def _repr_svg_(self):
        return image_svg(self.mask, self.grid)


def colouring(x: int | tuple[int, ...], n: int) -> NDArray[np.int64]:
    """The colouring of n pixels by an image (int mask) or a tuple of masks: an int64 array of length n.

    Pixel p gets colour [p in x]; for a tuple (x_0, x_1, ...) the bit vector of its
    memberships, bit j for x_j.  A group element fixes the point iff it keeps
    every pixel's colour (the diagonal action on tuples).

    >>> colouring(0b101, 3).tolist(), colouring((0b011, 0b110), 3).tolist()
    ([1, 0, 1], [1, 3, 2])
    """
    n = check_int("number of pixels n", n, min_value=0, max_value=LIMITS["grid_pixels"].value)
    if isinstance(x, tuple):
        if len(x) > 62:
            raise InvalidArgument(f"a tuple of at most 62 images has a colouring, got {len(x)} images")
        out = np.zeros(n, dtype=np.int64)
        for j, m in enumerate(x):
            out |= colouring(m, n) << j
        return out
    mask = check_mask("image", x, n)
    bits = np.frombuffer(mask.to_bytes((n + 7) // 8, "little"), dtype=np.uint8)
    return np.unpackbits(bits, bitorder="little")[:n].astype(np.int64)


def to_mask(bits: ArrayLike) -> int:
    """The int mask of a 0/1 array (pixel p is bit p).

    >>> to_mask([1, 0, 1]), to_mask(np.array([True, True]))
    (5, 3)
    """
    if not (isinstance(bits, np.ndarray) and bits.dtype in (np.uint8, np.bool_)):
        if isinstance(bits, (str, bytes)) or not hasattr(bits, "__len__"):
            raise InvalidArgument(f"bits must be a 1-d array of 0/1, got {describe(bits)}")
        try:
            arr = np.asarray(bits)
        except (ValueError, TypeError, OverflowError):
            raise InvalidArgument(f"bits must be a 1-d array of 0/1, got {describe(bits)}") from None
        if arr.dtype.kind not in "biu" or (arr.size and (arr.min() < 0 or arr.max() > 1)):
            raise InvalidArgument(f"bits must be a 1-d array of 0/1, got {describe(bits)}")
        bits = arr.astype(np.uint8)
    elif bits.dtype == np.uint8 and bits.size and bits.max() > 1:  # the fast path still checks the values
        raise InvalidArgument(f"bits must be a 1-d array of 0/1, got values up to {int(bits.max())}")
    if bits.ndim != 1:
        raise InvalidArgument(f"bits must be a 1-d array of 0/1, got shape {clip(str(bits.shape), 40)}")
    packed = np.packbits(bits, bitorder="little")
    return int.from_bytes(packed.tobytes(), "little")
