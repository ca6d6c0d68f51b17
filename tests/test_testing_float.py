"""The equivariance kit on float code: tolerances, batch and channel layouts, arrays of other libraries.

Independent references: numpy.fft computes the circular convolutions (the convolution theorem on the
torus Z_h x Z_w); a loop of np.roll computes the same convolution directly; numpy.testing.assert_allclose
is the tolerance rule (|actual - desired| <= atol + rtol * |desired|) the kit follows.
"""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exactorbit import strategies as eos
from exactorbit.errors import InvalidArgument
from exactorbit.groups import cycle_string, named_group, translations
from exactorbit.testing import (DEFAULT_RTOL, apply_to_array, assert_equivariant, assert_invariant,
                                equivariance_error)

# --------------------------------------------------------------------------
# layers under test


def fft_conv(x, kernel):
    """Circular convolution by the FFT: (..., C_in, h, w) -> (..., C_out, h, w); kernel (C_out, C_in, kh, kw)."""
    h, w = x.shape[-2:]
    k = np.zeros(kernel.shape[:2] + (h, w))
    k[..., :kernel.shape[2], :kernel.shape[3]] = kernel
    return np.fft.ifft2(np.einsum("...chw,ochw->...ohw", np.fft.fft2(x), np.fft.fft2(k))).real


def roll_conv(x, kernel):
    """The same circular convolution as a sum of rolled copies (sum of k[o, c, dr, dc] * x[c] shifted by (dr, dc))."""
    c_out, c_in, kh, kw = kernel.shape
    out = np.zeros(x.shape[:-3] + (c_out,) + x.shape[-2:])
    for o in range(c_out):
        for c in range(c_in):
            for dr in range(kh):
                for dc in range(kw):
                    out[..., o, :, :] += kernel[o, c, dr, dc] * np.roll(x[..., c, :, :], (dr, dc), axis=(-2, -1))
    return out


def zero_padded_conv(x, kernel):
    """The bug: the same convolution with zero padding, so what leaves one border does not enter the other."""
    h, w = x.shape[-2:]
    kh, kw = kernel.shape[2:]
    k = np.zeros(kernel.shape[:2] + (h + kh - 1, w + kw - 1))
    k[..., :kh, :kw] = kernel
    full = np.fft.ifft2(np.einsum("...chw,ochw->...ohw", np.fft.fft2(x, s=k.shape[-2:]), np.fft.fft2(k))).real
    return full[..., :h, :w]


def coord_conv(x, kernel):
    """The other bug: a circular convolution plus a bias that depends on the row (a positional encoding)."""
    return fft_conv(x, kernel) + np.arange(x.shape[-2])[:, None] * 0.1


KERNEL = np.random.default_rng(7).standard_normal((2, 3, 3, 3))
T66 = translations("6x6")
X = np.random.default_rng(8).standard_normal((4, 3, 6, 6))       # 4 inputs of 3 channels on the 6x6 grid


def conv(x):
    return fft_conv(x, KERNEL)


# --------------------------------------------------------------------------
# FFT convolutions: right ones pass, wrong ones fail with the deviation and a picture


def test_the_fft_convolution_is_the_circular_convolution():
    assert np.allclose(conv(X), roll_conv(X, KERNEL), rtol=0, atol=1e-12)


def test_an_fft_convolution_passes_within_the_float64_default():
    assert_equivariant(conv, T66, images=X)                                # one input of (3, 6, 6) at a time
    assert_equivariant(conv, T66, images=X, layout="NCHW")                 # the whole batch at once
    assert_equivariant(conv, T66, images=X, elements="all")                # all 36 translations
    error = equivariance_error(conv, T66, images=X)
    assert 0 < error < 1e-13                                               # FFT rounding, ~1e-15
    # exact equality fails: f(g.x) is rounded differently from g.f(x)
    with pytest.raises(AssertionError, match="exact comparison"):
        assert_equivariant(conv, T66, images=X, atol=0, rtol=0)


def test_the_roll_convolution_is_exact():
    # the same sums in the same order: no rounding difference at all
    assert equivariance_error(lambda x: roll_conv(x, KERNEL), T66, images=X) == 0.0
    assert_equivariant(lambda x: roll_conv(x, KERNEL), T66, images=X, atol=0, rtol=0)


