"""exactorbit tour: computed verdicts, deterministic certificates."""

import json
import os

import pytest

from exactorbit.checker import check_file
from exactorbit.claims import FAILS, HOLDS, UNDECIDED
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
    from exactorbit.claims import case
    seen = []

    def spy(real):
        def call(*args, **kwargs):
            seen.append(kwargs.get("progress"))
            return real(*args, **kwargs)
        return call

    monkeypatch.setattr(case, "depth_table", spy(case.depth_table))
    monkeypatch.setattr(case, "enumerate_functions", spy(case.enumerate_functions))
    run_tour("2x2", "translations", hidden=1, tied=False, alphabet=(0, 1), layers=2, quiet=True)
    assert seen == [False, False, False]  # the functions listed once, the two depth tables
    assert capsys.readouterr().err == ""