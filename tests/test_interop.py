"""exactorbit beside its neighbours: GAP round trips, sympy groups, images in every form, orbits as arrays, files."""

import json

import numpy as np
import pytest
from hypothesis import given, settings
from sympy.combinatorics import Permutation, PermutationGroup

import exactorbit as eo
from exactorbit import strategies as eos
from exactorbit.errors import InvalidArgument
from exactorbit.gap import from_gap, gap_available, gap_set, parse_gap_permutations, run_gap, to_gap
from exactorbit.groups import named_group
from exactorbit.images import Grid, Image, as_mask, read_image_file, render_text, to_array, to_arrays


@given(eos.pixel_groups(max_pixels=9))
@settings(max_examples=60)
def test_gap_text_round_trips_exactly(G):
    H = from_gap(to_gap(G), G.grid)
    assert H.generators == G.generators and H.order() == G.order()


def test_gap_parser_forms_and_hints():
    assert parse_gap_permutations("(1,2)(3,4), (1,3)", 4) == [(1, 0, 3, 2), (2, 1, 0, 3)]
    assert parse_gap_permutations("[()]", 2) == [(0, 1)]
    with pytest.raises(InvalidArgument, match="GAP numbers points from 1"):
        parse_gap_permutations("(0,1)", 3)
    with pytest.raises(InvalidArgument, match="only 4 pixels"):
        parse_gap_permutations("(1,5)", 4)


@pytest.mark.skipif(not gap_available(), reason="GAP is not installed (Debian package gap): the round trip through "
                    "GAP itself is skipped; the text round trip above still runs")
def test_round_trip_through_gap_gives_the_same_order_and_orbits():
    """Export -> GAP -> the same order, the same orbits on pixels and the same orbit length of images."""
    cases = [named_group("translations+dihedral", "3x3"), named_group("translations+reflections", "1x7"),
             named_group("rotations", "4x4"), from_gap("Group([(1,2,3),(4,5,6,7)])", "1x8")]
    for G in cases:
        images = [1, 3, 0b101101, (1 << G.n) - 2]
        script = [f"G := {to_gap(G)};;", "Print(Size(G), \"\\n\");",
                  f"Print(List(Orbits(G, [1..{G.n}]), o -> Minimum(o) - 1), \"\\n\");"]
        script += [f"Print(Length(Orbit(G, {gap_set(x)}, OnSets)), \"\\n\");" for x in images]
        lines = run_gap("\n".join(script)).split("\n")
        assert int(lines[0]) == G.order()
        point_orbit_minima = sorted(min(eo.orbit(G, 1 << p)).bit_length() - 1 for p in range(G.n)
                                    if min(eo.orbit(G, 1 << p)) == 1 << p)
        assert sorted(json.loads(lines[1])) == point_orbit_minima
        assert [int(v) for v in lines[2:2 + len(images)]] == [eo.orbit_size(G, x) for x in images]


def test_sympy_groups_are_accepted_and_sizes_are_checked():
    from sympy.combinatorics.named_groups import DihedralGroup

    # sympy's DihedralGroup(4) has order 8 (GAP's DihedralGroup(8) is the same group)
    assert eo.from_generators("2x2", DihedralGroup(4)).order() == 8
    assert eo.PixelGroup("1x3", [Permutation(0, 1, 2, size=3)]).order() == 3
    with pytest.raises(InvalidArgument, match="pad silently"):
        eo.from_generators("3x3", PermutationGroup([Permutation(0, 1, size=4)]))
    with pytest.raises(InvalidArgument, match="size=4"):
        eo.PixelGroup("2x2", [Permutation(0, 1)])


@given(eos.groups_with_images(max_pixels=9))
@settings(max_examples=60)
def test_images_are_accepted_in_every_form(case):
    G, x = case
    forms = [x, Image(G.grid, x), render_text(x, G.grid), to_array(x, G.grid), to_array(x, G.grid).tolist()]
    expected = eo.orbit(G, x)
    for form in forms:
        assert as_mask(form, G.grid) == x
        assert eo.orbit(G, form) == expected
        assert eo.orbit_size(G, form) == len(expected)
        assert eo.stabilizer(G, form).order() * len(expected) == G.order()


def test_orbit_to_array_batches_the_images():
    G = named_group("translations+dihedral", "3x3")
    o = eo.orbit(G, "##./.../...")
    batch = o.to_array()
    assert batch.shape == (len(o), 3, 3) and batch.dtype == np.uint8
    assert [eo.from_array(a)[0] for a in batch] == list(o)
    assert (to_arrays(list(o), G.grid) == batch).all()


def test_image_files_in_text_npy_and_pbm(tmp_path):
    mask, grid = 0b100010001, Grid(3, 3)
    (tmp_path / "x.txt").write_text("#..\n.#.\n..#\n")
    np.save(tmp_path / "x.npy", to_array(mask, grid))
    (tmp_path / "x1.pbm").write_text("P1\n3 3\n1 0 0\n0 1 0\n0 0 1\n")
    # P4: rows padded to a byte, most significant bit first
    (tmp_path / "x4.pbm").write_bytes(b"P4\n3 3\n" + bytes([0b10000000, 0b01000000, 0b00100000]))
    for name in ("x.txt", "x.npy", "x1.pbm", "x4.pbm"):
        assert read_image_file(tmp_path / name) == (mask, grid), name
    (tmp_path / "big.txt").write_bytes(b"#" * (2 << 20))
    with pytest.raises(InvalidArgument, match="larger than"):
        read_image_file(tmp_path / "big.txt")
    with pytest.raises(InvalidArgument, match="cannot read"):
        read_image_file(tmp_path / "none.pbm")


def test_cli_reads_gap_groups_and_image_files(tmp_path, capsys):
    from exactorbit.cli import main

    assert main(["group", "--grid", "2x2", "--gap", "Group([(1,2,4,3),(1,2)(3,4)])", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["order"] == 8
    (tmp_path / "x.pbm").write_text("P1\n3 2\n1 1 0\n0 0 0\n")
    assert main(["orbit", "--image-file", str(tmp_path / "x.pbm"), "--group", "translations", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["mask"] == 3 and out["orbit_size"] == 6    # the grid 2x3 is read off the file
    assert main(["group", "--grid", "2x2", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["gap"] == to_gap(named_group("translations+dihedral", "2x2"))
