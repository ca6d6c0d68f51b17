"""exactorbit networks."""

import json
from fractions import Fraction

import pytest

from exactorbit.cli import main
from exactorbit.networks import (
    NetworkFamily,
    count_distinct_functions,
    parameter_settings,
    reconstruction_probabilities,
)


def test_cli_json(capsys):
    assert main(["networks", "--grid", "2x2", "--hidden", "1", "--untied", "--alphabet", "0,1", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"parameter_settings", "distinct_functions", "reconstruction", "method"}
    assert out["method"] == {"distinct_functions": "one_hidden_unit", "reconstruction": "direct"}
    fam = NetworkFamily("2x2", 1, tied=False, alphabet=(0, 1))
    assert out["parameter_settings"] == parameter_settings(fam)
    assert out["distinct_functions"] == count_distinct_functions(fam)
    probs = reconstruction_probabilities(fam)
    assert sum(r["orbit_size"] for r in out["reconstruction"]) == 16
    for r in out["reconstruction"]:
        assert set(r) == {"image", "orbit_size", "probability"}
        p, q = map(int, r["probability"].split("/"))
        assert Fraction(p, q) == probs[r["image"]]


def test_cli_text_and_defaults(capsys):
    assert main(["networks", "--grid", "2x2", "--hidden", "2", "--alphabet", "-1,1"]) == 0
    captured = capsys.readouterr()
    assert "parameter settings: " in captured.out and "distinct functions: " in captured.out
    assert "translations+dihedral" in captured.out
    assert "parameter settings" in captured.err  # shown before the enumeration
    assert main(["networks", "--grid", "2x2", "--hidden", "3", "--untied"]) == 0
    assert "not computed" in capsys.readouterr().out


@pytest.mark.parametrize("argv, message", [
    (["networks", "--grid", "2x", "--hidden", "1"], "grid"),
    (["networks", "--grid", "2x2", "--hidden", "0"], "--hidden"),
    (["networks", "--grid", "2x2", "--alphabet", "x"], "alphabet"),
    (["networks", "--grid", "2x2", "--group", "nonsense"], "nonsense"),
])
def test_cli_bad_input(capsys, argv, message):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
