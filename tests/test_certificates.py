"""Certificate producers: round trips through the checker, determinism, exactness (exactorbit.certificates).

Naive twins (bottom of this file / exactorbit.testutil) enumerate the group by
closure and apply every element; the producers use exactorbit.actions and sympy.
"""

import json
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exactorbit import strategies as eos
from exactorbit.actions import apply
from exactorbit.certificates import (
    FORMAT,
    VERSION,
    count_certificate,
    dump_certificate,
    minimal_orbit_certificate,
    orbit_certificate,
    shadow_certificate,
    table_digest,
    write_certificate,
)
from exactorbit.checker import check_file, verify_certificate
from exactorbit.errors import InvalidArgument, TooExpensive
from exactorbit.groups import named_group, symmetric, translations
from exactorbit.testutil import (
    naive_conjugacy_class_sizes,
    naive_elements,
    naive_orbit,
    naive_orbit_count,
    naive_orbits_by_weight,
    naive_shadow,
    naive_stabilizer_elements,
)

SMALL = settings(max_examples=40, deadline=None)


@st.composite
def tables(draw, group, near=True):
    """A function table on 2^n inputs: often a noisy group element, sometimes random."""
    n = group.n
    size = 2**n
    if near and draw(st.booleans()):
        g = draw(eos.group_elements(group))
        flip = draw(st.booleans())
        base = [apply(g, x) ^ ((size - 1) if flip else 0) for x in range(size)]
        noise = draw(st.lists(st.tuples(st.integers(0, size - 1), st.integers(0, size - 1)), max_size=4))
        for x, v in noise:
            base[x] = v
        return base
    return draw(st.lists(st.integers(0, size - 1), min_size=size, max_size=size))


@SMALL
@given(eos.groups_with_images(max_pixels=7))
def test_orbit_certificate_round_trip(case):
    group, x = case
    cert = orbit_certificate(group, x)
    assert cert["format"] == FORMAT and cert["version"] == VERSION and cert["kind"] == "orbit"
    claim = cert["claim"]
    assert claim["orbit_size"] == len(naive_orbit(group, x))
    assert claim["stabilizer_order"] == len(naive_stabilizer_elements(group, x))
    assert claim["group_order"] == len(naive_elements(group))
    ok, reason = verify_certificate(cert)
    assert ok, reason
    assert verify_certificate(json.loads(dump_certificate(cert))) == (ok, reason)


def test_orbit_certificate_default_case():
    G = named_group("translations+dihedral", "3x3")
    cert = orbit_certificate(G, 0b000010010)
    assert cert["claim"] == {"image": 18, "orbit_size": 18, "stabilizer_order": 4, "group_order": 72}
    assert cert["input"]["grid"] == [3, 3] and cert["input"]["group"] == "translations+dihedral"
    assert verify_certificate(cert)[0]


@st.composite
def feature_classes(draw, group):
    n = group.n
    kind = draw(st.sampled_from(["nonconstant", "all", "weight", "explicit"] if n > 1 else ["all", "weight", "explicit"]))
    if kind == "weight":
        return f"weight:{draw(st.integers(0, n))}"
    if kind == "explicit":
        seeds = draw(st.lists(eos.images(group.grid), min_size=1, max_size=3))
        return sorted({y for x in seeds for y in naive_orbit(group, x)})
    return kind


@SMALL
@given(st.data())
def test_minimal_orbit_certificate_round_trip(data):
    group = data.draw(eos.pixel_groups(max_pixels=6))
    features = data.draw(feature_classes(group))
    cert = minimal_orbit_certificate(group, features)
    n = group.n
    if isinstance(features, list):
        members = set(features)
    elif features == "all":
        members = set(range(2**n))
    elif features == "nonconstant":
        members = set(range(1, 2**n - 1))
    else:
        k = int(features.split(":")[1])
        members = {x for x in range(2**n) if bin(x).count("1") == k}
    orbits = {naive_orbit(group, x) for x in members}
    sizes = {orb[0]: len(orb) for orb in orbits}
    claim = cert["claim"]
    assert claim["orbit_count"] == len(orbits)
    assert claim["min_orbit_size"] == min(sizes.values())
    assert claim["minimal_representatives"] == sorted(r for r, s in sizes.items() if s == min(sizes.values()))
    assert sorted(o["representative"] for o in cert["witness"]["orbits"]) == sorted(sizes)
    ok, reason = verify_certificate(cert)
    assert ok, reason


