"""Issue 13's reproducers in the API and the checker: only ExactOrbitError escapes, no hang, nothing false accepted."""

import json
import time

import numpy as np
import pytest

import exactorbit as eo
from exactorbit import checker
from exactorbit.certificates import minimal_orbit_certificate, orbit_certificate
from exactorbit.errors import CertificateError, ExactOrbitError, InvalidArgument, TooExpensive
from exactorbit.groups import named_group, translations


@pytest.mark.parametrize(
    "call, fragment",
    [
        (lambda: eo.apply((1, 2, 0), 8), "mask of 3 pixels"),
        (lambda: eo.apply((1, 2, 0), -1), ">= 0"),
        (lambda: eo.apply("abc", 1), "permutation"),
        (lambda: eo.apply((0, 0, 1), 1), "permutation of 0..2"),
        (lambda: translations("1x3").is_subgroup_of(0), "PixelGroup"),
        (lambda: eo.random_network(eo.NetworkFamily("2x2", 1), seed=-1), "seed"),
        (lambda: eo.from_array([[1], [0, 1]]), "rectangular"),
        (lambda: eo.shadow_group(translations("1x2"), [0, 2, 1, 3]), r"wrap it as \[table\]"),
        (lambda: eo.count_certificate(named_group("symmetric", "4x4"), force="no"), "force must be True or False"),
        (lambda: eo.orbit(translations("1x3"), 1, limit="x"), "limit"),
        (lambda: eo.parse_grid("5" * 5000 + "x1"), "too large"),
    ],
)
def test_only_exactorbit_errors_escape(call, fragment):
    with pytest.raises(ExactOrbitError, match=fragment):
        call()


def test_limit_none_means_the_default():
    assert sorted(eo.orbit(translations("1x3"), 1, limit=None)) == [1, 2, 4]


def test_messages_do_not_echo_huge_input():
    with pytest.raises(InvalidArgument) as info:
        eo.parse_image("#" * 50_000 + "x", "1x3")
    assert len(str(info.value)) < 300


def test_refusal_of_a_huge_estimate_prints(monkeypatch):
    from exactorbit._budget import refuse_if_over

    with pytest.raises(TooExpensive, match="an int of 5001 digits") as info:
        refuse_if_over("a test", 10**5000, "orbit_points")
    assert info.value.estimate == 10**5000


# -- the checker: bounded before the work ------------------------------------------------


def orbit_doc(grid, generators, order=1):
    return {"format": "exactorbit-certificate", "version": 1, "kind": "orbit",
            "input": {"grid": grid, "group": "x", "generators": generators},
            "claim": {"image": 1, "orbit_size": 1, "stabilizer_order": 1, "group_order": order},
            "witness": {"stabilizer_generators": []}}


def timed(call, seconds=5):
    start = time.perf_counter()
    try:
        return call()
    finally:
        assert time.perf_counter() - start < seconds


def test_checker_refuses_a_huge_grid_without_allocating(tmp_path):
    path = tmp_path / "c.json"
    path.write_text(json.dumps(orbit_doc([100000, 100000], [])))
    assert path.stat().st_size < 300
    with pytest.raises(CertificateError, match="more than 4096 pixels"):
        timed(lambda: checker.check_file(str(path)))


def test_checker_never_computes_2_to_a_huge_n():
    doc = {"format": "exactorbit-certificate", "version": 1, "kind": "minimal-orbit",
           "input": {"grid": [1099511627776, 1], "group": "x", "generators": [], "class": "all"},
           "claim": {"group_order": 1, "orbit_count": 1, "min_orbit_size": 1, "minimal_representatives": [0]},
           "witness": {"orbits": []}}
    with pytest.raises(CertificateError, match="more than 4096 pixels"):
        timed(lambda: checker.verify_certificate(doc))


def test_checker_refuses_a_claimed_order_it_cannot_list_before_listing():
    n = 4096
    gens = [list(range(1, n)) + [0], [1, 0] + list(range(2, n))]
    with pytest.raises(TooExpensive, match="max_group_order"):
        timed(lambda: checker.verify_certificate(orbit_doc([64, 64], gens, order=10**100)))
    # a small claimed order: the listing stops once it passes the claim
    ok, reason = timed(lambda: checker.verify_certificate(orbit_doc([64, 64], gens, order=4000)))
    assert not ok and "more than 4000" in reason


def test_checker_stops_the_closure_at_the_claimed_order():
    G = named_group("symmetric", "3x3")
    doc = minimal_orbit_certificate(translations("3x3"), "nonconstant")
    doc = json.loads(json.dumps(doc))
    gen = doc["input"]["generators"][0]
    gen[0], gen[1] = gen[1], gen[0]   # now the generators make a much larger group
    ok, reason = timed(lambda: checker.verify_certificate(doc, max_group_order=G.order()), seconds=3)
    assert not ok and "more than 9" in reason


@pytest.mark.parametrize("content, fragment", [
    ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ('{"a": ' + "9" * 5000 + "}", "digits"),
    ("", "not valid JSON"),
])
def test_checker_rejects_hostile_files(tmp_path, content, fragment):
    path = tmp_path / "c.json"
    path.write_text(content)
    with pytest.raises(CertificateError, match=fragment):
        timed(lambda: checker.check_file(str(path)))


def test_checker_reads_at_most_max_bytes():
    with pytest.raises(CertificateError, match="larger than"):
        timed(lambda: checker.check_file("/dev/zero"))


def test_checker_does_not_take_an_int_for_a_file_descriptor():
    with pytest.raises(CertificateError, match="file name"):
        checker.check_file(2)


def test_checker_bounds_nesting_of_documents_built_in_python():
    doc = orbit_doc([1, 3], [[1, 2, 0]], order=3)
    deep = []
    for _ in range(5000):
        deep = [deep]
    doc["witness"]["extra"] = deep
    with pytest.raises(CertificateError, match="nested more than"):
        checker.verify_certificate(doc)


def test_checker_still_accepts_true_certificates():
    G = named_group("translations+dihedral", "3x3")
    ok, _ = checker.verify_certificate(json.loads(json.dumps(orbit_certificate(G, 3))))
    assert ok


def test_numpy_seed_generator_accepted():
    net = eo.random_network(eo.NetworkFamily("1x2", 1), seed=np.random.default_rng(0))
    assert len(eo.network_table(net)) == 4

