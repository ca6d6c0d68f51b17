"""exactorbit verify: exit codes 0, 1, 2 and JSON."""

import json

import pytest

from exactorbit.certificates import (
    count_certificate,
    dump_certificate,
    minimal_orbit_certificate,
    orbit_certificate,
    write_certificate,
)
from exactorbit.cli import main
from exactorbit.groups import named_group


@pytest.fixture
def files(tmp_path):
    G = named_group("translations+dihedral", "2x3")
    good = [
        write_certificate(orbit_certificate(G, 3), tmp_path / "orbit.json"),
        write_certificate(count_certificate(G), tmp_path / "count.json"),
    ]
    bad_doc = minimal_orbit_certificate(G)
    bad_doc["claim"]["min_orbit_size"] += 1
    bad = write_certificate(bad_doc, tmp_path / "bad.json")
    broken = tmp_path / "broken.json"
    broken.write_text(dump_certificate(orbit_certificate(G, 3))[:-5])
    binary = tmp_path / "image.png"
    binary.write_bytes(bytes(range(256)))
    return {"good": [str(p) for p in good], "bad": str(bad), "broken": str(broken), "binary": str(binary)}


def test_verify_ok(files, capsys):
    assert main(["verify", *files["good"]]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 2 and all(": OK: " in line for line in out)


def test_verify_fail(files, capsys):
    assert main(["verify", *files["good"], files["bad"]]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[-1].startswith(files["bad"] + ": FAIL: the minimal orbit size is")


@pytest.mark.parametrize("which", ["broken", "binary"])
def test_verify_malformed(files, capsys, which):
    assert main(["verify", files["good"][0], files[which]]) == 2
    captured = capsys.readouterr()
    err = captured.err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"exactorbit: error: {files[which]}: ")
    assert "Traceback" not in captured.err and ": OK: " in captured.out


def test_verify_missing_file(capsys, tmp_path):
    assert main(["verify", str(tmp_path / "none.json")]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_verify_json(files, capsys):
    assert main(["verify", "--json", *files["good"], files["bad"]]) == 1
    data = json.loads(capsys.readouterr().out)
    assert [d["ok"] for d in data] == [True, True, False]
    assert [d["file"] for d in data] == files["good"] + [files["bad"]]
    assert all(isinstance(d["reason"], str) and d["reason"] for d in data)


def test_verify_max_group_order(files, capsys):
    assert main(["verify", "--max-group-order", "3", files["good"][0]]) == 2
    assert "--max-group-order" in capsys.readouterr().err