def test_minimal_orbit_default_case_numbers():
    # independent numbers: a brute-force orbit partition of the 510 non-constant 3x3 images
    G = named_group("translations+dihedral", "3x3")
    cert = minimal_orbit_certificate(G)
    orbits = {naive_orbit(G, x) for x in range(1, 511)}
    assert cert["claim"]["orbit_count"] == len(orbits) == 24
    assert cert["claim"]["min_orbit_size"] == min(map(len, orbits))
    assert verify_certificate(cert)[0]


def test_minimal_orbit_rejects_bad_classes():
    G = translations("1x4")
    with pytest.raises(InvalidArgument, match="union of G-orbits"):
        minimal_orbit_certificate(G, [1])
    with pytest.raises(InvalidArgument, match="weight:K"):
        minimal_orbit_certificate(G, "weight:9")
    with pytest.raises(InvalidArgument, match="empty"):
        minimal_orbit_certificate(translations("1x1"), "nonconstant")
    with pytest.raises(InvalidArgument, match="features"):
        minimal_orbit_certificate(G, "simple")
    with pytest.raises(InvalidArgument, match="features\\[0\\]"):
        minimal_orbit_certificate(G, [99])
    with pytest.raises(TooExpensive, match="force=True"):
        minimal_orbit_certificate(translations("5x5"), "nonconstant")


@SMALL
@given(eos.pixel_groups(max_pixels=7))
def test_count_certificate_round_trip(group):
    cert = count_certificate(group)
    classes = cert["witness"]["classes"]
    assert Counter(c["size"] for c in classes) == naive_conjugacy_class_sizes(group)
    assert cert["claim"]["orbit_count"] == naive_orbit_count(group)
    assert cert["claim"]["orbits_by_weight"] == naive_orbits_by_weight(group)
    assert cert["claim"]["group_order"] == len(naive_elements(group))
    ok, reason = verify_certificate(cert)
    assert ok, reason


def test_count_certificate_default_case():
    # 26 orbits: brute force over the 512 images (naive_orbit_count)
    G = named_group("translations+dihedral", "3x3")
    cert = count_certificate(G)
    assert cert["claim"]["orbit_count"] == naive_orbit_count(G) == 26
    assert verify_certificate(cert)[0]


def test_count_certificate_refuses_large_groups():
    with pytest.raises(TooExpensive, match="force=True"):
        count_certificate(symmetric("3x3"))


@SMALL
@given(st.data())
def test_shadow_certificate_round_trip(data):
    group = data.draw(eos.pixel_groups(max_pixels=5))
    complement = data.draw(st.booleans())
    table = data.draw(tables(group))
    inputs = data.draw(st.none() | st.lists(eos.images(group.grid), max_size=2**group.n, unique=True))
    d, nearest = naive_shadow(group, table, complement, inputs)
    elements = nearest if complement else [g for g, _ in nearest]
    cert = shadow_certificate(group, table, elements, d, complement=complement, inputs=inputs)
    assert cert["input"]["table"]["sha256"] == table_digest(table) == table_digest(table)
    assert cert["witness"]["ambient_order"] == len(naive_elements(group)) * (2 if complement else 1)
    ok, reason = verify_certificate(cert)
    assert ok, reason


def test_shadow_certificate_identity_table():
    G = named_group("translations+dihedral", "3x3")
    table = list(range(512))
    cert = shadow_certificate(G, table, [G.identity], 0, complement=True)
    assert verify_certificate(cert) == (
        True,
        "shadow at distance 0 over all inputs: 1 nearest element in an ambient group of order 144",
    )
    # the complement of the identity is far: 512 mismatches
    assert naive_shadow(G, [x ^ 511 for x in table], True)[1] == [(G.identity, True)]


