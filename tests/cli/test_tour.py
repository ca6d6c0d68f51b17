"""exactorbit tour."""

import json

import pytest

from exactorbit.cli import main


def test_cli_tour_json_and_verify(tmp_path, capsys):
    assert main(["tour", "--grid", "2x2", "--group", "translations", "--json", "--certificates", str(tmp_path)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [c["id"] for c in data["claims"]][:6] == ["C1", "C2", "C3", "C4", "C5", "C6"]
    assert all(set(c) >= {"id", "verdict", "evidence"} for c in data["claims"])
    files = sorted(str(p) for p in tmp_path.iterdir())
    assert main(["verify", *files]) == 0


def test_cli_tour_bad_input(capsys):
    assert main(["tour", "--grid", "3x3", "--group", "nope"]) == 2
    assert "unknown group name" in capsys.readouterr().err
    assert main(["tour", "--grid", "2x2", "--alphabet", "a,b"]) == 2


@pytest.mark.parametrize("argv, fragment", [
    (["--tolerance", "-3"], "tolerance must be >= 0"),
    (["--layers", "0"], "layers must be >= 1"),
])
def test_cli_tour_validates_numbers(capsys, argv, fragment):
    assert main(["tour", "--grid", "2x2", *argv]) == 2
    assert fragment in capsys.readouterr().err
