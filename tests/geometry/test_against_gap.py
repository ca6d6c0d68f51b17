"""Differential tests against GAP: growth(..., inverses=True).spheres == GAP's GrowthFunctionOfGroup(G).

GAP's ``GrowthFunctionOfGroup(G)`` lists the sizes of the spheres around the identity in the Cayley graph of G
with respect to ``GeneratorsOfGroup(G)`` and their inverses (GAP reference manual, "Growth function of groups";
its test tst/testbugfix/00301.tst: the free product <a, b | a^2, b^3> grows 1, 3, 4, ...: a involution, b and
b^-1), which is exactly our word metric with inverses=True.  ``GrowthFunctionOfGroup(G, r)`` stops at radius r.
GAP is 1-based: our point i is GAP's i+1, and our array form p is GAP's PermList([p[0]+1, ..., p[n-1]+1]).

GAP (Debian's package ``gap``) is optional: these tests skip with a message when it is absent.  All cases run
in one GAP process.
"""

import random
import re

import pytest

from exactorbit.gap import gap_available, run_gap
from exactorbit.groups import from_generators

import exactorbit.geometry as geometry
from exactorbit.geometry import growth

pytestmark = pytest.mark.skipif(not gap_available(), reason="GAP is not installed (Debian package gap); "
                                                            "the differential tests against GAP are skipped")


def _perm_list(p):
    return "PermList([" + ",".join(str(v + 1) for v in p) + "])"


def _cycle(n):
    return tuple(list(range(1, n)) + [0])


def _reflection(n):
    return tuple((-i) % n for i in range(n))


def _cases():
    """(label, n, generators): a dozen fixed small groups, each generating set as GAP will see it."""
    cases = [
        ("cyclic 5", 5, [_cycle(5)]),
        ("cyclic 6", 6, [_cycle(6)]),
        ("dihedral 5", 5, [_cycle(5), _reflection(5)]),
        ("dihedral 6", 6, [_cycle(6), _reflection(6)]),
        ("S_4 transposition + 4-cycle", 4, [(1, 0, 2, 3), _cycle(4)]),
        ("S_4 adjacent transpositions", 4, [(1, 0, 2, 3), (0, 2, 1, 3), (0, 1, 3, 2)]),
        ("S_5 transposition + 5-cycle", 5, [(1, 0, 2, 3, 4), _cycle(5)]),
        ("A_5 two 3-cycles", 5, [(1, 2, 0, 3, 4), (0, 1, 3, 4, 2)]),
        ("C_2 x C_3 on 5 points", 5, [(1, 0, 2, 3, 4), (0, 1, 3, 4, 2)]),
    ]
    reversible_circuits = getattr(geometry, "reversible_circuits", None)
    if reversible_circuits is not None:
        S = reversible_circuits(3)
        cases.append(("NCT 3 bits", S.n, [tuple(g) for g in S.generators]))
    rng = random.Random(23)
    for k in range(4):
        n = rng.randint(4, 7)
        gens = [tuple(rng.sample(range(n), n)) for _ in range(rng.randint(1, 3))]
        gens = [g for g in gens if g != tuple(range(n))] or [_cycle(n)]  # no identity among the generators
        cases.append((f"random {k}", n, gens))
    return cases


@pytest.fixture(scope="module")
def answers():
    cases = _cases()
    lines = []
    for i, (_, _, gens) in enumerate(cases):
        group = "Group([" + ",".join(_perm_list(g) for g in gens) + "])"
        lines.append(f"G := {group};; Print({i}, \" \", GrowthFunctionOfGroup(G), \" \", "
                     f"GrowthFunctionOfGroup(G, 2), \"\\n\");")
    out = run_gap("\n".join(lines))
    # records "i [ a, b, ... ] [ a, b, c ]"; GAP wraps long lines with a backslash-newline
    text = " ".join(out.replace("\\\n", "").split())
    rows = {}
    for m in re.finditer(r"(\d+) \[ ([\d, ]*) \] \[ ([\d, ]*) \]", text):
        full = [int(v) for v in m.group(2).replace(" ", "").split(",") if v]
        short = [int(v) for v in m.group(3).replace(" ", "").split(",") if v]
        rows[int(m.group(1))] = (full, short)
    assert len(rows) == len(cases), out[-2000:]
    return cases, rows


def test_growth_agrees_with_gap(answers):
    cases, rows = answers
    for i, (label, n, gens) in enumerate(cases):
        full, short = rows[i]
        G = from_generators(f"1x{n}", gens)
        for method in ("ranked", "python"):
            spheres = list(growth(G, gens, inverses=True, method=method).spheres)
            assert spheres == full, (label, method, gens, full)
        assert sum(full) == G.order(), label
        if len(full) >= 3:  # GrowthFunctionOfGroup(G, 2): the spheres up to radius 2
            assert short == full[:3], label


def test_gap_and_twin_agree_on_the_cases(answers):
    from exactorbit.testutil import naive_cayley_spheres

    cases, rows = answers
    for i, (label, n, gens) in enumerate(cases):
        if n <= 8:
            assert naive_cayley_spheres(gens, n) == rows[i][0], label
