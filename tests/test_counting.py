"""Cycle index, Burnside and Polya against brute force and OEIS (exactorbit.counting)."""

from collections import Counter
import itertools
import math
import random

import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st

from exactorbit import strategies as eos
from exactorbit.counting import (
    burnside_count,
    count_cycles,
    cycle_index,
    cycle_index_terms,
    cycle_index_text,
    cycle_types,
    orbits_by_content,
    orbits_by_weight,
    orbits_by_weight_polynomial,
)
from exactorbit.errors import InvalidArgument, TooExpensive
from exactorbit.gap import gap_available, run_gap, to_gap
from exactorbit.groups import PixelGroup, dihedral, named_group, symmetric, translations
from exactorbit.testutil import (
    naive_orbit_count,
    naive_orbits_by_weight,
)


@given(eos.pixel_groups())
def test_cycle_types_match_elementwise_count(group):
    from exactorbit.testutil import naive_cycle_types

    assert cycle_types(group) == naive_cycle_types(group)


@given(eos.pixel_groups())
def test_theorem2_burnside_equals_brute_force(group):
    assert burnside_count(group) == naive_orbit_count(group)


@given(eos.pixel_groups())
def test_theorem2_polya_by_weight_equals_brute_force(group):
    by_weight = orbits_by_weight(group)
    assert by_weight == naive_orbits_by_weight(group)
    assert sum(by_weight) == burnside_count(group)


@given(eos.pixel_groups())
def test_cycle_index_specialisations(group):
    z = cycle_index(group)
    symbols = {sympy.Symbol(f"a{i}"): 2 for i in range(1, group.n + 1)}
    assert z.subs(symbols) == burnside_count(group)
    ones = {sympy.Symbol(f"a{i}"): 1 for i in range(1, group.n + 1)}
    assert z.subs(ones) == 1
    t = sympy.Symbol("t")
    polya = sympy.expand(z.subs({sympy.Symbol(f"a{i}"): 1 + t**i for i in range(1, group.n + 1)}))
    assert sympy.Poly(polya, t) == orbits_by_weight_polynomial(group)


def test_oeis_square_symmetries():
    # OEIS A054247: binary n x n matrices up to the 8 symmetries of the square: 2, 6, 102, 8548
    assert [burnside_count(dihedral(f"{k}x{k}")) for k in range(1, 5)] == [2, 6, 102, 8548]


def test_oeis_necklaces_and_bracelets():
    # OEIS A000031 (binary necklaces) and A000029 (bracelets, turning over allowed), n = 1..12
    necklaces = [2, 3, 4, 6, 8, 14, 20, 36, 60, 108, 188, 352]
    bracelets = [2, 3, 4, 6, 8, 13, 18, 30, 46, 78, 126, 224]
    assert [burnside_count(translations(f"1x{n}")) for n in range(1, 13)] == necklaces
    assert [burnside_count(named_group("translations+reflections", f"1x{n}")) for n in range(1, 13)] == bracelets


def test_torus_3x3_orbits_brute_force():
    group = named_group("translations+dihedral", "3x3")
    assert burnside_count(group) == naive_orbit_count(group) == 26


def test_symmetric_group_shortcuts():
    for grid in ["1x1", "2x2", "2x3"]:
        group = symmetric(grid)
        assert burnside_count(group) == naive_orbit_count(group) == group.n + 1
        assert orbits_by_weight(group) == [1] * (group.n + 1)
    big = symmetric("28x28")
    assert burnside_count(big) == 785
    assert sum(cycle_types(symmetric("5x6")).values()) == math.factorial(30)
    with pytest.raises(TooExpensive, match="partition"):
        cycle_index(big)


def test_count_28x28_is_exact_and_consistent():
    group = named_group("translations+dihedral", "28x28")
    total = burnside_count(group)
    by_weight = orbits_by_weight(group)
    assert isinstance(total, int) and sum(by_weight) == total
    assert by_weight[0] == by_weight[-1] == 1
    # weight 1: one orbit (the group is transitive on pixels)
    assert by_weight[1] == 1
    # the count is at least 2^n / |G|, the bound when every orbit is as large as G
    assert total * group.order() >= 2**784


def test_count_cycles():
    assert count_cycles((0,)) == 1
    assert count_cycles((1, 2, 0, 4, 3)) == 2


# --------------------------------------------------------------------------
# k colours: Burnside and Polya for colourings of the pixels with k colours


def naive_colouring_orbits(group, k):
    """Representatives of the orbits of all k^n colourings, by closing each under the generators.

    A colouring is a tuple c with c[p] the colour of pixel p; g moves pixel p to g[p], so
    (g.c)[g[p]] = c[p].  Plain Python: no cycle types, no counting formula.
    """
    n = group.n
    gens = [tuple(g) for g in group.generators]
    seen, reps = set(), []
    for c in itertools.product(range(k), repeat=n):
        if c in seen:
            continue
        reps.append(c)
        seen.add(c)
        frontier = [c]
        while frontier:
            x = frontier.pop()
            for g in gens:
                y = [0] * n
                for p in range(n):
                    y[g[p]] = x[p]
                y = tuple(y)
                if y not in seen:
                    seen.add(y)
                    frontier.append(y)
    return reps


