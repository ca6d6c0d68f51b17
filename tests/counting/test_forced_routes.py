"""Issue 20, items 14 and 15: every forced route answers or refuses quickly, and its answers are the definitional ones.

Item 14: ``cycle_types(S_144, method="blocks")`` and ``method="classes"`` ran for minutes (the
stabilizer chain of S_144 alone takes that long, and S_n has no block system).  A forced route
that cannot apply must say so at once (InvalidArgument naming the route that applies); one
that would cost too much must be estimated first and refused (TooExpensive with estimate,
limit, unit and flag).  Every forced method of every counting door is run on a table of named
groups and grids in a forked child with a time bound, and where the group is small its answer
is compared with the listing twin (``testutil.naive_cycle_types``, brute force over images).

Item 15: ``orbits_by_content`` of translations+dihedral on 8x8 with 5 colours took minutes
(a dict of every monomial per cycle type); it now expands the cycle index in the monomial
basis of symmetric polynomials, checked here against a brute-force count of colourings.
"""

from collections import Counter
import itertools
import math
import multiprocessing
import time

import pytest

from exactorbit.counting import METHODS, burnside_count, cycle_types, orbits_by_content, orbits_by_weight
from exactorbit.errors import InvalidArgument, TooExpensive
from exactorbit.groups import from_generators, named_group, rows_by_columns, wreath_product
from exactorbit.testutil import naive_cycle_types, naive_elements, naive_orbits_by_weight

#: Seconds one forced call may take, generously (the CI machine is shared); the bug took minutes.
BOUND = 10

FORCED = [m for m in METHODS if m != "auto"]

MAKERS = {
    "symmetric": lambda grid: named_group("symmetric", grid),
    "dihedral": lambda grid: named_group("dihedral", grid),
    "translations": lambda grid: named_group("translations", grid),
    "translations+dihedral": lambda grid: named_group("translations+dihedral", grid),
    "rows x columns": rows_by_columns,
    "wreath": wreath_product,
}

#: Grids per group: the small end (checked against the twins) and the large end (the hangs); 4x4..8x8 for
#: the groups whose middle sizes were slow (the class search of S_6 wr S_6, the products of S_8 wr S_8).
GRIDS = {"symmetric": ["3x3", "6x6", "12x12"], "dihedral": ["3x3", "12x12"], "translations": ["3x3", "12x12"],
         "translations+dihedral": ["3x3", "12x12"], "rows x columns": ["3x3", "8x8", "12x12"],
         "wreath": ["3x3", "8x8", "12x12"]}


def _run_all(name, grid, conn):
    """In the child: every forced method of the three counting doors, timed (one group: its chain is built once,
    by the first call that needs it, and that call's time includes it)."""
    out = []
    group = MAKERS[name](grid)
    for method in FORCED:
        for door in _doors(grid):
            fn = {"cycle_types": cycle_types, "burnside_count": burnside_count, "orbits_by_weight": orbits_by_weight}[door]
            start = time.monotonic()
            try:
                value = fn(group, method=method)
                kind, detail = "answer", value
            except TooExpensive as exc:
                kind, detail = "refused", (str(exc), exc.estimate, exc.limit, exc.unit, exc.flag)
            except InvalidArgument as exc:
                kind, detail = "invalid", str(exc)
            except Exception as exc:  # noqa: BLE001 - reported to the parent as a failure
                kind, detail = "bug", f"{type(exc).__name__}: {exc}"
            seconds = time.monotonic() - start
            if kind == "answer":  # compared in the child, outside the timing: small groups only
                detail = _check_against_twin(group, door, value)
            out.append((method, door, kind, detail, seconds))
            conn.send(out[-1])
    conn.send(None)


def _doors(grid):
    """The three doors on the small grids; on the big ones cycle_types alone (Burnside and Polya are sums over
    its answer: the route's time is cycle_types' time, and the file stays fast)."""
    h, w = map(int, grid.split("x"))
    return ("cycle_types", "burnside_count", "orbits_by_weight") if h * w <= 36 else ("cycle_types",)


