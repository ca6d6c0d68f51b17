"""The independent checker: tampered certificates, malformed documents, independence (exactorbit.checker).

Tampering: a hypothesis strategy draws one mutation of a valid certificate
(an int moved by +-1 or set to another value, a list entry dropped or
duplicated, a permutation replaced, a bool flipped, a string altered, a table
entry changed with or without re-hashing, a shadow element added, a field's
type changed, a field dropped or added).  Whether the mutated document is
still a true certificate is decided by a *semantic oracle* written in this file
with the producer's machinery (PixelGroup/sympy, exactorbit.actions, counting)
and brute force; the checker must reject (False or CertificateError) exactly
when the oracle says the document is false or malformed, and accept otherwise
(a mutation can leave a certificate true, e.g. dropping a redundant generator).
"""

import ast
import copy
import hashlib
from pathlib import Path

import pytest
from hypothesis import event, given, settings
from hypothesis import note as _note
from hypothesis import strategies as st
from hypothesis.control import currently_in_test_context
from sympy.combinatorics import Permutation

from exactorbit import checker as checker_module
from exactorbit import strategies as eos
from exactorbit.actions import apply
from exactorbit.stabilizers import orbit_size
from exactorbit.certificates import (
    count_certificate,
    minimal_orbit_certificate,
    orbit_certificate,
    shadow_certificate,
)
from exactorbit.checker import check_file, load_certificate, verify_certificate
from exactorbit.counting import burnside_count, count_cycles, orbits_by_weight
from exactorbit.errors import CertificateError, TooExpensive
from exactorbit.groups import PixelGroup, named_group, translations
from exactorbit.images import Grid
from exactorbit.testutil import naive_apply, naive_elements, naive_orbit, naive_shadow

TAMPER = settings(max_examples=150, deadline=None)


def note(text):
    if currently_in_test_context():
        _note(text)


def verdict(doc):
    """True (accepted), False (rejected as false) or 'malformed' (CertificateError)."""
    try:
        ok, reason = verify_certificate(doc)
    except CertificateError as exc:
        note(f"malformed: {exc}")
        return "malformed"
    note(f"{ok}: {reason}")
    assert isinstance(ok, bool) and isinstance(reason, str) and reason
    return ok


class Invalid(Exception):
    pass


def need(condition):
    if not condition:
        raise Invalid


def is_int(v):
    return isinstance(v, int) and not isinstance(v, bool)


def mask_ok(v, n):
    return is_int(v) and 0 <= v < 2**n


def keys(obj, required, optional=()):
    need(isinstance(obj, dict) and set(required) <= set(obj) <= set(required) | set(optional))


def oracle_valid(doc):
    """Whether ``doc`` is a well-formed, true certificate, judged with the producer's tools."""
    try:
        return _oracle(doc)
    except (Invalid, ValueError, TypeError, KeyError, IndexError, AttributeError):
        return False