def test_a_zero_padded_convolution_fails_with_the_deviation_the_tolerance_and_a_picture():
    with pytest.raises(AssertionError) as info:
        assert_equivariant(lambda x: zero_padded_conv(x, KERNEL), T66, images=X)
    text = str(info.value)
    shift_right = T66.generators[0]
    assert "is not equivariant under translations (order 36)" in text
    assert f"generator 1 of 2, {cycle_string(shift_right)}, on input 1 of 4" in text
    # the largest deviation over every check, with where it is and the tolerance there
    bad = lambda x: zero_padded_conv(x, KERNEL)  # noqa: E731
    largest = max(np.abs(bad(apply_to_array(g, x)) - apply_to_array(g, bad(x))).max() for g in T66.generators for x in X)
    line = next(s for s in text.splitlines() if s.startswith("largest deviation:"))
    assert f"= {largest:.3g} at generator" in line and ", input " in line and "(row " in line
    assert "allowed there:" in line
    assert "tolerance: |f(g.x) - g.f(x)| <= atol + rtol * |g.f(x)| with rtol = 1e-10 (the default for float64" in text
    assert "fails on 8 of 8 checks (4 input(s) x 2 generator(s))" in text
    # the picture: columns 0-2 differ (the 3x3 kernel reaches two pixels back, past the border), marked X
    assert _panel(text, "differ") == ["XXX..."] * 6


def test_a_positional_bias_fails_under_vertical_shifts_only():
    with pytest.raises(AssertionError) as info:
        assert_equivariant(lambda x: coord_conv(x, KERNEL), T66, images=X)
    text = str(info.value)
    assert "generator 2 of 2" in text                     # shifting right keeps each row's bias
    assert "fails on 4 of 8 checks" in text
    assert _panel(text, "differ") == ["XXXXXX"] * 6
    assert "= 0.5 at generator 2" in text                 # row 0 moved to row 1 ... row 5 to row 0: bias 0.5 off


def _panel(text, title):
    """The lines of the panel titled ``title`` in a failure message (the columns under its title)."""
    lines = text.splitlines()
    top = next(i for i, s in enumerate(lines) if title in s.split())
    start = lines[top].index(title)
    rows = []
    for s in lines[top + 1:]:
        cell = s[start:].split(" ")[0] if len(s) > start else ""
        if not cell:
            break
        rows.append(cell)
    return rows


# --------------------------------------------------------------------------
# pooling: invariance under translations and the dihedral group


D66 = named_group("translations+dihedral", "6x6")


@pytest.mark.parametrize("pool", [lambda x: x.max(axis=(-2, -1)), lambda x: x.mean(axis=(-2, -1))],
                         ids=["max", "mean"])
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_global_pooling_is_invariant(pool, dtype):
    assert_invariant(pool, D66, images=X.astype(dtype), layout="NCHW")
    assert_invariant(pool, D66, images=X.astype(dtype), layout="NCHW", elements=20, seed=3)
    assert_invariant(pool, D66, dtype=dtype, layout="NCHW")           # 1024 0/1 images in one batch


def test_pooling_a_window_is_not_invariant_and_the_image_is_named():
    with pytest.raises(AssertionError) as info:
        assert_invariant(lambda x: x[..., :3, :3].mean(axis=(-2, -1)), D66, images=X, layout="NCHW")
    text = str(info.value)
    assert "is not invariant under translations+dihedral (order 288)" in text
    assert "(image " in text and "channel " not in text.split("largest deviation")[0].splitlines()[-1]
    assert "f(x)[" in text                                             # the failing image's pooled values


# --------------------------------------------------------------------------
# batch and channel axes


def test_channels_last():
    nhwc = np.moveaxis(X, 1, -1)                                        # (4, 6, 6, 3)
    conv_last = lambda x: np.moveaxis(conv(np.moveaxis(x, -1, -3)), -3, -1)  # noqa: E731
    assert_equivariant(conv_last, T66, images=nhwc, layout="NHWC")
    assert_equivariant(conv_last, T66, images=list(nhwc), layout="HWC")  # one (6, 6, 3) input at a time
    with pytest.raises(AssertionError) as info:
        assert_equivariant(lambda x: np.moveaxis(zero_padded_conv(np.moveaxis(x, -1, -3), KERNEL), -3, -1),
                           T66, images=nhwc, layout="NHWC")
    text = str(info.value)
    assert "x[0, :, :, 0]" in text and "index (image, row, column, channel)" in text
    assert _panel(text, "differ") == ["XXX..."] * 6