def naive_orbits_by_content(group, k):
    return Counter(tuple(c.count(i) for i in range(k)) for c in naive_colouring_orbits(group, k))


@given(eos.pixel_groups(max_pixels=6), st.integers(1, 3))
def test_theorem2_k_colours_burnside_and_polya_equal_brute_force(group, k):
    reps = naive_colouring_orbits(group, k)
    assert burnside_count(group, k) == len(reps)
    by_content = orbits_by_content(group, k)
    assert by_content == naive_orbits_by_content(group, k)
    assert sum(by_content.values()) == burnside_count(group, k)
    assert len(by_content) == math.comb(group.n + k - 1, k - 1)   # every content occurs
    assert list(by_content) == sorted(by_content)


@given(eos.pixel_groups())
def test_k_colours_two_colours_is_the_binary_count(group):
    n = group.n
    assert burnside_count(group, 2) == burnside_count(group) == burnside_count(group, colors=2)
    by_content = orbits_by_content(group, 2)
    assert [by_content[(n - w, w)] for w in range(n + 1)] == orbits_by_weight(group)
    assert burnside_count(group, 1) == 1 and orbits_by_content(group, 1) == {(n,): 1}


@given(eos.pixel_groups(), st.integers(1, 5))
def test_cycle_index_text_and_terms(group, k):
    terms = cycle_index_terms(group)
    assert sum(count for count, _ in terms) == group.order()
    assert {ctype: count for count, ctype in terms} == cycle_types(group)
    cycles = [sum(m for _, m in ctype) for _, ctype in terms]
    assert cycles == sorted(cycles, reverse=True) and terms[0] == (1, ((1, group.n),))  # identity first
    # the text, read back with p_l = k, is Burnside's count; the sympy cycle index agrees
    text = cycle_index_text(group)
    head, body = text.split(" (", 1)
    assert head == f"(1/{group.order()})" and body.endswith(")")
    total = 0
    for term in body[:-1].split(" + "):
        words = term.split(" ")
        count = int(words.pop(0)) if words[0].isdigit() else 1
        total += count * k ** sum(int(w.partition("^")[2] or 1) for w in words)
    assert total == burnside_count(group, k) * group.order()
    z = cycle_index(group)
    assert z.subs({sympy.Symbol(f"a{i}"): k for i in range(1, group.n + 1)}) == burnside_count(group, k)


def test_cycle_index_text_golden():
    # bracelets of 4 beads: the 8 symmetries of the square acting on its corners
    square = named_group("translations+reflections", "1x4")
    assert cycle_index_text(square) == "(1/8) (p1^4 + 2 p1^2 p2 + 3 p2^2 + 2 p4)"
    assert cycle_index_text(translations("1x3")) == "(1/3) (p1^3 + 2 p3)"
    assert cycle_index_text(named_group("translations+dihedral", "3x3")) == (
        "(1/72) (p1^9 + 12 p1^3 p2^3 + 9 p1 p2^4 + 18 p1 p4^2 + 8 p3^3 + 24 p3 p6)")


def test_oeis_k_colour_necklaces_and_bracelets():
    # 1xN grids, N = 1..12; "translations" gives necklaces, "translations+reflections" bracelets.
    # Values as listed on the OEIS pages (offset 0; a(1)..a(12) here):
    # A000031 binary necklaces, A000029 binary bracelets, A001867 3-colour necklaces,
    # A027671 3-colour bracelets ("necklaces with n beads of 3 colors, allowing turning over").
    necklaces = {2: [2, 3, 4, 6, 8, 14, 20, 36, 60, 108, 188, 352],
                 3: [3, 6, 11, 24, 51, 130, 315, 834, 2195, 5934, 16107, 44368]}
    bracelets = {2: [2, 3, 4, 6, 8, 13, 18, 30, 46, 78, 126, 224],
                 3: [3, 6, 10, 21, 39, 92, 198, 498, 1219, 3210, 8418, 22913]}
    for k in (2, 3):
        for spec, golden in (("translations", necklaces[k]), ("translations+reflections", bracelets[k])):
            groups = [named_group(spec, f"1x{n}") for n in range(1, 13)]
            assert [burnside_count(g, k) for g in groups] == golden, (spec, k)
            assert [sum(orbits_by_content(g, k).values()) for g in groups] == golden, (spec, k)


