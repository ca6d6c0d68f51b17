"""Features of features: codes and the depth table against naive twins (exactorbit.depth).

Naive twins (the ``naive_*`` section below) enumerate every group element in
plain Python (exactorbit.testutil.naive_elements) and use the definitions only:
the induced permutation by searching the feature list, the kernel by testing
every element, a code-space orbit as {code(x^g) : g in G} for a preimage x
(equivariance, not the induced group), orbits of images by applying every
element.
"""


import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exactorbit import strategies as eos
from exactorbit.actions import apply
from exactorbit.claims import claim_c7_diagonal, claim_c8_depth
from exactorbit.depth import (
    depth_table,
    feature_code,
    feature_codes,
    minimal_orbit_layer1,
    reconstructed_features,
)
from exactorbit.errors import InvalidArgument, TooExpensive
from exactorbit.groups import named_group, translations
from exactorbit.induced import induced_action
from exactorbit.testutil import (
    naive_code,
    naive_code_reconstruction,
    naive_depth,
    naive_minimal_features,
    naive_orbit,
)


@settings(max_examples=30, deadline=None)
@given(st.data())
def test_code_equivariance(data):
    group, feats = data.draw(eos.groups_with_features())
    mode = data.draw(st.sampled_from(["contains", "equals"]))
    A = induced_action(group, feats)
    g = data.draw(eos.group_elements(group))
    x = data.draw(eos.images(group.grid))
    assert feature_code(apply(g, x), feats, mode) == apply(A(g), feature_code(x, feats, mode))
    assert feature_code(x, feats, mode) == naive_code(x, feats, mode)


@settings(max_examples=25, deadline=None)
@given(eos.groups_with_features(), st.sampled_from(["contains", "equals"]))
def test_vectorised_codes_match_one_by_one(case, mode):
    group, feats = case
    arr = feature_codes(group.n, feats, mode)
    assert [int(v) for v in arr] == [naive_code(x, feats, mode) for x in range(1 << group.n)]


def test_layer1_default_is_the_naive_minimal_orbit_set():
    for spec, grid in [("translations+dihedral", "3x3"), ("translations", "2x3"), ("dihedral", "2x2")]:
        G = named_group(spec, grid)
        assert minimal_orbit_layer1(G) == naive_minimal_features(G)


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
        feature_code(1, [1], mode="within")
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


@settings(max_examples=25, deadline=None)
@given(eos.groups_with_features(max_pixels=5), st.sampled_from(["contains", "equals"]), st.booleans())
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
        assert set(pre) == {x for x in range(512) if feature_code(x, F1) == c}
        assert u in pre  # contains mode: the union image realises its own code


def test_equals_mode_stops_after_layer_one():
    G = named_group("translations+dihedral", "3x3")
    table = depth_table(G, layers=3, mode="equals")
    assert len(table.layers) == 1
    assert "no realised code" in table.stopped


@pytest.mark.parametrize("tied", [True, False])
@pytest.mark.parametrize("alphabet", [(-1, 0, 1), (0, 1)])
def test_layer_reconstruction_matches_brute_force(tied, alphabet):
    from exactorbit.depth import layer_reconstruction

    G = translations("1x3")
    table = depth_table(G, layers=2, features=[1, 2, 4])  # layer-2 codes over 3 pixel features
    rec = layer_reconstruction(table, 2, tied=tied, alphabet=alphabet)
    assert rec["inputs"] == 3
    for row in rec["classes"]:
        assert row["probability"] == naive_code_reconstruction(3, row["code"], tied, alphabet)
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
