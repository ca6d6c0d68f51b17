"""One image in a big group: set stabilizer, orbit size, transporter, minimal image, exactorbit beside GAP.

    python3 benchmarks/bench_stabilizers.py [--runs 5] [--quick] [--no-gap]

A fixed suite (seeded images, the same generators on both sides, GAP's points
shifted by one).  Every call is timed in-process, ``--runs`` times, after one
warm-up call that builds what both sides cache on the group (GAP its stabilizer
chain, exactorbit its chain or element list); the table gives, per case and
question, the median over the runs and images, GAP's median the same way
(``NanosecondsSinceEpoch``), and the ratio GAP / exactorbit (above 1: exactorbit
is faster).  For the named symmetric group GAP gets its own ``SymmetricGroup(n)``
(its fastest form: from the two generators, GAP 4.12 takes 1 to 3.5 s per set
stabilizer on 100 points); every other group gets the same generators as exactorbit.  The minimal image has no GAP core counterpart (the ``images``
package is not in Debian's GAP), so GAP's column there is
``Minimum(Orbit(G, S, OnSets))``.  GAP is skipped with a message when absent.
"""

import argparse
import random
import statistics
import subprocess
import sys
import time

from _timing import fmt
from exactorbit.actions import apply
from exactorbit.gap import gap_available, gap_set, run_gap, to_gap
from exactorbit.groups import PixelGroup, named_group, rows_by_columns, wreath_product
from exactorbit.stabilizers import minimal_image, orbit_size, stabilizer, transporter


def elementary_abelian(n):
    """C2^(n/2) on n pixels: the swaps of pixels 2i and 2i+1."""
    gens = []
    for i in range(n // 2):
        g = list(range(n))
        g[2 * i], g[2 * i + 1] = 2 * i + 1, 2 * i
        gens.append(tuple(g))
    return PixelGroup(f"1x{n}", gens, name=f"C2^{n // 2}")


def random_transitive(n, rng):
    """A group from two random permutations of n pixels (transitive; nearly always S_n or A_n)."""
    return PixelGroup(f"1x{n}", [tuple(rng.sample(range(n), n)) for _ in range(2)], name=f"random 2-gen on {n}")


def suite(quick):
    rng = random.Random(2026)
    cases = []

    def images(group, count, densities=(0.5,)):
        out = []
        for k in range(count):
            d = densities[k % len(densities)]
            out.append(sum(1 << p for p in range(group.n) if rng.random() < d))
        return out

    G = named_group("translations+dihedral", "28x28")
    cases.append(("28x28 translations+dihedral (6272)", G, images(G, 6 if quick else 20),
                  ("stabilizer", "orbit size", "minimal image", "transporter")))
    every = (0.1, 0.3, 0.5, 0.7, 0.9)
    for grid in ("5x5", "10x10", "28x28"):
        S = named_group("symmetric", grid)
        cases.append((f"symmetric on {S.n}", S, images(S, 5, every), ("stabilizer", "transporter")))
    for k in ((6,) if quick else (6, 10)):
        R = rows_by_columns(f"{k}x{k}")
        cases.append((f"rows x columns {k}x{k} ({R.order()})", R, images(R, 5, every), ("stabilizer", "transporter")))
    for block, blocks in ((9, 4),) if quick else ((9, 4), (16, 4)):
        W = wreath_product(f"{blocks}x{block}")
        cases.append((W.name + f" on {W.n}", W, images(W, 5, every), ("stabilizer", "transporter")))
    for n in ((30,) if quick else (30, 45, 64)):
        T = random_transitive(n, rng)
        cases.append((f"{T.name} ({T.natural_kind or 'other'})", T, images(T, 5, every), ("stabilizer", "transporter")))
    for n in ((64,) if quick else (64, 1024)):
        E = elementary_abelian(n)
        cases.append((f"{E.name} on {n}", E, images(E, 5, every), ("stabilizer", "transporter")))
    # targets: an image of x under a seeded element (so every transporter exists)
    out = []
    for name, group, xs, questions in cases:
        targets = [apply(group.random_element(rng), x) for x in xs]
        out.append((name, group, xs, targets, questions))
    return out


def ours(question, group, x, y):
    if question == "stabilizer":
        return lambda: stabilizer(group, x)
    if question == "orbit size":
        return lambda: orbit_size(group, x)
    if question == "minimal image":
        return lambda: minimal_image(group, x)
    return lambda: transporter(group, x, y)


def time_ours(fn, runs):
    fn()  # warm-up: chains and element lists are built once per group
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


GAP_CALL = {
    "stabilizer": "Stabilizer(G, s, OnSets)",
    "orbit size": "Size(G) / Size(Stabilizer(G, s, OnSets))",
    "minimal image": "Minimum(Orbit(G, s, OnSets))",
    "transporter": "RepresentativeAction(G, s, t, OnSets)",
}


def gap_group(group):
    """GAP's fastest form of the group: its own SymmetricGroup(n) for the named symmetric group, else the generators."""
    if group.name == "symmetric":
        return f"SymmetricGroup({group.n})"
    return to_gap(group)


def time_gap(case, runs, timeout):
    """{question: median seconds} for one case, from one GAP process (None on a GAP timeout)."""
    name, group, xs, ys, questions = case
    lines = ["med := function(l) l := ShallowCopy(l); Sort(l); return l[QuoInt(Length(l) + 1, 2)]; end;;"]
    for q in questions:
        lines.append("all := [];;")
        for x, y in zip(xs, ys):
            # a fresh group per image, warmed by one call, as on exactorbit's side
            lines.append(f"G := {gap_group(group)};; s := {gap_set(x)};; t := {gap_set(y)};; r := {GAP_CALL[q]};; "
                         f"for k in [1..{runs}] do t0 := NanosecondsSinceEpoch();; r := {GAP_CALL[q]};; "
                         f"Add(all, NanosecondsSinceEpoch() - t0); od;")
        lines.append(f'Print("T {q.replace(" ", "_")} ", med(all), "\\n");')
    try:
        out = run_gap("\n".join(lines), timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    result = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[0] == "T":
            result[parts[1].replace("_", " ")] = int(parts[2]) / 1e9  # float-ok: a time
    return result


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="a smaller suite")
    parser.add_argument("--no-gap", action="store_true", help="exactorbit only")
    parser.add_argument("--gap-timeout", type=int, default=300, help="seconds GAP may take per case (default 300)")
    args = parser.parse_args(argv)
    runs = max(5, args.runs)
    cases = suite(args.quick)
    use_gap = not args.no_gap and gap_available()
    if args.no_gap:
        print("GAP not run (--no-gap)")
    elif not use_gap:
        print("GAP is not installed (Debian package gap): its column is n/a")
    print("| case | question | route | exactorbit (median) | GAP 4 (median) | GAP / exactorbit |")
    print("|---|---|---|---|---|---|", flush=True)
    for case in cases:
        name, group, xs, ys, questions = case
        gap = time_gap(case, runs, args.gap_timeout) if use_gap else {}
        for q in questions:
            per_image = [time_ours(ours(q, group, x, y), runs) for x, y in zip(xs, ys)]
            mine = statistics.median(per_image)
            route = stabilizer(group, xs[0]).method if q != "minimal image" else minimal_image(group, xs[0]).method
            if gap is None:
                theirs, ratio = f"over {args.gap_timeout} s", "n/a"
            else:
                t = gap.get(q)
                theirs, ratio = fmt(t), (f"{t / mine:.1f}x" if t else "n/a")
            print(f"| {name} | {q} | {route} | {fmt(mine)} | {theirs} | {ratio} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
