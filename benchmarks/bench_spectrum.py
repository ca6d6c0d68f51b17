"""Benchmark of the orbit-size spectrum (no enumeration), side by side with GAP 4's table of marks (run by hand).

    python3 benchmarks/bench_spectrum.py [--runs 5] [--big-runs 3] [--sizes 8x8,12x12,16x16,20x20,28x28]
                                         [--symbolic] [--beyond] [--no-gap]

For each grid, the translations+dihedral group of the torus (order 8hw):

* exactorbit: ``decompose(named_group("translations+dihedral", grid))`` (method 'auto',
  which runs the torus route), a fresh group each run so the group's construction is
  included; wall time, median of ``--runs`` runs after one warm-up (``--big-runs`` for
  28x28 and beyond);
* ``--symbolic``: also the table-of-marks route over the closed subgroups of G
  (``method="symbolic"``, 20x20 at most: it refuses 28x28);
* GAP 4 (``gap`` on PATH, else skipped with a message): ``TableOfMarks(G)``, then the
  fixed-image counts 2^(#orbits) of a representative of every class and
  ``DecomposedFixedPointVector``: the orbits of each size.  G is built afresh for every
  run (GAP stores the table on the group); GAP's ``Runtime()`` (CPU ms) of the table plus
  the decomposition, median of the same number of runs after one warm-up (28x28: ``--big-runs``,
  the warm-up skipped).  Both sides must find the same spectrum, which the script checks.

Also timed: how fast the spectrum of a big group that is no torus group is refused
(S_5^9 on 45 pixels, order 5.2e18: its estimate used to count the divisors of |G| by trial
division up to sqrt(|G|)).  Timings are floats: they are measurements, not results.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time

from _timing import fmt

GAP_SCRIPT = r"""
SizeScreen([4096, 24]);;
spectrum := function(gens, n)
  local G, t0, tom, fix, dec, t1, i;
  G := Group(gens);
  t0 := Runtime();
  tom := TableOfMarks(G);
  fix := List([1 .. Length(OrdersTom(tom))], i -> 2^Length(Orbits(RepresentativeTom(tom, i), [1 .. n])));
  dec := DecomposedFixedPointVector(tom, fix);
  t1 := Runtime();
  Print("GAP ", t1 - t0, " ", Length(OrdersTom(tom)), "\n");
  for i in [1 .. Length(dec)] do
    if dec[i] <> 0 then Print("P ", Size(G) / OrdersTom(tom)[i], " ", dec[i], "\n"); fi;
  od;
