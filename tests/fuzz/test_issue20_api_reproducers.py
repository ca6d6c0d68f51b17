"""Issue 20 item 11's reproducers: every public door refuses hostile values with an ExactOrbitError.

Each call below let a TypeError, AttributeError, OverflowError, IndexError or numpy's "truth value of
an array is ambiguous" ValueError escape (or hung) on the code before issue 20; the fixed-table fuzz
(test_api_hostile_table.py) covers every public name, these are the named reproducers.
"""

import time

import numpy as np
import pytest

import exactorbit as eo
from exactorbit.errors import ExactOrbitError, InvalidArgument
from exactorbit.groups import named_group, translations


def timed(call, seconds=5):
    start = time.perf_counter()
    try:
        return call()
    finally:
        assert time.perf_counter() - start < seconds


# -- issue 20 item 11: every public door refuses hostile values with an ExactOrbitError ------------
# (tests/fuzz/test_api_hostile_table.py covers every public name with a fixed table; these are the
# issue's reproducers, each of which let a TypeError, AttributeError, OverflowError or numpy's
# "truth value of an array is ambiguous" ValueError escape before.)


def _hierarchy_model():
    from exactorbit.hierarchy import HierarchyModel

    return HierarchyModel(2, 2, 1, 2, 1)


@pytest.mark.parametrize(
    "call, fragment",
    [
        (lambda: eo.shadow_group(named_group("translations", "2x2"), eo.NetworkFamily("2x2", 1), inputs=-1),
         "inputs must be a list of masks"),
        (lambda: eo.shadow_group(named_group("translations", "2x2"), eo.NetworkFamily("2x2", 1), inputs=[2**70] * 4),
         r"inputs entry must be <= 15"),
        (lambda: eo.nearest_elements(translations("1x2"), [0, 0, 1, 3], inputs=[1, "x"]), "inputs"),
        (lambda: eo.hierarchy_claims(_hierarchy_model(), inputs=-1), "inputs must be None or the InputSet"),
        (lambda: eo.transformation_orbits(_hierarchy_model(), inputs="x"), "inputs must be None or the InputSet"),
        (lambda: eo.transformation_orbits(_hierarchy_model(), np.array(["synonym", "x"])), "group must be one of"),
        (lambda: __import__("exactorbit.graphs").graphs.element_order(None), "g must be a permutation"),
        (lambda: __import__("exactorbit.graphs").graphs.element_order((0, 0, 1)), "g must be a permutation"),
        (lambda: eo.from_generators("1x2", [[1, 0]], name=np.array([1, 2])), "name must be a str or None"),
        (lambda: eo.depth_table(translations("1x2"), 1, certify=np.array([1, 2])), "certify must be True or False"),
        (lambda: eo.Case("1x2", "translations", quiet=np.array([1, 2])), "quiet must be True or False"),
        (lambda: eo.Case("1x2", "translations", quiet="no"), "quiet must be True or False"),
        (lambda: eo.nearest_elements(translations("1x2"), [0, 0, 1, 3], complement=np.zeros((2, 2))),
         "complement must be True or False"),
        (lambda: eo.enumerate_functions(eo.NetworkFamily("1x2", 1), progress=np.array([1, 2])),
         "progress must be True, False or None"),
        (lambda: __import__("exactorbit.groups").groups.compose((1, 0), "x"), "q must be a permutation"),
        (lambda: __import__("exactorbit.groups").groups.identity(2**70), "n must be <="),
        (lambda: __import__("exactorbit.networks").networks.unit_setting_count(2**63), "m must be <="),
        (lambda: __import__("exactorbit.actions").actions.action_tables([(1, 0)], 2**63), "n must be <="),
        (lambda: __import__("exactorbit.strategies").strategies.permutations(2**63), "n must be <="),
        (lambda: __import__("exactorbit.claims").claims.claim_c1_uniform_search(translations("1x2"), [1], trials=2**63),
         "trials must be <="),
        (lambda: __import__("exactorbit.claims").claims.fraction_str(1.5), "value must be an int or a Fraction"),
    ],
)
def test_issue20_doors_refuse_hostile_values(call, fragment):
    with pytest.raises(ExactOrbitError, match=fragment):
        timed(call)


