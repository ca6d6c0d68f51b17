"""Growth of Cayley graphs: exactorbit's ``growth(S)`` against GAP's ``GrowthFunctionOfGroup(G)``, side by side.

Measures, on the same groups with the same generators (GAP gets them 1-based, ``PermList([p[0]+1, ...])``):

* exactorbit: wall clock of ``growth(S)`` with the generating set built inside the timed call (fresh objects
  every run), median of ``--runs`` runs; for pancake 10 and 11 every run is a child process, which reports its
  own ``growth`` time and its peak resident memory (``ru_maxrss`` of RUSAGE_SELF; Python and numpy included:
  the import-only baseline is printed beside the table);
* GAP: wall clock inside GAP (``NanosecondsSinceEpoch()`` around ``GrowthFunctionOfGroup(G)``, a fresh
  ``Group(gens)`` every run, so GAP's start-up and nothing cached is excluded), median of the runs; and the
  whole-process wall clock of one ``gap -q -b`` run (start-up, reading the generators, one call, exit).

Both count the generators AND their inverses (GAP's ``GrowthFunctionOfGroup`` takes
``DuplicateFreeList(gens, inverses)``; exactorbit's default ``inverses=True``), so the sphere lists are
asserted identical (MISMATCH is printed loudly otherwise).  Pancake 11 (39,916,800 elements) runs in GAP only
under ``--gap-timeout`` seconds (default 600); a GAP run that does not finish is reported as such.

Run: ``python3 benchmarks/bench_growth.py`` (about 20 minutes, most of it GAP's; ``--quick``: the cases up to
|G| = 362,880, under a minute).  ``--runs N`` sets the runs per case (large cases run fewer, see CASES).
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from _timing import fmt, median_time  # noqa: E402

from exactorbit.gap import gap_available, run_gap  # noqa: E402
from exactorbit.geometry import (adjacent_transpositions, growth, pancake, pocket_cube,  # noqa: E402
                                 reversible_circuits, torus_moves)

# (label, expression building the GeneratingSet, runs cap for each side, big: time exactorbit in child processes
# with peak memory, gap: whether GAP runs it)
CASES = [
    ("3-bit NCT", "reversible_circuits(3, 'NCT')", 5, False, True),
    ("3-bit NCTS", "reversible_circuits(3, 'NCTS')", 5, False, True),
    ("pancake 8", "pancake(8)", 5, False, True),
    ("pancake 9", "pancake(9)", 3, False, True),
    ("pancake 10", "pancake(10)", 3, True, True),
    ("pocket cube QTM", "pocket_cube('quarter')", 3, False, True),
    ("pocket cube HTM", "pocket_cube('half')", 3, False, True),
    ("adj. transp. 9", "adjacent_transpositions(9)", 3, False, True),
    ("torus 8x8", "torus_moves('8x8')", 5, False, True),
    ("pancake 11", "pancake(11)", 1, True, True),
]
QUICK = {"3-bit NCT", "3-bit NCTS", "pancake 8", "pancake 9", "adj. transp. 9", "torus 8x8"}
#: GAP runs per case: one ``gap`` process per case; the cases of a million elements or more run once.
GAP_BIG = 1_000_000

_NAMESPACE = {"reversible_circuits": reversible_circuits, "pancake": pancake, "pocket_cube": pocket_cube,
              "adjacent_transpositions": adjacent_transpositions, "torus_moves": torus_moves}

_CHILD = """
import json, resource, sys, time
from exactorbit.geometry import growth, {name}
t = time.perf_counter()
g = growth({expr})
dt = time.perf_counter() - t
print(json.dumps({{"seconds": dt, "spheres": list(g.spheres), "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}}))
"""

_BASELINE = """
import resource
import numpy
from exactorbit.geometry import growth, pancake
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def build(expr):
    return eval(expr, dict(_NAMESPACE))  # noqa: S307 - our own table of expressions


def eo_in_process(expr, runs):
    out = {}

    def call():
        out["g"] = growth(build(expr))

    seconds = median_time(call, runs, warm=False)
    return seconds, list(out["g"].spheres), None


def eo_in_children(expr, runs):
    name = expr.split("(")[0]
    times, rss, spheres = [], [], None
    for _ in range(runs):
        done = subprocess.run([sys.executable, "-c", _CHILD.format(name=name, expr=expr)], capture_output=True,
                              text=True, check=True)
        rec = json.loads(done.stdout.strip().splitlines()[-1])
        times.append(rec["seconds"])
        rss.append(rec["maxrss_kb"])
        spheres = rec["spheres"]
    return statistics.median(times), spheres, max(rss) / 1024


def gap_script(gens, reps):
    lines = ["gens := [" + ",\n".join("PermList([" + ",".join(str(x + 1) for x in p) + "])" for p in gens) + "];",
             f"for r in [1 .. {reps}] do",
             "  G := Group(gens);",
             "  t := NanosecondsSinceEpoch();",
             "  s := GrowthFunctionOfGroup(G);",
             "  t := NanosecondsSinceEpoch() - t;",
             '  Print("NS ", t, "\\n");',
             "od;",
             'for x in s do Print("S ", x, "\\n"); od;']
    return "\n".join(lines)


def gap_run(gens, reps, timeout):
    """(in-GAP seconds per call, spheres, whole-process seconds) of one gap process, or None on timeout."""
    t = time.perf_counter()
    try:
        out = run_gap(gap_script(gens, reps), timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    whole = time.perf_counter() - t
    ns = [int(line.split()[1]) / 1e9 for line in out.splitlines() if line.startswith("NS ")]
    spheres = [int(line.split()[1]) for line in out.splitlines() if line.startswith("S ")]
    return ns, spheres, whole


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="only the cases up to |G| = 362,880")
    ap.add_argument("--runs", type=int, default=3, help="runs per case (capped per case in CASES)")
    ap.add_argument("--gap-timeout", type=int, default=600, help="seconds GAP may take per process")
    args = ap.parse_args()
    have_gap = gap_available()
    if not have_gap:
        print("GAP is not installed: exactorbit columns only")
    base = subprocess.run([sys.executable, "-c", _BASELINE], capture_output=True, text=True, check=True)
    print(f"child-process baseline (python + numpy + exactorbit imported): {int(base.stdout) / 1024:.0f} MB peak RSS")
    rows, mismatches, notes = [], [], []
    for label, expr, cap, big, with_gap in CASES:
        if args.quick and label not in QUICK:
            continue
        runs = max(1, min(args.runs, cap))
        eo_t, eo_s, peak = (eo_in_children if big else eo_in_process)(expr, runs)
        order, diam = sum(eo_s), len(eo_s) - 1
        print(f"  {label}: exactorbit {fmt(eo_t)} (median of {runs}), |G| = {order}, diameter {diam}", flush=True)
        gap_t = gap_note = None
        if have_gap and with_gap:
            S = build(expr)
            reps = 1 if order >= GAP_BIG else runs
            res = gap_run(S.generators, reps, args.gap_timeout)
            if res is None:
                gap_note = f"did not finish in {args.gap_timeout} s"
                notes.append(f"{label}: GAP {gap_note} (killed)")
            else:
                ns, gap_s, whole = res
                gap_t = statistics.median(ns)
                notes.append(f"{label}: GAP in-process {', '.join(fmt(x) for x in ns)}; whole gap -q process "
                             f"({reps} call{'s' if reps > 1 else ''}, start-up included) {fmt(whole)}")
                if gap_s != eo_s:
                    mismatches.append(label)
                    print(f"!!!!!!!! MISMATCH on {label}: exactorbit {eo_s} GAP {gap_s} !!!!!!!!", flush=True)
                else:
                    print(f"  {label}: GAP {fmt(gap_t)} (median of {len(ns)}), spheres identical", flush=True)
        rows.append((label, order, diam, eo_t, gap_t, gap_note, peak))

    print()
    head = f"{'case':<17} {'|G|':>11} {'diam':>4} {'eo median':>10} {'GAP median':>24} {'GAP/eo':>7} {'eo peak MB':>10}"
    print(head)
    print("-" * len(head))
    for label, order, diam, eo_t, gap_t, gap_note, peak in rows:
        gap_col = fmt(gap_t) if gap_t is not None else (gap_note or "n/a")
        ratio = f"{gap_t / eo_t:.1f}x" if gap_t is not None else "-"
        peak_col = f"{peak:.0f}" if peak is not None else "-"
        print(f"{label:<17} {order:>11,} {diam:>4} {fmt(eo_t):>10} {gap_col:>24} {ratio:>7} {peak_col:>10}")
    print()
    for note in notes:
        print(note)
    print("GAP's GrowthFunctionOfGroup counts the generators and their inverses, as exactorbit's growth does by "
          "default.")
    if mismatches:
        print(f"MISMATCH (sphere lists differ): {', '.join(mismatches)}")
    assert not mismatches, f"sphere lists differ from GAP's on {mismatches}"
    print("sphere lists: identical on every case GAP finished")


if __name__ == "__main__":
    main()
