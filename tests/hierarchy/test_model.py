"""The model: golden input counts, validation, the official generator, decoding, images, exact sampling."""

from fractions import Fraction
import math

import numpy as np
import pytest

from exactorbit.errors import InvalidArgument, TooExpensive
from exactorbit.hierarchy import (HierarchyModel, authors_distribution, decode, enumerate_inputs, from_image,
                                  sample_inputs, to_image)
from exactorbit.hierarchy._official import official_rhm_inputs


# Golden numbers of issue 16, derived there by hand from P_max = n_c m^((s^L-1)/(s-1)) (RHM) and
# n_c [m (s0+1)^s]^(...) (A), n_c [m C(s(s0+1), s)]^(...) (B); here they are also *enumerated*.
@pytest.mark.parametrize("params, expected", [
    ((3, 2, 3, 2, 2), 54),    # 2 * 3^3            (issue 16, by hand)
    ((4, 2, 2, 2, 2), 16),    # 2 * 2^3            (issue 16, by hand)
    ((2, 2, 2, 2, 3), 256),   # 2 * 2^7            (issue 16, by hand)
    ((3, 3, 3, 3, 2), 243),   # 3 * 3^4            (issue 16, by hand)
])
def test_rhm_golden_counts(params, expected):
    M = HierarchyModel(*params)
    X = enumerate_inputs(M)
    assert M.p_max == expected == len(X) == len(set(X.keys()))
    assert M.d == params[3] ** params[4]


@pytest.mark.parametrize("s0, sparsity, d, expected", [
    (1, "A", 16, 3456),    # 2 * (3 * 2^2)^3      (issue 16, by hand)
    (1, "B", 16, 11664),   # 2 * (3 * C(4,2))^3   (issue 16, by hand)
    (2, "A", 36, 39366),   # 2 * (3 * 3^2)^3      (issue 16, by hand)
])
def test_srhm_golden_counts(s0, sparsity, d, expected):
    M = HierarchyModel(3, 2, 3, 2, 2, s0=s0, sparsity=sparsity)
    X = enumerate_inputs(M)
    assert (M.d, M.p_max, len(X), len(set(X.keys()))) == (d, expected, expected, expected)
    assert M.grid.shape == (3, d)


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("params", [(3, 2, 3, 2, 2), (4, 2, 2, 2, 2), (2, 2, 2, 2, 3), (3, 3, 3, 3, 2),
                                    (5, 3, 2, 2, 3)])
def test_rhm_is_the_official_generator(params, seed):
    """Source: a transcription of pcsl-epfl/hierarchy-learning datasets/hierarchical.py (same Python RNG)."""
    M = HierarchyModel(*params, seed=seed)
    assert np.array_equal(enumerate_inputs(M).sequences, official_rhm_inputs(*params, seed=seed))


@pytest.mark.parametrize("kwargs, words", [
    (dict(v=2, classes=5, m=1, s=2, L=1), ["classes*m", "5*1", "4"]),
    (dict(v=3, classes=2, m=4, s=2, L=2), ["m = 4", "v*m = 12", "m <= v**(s-1) = 3"]),
    (dict(v=3, classes=2, m=3, s=1, L=2), ["s must be >= 2"]),
    (dict(v=3, classes=2, m=3, s=2, L=0), ["L must be >= 1"]),
    (dict(v=3, classes=0, m=3, s=2, L=2), ["classes must be >= 1"]),
    (dict(v=3, classes=2, m=3, s=2, L=2, s0=-1), ["s0 must be >= 0"]),
    (dict(v=3, classes=2, m=3, s=2, L=2, sparsity="C"), ["sparsity must be 'A' or 'B'", "'C'"]),
    (dict(v=3, classes=2, m=3, s=2, L=2, seed=-2), ["seed must be >= 0"]),
    (dict(v="3", classes=2, m=3, s=2, L=2), ["v", "str"]),
    (dict(v=3, classes=2, m=3, s=2, L=9, s0=3), ["input length d", "4096"]),
])
def test_bad_parameters_are_named(kwargs, words):
    with pytest.raises(InvalidArgument) as exc:
        HierarchyModel(**kwargs)
    for w in words:
        assert w in str(exc.value)


def test_m_over_v_to_s_minus_1_is_allowed_at_depth_one():
    """With L = 1 only the top level exists: n_c*m <= v^s is the one condition."""
    assert HierarchyModel(2, 1, 4, 2, 1).p_max == 4


