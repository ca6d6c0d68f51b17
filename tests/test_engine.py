"""Tests of exactorbit.engine: both enumerative routes against naive twins (brute force)."""

import json
import math

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from exactorbit import engine
from exactorbit.actions import apply
from exactorbit.cli import main
from exactorbit.counting import burnside_count, orbits_by_weight
from exactorbit.engine import (
    apply_all,
    decompose,
    element_tables,
    enumerate_orbits,
    estimate_enumeration,
    orbit_labels,
    stabilizer_orders,
)
from exactorbit.errors import InvalidArgument, TooExpensive
from exactorbit.groups import named_group, from_generators, trivial
from exactorbit import strategies as eos
from exactorbit.testutil import naive_apply, naive_elements


# -- naive twins (definitional, plain Python) ------------------------------------


def naive_decomposition(group, weight=None):
    """Orbit sizes, minimal images and smallest non-constant orbits, by applying every element."""
    elements = naive_elements(group)
    n = group.n
    label = {}
    for x in range(2**n):
        if weight is not None and x.bit_count() != weight:
            continue
        if x in label:
            continue
        orb = {naive_apply(g, x) for g in elements}
        for y in orb:
            label[y] = min(orb)
    sizes = {}
    members = {}
    for y, rep in label.items():
        members.setdefault(rep, []).append(y)
    for rep, ys in members.items():
        sizes[len(ys)] = sizes.get(len(ys), 0) + 1
    full = 2**n - 1
    nonconst = {rep: len(ys) for rep, ys in members.items() if rep not in (0, full)}
    smallest = min(nonconst.values()) if nonconst else None
    feats = sorted(rep for rep, s in nonconst.items() if s == smallest)
    return dict(sorted(sizes.items())), label, smallest, feats


def naive_stabilizer_orders(group):
    elements = naive_elements(group)
    return [sum(1 for g in elements if naive_apply(g, x) == x) for x in range(2**group.n)]


# -- properties -------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(eos.pixel_groups(max_pixels=8), st.data())
def test_counting_route_matches_naive(group, data):
    weight = data.draw(st.one_of(st.none(), st.integers(0, group.n)))
    sizes, _, smallest, feats = naive_decomposition(group, weight)
    d = enumerate_orbits(group, weight)
    assert d.orbit_sizes == sizes
    assert d.smallest_nonconstant_orbit_size == smallest
    assert list(d.minimal_orbit_features) == feats[: engine.MAX_FEATURES]
    assert d.method == "enumerate"


@settings(max_examples=40, deadline=None)
@given(eos.pixel_groups(max_pixels=8), st.data())
def test_label_route_matches_naive(group, data):
    weight = data.draw(st.one_of(st.none(), st.integers(0, group.n)))
    sizes, label, smallest, feats = naive_decomposition(group, weight)
    d = enumerate_orbits(group, weight, labels=True, force=True)  # correctness here; limits tested elsewhere
    assert d.orbit_sizes == sizes
    assert d.smallest_nonconstant_orbit_size == smallest
    assert list(d.minimal_orbit_features) == feats
    assert all(int(d.labels[x]) == rep for x, rep in label.items())


def test_label_route_memory_estimate_scales_with_the_grid():
    # Regression: the estimate once charged 2^16 images per element whatever the grid,
    # so S_7 on 1x7 (128 images) was refused at an estimated 2.6 GB.
    from exactorbit.groups import symmetric
    G = symmetric("1x7")
    est = estimate_enumeration(G, labels=True)
    assert est["bytes"] < engine.MEMORY_LIMIT_BYTES
    assert enumerate_orbits(G, labels=True).orbits == 8  # one orbit per weight 0..7


@settings(max_examples=30, deadline=None)
@given(eos.pixel_groups(max_pixels=7))
def test_stabilizer_orders_match_naive(group):
    assert stabilizer_orders(group).tolist() == naive_stabilizer_orders(group)


@settings(max_examples=30, deadline=None)
@given(eos.pixel_groups(max_pixels=9), st.data())
def test_burnside_polya_and_image_totals(group, data):
    d = enumerate_orbits(group)
    assert d.orbits == burnside_count(group)
    assert sum(s * k for s, k in d.orbit_sizes.items()) == d.images == 2**group.n
    k = data.draw(st.integers(0, group.n))
    dk = enumerate_orbits(group, k)
    assert dk.orbits == orbits_by_weight(group)[k]
    assert sum(s * c for s, c in dk.orbit_sizes.items()) == dk.images == math.comb(group.n, k)


@settings(max_examples=25, deadline=None)
@given(eos.pixel_groups(max_pixels=9), st.integers(1, 5), st.data())
def test_chunked_streaming_equals_one_chunk(monkeypatch_chunk, group, bits, data):
    weight = data.draw(st.one_of(st.none(), st.integers(0, group.n)))
    whole = enumerate_orbits(group, weight)
    with monkeypatch_chunk(bits):
        chunked = enumerate_orbits(group, weight)
    assert chunked.orbit_sizes == whole.orbit_sizes
    assert chunked.minimal_orbit_features == whole.minimal_orbit_features


@pytest.fixture(scope="module")
def monkeypatch_chunk():
    from contextlib import contextmanager

    @contextmanager
    def setter(bits):
        old = engine.CHUNK_BITS
        engine.CHUNK_BITS = bits
        try:
            yield
        finally:
            engine.CHUNK_BITS = old

    return setter


