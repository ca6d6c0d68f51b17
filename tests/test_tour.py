"""exactorbit tour: computed verdicts, deterministic certificates, CLI."""

import json
import os

import pytest

from exactorbit.checker import check_file
from exactorbit.claims import FAILS, HOLDS, UNDECIDED
from exactorbit.cli import main
from exactorbit.tour import run_tour, write_certificates

HERE = os.path.dirname(__file__)
GOLDEN = os.path.join(HERE, "..", "proofs", "certificates")


@pytest.fixture(scope="module")
def default_report():
    return run_tour()


def test_default_tour_has_every_claim_with_a_verdict(default_report):
    claims = default_report["claims"]
    assert [c.id for c in claims] == ["C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8"]
    assert all(c.verdict in (HOLDS, FAILS, UNDECIDED) for c in claims)
    assert default_report["case"]["group_order"] == 72
    assert default_report["case"]["parameter_settings"] == 1174405120
    json.dumps([c.as_dict() for c in claims])  # JSON-able, no floats
    assert "float" not in json.dumps([c.as_dict() for c in claims])


def test_default_c3_numbers(default_report):
    c3 = next(c for c in default_report["claims"] if c.id == "C3")
    dist = {int(k): v for k, v in c3.evidence["distance_distribution"].items()}
    assert sum(dist.values()) == 1174405120
    assert min(dist) >= 510  # one hidden unit: at most 2 inputs agree with any permutation
    assert c3.verdict == FAILS


def test_certificates_regenerate_byte_identically(default_report, tmp_path):
    paths = write_certificates(default_report, tmp_path)
    names = sorted(os.listdir(GOLDEN))
    assert sorted(os.path.basename(p) for p in paths) == names
    for name in names:
        with open(os.path.join(GOLDEN, name), "rb") as a, open(tmp_path / name, "rb") as b:
            assert a.read() == b.read(), name
        ok, reason = check_file(os.path.join(GOLDEN, name))
        assert ok, reason


def test_small_tour_by_listing_matches_verdict_rules():
    report = run_tour("2x2", "translations", hidden=1, tied=False, alphabet=(0, 1), layers=2)
    claims = {c.id: c for c in report["claims"]}
    assert claims["C2"].evidence["route"] == "listing"
    assert claims["C2"].verdict == HOLDS
    c5 = claims["C5"]
    assert c5.verdict == (FAILS if c5.evidence["number_of_violations"] else HOLDS)


def test_quiet_tour_asks_for_no_progress(monkeypatch, capsys):
    # the depth table shows progress on its own for 16 pixels or more; quiet must say no
    from exactorbit import depth, tour
    seen = []

    def spy(real):
        def call(*args, **kwargs):
            seen.append(kwargs.get("progress"))
            return real(*args, **kwargs)
        return call

    monkeypatch.setattr(depth, "depth_claims", spy(depth.depth_claims))
    monkeypatch.setattr(tour, "enumerate_functions", spy(tour.enumerate_functions))
    run_tour("2x2", "translations", hidden=1, tied=False, alphabet=(0, 1), layers=2, quiet=True)
    assert seen == [False, False]
    assert capsys.readouterr().err == ""


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
