"""Sensitivities: the exact formula against the definition (every pair listed), invariance below level k."""

from fractions import Fraction
from itertools import product

from hypothesis import given
import numpy as np
import pytest

from exactorbit.errors import InvalidArgument
from exactorbit.hierarchy import HierarchyModel, Parse, enumerate_inputs, sensitivity, sensitivity_table
from exactorbit.hierarchy._sensitivity import representation_matrix
from exactorbit.networks.family import Network, NetworkFamily, random_network

from hierarchy_strategies import small_models


def naive_sensitivity(M, X, F, kind, level):
    """The authors' quotient by its definition: x' is x with the digits of the nodes at heights 1..level
    re-drawn, every re-draw listed; the denominator lists every pair (x, y)."""
    P = len(X)
    rows = [tuple(r) for r in F.tolist()]

    def dist(a, b):
        return sum((p - q) ** 2 for p, q in zip(a, b))

    cut = (M.s ** (M.L - level) - 1) // (M.s - 1)
    free = M.nodes - cut
    num = Fraction(0)
    for i in range(P):
        parse = M.unrank(i)
        total = 0
        count = 0
        if kind == "synonym":
            redraws = [Parse(parse.label, parse.rules[:cut] + r, parse.placements)
                       for r in product(range(M.m), repeat=free)]
        else:
            redraws = [Parse(parse.label, parse.rules, parse.placements[:cut] + p)
                       for p in product(range(len(M.placements)), repeat=free)]
        for q in redraws:
            total += dist(rows[i], rows[M.rank(q)])
            count += 1
        num += Fraction(total, count)
    num /= P
    den = Fraction(sum(dist(a, b) for a in rows for b in rows), P * P)
    return num / den


@pytest.mark.parametrize("model", [HierarchyModel(3, 2, 3, 2, 2), HierarchyModel(2, 2, 1, 2, 2, s0=1),
                                   HierarchyModel(2, 2, 1, 2, 2, s0=1, sparsity="B"),
                                   HierarchyModel(2, 2, 2, 2, 2, seed=4)])
def test_exact_formula_equals_the_definition(model):
    X = enumerate_inputs(model)
    for k in range(model.L):
        F = representation_matrix(X, k)
        for kind in ("synonym", "diffeomorphism"):
            for level in range(1, model.L + 1):
                assert sensitivity(model, k, kind=kind, level=level, inputs=X) == \
                    naive_sensitivity(model, X, F, kind, level)


@given(small_models(max_inputs=2000))
def test_level_k_representation_is_invariant_below_level_k(M):
    """Proofs/hierarchy.md, theorem 5: zero for every level l <= k, both kinds."""
    X = enumerate_inputs(M)
    for k in range(M.L + 1):
        table = sensitivity_table(M, k, inputs=X)
        for kind, row in table.items():
            for level, value in row.items():
                if level <= k:
                    assert value in (0, None)
                else:
                    assert value is None or value >= 0


def test_golden_sensitivities():
    """Computed here and checked against the definition above; RHM (3,2,3,2,2), seed 0."""
    M = HierarchyModel(3, 2, 3, 2, 2)
    assert sensitivity(M, 0, kind="synonym", level=1) == Fraction(81, 106)
    assert sensitivity(M, 1, kind="synonym", level=2) == Fraction(10, 11)
    assert sensitivity(M, 0, kind="diffeomorphism", level=2) == 0   # s0 = 0: nothing moves
    M = HierarchyModel(3, 2, 3, 2, 2, s0=1)
    assert sensitivity(M, 0, kind="diffeomorphism", level=1) == Fraction(81, 148)
    assert sensitivity(M, 1, kind="diffeomorphism", level=2) == Fraction(18, 29)


def test_tiny_network_representation():
    """A tiny autoencoder of the package on the 2x4 grid of a model: exact sensitivities of its hidden bits."""
    M = HierarchyModel(2, 2, 1, 2, 1, s0=1)   # d = 4, 8 inputs, grid 2x4
    X = enumerate_inputs(M)
    fam = NetworkFamily(M.grid, 2)
    net = random_network(fam, seed=3)
    F = representation_matrix(X, net)
    assert F.shape == (8, 2) and set(np.unique(F)) <= {0, 1}
    try:
        value = sensitivity(M, net, kind="diffeomorphism", level=1, inputs=X)
    except InvalidArgument:  # the hidden code may be constant on the inputs: no normalisation
        return
    assert value >= 0 and isinstance(value, Fraction)
    # a network that reads nothing but the symbols' identity per column pair is invariant: weights all 1
    ones = Network(fam, ((1,) * 8, (1,) * 8), (1, 2), ((1, 1),) * 8, (1,) * 8)
    with pytest.raises(InvalidArgument, match="normalisation is 0"):
        sensitivity(M, ones, kind="synonym", level=1, inputs=X)


def test_bad_representation():
    M = HierarchyModel(3, 2, 3, 2, 2)
    with pytest.raises(InvalidArgument, match="representation"):
        sensitivity(M, 5)
    with pytest.raises(InvalidArgument, match="kind"):
        sensitivity(M, 0, kind="rotation")
    with pytest.raises(InvalidArgument, match="level"):
        sensitivity(M, 0, level=3)
    with pytest.raises(InvalidArgument, match="grid"):
        sensitivity(M, random_network(NetworkFamily("2x2", 1), seed=0))