def test_the_batch_is_passed_whole_and_images_none_fills_the_layout():
    shapes = []

    def spy(x):
        shapes.append(x.shape)
        return x * 2.0

    G = named_group("translations+dihedral", "3x3")
    assert_equivariant(spy, G, layout="NCHW", dtype=np.float32)
    assert shapes == [(512, 1, 3, 3)] * 5                               # f(x), then one call per generator
    shapes.clear()
    assert_equivariant(spy, G, layout="HWC", max_images=10)
    assert shapes == [(3, 3, 1)] * 50                                   # a sample of 10 inputs, one at a time
    shapes.clear()
    assert_equivariant(spy, G, images=[0b1, np.ones((3, 3))[None, None]], layout="NCHW")
    assert shapes[0] == (1, 1, 3, 3)


def test_the_failing_image_of_a_batch_is_drawn():
    def zero_first_row_of_image_2(x):
        y = x.copy()
        y[2, :, 0, :] = 0
        return y

    with pytest.raises(AssertionError) as info:
        assert_equivariant(zero_first_row_of_image_2, named_group("translations", "3x3"), layout="NCHW")
    text = str(info.value)
    assert "generator 2 of 2" in text and "as one batch of 512 along N" in text
    assert "x[2, 0]" in text                                # image 2 (fewest on-pixels first): pixel (0, 1) alone
    assert "at generator 2, input 1, index (2, 0, 1, 1) (image 2, channel 0, row 1, column 1)" in text


# --------------------------------------------------------------------------
# arrays of other libraries, through __array__


class FakeTensor:
    """A stand-in for a torch tensor (not an ndarray): ``__array__``, ``shape``, ``reshape``, indexing by slices and
    1-d index arrays (torch misreads a bare 2-d numpy index, pytorch/pytorch#34452), ``clone`` and ``detach``."""

    def __init__(self, data, requires_grad=False):
        self.data = np.asarray(data)
        self.requires_grad = requires_grad

    def __array__(self, dtype=None, copy=None):
        if self.requires_grad:
            raise RuntimeError("Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.")
        return self.data if dtype is None else self.data.astype(dtype)

    @property
    def shape(self):
        return self.data.shape

    def __getitem__(self, index):
        assert isinstance(index, int) or all(isinstance(i, slice) or np.ndim(i) == 1 for i in index)
        return FakeTensor(self.data[index])

    def reshape(self, *shape):
        return FakeTensor(self.data.reshape(*shape))

    def clone(self):
        return FakeTensor(self.data.copy(), self.requires_grad)

    def detach(self):
        return FakeTensor(self.data)


def test_arrays_of_another_library_reach_f_as_they_are():
    seen = []

    def layer(t):
        seen.append(type(t))
        return FakeTensor(fft_conv(t.data, KERNEL), requires_grad=True)   # an output in the autograd graph

    batch = FakeTensor(X)
    assert_equivariant(layer, T66, images=batch, layout="NCHW")
    assert seen == [FakeTensor] * 3
    assert_equivariant(layer, T66, images=[FakeTensor(x) for x in X])
    seen.clear()
    assert_equivariant(layer, T66, images=batch)                            # axis 0 lists 4 inputs (3, 6, 6)
    assert seen == [FakeTensor] * 12
    assert_invariant(lambda t: FakeTensor(t.data.max(axis=(-2, -1))), D66, images=batch, layout="NCHW")
    assert 0 < equivariance_error(layer, T66, images=batch, layout="NCHW") < 1e-13
    with pytest.raises(AssertionError, match="largest deviation"):
        assert_equivariant(lambda t: FakeTensor(zero_padded_conv(t.data, KERNEL)), T66, images=batch, layout="NCHW")


def test_an_array_without_indexing_is_refused_with_what_to_do():
    class Opaque:
        def __init__(self, data):
            self.data = data

        def __array__(self, dtype=None, copy=None):
            return self.data

    with pytest.raises(InvalidArgument, match="numpy-style reshape and indexing.*input_transform"):
        assert_equivariant(lambda t: np.asarray(t) * 2, T66, images=[Opaque(X[0])])
    # with a transform of its own, it works
    move = lambda g, t: Opaque(apply_to_array(g, t.data))  # noqa: E731
    assert_equivariant(lambda t: np.asarray(t) * 2, T66, images=[Opaque(X[0])], input_transform=move)


# --------------------------------------------------------------------------
# the tolerance: numpy's assert_allclose rule, at its boundary


def _spike(delta, base):
    """f(x) = x + delta at pixel (0, 0): on a constant input ``base``, f(g.x) and g.f(x) differ by delta at
    (0, 0) (expected value base) and at g(0) (expected base + delta); every number is exact in binary."""
    def f(x):
        y = x.astype(np.float64)
        y[..., 0, 0] += delta
        return y
    return f, [np.full((3, 3), base)]


