"""exactorbit hierarchy (JSON keys, errors) and the hierarchy-invariance certificate (checked, tampered)."""

import copy
import json

import pytest

from exactorbit.checker import verify_certificate
from exactorbit.cli import main
from exactorbit.errors import CertificateError, InvalidArgument, TooExpensive
from exactorbit.hierarchy import HierarchyModel, invariance_certificate

BASE = ["hierarchy", "--v", "3", "--classes", "2", "--m", "3", "--s", "2", "--L", "2"]
GROUP_KEYS = {"order", "orbits", "orbit_sizes", "label_invariant", "counterexample", "method"}


def run_json(capsys, *argv):
    assert main([*argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_json_keys_and_golden_numbers(capsys):
    data = run_json(capsys, *BASE, "--s0", "1", "--sparsity", "A", "--seed", "0")
    assert {"p_max", "inputs", "grid", "diffeomorphism_group", "synonym_group", "claims"} <= set(data)
    assert (data["p_max"], data["inputs"], data["grid"]) == (3456, 3456, [3, 16])   # issue 16, by hand
    for key in ("diffeomorphism_group", "synonym_group"):
        assert GROUP_KEYS <= set(data[key])
    g = data["diffeomorphism_group"]
    assert (g["order"], g["orbits"], g["orbit_sizes"], g["label_invariant"], g["counterexample"]) == \
        (1024, 54, {"64": 54}, True, None)
    assert all(set(c) == {"id", "statement", "verdict"} for c in data["claims"])
    assert [c["verdict"] for c in data["claims"]][:6] == ["holds"] * 6


def test_json_sparsity_b_has_a_counterexample(capsys):
    data = run_json(capsys, *BASE, "--s0", "1", "--sparsity", "B")
    assert data["p_max"] == data["inputs"] == 11664                                 # issue 16, by hand
    g = data["diffeomorphism_group"]
    assert g["label_invariant"] is False and g["counterexample"]["label"] != g["counterexample"]["image_label"]
    assert g["order"] == 24 ** 5


def test_rhm_cases(capsys):
    for argv, count in ((["--v", "4", "--classes", "2", "--m", "2", "--s", "2", "--L", "2"], 16),
                        (["--v", "2", "--classes", "2", "--m", "2", "--s", "2", "--L", "3"], 256),
                        (["--v", "3", "--classes", "3", "--m", "3", "--s", "3", "--L", "2"], 243)):
        data = run_json(capsys, "hierarchy", *argv)
        assert data["p_max"] == data["inputs"] == count                             # issue 16, by hand
        assert data["diffeomorphism_group"]["order"] == 1


def test_text_output(capsys):
    assert main([*BASE, "--s0", "1"]) == 0
    out = capsys.readouterr().out
    assert "P_max by the formula 3456" in out and "H1_pmax: holds" in out


@pytest.mark.parametrize("argv, words", [
    (["--classes", "7"], "infeasible"),
    (["--m", "4"], "infeasible"),
    (["--s", "1"], "s must be >= 2"),
    (["--sparsity", "C"], "invalid choice"),
    (["--v", "x"], "expected an int"),
])
def test_bad_input_one_line_exit_2(capsys, argv, words):
    args = list(BASE)
    for flag, value in zip(argv[::2], argv[1::2]):
        if flag in args:
            args[args.index(flag) + 1] = value
        else:
            args += [flag, value]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert words in err and err.count("\n") == 1 and "Traceback" not in err


def test_refusal_is_one_line(capsys):
    assert main(["hierarchy", "--v", "4", "--classes", "2", "--m", "4", "--s", "2", "--L", "4"]) == 2
    err = capsys.readouterr().err
    assert "--force" in err and err.count("\n") == 1


# -- certificates ------------------------------------------------------------------


@pytest.fixture(scope="module")
def certificate():
    return json.loads(json.dumps(invariance_certificate(HierarchyModel(3, 2, 3, 2, 2, s0=1))))


def test_certificate_checks(certificate):
    ok, summary = verify_certificate(certificate)
    assert ok and "3456 inputs" in summary and "54 orbits" in summary


def test_tampered_certificates_are_rejected(certificate):
    doc = copy.deepcopy(certificate)
    doc["claim"]["orbits"] = 53
    assert verify_certificate(doc)[0] is False
    doc = copy.deepcopy(certificate)
    doc["claim"]["inputs"] = 3455
    assert verify_certificate(doc)[0] is False
    doc = copy.deepcopy(certificate)   # a generator that swaps columns across sub-patches: leaves the inputs
    d = 16
    g = list(range(3 * d))
    for r in range(3):
        g[r * d + 1], g[r * d + 2] = g[r * d + 2], g[r * d + 1]
    doc["input"]["generators"][0] = g
    ok, reason = verify_certificate(doc)
    assert ok is False and "generator 0" in reason
    doc = copy.deepcopy(certificate)   # two symbols share a rule: ambiguous
    doc["input"]["rules"][1][0][0] = doc["input"]["rules"][1][1][0]
    assert verify_certificate(doc) == (False, "the rules of level 1 repeat an s-tuple: the model is ambiguous")
    doc = copy.deepcopy(certificate)
    doc["claim"]["label_invariant"] = False
    assert verify_certificate(doc)[0] is False


def test_malformed_certificates(certificate):
    for path, value in ((("input", "model", "sparsity"), "C"), (("input", "rules"), [[]]),
                        (("input", "model", "s"), 1), (("claim", "inputs"), 1.5), (("input", "grid"), [3, 15])):
        doc = copy.deepcopy(certificate)
        target = doc
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
        with pytest.raises(CertificateError):
            verify_certificate(doc)
    doc = copy.deepcopy(certificate)
    doc["input"]["rules"][0][0][0] = [0, 7]
    with pytest.raises(CertificateError, match="symbol"):
        verify_certificate(doc)


def test_checker_bounds_big_models():
    doc = invariance_certificate(HierarchyModel(3, 2, 3, 2, 2, s0=1))
    doc["input"]["model"].update(v=4, m=4)
    doc["input"]["grid"] = [4, 16]
    with pytest.raises((TooExpensive, CertificateError)):
        verify_certificate(doc)


def test_no_certificate_for_sparsity_b():
    with pytest.raises(InvalidArgument, match="sparsity A"):
        invariance_certificate(HierarchyModel(3, 2, 3, 2, 2, s0=1, sparsity="B"))


def test_checker_does_not_import_the_generator():
    import exactorbit.checker as checker

    source = open(checker.__file__, encoding="utf-8").read()
    assert "hierarchy" not in "".join(line for line in source.splitlines() if "import" in line)


def test_exactorbit_verify_reads_the_certificate(tmp_path, capsys, certificate):
    path = tmp_path / "hierarchy.json"
    path.write_text(json.dumps(certificate))
    assert main(["verify", str(path)]) == 0
    bad = copy.deepcopy(certificate)
    bad["claim"]["orbits"] = 1
    path.write_text(json.dumps(bad))
    assert main(["verify", str(path)]) == 1
    capsys.readouterr()


def test_b_claim_carries_pictures():
    from exactorbit.hierarchy import hierarchy_claims

    claims = {c.id: c for c in hierarchy_claims(HierarchyModel(3, 2, 3, 2, 2, s0=1, sparsity="B"))}
    c = claims["H3_diffeomorphisms"]
    assert c.verdict == "holds" and len(c.pictures) == 2 and c.grid.shape == (3, 16)
