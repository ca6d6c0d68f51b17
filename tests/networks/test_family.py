"""Network families: settings, tables, validation (exactorbit.networks.family)."""


import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exactorbit import strategies as eos
from exactorbit.errors import InvalidArgument, TooExpensive
from exactorbit.networks import (
    Network,
    NetworkFamily,
    conditioned_reconstruction,
    enumerate_functions,
    network_table,
    network_tables,
    parameter_settings,
    random_network,
    threshold_functions,
    threshold_range,
    unit_setting_count,
)
from exactorbit.testutil import naive_range, naive_table, naive_threshold_function_count


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
    with pytest.raises(InvalidArgument, match="image in data"):
        conditioned_reconstruction(fam, [4])
    with pytest.raises(TooExpensive, match="force=True"):
        enumerate_functions(NetworkFamily("3x3", 1))
    with pytest.raises(TooExpensive, match="force=True"):
        conditioned_reconstruction(NetworkFamily("3x3", 2), [1, 2, 4, 8, 16, 32])
    assert threshold_range((1, -1, 0)) == (-1, 2)
    assert len(network_table(random_network(NetworkFamily("2x2", 2, tied=False), seed=3))) == 16


@pytest.mark.parametrize("fam", [
    NetworkFamily("1x3", 2, tied=True), NetworkFamily("2x2", 2, tied=False, alphabet=(0, 1)),
    NetworkFamily("1x3", 3, tied=False, alphabet=(-2, -1, 1, 2)),
    # representative weights past int64: (settings per unit)^6 > 2^63 for weights 0..7 on 3 inputs
    NetworkFamily("1x3", 6, tied=False, alphabet=tuple(range(8))),
])
def test_representative_weights_sum_to_the_encoder_settings(fam):
    from exactorbit.networks._encoders import _Encoders
    enc = _Encoders(fam)
    total = sum(int(x) for _, w in enc.chunks() for x in w)
    assert total == unit_setting_count(fam.n, fam.alphabet, fam.exclude_constant) ** fam.hidden
    assert all(int(x) > 0 for _, w in enc.chunks() for x in w)


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
