"""An equivariance kit for property-testing your own code with exact pixel groups.

A pixel group acts on numpy arrays whose last two axes are the grid (h, w), any
leading batch or channel axes and any dtype, exactly as :func:`exactorbit.actions.apply`
acts on masks: element ``g`` moves pixel ``p`` (pixel (r, c) is ``p = r*w + c``)
to ``g[p]``.  :func:`assert_equivariant` checks ``f(g.x) == g.f(x)`` exactly for
every generator of a group and draws the failing case as text pictures;
:func:`assert_invariant` checks ``f(g.x) == f(x)``.

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

from contextlib import contextmanager

import numpy as np

from ._validation import clip, describe
from .errors import InvalidArgument
from ._perm.perms import cycle_string
from .groups import check_group
from .images import from_array, parse_grid, render_text, to_array

__all__ = [
    "apply_to_array",
    "assert_equivariant",
    "assert_invariant",
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


def apply_to_array(g, array, grid=None):
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


def _value_text(v):
    v = v.item() if isinstance(v, np.generic) else v
    if isinstance(v, float):
        return format(v, ".6g")
    return clip(repr(v) if not isinstance(v, (int, str)) else str(v), 12)


def _lines(a):
    """Text lines of a 0-, 1- or 2-d array: a picture when 0/1, else its numbers, else its shape."""
    a = np.asarray(a)
    if a.ndim == 0:
        return [_value_text(a[()])]
    if a.ndim == 1:
        return [clip(" ".join(_value_text(v) for v in a[:40]), 80)]
    h, w = a.shape
    if a.size == 0:
        return [f"({h}x{w}: empty)"]
    if _binary(a) and h <= PICTURE_SIDE and w <= PICTURE_SIDE:
        mask, grid = from_array(a.astype(np.uint8))
        return render_text(mask, grid, sep="\n").split("\n")
    if h <= NUMBER_SIDE and w <= NUMBER_SIDE:
        cells = [[_value_text(v) for v in row] for row in a]
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
# the checks


def _inputs(group, images, max_images, dtype, seed, shape_checked):
    """(list of input arrays, description) for the checks."""
    grid = group.grid
    if images is None:
        n = grid.n
        if n < 63 and 2**n <= max_images:
            masks = np.arange(2**n, dtype=np.int64)
            bits = ((masks[:, None] >> np.arange(n)) & 1).astype(np.uint8)
            bits = bits[np.argsort(bits.sum(axis=1), kind="stable")]  # fewest on-pixels first
            what = f"every 0/1 image of the {grid} grid"
        else:
            rng = np.random.default_rng(seed)
            fixed = [np.zeros(n, np.uint8), np.ones(n, np.uint8)] + list(np.eye(n, dtype=np.uint8))
            fixed = fixed[:max_images]
            count = max_images - len(fixed)
            density = rng.random((count, 1))
            bits = np.concatenate([np.array(fixed, dtype=np.uint8).reshape(-1, n),
                                   (rng.random((count, n)) < density).astype(np.uint8)])
            bits = bits[np.argsort(bits.sum(axis=1), kind="stable")]  # fewest on-pixels first
            what = (f"a sample of {len(bits)} of the 0/1 images of the {grid} grid: empty, full, single pixels "
                    f"and random ones (seed={seed}), fewest on-pixels first")
        arrays = bits.reshape(-1, grid.h, grid.w).astype(dtype, copy=False)
        return list(arrays), what
    if isinstance(images, np.ndarray) and images.ndim < 2:
        raise InvalidArgument(f"images must be an array of at least 2 axes (the last two: the {grid} grid), "
                              f"got {describe(images)}")
    if isinstance(images, np.ndarray):
        arrays = [images] if images.ndim == 2 else list(images)
    elif isinstance(images, (str, bytes)) or not hasattr(images, "__iter__"):
        raise InvalidArgument(f"images must be None, an array (axis 0 lists the inputs) or a list of "
                              f"arrays or masks, got {describe(images)}")
    else:
        arrays = []
        for k, x in enumerate(images):
            if isinstance(x, (int, np.integer)) and not isinstance(x, (bool, np.bool_)):
                arrays.append(to_array(int(x), grid).astype(dtype, copy=False))
            else:
                arrays.append(_as_image_array(x, f"images[{k}]"))
    if shape_checked:
        for k, x in enumerate(arrays):
            if x.ndim < 2 or x.shape[-2:] != grid.shape:
                raise InvalidArgument(f"images[{k}] must have last two axes {grid.shape} (the group's {grid} grid), "
                                      f"got shape {x.shape}; pass input_transform= for other layouts")
    return arrays, f"the {len(arrays)} given input(s)"


def _default_transform(group, inv_of):
    def transform(g, a, what):
        a = np.asarray(a)
        if a.ndim < 2 or a.shape[-2:] != group.grid.shape:
            raise InvalidArgument(
                f"{what} has shape {a.shape}; the default transform acts on arrays whose last two axes are "
                f"{group.grid.shape} (the group's {group.grid} grid); pass a transform for other outputs, "
                f"or use assert_invariant")
        return _gather(inv_of[g], a)
    return transform


def _same(a, b):
    if a.shape != b.shape:
        return False
    nan = a.dtype.kind in "fc" and b.dtype.kind in "fc"
    return bool(np.array_equal(a, b, equal_nan=nan))


def _differences(a, b):
    """Boolean array of the entries where a and b differ (same shape; NaN equals NaN)."""
    ne = np.asarray(a != b)
    if a.dtype.kind in "fc" and b.dtype.kind in "fc":
        ne &= ~(np.isnan(a) & np.isnan(b))
    return ne


def _generator_text(g):
    cycles = cycle_string(g)
    if len(cycles) > CYCLES_SHOWN:
        cycles = cycles[:CYCLES_SHOWN] + f"... ({cycles.count('(')} cycles)"
    return cycles


def _slice_for(a, lead):
    """The 2-d panel of ``a`` at leading index ``lead`` (or the first one), and its label suffix."""
    if a.ndim <= 2:
        return a, ""
    k = lead if lead is not None and len(lead) == a.ndim - 2 and all(i < s for i, s in zip(lead, a.shape)) \
        else (0,) * (a.ndim - 2)
    return a[k], "[" + ", ".join(map(str, k)) + "]"


def _report(title, x, gx, left, right, names):
    """The failure text: a header, four panels side by side, then the differing positions."""
    lead = None
    positions = ""
    if left.shape != right.shape:
        positions = f"the shapes differ: {names[2]} has shape {left.shape}, {names[3]} has shape {right.shape}"
    else:
        diff = _differences(left, right)
        where = np.argwhere(diff)
        if left.ndim >= 2 and len(where):
            lead = tuple(int(i) for i in where[0][:-2])
        shown = ", ".join(
            f"{tuple(int(i) for i in p)}: {_value_text(left[tuple(p)])} vs {_value_text(right[tuple(p)])}"
            for p in where[:POSITIONS_SHOWN])
        more = ", ..." if len(where) > POSITIONS_SHOWN else ""
        positions = (f"{len(where)} of {left.size} entries differ ({names[2]} vs {names[3]}"
                     f"{', index (..., row, column)' if left.ndim >= 2 else ''}): {shown}{more}")
    panels = []
    for name, a in zip(names, (x, gx, left, right)):
        a2, suffix = _slice_for(a, lead)
        panels.append((name + suffix, _lines(a2)))
    if left.shape == right.shape and left.ndim >= 2:
        l2, _ = _slice_for(left, lead)
        r2, _ = _slice_for(right, lead)
        if l2.shape[0] <= PICTURE_SIDE and l2.shape[1] <= PICTURE_SIDE:
            d = _differences(l2, r2)
            panels.append(("differ", ["".join("X" if v else "." for v in row) for row in d]))
    return f"{title}\n\n{_side_by_side(panels)}\n\n{positions}"


@contextmanager
def _context(text):
    """Add ``text`` as a note to an exception raised by the caller's code (f or a transform)."""
    try:
        yield
    except Exception as exc:
        if hasattr(exc, "add_note"):
            exc.add_note(f"exactorbit.testing: {text}")
        raise


