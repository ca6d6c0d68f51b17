"""An equivariance kit for property-testing your own code with exact pixel groups.

A pixel group acts on arrays whose two spatial axes are the grid (h, w) --
by default the last two, any leading batch or channel axes passing through --
exactly as :func:`exactorbit.actions.apply` acts on masks: element ``g`` moves
pixel ``p`` (pixel (r, c) is ``p = r*w + c``) to ``g[p]``.  The action only moves
entries, so it adds no rounding: for integer outputs the checks are exact, and
for float outputs the only error is the rounding inside ``f`` itself.

- :func:`assert_equivariant` checks ``f(g.x) == g.f(x)`` for every generator
  (or every element, or a random sample) of a group, :func:`assert_invariant`
  checks ``f(g.x) == f(x)``; both draw the failing case as text pictures and
  name the largest deviation.  Integer and bool outputs are compared exactly,
  float and complex ones within ``atol + rtol * |expected|`` (numpy's
  ``assert_allclose`` rule) with defaults set by the precision
  (:data:`DEFAULT_RTOL`).
- :func:`equivariance_error` returns the largest deviation instead of
  asserting (for a log, a plot or your own threshold).
- ``layout=`` names the axes of the arrays ``f`` sees, e.g. ``"NCHW"`` (a
  batch, then channels first) or ``"NHWC"`` (channels last, as in JAX).
- Inputs may be any array type with ``__array__``, ``reshape`` and numpy-style
  indexing (torch tensors, JAX arrays): ``g.x`` is built by indexing your own array, so
  ``f`` receives your type; its outputs are read through ``__array__``.

>>> import numpy as np
>>> from exactorbit.groups import translations
>>> G = translations("3x3")
>>> assert_equivariant(lambda x: 1 - x, G)           # pixelwise NOT: all 512 images, both shifts
>>> def zero_first_row(x):
...     y = x.copy(); y[..., 0, :] = 0; return y
>>> try:
...     assert_equivariant(zero_first_row, G)
... except AssertionError as exc:
...     print(str(exc).splitlines()[1])
generator 2 of 2, (0 3 6)(1 4 7)(2 5 8), on input 2 of 512 (every 0/1 image of the 3x3 grid):

Readable falsifying examples: hypothesis prints the drawn values with their
repr, and an int mask or a numpy array does not show its picture.  Rather than
give the strategies' values a picture repr (an ndarray subclass would leak into
the code under test: ``np.roll`` and friends return the subclass), call
:func:`note_image` inside the test; hypothesis prints the picture with the
final falsifying example only.
"""


from __future__ import annotations

from typing import Any
import math
import random as _random
from contextlib import contextmanager
from numbers import Integral, Real

import numpy as np

from ._validation import check_flag, clip, describe
from .errors import InvalidArgument
from ._perm.perms import cycle_string
from .groups import check_group
from .images import from_array, parse_grid, render_text, to_array
from collections.abc import Sequence

__all__ = [
    "DEFAULT_RTOL",
    "apply_to_array",
    "assert_equivariant",
    "assert_invariant",
    "equivariance_error",
    "note_image",
    "picture",
]

#: Longest cycle notation a failure message quotes (a 28x28 shift has 784 points in 28 cycles).
CYCLES_SHOWN = 300
#: Differing positions a failure message lists.
POSITIONS_SHOWN = 8
#: Largest side of a panel drawn as a picture (0/1) or as numbers.
PICTURE_SIDE = 64
NUMBER_SIDE = 16
#: Widest line of panels side by side in a failure message; more panels go on the next rows.
REPORT_WIDTH = 120
#: Default relative tolerance of the checks by the precision of f's outputs (bytes of one real
#: component): float16 1e-2, float32 1e-5, float64 (and longer) 1e-10; integer, bool and other
#: outputs are compared exactly.  The default absolute tolerance is rtol times the largest
#: magnitude of the expected output, so that rounding in near-zero entries of a sum of large
#: terms passes.  Measured on FFT circular convolutions (numpy.fft, 3x3 kernels on 6x6 to 64x64
#: grids, 1 to 16 channels, outputs up to ~60): deviations up to 1.5e-5 in float32 and 2.9e-14
#: in float64, below 1e-6 and 1e-15 of the output's scale; a wrong layer misses by O(1) of it.
DEFAULT_RTOL = {2: 1e-2, 4: 1e-5, 8: 1e-10}


# --------------------------------------------------------------------------
# the action on arrays


def _inverse_index(g, n=None, name="g"):
    """The inverse of the array-form permutation ``g`` as an intp array (checked, vectorised)."""
    if isinstance(g, (list, tuple)) and any(type(v) is bool for v in g):
        raise InvalidArgument(f"{name} must be a permutation in array form (ints, not bools), got {describe(g)}")
    try:
        perm = np.asarray(g)
    except (TypeError, ValueError, OverflowError, RecursionError):
        perm = None
    if perm is None or perm.ndim != 1 or perm.dtype.kind not in "iu":
        raise InvalidArgument(f"{name} must be a permutation in array form (a tuple of ints), got {describe(g)}")
    size = perm.shape[0]
    if n is not None and size != n:
        raise InvalidArgument(f"{name} must permute the {n} pixels of the array's last two axes, "
                              f"got a permutation of {size} points: {describe(g)}")
    if size and (perm.min() < 0 or perm.max() >= size):
        raise InvalidArgument(f"{name} is not a permutation of 0..{size - 1}: {describe(g)}")
    perm = perm.astype(np.intp, copy=False)
    hit = np.zeros(size, dtype=bool)
    hit[perm] = True
    if not hit.all():
        raise InvalidArgument(f"{name} is not a permutation of 0..{size - 1} (repeated points): {describe(g)}")
    inv = np.empty(size, dtype=np.intp)
    inv[perm] = np.arange(size, dtype=np.intp)
    return inv


def _as_image_array(array, name="array"):
    if isinstance(array, np.ndarray):
        return array
    try:
        arr = np.asarray(array)
    except (TypeError, ValueError, OverflowError, RecursionError):  # ragged or deeply nested lists
        raise InvalidArgument(f"{name} must be an array whose last two axes are (h, w), got {describe(array)}") from None
    return arr


def _ndim(value):
    """``np.ndim(value)``, or None for a ragged or too deeply nested value."""
    try:
        return np.ndim(value)
    except (TypeError, ValueError, OverflowError, RecursionError):
        return None


def _gather(inv, arr):
    """``arr`` with its flattened last two axes gathered by ``inv`` (no checks)."""
    lead, (h, w) = arr.shape[:-2], arr.shape[-2:]
    return arr.reshape(lead + (h * w,))[..., inv].reshape(arr.shape)


