"""Benchmark of the generators route (whole-space orbits by union-find over the generators), side by side with GAP.

    python3 benchmarks/bench_orbits_generators.py [--runs 3] [--no-gap] [--skip-24]

Groups too large to list, each given by two to four generators in disguise (conjugated by a
random relabelling of the pixels, so no closed form recognises them by their generators):

* S_9 on 3x3 (order 362,880, 2^9 images), S_16 on 4x4 (2.1e13, 2^16), S_4 wr S_4 on 4x4
  (7,962,624, 2^16), S_10 fixing one of 11 points (3,628,800, 2^11), a random group on 11
  points (two random permutations; order printed), S_24 on 1x24 (6.2e23, 2^24).

exactorbit: ``decompose(G, method="generators")`` on a fresh group each run (so the group's
order from the stabilizer chain is included); wall time, median of ``--runs`` runs after one
warm-up; peak memory of one more run by ``tracemalloc`` (numpy's arrays included).

GAP 4 (``gap`` on PATH, else skipped with a message), on the same generators:

* ``burnside``: the number of orbits, sum over ``ConjugacyClasses(G)`` of |C| 2^#cycles / |G|
  (no enumeration of the images: this is a different question's cost, the count alone);
* ``domain`` (n <= 11 only; on S_16 over 4x4 it had not finished one run after 15 minutes):
  ``Length(OrbitsDomain(G, Combinations([1..n]), OnSets))``, the
  orbits of all 2^n images themselves (slow past that).

GAP's ``Runtime()`` (CPU ms), median of the same runs; a group GAP has not finished within
``--gap-timeout`` seconds (all its runs) is shown as cut.  Both sides must find the same number
of orbits, which the script checks.  Timings are floats: measurements, not results.
"""

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tracemalloc

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from _timing import fmt, median_time  # noqa: E402

from exactorbit.gap import to_gap  # noqa: E402
from exactorbit.groups import PixelGroup, wreath_product  # noqa: E402
from exactorbit.orbits import decompose  # noqa: E402
from exactorbit.testutil import relabelled as disguise, symmetric_generators as s_n  # noqa: E402


def cases(skip_24):
    rng = random.Random(11)
    out = [
        ("S_9 on 3x3", "3x3", disguise(s_n(9), 9, 1)),
        ("S_16 on 4x4", "4x4", disguise(s_n(16), 16, 2)),
        ("S_4 wr S_4 on 4x4", "4x4", disguise(wreath_product("4x4").generators, 16, 3)),
        ("S_10 on 11 points", "1x11", disguise(s_n(10, 11), 11, 4)),
        ("random on 11 points", "1x11", [tuple(rng.sample(range(11), 11)) for _ in range(2)]),
    ]
    if not skip_24:
        out.append(("S_24 on 1x24", "1x24", disguise(s_n(24), 24, 5)))
    return out


def ours(grid, gens, runs):
    result = decompose(PixelGroup(grid, gens), method="generators", progress=False)
    seconds = median_time(lambda: decompose(PixelGroup(grid, gens), method="generators", progress=False), runs)
    tracemalloc.start()
    decompose(PixelGroup(grid, gens), method="generators", progress=False)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return result, seconds, peak


#: GAP's OrbitsDomain on all 2^n subsets only up to this many points.
DOMAIN_MAX = 11

GAP_CASE = r"""
G := {group};;
times := [];; for run in [1 .. {runs}] do t0 := Runtime();;
  count := Sum(ConjugacyClasses(Group(GeneratorsOfGroup(G))),
               c -> Size(c) * 2^Length(CycleLengths(Representative(c), [1 .. {n}]))) / Size(G);;
  Add(times, Runtime() - t0);; od;
Print("B ", Size(G), " ", count, " ", times, "\n");
if {n} <= {domain_max} then
  times := [];; for run in [1 .. {runs}] do t0 := Runtime();;
    dom := Length(OrbitsDomain(Group(GeneratorsOfGroup(G)), Combinations([1 .. {n}]), OnSets));;
    Add(times, Runtime() - t0);; od;
  Print("D ", dom, " ", times, "\n");
fi;
"""


def gap_side(grid, gens, runs, gap, timeout):
    n = len(gens[0])
    script = GAP_CASE.format(group=to_gap(PixelGroup(grid, gens)), runs=runs, n=n, domain_max=DOMAIN_MAX) + "QUIT;\n"
    try:
        out = subprocess.run([gap, "-q", "-b"], input=script, capture_output=True, text=True, timeout=timeout).stdout
    except subprocess.TimeoutExpired:
        return {"timeout": timeout}
    rows = {}
    for line in out.splitlines():
        parts = line.replace("[", " ").replace("]", " ").replace(",", " ").split()
        if parts and parts[0] == "B":
            rows["order"], rows["burnside"] = int(parts[1]), int(parts[2])
            rows["burnside_ms"] = statistics.median(int(t) for t in parts[3:])
        elif parts and parts[0] == "D":
            rows["domain"] = int(parts[1])
            rows["domain_ms"] = statistics.median(int(t) for t in parts[2:])
    return rows


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--no-gap", action="store_true")
    ap.add_argument("--skip-24", action="store_true", help="leave out S_24 on 1x24 (2^24 images)")
    ap.add_argument("--gap-timeout", type=int, default=120, help="seconds allowed to GAP per group (default 120)")
    args = ap.parse_args(argv)
    gap = None if args.no_gap else shutil.which("gap")
    if gap is None and not args.no_gap:
        print("GAP not found on PATH: the GAP columns are skipped", file=sys.stderr)
    print(f"{'group':<22} {'|G|':>10} {'2^n':>9} {'orbits':>7} {'generators route':>17} {'peak memory':>12} "
          f"{'GAP burnside':>13} {'GAP OrbitsDomain':>17}")
    for name, grid, gens in cases(args.skip_24):
        d, seconds, peak = ours(grid, gens, args.runs)
        g = gap_side(grid, gens, args.runs, gap, args.gap_timeout) if gap else {}
        if "timeout" in g:
            g = {"burnside_ms": None, "domain_ms": None, "cut": f"> {g['timeout']} s"}
        elif g:
            assert g["order"] == d.group_order, (name, g, d)
            assert g["burnside"] == d.orbits, (name, g, d)
            assert g.get("domain", d.orbits) == d.orbits, (name, g, d)
        order = d.group_order
        print(f"{name:<22} {order:>10.3g} {d.images:>9} {d.orbits:>7} {fmt(seconds):>17} "
              f"{peak / 2**20:>9.1f} MB "
              f"{_gap_cell(g, 'burnside_ms'):>13} {_gap_cell(g, 'domain_ms'):>17}", flush=True)


def _gap_cell(g, key):
    if "cut" in g:
        return g["cut"]
    return fmt(g[key] / 1000) if key in g else "n/a"


if __name__ == "__main__":
    main()