def test_issue20_hierarchy_records_are_checked():
    """hierarchy.InputSet and GroupOrbits refuse junk at construction (they were taken unchecked)."""
    from exactorbit.hierarchy import GroupOrbits, InputSet, enumerate_inputs

    M = _hierarchy_model()
    X = enumerate_inputs(M)
    with pytest.raises(InvalidArgument, match="levels must be a list of L"):
        InputSet(M, -1, X.rule_digits, X.placement_digits, "x")
    with pytest.raises(InvalidArgument, match="rule_digits must be a 2-d int array"):
        InputSet(M, [a.copy() for a in X.levels], None, X.placement_digits.copy(), "x")
    with pytest.raises(InvalidArgument, match="model must be a HierarchyModel"):
        InputSet(None, X.levels, X.rule_digits, X.placement_digits, "x")
    with pytest.raises(InvalidArgument, match="orbit_of must be a 1-d int array"):
        GroupOrbits("synonym", 2, "x", [1, 1], np.array([0, 1]), "listing")
    with pytest.raises(InvalidArgument, match="sizes entry must be >= 1"):
        GroupOrbits("synonym", 2, np.array([0, 1]), [1, -1], np.array([0, 1]), "listing")
    with pytest.raises(InvalidArgument, match="orbit_of must number orbits 0..0"):
        GroupOrbits("synonym", 2, np.array([0, 1]), [2], np.array([0, 1]), "listing")
    # valid records still build, and agree with what the package computes (2 inputs, 2 orbits of size 1)
    Y = InputSet(M, [a.copy() for a in X.levels], X.rule_digits.copy(), X.placement_digits.copy(), "vectorised")
    assert len(Y) == len(X) == 2
    O = GroupOrbits("synonym", 1, np.array([0, 1]), [1, 1], np.array([0, 1]), "listing")
    assert O.orbits == 2 and O.label_invariant


def test_issue20_checked_doors_keep_their_answers():
    """The checks change no answer: numbers from independent sources still come out."""
    from exactorbit.graphs import element_order
    from exactorbit.groups import compose, cycle_lengths, inverse

    assert element_order(np.array([1, 2, 0, 4, 3])) == 6  # lcm(3, 2), by hand
    assert element_order(()) == 1
    assert compose((1, 2, 0), (1, 0, 2)) == (0, 2, 1)  # p then q, by hand
    assert inverse([np.int64(1), np.int64(2), np.int64(0)]) == (2, 0, 1)
    assert cycle_lengths((1, 2, 0, 4, 3, 5)) == [3, 2, 1]
    G = named_group("translations", "2x2")
    fam = eo.NetworkFamily("2x2", 1)
    # inputs given as a numpy array or a range give the same group as the same list
    assert eo.shadow_group(G, fam, inputs=np.array([0, 3])).order == eo.shadow_group(G, fam, inputs=[0, 3]).order
    assert eo.shadow_group(G, fam, inputs=range(16)).order == eo.shadow_group(G, fam).order


# Issue 20 item 11, the doors of certificates, orbits, stabilizers, plots and tour that the
# deterministic table (tests/fuzz/test_api_hostile_table.py) listed as KNOWN: each call below let a
# TypeError, ValueError, AttributeError, OverflowError or numpy's ambiguous truth value escape.


from exactorbit import certificates as _certs, orbits as _orbits, stabilizers as _stabs, tour as _tour  # noqa: E402




@pytest.mark.parametrize(
    "call, fragment",
    [
        (lambda: _certs.Certificate(-1), "Certificate contents must be a list or tuple"),
        (lambda: _certs.Certificate("x"), "Certificate contents must be a list or tuple"),
        (lambda: _certs.Certificate([1, 2]), r"a dict or \(key, value\) pairs"),
        (lambda: _certs.table_digest(None), "values must be a list"),
        (lambda: _certs.table_digest(-1), "values must be a list"),
        (lambda: _certs.table_digest("x"), "values must be a list"),
        (lambda: _certs.table_digest(np.zeros((2, 2))), "values must be a list of ints"),
        (lambda: _certs.write_certificate({"a": 1}, None), "path must be a str or os.PathLike"),
        (lambda: _certs.write_certificate({"a": 1}, 3), "path must be a str or os.PathLike"),
        (lambda: eo.shadow_certificate(translations("1x2"), [0, 2, 1, 3], -1, 0), "elements must be a list"),
        (lambda: eo.shadow_certificate(translations("1x2"), [0, 2, 1, 3], [(1, 0)], 0, inputs=-1),
         "inputs must be a list of masks"),
        (lambda: eo.shadow_certificate(translations("1x2"), [0, 2, 1, 3], [(1, 0)], 0, inputs="x"),
         "inputs must be a list of masks"),
        (lambda: eo.shadow_certificate(translations("1x2"), [0, 2, 1, 3], [(1, 0)], 0, inputs=[2**70]),
         r"inputs entry must be <= 3"),
        (lambda: eo.decompose(translations("1x3"), progress=np.array([1, 2])), "progress must be True, False or None"),
        (lambda: _orbits.orbit_labels(translations("1x3"), progress=np.array([1, 2])),
         "progress must be True, False or None"),
        (lambda: _orbits.estimate_enumeration(translations("1x3"), labels=np.array([1, 2])),
         "labels must be True or False"),
        (lambda: eo.orbit_classes(translations("1x3"), np.array(True)), "points must be a collection"),
        (lambda: _orbits.OrbitClass(-1), "members must be a list"),
        (lambda: _orbits.OrbitClass([]), "members must be a non-empty list"),
        (lambda: _orbits.OrbitClass([5, 3]), "increasing order"),
        (lambda: eo.transporter(translations("1x3"), 1, 2, method=np.array([1, 2])), "method must be one of"),
        (lambda: eo.transporter(translations("1x3"), 1, 3, method="bogus"), "method must be one of"),
        (lambda: _stabs.StabilizerChain(-1, 4), "generators must be a list"),
        (lambda: _stabs.StabilizerChain([[2**70] * 4], 4), "generators.0. must be a permutation"),
        (lambda: _stabs.StabilizerChain([(1, 0, 2, 3)], -1), "n must be >= 1"),
        (lambda: _stabs.StabilizerChain([(1, 0, 2, 3)], True), "n must be an int"),
        (lambda: _stabs.StabilizerChain([(1, 0, 2, 3)], 2**70), "n must be <= 4096"),
        (lambda: _stabs.StabilizerChain([(1, 0, 2, 3)], 4, base_prefix=-1), "base_prefix must be a list"),
        (lambda: _stabs.StabilizerChain([(1, 0, 2, 3)], 4, base_prefix=[2**70] * 4),
         "base_prefix entry must be <= 3"),
        (lambda: eo.plot_probability_vs_orbit_size(translations("1x1"), probabilities=np.array(True)),
         "probabilities must be a list"),
        (lambda: _tour.format_tour(None), "report must be a TourReport"),
        (lambda: _tour.write_certificates({"certificates": {}}, "/tmp"), "report must be a TourReport"),
        (lambda: _tour.other_certificates(2**63, []), "directory must be a path"),
        (lambda: _tour.other_certificates(np.int64(3), []), "directory must be a path"),
        (lambda: _tour.other_certificates("a\0b", []), "directory must be a path"),
        (lambda: _tour.other_certificates("/nonexistent", None), "written must be a list"),
        (lambda: _tour.other_certificates("/nonexistent", -1), "written must be a list"),
    ],
)
def test_issue20_item11_known_doors_refuse_hostile_values(call, fragment):
    with pytest.raises(InvalidArgument, match=fragment):
        timed(call)


