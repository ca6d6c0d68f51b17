"""Tests for exactorbit.networks: naive twins, golden numbers, theorem 7, CLI."""

import json
from fractions import Fraction

import pytest
from hypothesis import assume, given, settings, strategies as st

from exactorbit import strategies as eos
from exactorbit.actions import apply, orbit
from exactorbit.cli import main
from exactorbit.errors import InvalidArgument, TooExpensive
from exactorbit.functions import fixed_points, image_size, is_bijection
from exactorbit.images import Grid
from exactorbit.networks import (
    Network,
    NetworkFamily,
    conditioned_reconstruction,
    count_distinct_functions,
    enumerate_functions,
    enumeration_estimate,
    function_summaries,
    network_table,
    network_tables,
    parameter_settings,
    random_network,
    reconstruction_counts,
    reconstruction_probabilities,
    threshold_functions,
    threshold_range,
    unit_setting_count,
)

from naive_networks import (
    naive_functions,
    naive_range,
    naive_reconstruction,
    naive_table,
    naive_threshold_function_count,
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


def _naive(fam):
    return naive_functions(fam.n, fam.hidden, fam.tied, fam.alphabet, fam.exclude_constant)


@pytest.mark.parametrize("fam", CASES, ids=lambda f: f"{f.grid}-k{f.hidden}-{'t' if f.tied else 'u'}-{f.alphabet}-{int(f.exclude_constant)}")
def test_naive_twin_functions_and_probabilities(fam):
    naive = _naive(fam)
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
    naive = _naive(fam)
    fast = enumerate_functions(fam)
    assert {tuple(t.tolist()): m for t, m in fast} == dict(naive)
    assert [t.tolist() for t, _ in fast] == sorted(t.tolist() for t, _ in fast)  # deterministic order
    assert reconstruction_counts(fam) == [sum(c for t, c in naive.items() if t[x] == x) for x in range(2**fam.n)]


@settings(max_examples=40, deadline=None)
@given(eos.network_families(max_pixels=4, max_hidden=3), st.data())
def test_network_table_matches_naive_evaluation(fam, data):
    net = data.draw(eos.networks(fam, table=False))
    assert tuple(network_table(net).tolist()) == naive_table(
        fam.n, fam.hidden, net.encoder_weights, net.encoder_thresholds, net.decoder_weights, net.decoder_thresholds
    )


@pytest.mark.parametrize("m", range(0, 5))
def test_golden_threshold_function_counts(m):
    # brute force in the test: distinct [w.u >= t] over w in {-1,0,1}^m and every threshold
    tables, counts = threshold_functions(m)
    assert len(tables) == naive_threshold_function_count(m)
    assert sum(counts) == unit_setting_count(m)
    # OEIS A000609 (threshold functions of m or fewer variables, any weights): 2, 4, 14, 104, 1882;
    # weights in {-1, 0, 1} realise all of them only for m <= 2
    a000609 = [2, 4, 14, 104, 1882]
    assert (len(tables) == a000609[m]) == (m <= 2)
    assert len(tables) <= a000609[m]


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


def test_parameter_settings_by_brute_force():
    from itertools import product as iproduct
    from math import prod
    for k in (1, 2):
        total = 0
        for flat in iproduct((-1, 0, 1), repeat=4 * k):
            rows = [flat[j * 4:(j + 1) * 4] for j in range(k)]
            cols = [tuple(r[i] for r in rows) for i in range(4)]
            total += prod(len(naive_range(r, False)) for r in rows) * prod(len(naive_range(c, False)) for c in cols)
        assert parameter_settings(NetworkFamily("2x2", k, tied=True)) == total
    u4 = sum(len(naive_range(w, False)) for w in iproduct((-1, 0, 1), repeat=4))
    u3 = sum(len(naive_range(w, False)) for w in iproduct((-1, 0, 1), repeat=3))
    assert parameter_settings(NetworkFamily("2x2", 3, tied=False)) == u4**3 * u3**4


@pytest.mark.parametrize("k", [1, 2])
@pytest.mark.parametrize("tied", [True, False])
@pytest.mark.parametrize("alphabet", [(-1, 0, 1), (0, 1)])
def test_two_algorithms_agree_2x2(k, tied, alphabet):
    """Closed form / column DP vs the sum over encoder representatives (D empty) vs enumeration."""
    fam = NetworkFamily("2x2", k, tied=tied, alphabet=alphabet)
    probs = reconstruction_probabilities(fam)
    assert conditioned_reconstruction(fam, []) == probs
    if tied or k == 1:
        total = parameter_settings(fam)
        counts = [0] * 16
        for table, mult in enumerate_functions(fam):
            for x in fixed_points(table):
                counts[x] += mult
        assert [Fraction(c, total) for c in counts] == probs


def test_required_sizes_and_speed():
    expected_uniform = {("2x2", 1, True): Fraction(3, 40), ("2x2", 2, True): Fraction(611, 7296)}
    for grid, k, tied in [("2x2", 1, True), ("2x2", 2, True), ("2x2", 3, True), ("2x2", 3, False),
                          ("3x3", 1, True), ("3x3", 2, True)]:
        fam = NetworkFamily(grid, k, tied=tied)
        probs = reconstruction_probabilities(fam)
        assert len(probs) == 2**fam.n and all(0 < p < 1 for p in probs)
        if (grid, k, tied) in expected_uniform:  # from the enumeration in test_two_algorithms_agree_2x2
            assert set(probs) == {expected_uniform[grid, k, tied]}
    probs = reconstruction_probabilities(NetworkFamily("3x3", 1, tied=False))  # timed in benchmarks/
    # untied, alphabet closed under negation: given the code, each decoder unit outputs 1 on
    # exactly half of its settings ((v, s) -> (-v, 1 - s)), so P(F(x) = x) = 2^-9 for every x
    assert set(probs) == {Fraction(1, 512)}


def test_uniformity_comes_from_pixel_flips():
    # with alphabet {0, 1} (not closed under negation) the probabilities are not uniform,
    # but still constant on S_n-orbits, i.e. they depend only on the weight of the image
    probs = reconstruction_probabilities(NetworkFamily("2x2", 2, alphabet=(0, 1)))
    by_weight = {}
    for x, p in enumerate(probs):
        by_weight.setdefault(bin(x).count("1"), set()).add(p)
    assert all(len(v) == 1 for v in by_weight.values())
    assert len({next(iter(v)) for v in by_weight.values()}) > 1


@settings(max_examples=25, deadline=None)
@given(eos.network_families(max_pixels=4, max_hidden=2, alphabets=((-1, 0, 1), (0, 1), (-1, 0, 1, 2))), st.data())
def test_theorem7_constant_on_orbits(fam, data):
    """Theorem 7: the family is invariant under conjugation by any pixel group G, so the
    reconstruction probability (here from the enumerated functions, no symmetry used) is
    constant on G-orbits; and conditioning transports: P(x | D) = P(g.x | g.D)."""
    assume(0 < parameter_settings(fam) and enumeration_estimate(fam) <= 500_000)
    group = data.draw(eos.pixel_groups(grid=fam.grid, max_pixels=4))
    fs = enumerate_functions(fam)
    counts = [0] * 2**fam.n
    for table, mult in fs:
        for x in fixed_points(table):
            counts[x] += mult
    for x in range(2**fam.n):
        assert {counts[y] for y in orbit(group, x)} == {counts[x]}
    g = data.draw(eos.group_elements(group))
    D = data.draw(st.lists(st.integers(0, 2**fam.n - 1), max_size=2))
    try:
        cond = conditioned_reconstruction(fam, D)
    except InvalidArgument:
        with pytest.raises(InvalidArgument):
            conditioned_reconstruction(fam, [apply(g, d) for d in D])
        return
    moved = conditioned_reconstruction(fam, [apply(g, d) for d in D])
    assert all(moved[apply(g, x)] == cond[x] for x in range(2**fam.n))


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


def test_errors_and_cost_limits():
    with pytest.raises(InvalidArgument, match="hidden"):
        NetworkFamily("2x2", 0)
    with pytest.raises(InvalidArgument, match="grid"):
        NetworkFamily("0x2", 1)
    with pytest.raises(InvalidArgument, match="tied"):
        NetworkFamily("2x2", 1, tied="yes")
    with pytest.raises(InvalidArgument, match="alphabet"):
        NetworkFamily("2x2", 1, alphabet="a,b")
    with pytest.raises(InvalidArgument, match="family"):
        parameter_settings("2x2")
    fam = NetworkFamily("1x2", 1)
    with pytest.raises(InvalidArgument, match="threshold 0 is 5"):
        Network(fam, ((1, 1),), (5,), ((1,), (1,)), (1, 1))
    with pytest.raises(InvalidArgument, match="transpose"):
        Network(fam, ((1, 1),), (1,), ((1,), (0,)), (1, 1))
    with pytest.raises(InvalidArgument, match="outside the alphabet"):
        Network(fam, ((2, 1),), (1,), ((2,), (1,)), (1, 1))
    with pytest.raises(InvalidArgument, match="image in D"):
        conditioned_reconstruction(fam, [4])
    with pytest.raises(TooExpensive, match="force=True"):
        enumerate_functions(NetworkFamily("3x3", 1))
    with pytest.raises(TooExpensive, match="force=True"):
        conditioned_reconstruction(NetworkFamily("3x3", 2), [1, 2, 4, 8, 16, 32])
    assert threshold_range((1, -1, 0)) == (-1, 2)
    assert len(network_table(random_network(NetworkFamily("2x2", 2, tied=False), seed=3))) == 16


def test_cli_json(capsys):
    assert main(["networks", "--grid", "2x2", "--hidden", "1", "--untied", "--alphabet", "0,1", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"parameter_settings", "distinct_functions", "reconstruction"}
    fam = NetworkFamily("2x2", 1, tied=False, alphabet=(0, 1))
    assert out["parameter_settings"] == parameter_settings(fam)
    assert out["distinct_functions"] == count_distinct_functions(fam)
    probs = reconstruction_probabilities(fam)
    assert sum(r["orbit_size"] for r in out["reconstruction"]) == 16
    for r in out["reconstruction"]:
        assert set(r) == {"image", "orbit_size", "probability"}
        p, q = map(int, r["probability"].split("/"))
        assert Fraction(p, q) == probs[r["image"]]


def test_cli_text_and_defaults(capsys):
    assert main(["networks", "--grid", "2x2", "--hidden", "2", "--alphabet", "-1,1"]) == 0
    captured = capsys.readouterr()
    assert "parameter settings: " in captured.out and "distinct functions: " in captured.out
    assert "translations+dihedral" in captured.out
    assert "parameter settings" in captured.err  # shown before the enumeration
    assert main(["networks", "--grid", "2x2", "--hidden", "3", "--untied"]) == 0
    assert "not computed" in capsys.readouterr().out


@pytest.mark.parametrize("argv, message", [
    (["networks", "--grid", "2x", "--hidden", "1"], "grid"),
    (["networks", "--grid", "2x2", "--hidden", "0"], "--hidden"),
    (["networks", "--grid", "2x2", "--alphabet", "x"], "alphabet"),
    (["networks", "--grid", "2x2", "--group", "nonsense"], "nonsense"),
])
def test_cli_bad_input(capsys, argv, message):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


# --------------------------------------------------------------------------- reconstruction by weight

from math import comb

from exactorbit.networks import (
    FamilySpec,
    reconstruction_counts_by_weight,
    reconstruction_probabilities_by_weight,
)


def _by_weight_cases(m):
    for k in (1, 2):
        for tied in (True, False):
            for alphabet in ALPHABETS:
                for excl in (False, True):
                    yield NetworkFamily(Grid(1, m), k, tied=tied, alphabet=alphabet, exclude_constant=excl)


@pytest.mark.parametrize("m", range(1, 7))
def test_by_weight_equals_full_reconstruction_grouped(m):
    checked = 0
    for fam in _by_weight_cases(m):
        spec = FamilySpec.from_family(fam)
        assert parameter_settings(spec) == parameter_settings(fam)
        full = reconstruction_counts(fam)
        by_w = reconstruction_counts_by_weight(fam)
        assert len(by_w) == m + 1
        assert reconstruction_counts_by_weight(spec) == by_w
        # every input of weight s has the count by_w[s] (grouped by weight) ...
        for x, c in enumerate(full):
            assert c == by_w[x.bit_count()]
        # ... so the totals agree: sum_s C(m, s) * count_s = sum over all inputs
        assert sum(comb(m, s) * c for s, c in enumerate(by_w)) == sum(full)
        if parameter_settings(fam):
            probs = reconstruction_probabilities(fam)
            by_p = reconstruction_probabilities_by_weight(spec)
            assert all(probs[x] == by_p[x.bit_count()] for x in range(2**m))
            checked += 1
    assert checked >= 20


@settings(max_examples=20, deadline=None)
@given(eos.network_families(max_pixels=4, max_hidden=2, alphabets=((-1, 0, 1), (-1, 1), (0, 1), (-1, 0, 1, 2))))
def test_by_weight_random_families(fam):
    assume(parameter_settings(fam) > 0)
    probs = reconstruction_probabilities(fam)
    by_p = reconstruction_probabilities_by_weight(fam)
    assert [probs[(1 << s) - 1] for s in range(fam.n + 1)] == by_p


@pytest.mark.parametrize("m, k, tied", [(24, 1, True), (32, 1, True), (32, 1, False), (32, 2, True), (32, 2, False)])
def test_by_weight_large_inputs(m, k, tied):
    probs = reconstruction_probabilities_by_weight(FamilySpec(m, k, tied=tied))  # timing: benchmarks/
    assert len(probs) == m + 1 and all(0 < p < 1 for p in probs)
    # alphabet {-1, 0, 1} is closed under negation: every input equally likely (pixel flips)
    assert len(set(probs)) == 1
    asym = reconstruction_probabilities_by_weight(FamilySpec(m, k, tied=tied, alphabet=(0, 1)))
    # complementing every input and output, with threshold t -> sum(w) + 1 - t, maps the family onto
    # itself (any alphabet), so weight s and weight m - s are equally likely; (0, 1) has no pixel flips
    assert asym == asym[::-1] and len(set(asym)) > 1


def test_by_weight_errors_and_cost_limit():
    with pytest.raises(TooExpensive, match="force=True"):
        reconstruction_counts_by_weight(FamilySpec(32, 3), limit=1000)
    assert len(reconstruction_counts_by_weight(FamilySpec(4, 3), limit=10, force=True)) == 5
    with pytest.raises(InvalidArgument, match="inputs"):
        FamilySpec(0)
    with pytest.raises(InvalidArgument, match="tied"):
        FamilySpec(3, 1, tied=1)
    with pytest.raises(InvalidArgument, match="NetworkFamily or a FamilySpec"):
        reconstruction_probabilities_by_weight(5)
    with pytest.raises(InvalidArgument, match="no parameter setting"):
        reconstruction_probabilities_by_weight(FamilySpec(3, 1, alphabet=(0,), exclude_constant=True))


# --------------------------------------------------------------------------- distinct counts: three routes

from exactorbit.networks import (  # noqa: E402
    _dp_joint_counts,
    _joint_counts,
    _packed_enumeration,
    _untied_distinct_count,
    untied_distinct_estimate,
)


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


TIED_SMALL = [(g, k, a, e) for g, k in [("1x1", 1), ("1x2", 1), ("1x1", 2), ("1x3", 1), ("1x2", 2), ("2x2", 1)]
              for a in ALPHABETS + [(-1, 0, 1, 2), (1, 2)] for e in (False, True)
              if 0 < parameter_settings(NetworkFamily(g, k, alphabet=a, exclude_constant=e)) <= 40_000]


@pytest.mark.parametrize("grid, k, alphabet, excl", TIED_SMALL)
def test_column_programme_naive_twin(grid, k, alphabet, excl):
    fam = NetworkFamily(grid, k, alphabet=alphabet, exclude_constant=excl)
    naive = _naive(fam)
    full = 2**fam.n - 1
    for D in ([], [0], [1], [full], [0, full], [1, 2] if full >= 2 else [1]):
        good = {t: c for t, c in naive.items() if all(t[d] == d for d in D)}
        total_D, totals = _dp_joint_counts(fam, D, False)
        assert total_D == sum(good.values())
        assert totals == [sum(c for t, c in good.items() if t[x] == x) for x in range(2**fam.n)]


@settings(max_examples=25, deadline=None)
@given(eos.network_families(max_pixels=4, max_hidden=2, tied=True), st.data())
def test_column_programme_equals_encoder_sum(fam, data):
    assume(0 < parameter_settings(fam) <= 10**9)
    D = data.draw(st.lists(st.integers(0, 2**fam.n - 1), max_size=2, unique=True).map(sorted))
    assert _dp_joint_counts(fam, D, False) == _joint_counts(fam, D, limit=10**12, force=True, progress=False)


def test_conditioned_required_size_3x3_k2_tied():
    fam = NetworkFamily("3x3", 2)
    centre = 0b000010000
    probs = conditioned_reconstruction(fam, [centre])
    assert probs[centre] == 1 and all(0 <= p <= 1 for p in probs)
    # the family is invariant under the grid's dihedral group, which fixes the centre image,
    # so the conditioned probability is constant on the orbits of that group (theorem 7)
    from exactorbit.groups import named_group
    G = named_group("dihedral", "3x3")
    for x in range(512):
        assert {probs[y] for y in orbit(G, x)} == {probs[x]}


@pytest.mark.parametrize("grid, k, tied", [("2x2", 1, True), ("2x2", 1, False), ("1x3", 2, True), ("2x2", 2, True)])
def test_packed_enumeration_equals_dictionary_route(grid, k, tied):
    from exactorbit.networks import _dict_enumeration
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


# --------------------------------------------------------------------------- limits, weights, validation


@pytest.mark.parametrize("fam", [
    NetworkFamily("1x3", 2, tied=True), NetworkFamily("2x2", 2, tied=False, alphabet=(0, 1)),
    NetworkFamily("1x3", 3, tied=False, alphabet=(-2, -1, 1, 2)),
    # representative weights past int64: (settings per unit)^6 > 2^63 for weights 0..7 on 3 inputs
    NetworkFamily("1x3", 6, tied=False, alphabet=tuple(range(8))),
])
def test_representative_weights_sum_to_the_encoder_settings(fam):
    from exactorbit.networks import _Encoders
    enc = _Encoders(fam)
    total = sum(int(x) for _, w in enc.chunks() for x in w)
    assert total == unit_setting_count(fam.n, fam.alphabet, fam.exclude_constant) ** fam.hidden
    assert all(int(x) > 0 for _, w in enc.chunks() for x in w)


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


def test_network_tables_validates_its_arrays():
    fam = NetworkFamily("1x2", 1)
    ok = ([[[1, 1]]], [[1]], [[[1], [1]]], [[1, 1]])
    assert network_tables(fam, *ok).tolist() == [[0, 3, 3, 3]]
    with pytest.raises(InvalidArgument, match="outside the alphabet"):
        network_tables(fam, [[[40000, 1]]], *ok[1:])  # once cast silently to int16
    with pytest.raises(InvalidArgument, match=r"enc_w must be an integer array of shape \(B, 1, 2\)"):
        network_tables(fam, [[1, 1]], *ok[1:])
    with pytest.raises(InvalidArgument, match=r"dec_t must be .* shape \(1, 2\)"):
        network_tables(fam, *ok[:3], [[1, 1], [0, 0]])
    with pytest.raises(InvalidArgument, match="enc_t"):
        network_tables(fam, ok[0], [[0.5]], *ok[2:])
