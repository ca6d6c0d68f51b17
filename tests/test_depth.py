"""Tests of exactorbit.depth: induced action, kernel, codes, the depth table, C7/C8, the CLI.

Naive twins (the ``naive_*`` section below) enumerate every group element in
plain Python (exactorbit.testutil.naive_elements) and use the definitions only:
the induced permutation by searching the feature list, the kernel by testing
every element, a code-space orbit as {code(x^g) : g in G} for a preimage x
(equivariance, not the induced group), orbits of images by applying every
element.
"""

import json
import math

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from exactorbit import strategies as eos
from exactorbit.actions import apply, orbit
from exactorbit.cli import main
from exactorbit.claims import FAILS, HOLDS, UNDECIDED
from exactorbit.depth import (
    check_union_of_orbits,
    claim_c7_diagonal,
    claim_c8_depth,
    code,
    codes,
    depth_claims,
    depth_table,
    induced_action,
    minimal_orbit_layer1,
    reconstructed_features,
)
from exactorbit.errors import InvalidArgument, TooExpensive
from exactorbit.groups import compose, identity, named_group, translations
from exactorbit.testutil import naive_apply, naive_elements, naive_orbit

# ---------------------------------------------------------------------------
# naive twins
# ---------------------------------------------------------------------------


def naive_code(x, features, mode):
    return sum(1 << j for j, f in enumerate(features) if (f & x == f if mode == "contains" else x == f))


def naive_induced(g, features):
    return tuple(features.index(naive_apply(g, f)) for f in features)


def naive_kernel(group, features):
    ident = tuple(range(len(features)))
    return {g for g in naive_elements(group) if naive_induced(g, list(features)) == ident}


def naive_minimal_features(group):
    """All non-constant images whose orbit has the smallest size (naive orbits)."""
    full = (1 << group.n) - 1
    sizes = {x: len(naive_orbit(group, x)) for x in range(1, full)}
    best = min(sizes.values())
    return tuple(sorted(x for x, s in sizes.items() if s == best))


def naive_depth(group, layers, mode="contains", features=None, include_constant=False):
    """Per layer (features as codes, min image-space orbit size), by definitions only."""
    els = naive_elements(group)
    n = group.n
    full = (1 << n) - 1
    feats = tuple(features) if features is not None else naive_minimal_features(group)
    level = {x: x for x in range(1 << n)}          # code of x at the current level
    unions = {1 << p: 1 << p for p in range(n)}   # union image of a level code bit (by bit value)
    out = []
    for L in range(1, layers + 1):
        if L > 1:
            cands = {}
            for x, c in level.items():
                u = 0
                for j in range(c.bit_length()):
                    if c >> j & 1:
                        u |= unions[1 << j]
                if bin(c).count("1") >= 2 and (include_constant or u not in (0, full)):
                    cands.setdefault(c, (x, u))
            if not cands:
                break
            # code-space orbit of c = {code(x^g)} for a preimage x
            osize = {c: len({level[naive_apply(g, x)] for g in els}) for c, (x, u) in cands.items()}
            best = min(osize.values())
            feats = tuple(sorted(c for c, s in osize.items() if s == best))
            fu = [cands[c][1] for c in feats]
        else:
            fu = list(feats)
        sizes = [len(naive_orbit(group, u)) for u in fu]
        out.append((L, feats, min(sizes)))
        new_unions = {1 << j: fu[j] for j in range(len(feats))}
        level = {x: naive_code(c, feats, mode) for x, c in level.items()}
        unions = new_unions
    return out


# ---------------------------------------------------------------------------
# strategies
# ---------------------------------------------------------------------------


@st.composite
def groups_with_features(draw, max_pixels=6):
    """(group, union of orbits of 1-3 random non-constant images)."""
    group = draw(eos.pixel_groups(max_pixels=max_pixels))
    assume(group.n >= 2)
    full = (1 << group.n) - 1
    seeds = draw(st.lists(st.integers(1, full - 1), min_size=1, max_size=3))
    feats = set()
    for x in seeds:
        feats.update(orbit(group, x))
    return group, tuple(sorted(feats))


