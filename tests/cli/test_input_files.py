"""``exactorbit orbit --image-file``: malformed image files are refused with one line and exit 2 (issue 20, 6 and 12)."""

import subprocess
import sys

import numpy as np
import pytest

from exactorbit.cli import main


def _refused(capsys, path):
    """Run ``exactorbit orbit --image-file path``; assert exit 2 and exactly one stderr line; return it."""
    assert main(["orbit", "--image-file", str(path)]) == 2
    captured = capsys.readouterr()
    lines = captured.err.splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith("exactorbit: error: image file "), lines[0]
    assert "Traceback" not in captured.err and captured.out == ""
    assert len(lines[0]) < 400
    return lines[0]


_ARRAYS = {
    "complex": np.array([[1 + 0j, 0j], [0j, 1 + 0j]]),
    "unicode": np.array([["1", "0"], ["0", "1"]]),
    "structured": np.zeros((3, 3), dtype=[("a", "<i4"), ("b", "<f8")]),
    "datetime64": np.zeros((3, 3), dtype="datetime64[s]"),
    "timedelta64": np.zeros((3, 3), dtype="timedelta64[D]"),
    "0-d": np.array(1),
    "1-d": np.array([1, 0, 1]),
    "3-d": np.zeros((2, 2, 2), dtype=np.uint8),
    "empty": np.zeros((0, 4), dtype=bool),
    "value 2": np.array([[1, 2], [0, 1]]),
    "value -1": np.array([[1, 0], [-1, 1]], dtype=np.int8),
    "value 0.5": np.array([[0.5, 1.0]]),
    "nan": np.array([[np.nan, 1.0]]),
    "too large": np.zeros((80, 80), dtype=np.uint8),
}


@pytest.mark.parametrize("label", list(_ARRAYS))
def test_bad_npy_arrays_are_one_line_refusals(tmp_path, capsys, label):
    path = tmp_path / "image.npy"
    np.save(path, _ARRAYS[label])
    line = _refused(capsys, path)
    assert "image.npy" in line


def test_npy_with_bytes_after_the_array_is_refused(tmp_path, capsys):
    path = tmp_path / "image.npy"
    np.save(path, np.eye(3, dtype=np.uint8))
    path.write_bytes(path.read_bytes() + b"\x00")
    assert "1 bytes after the array" in _refused(capsys, path)


@pytest.mark.parametrize("dtype", [bool, np.uint8, np.int64, np.float64])
def test_bool_int_and_float_npy_give_the_same_answer(tmp_path, capsys, dtype):
    import json

    path = tmp_path / "image.npy"
    np.save(path, np.array([[1, 1, 0], [0, 0, 0]]).astype(dtype))
    assert main(["orbit", "--image-file", str(path), "--group", "translations", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    # translations of the 2x3 torus (order 6) move the domino #./##. to 6 distinct images: counted by hand
    assert data["mask"] == 0b11 and data["image"] == "##./..." and data["orbit_size"] == 6


@pytest.mark.parametrize("data", [
    b"P1\n2 1\n1 2 0\n",          # the issue's reproducer: answered for '#.' before
    b"P1\n2 1\n1 0 1\n",          # an extra pixel
    b"P1\n2 1\n1 0\njunk\n",      # trailing junk
    b"P1\n2 2\n1 0 1\n",          # too few pixels
    b"P4\n8 1\xff\xff",           # no whitespace byte after the height
    b"P4\n8 2\n\xff",             # short raster
    b"P4\n8 1\n\xff\x00",         # extra raster bytes
    b"P1\n-1 1\n1\n", b"P1\n0 1\n", b"P1\n99999999999999999999 1\n1\n",
    b"P5\n1 1\n255\n\x00",
])
def test_malformed_pbm_is_a_one_line_refusal(tmp_path, capsys, data):
    path = tmp_path / "b.pbm"
    path.write_bytes(data)
    assert "b.pbm" in _refused(capsys, path)


def test_issue_reproducer_in_a_real_process(tmp_path):
    path = tmp_path / "b.pbm"
    path.write_bytes(b"P1\n2 1\n1 2 0\n")
    done = subprocess.run([sys.executable, "-m", "exactorbit", "orbit", "--image-file", str(path)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.splitlines() == [
        f"exactorbit: error: image file {str(path)!r}: PBM pixel 2 is '2'; P1 pixels are '0' or '1'"]


@pytest.mark.parametrize("text, fragment", [
    ("", "empty"),                                # answered the trivial group before
    ("Group([(1,2),])", "trailing comma"),        # accepted before
    ("Group([])", "no generators"),               # read as the trivial group before
    ("(1)", "is a number in GAP"),                # read as the identity before; GAP refuses Group((1))
    ("(1,2)(3,4), (1,9)", "only 4 pixels"),
])
def test_gap_text_refusals_are_one_line(capsys, text, fragment):
    assert main(["group", "--grid", "2x2", "--gap", text]) == 2
    captured = capsys.readouterr()
    lines = captured.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("exactorbit: error: GAP generator"), captured.err
    assert fragment in lines[0] and captured.out == ""


def test_gap_text_as_gap_prints_it_is_read(capsys):
    import json

    # GAP's own print of the dihedral group of the square on 1..4 (spaces, a continued line)
    text = "Group( [ (1,2,\\\n4,3), (1,2)(3,4) ] )"
    assert main(["group", "--grid", "2x2", "--gap", text, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["order"] == 8  # |D_4| = 8