def _check(f, group, images, max_images, input_transform, output_transform, dtype, seed, invariant):
    group = check_group(group)
    if not callable(f):
        raise InvalidArgument(f"f must be a callable, got {describe(f)}")
    for name, t in (("input_transform", input_transform), ("output_transform", output_transform)):
        if t is not None and not callable(t):
            raise InvalidArgument(f"{name} must be None or a callable t(g, array), got {describe(t)}")
    if isinstance(max_images, bool) or not isinstance(max_images, (int, np.integer)) or max_images < 1:
        raise InvalidArgument(f"max_images must be an int >= 1, got {describe(max_images)}")
    try:
        dtype = np.dtype(dtype)
    except TypeError:
        raise InvalidArgument(f"dtype must be a numpy dtype, got {describe(dtype)}") from None
    inv_of = {g: _inverse_index(g, group.n, "generator") for g in group.generators}
    default = _default_transform(group, inv_of)
    move_in = (lambda g, a: default(g, a, "an input")) if input_transform is None else input_transform
    move_out = (lambda g, a: default(g, a, "f(x)")) if output_transform is None else output_transform
    arrays, what = _inputs(group, images, int(max_images), dtype, seed, input_transform is None)
    gens = group.generators
    for k, x in enumerate(arrays):
        with _context(f"while computing f(x) on input {k + 1} of {len(arrays)} ({what})"):
            fx = np.asarray(f(x.copy()))
        for j, g in enumerate(gens):
            with _context(f"while checking generator {j + 1} of {len(gens)}, {_generator_text(g)}, "
                          f"on input {k + 1} of {len(arrays)} ({what})"):
                gx = np.asarray(move_in(g, x))
                fgx = np.asarray(f(gx.copy()))
                expected = fx if invariant else np.asarray(move_out(g, fx))
            if not _same(fgx, expected):
                law = "f(g.x) == f(x)" if invariant else "f(g.x) == g.f(x)"
                names = ("x", "g.x", "f(g.x)", "f(x)" if invariant else "g.f(x)")
                fname = clip(getattr(f, "__qualname__", None) or repr(f), 60)
                title = (f"{fname} is not {'invariant' if invariant else 'equivariant'} under {group.name} "
                         f"(order {group.order()}): {law} fails for\n"
                         f"generator {j + 1} of {len(gens)}, {_generator_text(g)}, on input {k + 1} of "
                         f"{len(arrays)} ({what}):")
                raise AssertionError(_report(title, x, gx, fgx, expected, names))


