"""Burnside counts and cycle indices, exactorbit beside GAP, in one script.

    python3 benchmarks/bench_counting.py [--runs 5] [--no-gap] [--skip-hard]

Rows: the Burnside count of two transitive groups on 30 points (GAP's library
``TransitiveGroup(30, 3045)``, order 12,000,000, and ``TransitiveGroup(30, 4106)``,
order 79,626,240; their generators are read from GAP, which needs its ``transgrp``
package: without it the rows are skipped with a message), of the 28x28 torus with
translations and the dihedral group (order 6272), of A_17 (from two random even
permutations), of S_4 wr S_4 (order 7,962,624) and of the rows x columns groups S_k x S_k
on k x k (k = 10, 16); the cycle index of S_24, S_28, S_30.

Both sides build the group afresh in every run (nothing cached between runs) and
are timed in-process: exactorbit with ``time.perf_counter`` after one warm-up call
(imports), GAP with ``NanosecondsSinceEpoch`` in one GAP process per row.  GAP's
Burnside count is ``Sum(ConjugacyClasses(G), c -> Size(c) * 2^NrCycles)/Size(G)``
(cycles counted on [1..n]); its cycle index is ``CycleIndex(G)``.  The table gives
medians over ``--runs`` (at least 5) runs and the ratio GAP / exactorbit (above 1:
exactorbit is faster).  A row where exactorbit refuses (TooExpensive) says so, with
the time it took to refuse (one run).
"""

import argparse
import random
import statistics
import subprocess
import sys
import time

from _timing import fmt
from exactorbit.counting import burnside_count, cycle_index, cycle_types
from exactorbit.errors import TooExpensive
from exactorbit.gap import gap_available, from_gap, run_gap, to_gap
from exactorbit.groups import PixelGroup, named_group, rows_by_columns, symmetric, wreath_product


def alternating_generators(n, seed=17):
    rng = random.Random(seed)
    while True:
        gens = [tuple(rng.sample(range(n), n)) for _ in range(2)]
        G = PixelGroup(f"1x{n}", gens)
        if G.natural_kind == "alternating":
            return gens


def transitive_generators(number):
    """0-based generators of GAP's TransitiveGroup(30, number), or None without GAP's transgrp package."""
    out = run_gap(f'if TestPackageAvailability("transgrp") <> fail then LoadPackage("transgrp");; '
                  f'Print("GENS ", GeneratorsOfGroup(TransitiveGroup(30, {number})), "\\n"); fi;')
    text = " ".join(out.split())
    if "GENS" not in text:
        return None
    return list(from_gap(text.split("GENS", 1)[1].strip(), "1x30").generators)


def cases(use_gap):
    out = []
    if use_gap:
        for number, order in ((3045, 12_000_000), (4106, 79_626_240)):
            gens = transitive_generators(number)
            if gens is None:
                print(f"GAP's transgrp package is absent: TransitiveGroup(30, {number}) skipped")
                continue
            out.append((f"Burnside, TransitiveGroup(30, {number}) (order {order:,})", "burnside", "1x30", gens, True))
    else:
        print("the TransitiveGroup(30, ...) rows need GAP's library: skipped")
    torus = named_group("translations+dihedral", "28x28")
    out.append(("Burnside, 28x28 translations+dihedral (order 6272)", "burnside", "28x28", list(torus.generators), False))
    out.append(("Burnside, A_17 (two random even generators)", "burnside", "1x17", alternating_generators(17), False))
    out.append(("cycle index, A_17", "cycle index", "1x17", alternating_generators(17), False))
    out.append(("Burnside, S_4 wr S_4 (order 7,962,624)", "burnside", "4x4", list(wreath_product("4x4").generators), False))
    for k in (10, 20):   # GAP: 24.5 s a run at k = 10 (1,764 classes); k = 20 (393,129 classes) is not run in GAP
        R = rows_by_columns(f"{k}x{k}")
        out.append((f"Burnside, rows x columns S_{k} x S_{k} on {k}x{k} (order {R.order():.3g})", "burnside",
                    f"{k}x{k}", list(R.generators), False))
    for n in (24, 28, 30):
        out.append((f"cycle index, S_{n}", "cycle index sym", f"1x{n}", None, False))
    return out


def ours(kind, grid, gens):
    if kind == "cycle index sym":
        return lambda: cycle_index(symmetric(grid))
    if kind == "cycle index":
        return lambda: cycle_index(PixelGroup(grid, gens))
    return lambda: burnside_count(PixelGroup(grid, gens))


def route(kind, grid, gens):
    group = symmetric(grid) if gens is None else PixelGroup(grid, gens)
    return cycle_types(group).method


def time_ours(fn, runs):
    try:
        fn()  # warm-up: imports
    except TooExpensive as exc:
        return None, str(exc)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), None


def time_gap(kind, grid, gens, runs, timeout):
    n = int(grid.split("x")[0]) * int(grid.split("x")[1])
    if kind == "cycle index sym":
        make = f"SymmetricGroup({n})"
        call = "CycleIndex(G)"
    else:
        make = to_gap(PixelGroup(grid, gens))
        call = ("CycleIndex(G)" if kind == "cycle index" else
                f"Sum(ConjugacyClasses(G), c -> Size(c) * 2^Length(CycleLengths(Representative(c), [1..{n}])))"
                f" / Size(G)")
    script = (f"all := [];; for k in [1..{runs + 1}] do t0 := NanosecondsSinceEpoch();; G := {make};; "
              f"r := {call};; Add(all, NanosecondsSinceEpoch() - t0); od;; all := all{{[2..{runs + 1}]}};; "
              f"Sort(all);; Print(\"T \", all[QuoInt({runs} + 1, 2)], \"\\n\");")
    try:
        out = run_gap(script, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0] == "T":
            return int(parts[1]) / 1e9  # float-ok: a time
    return None


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-gap", action="store_true", help="exactorbit only")
    parser.add_argument("--skip-hard", action="store_true", help="skip the TransitiveGroup(30, ...) rows (they need GAP's library)")
    parser.add_argument("--gap-timeout", type=int, default=600)
    args = parser.parse_args(argv)
    runs = max(5, args.runs)
    use_gap = not args.no_gap and gap_available()
    if args.no_gap:
        print("GAP not run (--no-gap)")
    elif not use_gap:
        print("GAP is not installed (Debian package gap): its column is n/a")
    print("| work | route | exactorbit (median) | GAP 4 (median) | GAP / exactorbit |")
    print("|---|---|---|---|---|", flush=True)
    for name, kind, grid, gens, hard in cases(use_gap):
        if hard and args.skip_hard:
            continue
        start = time.perf_counter()
        mine, refused = time_ours(ours(kind, grid, gens), runs)
        gap_runs = use_gap and not name.startswith("Burnside, rows x columns S_20")
        theirs = time_gap(kind, grid, gens, runs, args.gap_timeout) if gap_runs else None
        if refused is not None:
            took = time.perf_counter() - start
            print(f"| {name} | refused after {fmt(took)} | {refused[:90]}... | {fmt(theirs)} | n/a |", flush=True)
            continue
        ratio = f"{theirs / mine:.1f}x" if theirs and mine else "n/a"
        print(f"| {name} | {route(kind, grid, gens)} | {fmt(mine)} | {fmt(theirs)} | {ratio} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
