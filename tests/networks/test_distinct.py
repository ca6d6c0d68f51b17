"""Distinct functions, listed and counted, every route against the naive loop (exactorbit.networks.distinct)."""


import pytest
from hypothesis import assume, given, settings

from exactorbit import strategies as eos
from exactorbit.errors import InvalidArgument, TooExpensive
from exactorbit.functions import image_size, is_bijection
from exactorbit.images import Grid
from exactorbit.networks import (
    FamilySpec,
    NetworkFamily,
    conditioned_reconstruction,
    count_distinct_functions,
    enumerate_functions,
    enumeration_estimate,
    function_summaries,
    parameter_settings,
    reconstruction_counts,
    reconstruction_probabilities,
    reconstruction_probabilities_by_weight,
    untied_distinct_estimate,
)
from exactorbit.networks._packed import _packed_enumeration
from exactorbit.networks._untied_sets import _untied_distinct_count
from exactorbit.testutil import (
    naive_family_functions,
    naive_range,
    naive_reconstruction,
)

# (h, w, k) small enough for the pure-Python loop over every parameter setting
SMALL = [(1, 1, 1), (1, 2, 1), (1, 1, 2), (1, 3, 1), (2, 2, 1), (1, 2, 2)]


ALPHABETS = [(-1, 0, 1), (-1, 1), (0, 1)]


def _small_cases():
    for h, w, k in SMALL:
        for tied in (True, False):
            for alphabet in ALPHABETS:
                for excl in (False, True):
                    fam = NetworkFamily(Grid(h, w), k, tied=tied, alphabet=alphabet, exclude_constant=excl)
                    if 0 < parameter_settings(fam) <= 30_000:
                        yield fam


CASES = list(_small_cases())


@pytest.mark.parametrize("fam", CASES, ids=lambda f: f"{f.grid}-k{f.hidden}-{'t' if f.tied else 'u'}-{f.alphabet}-{int(f.exclude_constant)}")
def test_naive_twin_functions_and_probabilities(fam):
    naive = naive_family_functions(fam)
    assert sum(naive.values()) == parameter_settings(fam)
    fast = {tuple(t.tolist()): m for t, m in enumerate_functions(fam)}
    assert fast == dict(naive)
    assert count_distinct_functions(fam) == len(naive)
    assert reconstruction_probabilities(fam) == naive_reconstruction(naive, fam.n)
    full = 2**fam.n - 1
    for D in ([0], [1], [0, full]):
        good = sum(c for t, c in naive.items() if all(t[d] == d for d in D))
        if good == 0:
            with pytest.raises(InvalidArgument, match="no network"):
                conditioned_reconstruction(fam, D)
        else:
            assert conditioned_reconstruction(fam, D) == naive_reconstruction(naive, fam.n, D)


@settings(max_examples=15, deadline=None)
@given(eos.network_families(max_pixels=3, max_hidden=2, alphabets=((-1, 0, 1), (-1, 1), (0, 1), (-1, 0, 1, 2))))
def test_naive_twin_random_families(fam):
    assume(0 < parameter_settings(fam) <= 12_000)
    naive = naive_family_functions(fam)
    fast = enumerate_functions(fam)
    assert {tuple(t.tolist()): m for t, m in fast} == dict(naive)
    assert [t.tolist() for t, _ in fast] == sorted(t.tolist() for t, _ in fast)  # deterministic order
    assert reconstruction_counts(fam) == [sum(c for t, c in naive.items() if t[x] == x) for x in range(2**fam.n)]


def test_golden_distinct_counts_sizes():
    # brute force in the test: sets of tables built from 1-input decoders, for 2x2 k=1 untied:
    # F = h ? a : b, h a threshold function of 4 inputs (from the naive brute force), a, b masks.
    from itertools import product as iproduct
    inputs = list(iproduct((0, 1), repeat=4))
    hs = set()
    for w in iproduct((-1, 0, 1), repeat=4):
        for t in naive_range(w, False):
            hs.add(tuple(int(sum(a * b for a, b in zip(w, u[::-1])) >= t) for u in inputs))
    tables = {tuple(a if h[x] else b for x in range(16)) for h in hs for a in range(16) for b in range(16)}
    assert count_distinct_functions(NetworkFamily("2x2", 1, tied=False)) == len(tables) == 25936
    # 3x3 k=1 untied: all 2^9 constants plus, per pair {h, not h} of non-constant threshold
    # functions (the 2 * 9 * 3^8 non-constant unit settings give distinct functions, checked
    # in the brute force above for 4 inputs), 512 * 511 ordered pairs (a, b) with a != b
    nonconstant = 9 * 2 * 3**8
    assert count_distinct_functions(NetworkFamily("3x3", 1, tied=False)) == 512 + nonconstant // 2 * 512 * 511


def test_function_summaries():
    fam = NetworkFamily("1x2", 2, tied=True)
    summaries = function_summaries(fam)
    assert sum(s["multiplicity"] for s in summaries) == parameter_settings(fam)
    for s in summaries:
        t = s["table"]
        assert s["fixed_images"] == [x for x in range(4) if t[x] == x]
        assert s["is_bijection"] == (sorted(t.tolist()) == [0, 1, 2, 3]) == is_bijection(t)
        assert s["image_size"] == len(set(t.tolist())) == image_size(t)
    assert any(s["is_bijection"] for s in summaries)  # k = n = 2: the identity, the swap, ...
    # with k = 1 < n = 2 hidden bit the image has at most 2 of the 4 images: no bijection
    assert not any(s["is_bijection"] for s in function_summaries(NetworkFamily("1x2", 1)))