@settings(max_examples=30, deadline=None)
@given(eos.groups_with_images(max_pixels=9, count=5))
def test_apply_all_matches_apply(case):
    group, xs = case
    elems = group.element_array()
    out = apply_all(element_tables(elems, group.n), np.array(xs, dtype=np.uint32))
    assert out.tolist() == [[apply(tuple(map(int, g)), x) for x in xs] for g in elems]


def test_labels_are_minimal_images():
    G = named_group("translations+reflections", "2x3")
    labels = orbit_labels(G)
    elements = naive_elements(G)
    assert labels.tolist() == [min(naive_apply(g, x) for g in elements) for x in range(64)]


def test_features_truncated_for_the_trivial_group():
    d = enumerate_orbits(trivial("3x3"), max_features=5)
    # every image is its own orbit: the five smallest non-constant masks are 1..5
    assert d.minimal_orbit_features == (1, 2, 3, 4, 5) and d.features_truncated


def test_known_5x5_numbers_agree_with_burnside_and_polya():
    G = named_group("translations+dihedral", "5x5")
    d = enumerate_orbits(G)
    assert d.orbits == burnside_count(G)
    assert sum(s * k for s, k in d.orbit_sizes.items()) == 2**25
    assert enumerate_orbits(G, 12).orbits == orbits_by_weight(G)[12]


def test_estimate_and_refusal(monkeypatch):
    G = named_group("translations", "3x3")
    est = estimate_enumeration(G)
    assert est["images"] == 512 and est["fixed_points"] == 9 * burnside_count(G) - 512
    monkeypatch.setattr(engine, "TIME_LIMIT_SECONDS", -1)
    with pytest.raises(TooExpensive, match="force"):
        enumerate_orbits(G)
    assert enumerate_orbits(G, force=True).orbits == burnside_count(G)


def test_bad_arguments():
    G = named_group("translations", "2x2")
    with pytest.raises(InvalidArgument, match="weight"):
        enumerate_orbits(G, weight=5)
    with pytest.raises(InvalidArgument, match="weight"):
        enumerate_orbits(G, weight="2")
    with pytest.raises(InvalidArgument, match="method"):
        decompose(G, method="fast")
    with pytest.raises(InvalidArgument, match="group must be a PixelGroup"):
        enumerate_orbits("translations")
    with pytest.raises(InvalidArgument, match="at most 30 pixels"):
        enumerate_orbits(named_group("translations", "4x8"))


def test_auto_enumerates_small_grids_and_goes_symbolic_on_large_ones():
    assert decompose(named_group("dihedral", "3x3")).method == "enumerate"
    big = decompose(named_group("translations+dihedral", "6x6"))
    assert big.method == "symbolic" and big.orbits == burnside_count(named_group("translations+dihedral", "6x6"))


# -- CLI ---------------------------------------------------------------------------


def test_cli_json_keys_and_values(capsys):
    assert main(["orbits", "--grid", "3x3", "--group", "translations+dihedral", "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert set(payload) == {"group_order", "images", "orbits", "orbit_sizes", "method", "minimal_orbit_features"}
    G = named_group("translations+dihedral", "3x3")
    assert payload["orbits"] == burnside_count(G) and payload["images"] == 512
    assert all(isinstance(k, str) for k in payload["orbit_sizes"])
    sizes, _, _, feats = naive_decomposition(G)
    assert payload["orbit_sizes"] == {str(k): v for k, v in sizes.items()}
    assert payload["minimal_orbit_features"] == feats


def test_cli_weight_and_methods_agree(capsys):
    outs = []
    for method in ("enumerate", "symbolic"):
        assert main(["orbits", "--grid", "3x4", "--group", "translations+reflections",
                     "--weight", "4", "--method", method, "--json"]) == 0
        outs.append(json.loads(capsys.readouterr().out))
    assert outs[0]["orbit_sizes"] == outs[1]["orbit_sizes"]
    assert outs[0]["images"] == math.comb(12, 4) == outs[1]["images"]
    assert [o["method"] for o in outs] == ["enumerate", "symbolic"]


def test_cli_text_says_which_smallest(capsys):
    assert main(["orbits", "--grid", "2x2", "--group", "rotations"]) == 0
    out = capsys.readouterr().out
    assert "constant images included" in out and "smallest non-constant orbit size: 2" in out


@pytest.mark.parametrize(
    "argv",
    [
        ["orbits", "--grid", "0x3"],
        ["orbits", "--grid", "3x3", "--group", "rotation"],
        ["orbits", "--grid", "3x3", "--weight", "10"],
        ["orbits", "--grid", "3x3", "--generators", "(0 1 9)"],
        ["orbits", "--grid", "6x6", "--method", "enumerate"],
    ],
)
def test_cli_bad_input_exits_2(argv, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("exactorbit: error:") and "Traceback" not in err


def test_cli_generators(capsys):
    assert main(["orbits", "--grid", "1x4", "--generators", "(0 1 2 3)", "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["orbit_sizes"] == {"1": 2, "2": 1, "4": 3}  # binary necklaces of length 4
    assert from_generators("1x4", "(0 1 2 3)").order() == payload["group_order"] == 4
