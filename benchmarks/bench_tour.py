"""The tour (3x3 default, 4x4 translations) and Kendall's tau-a on the real 4x4 data, this checkout against the old code.

    python3 benchmarks/bench_tour.py                                  # this checkout
    python3 benchmarks/bench_tour.py --baseline /path/to/old/checkout # the same tours there, side by side
    python3 benchmarks/bench_tour.py --skip-naive                     # leave out the quadratic Kendall (~20 s a run)

Tours: each run is a fresh process (``PYTHONPATH`` = the checkout).  Two rows per
case: ``run_tour(...)`` timed inside the process (quiet, certificates built, not
written; import excluded), and the command line end to end (``python -m
exactorbit tour ... --quiet``, import and output included).  Wall-clock and CPU
seconds (the process's own, or the child's from ``getrusage``): the machine has
2 cores shared with other work, so the CPU time is the steadier number.  Medians
of ``--runs`` runs (default 5) for 3x3 and of ``--runs-4x4`` (default 3: the
baseline takes about a minute a run) for 4x4.

Kendall's tau-a: the orbit sizes and class probabilities of the 4,156 classes
of 4x4 translations (the data C5 ranks), for the default family (weights
{-1, 0, 1}: every class has the same probability, all pairs tied) and for weights
{0, 1} (the probabilities differ), through ``exactorbit.claims.kendall_tau`` (rank
compression and merge-sort inversions, O(m log m)) and through
``exactorbit.testutil.naive_kendall_tau`` (the quadratic definition the tour used
before: 8.6 million Fraction subtractions); both answers are checked equal.  CPU
time, in this process.
"""

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time

HERE = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))

CASES = [
    ("3x3, translations+dihedral (default)", ("3x3", "translations+dihedral"), "runs"),
    ("4x4, translations", ("4x4", "translations"), "runs_4x4"),
]

CHILD = """
import time
from exactorbit.tour import run_tour
start, cpu = time.perf_counter(), time.process_time()
run_tour({grid!r}, {group!r})
print(time.perf_counter() - start, time.process_time() - cpu)
"""


def _children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_tour_seconds(root, grid, group):
    """(wall, CPU) seconds of one ``run_tour(grid, group)`` in a fresh process (import excluded)."""
    out = subprocess.run([sys.executable, "-c", CHILD.format(grid=grid, group=group)],
                         env=dict(os.environ, PYTHONPATH=root), cwd=root, capture_output=True, text=True, check=True)
    wall, cpu = map(float, out.stdout.strip().splitlines()[-1].split())
    return wall, cpu


def cli_seconds(root, grid, group):
    """(wall, CPU) seconds of ``python -m exactorbit tour --grid G --group H --quiet``, end to end."""
    cpu0, start = _children_cpu(), time.perf_counter()
    subprocess.run([sys.executable, "-m", "exactorbit", "tour", "--grid", grid, "--group", group, "--quiet"],
                   env=dict(os.environ, PYTHONPATH=root), cwd=root, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start, _children_cpu() - cpu0


def medians(measure, runs, *args):
    """Median wall, median CPU and the wall times of ``runs`` calls of ``measure(*args)``."""
    wall, cpu = zip(*(measure(*args) for _ in range(runs)))
    return statistics.median(wall), statistics.median(cpu), wall


def _cell(m):
    wall, cpu, walls = m
    return f"{wall:.2f} s / {cpu:.2f} s (wall {', '.join(f'{t:.1f}' for t in walls)})"


def tours(args):
    baseline = os.path.abspath(args.baseline) if args.baseline else None
    head = "| tour: wall / CPU (medians) | runs | this checkout |"
    if baseline:
        head += f" baseline ({os.path.basename(baseline)}) | ratio wall / CPU |"
    print(head)
    print("|---|---|---|" + ("---|---|" if baseline else ""))
    for label, (grid, group), runs_key in CASES:
        runs = getattr(args, runs_key)
        for how, measure in (("`run_tour` in-process", run_tour_seconds), ("CLI end to end", cli_seconds)):
            new = medians(measure, runs, HERE, grid, group)
            row = f"| {label}: {how} | {runs} | {_cell(new)} |"
            if baseline:
                old = medians(measure, runs, baseline, grid, group)
                row += f" {_cell(old)} | {old[0] / new[0]:.1f}x / {old[1] / new[1]:.1f}x faster |"
            print(row, flush=True)


def cpu_median(fn, runs):
    """Median CPU seconds of ``fn()`` (process time: the machine is shared), and its result."""
    times, result = [], None
    for _ in range(runs):
        start = time.process_time()
        result = fn()
        times.append(time.process_time() - start)
    return statistics.median(times), result


def kendall(runs, naive_runs):
    from exactorbit.claims import Case, kendall_tau
    from exactorbit.testutil import naive_kendall_tau

    print("\n| Kendall tau-a, 4x4 translations classes (CPU, median) | kendall_tau (merge sort) "
          "| naive_kendall_tau (quadratic, the old code) | ratio | tau-a |")
    print("|---|---|---|---|---|")
    for label, alphabet in (("weights {-1,0,1} (default)", (-1, 0, 1)), ("weights {0,1}", (0, 1))):
        classes = Case("4x4", "translations", alphabet=alphabet).ranking.classes
        xs, ys = [c[1] for c in classes], [c[2] for c in classes]
        what = f"{label}: {len(xs)} classes, {len(set(xs))} orbit sizes, {len(set(ys))} probabilities"
        new, tau = cpu_median(lambda: kendall_tau(xs, ys), runs)
        if naive_runs:
            old, tau_old = cpu_median(lambda: naive_kendall_tau(xs, ys), naive_runs)
            assert tau_old == tau, (tau_old, tau)  # exactness, not timing
            print(f"| {what} | {new * 1e3:.1f} ms ({runs} runs) | {old:.2f} s ({naive_runs} runs) "
                  f"| {old / new:,.0f}x | {tau} |", flush=True)
        else:
            print(f"| {what} | {new * 1e3:.1f} ms ({runs} runs) | skipped | | {tau} |", flush=True)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--baseline", default=None, help="a checkout of the version to compare with")
    parser.add_argument("--runs", type=int, default=5, help="runs of the 3x3 tour and of the fast Kendall (>= 5)")
    parser.add_argument("--runs-4x4", type=int, default=3, help="runs of the 4x4 tour (default 3)")
    parser.add_argument("--naive-runs", type=int, default=3, help="runs of the quadratic Kendall (default 3)")
    parser.add_argument("--skip-naive", action="store_true", help="do not time the quadratic Kendall")
    parser.add_argument("--skip-tours", action="store_true", help="only Kendall")
    args = parser.parse_args(argv)
    if args.runs < 5:
        parser.error("--runs must be at least 5 (medians of >= 5 runs)")
    if not args.skip_tours:
        tours(args)
    kendall(args.runs, 0 if args.skip_naive else args.naive_runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