T33 = translations("3x3")


def test_atol_boundary():
    f, images = _spike(0.25, 0.0)
    assert_equivariant(f, T33, images=images, atol=0.25, rtol=0)                   # 0.25 <= 0.25
    with pytest.raises(AssertionError, match="= 0.25 at generator 1"):
        assert_equivariant(f, T33, images=images, atol=np.nextafter(0.25, 0), rtol=0)
    np.testing.assert_allclose(0.25, 0.0, atol=0.25, rtol=0)                        # the same rule in numpy
    with pytest.raises(AssertionError):
        np.testing.assert_allclose(0.25, 0.0, atol=np.nextafter(0.25, 0), rtol=0)


def test_rtol_boundary():
    f, images = _spike(0.25, 1.0)
    # at (0, 0): |1.25 - 1| <= rtol * 1; at g(0): |1 - 1.25| <= rtol * 1.25
    assert_equivariant(f, T33, images=images, atol=0, rtol=0.25)
    with pytest.raises(AssertionError) as info:
        assert_equivariant(f, T33, images=images, atol=0, rtol=np.nextafter(0.25, 0))
    text = str(info.value)
    assert "1 of 9 entries differ by more than the tolerance" in text and "(0, 0): 1.25 vs 1" in text
    assert "allowed there: 0.25" in text and "with rtol = 0.25 and atol = 0" in text


@pytest.mark.parametrize("dtype, inside, outside", [
    (np.float32, 1e-5, 1e-4),       # DEFAULT_RTOL[4] = 1e-5, and atol = 1e-5 * the largest |g.f(x)|
    (np.float64, 1e-10, 1e-9),      # DEFAULT_RTOL[8] = 1e-10
])
def test_dtype_defaults(dtype, inside, outside):
    assert DEFAULT_RTOL[np.dtype(dtype).itemsize] == inside

    def spike(delta):
        def f(x):
            y = x.astype(dtype)
            y[..., 0, 0] += dtype(delta)
            return y
        return f

    images = [np.ones((3, 3), dtype)]
    assert_equivariant(spike(inside), T33, images=images)      # allowed about 2 * rtol at magnitude 1
    with pytest.raises(AssertionError, match=f"the default for {np.dtype(dtype)}"):
        assert_equivariant(spike(outside), T33, images=images)


def test_integers_are_exact_unless_told():
    f = lambda x: x + (np.arange(9).reshape(3, 3) == 0)  # noqa: E731 - one unit at pixel (0, 0)
    with pytest.raises(AssertionError, match="exact comparison"):
        assert_equivariant(f, T33, images=[np.zeros((3, 3), np.int64)])
    assert_equivariant(f, T33, images=[np.zeros((3, 3), np.int64)], atol=1)
    assert equivariance_error(f, T33, images=[np.zeros((3, 3), np.int64)]) == 1
    assert isinstance(equivariance_error(f, T33), int)


def test_nan_and_inf():
    assert_equivariant(lambda x: np.where(x > 0, np.nan, x), T33, dtype=np.float64)   # NaN where NaN: equal
    assert_equivariant(lambda x: np.where(x > 0, np.inf, x), T33, dtype=np.float64)
    nan_at_origin = lambda x: np.where(np.arange(9).reshape(3, 3) == 0, np.nan, x)  # noqa: E731
    with pytest.raises(AssertionError, match="= nan at"):
        assert_equivariant(nan_at_origin, T33, dtype=np.float64)
    assert math.isnan(equivariance_error(nan_at_origin, T33, dtype=np.float64))
    inf_at_origin = lambda x: np.where(np.arange(9).reshape(3, 3) == 0, np.inf, x)  # noqa: E731
    with pytest.raises(AssertionError):
        assert_equivariant(inf_at_origin, T33, dtype=np.float64, rtol=1.0)           # inf is close to inf only


def test_the_worst_check_is_reported_not_only_the_first():
    def f(x):
        y = x.astype(np.float64)
        y[..., 0, 0] += x.sum()            # a deviation that grows with the input's sum
        return y

    images = [np.full((3, 3), 1.0), np.full((3, 3), 2.0), np.full((3, 3), 3.0)]
    with pytest.raises(AssertionError) as info:
        assert_equivariant(f, T33, images=images)
    text = str(info.value)
    assert "on input 1 of 3" in text                             # the drawn case: the first failure
    assert "= 27 at generator 1, input 3," in text               # the largest: input 3 (sum 27)
    assert "fails on 6 of 6 checks" in text