def test_k_colours_formulas_and_shortcuts():
    # necklaces of N beads in k colours: (1/N) sum_{d | N} phi(d) k^(N/d)
    for n in range(1, 13):
        for k in range(1, 6):
            formula = sum(sympy.totient(d) * k ** (n // d) for d in sympy.divisors(n)) // n
            assert burnside_count(translations(f"1x{n}"), k) == formula
    # under the symmetric group an orbit is a colour content: C(n + k - 1, k - 1) of them
    for grid in ["1x1", "2x2", "2x3"]:
        group = symmetric(grid)
        for k in (1, 2, 3):
            multisets = math.comb(group.n + k - 1, k - 1)
            assert burnside_count(group, k) == len(naive_colouring_orbits(group, k)) == multisets
            assert set(orbits_by_content(group, k).values()) == {1}
    assert burnside_count(symmetric("64x64"), 3) == math.comb(4098, 2)
    # a 3x3 torus with its 72 symmetries: 438 colourings in 3 colours, against brute force
    G = named_group("translations+dihedral", "3x3")
    assert burnside_count(G, 3) == len(naive_colouring_orbits(G, 3)) == 438


@pytest.mark.parametrize("bad", [0, -1, 1.5, True, "3", None, [3], 2.0])
def test_k_colours_invalid_colors(bad):
    G = translations("1x4")
    for fn in (burnside_count, orbits_by_content):
        with pytest.raises(InvalidArgument, match="colors"):
            fn(G, bad)


def test_k_colours_signatures_keep_limits_keyword_only():
    import inspect

    for fn in (burnside_count, orbits_by_content):
        params = inspect.signature(fn).parameters
        assert list(params)[:2] == ["group", "colors"] and params["colors"].default == 2
        assert params["force"].kind is params["limit"].kind is inspect.Parameter.KEYWORD_ONLY
    with pytest.raises(TypeError):
        burnside_count(translations("1x4"), 3, 10)   # a limit is never taken positionally


def test_k_colours_refusals():
    big = named_group("translations+dihedral", "28x28")
    with pytest.raises(TooExpensive, match="colour content") as info:
        orbits_by_content(big, 3, limit=10**6)
    assert info.value.estimate > 10**6 and info.value.flag is not None
    # the number of contents alone refuses a huge k before any listing, even for a tiny grid
    with pytest.raises(TooExpensive, match="one term per content") as info:
        orbits_by_content(translations("1x4"), 2**70)
    assert info.value.estimate > 2**60
    with pytest.raises(TooExpensive, match="memory"):   # force lifts the package's limit, not the machine's
        orbits_by_content(translations("1x4"), 2**70, force=True)
    # Burnside with a huge number of colours: the big-number arithmetic is estimated first
    with pytest.raises(TooExpensive, match="Burnside sum"):
        burnside_count(translations("64x64"), 10**4000)
    assert burnside_count(translations("1x3"), 10**400) == (10**1200 + 2 * 10**400) // 3
    # within the limit, exactly: 2,145 contents of 8x8 in 3 colours
    by_content = orbits_by_content(named_group("translations+dihedral", "8x8"), 3)
    assert len(by_content) == math.comb(66, 2)
    assert sum(by_content.values()) == burnside_count(named_group("translations+dihedral", "8x8"), 3)


def _gap_cases(count=36, seed=2027):
    rng = random.Random(seed)
    specs = ["translations", "dihedral", "translations+dihedral", "translations+reflections", "rotations", "symmetric"]
    cases = []
    for i in range(count):
        k = 1 + i % 3
        if i % 2 == 0:
            h, w = rng.choice([(1, 2), (1, 3), (1, 4), (1, 5), (1, 6), (2, 2), (2, 3)])
            group = named_group(rng.choice(specs), f"{h}x{w}")
        else:
            n = rng.randint(2, 6)
            group = PixelGroup(f"1x{n}", [tuple(rng.sample(range(n), n)) for _ in range(rng.randint(1, 2))])
        cases.append((group, k))
    return cases


@pytest.mark.skipif(not gap_available(), reason="GAP is not installed (Debian package gap); "
                                                "the differential test of the cycle index against GAP is skipped")
def test_cycle_index_and_k_colour_counts_agree_with_gap():
    cases = _gap_cases()
    lines = []
    for i, (group, k) in enumerate(cases):
        n = group.n
        lines.append(
            f"G := {to_gap(group)};; "
            f"for c in ConjugacyClasses(G) do Print(\"C {i} \", Size(c), \" \", "
            f"JoinStringsWithSeparator(List(CycleLengths(Representative(c), [1..{n}]), String), \",\"), \"\\n\"); od; "
            f"for o in Orbits(G, Tuples([1..{k}], {n}), Permuted) do Print(\"O {i} \", "
            f"JoinStringsWithSeparator(List([1..{k}], j -> String(Number(o[1], x -> x = j))), \",\"), \"\\n\"); od;"
        )
    out = run_gap("\n".join(lines))
    types = [Counter() for _ in cases]
    contents = [Counter() for _ in cases]
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 4 and parts[0] == "C":
            lengths = Counter(int(x) for x in parts[3].split(","))
            types[int(parts[1])][tuple(sorted(lengths.items()))] += int(parts[2])
        elif len(parts) == 3 and parts[0] == "O":
            contents[int(parts[1])][tuple(int(x) for x in parts[2].split(","))] += 1
    for i, (group, k) in enumerate(cases):
        assert cycle_types(group) == types[i], (i, group)
        assert burnside_count(group, k) == sum(contents[i].values()), (i, group, k)
        assert orbits_by_content(group, k) == contents[i], (i, group, k)