# ---------------------------------------------------------------------------
# induced action: homomorphism, kernel, equivariance
# ---------------------------------------------------------------------------


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_induced_map_is_a_homomorphism(data):
    group, feats = data.draw(groups_with_features())
    A = induced_action(group, feats)
    p = data.draw(eos.group_elements(group))
    q = data.draw(eos.group_elements(group))
    assert A(compose(p, q)) == compose(A(p), A(q))
    assert A(p) == naive_induced(p, list(feats))
    assert A(identity(group.n)) == identity(len(feats))
    assert A.induced.contains(A(p))


@settings(max_examples=30, deadline=None)
@given(groups_with_features())
def test_kernel_is_exactly_the_elements_inducing_the_identity(case):
    group, feats = case
    A = induced_action(group, feats)
    K = A.kernel()
    expected = naive_kernel(group, feats)
    assert set(K.elements()) == expected
    for g in K.elements():
        assert all(apply(g, f) == f for f in feats)
    # first isomorphism theorem: |G| = |H| |K|
    assert group.order() == A.induced.order() * K.order()
    # the fallback route (listing G) finds the same subgroup
    assert set(A._kernel_by_listing(K.order()).elements()) == expected
    # H is exactly the image of G
    assert set(A.induced.elements()) == {A(g) for g in naive_elements(group)}


@settings(max_examples=30, deadline=None)
@given(st.data())
def test_code_equivariance(data):
    group, feats = data.draw(groups_with_features())
    mode = data.draw(st.sampled_from(["contains", "equals"]))
    A = induced_action(group, feats)
    g = data.draw(eos.group_elements(group))
    x = data.draw(eos.images(group.grid))
    assert code(apply(g, x), feats, mode) == apply(A(g), code(x, feats, mode))
    assert code(x, feats, mode) == naive_code(x, feats, mode)


@settings(max_examples=25, deadline=None)
@given(groups_with_features(), st.sampled_from(["contains", "equals"]))
def test_vectorised_codes_match_one_by_one(case, mode):
    group, feats = case
    arr = codes(group.n, feats, mode)
    assert [int(v) for v in arr] == [naive_code(x, feats, mode) for x in range(1 << group.n)]


@settings(max_examples=20, deadline=None)
@given(st.data())
def test_deeper_induced_action_is_a_homomorphism_with_exact_kernel(data):
    group, feats = data.draw(groups_with_features(max_pixels=5))
    table = depth_table(group, layers=2, features=feats, certify=False)
    assume(len(table.layers) == 2)
    A2 = table.layers[1].action
    p = data.draw(eos.group_elements(group))
    q = data.draw(eos.group_elements(group))
    assert A2(compose(p, q)) == compose(A2(p), A2(q))
    els = naive_elements(group)
    ident = identity(A2.m)
    assert set(A2.kernel().elements()) == {g for g in els if A2(g) == ident}
    # equivariance one level up: code2(x^g) = code2(x)^ind2(g)
    F1 = table.layers[0].features
    x = data.draw(eos.images(group.grid))
    c2 = lambda y: code(code(y, F1), A2.features)
    assert c2(apply(p, x)) == apply(A2(p), c2(x))


def test_default_kernel_and_induced_group():
    G = named_group("translations+dihedral", "3x3")
    A = induced_action(G, minimal_orbit_layer1(G))
    # 4 orbits of size 6 (engine doctest: minimal features 7, 63, 84, 238): 24 features
    assert A.m == 24 and A.kernel().order() == 1 and A.induced.order() == 72
    assert set(A.kernel().elements()) == naive_kernel(G, A.features)


def test_translations_of_full_rows_have_a_nontrivial_kernel():
    G = translations("3x3")
    rows = [0b000000111, 0b000111000, 0b111000000]
    A = induced_action(G, rows)
    # shifting right keeps every row: the kernel is the 3 horizontal shifts
    assert A.kernel().order() == 3 == len(naive_kernel(G, rows))
    assert A.induced.order() == 3