def apply_to_array(g: Sequence[int], array: Any, grid: Any = None) -> Any:
    """The array ``g.x``: pixel p of the last two axes (p = r*w + c) moves to g[p]; leading axes are kept.

    The same action as :func:`exactorbit.actions.apply` on masks: for a 0/1
    image, ``from_array(apply_to_array(g, to_array(x, grid)))[0] == apply(g, x)``.
    Entry q of the result is entry g^-1(q) of the input (one fancy-indexing
    gather, any dtype; a new array).  ``grid`` (a Grid or "HxW"), when given,
    is checked against the last two axes.

    >>> from exactorbit.groups import translations
    >>> shift_right, shift_down = translations("2x3").generators
    >>> apply_to_array(shift_right, np.arange(6).reshape(2, 3)).tolist()   # (r, c) -> (r, c+1)
    [[2, 0, 1], [5, 3, 4]]
    >>> apply_to_array(shift_down, np.zeros((5, 4, 2, 3))).shape           # batch and channel axes kept
    (5, 4, 2, 3)
    >>> apply_to_array(shift_right, np.zeros((3, 2)), grid="2x3")     # a transposed array: pass grid to catch it
    Traceback (most recent call last):
    ...
    exactorbit.errors.InvalidArgument: array's last two axes (3, 2) do not match the grid 2x3
    """
    arr = _as_image_array(array)
    if arr.ndim < 2:
        raise InvalidArgument(f"array must have at least 2 axes, the last two (h, w), got shape {arr.shape}")
    shape = arr.shape[-2:]
    if grid is not None:
        grid = parse_grid(grid)
        if shape != grid.shape:
            raise InvalidArgument(f"array's last two axes {shape} do not match the grid {grid}")
    pixels = shape[0] * shape[1]
    if isinstance(g, (list, tuple, np.ndarray)) and _ndim(g) == 1 and len(g) != pixels:
        raise InvalidArgument(f"g permutes {len(g)} points, but the array's last two axes {shape} hold {pixels} pixels")
    return _gather(_inverse_index(g, pixels), arr)


# --------------------------------------------------------------------------
# pictures


def _binary(a):
    if a.dtype.kind == "b":
        return True
    if a.dtype.kind not in "iuf" or a.size == 0:
        return False
    return bool(np.isin(a, (0, 1)).all())


def _value_text(v, digits=6):
    v = v.item() if isinstance(v, np.generic) else v
    if isinstance(v, float):
        return format(v, f".{digits}g")
    return clip(repr(v) if not isinstance(v, (int, str)) else str(v), 12)


def _fixed_cells(a, digits):
    """Float cells with one number of decimals (``digits`` significant ones for the largest), or None."""
    finite = np.abs(a[np.isfinite(a)])
    scale = float(finite.max()) if finite.size else 0.0  # float-ok: measuring float code
    if not 1e-3 <= scale < 1e5:
        return None
    decimals = max(0, digits - 1 - math.floor(math.log10(scale)))
    shown = lambda v: format(float(v), f".{decimals}f")  # noqa: E731  # float-ok: display only
    return [[shown(v) if np.isfinite(v) else _value_text(v) for v in row] for row in a]


def _lines(a, digits=6, compact=False):
    """Text lines of a 0-, 1- or 2-d array: a picture when 0/1, else its numbers (floats to ``digits``
    significant digits; with ``compact``, a 2-d float array with one number of decimals), else its shape."""
    a = np.asarray(a)
    if a.ndim == 0:
        return [_value_text(a[()], digits)]
    if a.ndim == 1:
        return [clip(" ".join(_value_text(v, digits) for v in a[:40]), 80)]
    if a.ndim > 2:
        return [f"(shape {a.shape}: not drawn)"]
    h, w = a.shape
    if a.size == 0:
        return [f"({h}x{w}: empty)"]
    if _binary(a) and h <= PICTURE_SIDE and w <= PICTURE_SIDE:
        mask, grid = from_array(a.astype(np.uint8))
        return render_text(mask, grid, sep="\n").split("\n")
    if h <= NUMBER_SIDE and w <= NUMBER_SIDE:
        cells = _fixed_cells(a, digits) if compact and a.dtype.kind == "f" else None
        cells = cells or [[_value_text(v, digits) for v in row] for row in a]
        width = max(len(c) for row in cells for c in row)
        return [" ".join(c.rjust(width) for c in row) for row in cells]
    return [f"({h}x{w} {a.dtype}: not drawn)"]


def _side_by_side(panels, gap="   "):
    """Join (title, lines) panels side by side, each padded to its widest line."""
    widths = [max([len(t)] + [len(s) for s in lines]) for t, lines in panels]
    depth = max(len(lines) for _, lines in panels)
    rows = [gap.join(t.ljust(wd) for (t, _), wd in zip(panels, widths)).rstrip()]
    for r in range(depth):
        rows.append(gap.join((lines[r] if r < len(lines) else "").ljust(wd)
                             for (_, lines), wd in zip(panels, widths)).rstrip())
    return "\n".join(rows)


def picture(image, grid=None):
    """Text picture of a mask (with its grid) or of an array whose last two axes are (h, w).

    0/1 arrays are drawn with ``#`` and ``.`` (:func:`exactorbit.images.render_text`),
    other arrays as their numbers; leading axes give one labelled panel per slice.

    >>> print(picture(0b100011, "2x3"))
    ##.
    ..#
    >>> print(picture(np.arange(8).reshape(2, 2, 2) % 2))
    [0]   [1]
    .#    .#
    .#    .#
    """
    if grid is not None and not isinstance(image, np.ndarray) and _ndim(image) == 0:
        grid = parse_grid(grid)
        return render_text(image, grid, sep="\n")
    arr = _as_image_array(image, "image")
    if grid is not None:
        grid = parse_grid(grid)
        if arr.shape[-2:] != grid.shape:
            raise InvalidArgument(f"image's last two axes {arr.shape[-2:]} do not match the grid {grid}")
    if arr.ndim < 2:
        raise InvalidArgument(f"image must be a mask with its grid, or an array whose last two axes are (h, w), "
                              f"got {describe(image)}")
    if arr.ndim == 2:
        return "\n".join(_lines(arr))
    lead = list(np.ndindex(arr.shape[:-2]))
    blocks = []
    for start in range(0, len(lead), 8):
        panels = [(f"[{', '.join(map(str, k))}]", _lines(arr[k])) for k in lead[start:start + 8]]
        blocks.append(_side_by_side(panels))
    if len(lead) > 64:
        blocks = blocks[:8] + [f"... ({len(lead)} slices in all)"]
    return "\n\n".join(blocks)