@pytest.mark.parametrize("grid, k, alphabet", [
    ("1x3", 2, (-1, 0, 1)), ("2x2", 2, (0, 1)), ("2x2", 2, (-1, 1)), ("1x2", 3, (-1, 0, 1)),
    ("1x4", 2, (-1, 1)), ("2x1", 3, (0, 1)),
])
def test_untied_set_count_equals_packed_enumeration(grid, k, alphabet):
    """Sets of pixel functions inside some S(H) (counted with surjections) vs every key generated."""
    fam = NetworkFamily(grid, k, tied=False, alphabet=alphabet)
    keys, counts = _packed_enumeration(fam, progress=False)
    assert int(counts.sum()) == parameter_settings(fam)
    assert len(keys) == len(set(keys.tolist()))
    by_sets = _untied_distinct_count(fam, progress=False)
    assert by_sets == len(keys)
    # several hash passes (a tiny key budget) give the same count as one pass
    assert _untied_distinct_count(fam, budget=997, progress=False) == by_sets
    assert count_distinct_functions(fam) == by_sets
    assert untied_distinct_estimate(fam) >= 1


@settings(max_examples=25, deadline=None)
@given(eos.network_families(max_pixels=4, max_hidden=2, tied=False,
                            alphabets=((-1, 0, 1), (-1, 1), (0, 1), (1, 2))))
def test_untied_set_count_random_families(fam):
    assume(0 < parameter_settings(fam) and enumeration_estimate(fam) <= 3_000_000)
    assert _untied_distinct_count(fam, progress=False) == len(_packed_enumeration(fam, progress=False)[0])


def test_required_distinct_counts():
    # 2x2 k=2 untied: 68,961,456 by the set count; benchmarks/bench_networks.py --distinct
    # also enumerates every (encoder, decoder) key of this family and finds the same number
    assert count_distinct_functions(NetworkFamily("2x2", 2, tied=False)) == 68961456
    # 2x2 k=2 tied: the packed enumeration equals the per-representative dictionary route
    fam = NetworkFamily("2x2", 2)
    keys, counts = _packed_enumeration(fam, progress=False)
    assert count_distinct_functions(fam) == len(keys) == len(enumerate_functions(fam))
    with pytest.raises(TooExpensive, match="force=True"):
        count_distinct_functions(NetworkFamily("2x2", 3))  # about a minute with force=True
    with pytest.raises(TooExpensive, match="force=True"):
        count_distinct_functions(NetworkFamily("2x2", 3, tied=False))


@pytest.mark.parametrize("grid, k, tied", [("2x2", 1, True), ("2x2", 1, False), ("1x3", 2, True), ("2x2", 2, True)])
def test_packed_enumeration_equals_dictionary_route(grid, k, tied):
    from exactorbit.networks._dictionary import _dict_enumeration
    fam = NetworkFamily(grid, k, tied=tied)
    slow = {tuple(t.tolist()): m for t, m in _dict_enumeration(fam)}
    assert {tuple(t.tolist()): m for t, m in enumerate_functions(fam)} == slow


def test_distinct_count_beyond_reach_is_refused_even_with_force():
    with pytest.raises(TooExpensive, match="even with force"):
        count_distinct_functions(NetworkFamily("3x3", 2), force=True)


@pytest.mark.parametrize("grid, k, tied", [("1x2", 1, False), ("2x2", 1, True), ("1x3", 2, False)])
def test_function_keys_match_enumeration(grid, k, tied):
    from exactorbit.networks import function_keys
    fam = NetworkFamily(grid, k, tied=tied)
    keys, counts = function_keys(fam)
    assert keys.tolist() == sorted(keys.tolist()) and int(counts.sum()) == parameter_settings(fam)
    unpacked = {tuple(((key >> (fam.n * x)) & (2**fam.n - 1)) for x in range(2**fam.n)): c
                for key, c in zip(keys.tolist(), counts.tolist())}
    assert unpacked == {tuple(t.tolist()): m for t, m in enumerate_functions(fam)}
    with pytest.raises(InvalidArgument, match="at most 4 pixels"):
        function_keys(NetworkFamily("1x5", 1))


def test_limits_refuse_before_work():
    # one hidden unit: the distinct count tabulates every unit (8.6 GB for weights -2..2 on 8 pixels)
    with pytest.raises(TooExpensive, match="one hidden unit"):
        count_distinct_functions(NetworkFamily("2x4", 1, alphabet=(-2, -1, 0, 1, 2)), limit=1000)
    # per-image routes too large: the counts come by weight, under the by-weight limit
    with pytest.raises(TooExpensive, match="by-weight"):
        reconstruction_counts(NetworkFamily("4x4", 5), limit=1000)
    fam = NetworkFamily("4x4", 1, tied=False)  # the per-image route would tabulate 3^16 weight vectors
    probs = reconstruction_probabilities(fam)
    assert len(probs) == 2**16 and len(set(probs)) == 1  # alphabet closed under negation: pixel flips
    assert probs[0] == reconstruction_probabilities_by_weight(FamilySpec(16, 1, tied=False))[0]
    # force reaches the column programme even when tabulating the encoder units is over the limit
    probs = conditioned_reconstruction(NetworkFamily("3x4", 1), [0], force=True)
    assert probs[0] == 1 and len(probs) == 2**12