def assert_equivariant(f, group, *, images=None, max_images=1024, input_transform=None, output_transform=None,
                       dtype=np.uint8, seed=0):
    """Check ``f(g.x) == g.f(x)`` exactly (``np.array_equal``) for every generator g of ``group``.

    Why generators suffice: every element of a finite group is a product
    g = s1 s2 ... sk of generators (no inverses needed: s^-1 = s^(m-1)).  If
    f(x.s) = f(x).s for each generator s and every input x of a set X closed
    under the generators, then by induction on k, applying the generator law
    to the input x.s1...s(k-1) (which lies in X) at each step,
    f(x.g) = f(x.s1...s(k-1)).sk = ... = f(x).g.  So with ``images=None`` on a
    grid whose 2^n 0/1 images number at most ``max_images`` (every 0/1 image:
    a set closed under any group) a pass proves equivariance on all binary
    inputs; on a sample or on given inputs it is evidence about those inputs.

    - ``f``: called on one input at a time (a copy); its output is compared exactly
      (dtype aside; NaN equals NaN).
    - ``images``: None (every 0/1 image of the group's grid when there are at most
      ``max_images``, else a sample of ``max_images``: empty, full, single pixels,
      then random densities from ``seed``; arrays of ``dtype``), or a list of
      inputs (arrays whose last two axes are (h, w), or int masks), or one array
      whose axis 0 lists the inputs (a 2-d array is one input; wrap one batched
      input in a list: ``images=[batch]``).
    - ``input_transform(g, x)`` and ``output_transform(g, y)``: how g acts on
      inputs and on outputs; both default to :func:`apply_to_array` on the
      group's grid (pass your own for, e.g., outputs on another grid or
      channels that rotate with the picture).

    On failure an AssertionError names the generator (0-based cycle notation of
    :func:`exactorbit.groups.cycle_string`) and draws x, g.x, f(g.x), g.f(x)
    and the differing entries side by side (0/1 arrays as ``#``/``.``
    pictures, others as numbers; with leading axes, the slice of the first
    difference), then lists the differing positions.

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
    """
    _check(f, group, images, max_images, input_transform, output_transform, dtype, seed, invariant=False)


def assert_invariant(f, group, *, images=None, max_images=1024, input_transform=None, dtype=np.uint8, seed=0):
    """Check ``f(g.x) == f(x)`` exactly for every generator g of ``group`` (inputs as in :func:`assert_equivariant`).

    Generators suffice for the same reason: f(x.s1...sk) = f(x.s1...s(k-1)) = ... = f(x)
    on a set of inputs closed under the generators.  ``f`` may return anything
    numpy compares (a scalar, a vector, an array); the message draws x and g.x
    and shows both values.

    >>> from exactorbit.groups import named_group
    >>> G = named_group("translations+dihedral", "3x3")
    >>> assert_invariant(np.sum, G)                       # the number of on-pixels
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
    """
    _check(f, group, images, max_images, input_transform, None, dtype, seed, invariant=True)