# ---------------------------------------------------------------------------
# layer-1 features
# ---------------------------------------------------------------------------


def test_layer1_default_is_the_naive_minimal_orbit_set():
    for spec, grid in [("translations+dihedral", "3x3"), ("translations", "2x3"), ("dihedral", "2x2")]:
        G = named_group(spec, grid)
        assert minimal_orbit_layer1(G) == naive_minimal_features(G)


def test_user_features_must_be_a_union_of_orbits():
    G = translations("1x4")
    with pytest.raises(InvalidArgument, match="union of G-orbits"):
        check_union_of_orbits(G, [1, 2])
    with pytest.raises(InvalidArgument, match="features"):
        depth_table(G, features=[1])
    with pytest.raises(InvalidArgument, match="features\\[0\\]"):
        check_union_of_orbits(G, [16])
    assert check_union_of_orbits(G, [8, 4, 2, 1, 1]) == (1, 2, 4, 8)


def test_reconstructed_features_are_closed_fixed_points():
    G = translations("1x3")
    table = list(range(8))  # the identity reconstructs everything
    assert reconstructed_features(G, table) == tuple(range(1, 7))
    table = [0] * 8
    table[3] = 3
    assert reconstructed_features(G, table) == (3, 5, 6)
    with pytest.raises(InvalidArgument, match="no non-constant"):
        reconstructed_features(G, [0] * 8)


def test_bad_arguments():
    G = translations("1x3")
    with pytest.raises(InvalidArgument, match="mode"):
        code(1, [1], mode="within")
    with pytest.raises(InvalidArgument, match="layers"):
        depth_table(G, layers=0)
    with pytest.raises(InvalidArgument, match="group"):
        depth_table("3x3")
    with pytest.raises(TooExpensive, match="force"):
        depth_table(translations("3x7"))
    with pytest.raises(InvalidArgument, match="DepthTable"):
        claim_c8_depth([4, 2])
    with pytest.raises(InvalidArgument, match="DepthTable"):
        claim_c7_diagonal(None)


# ---------------------------------------------------------------------------
# the depth table against the naive twin
# ---------------------------------------------------------------------------


@settings(max_examples=25, deadline=None)
@given(groups_with_features(max_pixels=5), st.sampled_from(["contains", "equals"]), st.booleans())
def test_depth_table_matches_naive_twin(case, mode, include_constant):
    group, feats = case
    table = depth_table(group, layers=3, mode=mode, features=feats, include_constant=include_constant)
    naive = naive_depth(group, 3, mode, feats, include_constant)
    assert [(r.layer, r.features, r.min_orbit_size) for r in table.layers] == naive
    for r in table.layers:
        for u, s, st_ in zip(r.unions, r.orbit_sizes, r.stabilizer_orders):
            assert s * st_ == group.order()
            assert s == len(naive_orbit(group, u))
    if mode == "contains":
        # a realised code is the code of its own union image, so both orbits have one size
        for k, r in enumerate(table.layers[1:], start=1):
            for c, u, s in zip(r.features, r.unions, r.orbit_sizes):
                y = u
                for lower in table.layers[:k]:
                    y = naive_code(y, lower.features, mode)
                assert y == c
                assert s == r.code_orbit_size


def test_default_depth_table_matches_naive_twin():
    G = named_group("translations+dihedral", "3x3")
    table = depth_table(G, layers=3)
    assert [(r.layer, r.features, r.min_orbit_size) for r in table.layers] == naive_depth(G, 3)
    # the certificates of every layer are accepted by the independent checker
    from exactorbit.checker import verify_certificate

    for r in table.layers:
        assert verify_certificate(r.certificate)[0]


def test_preimages_are_the_images_with_that_code():
    G = named_group("translations+dihedral", "3x3")
    table = depth_table(G, layers=2)
    F1 = table.layers[0].features
    row = table.layers[1]
    for c, pre, u in zip(row.features, row.preimages, row.unions):
        assert set(pre) == {x for x in range(512) if code(x, F1) == c}
        assert u in pre  # contains mode: the union image realises its own code


