"""exactorbit group."""

import json

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