def _check_against_twin(group, door, value):
    """'ok', 'unchecked' (too big for the twin) or a description of the disagreement."""
    n = group.n
    order = group.order()
    if order > 5000 or n > 16:
        return "unchecked"
    types = naive_cycle_types(group)
    if door == "cycle_types":
        return "ok" if Counter(value) == types else f"cycle types differ: {dict(value)} != {dict(types)}"
    if door == "burnside_count":
        expected = sum(k * 2 ** sum(m for _, m in t) for t, k in types.items()) // order
        if n <= 9 and order <= 400:
            by_images = sum(naive_orbits_by_weight(group))  # brute force over the 2^n images
            assert by_images == expected
        return "ok" if value == expected else f"burnside {value} != {expected}"
    if n <= 9 and order <= 400:
        expected = naive_orbits_by_weight(group)
        return "ok" if list(value) == expected else f"by weight {list(value)} != {expected}"
    return "unchecked"


@pytest.mark.parametrize("name", list(MAKERS))
def test_every_forced_route_answers_or_refuses_quickly(name):
    ctx = multiprocessing.get_context("fork")
    for grid in GRIDS[name]:
        parent, child = ctx.Pipe(duplex=False)
        proc = ctx.Process(target=_run_all, args=(name, grid, child), daemon=True)
        proc.start()
        child.close()
        results = []
        deadline = time.monotonic() + BOUND * (len(FORCED) * len(_doors(grid)))
        try:
            while True:
                left = deadline - time.monotonic()
                if left <= 0 or not parent.poll(min(left, BOUND + 5)):
                    done = [(m, d) for m, d, *_ in results]
                    pytest.fail(f"{name} on {grid}: no answer within {BOUND} s after {done}")
                item = parent.recv()
                if item is None:
                    break
                results.append(item)
        finally:
            proc.kill()
            proc.join()
        assert len(results) == len(FORCED) * len(_doors(grid))
        for method, door, kind, detail, seconds in results:
            where = f"{door}({name} {grid}, method={method!r})"
            assert seconds < BOUND, f"{where} took {seconds:.1f} s ({kind}: {detail})"
            assert kind != "bug", f"{where}: {detail}"
            if kind == "answer":
                assert detail in ("ok", "unchecked"), f"{where}: {detail}"
            elif kind == "refused":
                message, estimate, limit, unit, flag = detail
                assert "\n" not in message and estimate is not None and limit is not None and unit, (where, detail)
                assert estimate > limit or flag is None, (where, detail)
            else:
                assert "\n" not in detail and "does not apply" in detail and "method='auto'" in detail, (where, detail)


def test_blocks_on_a_big_symmetric_group_says_at_once_it_does_not_apply():
    S = named_group("symmetric", "12x12")
    start = time.monotonic()
    with pytest.raises(InvalidArgument) as info:
        cycle_types(S, method="blocks")
    assert time.monotonic() - start < BOUND
    assert str(info.value) == ("method='blocks' does not apply: the symmetric group on 144 pixels is primitive "
                               "(no block system); method='auto' answers it by 'symmetric' (closed form)")
    assert len(S._chains) == 0, "a stabilizer chain was built"  # decided without one


def test_classes_on_a_big_symmetric_group_is_estimated_and_refused():
    S = named_group("symmetric", "12x12")
    with pytest.raises(TooExpensive) as info:
        burnside_count(S, method="classes")
    exc = info.value
    from sympy import partition

    p144 = int(partition(144))  # the classes of S_144 (sympy's Hardy-Ramanujan-Rademacher, independent)
    assert exc.estimate >= p144 and exc.limit == 900_000 and exc.unit == "node-pixels"
    assert exc.flag is not None and "'symmetric' (closed form)" in str(exc)
    assert len(S._chains) == 0, "a stabilizer chain was built"