def test_equals_mode_stops_after_layer_one():
    G = named_group("translations+dihedral", "3x3")
    table = depth_table(G, layers=3, mode="equals")
    assert len(table.layers) == 1
    assert "no realised code" in table.stopped


# ---------------------------------------------------------------------------
# claims
# ---------------------------------------------------------------------------


@settings(max_examples=20, deadline=None)
@given(groups_with_features(max_pixels=5))
def test_c7_divisibility_and_product_bound(case):
    group, feats = case
    table = depth_table(group, layers=2, features=feats, certify=False)
    claim = claim_c7_diagonal(table)
    assert claim.verdict == (HOLDS if len(table.layers) > 1 else UNDECIDED)
    for row in claim.evidence["tuples"]:
        tup = tuple(row["members"])
        size = len(naive_orbit(group, tup))
        parts = [len(naive_orbit(group, x)) for x in tup]
        assert row["tuple_orbit_size"] == size
        assert all(size % p == 0 for p in parts) and size <= math.prod(parts)


def test_c8_fails_when_opposite_pixels_make_a_smaller_orbit():
    # 1x4 translations, layer 1 = the four pixels (orbit 4); 0101 = pixels 0 and 2 has orbit 2
    G = translations("1x4")
    table = depth_table(G, layers=2, features=[1, 2, 4, 8])
    claim = claim_c8_depth(table)
    assert claim.verdict == FAILS
    assert claim.evidence["min_orbit_size_by_layer"] == [4, 2]
    assert claim.evidence["decreases"][0]["example_union"] in (5, 10)
    assert "smaller orbit" in claim.summary


def test_c8_fails_on_the_torus_when_layer_one_is_the_pixels():
    # 3x3, translations+dihedral: a pixel has orbit 9 (naive count below), three pixels in a line
    # make a row (orbit 6, naive count): the union is simpler than its parts
    G = named_group("translations+dihedral", "3x3")
    pixels = [1 << p for p in range(9)]
    table = depth_table(G, layers=2, features=pixels)
    assert len(naive_orbit(G, 1)) == 9 and len(naive_orbit(G, 0b111)) == 6
    claim = claim_c8_depth(table)
    assert claim.verdict == FAILS
    assert claim.evidence["min_orbit_size_by_layer"] == [9, 6]
    drop = claim.evidence["decreases"][0]
    assert len(naive_orbit(G, drop["example_union"])) == 6
    assert all(len(naive_orbit(G, x)) == 9 for x in drop["example_members"])


def test_c8_holds_on_pixels_of_a_3_cycle():
    # 1x3 translations: pixels (orbit 3), then pairs of pixels (orbit 3); the triple is constant
    G = translations("1x3")
    table = depth_table(G, layers=2, features=[1, 2, 4])
    claim = claim_c8_depth(table)
    assert claim.verdict == HOLDS and claim.evidence["min_orbit_size_by_layer"] == [3, 3]
    assert len(table.layers) == 2


def test_depth_claims_checks_the_grid():
    with pytest.raises(InvalidArgument, match="grid"):
        depth_claims("2x2", named_group("translations", "3x3"))


def test_c8_undecided_with_one_layer():
    G = named_group("translations+dihedral", "3x3")
    claim = claim_c8_depth(depth_table(G, layers=1))
    assert claim.verdict == UNDECIDED


def test_depth_claims_default_case_verdicts_are_computed():
    G = named_group("translations+dihedral", "3x3")
    c7, c8 = depth_claims("3x3", G)
    naive = naive_depth(G, 3)
    sizes = [s for _, _, s in naive]
    expected = HOLDS if all(b >= a for a, b in zip(sizes, sizes[1:])) else FAILS
    assert c8.verdict == expected
    assert c7.verdict == HOLDS
    alt = naive_depth(G, 3, include_constant=True)
    alt_sizes = [s for _, _, s in alt]
    assert c8.evidence["with_constant_unions"]["min_orbit_size_by_layer"] == alt_sizes
    assert 1 in alt_sizes  # the full image: the union of every feature, orbit 1
    json.dumps([c7.as_dict(), c8.as_dict()])  # JSON-able