def note_image(image, grid=None, *, label=None):
    """Record the text picture of an image with ``hypothesis.note``; return the text.

    ``image`` is a mask (pass its ``grid``) or an array whose last two axes are
    (h, w).  Hypothesis prints notes with the final falsifying example only, so
    the failing image is shown as a picture next to its mask or array.  Outside
    a hypothesis test nothing is recorded; the text is still returned.

    >>> print(note_image(0b1001, "2x2", label="x"))
    x:
    #.
    .#
    """
    text = picture(image, grid)
    if label is not None:
        text = f"{label}:\n{text}"
    from hypothesis import note
    from hypothesis.errors import InvalidArgument as NotInATest

    try:
        note(text)
    except NotInATest:  # not inside a hypothesis test: nothing to record
        pass
    return text


# --------------------------------------------------------------------------
# the arguments of the checks


_LAYOUT_HELP = ("a string of axis letters with H just before W, e.g. 'NCHW', 'NHWC', 'CHW' or 'HWC' "
                "(N: the batch, C: channels, any other capital: an axis that passes through)")
_AXIS_WORDS = {"N": "image", "C": "channel", "H": "row", "W": "column"}


def _check_layout(layout):
    if layout is None:
        return None
    if (not isinstance(layout, str) or not layout.isascii() or not layout.isalpha() or not layout.isupper()
            or len(set(layout)) != len(layout) or "HW" not in layout):
        raise InvalidArgument(f"layout must be None (the last two axes are (h, w)) or {_LAYOUT_HELP}, "
                              f"got {describe(layout)}")
    return layout


def _check_tolerance(name, value):
    if value is None:
        return None
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, Real):
        raise InvalidArgument(f"{name} must be None (the default for the outputs' dtype) or a real number >= 0, "
                              f"got {describe(value)}")
    try:
        number = float(value)  # float-ok: measuring float code
    except (OverflowError, ValueError):
        number = math.inf
    if not math.isfinite(number) or number < 0:
        raise InvalidArgument(f"{name} must be a finite real number >= 0, got {describe(value)}")
    return number


def _check_seed(seed):
    if seed is None:
        return None
    if isinstance(seed, (bool, np.bool_)) or not isinstance(seed, Integral) or seed < 0:
        raise InvalidArgument(f"seed must be None or an int >= 0, got {describe(seed)}")
    return int(seed)


def _elements(group, elements, seed):
    """(the elements to check, the word that names them, a note on how they were chosen)."""
    if isinstance(elements, str) and elements == "generators":
        return list(group.generators), "generator", ""
    if isinstance(elements, str) and elements == "all":
        return group.elements(), "element", " (every element of the group)"
    if isinstance(elements, Integral) and not isinstance(elements, (bool, np.bool_)) and elements >= 1:
        order = group.order()
        if elements >= order:
            return group.elements(), "element", " (every element of the group)"
        rng, ranks = _random.Random(seed), set()
        while len(ranks) < elements:
            ranks.add(rng.randrange(order))
        return ([group.unrank(r) for r in sorted(ranks)], "element",
                f" ({int(elements)} of the {order} elements at random, seed={seed})")
    raise InvalidArgument(f"elements must be 'generators', 'all' or an int >= 1 (that many random elements), "
                          f"got {describe(elements)}")


# --------------------------------------------------------------------------
# arrays of any library: numpy, or any type with __array__, reshape and numpy-style indexing (torch, JAX)


def _foreign(x):
    """Whether ``x`` is an array of another library (it has ``__array__``, and is not numpy's)."""
    return not isinstance(x, (np.ndarray, np.generic, list, tuple)) and hasattr(x, "__array__")


def _to_numpy(y, what):
    """``y`` as a numpy array; a torch tensor is detached and moved to the CPU first (duck-typed)."""
    if isinstance(y, np.ndarray):
        return y
    try:
        if _foreign(y):
            if callable(getattr(y, "detach", None)):
                y = y.detach()
            if callable(getattr(y, "cpu", None)):
                y = y.cpu()
        return np.asarray(y)
    except (TypeError, ValueError, RuntimeError, AttributeError, OverflowError, RecursionError) as exc:
        raise InvalidArgument(f"{what} must be an array numpy can read (through __array__), "
                              f"got {describe(y)}: {clip(str(exc), 200)}") from None


def _shape(x, what):
    shape = getattr(x, "shape", None) if _foreign(x) else None
    if isinstance(shape, tuple) and all(isinstance(s, Integral) for s in shape):
        return tuple(int(s) for s in shape)
    return _to_numpy(x, what).shape


def _fresh(x):
    """A copy of ``x`` for f (f may write into its argument): ``copy()``, or ``clone()`` for torch."""
    if isinstance(x, np.ndarray):
        return x.copy()
    for name in ("clone", "copy"):
        method = getattr(x, name, None)
        if callable(method):
            return method()
    return x


def _dtype_of(x):
    """The numpy dtype of an input (a torch dtype by its name), or None when numpy has no such dtype."""
    if isinstance(x, np.ndarray):
        return x.dtype
    dtype = getattr(x, "dtype", None)
    for candidate in (dtype, str(dtype).rsplit(".", 1)[-1]):
        try:
            return np.dtype(candidate) if candidate is not None else None
        except (TypeError, ValueError):
            continue
    return None


def _h_axis(layout, ndim):
    """The axis of the rows (h) in an array of ``ndim`` axes laid out as ``layout``."""
    return ndim - 2 if layout is None else layout.index("H")


def _act(inv, x, h_axis, shape):
    """g.x in x's own library: the spatial axes flattened, one gather by ``inv`` (g's inverse), reshaped back.

    Only ``reshape`` and indexing by a tuple of slices and one 1-d integer array are used, which numpy,
    torch and JAX arrays all take.
    """
    flat = x.reshape(shape[:h_axis] + (shape[h_axis] * shape[h_axis + 1],) + shape[h_axis + 2:])
    return flat[(slice(None),) * h_axis + (inv,)].reshape(shape)


def _arrange(stack, layout):
    """A stack (count, h, w) laid out as ``layout``: N is the count (1 when absent), other letters axes of size 1."""
    a, dims = (stack, "NHW") if "N" in layout else (stack[0], "HW")
    for letter in layout:
        if letter not in dims:
            a, dims = a[..., None], dims + letter
    return np.ascontiguousarray(np.transpose(a, [dims.index(letter) for letter in layout]))


def _spatial_ok(shape, layout, grid):
    if layout is None:
        return len(shape) >= 2 and shape[-2:] == grid.shape
    h = layout.index("H")
    return len(shape) == len(layout) and shape[h:h + 2] == grid.shape


def _expected_shape(layout, grid):
    if layout is None:
        return f"last two axes {grid.shape}"
    return f"{len(layout)} axes laid out as {layout!r} with H, W = {grid.h}, {grid.w}"