def test_issue20_item11_checked_doors_keep_their_answers(tmp_path):
    """The new checks refuse junk only: valid calls give the answers known independently."""
    from exactorbit.certificates import table_digest, write_certificate
    from exactorbit.orbits import OrbitClass, estimate_enumeration
    from exactorbit.stabilizers import StabilizerChain
    from exactorbit.tour import other_certificates

    # Certificate: a dict, pairs or keywords, as dict() takes them
    assert _certs.Certificate({"a": 1}) == _certs.Certificate([("a", 1)]) == _certs.Certificate(a=1) == {"a": 1}
    # the digest is sha256 of the text "[0,1]" (hashlib directly), for lists, tuples and 1-d arrays
    import hashlib

    want = hashlib.sha256(b"[0,1]").hexdigest()
    assert table_digest([0, 1]) == table_digest((0, 1)) == table_digest(np.array([0, 1])) == want
    path = tmp_path / "c.json"
    assert write_certificate({"a": 1}, path) == path and path.read_text() == '{\n  "a": 1\n}\n'
    # shadow certificate with inputs as an array: the same document as with a list
    G = translations("1x2")
    a = eo.shadow_certificate(G, [0, 2, 1, 3], [(1, 0)], 0, inputs=np.array([2, 1]))
    assert a == eo.shadow_certificate(G, [0, 2, 1, 3], [(1, 0)], 0, inputs=[1, 2]) and a["input"]["inputs"] == [1, 2]
    # flags: numpy bools are bools
    # binary necklaces of 3 beads: 4 (OEIS A000031)
    assert eo.decompose(translations("1x3"), progress=np.bool_(False)).orbits == 4
    assert estimate_enumeration(translations("2x2"), labels=np.bool_(True))["images"] == 16
    # orbits of a G-closed set given as an array: {1,2,4} under the 3-cycle, by hand
    assert [c.members for c in eo.orbit_classes(translations("1x3"), np.array([4, 1, 2]))] == [(1, 2, 4)]
    c = OrbitClass(np.array([3, 5, 6]))
    assert (c, c.members) == ((3, 3), (3, 5, 6))
    # the chain of the 3x3 torus with its dihedral symmetries: 9 translations x 8 = 72 (by hand)
    D = named_group("translations+dihedral", "3x3")
    chain = StabilizerChain([np.array(g) for g in D.generators], np.int64(9), base_prefix=np.array([8, 7]))
    assert chain.order() == 72 and chain.base[:2] == [8, 7]
    assert StabilizerChain([], 3).order() == 1
    # transporter: 0b001 -> 0b100 by the translation x -> x + 2 (by hand); different weights: None
    assert eo.transporter(translations("1x3"), 0b001, 0b100) == (2, 0, 1)
    assert eo.transporter(translations("1x3"), 0b001, 0b011) is None
    (tmp_path / "x.json").write_text("{}")
    assert other_certificates(tmp_path, [str(tmp_path / "c.json")]) == ["x.json"]