def _oracle(doc):
    keys(doc, ("format", "version", "kind", "input", "claim", "witness"))
    need(doc["format"] == "exactorbit-certificate" and is_int(doc["version"]) and doc["version"] == 1)
    kind = doc["kind"]
    inp = doc["input"]
    extra = {"minimal-orbit": (("class",), ("features",)), "shadow": (("complement", "table"), ("inputs",))}
    req, opt = extra.get(kind, ((), ()))
    keys(inp, ("grid", "group", "generators") + req, opt)
    h, w = inp["grid"]
    need(len(inp["grid"]) == 2 and is_int(h) and is_int(w) and h >= 1 and w >= 1)
    need(isinstance(inp["group"], str))
    need(all(all(is_int(v) for v in g) for g in inp["generators"]))
    G = PixelGroup(Grid(h, w), [tuple(g) for g in inp["generators"]])
    n = G.n
    order = G.order()
    claim, witness = doc["claim"], doc["witness"]

    def stabilizer_ok(x, stab_gens, stab_order):
        need(all(isinstance(s, list) and all(is_int(v) for v in s) for s in stab_gens))
        S = PixelGroup(G.grid, [tuple(s) for s in stab_gens])
        need(all(G.contains(s) and apply(s, x) == x for s in S.generators))
        need(is_int(stab_order) and S.order() == stab_order == order // orbit_size(G, x))

    if kind == "orbit":
        keys(claim, ("image", "orbit_size", "stabilizer_order", "group_order"))
        keys(witness, ("stabilizer_generators",))
        x = claim["image"]
        need(mask_ok(x, n) and claim["group_order"] == order and is_int(claim["group_order"]))
        need(is_int(claim["orbit_size"]) and claim["orbit_size"] == orbit_size(G, x))
        stabilizer_ok(x, witness["stabilizer_generators"], claim["stabilizer_order"])
        return True

    if kind == "minimal-orbit":
        keys(claim, ("group_order", "orbit_count", "min_orbit_size", "minimal_representatives"))
        keys(witness, ("orbits",))
        spec = inp["class"]
        if spec == "explicit":
            feats = inp["features"]
            need(all(mask_ok(v, n) for v in feats) and all(a < b for a, b in zip(feats, feats[1:])))
            members = set(feats)
        else:
            need("features" not in inp)
            if spec == "all":
                members = set(range(2**n))
            elif spec == "nonconstant":
                members = set(range(1, 2**n - 1))
            else:
                need(isinstance(spec, str) and spec.startswith("weight:"))
                k = spec[len("weight:"):]
                need(k.isdigit() and str(int(k)) == k and int(k) <= n)
                members = {x for x in range(2**n) if bin(x).count("1") == int(k)}
        need(members)
        need(is_int(claim["group_order"]) and claim["group_order"] == order)
        covered = set()
        sizes = {}
        for entry in witness["orbits"]:
            keys(entry, ("representative", "orbit_size", "stabilizer_order", "stabilizer_generators"))
            x = entry["representative"]
            need(mask_ok(x, n) and x in members and x not in covered)
            orb = set(naive_orbit(G, x))
            need(orb <= members and is_int(entry["orbit_size"]) and entry["orbit_size"] == len(orb))
            stabilizer_ok(x, entry["stabilizer_generators"], entry["stabilizer_order"])
            covered |= orb
            sizes[x] = len(orb)
        need(covered == members)
        need(is_int(claim["orbit_count"]) and claim["orbit_count"] == len(sizes))
        smallest = min(sizes.values())
        need(is_int(claim["min_orbit_size"]) and claim["min_orbit_size"] == smallest)
        reps = claim["minimal_representatives"]
        need(all(mask_ok(v, n) for v in reps))
        need(reps == sorted(x for x, s in sizes.items() if s == smallest))
        return True

    if kind == "count":
        keys(claim, ("group_order", "orbit_count", "orbits_by_weight"))
        keys(witness, ("classes",))
        need(is_int(claim["group_order"]) and claim["group_order"] == order)
        need(is_int(claim["orbit_count"]) and claim["orbit_count"] == burnside_count(G))
        need(all(is_int(v) for v in claim["orbits_by_weight"]))
        need(claim["orbits_by_weight"] == orbits_by_weight(G))
        covered = set()
        for entry in witness["classes"]:
            keys(entry, ("representative", "size", "cycles", "fixed_images", "fixed_by_weight"))
            g = entry["representative"]
            need(isinstance(g, list) and all(is_int(v) for v in g) and sorted(g) == list(range(n)))
            need(G.contains(tuple(g)))
            cls = {tuple(p.array_form) for p in G.sympy.conjugacy_class(Permutation(g))}
            need(not cls & covered)
            covered |= cls
            need(is_int(entry["size"]) and entry["size"] == len(cls))
            c = count_cycles(g)
            need(is_int(entry["cycles"]) and entry["cycles"] == c)
            need(is_int(entry["fixed_images"]) and entry["fixed_images"] == 2**c)
            brute = [0] * (n + 1)
            for x in range(2**n):
                if naive_apply(g, x) == x:
                    brute[bin(x).count("1")] += 1
            need(entry["fixed_by_weight"] == brute and all(is_int(v) for v in entry["fixed_by_weight"]))
        need(len(covered) == order)
        return True

    if kind == "shadow":
        keys(claim, ("distance", "elements"))
        keys(witness, ("ambient_order",))
        comp = inp["complement"]
        need(isinstance(comp, bool))
        table = inp["table"]
        keys(table, ("values", "sha256"))
        values = table["values"]
        need(len(values) == 2**n and all(mask_ok(v, n) for v in values))
        text = "[" + ",".join(map(str, values)) + "]"
        need(table["sha256"] == hashlib.sha256(text.encode()).hexdigest())
        inputs = inp.get("inputs")
        if inputs is not None:
            need(all(mask_ok(v, n) for v in inputs) and all(a < b for a, b in zip(inputs, inputs[1:])))
        need(is_int(witness["ambient_order"]) and witness["ambient_order"] == order * (2 if comp else 1))
        claimed = []
        for e in claim["elements"]:
            keys(e, ("permutation", "complement"))
            p = e["permutation"]
            need(all(is_int(v) for v in p) and sorted(p) == list(range(n)) and isinstance(e["complement"], bool))
            claimed.append((tuple(p), e["complement"]))
        need(len(set(claimed)) == len(claimed))
        d, nearest = naive_shadow(G, values, comp, inputs)
        need(is_int(claim["distance"]) and claim["distance"] == d and set(claimed) == set(nearest))
        return True

    raise Invalid


PERM_KEYS = {"generators", "stabilizer_generators"}


def _nodes(value, path=()):
    yield path, value
    if isinstance(value, dict):
        for k in sorted(value):
            yield from _nodes(value[k], path + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _nodes(v, path + (i,))


def _is_perm_path(path, value, n):
    if not (isinstance(value, list) and len(value) == n and all(is_int(v) for v in value)):
        return False
    return (
        (len(path) >= 2 and path[-2] in PERM_KEYS)
        or path[-1] in ("permutation",)
        or (path[-1] == "representative" and "classes" in path)
    )


def _get(doc, path):
    for p in path:
        doc = doc[p]
    return doc


def _set(doc, path, value):
    _get(doc, path[:-1])[path[-1]] = value


@st.composite
def mutations(draw, cert, n):
    """(mutated copy, must_reject, label): one random change of a valid certificate."""
    doc = copy.deepcopy(cert)
    nodes = [(p, v) for p, v in _nodes(doc) if p != ("input", "group")]
    ints = [p for p, v in nodes if is_int(v)]
    bools = [p for p, v in nodes if isinstance(v, bool)]
    strs = [p for p, v in nodes if isinstance(v, str)]
    lists = [p for p, v in nodes if isinstance(v, list) and p]
    dicts = [p for p, v in nodes if isinstance(v, dict)]
    perms = [p for p, v in nodes if p and _is_perm_path(p, v, n)]
    ops = ["int+-1", "int-set", "drop", "dup", "retype", "delete-key", "add-key"]
    ops += ["bool"] * bool(bools) + ["str"] * bool(strs) + ["perm"] * bool(perms)
    if doc["kind"] == "shadow":
        ops += ["table-rehash", "add-element"]
    op = draw(st.sampled_from(ops))
    event(f"{doc['kind']}: {op}")
    must_reject = False
    if op in ("int+-1", "int-set"):
        path = draw(st.sampled_from(ints))
        old = _get(doc, path)
        if op == "int+-1":
            new = old + draw(st.sampled_from([-1, 1]))
        else:
            new = draw(st.integers(-1, 2**n + 1) | st.integers(0, 2 * abs(old) + 2))
        _set(doc, path, new)
    elif op in ("drop", "dup"):
        candidates = [p for p in lists if _get(doc, p) or op == "dup"]
        candidates = [p for p in candidates if _get(doc, p)]
        if not candidates:
            return doc, False, "no-op"
        path = draw(st.sampled_from(candidates))
        items = _get(doc, path)
        i = draw(st.integers(0, len(items) - 1))
        if op == "drop":
            del items[i]
        else:
            items.insert(draw(st.integers(0, len(items))), copy.deepcopy(items[i]))
    elif op == "perm":
        path = draw(st.sampled_from(perms))
        _set(doc, path, list(draw(eos.permutations(n))))
    elif op == "bool":
        path = draw(st.sampled_from(bools))
        _set(doc, path, not _get(doc, path))
    elif op == "str":
        path = draw(st.sampled_from(strs))
        old = _get(doc, path)
        if path == ("input", "class"):
            new = draw(st.sampled_from(["all", "nonconstant", "explicit", "weight:x", "weight:01"]
                                       + [f"weight:{k}" for k in range(n + 2)]))
        else:
            new = draw(st.sampled_from([old[:-1], old + "0", old.upper(), ""]))
            must_reject = new != old  # format, kind or sha256 altered
        _set(doc, path, new)
    elif op == "retype":
        path = draw(st.sampled_from([p for p, v in nodes if p and not isinstance(v, (dict, list, str))]))
        old = _get(doc, path)
        new = draw(st.sampled_from(
            [float(old), str(old), None, [old], {"value": old}] + ([True] if not isinstance(old, bool) else [int(old)])
        ))
        _set(doc, path, new)
        must_reject = True
    elif op == "delete-key":
        path = draw(st.sampled_from([p for p in (q for q, _ in nodes) if p and isinstance(_get(doc, p[:-1]), dict)]))
        del _get(doc, path[:-1])[path[-1]]
        must_reject = path != ("input", "inputs")
    elif op == "add-key":
        path = draw(st.sampled_from(dicts))
        _get(doc, path)[draw(st.sampled_from(["extra", "note", "comment"]))] = 0
        must_reject = True
    elif op == "table-rehash":
        values = doc["input"]["table"]["values"]
        values[draw(st.integers(0, len(values) - 1))] = draw(st.integers(0, 2**n - 1))
        text = "[" + ",".join(map(str, values)) + "]"
        doc["input"]["table"]["sha256"] = hashlib.sha256(text.encode()).hexdigest()
    elif op == "add-element":
        comp = doc["input"]["complement"] and draw(st.booleans())
        doc["claim"]["elements"].append({"permutation": list(draw(eos.permutations(n))), "complement": comp})
    return doc, must_reject, op


def assert_tamper_judged(cert, mutated, must_reject):
    expected = (not must_reject) and oracle_valid(mutated)
    got = verdict(mutated)
    if expected:
        assert got is True, "a mutation that leaves the certificate true was rejected"
    else:
        assert got is not True, "a false or malformed certificate was accepted"


def test_oracle_accepts_the_untouched_certificates():
    G = named_group("translations+dihedral", "2x2")
    certs = [orbit_certificate(G, 3), minimal_orbit_certificate(G), count_certificate(G),
             shadow_certificate(G, list(range(16)), [G.identity], 0)]
    assert all(oracle_valid(c) and verdict(c) is True for c in certs)


@TAMPER
@given(st.data())
def test_tampered_orbit_certificates(data):
    group, x = data.draw(eos.groups_with_images(max_pixels=6))
    cert = orbit_certificate(group, x)
    mutated, must_reject, _ = data.draw(mutations(cert, group.n))
    assert_tamper_judged(cert, mutated, must_reject)


@TAMPER
@given(st.data())
def test_tampered_minimal_orbit_certificates(data):
    group = data.draw(eos.pixel_groups(max_pixels=5))
    spec = data.draw(st.sampled_from(["all", "explicit"] + [f"weight:{k}" for k in range(group.n + 1)]))
    if spec == "explicit":
        seed = data.draw(eos.images(group.grid))
        spec = list(naive_orbit(group, seed)) + list(naive_orbit(group, 2**group.n - 1 - seed))
    cert = minimal_orbit_certificate(group, spec)
    mutated, must_reject, _ = data.draw(mutations(cert, group.n))
    assert_tamper_judged(cert, mutated, must_reject)


@TAMPER
@given(st.data())
def test_tampered_count_certificates(data):
    group = data.draw(eos.pixel_groups(max_pixels=5))
    cert = count_certificate(group)
    mutated, must_reject, _ = data.draw(mutations(cert, group.n))
    assert_tamper_judged(cert, mutated, must_reject)


@TAMPER
@given(st.data())
def test_tampered_shadow_certificates(data):
    group = data.draw(eos.pixel_groups(max_pixels=4))
    complement = data.draw(st.booleans())
    size = 2**group.n
    g = data.draw(eos.group_elements(group))
    table = [apply(g, x) for x in range(size)]
    for x, v in data.draw(st.lists(st.tuples(st.integers(0, size - 1), st.integers(0, size - 1)), max_size=3)):
        table[x] = v
    inputs = data.draw(st.none() | st.lists(st.integers(0, size - 1), min_size=1, unique=True).map(sorted))
    d, nearest = naive_shadow(group, table, complement, inputs)
    cert = shadow_certificate(group, table, nearest, d, complement=complement, inputs=inputs)
    mutated, must_reject, _ = data.draw(mutations(cert, group.n))
    assert_tamper_judged(cert, mutated, must_reject)


G72 = named_group("translations+dihedral", "3x3")


def _shadow72():
    table = [apply(G72.generators[0], x) for x in range(512)]
    table[5] = 0
    d, nearest = naive_shadow(G72, table, True)
    return shadow_certificate(G72, table, nearest, d, complement=True)


@pytest.mark.parametrize(
    "make, path, change",
    [
        (lambda: orbit_certificate(G72, 18), ("claim", "orbit_size"), lambda v: v + 1),
        (lambda: orbit_certificate(G72, 18), ("claim", "stabilizer_order"), lambda v: v * 2),
        (lambda: orbit_certificate(G72, 18), ("claim", "group_order"), lambda v: 144),
        (lambda: orbit_certificate(G72, 18), ("claim", "image"), lambda v: 17),
        (lambda: orbit_certificate(G72, 18), ("witness", "stabilizer_generators"), lambda v: v[:1]),
        (lambda: orbit_certificate(G72, 18), ("input", "generators"), lambda v: v[:1]),
        (lambda: minimal_orbit_certificate(G72), ("witness", "orbits"), lambda v: v[1:]),
        (lambda: minimal_orbit_certificate(G72), ("witness", "orbits"), lambda v: v + v[:1]),
        (lambda: minimal_orbit_certificate(G72), ("claim", "min_orbit_size"), lambda v: v - 1),
        (lambda: minimal_orbit_certificate(G72), ("claim", "minimal_representatives"), lambda v: v[1:]),
        (lambda: minimal_orbit_certificate(G72), ("claim", "orbit_count"), lambda v: v + 1),
        (lambda: minimal_orbit_certificate(G72), ("input", "class"), lambda v: "all"),
        (lambda: count_certificate(G72), ("claim", "orbit_count"), lambda v: v + 1),
        (lambda: count_certificate(G72), ("witness", "classes"), lambda v: v[1:]),
        (lambda: count_certificate(G72), ("witness", "classes"), lambda v: v + v[-1:]),
        (lambda: count_certificate(G72), ("witness", "classes", 1, "size"), lambda v: v + 1),
        (lambda: count_certificate(G72), ("witness", "classes", 1, "representative"),
         lambda v: list(G72.generators[0])),
        (lambda: count_certificate(G72), ("claim", "orbits_by_weight", 4), lambda v: v - 1),
        (_shadow72, ("claim", "distance"), lambda v: v + 1),
        (_shadow72, ("claim", "distance"), lambda v: v - 1),
        (_shadow72, ("claim", "elements"), lambda v: v[1:]),
        (_shadow72, ("claim", "elements"), lambda v: v + [{"permutation": list(range(9)), "complement": True}]),
        (_shadow72, ("input", "table", "values", 7), lambda v: (v + 1) % 512),
        (_shadow72, ("input", "table", "sha256"), lambda v: "0" + v[1:]),
        (_shadow72, ("input", "complement"), lambda v: not v),
        (_shadow72, ("witness", "ambient_order"), lambda v: v // 2),
        (_shadow72, ("input", "grid"), lambda v: [3, 4]),
    ],
)
def test_named_tamperings_are_rejected(make, path, change):
    cert = make()
    assert verdict(cert) is True
    _set(cert, path, change(_get(cert, path)))
    assert verdict(cert) is not True


def test_failure_reasons_are_specific():
    cert = count_certificate(G72)
    cert["claim"]["orbit_count"] = 27
    assert verify_certificate(cert) == (False, "the Burnside sum gives 26 orbits, certificate claims 27")
    cert = _shadow72()
    cert["claim"]["distance"] += 1
    ok, reason = verify_certificate(cert)
    assert not ok and "distance 1 < claimed 2" in reason


def _orbit_doc():
    return orbit_certificate(translations("1x3"), 1)


@pytest.mark.parametrize(
    "path, value, message",
    [
        (("format",), "other", "format"),
        (("version",), 2, "version"),
        (("version",), 1.0, "float"),
        (("kind",), "orbits", "unknown certificate kind"),
        (("input", "grid"), [1], "2 entries"),
        (("input", "grid"), [0, 3], ">= 1"),
        (("input", "generators"), [[1, 1, 0]], "not a permutation"),
        (("input", "generators"), [[1, 0]], "3 entries"),
        (("input", "generators"), [[1.0, 2, 0]], "float"),
        (("claim", "image"), 8, "mask of 3 pixels"),
        (("claim", "image"), -1, ">= 0"),
        (("claim", "image"), True, "must be an int"),
        (("claim", "orbit_size"), "3", "must be an int"),
        (("witness", "stabilizer_generators"), {}, "must be a list"),
        (("witness",), [], "must be an object"),
    ],
)
def test_malformed_documents_raise(path, value, message):
    doc = _orbit_doc()
    _set(doc, path, value)
    with pytest.raises(CertificateError, match=message):
        verify_certificate(doc)


def test_missing_and_extra_fields_raise():
    doc = _orbit_doc()
    del doc["claim"]["orbit_size"]
    with pytest.raises(CertificateError, match="lacks the field 'orbit_size'"):
        verify_certificate(doc)
    doc = _orbit_doc()
    doc["claim"]["comment"] = "hi"
    with pytest.raises(CertificateError, match="unknown field 'comment'"):
        verify_certificate(doc)
    with pytest.raises(CertificateError, match="must be an object"):
        verify_certificate([1, 2])


def test_malformed_class_and_table_raise():
    G = translations("1x3")
    doc = minimal_orbit_certificate(G, [1, 2, 4])
    doc["input"]["features"] = [4, 2, 1]
    with pytest.raises(CertificateError, match="strictly increasing"):
        verify_certificate(doc)
    del doc["input"]["features"]
    with pytest.raises(CertificateError, match="needs the field 'features'"):
        verify_certificate(doc)
    doc["input"]["class"] = "weight:x"
    with pytest.raises(CertificateError, match="weight must be an int"):
        verify_certificate(doc)
    doc = shadow_certificate(G, list(range(8)), [G.identity], 0)
    doc["input"]["table"]["values"].pop()
    with pytest.raises(CertificateError, match="8 entries"):
        verify_certificate(doc)
    doc = shadow_certificate(G, list(range(8)), [G.identity], 0)
    doc["input"]["table"]["values"][3] = 8
    with pytest.raises(CertificateError, match="values\\[3\\]"):
        verify_certificate(doc)


def test_group_size_limit_is_a_clear_refusal():
    doc = orbit_certificate(named_group("translations+dihedral", "3x3"), 1)
    with pytest.raises(TooExpensive, match="order 72, more than the checker lists.*max_group_order=10.*--max-group-order"):
        verify_certificate(doc, max_group_order=10)
    assert verify_certificate(doc, max_group_order=72)[0]


def test_load_rejects_non_json(tmp_path):
    (tmp_path / "a.json").write_text('{"a": NaN}')
    with pytest.raises(CertificateError, match="NaN"):
        load_certificate(tmp_path / "a.json")
    (tmp_path / "b.json").write_bytes(b"\xff\xfe\x00binary")
    with pytest.raises(CertificateError, match="not a JSON file|not valid JSON"):
        check_file(tmp_path / "b.json")
    (tmp_path / "c.json").write_text('{"version": 1.5}')
    with pytest.raises(CertificateError, match="float"):
        check_file(tmp_path / "c.json")


def test_checker_shares_no_search_code():
    tree = ast.parse(Path(checker_module.__file__).read_text())
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            imported.add("." * node.level + (node.module or ""))
    assert imported <= {"bisect", "hashlib", "itertools", "json", "math", "operator", "os", "re", "stat", "sys",
                        "._validation", ".errors"}, imported


def test_checker_group_closure_matches_naive():
    # the checker's closure against testutil's, on a few groups
    for G in (G72, translations("2x3"), named_group("dihedral", "2x2")):
        assert sorted(checker_module._closure(G.generators, G.n, 10_000)) == naive_elements(G)
