"""The transformation groups: orders (iterated wreath products), label invariance, orbits by three routes."""

from dataclasses import replace
import math

from hypothesis import assume, given, strategies as st
import numpy as np
import pytest

from exactorbit.actions import apply
from exactorbit.errors import InvalidArgument
from exactorbit.hierarchy import (HierarchyModel, diffeomorphism_group, enumerate_inputs, from_image,
                                  transformation_orbits)
from exactorbit.hierarchy._groups import diffeomorphism_order_formula, patch_group
from exactorbit.hierarchy._official import official_rhm_inputs
from exactorbit.stabilizers import orbit_size, stabilizer, transporter

from hierarchy_strategies import small_models


def wreath_order(young, patch, L):
    """|G_L| for G_1 = Y, G_h = G_{h-1} wr (Y on the patch): o_h = o_{h-1}^patch * |Y|."""
    o = 1
    for _ in range(L):
        o = o ** patch * young
    return o


@pytest.mark.parametrize("s0, sparsity, order", [
    (1, "A", 1024),                   # S_2^2 = 4, then (4^4) * 4 = 1024
    (1, "B", 24 ** 5),                # S_4 wr S_4 = 24^4 * 24
    (2, "A", 36 ** 7),                # S_3^2 = 36, then 36^6 * 36
    (0, "A", 1), (0, "B", 1),         # the RHM: no move
])
def test_diffeomorphism_group_order_from_the_chain(s0, sparsity, order):
    """Source: the wreath-product formula (proofs/hierarchy.md), against PixelGroup.order() (Schreier-Sims)."""
    M = HierarchyModel(3, 2, 3, 2, 2, s0=s0, sparsity=sparsity)
    G = diffeomorphism_group(M)
    assert G.order() == order == diffeomorphism_order_formula(M)
    assert G.grid.shape == (3, M.d)


def test_patch_groups():
    """The moves of one patch generate S_{s0+1}^s (A) and S_{s(s0+1)} (B); sympy computes it."""
    assert patch_group(HierarchyModel(3, 2, 3, 2, 2, s0=2))[0] == 36
    assert patch_group(HierarchyModel(3, 2, 3, 2, 2, s0=2, sparsity="B"))[0] == math.factorial(6)
    assert patch_group(HierarchyModel(3, 2, 3, 3, 1, s0=1, sparsity="B"))[0] == math.factorial(6)


def test_sparsity_a_golden_orbits():
    """By hand: an orbit is the inputs sharing label and rules; (s0+1)^(s N) placements each."""
    for s0, size in ((1, 4 ** 3), (2, 9 ** 3)):
        M = HierarchyModel(3, 2, 3, 2, 2, s0=s0)
        O = transformation_orbits(M)
        assert (O.orbits, O.orbit_sizes, O.label_invariant, O.counterexample) == (54, {size: 54}, True, None)
        assert O.stabilizer_order(0) * size == O.order
        assert O.minimal_orbit_inputs() == list(range(M.p_max))


def test_sparsity_b_counterexample_changes_a_label():
    M = HierarchyModel(3, 2, 3, 2, 2, s0=1, sparsity="B")
    G = diffeomorphism_group(M)
    X = enumerate_inputs(M)
    O = transformation_orbits(M, inputs=X)
    ce = O.counterexample
    assert not O.label_invariant and ce is not None and ce["in_group"] is True
    pixels = tuple(r * M.d + ce["columns"][c] for r in range(M.v) for c in range(M.d))
    assert G.contains(pixels)
    assert apply(pixels, X.mask(ce["input"])) == X.mask(ce["image"])
    assert X.labels[ce["input"]] != X.labels[ce["image"]]
    assert ce["label"] == X.labels[ce["input"]] and ce["image_label"] == X.labels[ce["image"]]
    with pytest.raises(InvalidArgument, match="preserves"):
        transformation_orbits(M, inputs=X, method="generators")


