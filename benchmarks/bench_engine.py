"""Benchmark of the whole-space orbit engine, side by side with GAP 4.12 (run by hand).

    python3 benchmarks/bench_engine.py [--runs 5] [--quick]

Prints a markdown table: median wall time of >= 5 runs (one warm-up run first), peak
resident memory of the 5x5 runs (measured in a fresh subprocess, which reports its own
``ru_maxrss``), throughput in images x group elements per second, and its ratio to one
plain numpy pass over a uint32 array of 2^25 elements (``np.add(a, 1, out=b)``, the
memory-speed floor).  GAP's side (benchmarks/gap_orbits.g: the induced permutation action
on the 2^n masks, then ``Orbits``) is skipped with a message when ``gap`` is not on PATH.
Timings are floats: they are measurements, not results.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys

import numpy as np

from _timing import median_time

HERE = os.path.dirname(os.path.abspath(__file__))


def gap_times(h, w, refl, runs):
    """Median CPU ms of GAP's (action construction, Orbits) and its number of orbits, or None."""
    gap = shutil.which("gap")
    if gap is None:
        print("GAP not found on PATH (apt-get install gap): skipping the GAP side", file=sys.stderr)
        return None
    script = os.path.join(HERE, "gap_orbits.g")
    code = f'h := {h};; w := {w};; reps := {runs + 1};; refl := {"true" if refl else "false"};; Read("{script}");\n'
    out = subprocess.run([gap, "-q", "-b", "-o", "4g"], input=code, capture_output=True, text=True, timeout=900)
    rows = [line.split() for line in out.stdout.splitlines() if line.startswith("GAP ")]
    if len(rows) < 2:
        print("GAP run failed:", out.stdout[-500:], out.stderr[-500:], file=sys.stderr)
        return None
    rows = rows[1:]  # drop the warm-up
    action = statistics.median(int(r[1]) for r in rows) / 1000
    orbits = statistics.median(int(r[2]) for r in rows) / 1000
    total = statistics.median((int(r[1]) + int(r[2])) for r in rows) / 1000
    return {"action": action, "orbits": orbits, "total": total, "count": int(rows[0][3])}


# The child reads its own high-water mark VmHWM from /proc (ru_maxrss would inherit the
# parent's peak across fork+exec on Linux); elsewhere it falls back to ru_maxrss.
CHILD = r"""
import json, resource, sys, time
def peak_kb():
    try:
        for line in open("/proc/self/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
from exactorbit.groups import named_group
from exactorbit.orbits._enumerate import enumerate_orbits
base = peak_kb()
G = named_group(sys.argv[1], sys.argv[2]); G.element_array()
t = time.perf_counter()
d = enumerate_orbits(G, labels=sys.argv[3] == "labels", force=True, progress=False)
dt = time.perf_counter() - t
print(json.dumps({"seconds": dt, "peak_kb": peak_kb(), "base_kb": base, "orbits": d.orbits}))
"""


def child_run(spec, grid, mode, runs):
    results = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", CHILD, spec, grid, mode], capture_output=True, text=True, check=True)
        results.append(json.loads(out.stdout))
    return {
        "seconds": statistics.median(r["seconds"] for r in results),
        "peak_mb": max(r["peak_kb"] for r in results) / 1024,
        "base_mb": max(r["base_kb"] for r in results) / 1024,
        "orbits": results[0]["orbits"],
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="skip the 16x16 symbolic row")
    args = parser.parse_args(argv)
    runs = max(5, args.runs)

    from exactorbit.counting import burnside_count
    from exactorbit.orbits._enumerate import enumerate_orbits
    from exactorbit.groups import named_group
    from exactorbit.orbits._symbolic import orbit_spectrum
    from exactorbit.subgroups import closed_subgroup_classes

    a = np.arange(2**25, dtype=np.uint32)
    b = np.empty_like(a)
    floor = median_time(lambda: np.add(a, np.uint32(1), out=b), runs)
    floor_rate = 2**25 / floor
    a = b = None  # free the 2^25 arrays

    rows = []

    def row(task, seconds, images=None, order=None, memory="", reference="", ratio=""):
        thr = rate = ""
        if images is not None:
            pairs = images * order / seconds
            thr = f"{pairs:.3g}"
            rate = f"{pairs / floor_rate:.1f}x"
        rows.append((task, f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s", memory, thr, rate, reference, ratio))

    # 4x5 translations+reflections vs GAP
    G = named_group("translations+reflections", "4x5")
    G.element_array()
    gap = gap_times(4, 5, True, runs)
    t_hist = median_time(lambda: enumerate_orbits(G), runs)
    t_lab = median_time(lambda: enumerate_orbits(G, labels=True), runs)
    d = enumerate_orbits(G)
    if gap is not None and gap["count"] != d.orbits:
        print(f"GAP found {gap['count']} orbits, the engine {d.orbits}", file=sys.stderr)
    ref = f"GAP {gap['total'] * 1000:.0f} ms (action {gap['action'] * 1000:.0f} + Orbits {gap['orbits'] * 1000:.0f})" if gap else "GAP absent"
    row("4x5 trans+refl, histogram (stabilizer counting)", t_hist, 2**20, 40, reference=ref,
        ratio=f"{gap['total'] / t_hist:.0f}x (Orbits alone: {gap['orbits'] / t_hist:.0f}x)" if gap else "")
    row("4x5 trans+refl, every image's minimal image", t_lab, 2**20, 40, reference=ref,
        ratio=f"{gap['total'] / t_lab:.0f}x (Orbits alone: {gap['orbits'] / t_lab:.0f}x)" if gap else "")

    # 5x5 translations+dihedral: time and peak memory in fresh processes
    for mode, label in (("count", "histogram (stabilizer counting)"), ("labels", "every image's minimal image")):
        r = child_run("translations+dihedral", "5x5", mode, runs)
        row(f"5x5 trans+dihedral, {label}", r["seconds"], 2**25, 200,
            memory=f"{r['peak_mb']:.0f} MB peak ({r['base_mb']:.0f} MB after imports)", reference="goal < 3 s, < 500 MB")

    # symbolic spectra (fresh group each run: element listing included)
    for grid, goal in (("8x8", "goal < 10 s; GAP table of marks ~2 s"), ("16x16", "GAP table of marks ~14 s")):
        if grid == "16x16" and args.quick:
            continue
        t = median_time(lambda: orbit_spectrum(named_group("translations+dihedral", grid), force=True, progress=False), runs)
        classes = len(closed_subgroup_classes(named_group("translations+dihedral", grid), force=True, progress=False))
        row(f"{grid} trans+dihedral, table-of-marks spectrum (method symbolic; {classes} closed classes;"
            " the torus route: benchmarks/bench_spectrum.py)", t, reference=goal)

    # Burnside count 28x28
    t = median_time(lambda: burnside_count(named_group("translations+dihedral", "28x28")), runs)
    row("28x28 trans+dihedral, Burnside count (order 6272)", t, reference="goal < 1 s; GAP 0.15 s")

    row("numpy floor: np.add over 2^25 uint32", floor, reference=f"{floor_rate:.3g} elements/s")

    print(f"machine: {os.cpu_count()} cores; median of {runs} runs after one warm-up\n")
    print("| task | median time | peak memory | throughput (images x elements / s) | vs numpy floor | reference | speed-up |")
    print("|---|---|---|---|---|---|---|")
    for r in rows:
        print("| " + " | ".join(r) + " |")
    print("\nthroughput of the counting route is algorithmic: it touches each image about once,")
    print("not once per group element (sum_g 2^c(g) = |G| * #orbits writes, Burnside).")


if __name__ == "__main__":
    main()
