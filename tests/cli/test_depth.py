"""exactorbit depth."""

import json

import pytest

from exactorbit.claims import FAILS, HOLDS, UNDECIDED
from exactorbit.cli import main


def test_cli_json(capsys):
    assert main(["depth", "--grid", "3x3", "--layers", "3", "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    rows = payload["layers"]
    assert [r["layer"] for r in rows] == [1, 2, 3]
    for r in rows:
        assert r["min_orbit_size"] == min(r["orbit_sizes"])
        assert all(s * t == payload["group_order"] for s, t in zip(r["orbit_sizes"], r["stabilizer_order"]))
        assert r["on_pixels"] == [bin(f).count("1") for f in r["features"]]
    assert {c["id"] for c in payload["claims"]} == {"C7", "C8"}
    assert all(c["verdict"] in (HOLDS, FAILS, UNDECIDED) for c in payload["claims"])

    def walk(v):
        assert not isinstance(v, float)
        if isinstance(v, dict):
            for w in v.values():
                walk(w)
        elif isinstance(v, list):
            for w in v:
                walk(w)

    walk(payload)


def test_cli_text_draws_features(capsys):
    assert main(["depth", "--grid", "1x4", "--group", "translations", "--features", "1,2,4,8"]) == 0
    out = capsys.readouterr().out
    assert "layer 2" in out and "#.#." in out and "C8 [fails]" in out


@pytest.mark.parametrize(
    "argv, message",
    [
        (["depth", "--layers", "0"], "--layers"),
        (["depth", "--grid", "3x"], "grid"),
        (["depth", "--group", "rotation"], "unknown group"),
        (["depth", "--grid", "1x4", "--group", "translations", "--features", "1,2"], "union of G-orbits"),
        (["depth", "--features", "1,,2"], "empty"),
        (["depth", "--grid", "3x7"], "--force"),
        (["depth", "--grid", "1x1"], "no non-constant image"),
        (["depth", "--alphabet", "x"], "alphabet"),
        (["depth", "--hidden", "0"], "--hidden"),
    ],
)
def test_cli_bad_input_exits_2(capsys, argv, message):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("exactorbit: error:") and message in err


def test_cli_default_case_reports_layer2_networks(capsys):
    from exactorbit.networks import FamilySpec, reconstruction_probabilities_by_weight

    assert main(["depth", "--layers", "3", "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    nets = {r["layer"]: r for r in payload["networks"]}
    assert "skipped" not in nets[2] and nets[2]["inputs"] == 24
    by_w = reconstruction_probabilities_by_weight(FamilySpec(24))
    for r in nets[2]["classes"]:
        p = by_w[r["combined_features"]]
        assert r["probability"] == f"{p.numerator}/{p.denominator}"


def test_cli_networks_and_network_features(capsys):
    argv = ["depth", "--features", "###/.../...,.../###/...,.../.../###,#../#../#..,.#./.#./.#.,..#/..#/..#",
            "--alphabet=0,1", "--json"]
    assert main(argv) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["layers"][0]["features"] == sorted([7, 56, 448, 73, 146, 292])
    net = payload["networks"][0]
    assert net["layer"] == 2 and net["inputs"] == 6 and "skipped" not in net
    assert all("/" in r["probability"] for r in net["classes"])
    assert main(["depth", "--features", "network:0", "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert "random tied network" in payload["layer1_features"]
    sizes = [r["min_orbit_size"] for r in payload["layers"]]
    c8 = [c for c in payload["claims"] if c["id"] == "C8"][0]
    if len(sizes) > 1:
        expected = FAILS if any(b < a for a, b in zip(sizes, sizes[1:])) else HOLDS
        assert c8["verdict"] == expected
    assert main(["depth", "--features", "network:x"]) == 2
    assert "int seed" in capsys.readouterr().err
