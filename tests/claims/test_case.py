"""The toy case as data (exactorbit.claims.case): every shared datum is computed once, and the claims read it."""

import pytest

from exactorbit.claims import CLAIMS, Case, evaluate
from exactorbit.claims import case as case_module
from exactorbit.errors import InvalidArgument


@pytest.fixture()
def calls(monkeypatch):
    """Count the front-door calls the Case makes (the names it imported)."""
    seen = {}
    for name in ("decompose", "shadow_group", "recurrent_shadow_group", "reconstruction_probabilities",
                 "depth_table", "enumerate_functions", "nonempty_settings", "rank_classes"):
        real = getattr(case_module, name)

        def spy(*args, _real=real, _name=name, **kwargs):
            seen[_name] = seen.get(_name, 0) + 1
            return _real(*args, **kwargs)

        monkeypatch.setattr(case_module, name, spy)
    return seen


@pytest.mark.parametrize("kwargs, listed", [
    ({"grid": "2x2", "group": "translations", "tied": False, "alphabet": (0, 1), "layers": 2}, True),
    ({"grid": "3x3", "group": "translations+dihedral"}, False),  # the default: one hidden unit, never listed
])
def test_every_shared_datum_is_computed_once(calls, kwargs, listed):
    case = Case(**kwargs)
    assert case.describe()["parameter_settings"] == case.settings
    claims = evaluate(case)
    assert [c.id for c in claims] == [cid for cid, _ in CLAIMS]
    assert calls == {
        "decompose": 2,                  # the images under G and under S, labelled, once each
        "shadow_group": 1,               # C1, C3, C4 and C6 read one shadow group
        "recurrent_shadow_group": 1,
        "reconstruction_probabilities": 1,
        "rank_classes": 1,               # C5, and C6's reference to C5, read one ranking under G
        "depth_table": 2,                # C7 and C8: the table, and its variant with constant unions
        "nonempty_settings": 1,
        **({"enumerate_functions": 1} if listed else {}),
    }
    again = evaluate(case)              # a second pass computes nothing new
    assert [c.verdict for c in again] == [c.verdict for c in claims]
    assert calls["decompose"] == 2 and calls["shadow_group"] == 1


def test_a_claim_reads_no_other_claim():
    # C6 reports C5's tau and verdict from the case's ranking, not from a C5 claim
    case = Case("2x2", "translations")
    c6 = dict(CLAIMS)["C6"](case)
    c5 = dict(CLAIMS)["C5"](case)
    assert c6.evidence["c5_verdict"] == c5.verdict
    assert c6.evidence["c5_kendall_tau"] == c5.evidence["kendall_tau_orbit_size_vs_probability"]


def test_case_validates_its_parameters():
    with pytest.raises(InvalidArgument, match="layers"):
        Case("2x2", "translations", layers=0)
    with pytest.raises(InvalidArgument, match="tolerance"):
        Case("2x2", "translations", tolerance=-1)
    with pytest.raises(InvalidArgument, match="group"):
        Case("2x2", 7)
    with pytest.raises(InvalidArgument, match="force"):
        Case("2x2", "translations", force="no")