end;;
"""


def median_time(fn, runs, warm=True):
    """Median wall seconds and median CPU seconds (this process) of ``runs`` calls."""
    if warm:
        fn()
    walls, cpus = [], []
    for _ in range(runs):
        t, c = time.perf_counter(), time.process_time()
        fn()
        walls.append(time.perf_counter() - t)
        cpus.append(time.process_time() - c)
    return statistics.median(walls), statistics.median(cpus)


def gap_spectrum(grid, runs, warm=True):
    """Median CPU seconds of GAP's table-of-marks spectrum, its classes and its spectrum; None without GAP."""
    from exactorbit.gap import gap_executable, to_gap
    from exactorbit.groups import named_group

    exe = gap_executable() or shutil.which("gap")
    if exe is None:
        return None
    group = named_group("translations+dihedral", grid)
    gens = to_gap(group)[len("Group("):-1]
    calls = f"spectrum({gens}, {group.n});\n" * (runs + (1 if warm else 0))
    out = subprocess.run([exe, "-q", "-b", "-o", "8g"], input=GAP_SCRIPT + calls + "QUIT;\n", capture_output=True,
                         text=True, timeout=7200, check=False)
    rows, spectrum = [], None
    for line in out.stdout.replace("\\\n", "").splitlines():
        if line.startswith("GAP "):
            rows.append(line.split())
            spectrum = {} if len(rows) == 1 else spectrum
        elif line.startswith("P ") and len(rows) == 1:  # the first run's spectrum, one class a line
            _, size, count = line.split()
            spectrum[int(size)] = spectrum.get(int(size), 0) + int(count)
    if len(rows) < runs:
        print(f"GAP run failed on {grid}:", out.stdout[-500:], out.stderr[-500:], file=sys.stderr)
        return None
    rows = rows[-runs:]
    times = [int(r[1]) / 1000 for r in rows]
    return {"seconds": statistics.median(times), "times": times, "classes": int(rows[0][2]),
            "spectrum": dict(sorted(spectrum.items()))}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per small size (at least 5)")
    parser.add_argument("--big-runs", type=int, default=3, help="runs for 28x28 and beyond (GAP takes ~70 s a run)")
    parser.add_argument("--sizes", default="8x8,12x12,16x16,20x20,28x28")
    parser.add_argument("--symbolic", action="store_true", help="also time the table-of-marks route (up to 20x20)")
    parser.add_argument("--beyond", action="store_true", help="also 40x40, 60x60 and 64x64 (exactorbit only)")
    parser.add_argument("--no-gap", action="store_true")
    args = parser.parse_args(argv)
    runs = max(5, args.runs)

    from exactorbit.errors import TooExpensive
    from exactorbit.groups import PixelGroup, named_group
    from exactorbit.orbits import decompose
    from exactorbit.subgroups import closed_subgroup_classes

    have_gap = not args.no_gap and shutil.which("gap") is not None
    if not have_gap:
        print("GAP not used (absent from PATH, or --no-gap): the GAP column is skipped", file=sys.stderr)
    sizes = args.sizes.split(",") + (["40x40", "60x60", "64x64"] if args.beyond else [])
    rows = []
    for grid in sizes:
        h, w = map(int, grid.split("x"))
        big = h * w > 400
        r = args.big_runs if big else runs
        t, cpu = median_time(lambda grid=grid: decompose(named_group("translations+dihedral", grid), progress=False), r)
        ours = decompose(named_group("translations+dihedral", grid), progress=False)
        sym = ""
        if args.symbolic and h * w <= 400:
            ts, _ = median_time(lambda grid=grid: decompose(named_group("translations+dihedral", grid), method="symbolic",
                                                   force=True, progress=False), r)
            classes = len(closed_subgroup_classes(named_group("translations+dihedral", grid), force=True,
                                                  progress=False))
            sym = f"{fmt(ts)} ({classes} closed classes)"
        gap = None
        if have_gap and grid in args.sizes.split(","):
            print(f"GAP {grid}: {r} runs{' + warm-up' if not big else ''} ...", file=sys.stderr, flush=True)
            gap = gap_spectrum(grid, r, warm=not big)
            if gap is not None and gap["spectrum"] != ours.orbit_sizes:
                print(f"SPECTRA DIFFER on {grid}: GAP {gap['spectrum']} vs exactorbit {ours.orbit_sizes}",
                      file=sys.stderr)
        rows.append((
            f"{grid} (order {8 * h * w})", ours.method, f"{fmt(t)} (CPU {fmt(cpu)})", f"{r}", sym,
            f"{fmt(gap['seconds'])} ({gap['classes']} classes)" if gap else ("not run (absent or --no-gap)" if not have_gap else "not run"),
            f"{gap['seconds'] / t:.0f}x" if gap else "",
            "same" if gap and gap["spectrum"] == ours.orbit_sizes else "",
        ))

    # a refusal that must be quick: S_5^9 on 45 pixels (order 5.2e18), no torus group
    gens = []
    for i in range(9):
        o = 5 * i
        swap = list(range(45)); swap[o], swap[o + 1] = swap[o + 1], swap[o]
        cyc = list(range(45))
        for j in range(5):
            cyc[o + j] = o + (j + 1) % 5
        gens += [tuple(swap), tuple(cyc)]

    def refuse():
        try:
            decompose(PixelGroup("1x45", gens))
        except TooExpensive:
            return
        raise AssertionError("not refused")

    t_ref, _ = median_time(refuse, runs)

    print(f"machine: {os.cpu_count()} cores; exactorbit wall time (group built each run; its CPU time in brackets), "
          f"GAP CPU time (Runtime) of TableOfMarks + DecomposedFixedPointVector; median of the runs shown; "
          f"the ratio is GAP's CPU time over exactorbit's wall time\n")
    print("| translations+dihedral | exactorbit route | exactorbit (median) | runs | table-of-marks route "
          "(closed classes) | GAP 4 table of marks | GAP / exactorbit | spectra |")
    print("|---|---|---|---|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    print(f"\nspectrum of S_5^9 on 45 pixels (order 5.2e18, no torus group) refused in {fmt(t_ref)} "
          f"(median of {runs})")


if __name__ == "__main__":
    main()
