import json
import subprocess
import sys

import pytest

from exactorbit.cli import main


def run_json(capsys, *argv):
    assert main([*argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_group_json(capsys):
    data = run_json(capsys, "group", "--grid", "3x3", "--group", "translations+dihedral")
    assert data["grid"] == [3, 3] and data["degree"] == 9 and data["order"] == 72
    assert data["is_abelian"] is False
    assert all(sorted(g) == list(range(9)) for g in data["generators"])


def test_group_from_generators(capsys):
    data = run_json(capsys, "group", "--grid", "1x5", "--generators", "(0 1 2)(3 4);(0 3)")
    assert data["order"] == 120
    data = run_json(capsys, "group", "--grid", "1x3", "--generators", "[[1, 2, 0]]")
    assert data["order"] == 3 and data["is_abelian"] is True


def test_orbit_json(capsys):
    data = run_json(capsys, "orbit", "--grid", "3x3", "--group", "translations+dihedral", "--image", "#../.#./...")
    assert data["mask"] == 17 and data["image"] == "#../.#./..."
    assert data["orbit_size"] * data["stabilizer_order"] == 72
    assert data["minimal_image"] <= data["mask"]
    assert all(isinstance(v, int) for v in (data["orbit_size"], data["stabilizer_order"], data["minimal_image"]))


def test_count_json(capsys):
    data = run_json(capsys, "count", "--grid", "3x3", "--group", "translations+dihedral")
    assert data["group_order"] == 72 and data["orbits"] == 26
    assert sum(data["orbits_by_weight"].values()) == 26
    assert set(data["orbits_by_weight"]) == {str(k) for k in range(10)}


def test_text_output_draws_images(capsys):
    assert main(["orbit", "--grid", "2x2", "--group", "translations", "--image", "#./.."]) == 0
    out = capsys.readouterr().out
    assert "orbit size 4" in out and "#." in out


@pytest.mark.parametrize(
    "argv, fragment",
    [
        (["group", "--grid", "0x3"], "grid height"),
        (["group", "--grid", "3x3", "--group", "rotation"], "unknown group name"),
        (["group", "--grid", "2x2", "--generators", "[[0, 1, 2]]"], "exactly 4 pixels"),
        (["orbit", "--grid", "2x2", "--image", "#./..#"], "ragged rows"),
        (["orbit", "--grid", "2x3", "--image", "#./.."], "image is 2x2 but the grid is 2x3"),
        (["group", "--grid", "2x2", "--group", "trivial", "--generators", "(0 1)"], "not both"),
    ],
)
def test_bad_input_exits_2_with_one_line(capsys, argv, fragment):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert fragment in err and err.count("\n") == 1 and "Traceback" not in err


def test_console_script_exit_code():
    proc = subprocess.run(
        [sys.executable, "-m", "exactorbit.cli", "count", "--grid", "3x", "--json"],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 2 and "Traceback" not in proc.stderr


def test_count_28x28(capsys):
    data = run_json(capsys, "count", "--grid", "28x28", "--group", "translations+dihedral")
    assert data["group_order"] == 6272
    assert sum(data["orbits_by_weight"].values()) == data["orbits"]


def test_count_refuses_big_listing_and_force_allows_it(capsys):
    assert main(["count", "--grid", "64x64", "--group", "translations+dihedral"]) == 2
    assert "--force" in capsys.readouterr().err