def test_the_symmetric_route_of_a_generated_S_n_answers_and_the_block_route_refuses():
    S = from_generators("2x3", "(0 1 2 3 4 5);(0 1)")  # S_6, not named
    assert cycle_types(S, method="classes") == naive_cycle_types(named_group("symmetric", "2x3"))
    with pytest.raises(InvalidArgument, match="primitive"):
        cycle_types(S, method="blocks")


def test_block_route_products_are_bounded_and_auto_still_answers():
    # S_8 wr S_8: 40,320 cosets (under their limit) but products of millions of cycle-type pairs: refused quickly
    W = wreath_product("8x8")
    start = time.monotonic()
    with pytest.raises(TooExpensive) as info:
        cycle_types(W, method="blocks")
    assert time.monotonic() - start < BOUND
    assert info.value.unit == "type pairs" and info.value.estimate > info.value.limit
    # and the route still answers (with force, or under the bound) equal to the twin on small wreaths
    for grid in ("2x2", "2x3", "3x2"):
        G = wreath_product(grid)
        assert cycle_types(G, method="blocks") == naive_cycle_types(G)


@pytest.mark.parametrize("grid", ["2x3", "3x2", "3x3"])
def test_the_chain_listing_equals_the_twin(grid):
    for G in (rows_by_columns(grid), wreath_product(grid), named_group("translations+dihedral", grid)):
        assert cycle_types(G, method="listing") == naive_cycle_types(G)


# -- item 15 -----------------------------------------------------------------


def naive_content_orbits(group, k):
    """Orbits of k-colourings by colour content, by brute force: every colouring, its orbit's least member."""
    elements = naive_elements(group)
    n = group.n
    seen, out = set(), Counter()
    for colours in itertools.product(range(k), repeat=n):
        if colours in seen:
            continue
        orbit = {tuple(colours[g[p]] for p in range(n)) for g in elements}
        seen |= orbit
        out[tuple(colours.count(i) for i in range(k))] += 1
    return out


@pytest.mark.parametrize("spec,grid,k", [
    ("translations", "1x5", 3), ("translations+dihedral", "2x2", 4), ("translations+dihedral", "2x3", 3),
    ("dihedral", "3x3", 2), ("rotations", "2x3", 5), ("trivial", "1x3", 4), ("reflections", "2x2", 6),
    ("translations", "1x2", 7), ("symmetric", "1x4", 3), ("translations", "1x1", 3),
])
def test_content_expansion_equals_brute_force(spec, grid, k):
    G = named_group(spec, grid)
    by_content = orbits_by_content(G, k, method="listing")
    naive = naive_content_orbits(G, k)
    assert {c: v for c, v in by_content.items() if v} == dict(naive)
    assert len(by_content) == math.comb(G.n + k - 1, k - 1)
    assert list(by_content) == sorted(by_content)  # lexicographic order of the contents
    assert all(type(v) is int for v in by_content.values())


def test_content_count_of_the_8x8_torus_with_5_colours_is_fast():
    G = named_group("translations+dihedral", "8x8")
    start = time.monotonic()
    by_content = orbits_by_content(G, 5)
    assert time.monotonic() - start < 30  # minutes before the fix (204 s measured)
    assert len(by_content) == math.comb(68, 4)
    assert sum(by_content.values()) == burnside_count(G, 5)  # the contents partition the colourings
    # the binary contents (n - w, w, 0, 0, 0) are the orbits by weight (Polya, independent route)
    weights = orbits_by_weight(G)
    assert [by_content[(64 - w, w, 0, 0, 0)] for w in range(65)] == list(weights)
    # symmetric in the colours: a content and its permutations have as many orbits
    assert by_content[(30, 20, 10, 4, 0)] == by_content[(0, 4, 10, 20, 30)] == by_content[(20, 0, 30, 4, 10)]
