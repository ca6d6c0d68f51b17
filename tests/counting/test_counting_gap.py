"""Cycle types and Burnside counts of every route against GAP's conjugacy classes (an independent source).

GAP (Debian's package ``gap``) is optional: these tests skip with a message when it is
absent.  All cases of a test run in one GAP process; GAP prints, per conjugacy class,
its size and the cycle lengths of its representative on [1..n].
"""

from collections import Counter
import random

import pytest

from exactorbit._perm.blocks import block_plan
from exactorbit.counting import burnside_count, cycle_types
from exactorbit.gap import gap_available, run_gap, to_gap
from exactorbit.groups import PixelGroup, named_group, rows_by_columns, wreath_product

pytestmark = pytest.mark.skipif(not gap_available(), reason="GAP is not installed (Debian package gap); "
                                                            "the differential tests against GAP are skipped")


def _gap_cycle_types(groups):
    lines = ["SizeScreen([4096, 24]);;"]   # no line wrapping of long output
    for i, group in enumerate(groups):
        lines.append(
            f"G := {to_gap(group)};; for c in ConjugacyClasses(G) do Print(\"C {i} \", Size(c), \" \", "
            f"JoinStringsWithSeparator(List(Collected(CycleLengths(Representative(c), [1..{group.n}])), "
            f"p -> Concatenation(String(p[1]), \":\", String(p[2]))), \",\"), \"\\n\"); od;")
    out = run_gap("\n".join(lines))
    types = [Counter() for _ in groups]
    for line in out.split("\n"):
        parts = line.split()
        if len(parts) == 4 and parts[0] == "C":
            # CycleLengths has one entry per cycle: Collected gives (length, number of cycles)
            pairs = [tuple(int(v) for v in item.split(":")) for item in parts[3].split(",")]
            types[int(parts[1])][tuple(sorted(pairs))] += int(parts[2])
    return types


def _random_groups(count=40, seed=2028):
    rng = random.Random(seed)
    out = []
    for k in range(count):
        if k % 2:
            n = rng.randint(4, 11)
            out.append(PixelGroup(f"1x{n}", [tuple(rng.sample(range(n), n)) for _ in range(rng.randint(1, 2))]))
        else:  # a product of two random groups on the two halves
            a, b = rng.randint(2, 6), rng.randint(2, 6)
            left = [tuple(rng.sample(range(a), a)) + tuple(range(a, a + b)) for _ in range(2)]
            right = [tuple(range(a)) + tuple(a + p for p in rng.sample(range(b), b)) for _ in range(2)]
            out.append(PixelGroup(f"1x{a + b}", left + right))
    return out


def test_classes_route_agrees_with_gap_on_random_groups():
    groups = _random_groups()
    expected = _gap_cycle_types(groups)
    for group, types in zip(groups, expected):
        assert cycle_types(group, method="classes") == types, group
        assert cycle_types(group) == types, group


def test_product_route_agrees_with_gap_on_torus_groups():
    groups = [named_group(spec, grid) for spec in ("translations", "translations+dihedral", "translations+reflections")
              for grid in ("4x6", "7x7", "12x12", "28x28")]
    expected = _gap_cycle_types(groups)
    for group, types in zip(groups, expected):
        got = cycle_types(group)
        assert got.method == "product" and got == types, group.name


def test_alternating_17_and_s4_wreath_s4_agree_with_gap():
    rng = random.Random(17)
    while True:
        A = PixelGroup("1x17", [tuple(rng.sample(range(17), 17)) for _ in range(2)])
        if A.natural_kind == "alternating":
            break
    W = wreath_product("4x4")
    expected = _gap_cycle_types([A, W])
    got = cycle_types(A)
    assert got.method == "symmetric" and got == expected[0]
    got = cycle_types(W)   # order 7,962,624 on 16 pixels: over the listing limit's fast zone, so the block route
    assert got.method == "blocks" and got == expected[1]
    assert cycle_types(W, method="classes") == expected[1]
    assert sum(got.values()) == W.order() == 7_962_624
    # Burnside from GAP's classes
    for group, types in ((A, expected[0]), (W, expected[1])):
        total = sum(k * 2 ** sum(m for _, m in ctype) for ctype, k in types.items())
        assert burnside_count(group) == total // group.order()


def _transitive_groups(specs):
    """GAP's TransitiveGroup(degree, number) for each (degree, number), 0-based; None without the transgrp package."""
    from exactorbit.gap import from_gap

    script = ["SizeScreen([4096, 24]);;",
              'if TestPackageAvailability("transgrp") = fail then Print("NOTRANSGRP\\n"); QUIT; fi;',
              'LoadPackage("transgrp");;']
    for i, (degree, number) in enumerate(specs):
        script.append(f'Print("GENS {i} ", GeneratorsOfGroup(TransitiveGroup({degree}, {number})), "\\n");')
    out = run_gap("\n".join(script))
    if "NOTRANSGRP" in out:
        return None
    groups = []
    for i, (degree, _) in enumerate(specs):
        line = next(line for line in out.split("\n") if line.startswith(f"GENS {i} "))
        groups.append(from_gap(line.split(" ", 2)[2], f"1x{degree}"))
    return groups


def test_block_route_agrees_with_gap_on_transitive_groups():
    # GAP's library of transitive groups: every 12th group of degree 12, and the two degree-30 groups of the
    # benchmark (orders 12,000,000 and 79,626,240, where the class search gives up)
    specs = [(12, k) for k in range(1, 302, 12)] + [(30, 3045), (30, 4106)]
    groups = _transitive_groups(specs)
    if groups is None:
        pytest.skip("GAP's transgrp package (the library of transitive groups) is not installed")
    expected = _gap_cycle_types(groups)
    tried = 0
    for spec, group, types in zip(specs, groups, expected):
        assert sum(types.values()) == group.order(), spec
        got = cycle_types(group)
        assert got == types, spec
        if block_plan(group.generators, group.n) is not None:
            tried += 1
            assert cycle_types(group, method="blocks") == types, spec
    assert tried >= len(specs) // 2
    big = cycle_types(groups[-1])
    assert big.method == "blocks" and sum(big.values()) == 79_626_240


def test_product_action_route_agrees_with_gap():
    # rows x columns: S_5 x S_7 on 5x7 (order 604,800) and S_8 x S_9 on 8x9 (order 14,631,321,600),
    # D_4 on 4 rows x C_5 on 5 columns, against GAP's conjugacy classes of the same permutation groups
    groups = [rows_by_columns("5x7"), rows_by_columns("8x9"),
              rows_by_columns("4x5", rows=[[1, 2, 3, 0], [3, 2, 1, 0]], columns=[[1, 2, 3, 4, 0]])]
    expected = _gap_cycle_types(groups)
    for group, types in zip(groups, expected):
        got = cycle_types(group)
        assert sum(types.values()) == group.order()
        assert got == types and cycle_types(group, method="product_action") == types
