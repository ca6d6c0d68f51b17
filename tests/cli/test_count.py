"""exactorbit count."""

import json

from exactorbit.cli import main


def run_json(capsys, *argv):
    assert main([*argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_count_json(capsys):
    data = run_json(capsys, "count", "--grid", "3x3", "--group", "translations+dihedral")
    assert data["group_order"] == 72 and data["orbits"] == 26
    assert sum(data["orbits_by_weight"].values()) == 26
    assert set(data["orbits_by_weight"]) == {str(k) for k in range(10)}


def test_count_28x28(capsys):
    data = run_json(capsys, "count", "--grid", "28x28", "--group", "translations+dihedral")
    assert data["group_order"] == 6272
    assert sum(data["orbits_by_weight"].values()) == data["orbits"]


def test_count_refuses_big_listing_and_force_allows_it(capsys):
    assert main(["count", "--grid", "64x64", "--group", "translations+dihedral"]) == 2
    assert "--force" in capsys.readouterr().err
