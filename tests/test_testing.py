"""The equivariance kit (exactorbit.testing): the action on arrays, the checks and their pictures."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exactorbit import strategies as eos
from exactorbit.actions import apply
from exactorbit.errors import InvalidArgument
from exactorbit.groups import compose, cycle_string, identity, inverse, named_group, translations
from exactorbit.images import Grid, from_array, to_array
from exactorbit.testing import apply_to_array, assert_equivariant, assert_invariant, note_image, picture

DTYPES = st.sampled_from([np.uint8, np.int16, np.int64, np.float32, np.float64, bool, object])


# --------------------------------------------------------------------------
# apply_to_array: the action of exactorbit.actions.apply, on arrays


@given(eos.groups_with_images(), st.data())
def test_apply_to_array_agrees_with_apply_on_masks(case, data):
    group, x = case
    g = data.draw(eos.group_elements(group))
    out = apply_to_array(g, to_array(x, group.grid), group.grid)
    assert out.dtype == np.uint8 and out.shape == group.grid.shape
    assert from_array(out) == (apply(g, x), group.grid)


@given(eos.group_element_array_triples(max_pixels=8, batch_shape=(2, 3)), DTYPES)
def test_batch_axes_are_kept_and_every_slice_is_acted_on(triple, dtype):
    group, g, a = triple
    a = a.astype(dtype)
    out = apply_to_array(g, a)
    assert out.shape == a.shape and out.dtype == a.dtype
    for k in np.ndindex(2, 3):
        mask, _ = from_array(a[k].astype(np.uint8))
        assert from_array(out[k].astype(np.uint8))[0] == apply(g, mask)


@given(eos.pixel_groups(max_pixels=8), st.data())
def test_pixel_p_moves_to_g_of_p(group, data):
    g = data.draw(eos.group_elements(group))
    labels = np.arange(group.n).reshape(group.grid.shape)   # each pixel carries its own index
    moved = apply_to_array(g, labels).reshape(-1)
    assert all(moved[g[p]] == p for p in range(group.n))


@given(eos.pixel_groups(max_pixels=8), st.data())
def test_composition_law_follows_groups_compose(group, data):
    # compose(p, q) applies p first, then q: the action is a right action, x^(h*g) = (x^h)^g
    g = data.draw(eos.group_elements(group))
    h = data.draw(eos.group_elements(group))
    a = np.random.default_rng(0).integers(-5, 5, size=(2,) + group.grid.shape)
    assert np.array_equal(apply_to_array(g, apply_to_array(h, a)), apply_to_array(compose(h, g), a))
    assert np.array_equal(apply_to_array(inverse(g), apply_to_array(g, a)), a)
    assert np.array_equal(apply_to_array(identity(group.n), a), a)


def test_views_and_numpy_elements_are_accepted():
    g = translations("3x4").generators[0]
    a = np.arange(24).reshape(4, 3, 2).transpose(2, 1, 0)[:, :, ::-1]   # a strided, non-contiguous (2, 3, 4)
    out = apply_to_array(np.array(g), a, "3x4")
    assert np.array_equal(out, np.roll(a, 1, axis=-1))                   # shift right is a roll of the columns
    assert out.flags.owndata or out.base is not a                        # a new array, not a view of the input


@pytest.mark.parametrize("g, array, grid, words", [
    (translations("2x2"), np.zeros((2, 2)), None, "array form"),
    ((1, 0, 2), np.zeros((2, 2)), None, "permutes 3 points"),
    ((0, 1, 2, 3), np.zeros(4), None, "at least 2 axes"),
    ((1, 1, 2, 3), np.zeros((2, 2)), None, "repeated"),
    ((0, 1, 2, 4), np.zeros((2, 2)), None, "not a permutation"),
    ((True, False, 2, 3), np.zeros((2, 2)), None, "bools"),
    ((1.0, 0.0, 2.0, 3.0), np.zeros((2, 2)), None, "array form"),
    (tuple(range(6)), np.zeros((3, 2)), "2x3", "do not match the grid 2x3"),
    ((0, 1, 2, 3), [[0, 1], [1]], None, "last two axes"),
])
def test_bad_arguments_are_refused_by_name(g, array, grid, words):
    with pytest.raises(InvalidArgument, match=words):
        apply_to_array(g, array, grid)


# --------------------------------------------------------------------------
# assert_equivariant and assert_invariant: passing


def _not(x):
    return 1 - x


def _circular_conv(x, kernel):
    """(C_in, h, w) -> (C_out, h, w): sum over c and offsets (dr, dc) of kernel[o, c, dr, dc] * x[c] rolled."""
    c_out, c_in, kh, kw = kernel.shape
    out = np.zeros((c_out,) + x.shape[-2:], dtype=np.result_type(x, kernel))
    for o in range(c_out):
        for c in range(c_in):
            for dr in range(kh):
                for dc in range(kw):
                    out[o] += kernel[o, c, dr, dc] * np.roll(x[c], (dr - kh // 2, dc - kw // 2), axis=(0, 1))
    return out


@settings(max_examples=15, deadline=None)
@given(eos.pixel_groups(max_pixels=6))
def test_a_pixelwise_map_is_equivariant_under_every_group(group):
    assert_equivariant(_not, group)                       # every 0/1 image of the grid (at most 64)
    assert_invariant(np.sum, group)


def test_a_circular_convolution_commutes_with_translations_of_the_torus():
    rng = np.random.default_rng(7)
    kernel = rng.standard_normal((2, 3, 3, 3))
    T = translations("4x5")
    conv = lambda x: _circular_conv(x, kernel)  # noqa: E731
    assert_equivariant(conv, T, images=rng.standard_normal((6, 3, 4, 5)))   # floats: exact, same sums in same order
    assert_equivariant(conv, T, images=rng.integers(0, 2, (6, 3, 4, 5)).astype(np.uint8))
    # a kernel without the square's symmetry does not commute with the quarter turn
    R = named_group("rotations", "5x5")
    with pytest.raises(AssertionError) as info:
        assert_equivariant(conv, R, images=rng.standard_normal((2, 3, 5, 5)))
    assert "not equivariant under rotations (order 4)" in str(info.value)
    assert cycle_string(R.generators[0]) in str(info.value)


def test_generators_suffice_checked_on_every_element():
    # a plus-shaped dilation commutes with translations and the square's symmetries: the check of the
    # 4 generators on all 512 images, then the law for all 72 elements, image by image
    def dilate(x):
        return x | np.roll(x, 1, -1) | np.roll(x, -1, -1) | np.roll(x, 1, -2) | np.roll(x, -1, -2)

    G = named_group("translations+dihedral", "3x3")
    assert_equivariant(dilate, G)
    for g in G.elements():
        for x in range(0, 512, 37):
            a = to_array(x, "3x3")
            assert np.array_equal(dilate(apply_to_array(g, a)), apply_to_array(g, dilate(a)))


def test_custom_transforms_act_on_outputs_of_another_shape():
    # column sums: a shift down leaves them, a shift right rolls them; the element says by how much
    T = translations("3x4")
    column_sums = lambda x: x.sum(axis=-2)  # noqa: E731
    assert_equivariant(column_sums, T, output_transform=lambda g, y: np.roll(y, g[0] % 4))
    with pytest.raises(AssertionError, match="not equivariant"):
        assert_equivariant(column_sums, T, output_transform=lambda g, y: np.roll(y, -(g[0] % 4)))
    # inputs in another layout: (h, w, channels) with the channels last
    chw = lambda g, x: np.moveaxis(apply_to_array(g, np.moveaxis(x, -1, 0)), 0, -1)  # noqa: E731
    images = np.random.default_rng(1).integers(0, 3, (4, 3, 4, 2))
    assert_equivariant(lambda x: x * 2, T, images=images, input_transform=chw, output_transform=chw)


def test_masks_and_single_arrays_are_accepted_as_images():
    T = translations("3x3")
    assert_equivariant(_not, T, images=[0b000000111, 5, np.eye(3, dtype=np.uint8)])
    assert_equivariant(_not, T, images=np.eye(3, dtype=np.uint8))           # a 2-d array is one input


def test_a_sample_is_used_past_max_images():
    T = translations("5x5")                                                  # 2^25 images: a sample
    calls = []
    assert_equivariant(lambda x: calls.append(1) or _not(x), T, max_images=50)
    assert len(calls) == 50 * 3                                               # f(x), then f(g.x) per generator


# --------------------------------------------------------------------------
# failures: a picture, the generator's cycles, the differing positions


def _zero_first_row(x):
    y = x.copy()
    y[..., 0, :] = 0
    return y


def test_a_non_equivariant_map_fails_with_a_picture_and_the_generators_cycles():
    T = translations("3x3")
    shift_down = T.generators[1]
    with pytest.raises(AssertionError) as info:
        assert_equivariant(_zero_first_row, T)
    text = str(info.value)
    assert "not equivariant under translations (order 9)" in text
    assert f"generator 2 of 2, {cycle_string(shift_down)}," in text and "(0 3 6)(1 4 7)(2 5 8)" in text
    # the simplest failing image (fewest on-pixels first): a single pixel in the first row, moved down
    assert _pictures_in(text) == [0b000000001, 0b000001000, 0b000001000, 0]   # x, g.x, f(g.x), g.f(x)
    assert "1 of 9 entries differ" in text and "(1, 0): 1 vs 0" in text


def _pictures_in(text):
    """The masks of the four 3x3 pictures under the header line of a failure message."""
    lines = text.splitlines()
    top = next(i for i, line in enumerate(lines) if line.startswith("x "))
    rows = [line.split() for line in lines[top + 1:top + 4]]
    return [from_array([[ch == "#" for ch in rows[r][k]] for r in range(3)])[0] for k in range(4)]


def test_the_failure_picture_is_exact():
    with pytest.raises(AssertionError) as info:
        assert_equivariant(_zero_first_row, translations("3x3"))
    assert _pictures_in(str(info.value)) == [0b1, 0b1000, 0b1000, 0]
    assert str(info.value).splitlines()[2:7] == [
        "",
        "x     g.x   f(g.x)   g.f(x)   differ",
        "#..   ...   ...      ...      ...",
        "...   #..   #..      ...      X..",
        "...   ...   ...      ...      ...",
    ]


def test_non_binary_failures_list_the_differing_positions_of_the_first_slice():
    rng = np.random.default_rng(3)
    images = rng.integers(2, 9, (2, 3, 4, 4))
    with pytest.raises(AssertionError) as info:
        assert_equivariant(lambda x: x * (np.arange(4) > 0), translations("4x4"), images=images)
    text = str(info.value)
    assert "x[0]" in text and "f(g.x)[0]" in text and "differ" in text      # numbers drawn, slice named
    assert "entries differ" in text and "(0, 0, " in text                    # (channel, row, column)


def test_shape_changes_are_reported():
    with pytest.raises(AssertionError, match="the shapes differ"):
        assert_equivariant(lambda x: x if x[0, 0] else x[:, :2], translations("3x3"),
                           output_transform=lambda g, y: y)


def test_a_non_invariant_map_fails_with_both_values():
    G = named_group("translations+dihedral", "3x3")
    with pytest.raises(AssertionError) as info:
        assert_invariant(lambda x: int(x[0, 0]), G)
    text = str(info.value)
    assert "not invariant under translations+dihedral (order 72)" in text
    assert cycle_string(G.generators[0]) in text
    assert "f(g.x)   f(x)" in text and "#..   .#.   0        1" in text


def test_errors_raised_by_f_say_where():
    def fragile(x):
        if x.sum() == 2:
            raise ZeroDivisionError("boom")
        return x

    with pytest.raises(ZeroDivisionError) as info:
        assert_equivariant(fragile, translations("2x2"))
    assert any("exactorbit.testing: while" in note and "input" in note for note in info.value.__notes__)


@pytest.mark.parametrize("kwargs, words", [
    (dict(f=None), "f must be a callable"),
    (dict(group="translations"), "group must be a PixelGroup"),
    (dict(images=[np.zeros((2, 3))]), r"images\[0\] must have last two axes \(3, 3\)"),
    (dict(images="#../..."), "images must be None"),
    (dict(max_images=0), "max_images"),
    (dict(f=np.sum), r"f\(x\) has shape \(\)"),
    (dict(output_transform=3), "output_transform"),
    (dict(dtype="not a dtype"), "dtype"),
])
def test_bad_arguments_to_the_checks_are_refused_by_name(kwargs, words):
    args = dict(f=_not, group=translations("3x3"))
    args.update(kwargs)
    with pytest.raises(InvalidArgument, match=words):
        assert_equivariant(args.pop("f"), args.pop("group"), **args)


# --------------------------------------------------------------------------
# readable falsifying examples: note_image


def test_note_image_shows_the_falsifying_image_as_a_picture():
    @settings(max_examples=50, database=None, deadline=None)
    @given(eos.images(Grid(2, 3)))
    def inner(x):
        note_image(x, "2x3", label="x")
        assert x & 0b100000 == 0      # fails first (minimal) at x = 32: pixel (1, 2)

    with pytest.raises(AssertionError) as info:
        inner()
    notes = "\n".join(getattr(info.value, "__notes__", []))
    assert "x:\n...\n..#" in notes


def test_note_image_outside_a_test_returns_the_picture():
    assert note_image(np.array([[1, 0], [0, 1]])) == "#.\n.#"
    assert picture(np.array([[[2, 10]], [[0, 1]]])) == "[0]     [1]\n 2 10   .#"
    with pytest.raises(InvalidArgument):
        picture(5)