@pytest.mark.parametrize("s0, sparsity", [(1, "A"), (1, "B"), (2, "A")])
def test_orbit_sizes_agree_with_the_package_stabilizers(s0, sparsity):
    """The structure route's sizes against exactorbit.stabilizers (orbit_size, stabilizer) on the pixel group."""
    M = HierarchyModel(3, 2, 3, 2, 2, s0=s0, sparsity=sparsity)
    G = diffeomorphism_group(M)
    X = enumerate_inputs(M)
    O = transformation_orbits(M, inputs=X)
    for i in list(range(0, len(X), len(X) // 5))[:5]:
        k = int(O.orbit_of[i])
        assert orbit_size(G, X.mask(i)) == O.sizes[k]
        assert stabilizer(G, X.mask(i)).order() == O.stabilizer_order(i)


def test_listing_twin_small_cases():
    """Every element of the group applied to every input (the definitional route) against the structure."""
    for M in (HierarchyModel(2, 2, 1, 2, 2, s0=1), HierarchyModel(2, 2, 2, 2, 1, s0=1, sparsity="B"),
              HierarchyModel(3, 2, 3, 2, 1, s0=2, sparsity="B")):
        X = enumerate_inputs(M)
        a = transformation_orbits(M, inputs=X)
        b = transformation_orbits(M, inputs=X, method="listing")
        assert np.array_equal(a.orbit_of, b.orbit_of) and a.sizes == b.sizes and a.order == b.order
        assert a.label_invariant == b.label_invariant
        assert b.invariant_set == a.invariant_set == (M.sparsity == "A" or M.v ** M.s == M.classes * M.m)


@given(small_models(sparsity="A"))
def test_sparsity_a_invariance_property(M):
    """Random small models: the generators route (closure on the inputs, which it checks invariant) = structure."""
    X = enumerate_inputs(M)
    a = transformation_orbits(M, inputs=X)
    b = transformation_orbits(M, inputs=X, method="generators")
    assert a.label_invariant and b.label_invariant and a.invariant_set
    assert np.array_equal(a.orbit_of, b.orbit_of) and a.sizes == b.sizes
    per = (M.s0 + 1) ** M.s
    assert a.orbit_sizes == {per ** M.nodes: M.p_max // per ** M.nodes}


@given(small_models(max_inputs=400))
def test_synonym_group_routes_property(M):
    """Structure, generators and sympy's listing agree; orbits = label x placements; (m!)^N elements."""
    assume(math.factorial(M.m) ** M.nodes * M.p_max <= 200_000)
    X = enumerate_inputs(M)
    a = transformation_orbits(M, "synonym", inputs=X)
    b = transformation_orbits(M, "synonym", inputs=X, method="generators")
    c = transformation_orbits(M, "synonym", inputs=X, method="listing")
    assert np.array_equal(a.orbit_of, b.orbit_of) and np.array_equal(a.orbit_of, c.orbit_of)
    assert a.order == c.order == math.factorial(M.m) ** M.nodes
    assert a.label_invariant and a.orbits == M.classes * len(M.placements) ** M.nodes


@given(small_models())
def test_enumeration_count_is_the_formula_property(M):
    X = enumerate_inputs(M)
    assert len(X) == M.p_max == len(set(X.keys()))
    # one label per input: the label is the root of the decoded tree
    for i in range(0, len(X), max(1, len(X) // 20)):
        assert M.decode(X.sequences[i].tolist()).label == X.labels[i]
        assert M.decode(X.sequences[i].tolist()) == X.parse(i)


@given(small_models(s0=0))
def test_s0_zero_is_the_rhm_property(M):
    """Source: the transcribed official generator; A and B coincide when s0 = 0."""
    official = official_rhm_inputs(M.v, M.classes, M.m, M.s, M.L, M.seed)
    assert np.array_equal(enumerate_inputs(M).sequences, official)
    assert np.array_equal(enumerate_inputs(replace(M, sparsity="B" if M.sparsity == "A" else "A")).sequences, official)


@given(small_models(max_inputs=600, max_d=16, sparsity="B"), st.randoms(use_true_random=False))
def test_structure_route_against_the_package_transporter(M, rnd):
    """Any sparsity, random small models: orbit sizes (exactorbit.stabilizers.orbit_size) and orbit
    membership (exactorbit.stabilizers.transporter) on the pixel group agree with the canonical forms."""
    X = enumerate_inputs(M)
    G = diffeomorphism_group(M)
    O = transformation_orbits(M, inputs=X)
    picks = [rnd.randrange(len(X)) for _ in range(4)]
    for i in picks:
        assert orbit_size(G, X.mask(i)) == O.sizes[int(O.orbit_of[i])]
    for i, j in zip(picks, picks[1:]):
        same = transporter(G, X.mask(i), X.mask(j)) is not None
        assert same == (O.orbit_of[i] == O.orbit_of[j])
    # and a pair known to share an orbit: an input and its image under a random element
    g = G.random_element(rnd.randrange(1000))
    y = apply(g, X.mask(picks[0]))
    j = X.index_of(list(from_image(M, y)))   # a column permutation keeps one-hot columns
    if j is not None:
        assert O.orbit_of[j] == O.orbit_of[picks[0]]


@pytest.mark.parametrize("s, s0, sparsity", [(2, 1, "A"), (2, 1, "B"), (2, 2, "A"), (2, 2, "B"), (3, 1, "B")])
def test_moves_out_of_one_placement_generate_every_move(s, s0, sparsity):
    from sympy.combinatorics import Permutation, PermutationGroup

    from exactorbit.hierarchy._groups import patch_moves

    M = HierarchyModel(3, 1, 1, s, 1, s0=s0, sparsity=sparsity)
    few = PermutationGroup([Permutation(list(g)) for g in patch_moves(M)])
    every = patch_moves(M, every=True)
    assert all(few.contains(Permutation(list(g))) for g in every)
    assert few.order() == patch_group(M)[0]


def test_too_many_placements_is_refused():
    with pytest.raises(InvalidArgument, match="placements"):
        HierarchyModel(2, 1, 1, 2, 1, s0=1000, sparsity="B")