def test_a_scan_stopped_by_f_says_so():
    def f(x):
        if x[0, 0] == 2:
            raise ValueError("no twos")
        y = x.astype(np.float64)
        y[0, 0] += 1
        return y

    with pytest.raises(AssertionError, match=r"the scan stopped at input 2: ValueError: no twos"):
        assert_equivariant(f, T33, images=[np.ones((3, 3)), np.full((3, 3), 2.0), np.ones((3, 3))])


def test_elements_all_and_random():
    calls = []
    f = lambda x: calls.append(1) or x * 1.5  # noqa: E731
    G = named_group("translations+dihedral", "3x3")
    assert_equivariant(f, G, images=[np.eye(3)], elements="all")
    assert len(calls) == 1 + 72
    calls.clear()
    assert_equivariant(f, G, images=[np.eye(3)], elements=10, seed=1)
    assert len(calls) == 1 + 10
    with pytest.raises(AssertionError) as info:
        assert_equivariant(np.transpose, translations("3x3"), images=[np.arange(9.0).reshape(3, 3)], elements="all")
    assert "element 2 of 9" in str(info.value) and "(every element of the group)" in str(info.value)


# --------------------------------------------------------------------------
# a property test with exactorbit.strategies: a symmetric blur commutes with every named group


def _blur(x):
    """A circular blur with a kernel of the square's symmetry (centre 0.5, each of the 4 neighbours 0.125)."""
    h, w = x.shape[-2:]
    k = np.zeros((h, w))
    k[0, 0] += 0.5
    for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)):
        k[dr % h, dc % w] += 0.125
    return np.fft.ifft2(np.fft.fft2(x) * np.fft.fft2(k)).real


@settings(max_examples=25, deadline=None)
@given(eos.named_groups(max_pixels=16, allow_symmetric=False), st.data())
def test_a_symmetric_blur_commutes_with_every_named_group(group, data):
    images = data.draw(eos.array_images(group.grid, dtype=np.float64, batch_shape=(3,)))
    noise = data.draw(st.floats(-1, 1))
    assert_equivariant(_blur, group, images=images + noise, layout=None)
    assert_equivariant(_blur, group, images=images[:, None], layout="NCHW")     # one batch of 3 at once
    assert_invariant(lambda x: _blur(x).sum(axis=(-2, -1)), group, images=[images])


# --------------------------------------------------------------------------
# bad arguments: InvalidArgument naming the argument


@pytest.mark.parametrize("kwargs, words", [
    (dict(atol=-1e-9), "atol must be a finite real number >= 0"),
    (dict(rtol=math.nan), "rtol must be a finite real number >= 0"),
    (dict(atol=math.inf), "atol must be a finite"),
    (dict(atol=True), "atol must be None"),
    (dict(rtol="1e-5"), "rtol must be None"),
    (dict(atol=np.array([1e-5])), "atol must be None"),
    (dict(layout="NCWH"), "layout must be None"),                 # W before H
    (dict(layout="HCW"), "layout must be None"),                  # H and W not adjacent
    (dict(layout="nchw"), "layout must be None"),
    (dict(layout="NNHW"), "layout must be None"),
    (dict(layout=4), "layout must be None"),
    (dict(layout="NCHW", images=X), r"images\[0\] must have 4 axes laid out as 'NCHW' with H, W = 3, 3"),
    (dict(layout="NCHW", images=np.zeros((2, 3, 3))), "images must be one input laid out as 'NCHW'"),
    (dict(images=[]), "images must hold at least one input"),
    (dict(elements=0), "elements must be"),
    (dict(elements="some"), "elements must be"),
    (dict(seed=-1), "seed must be None or an int >= 0"),
    (dict(images=[np.zeros((3, 3), object)], atol=0.1), "atol and rtol need numeric outputs"),
])
def test_bad_arguments_are_refused_by_name(kwargs, words):
    with pytest.raises(InvalidArgument, match=words):
        assert_equivariant(lambda x: x, T33, **kwargs)


def test_outputs_that_do_not_fit_the_layout_are_refused_by_name():
    with pytest.raises(InvalidArgument, match=r"f\(x\) has shape \(2, 1\).*laid out as 'NCHW'.*output_transform"):
        assert_equivariant(lambda x: x.sum(axis=(-2, -1)), T33, images=[np.zeros((2, 1, 3, 3))], layout="NCHW")
    with pytest.raises(InvalidArgument, match="invariant must be True or False"):
        equivariance_error(lambda x: x, T33, invariant="yes")