def test_rules_are_unambiguous():
    M = HierarchyModel(4, 3, 3, 2, 3, seed=5)
    for level in M.rules:
        tuples = [t for row in level for t in row]
        assert len(tuples) == len(set(tuples))


def test_enumeration_refused_past_the_limit():
    M = HierarchyModel(3, 2, 3, 2, 2, s0=2)
    with pytest.raises(TooExpensive, match="39366 inputs"):
        enumerate_inputs(M, limit=1000)
    assert len(enumerate_inputs(M, limit=1000, force=True)) == 39366


@pytest.mark.parametrize("s0, sparsity", [(0, "A"), (1, "A"), (1, "B"), (2, "A")])
def test_decode_every_input(s0, sparsity):
    M = HierarchyModel(3, 2, 3, 2, 2, s0=s0, sparsity=sparsity)
    X = enumerate_inputs(M)
    step = max(1, len(X) // 500)
    for i in range(0, len(X), step):
        seq = X.sequences[i].tolist()
        assert decode(M, seq) == X.parse(i) == M.unrank(i)
        assert M.rank(decode(M, seq)) == i
        assert from_image(M, to_image(M, seq)) == tuple(seq)
        assert to_image(M, seq) == X.mask(i)


def test_decode_refuses_non_inputs():
    M = HierarchyModel(3, 2, 3, 2, 2, s0=1)
    seq = list(M.sequence(M.unrank(0)))
    with pytest.raises(InvalidArgument, match="not an input"):
        decode(M, [0] * 16)   # four symbols in every patch of four slots: no placement of A
    with pytest.raises(InvalidArgument, match="16 symbols"):
        decode(M, seq[:-1])
    with pytest.raises(InvalidArgument, match="symbol"):
        decode(M, [9] * 16)
    with pytest.raises(InvalidArgument, match="one"):
        from_image(M, (1 << 0) | (1 << 16))


def test_sampler_gives_each_input_probability_one_over_pmax():
    """Exact: the sampler draws an index uniformly and maps it by a bijection onto the inputs."""
    M = HierarchyModel(3, 2, 3, 2, 2, s0=1, sparsity="B")
    seen = {}
    for i in range(M.p_max):
        seq = M.sequence(M.unrank(i))
        seen[seq] = seen.get(seq, 0) + Fraction(1, M.p_max)
    assert len(seen) == M.p_max and set(seen.values()) == {Fraction(1, M.p_max)}
    draws = sample_inputs(M, 5, seed=3)
    assert [s for _, _, s in draws] == [M.sequence(M.unrank(i)) for i, _, _ in draws]
    assert draws == sample_inputs(M, 5, seed=3)


@pytest.mark.parametrize("v, nc, m, s, L, s0, sparsity", [
    (2, 2, 1, 2, 2, 1, "A"), (2, 2, 1, 2, 2, 1, "B"), (2, 2, 2, 2, 2, 0, "A"), (3, 1, 2, 2, 1, 2, "B")])
def test_authors_sampler_is_uniform_on_the_inputs(v, nc, m, s, L, s0, sparsity):
    """Every choice vector of the authors' sampler (dead choices at empty positions included), exactly."""
    M = HierarchyModel(v, nc, m, s, L, s0=s0, sparsity=sparsity)
    dist = authors_distribution(M)
    assert set(dist) == {tuple(r) for r in enumerate_inputs(M).sequences.tolist()}
    assert set(dist.values()) == {Fraction(1, M.p_max)} and sum(dist.values()) == 1


def test_unrank_route_equals_vectorised():
    M = HierarchyModel(3, 2, 3, 2, 2, s0=1, sparsity="B")
    a, b = enumerate_inputs(M), enumerate_inputs(M, method="unrank")
    assert (a.method, b.method) == ("vectorised", "unrank")
    for x, y in zip(a.levels, b.levels):
        assert np.array_equal(x, y)
    assert np.array_equal(a.rule_digits, b.rule_digits) and np.array_equal(a.placement_digits, b.placement_digits)


def test_pmax_formula_text():
    M = HierarchyModel(3, 2, 3, 2, 2, s0=1, sparsity="B")
    assert M.p_max == 2 * (3 * math.comb(4, 2)) ** 3