def test_shadow_certificate_rejects_bad_input():
    G = translations("1x2")
    with pytest.raises(InvalidArgument, match="4 entries"):
        shadow_certificate(G, [0, 1, 2], [], 0)
    with pytest.raises(InvalidArgument, match="table\\[1\\]"):
        shadow_certificate(G, [0, 9, 2, 3], [], 0)
    with pytest.raises(InvalidArgument, match="complement"):
        shadow_certificate(G, [0, 1, 2, 3], [((0, 1), True)], 0)
    with pytest.raises(InvalidArgument, match="distance"):
        shadow_certificate(G, [0, 1, 2, 3], [(0, 1)], 0.0)
    with pytest.raises(InvalidArgument, match="elements\\[0\\]"):
        shadow_certificate(G, [0, 1, 2, 3], [(0, 0)], 0)


def test_shadow_accepts_numpy_tables():
    np = pytest.importorskip("numpy")
    G = translations("1x3")
    cert = shadow_certificate(G, np.arange(8, dtype=np.uint64), [G.identity], 0)
    assert all(type(v) is int for v in cert["input"]["table"]["values"])
    assert verify_certificate(cert)[0]


def _walk(value):
    yield value
    if isinstance(value, dict):
        for v in value.values():
            yield from _walk(v)
    elif isinstance(value, list):
        for v in value:
            yield from _walk(v)


def _all_certificates():
    G = named_group("translations+dihedral", "3x3")
    return [
        orbit_certificate(G, 0b000010010),
        minimal_orbit_certificate(G, "weight:3"),
        count_certificate(G),
        shadow_certificate(G, list(range(512)), *naive_shadow(G, list(range(512)), True, [1, 2, 3])[::-1],
                           complement=True, inputs=[1, 2, 3]),
    ]


def test_certificates_are_deterministic_and_exact(tmp_path):
    first = [dump_certificate(c) for c in _all_certificates()]
    second = [dump_certificate(c) for c in _all_certificates()]
    assert first == second
    for text, cert in zip(first, _all_certificates()):
        assert json.loads(text) == cert
        assert text.endswith("}\n") and "\t" not in text
        assert not any(isinstance(v, float) for v in _walk(json.loads(text)))
        path = write_certificate(cert, tmp_path / "x" / f"{cert['kind']}.json")
        assert path.read_bytes() == text.encode()
        assert check_file(path)[0]


def test_dump_rejects_floats():
    with pytest.raises(InvalidArgument, match="float"):
        dump_certificate({"a": [1.5]})
    with pytest.raises(InvalidArgument, match="dict"):
        dump_certificate([1])


def test_dump_sorts_keys():
    text = dump_certificate({"z": 1, "a": {"y": [], "b": [{"k": 1}]}})
    assert text.index('"a"') < text.index('"z"') and text.index('"b"') < text.index('"y"')
    assert json.loads(text) == {"z": 1, "a": {"y": [], "b": [{"k": 1}]}}


def test_shadow_accepts_pairs_as_the_shadow_module_gives_them():
    # exactorbit.shadows reports elements as (array form, flip) pairs, flips possibly numpy bools
    np = pytest.importorskip("numpy")
    G = named_group("translations+reflections", "1x3")
    table = [apply(G.generators[0], x) for x in range(8)]
    d, nearest = naive_shadow(G, table, complement=False)
    pairs = [(np.array(g), np.bool_(c)) for g, c in nearest]
    cert = shadow_certificate(G, np.array(table), pairs, d, inputs=np.arange(8))
    assert cert["claim"]["elements"] == [{"permutation": list(g), "complement": False} for g, _ in nearest]
    assert verify_certificate(cert)[0]
    with pytest.raises(InvalidArgument, match="complement flag"):
        shadow_certificate(G, table, [(G.generators[0], 1)], d)