# --------------------------------------------------------------------------
# the inputs


def _binary_images(grid, max_images, seed):
    """A (count, h, w) uint8 stack of 0/1 images, fewest on-pixels first, and its description."""
    n = grid.n
    if n < 63 and 2**n <= max_images:
        masks = np.arange(2**n, dtype=np.int64)
        bits = ((masks[:, None] >> np.arange(n)) & 1).astype(np.uint8)
        what = f"every 0/1 image of the {grid} grid"
    else:
        rng = np.random.default_rng(seed)
        fixed = ([np.zeros(n, np.uint8), np.ones(n, np.uint8)] + list(np.eye(n, dtype=np.uint8)))[:max_images]
        count = max_images - len(fixed)
        density = rng.random((count, 1))
        bits = np.concatenate([np.array(fixed, dtype=np.uint8).reshape(-1, n),
                               (rng.random((count, n)) < density).astype(np.uint8)])
        what = (f"a sample of {len(bits)} of the 0/1 images of the {grid} grid: empty, full, single pixels "
                f"and random ones (seed={seed}), fewest on-pixels first")
    bits = bits[np.argsort(bits.sum(axis=1), kind="stable")]  # fewest on-pixels first
    return bits.reshape(-1, grid.h, grid.w), what


def _given_arrays(images, layout, grid):
    """The inputs listed by one array (axis 0 lists them, unless the array is one input)."""
    shape = _shape(images, "images")
    one = len(shape) == (2 if layout is None else len(layout))
    if layout is None and len(shape) < 2:
        raise InvalidArgument(f"images must be an array of at least 2 axes (the last two: the {grid} grid), "
                              f"got {describe(images)}")
    if layout is not None and len(shape) not in (len(layout), len(layout) + 1):
        raise InvalidArgument(f"images must be one input laid out as {layout!r} ({len(layout)} axes) or a stack "
                              f"of them ({len(layout) + 1} axes), got an array of shape {shape}")
    return [images] if one else [images[k] for k in range(shape[0])]


def _inputs(group, images, max_images, dtype, seed, layout, shape_checked):
    """(list of inputs, description) for the checks; the inputs are numpy arrays or the caller's own arrays."""
    grid = group.grid
    if images is None:
        stack, what = _binary_images(grid, max_images, seed)
        stack = stack.astype(dtype, copy=False)
        if layout is None:
            return list(stack), what
        if "N" in layout:
            return [_arrange(stack, layout)], f"{what}, as one batch of {len(stack)} along N"
        return [_arrange(stack[k:k + 1], layout) for k in range(len(stack))], what
    if isinstance(images, np.ndarray) or _foreign(images):
        arrays = _given_arrays(images, layout, grid)
    elif isinstance(images, (str, bytes)) or not hasattr(images, "__iter__"):
        raise InvalidArgument(f"images must be None, an array (axis 0 lists the inputs) or a list of "
                              f"arrays or masks, got {describe(images)}")
    else:
        arrays = []
        for k, x in enumerate(images):
            if isinstance(x, (int, np.integer)) and not isinstance(x, (bool, np.bool_)):
                a = to_array(int(x), grid).astype(dtype, copy=False)
                arrays.append(a if layout is None else _arrange(a[None], layout))
            elif _foreign(x):
                arrays.append(x)
            else:
                arrays.append(_as_image_array(x, f"images[{k}]"))
    if not arrays:
        raise InvalidArgument(f"images must hold at least one input, got {describe(images)}")
    if shape_checked:
        for k, x in enumerate(arrays):
            shape = _shape(x, f"images[{k}]")
            if not _spatial_ok(shape, layout, grid):
                raise InvalidArgument(f"images[{k}] must have {_expected_shape(layout, grid)} (the group's {grid} "
                                      f"grid), got shape {shape}; pass input_transform= for other layouts")
    return arrays, f"the {len(arrays)} given input(s)"


def _default_transform(group, layout, inverses, what, hint):
    def transform(j, a):
        shape = _shape(a, what)
        if not _spatial_ok(shape, layout, group.grid):
            raise InvalidArgument(
                f"{what} has shape {shape}; the default transform acts on arrays with "
                f"{_expected_shape(layout, group.grid)} (the group's {group.grid} grid); {hint}")
        try:
            return _act(inverses[j], a, _h_axis(layout, len(shape)), shape)
        except (TypeError, ValueError, IndexError, KeyError, AttributeError, NotImplementedError) as exc:
            raise InvalidArgument(f"{what} ({describe(a)}) does not take numpy-style reshape and indexing "
                                  f"({clip(str(exc), 200)}); pass input_transform= and output_transform=") from None
    return transform


# --------------------------------------------------------------------------
# comparing f(g.x) with g.f(x): exact for integers, within a tolerance for floats


