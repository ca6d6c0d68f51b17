"""Conditioned reconstruction: column programme and encoder sum against the naive loop (exactorbit.networks.conditioned)."""


import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from exactorbit import strategies as eos
from exactorbit.actions import orbit
from exactorbit.networks import (
    NetworkFamily,
    conditioned_reconstruction,
    parameter_settings,
)
from exactorbit.networks._column_programme import _dp_joint_counts
from exactorbit.networks._encoder_sum import _joint_counts
from exactorbit.testutil import naive_family_functions

ALPHABETS = [(-1, 0, 1), (-1, 1), (0, 1)]


TIED_SMALL = [(g, k, a, e) for g, k in [("1x1", 1), ("1x2", 1), ("1x1", 2), ("1x3", 1), ("1x2", 2), ("2x2", 1)]
              for a in ALPHABETS + [(-1, 0, 1, 2), (1, 2)] for e in (False, True)
              if 0 < parameter_settings(NetworkFamily(g, k, alphabet=a, exclude_constant=e)) <= 40_000]


@pytest.mark.parametrize("grid, k, alphabet, excl", TIED_SMALL)
def test_column_programme_naive_twin(grid, k, alphabet, excl):
    fam = NetworkFamily(grid, k, alphabet=alphabet, exclude_constant=excl)
    naive = naive_family_functions(fam)
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
