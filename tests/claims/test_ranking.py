"""Kendall's tau-a and the ranking of classes (exactorbit.claims._ranking), held against their naive twins."""

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exactorbit.claims import kendall_tau, pair_counts, rank_classes, ranking_violations
from exactorbit.claims._ranking import _inversions
from exactorbit.errors import InvalidArgument
from exactorbit.groups import named_group, translations
from exactorbit.testutil import naive_kendall_tau, naive_ranking_violations

# exact keys with many ties: small ints, and Fractions with small numerators and denominators
# (equal values written differently, 1/2 and 2/4, must tie)
small_ints = st.integers(-3, 3)
small_fractions = st.builds(Fraction, st.integers(-4, 4), st.integers(1, 4))
keys = st.one_of(small_ints, small_fractions)


@st.composite
def paired_lists(draw, elements=keys, max_size=40):
    xs = draw(st.lists(elements, max_size=max_size))
    ys = draw(st.lists(elements, min_size=len(xs), max_size=len(xs)))
    return xs, ys


@settings(max_examples=500)
@given(paired_lists())
def test_kendall_tau_matches_its_naive_twin(pair):
    xs, ys = pair
    tau = kendall_tau(xs, ys)
    assert tau == naive_kendall_tau(xs, ys)
    assert type(tau) is Fraction and -1 <= tau <= 1


@settings(max_examples=300)
@given(paired_lists(elements=st.integers(0, 2), max_size=60))
def test_kendall_tau_with_heavy_ties(pair):
    xs, ys = pair
    assert kendall_tau(xs, ys) == naive_kendall_tau(xs, ys)


@settings(max_examples=300)
@given(paired_lists())
def test_pair_counts_are_the_definition(pair):
    xs, ys = pair
    pairs = [(i, j) for i in range(len(xs)) for j in range(i + 1, len(xs))]
    conc = sum(1 for i, j in pairs if (xs[i] - xs[j]) * (ys[i] - ys[j]) > 0)
    disc = sum(1 for i, j in pairs if (xs[i] - xs[j]) * (ys[i] - ys[j]) < 0)
    tx = sum(1 for i, j in pairs if xs[i] == xs[j])
    ty = sum(1 for i, j in pairs if ys[i] == ys[j])
    txy = sum(1 for i, j in pairs if xs[i] == xs[j] and ys[i] == ys[j])
    assert pair_counts(xs, ys) == (conc, disc, tx, ty, txy)
    assert conc + disc + tx + ty - txy == len(pairs)  # every pair is exactly one of the kinds


@given(st.lists(st.integers(-5, 5), max_size=50))
def test_merge_sort_inversions_are_the_strict_inversions(seq):
    assert _inversions(seq) == sum(1 for i in range(len(seq)) for j in range(i + 1, len(seq)) if seq[i] > seq[j])


def test_kendall_tau_symmetries():
    xs, ys = [3, 1, 4, 1, 5, 9, 2, 6], [Fraction(k, 7) for k in (2, 7, 1, 8, 2, 8, 1, 8)]
    assert kendall_tau(xs, ys) == kendall_tau(ys, xs)
    assert kendall_tau(xs, [-y for y in ys]) == -kendall_tau(xs, ys)
    assert kendall_tau(xs, xs) == 1 - Fraction(1, 28)  # the tied pair (1, 1) counts 0
    assert kendall_tau([], []) == kendall_tau([1], [2]) == 0


def test_kendall_tau_refuses_inexact_or_unequal_input():
    with pytest.raises(InvalidArgument, match="one length"):
        kendall_tau([1, 2], [1])
    with pytest.raises(InvalidArgument, match=r"ys\[0\].*float"):
        kendall_tau([1, 2], [0.5, 1.5])
    with pytest.raises(InvalidArgument, match=r"xs\[0\].*str"):
        kendall_tau(["a", "b"], [1, 2])


classes = st.lists(st.tuples(st.integers(0, 100), st.integers(1, 4), small_fractions), max_size=25)