def _default_rtol(dtype):
    if dtype.kind == "f":
        return DEFAULT_RTOL.get(dtype.itemsize, DEFAULT_RTOL[8])
    if dtype.kind == "c":
        return DEFAULT_RTOL.get(dtype.itemsize // 2, DEFAULT_RTOL[8])
    return 0.0


def _differences(a, b):
    """Boolean array of the entries where a and b differ (same shape; NaN equals NaN)."""
    ne = np.asarray(a != b)
    if a.dtype.kind in "fc" and b.dtype.kind in "fc":
        ne &= ~(np.isnan(a) & np.isnan(b))
    return ne


class _Comparison:
    """f(g.x) (``actual``) against g.f(x) or f(x) (``expected``): the entries out of tolerance and by how much.

    Entries are close when equal (NaN equals NaN, an infinity only itself) or when both are finite and
    ``|actual - expected| <= atol + rtol * |expected|``; exact (``!=``) when atol = rtol = 0.
    """

    def __init__(self, actual, expected, atol, rtol, in_dtype=None):
        self.actual, self.expected, self.in_dtype = actual, expected, in_dtype
        self.shapes_differ = actual.shape != expected.shape
        self.numeric = actual.dtype.kind in "biufc" and expected.dtype.kind in "biufc"
        self.integral = actual.dtype.kind in "biu" and expected.dtype.kind in "biu"
        self.rtol_default, self.atol_default = rtol is None, atol is None
        self.scale = 0.0
        self.dev = None
        if self.shapes_differ:
            self.rtol = self.atol = 0.0
            self.bad, self.failed, self.largest = None, True, math.inf
            return
        if not self.numeric:
            if atol or rtol:
                raise InvalidArgument(f"atol and rtol need numeric outputs; f returned dtypes {actual.dtype} "
                                      f"and {expected.dtype}")
            self.rtol = self.atol = 0.0
            self.bad = _differences(actual, expected)
        else:
            self._tolerate(atol, rtol)
        self.failed = bool(self.bad.any())
        self.largest = self._largest()

    def _tolerate(self, atol, rtol):
        a, b = self.actual, self.expected
        dtypes = [a.dtype, b.dtype] + ([self.in_dtype] if self.in_dtype is not None else [])
        self.rtol = rtol if rtol is not None else max(_default_rtol(d) for d in dtypes)
        work = np.result_type(a.dtype, b.dtype, np.float64)  # float-ok: measuring float code
        with np.errstate(all="ignore"):
            aw, bw = a.astype(work), b.astype(work)
            equal = ~_differences(a, b)
            finite = np.isfinite(bw)
            self.scale = float(np.abs(bw[finite]).max()) if finite.any() else 0.0  # float-ok: measuring float code
            self.atol = atol if atol is not None else self.rtol * self.scale
            self.dev = np.where(equal, 0.0, np.abs(aw - bw))
            if self.atol == 0 and self.rtol == 0:
                self.bad = ~equal
            else:
                self.allowed = self.atol + self.rtol * np.abs(bw)
                self.bad = ~(equal | (finite & np.isfinite(aw) & (self.dev <= self.allowed)))

    def _largest(self):
        if self.dev is None:
            return math.inf if self.failed else 0
        if self.dev.size == 0:
            return 0
        if np.isnan(self.dev).any():
            return math.nan
        index = np.unravel_index(int(np.argmax(self.dev)), self.dev.shape)
        return self.deviation_at(index)

    def deviation_at(self, index):
        """|actual - expected| at ``index``: an exact int for integer outputs."""
        if self.integral:
            return abs(int(self.actual[index]) - int(self.expected[index]))
        return float(self.dev[index])  # float-ok: measuring float code

    def worst(self):
        """The index of the entry out of tolerance with the largest deviation (a NaN first), or None."""
        if self.bad is None or not self.failed:
            return None
        if self.dev is None:
            return self.first()
        if not hasattr(self, "_worst"):
            key = np.where(self.bad, self.dev, -1.0)   # argmax picks a NaN first
            self._worst = tuple(int(i) for i in np.unravel_index(int(np.argmax(key)), key.shape))
        return self._worst

    def first(self):
        """The index of the first entry (C order) out of tolerance, or None."""
        if self.bad is None or not self.failed:
            return None
        return tuple(int(i) for i in np.argwhere(self.bad)[0])

    def tolerance_text(self, expected_name):
        if self.shapes_differ:
            return ""
        dtypes = " and ".join(sorted({str(self.actual.dtype), str(self.expected.dtype)}))
        if self.in_dtype is not None and _default_rtol(self.in_dtype) > max(_default_rtol(self.actual.dtype),
                                                                            _default_rtol(self.expected.dtype)):
            dtypes = f"{self.in_dtype} inputs and {dtypes}"
        if not self.numeric or (self.atol == 0 and self.rtol == 0):
            how = ("compared with ==" if not self.numeric else "pass atol= or rtol= to allow a difference"
                   if self.rtol_default and self.atol_default else "atol and rtol as passed")
            return f"tolerance: none, an exact comparison ({dtypes} outputs; {how})"
        rtol = f"rtol = {_num(self.rtol)}" + (f" (the default for {dtypes} outputs)" if self.rtol_default else "")
        atol = f"atol = {_num(self.atol)}" + (f" (the default: rtol * {_num(self.scale)}, the largest "
                                               f"|{expected_name}|)" if self.atol_default else "")
        return f"tolerance: |f(g.x) - {expected_name}| <= atol + rtol * |{expected_name}| with {rtol} and {atol}"


def _num(v):
    if isinstance(v, (int, np.integer)):
        return str(int(v))
    v = float(v)  # float-ok: measuring float code
    return "0" if v == 0 else format(v, ".3g")


def _entry_text(v):
    """An entry of an output, with enough digits to tell two nearby floats apart."""
    v = v.item() if isinstance(v, np.generic) else v
    if isinstance(v, float):
        return format(v, ".6g")
    if isinstance(v, complex):
        return format(v, ".6g")
    return _value_text(v)


def _pair_text(a, b):
    left, right = _entry_text(a), _entry_text(b)
    if left == right and isinstance(a, (float, np.floating)):  # float-ok: measuring float code
        left, right = repr(float(a)), repr(float(b))  # float-ok: measuring float code
    return f"{left} vs {right}"


# --------------------------------------------------------------------------
# the failure message


def _axis_names(layout, ndim):
    """A word for each axis of an output of ``ndim`` axes (None when unknown)."""
    if layout is not None and ndim == len(layout):
        return [_AXIS_WORDS.get(letter, f"axis {letter}") for letter in layout]
    if layout is not None and layout[0] == "N" and ndim >= 1:
        return ["image"] + [None] * (ndim - 1)
    if layout is None and ndim >= 2:
        return [None] * (ndim - 2) + ["row", "column"]
    return [None] * ndim


def _where_text(index, layout):
    words = [f"{name} {i}" for name, i in zip(_axis_names(layout, len(index)), index) if name is not None]
    return f"index {index}" + (f" ({', '.join(words)})" if words else "")


def _coordinates(index, out_ndim, layout):
    """The failing output entry's coordinates that carry over to other arrays: by axis letter, or leading axes."""
    if index is None:
        return {}
    if layout is not None and out_ndim == len(layout):
        return {letter: i for letter, i in zip(layout, index) if letter not in "HW"}
    if layout is not None and layout[0] == "N" and out_ndim >= 1:
        return {"N": index[0]}
    if layout is None and out_ndim >= 2:
        return {"lead": tuple(index[:-2])}
    return {}


def _plane(a, layout, coords):
    """The panel of ``a`` to draw at the failing entry's coordinates (0 where they do not carry over), and its label."""
    if layout is not None and a.ndim == len(layout):
        h = layout.index("H")
        index = tuple(slice(None) if letter in "HW" else min(coords.get(letter, 0), a.shape[axis] - 1)
                      for axis, letter in enumerate(layout))
        if a.size == 0:
            return np.zeros((0, 0), a.dtype), ""
        shown = index if h + 2 < a.ndim else index[:h]
        return a[index], ("[" + ", ".join(":" if isinstance(i, slice) else str(i) for i in shown) + "]"
                          if shown else "")
    prefix = ()
    if layout is not None and layout[0] == "N" and a.ndim >= 1 and a.shape[0]:
        prefix = (min(coords.get("N", 0), a.shape[0] - 1),)
        a = a[prefix]
    if a.ndim <= 2:
        return a, "[" + ", ".join(map(str, prefix)) + "]" if prefix else ""
    lead = coords.get("lead")
    k = lead if lead is not None and len(lead) == a.ndim - 2 and all(i < s for i, s in zip(lead, a.shape)) \
        else (0,) * (a.ndim - 2)
    return a[k], "[" + ", ".join(map(str, prefix + tuple(k))) + "]"


def _wrapped(panels, width=REPORT_WIDTH):
    """Panels side by side, in rows no wider than ``width`` (one panel per row at the least)."""
    rows, row = [], []
    for panel in panels:
        if row and max(len(line) for line in _side_by_side(row + [panel]).split("\n")) > width:
            rows.append(row)
            row = []
        row.append(panel)
    rows.append(row)
    return "\n\n".join(_side_by_side(r) for r in rows)


def _panels(case, names, layout):
    """The drawn panels of the failing case: x, g.x, f(g.x), g.f(x) (or f(x)) and the entries out of tolerance."""
    x, gx, cmp = case["x"], case["gx"], case["cmp"]
    left, right = cmp.actual, cmp.expected
    coords = _coordinates(cmp.first(), left.ndim, layout)
    panels = []
    for name, a in zip(names, (x, gx, left, right)):
        plane, suffix = _plane(a, layout, coords)
        panels.append((name + suffix, _lines(plane, digits=4, compact=True)))
    if not cmp.shapes_differ and left.ndim >= 2 and cmp.bad is not None:
        plane, _ = _plane(cmp.bad, layout, coords)
        if plane.ndim == 2 and plane.shape[0] <= PICTURE_SIDE and plane.shape[1] <= PICTURE_SIDE:
            panels.append(("differ", ["".join("X" if v else "." for v in row) for row in plane]))
    return panels


def _positions_text(cmp, names, layout):
    left, right = cmp.actual, cmp.expected
    if cmp.shapes_differ:
        return f"the shapes differ: {names[2]} has shape {left.shape}, {names[3]} has shape {right.shape}"
    where = np.argwhere(cmp.bad)
    shown = ", ".join(f"{tuple(int(i) for i in p)}: {_pair_text(left[tuple(p)], right[tuple(p)])}"
                      for p in where[:POSITIONS_SHOWN])
    more = ", ..." if len(where) > POSITIONS_SHOWN else ""
    exact = cmp.atol == 0 and cmp.rtol == 0
    names_of_axes = _axis_names(layout, left.ndim)
    axes = ""
    if left.ndim >= 2 and names_of_axes[-2:] == ["row", "column"] and layout is None:
        axes = ", index (..., row, column)"
    elif any(names_of_axes):
        axes = ", index (" + ", ".join(n or "..." for n in names_of_axes) + ")"
    return (f"{len(where)} of {left.size} entries differ{'' if exact else ' by more than the tolerance'} "
            f"({names[2]} vs {names[3]}{axes}): {shown}{more}")


def _report(title, case, worst, scan, names, layout):
    """The failure text: the header, the drawn case, its differing entries, the largest deviation, the tolerance."""
    cmp = case["cmp"]
    lines = [title, "", _wrapped(_panels(case, names, layout)), "", _positions_text(cmp, names, layout)]
    w = worst["cmp"]
    at = w.worst()
    if at is not None:
        allowed = ""
        if w.dev is not None and not (w.atol == 0 and w.rtol == 0):
            allowed = f"; allowed there: {_num(w.allowed[at])}"
        value = _num(w.deviation_at(at)) if w.dev is not None else f"(no magnitude: {w.actual.dtype} outputs)"
        lines.append(f"largest deviation: |{names[2]} - {names[3]}| = {value} at "
                     f"{worst['label']}, input {worst['k'] + 1}, {_where_text(at, layout)}: "
                     f"{_pair_text(w.actual[at], w.expected[at])}{allowed}")
    elif w.shapes_differ and w is not cmp:
        lines.append(f"largest deviation: the shapes differ at {worst['label']}, input {worst['k'] + 1}")
    tolerance = w.tolerance_text(names[3])
    if tolerance:
        lines.append(tolerance)
    lines.append(scan)
    return "\n".join(lines)


@contextmanager
def _context(text):
    """Add ``text`` as a note to an exception raised by the caller's code (f or a transform)."""
    try:
        yield
    except Exception as exc:
        if hasattr(exc, "add_note"):
            exc.add_note(f"exactorbit.testing: {text}")
        raise


def _generator_text(g):
    cycles = cycle_string(g)
    if len(cycles) > CYCLES_SHOWN:
        cycles = cycles[:CYCLES_SHOWN] + f"... ({cycles.count('(')} cycles)"
    return cycles


# --------------------------------------------------------------------------
# the checks


def _setup(f, group, opts, invariant):
    """Validated arguments: (group, elements, their word and note, inputs, description, move_in, move_out, tol)."""
    group = check_group(group)
    if not callable(f):
        raise InvalidArgument(f"f must be a callable, got {describe(f)}")
    for name in ("input_transform", "output_transform"):
        t = opts.get(name)
        if t is not None and not callable(t):
            raise InvalidArgument(f"{name} must be None or a callable t(g, array), got {describe(t)}")
    max_images = opts["max_images"]
    if isinstance(max_images, bool) or not isinstance(max_images, (int, np.integer)) or max_images < 1:
        raise InvalidArgument(f"max_images must be an int >= 1, got {describe(max_images)}")
    try:
        dtype = np.dtype(opts["dtype"])
    except (TypeError, ValueError):
        raise InvalidArgument(f"dtype must be a numpy dtype, got {describe(opts['dtype'])}") from None
    atol, rtol = _check_tolerance("atol", opts["atol"]), _check_tolerance("rtol", opts["rtol"])
    layout, seed = _check_layout(opts["layout"]), _check_seed(opts["seed"])
    elements, word, note = _elements(group, opts["elements"], seed)
    inverses = [_inverse_index(g, group.n, "element") for g in elements]
    into, out_of = opts.get("input_transform"), opts.get("output_transform")
    arrays, what = _inputs(group, opts["images"], int(max_images), dtype, seed, layout, into is None)
    default_in = _default_transform(group, layout, inverses, "an input", "pass input_transform= for other inputs")
    default_out = _default_transform(group, layout, inverses, "f(x)",
                                     "pass output_transform= for other outputs, or use assert_invariant")
    move_in = default_in if into is None else (lambda j, a: into(elements[j], a))
    move_out = default_out if out_of is None else (lambda j, a: out_of(elements[j], a))
    return group, elements, word, note, arrays, what, move_in, move_out, (atol, rtol), layout


def _scan(f, group, opts, invariant):
    """Run every check: (first failing case or None, worst failing case, largest deviation, counts, context)."""
    group, elements, word, note, arrays, what, move_in, move_out, (atol, rtol), layout = \
        _setup(f, group, opts, invariant)
    first = worst = None
    largest, failing, done, stopped = 0, 0, 0, ""
    cycles = [_generator_text(g) for g in elements]
    for k, x in enumerate(arrays):
        try:
            with _context(f"while computing f(x) on input {k + 1} of {len(arrays)} ({what})"):
                fx = _to_numpy(f(_fresh(x)), "f(x)")
            in_dtype = _dtype_of(x)
            for j in range(len(elements)):
                where = (f"{word} {j + 1} of {len(elements)}, {cycles[j]}, "
                         f"on input {k + 1} of {len(arrays)} ({what})")
                with _context(f"while checking {where}"):
                    gx = move_in(j, x)
                    fgx = _to_numpy(f(_fresh(gx)), "f(g.x)")
                    expected = fx if invariant else _to_numpy(move_out(j, fx), "g.f(x)")
                    cmp = _Comparison(fgx, expected, atol, rtol, in_dtype)
                done += 1
                if cmp.largest != cmp.largest or (largest == largest and cmp.largest > largest):
                    largest = cmp.largest
                if cmp.failed:
                    failing += 1
                    case = {"k": k, "x": x, "gx": gx, "cmp": cmp, "where": where, "label": f"{word} {j + 1}"}
                    first = first or case
                    if worst is None or _worse(cmp, worst["cmp"]):
                        worst = case
        except Exception as exc:
            if first is None:
                raise
            stopped = f" (the scan stopped at input {k + 1}: {type(exc).__name__}: {clip(str(exc), 120)})"
            break
    return first, worst, largest, (failing, done, stopped), (group, elements, word, note, arrays, layout)


def _worse(a, b):
    """Whether comparison ``a`` fails worse than ``b`` (a shape mismatch, then a NaN, then the larger deviation)."""
    def key(c):
        if c.shapes_differ:
            return (2, 0.0)
        at = c.worst()
        v = float(c.deviation_at(at)) if c.dev is not None else 0.0  # float-ok: measuring float code
        return (1, 0.0) if v != v else (0, v)
    return key(a) > key(b)


def _check(f, group, opts, invariant):
    __tracebackhide__ = True  # noqa: F841 - pytest shows the caller's line, not the kit's
    first, worst, _, (failing, done, stopped), (group, elements, word, note, arrays, layout) = \
        _scan(f, group, opts, invariant)
    if first is None:
        return
    first["x"], first["gx"] = _to_numpy(first["x"], "the input"), _to_numpy(first["gx"], "g.x")
    cmp = first["cmp"]
    exact = cmp.shapes_differ or cmp.atol == 0 and cmp.rtol == 0
    law = "f(g.x) == f(x)" if invariant else "f(g.x) == g.f(x)"
    if not exact:
        law += f" (within atol = {_num(cmp.atol)}, rtol = {_num(cmp.rtol)})"
    names = ("x", "g.x", "f(g.x)", "f(x)" if invariant else "g.f(x)")
    fname = clip(getattr(f, "__qualname__", None) or repr(f), 60)
    title = (f"{fname} is not {'invariant' if invariant else 'equivariant'} under {group.name} "
             f"(order {group.order()}): {law} fails for\n{first['where']}:")
    checks = f"{len(arrays)} input(s) x {len(elements)} {word}(s){note}"
    scan = (f"fails on {failing} of the {done} checks run{stopped}" if stopped else
            f"fails on {failing} of {done} checks ({checks})")
    raise AssertionError(_report(title, first, worst, scan, names, layout))


def _options(**kw):
    return kw


def assert_equivariant(f, group, *, images=None, max_images=1024, input_transform=None, output_transform=None,
                       dtype=np.uint8, seed=0, atol=None, rtol=None, layout=None, elements="generators"):
    """Check ``f(g.x) == g.f(x)`` for every generator g of ``group``: exactly, or within a tolerance for floats.

    Why generators suffice: every element of a finite group is a product
    g = s1 s2 ... sk of generators (no inverses needed: s^-1 = s^(m-1)).  If
    f(x.s) = f(x).s for each generator s and every input x of a set X closed
    under the generators, then by induction on k, applying the generator law
    to the input x.s1...s(k-1) (which lies in X) at each step,
    f(x.g) = f(x.s1...s(k-1)).sk = ... = f(x).g.  So with ``images=None`` on a
    grid whose 2^n 0/1 images number at most ``max_images`` (every 0/1 image:
    a set closed under any group) a pass proves equivariance on all binary
    inputs; on a sample or on given inputs it is evidence about those inputs.
    Within a tolerance the same steps bound the deviation for g by the sum of
    the k generators' tolerances (the action moves entries, it does not scale them).

    - ``f``: called on one input at a time (a copy); its output is read with
      ``numpy.asarray`` (a torch tensor is detached and moved to the CPU first).
    - ``images``: None (every 0/1 image of the group's grid when there are at most
      ``max_images``, else a sample of ``max_images``: empty, full, single pixels,
      then random densities from ``seed``; arrays of ``dtype``), or a list of
      inputs (arrays whose last two axes are (h, w), or int masks), or one array
      whose axis 0 lists the inputs (a 2-d array is one input, and so is an
      array of ``len(layout)`` axes, e.g. one batch, with ``layout``; or wrap
      one input in a list: ``images=[batch]``).  Arrays of other libraries (torch,
      JAX: anything with ``__array__``, ``reshape`` and indexing) are passed to
      ``f`` as they are, and ``g.x`` is built in their own library.
    - ``atol``, ``rtol``: entries are close when equal (NaN equals NaN) or
      ``|f(g.x) - g.f(x)| <= atol + rtol * |g.f(x)|``, numpy's
      ``assert_allclose`` rule.  ``rtol=None`` is :data:`DEFAULT_RTOL` of the
      least precise float among the input and the outputs (1e-5 for float32,
      1e-10 for float64), and 0 when they are all integer or bool (exact);
      ``atol=None`` is ``rtol`` times the largest ``|g.f(x)|``.  Pass
      ``atol=0, rtol=0`` for an exact check of floats.
    - ``layout``: None (the last two axes are (h, w), leading ones pass through)
      or the axis letters of each input and output, e.g. ``"NCHW"`` or
      ``"NHWC"``: the group acts on H and W, N and C pass through.  With N,
      an array given as ``images`` is one batch, ``f`` gets it whole, and the
      generated 0/1 images come as one batch (other letters: axes of size 1).
    - ``elements``: ``"generators"`` (default), ``"all"`` (every element:
      evidence for inputs not closed under the group) or an int k (k distinct
      random elements, from ``seed``).
    - ``input_transform(g, x)`` and ``output_transform(g, y)``: how g acts on
      inputs and on outputs; both default to the gather of
      :func:`apply_to_array` on the spatial axes (pass your own for, e.g.,
      outputs on another grid or channels that rotate with the picture).

    On failure an AssertionError names the generator (0-based cycle notation of
    :func:`exactorbit.groups.cycle_string`) and the input, and draws x, g.x,
    f(g.x), g.f(x) and the entries out of tolerance side by side (0/1 arrays
    as ``#``/``.`` pictures, others as numbers; with other axes, the plane of
    the first failing entry), then lists the failing entries, the largest
    deviation over every check (value, generator, input and index), the
    tolerance used and how many checks fail.

    >>> from exactorbit.groups import named_group
    >>> G = named_group("translations+dihedral", "3x3")
    >>> assert_equivariant(lambda x: x & np.roll(x, 1, axis=-1), named_group("translations", "3x3"))
    >>> assert_equivariant(np.transpose, G)
    Traceback (most recent call last):
    ...
    AssertionError: transpose is not equivariant under translations+dihedral (order 72): f(g.x) == g.f(x) fails for
    generator 1 of 4, (0 1 2)(3 4 5)(6 7 8), on input 2 of 512 (every 0/1 image of the 3x3 grid):
    <BLANKLINE>
    x     g.x   f(g.x)   g.f(x)   differ
    #..   .#.   ...      .#.      .X.
    ...   ...   #..      ...      X..
    ...   ...   ...      ...      ...
    <BLANKLINE>
    2 of 9 entries differ (f(g.x) vs g.f(x), index (..., row, column)): (0, 1): 0 vs 1, (1, 0): 1 vs 0
    largest deviation: |f(g.x) - g.f(x)| = 1 at generator 1, input 2, index (0, 1) (row 0, column 1): 0 vs 1
    tolerance: none, an exact comparison (uint8 outputs; pass atol= or rtol= to allow a difference)
    fails on 1968 of 2048 checks (512 input(s) x 4 generator(s))

    Floats are compared within a tolerance: an FFT convolution on the torus
    rounds differently for g.x and x, and passes.

    >>> kernel = np.zeros((4, 4)); kernel[:2, :2] = [[1.0, -2.0], [0.5, 3.0]]
    >>> conv = lambda x: np.fft.ifft2(np.fft.fft2(x) * np.fft.fft2(kernel)).real
    >>> x = np.random.default_rng(0).standard_normal((3, 4, 4))
    >>> assert_equivariant(conv, named_group("translations", "4x4"), images=x)
    """
    __tracebackhide__ = True  # noqa: F841
    _check(f, group, _options(images=images, max_images=max_images, input_transform=input_transform,
                              output_transform=output_transform, dtype=dtype, seed=seed, atol=atol, rtol=rtol,
                              layout=layout, elements=elements), invariant=False)


def assert_invariant(f, group, *, images=None, max_images=1024, input_transform=None, dtype=np.uint8, seed=0,
                     atol=None, rtol=None, layout=None, elements="generators"):
    """Check ``f(g.x) == f(x)`` for every generator g of ``group`` (arguments as in :func:`assert_equivariant`).

    Generators suffice for the same reason: f(x.s1...sk) = f(x.s1...s(k-1)) = ... = f(x)
    on a set of inputs closed under the generators.  ``f`` may return anything
    numpy compares (a scalar, a vector, an array); integer outputs are compared
    exactly, float ones within ``atol + rtol * |f(x)|`` (defaults as in
    :func:`assert_equivariant`).  The message draws x and g.x and shows both values.

    >>> from exactorbit.groups import named_group
    >>> G = named_group("translations+dihedral", "3x3")
    >>> assert_invariant(np.sum, G)                       # the number of on-pixels
    >>> assert_invariant(np.mean, G, dtype=np.float32)    # float-ok: float32 means, summed in another order
    >>> assert_invariant(lambda x: x[0, 0], G)
    Traceback (most recent call last):
    ...
    AssertionError: <lambda> is not invariant under translations+dihedral (order 72): f(g.x) == f(x) fails for
    generator 1 of 4, (0 1 2)(3 4 5)(6 7 8), on input 2 of 512 (every 0/1 image of the 3x3 grid):
    <BLANKLINE>
    x     g.x   f(g.x)   f(x)
    #..   .#.   0        1
    ...   ...
    ...   ...
    <BLANKLINE>
    1 of 1 entries differ (f(g.x) vs f(x)): (): 0 vs 1
    largest deviation: |f(g.x) - f(x)| = 1 at generator 1, input 2, index (): 0 vs 1
    tolerance: none, an exact comparison (uint8 outputs; pass atol= or rtol= to allow a difference)
    fails on 1024 of 2048 checks (512 input(s) x 4 generator(s))
    """
    __tracebackhide__ = True  # noqa: F841
    _check(f, group, _options(images=images, max_images=max_images, input_transform=input_transform,
                              output_transform=None, dtype=dtype, seed=seed, atol=atol, rtol=rtol, layout=layout,
                              elements=elements), invariant=True)


def equivariance_error(f, group, *, invariant=False, images=None, max_images=1024, input_transform=None,
                       output_transform=None, dtype=np.uint8, seed=0, layout=None, elements="generators"):
    """The largest ``|f(g.x) - g.f(x)|`` (or ``|f(g.x) - f(x)|`` with ``invariant=True``) over the checks.

    The same checks as :func:`assert_equivariant` (arguments alike), measured
    instead of asserted, as e3nn's ``equivariance_error`` does: an int when
    every output is an integer or bool array, else a float; NaN when a NaN
    meets a number, ``inf`` when the shapes differ (or non-numeric outputs differ).  Use it to log how far
    float code is from equivariant, or with your own threshold.

    >>> from exactorbit.groups import named_group
    >>> G = named_group("translations+dihedral", "3x3")
    >>> equivariance_error(np.transpose, G)
    1
    >>> equivariance_error(lambda x: 1 - x, G)
    0
    >>> x = np.random.default_rng(0).standard_normal((4, 3, 3)).astype(np.float32)   # float-ok
    >>> err = equivariance_error(lambda a: np.maximum(a, 0).mean(), G, images=x, invariant=True)
    >>> 0 <= err < 1e-6                                   # float32 rounding, nothing more
    True
    """
    check = check_flag("invariant", invariant)
    _, _, largest, *_ = _scan(f, group, _options(images=images, max_images=max_images,
                                                 input_transform=input_transform,
                                                 output_transform=None if check else output_transform,
                                                 dtype=dtype, seed=seed, atol=None, rtol=None, layout=layout,
                                                 elements=elements), invariant=check)
    return largest

