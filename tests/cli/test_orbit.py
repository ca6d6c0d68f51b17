"""exactorbit orbit."""

import json

from exactorbit.cli import main


def run_json(capsys, *argv):
    assert main([*argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_orbit_json(capsys):
    data = run_json(capsys, "orbit", "--grid", "3x3", "--group", "translations+dihedral", "--image", "#../.#./...")
    assert data["mask"] == 17 and data["image"] == "#../.#./..."
    assert data["orbit_size"] * data["stabilizer_order"] == 72
    assert data["minimal_image"] <= data["mask"]
    assert all(isinstance(v, int) for v in (data["orbit_size"], data["stabilizer_order"], data["minimal_image"]))


def test_text_output_draws_images(capsys):
    assert main(["orbit", "--grid", "2x2", "--group", "translations", "--image", "#./.."]) == 0
    out = capsys.readouterr().out
    assert "orbit size 4" in out and "#." in out
