"""The geometry claims G1-G4 (exactorbit.geometry._claims): verdicts recomputed from naive twins, exact evidence.

Independent sources: the naive BFS twins of exactorbit.testutil (spheres, word lengths, Schreier distances) and
Shende, Prasad, Markov & Hayes (2003) for the 3-bit NCT and NCTS optimal circuit sizes.
"""

import json
from fractions import Fraction
from math import ceil

from hypothesis import given, settings, strategies as st

from exactorbit.claims._claim import FAILS, HOLDS
from exactorbit.geometry import (adjacent_transpositions, generating_set, geometry_claims, pancake,
                                 reversible_circuits, torus_moves)
from exactorbit.groups import PixelGroup
from exactorbit.testutil import naive_cayley_spheres, naive_schreier_distance, naive_word_lengths

NCT = [1, 12, 102, 625, 2780, 8921, 17049, 10253, 577]      # Shende et al. 2003, optimal NCT circuit sizes
NCTS = [1, 15, 134, 844, 3752, 11194, 17531, 6817, 32]      # Shende et al. 2003, optimal NCTS circuit sizes


def _no_float(value):
    if isinstance(value, float):
        raise AssertionError(f"a float in the evidence: {value!r}")
    if isinstance(value, dict):
        for v in value.values():
            _no_float(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            _no_float(v)


def _moves(S):
    gens = list(S.generators)
    inv = [tuple(sorted(range(len(g)), key=lambda i: g[i])) for g in gens]
    return gens, inv


def test_circuits_claims_against_shende_et_al():
    claims = {c.id: c for c in geometry_claims(reversible_circuits(3))}
    g1, g2 = claims["G1_depth_is_word_length"], claims["G2_richer_moves_shorten"]
    assert g1.evidence["spheres"] == NCT and g1.evidence["diameter"] == 8
    assert g1.evidence["within_2"] == "9293/13440" == f"{Fraction(577 + 10253 + 17049, 40320)}"
    assert g1.verdict == HOLDS
    assert g2.evidence["richer_spheres"] == NCTS
    assert g2.verdict == FAILS and g2.evidence["counter_example"]["element"] == "(5 6)"
    # the counter-example's length is the same under both gate sets (naive word lengths of the two sets)
    nct = naive_word_lengths(list(reversible_circuits(3).generators), 8)
    ncts = naive_word_lengths(list(reversible_circuits(3, "NCTS").generators), 8)
    swap56 = (0, 1, 2, 3, 4, 6, 5, 7)
    assert nct[swap56] == ncts[swap56] == g2.evidence["counter_example"]["length"] == 3
    assert g2.evidence["unchanged"] == sum(1 for g, d in nct.items() if d >= 2 and ncts[g] == d)
    json.dumps([c.as_dict() for c in claims.values()])
    _no_float([c.as_dict() for c in claims.values()])


def test_g1_share_recomputed_from_the_naive_spheres():
    for S in (pancake(5), adjacent_transpositions(4), torus_moves("4x4")):
        gens, _ = _moves(S)
        spheres = naive_cayley_spheres(gens, S.n)
        d = len(spheres) - 1
        share = Fraction(sum(spheres[max(0, d - 2):]), sum(spheres))
        g1 = geometry_claims(S)[0]
        assert g1.evidence["within_2"] == f"{share.numerator}/{share.denominator}"
        assert g1.verdict == (HOLDS if share > Fraction(1, 2) else FAILS)


def test_torus_directed_counter_example_is_real():
    S = torus_moves("4x4")
    g3 = geometry_claims(S)[2]
    ce = g3.evidence["directed_counter_example"]
    gens = list(S.generators)
    assert naive_schreier_distance(gens, S.n, ce["x"], ce["y"], inverses=False) == ce["d(x,y)"]
    assert naive_schreier_distance(gens, S.n, ce["y"], ce["x"], inverses=False) == ce["d(y,x)"]
    assert ce["d(x,y)"] != ce["d(y,x)"] and g3.verdict == HOLDS


small_groups = st.integers(3, 5).flatmap(
    lambda n: st.tuples(st.just(n), st.lists(st.permutations(range(n)).map(tuple), min_size=1, max_size=2)))


@settings(max_examples=25, deadline=None)
@given(small_groups, st.integers(0, 31))
def test_g4_bound_holds_and_counts_match_the_twin(case, seed):
    n, gens = case
    if all(g == tuple(range(n)) for g in gens):
        gens = gens + [tuple(range(1, n)) + (0,)]
    S = generating_set(PixelGroup(f"1x{n}", gens), gens)
    x = (seed % ((1 << n) - 2)) + 1
    g4 = geometry_claims(S, image=x)[3]
    assert g4.verdict == HOLDS  # a theorem: a move changes at most M pixels
    moves = list(S.generators) + [tuple(sorted(range(n), key=lambda i: g[i])) for g in S.generators]
    M = max(sum(1 for i, p in enumerate(g) if p != i) for g in moves)
    assert g4.evidence["largest_support"] == M
    # the orbit of x under the naive Schreier search, every ordered pair: how many attain the bound
    orbit = [y for y in range(1 << n) if naive_schreier_distance(list(S.generators), n, x, y) is not None]
    attained = 0
    for a in orbit:
        for b in orbit:
            d = naive_schreier_distance(list(S.generators), n, a, b)
            bound = ceil(bin(a ^ b).count("1") / M) if M else 0
            assert d >= bound
            attained += d == bound
    assert g4.evidence["attained"] == attained and g4.evidence["pairs"] == len(orbit) ** 2


@settings(max_examples=25, deadline=None)
@given(small_groups, st.integers(0, 31))
def test_g3_metric_verdict_matches_the_twin(case, seed):
    n, gens = case
    if all(g == tuple(range(n)) for g in gens):
        gens = gens + [tuple(range(1, n)) + (0,)]
    S = generating_set(PixelGroup(f"1x{n}", gens), gens)
    x = (seed % ((1 << n) - 2)) + 1
    g3 = geometry_claims(S, image=x)[2]
    orbit = [y for y in range(1 << n) if naive_schreier_distance(list(S.generators), n, x, y) is not None]
    directed = {(a, b): naive_schreier_distance(list(S.generators), n, a, b, inverses=False)
                for a in orbit for b in orbit}
    asymmetric = any(directed[a, b] != directed[b, a] for a in orbit for b in orbit)
    assert g3.evidence["symmetric"] and g3.evidence["triangle"]      # with inverse moves: a metric
    assert (g3.evidence["directed_counter_example"] is not None) == asymmetric
    assert g3.evidence["orbit_size"] == len(orbit)


def test_g2_directed_against_undirected_from_the_twins():
    for S in (torus_moves("4x4"), adjacent_transpositions(4), pancake(4)):
        g2 = geometry_claims(S)[1]
        gens = list(S.generators)
        directed, undirected = naive_word_lengths(gens, S.n, False), naive_word_lengths(gens, S.n, True)
        assert all(undirected[g] <= d for g, d in directed.items())
        unchanged = sum(1 for g, d in directed.items() if d >= 2 and undirected[g] == d)
        assert g2.evidence["unchanged"] == unchanged
        assert g2.evidence["shorter"] == sum(1 for g, d in directed.items() if undirected[g] < d)
        assert g2.verdict == (FAILS if unchanged else HOLDS)
    # involutions: the inverse moves add nothing, so nothing gets shorter
    assert geometry_claims(adjacent_transpositions(4))[1].evidence["shorter"] == 0


def test_claims_on_a_sub_library_of_circuits_are_not_mistaken_for_nct():
    from exactorbit.geometry import generating_set
    S = reversible_circuits(3)
    sub = generating_set(S, [S.generators[0], S.generators[3]], names=["NOT(0)", "CNOT(0,1)"])
    claims = geometry_claims(sub)
    assert claims[1].evidence["richer"] == "the moves and their inverses"
    assert [c.verdict for c in claims][2] == HOLDS


def test_g3_holds_on_tiny_and_fixed_orbits():
    S = torus_moves("2x2")
    for x in (0, 0b1111, 0b0001, 0b0011):
        assert geometry_claims(S, image=x)[2].verdict == HOLDS
