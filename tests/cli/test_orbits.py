"""exactorbit orbits."""

import json
import math

import pytest

from exactorbit.cli import main
from exactorbit.counting import burnside_count
from exactorbit.groups import from_generators, named_group
from exactorbit.testutil import naive_decomposition


def test_cli_json_keys_and_values(capsys):
    assert main(["orbits", "--grid", "3x3", "--group", "translations+dihedral", "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert set(payload) == {"group_order", "images", "orbits", "orbit_sizes", "method", "minimal_orbit_features"}
    G = named_group("translations+dihedral", "3x3")
    assert payload["orbits"] == burnside_count(G) and payload["images"] == 512
    assert all(isinstance(k, str) for k in payload["orbit_sizes"])
    sizes, _, _, feats = naive_decomposition(G)
    assert payload["orbit_sizes"] == {str(k): v for k, v in sizes.items()}
    assert payload["minimal_orbit_features"] == feats


def test_cli_weight_and_methods_agree(capsys):
    outs = []
    for method in ("enumerate", "symbolic"):
        assert main(["orbits", "--grid", "3x4", "--group", "translations+reflections",
                     "--weight", "4", "--method", method, "--json"]) == 0
        outs.append(json.loads(capsys.readouterr().out))
    assert outs[0]["orbit_sizes"] == outs[1]["orbit_sizes"]
    assert outs[0]["images"] == math.comb(12, 4) == outs[1]["images"]
    assert [o["method"] for o in outs] == ["enumerate", "symbolic"]


def test_cli_text_says_which_smallest(capsys):
    assert main(["orbits", "--grid", "2x2", "--group", "rotations"]) == 0
    out = capsys.readouterr().out
    assert "constant images included" in out and "smallest non-constant orbit size: 2" in out


@pytest.mark.parametrize(
    "argv",
    [
        ["orbits", "--grid", "0x3"],
        ["orbits", "--grid", "3x3", "--group", "rotation"],
        ["orbits", "--grid", "3x3", "--weight", "10"],
        ["orbits", "--grid", "3x3", "--generators", "(0 1 9)"],
        ["orbits", "--grid", "6x6", "--method", "enumerate"],
    ],
)
def test_cli_bad_input_exits_2(argv, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("exactorbit: error:") and "Traceback" not in err


def test_cli_generators(capsys):
    assert main(["orbits", "--grid", "1x4", "--generators", "(0 1 2 3)", "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["orbit_sizes"] == {"1": 2, "2": 1, "4": 3}  # binary necklaces of length 4
    assert from_generators("1x4", "(0 1 2 3)").order() == payload["group_order"] == 4
