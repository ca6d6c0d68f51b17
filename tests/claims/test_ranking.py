"""Kendall's tau-a and the ranking of classes (exactorbit.claims._ranking)."""

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from exactorbit.claims import kendall_tau


@given(st.lists(st.integers(0, 5), min_size=2, max_size=8), st.data())
def test_kendall_tau_matches_pair_count(xs, data):
    ys = data.draw(st.lists(st.integers(0, 5), min_size=len(xs), max_size=len(xs)))
    pairs = [(i, j) for i in range(len(xs)) for j in range(i + 1, len(xs))]
    conc = sum(1 for i, j in pairs if (xs[i] - xs[j]) * (ys[i] - ys[j]) > 0)
    disc = sum(1 for i, j in pairs if (xs[i] - xs[j]) * (ys[i] - ys[j]) < 0)
    assert kendall_tau(xs, ys) == Fraction(conc - disc, len(pairs))
    assert -1 <= kendall_tau(xs, ys) <= 1