# ---------------------------------------------------------------------------
# CLI
# ---------------------------------------------------------------------------


def test_cli_json(capsys):
    assert main(["depth", "--grid", "3x3", "--layers", "3", "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    rows = payload["layers"]
    assert [r["layer"] for r in rows] == [1, 2, 3]
    for r in rows:
        assert r["min_orbit_size"] == min(r["orbit_sizes"])
        assert all(s * t == payload["group_order"] for s, t in zip(r["orbit_sizes"], r["stabilizer_order"]))
        assert r["on_pixels"] == [bin(f).count("1") for f in r["features"]]
    assert {c["id"] for c in payload["claims"]} == {"C7", "C8"}
    assert all(c["verdict"] in (HOLDS, FAILS, UNDECIDED) for c in payload["claims"])

    def walk(v):
        assert not isinstance(v, float)
        if isinstance(v, dict):
            for w in v.values():
                walk(w)
        elif isinstance(v, list):
            for w in v:
                walk(w)

    walk(payload)


def test_cli_text_draws_features(capsys):
    assert main(["depth", "--grid", "1x4", "--group", "translations", "--features", "1,2,4,8"]) == 0
    out = capsys.readouterr().out
    assert "layer 2" in out and "#.#." in out and "C8 [fails]" in out


@pytest.mark.parametrize(
    "argv, message",
    [
        (["depth", "--layers", "0"], "--layers"),
        (["depth", "--grid", "3x"], "grid"),
        (["depth", "--group", "rotation"], "unknown group"),
        (["depth", "--grid", "1x4", "--group", "translations", "--features", "1,2"], "union of G-orbits"),
        (["depth", "--features", "1,,2"], "empty"),
        (["depth", "--grid", "3x7"], "--force"),
        (["depth", "--grid", "1x1"], "no non-constant image"),
        (["depth", "--alphabet", "x"], "alphabet"),
        (["depth", "--hidden", "0"], "--hidden"),
    ],
)
def test_cli_bad_input_exits_2(capsys, argv, message):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("exactorbit: error:") and message in err


# ---------------------------------------------------------------------------
# networks over the code space
# ---------------------------------------------------------------------------


def naive_reconstruction(m, code_value, tied, alphabet=(-1, 0, 1)):
    """P(F(c) = c) over every setting of an m -> 1 -> m threshold autoencoder, by brute force.

    Conventions (exactorbit.networks' docstring): a unit outputs [w.u >= t], t from
    min_u w.u to max_u w.u + 1; tied decoder weight i = encoder weight i.
    """
    from itertools import product

    def thresholds(ws):
        lo = sum(min(a, 0) for a in ws)
        hi = sum(max(a, 0) for a in ws)
        return range(lo, hi + 2)

    bits = [code_value >> i & 1 for i in range(m)]
    hit = total = 0
    for w in product(alphabet, repeat=m):
        for t in thresholds(w):
            h = int(sum(a * b for a, b in zip(w, bits)) >= t)
            decs = [w] if tied else list(product(alphabet, repeat=m))
            for v in decs:
                per_pixel = [sum(1 for s in thresholds((v[i],)) if int(v[i] * h >= s) == bits[i])
                             for i in range(m)]
                sizes = [len(thresholds((v[i],))) for i in range(m)]
                hit += math.prod(per_pixel)
                total += math.prod(sizes)
    from fractions import Fraction

    return Fraction(hit, total)


@pytest.mark.parametrize("tied", [True, False])
@pytest.mark.parametrize("alphabet", [(-1, 0, 1), (0, 1)])
def test_layer_reconstruction_matches_brute_force(tied, alphabet):
    from exactorbit.depth import layer_reconstruction

    G = translations("1x3")
    table = depth_table(G, layers=2, features=[1, 2, 4])  # layer-2 codes over 3 pixel features
    rec = layer_reconstruction(table, 2, tied=tied, alphabet=alphabet)
    assert rec["inputs"] == 3
    for row in rec["classes"]:
        assert row["probability"] == naive_reconstruction(3, row["code"], tied, alphabet)
        assert row["combined_features"] == bin(row["code"]).count("1") >= 2


def test_layer_reconstruction_by_weight_past_16_inputs():
    from exactorbit.depth import layer_reconstruction
    from exactorbit.networks import (
        FamilySpec,
        parameter_settings,
        reconstruction_probabilities_by_weight,
    )

    G = named_group("translations+dihedral", "3x3")
    table = depth_table(G, layers=3)
    rec = layer_reconstruction(table, 2)  # 24 layer-1 features: over the 16-input tables, by weight
    assert rec["inputs"] == 24 and rec["classes"]
    by_w = reconstruction_probabilities_by_weight(FamilySpec(24, 1, tied=True))
    assert rec["parameter_settings"] == parameter_settings(FamilySpec(24, 1, tied=True))
    for row in rec["classes"]:
        assert row["probability"] == by_w[row["combined_features"]] == by_w[row["code"].bit_count()]
    # alphabet {-1, 0, 1} is closed under negation: every code equally likely
    assert len({row["probability"] for row in rec["classes"]}) == 1 and 0 < rec["classes"][0]["probability"] < 1
    asym = layer_reconstruction(table, 2, alphabet=(0, 1), tied=False)
    by_w = reconstruction_probabilities_by_weight(FamilySpec(24, 1, tied=False, alphabet=(0, 1)))
    assert all(row["probability"] == by_w[row["combined_features"]] for row in asym["classes"])
    rec = layer_reconstruction(table, 3)  # 12 layer-2 features: full per-code tables
    assert rec["inputs"] == 12 and rec["classes"]
    with pytest.raises(InvalidArgument, match="layer"):
        layer_reconstruction(table, 4)
    untied = layer_reconstruction(table, 3, tied=False)  # 12 inputs untied: tables too big, by weight
    by_w = reconstruction_probabilities_by_weight(FamilySpec(12, 1, tied=False))
    assert [r["probability"] for r in untied["classes"]] == [by_w[r["combined_features"]] for r in untied["classes"]]
    with pytest.raises(TooExpensive, match="force"):
        layer_reconstruction(table, 2, hidden=5)


def test_cli_default_case_reports_layer2_networks(capsys):
    from exactorbit.networks import FamilySpec, reconstruction_probabilities_by_weight

    assert main(["depth", "--layers", "3", "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    nets = {r["layer"]: r for r in payload["networks"]}
    assert "skipped" not in nets[2] and nets[2]["inputs"] == 24
    by_w = reconstruction_probabilities_by_weight(FamilySpec(24))
    for r in nets[2]["classes"]:
        p = by_w[r["combined_features"]]
        assert r["probability"] == f"{p.numerator}/{p.denominator}"


def test_cli_networks_and_network_features(capsys):
    argv = ["depth", "--features", "###/.../...,.../###/...,.../.../###,#../#../#..,.#./.#./.#.,..#/..#/..#",
            "--alphabet=0,1", "--json"]
    assert main(argv) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["layers"][0]["features"] == sorted([7, 56, 448, 73, 146, 292])
    net = payload["networks"][0]
    assert net["layer"] == 2 and net["inputs"] == 6 and "skipped" not in net
    assert all("/" in r["probability"] for r in net["classes"])
    assert main(["depth", "--features", "network:0", "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert "random tied network" in payload["layer1_features"]
    sizes = [r["min_orbit_size"] for r in payload["layers"]]
    c8 = [c for c in payload["claims"] if c["id"] == "C8"][0]
    if len(sizes) > 1:
        expected = FAILS if any(b < a for a, b in zip(sizes, sizes[1:])) else HOLDS
        assert c8["verdict"] == expected
    assert main(["depth", "--features", "network:x"]) == 2
    assert "int seed" in capsys.readouterr().err