@settings(max_examples=300)
@given(classes)
def test_ranking_violations_match_their_naive_twin(cls):
    # the same pairs, in the same order (a, then b)
    assert ranking_violations(cls) == naive_ranking_violations(cls)


@settings(max_examples=50, deadline=None)
@given(st.sampled_from(["2x2", "1x4", "2x3"]), st.data())
def test_rank_classes_counts_are_the_definition(grid, data):
    G = translations(grid)
    probs = [Fraction(data.draw(st.integers(0, 3)), 3) for _ in range(1 << G.n)]
    r = rank_classes(G, probs)
    cls = r.classes
    pairs = [(a, b) for a in cls for b in cls if a[1] < b[1]]
    full = max(c[0] for c in cls)
    assert r.tau == naive_kendall_tau([c[1] for c in cls], [c[2] for c in cls])
    assert r.violations == naive_ranking_violations(cls)
    assert r.violations_nonconstant == len(naive_ranking_violations([c for c in cls if c[0] not in (0, full)]))
    assert r.pairs == len(pairs)
    assert r.comparable == sum(1 for a, b in pairs if a[2] != b[2])


def test_rank_classes_on_a_case_with_violations():
    # 3x3 translations+dihedral, P(x) = 1/(1 + popcount x): small orbits are not always more probable
    G = named_group("translations+dihedral", "3x3")
    probs = [Fraction(1, 1 + bin(x).count("1")) for x in range(512)]
    r = rank_classes(G, probs)
    assert r.violations and r.violations == naive_ranking_violations(r.classes)
    assert r.tau == naive_kendall_tau([c[1] for c in r.classes], [c[2] for c in r.classes])


def test_kendall_tau_refuses_what_is_not_a_list():
    for bad in (None, 3, "12"):
        with pytest.raises(InvalidArgument, match="xs must be a list"):
            kendall_tau(bad, [1, 2])
    assert kendall_tau(iter([1, 2, 3]), (3, 2, 1)) == -1  # any iterable, read once


def test_ranking_violations_progress_bar_changes_nothing(capsys):
    cls = [(k, 1 + k % 3, Fraction(k % 5, 7)) for k in range(40)]
    assert ranking_violations(cls, progress=False) == naive_ranking_violations(cls)
    assert capsys.readouterr().err == ""
    assert ranking_violations(cls, progress=True) == naive_ranking_violations(cls)


def test_violations_listed_up_to_a_bound_and_counted_exactly():
    # many violating pairs: sizes and probabilities rise together; the listing stops at ``listed``,
    # the exact number (the concordant pairs) is still reported, and the verdict does not change
    cls = [(i, i + 1, Fraction(i, 50)) for i in range(40)]
    every = naive_ranking_violations(cls)
    assert len(every) == 40 * 39 // 2
    assert ranking_violations(cls, listed=7) == every[:7]
    assert ranking_violations(cls, listed=0) == []
    assert ranking_violations(cls, listed=10**6) == every
    with pytest.raises(InvalidArgument, match="listed"):
        ranking_violations(cls, listed=-1)
    from exactorbit.claims._ranking import ranking_claim

    G = translations("1x4")
    probs = [Fraction(bin(x).count("1"), 4) for x in range(16)]   # P rises with the weight
    full = rank_classes(G, probs)
    cut = rank_classes(G, probs, listed=1)
    assert full.number_of_violations == cut.number_of_violations == len(full.violations) > 1
    assert cut.violations == full.violations[:1] and cut.verdict == full.verdict
    evidence = ranking_claim("C5", "s", cut, "G").evidence
    assert evidence["number_of_violations"] == full.number_of_violations
    assert evidence["violations_listed"] == 1 and len(evidence["violations"]) == 1
    assert "violations_listed" not in ranking_claim("C5", "s", full, "G").evidence
    # none listed, some counted: the claim still fails and says how many
    none = ranking_claim("C5", "s", rank_classes(G, probs, listed=0), "G")
    assert none.verdict == full.verdict == "fails"
    assert none.summary.startswith(f"fails: {full.number_of_violations} violating pair(s) (none listed)")
