"""Schreier-Sims for arbitrary generators at 784 points, exactorbit beside GAP: |G| of a fresh group, no structure known.

    python3 benchmarks/bench_schreier_sims.py [--runs 5] [--no-gap] [--gap-timeout 120] [--seed 7]

What is measured.  The order of a group given by generators that hide their structure: each named group
below is relabelled by one random permutation of its 784 pixels (a "disguise"), so that no closed form,
no torus recognition and no product recognition applies, and its generators are replaced by two random
words in the named generators (with the generators themselves when two words generate less).
exactorbit: ``from_generators(gens, "28x28").order()`` on a fresh group every run (recognition tests,
then the stabilizer chain of ``exactorbit._perm.chain``: the package's deterministic Schreier-Sims); GAP: ``Size(Group(gens))`` on a fresh group every run (GAP's default: random
Schreier-Sims with a verification, ``lib/stbcrand.gi``).  Both sides' orders are compared; the script stops
with exit status 1 on any difference.  Medians of ``--runs`` runs after one warm-up; the ratio is eo / GAP
(above 1, exactorbit is slower).  Timings are floats: measurements, not results.

The groups (28 x 28 grid, 784 points):

* translations (order 784, regular: a base of 1 point), translations+rotations (3,136) and
  translations+dihedral (6,272), each with a base of 2 points;
* S_784 itself from two random generators (told by Jordan's test, no chain) for comparison.
"""

import argparse
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import exactorbit as eo  # noqa: E402
from exactorbit.gap import gap_available, run_gap, to_gap  # noqa: E402
from exactorbit.groups import from_generators, named_group  # noqa: E402
from exactorbit.testutil import relabelled  # noqa: E402

N, GRID = 784, "28x28"

#: GAP's order is compared modulo this prime (GAP wraps the digits of 28!^2 or 784! over several lines).
CHECK = 1_000_000_007


def _compose(p, q):
    """p, then q."""
    return tuple(q[i] for i in p)


def disguised(group, rng):
    """Two random words in the group's generators, with the generators themselves when the two words generate
    less, all relabelled by one random permutation of the points (``testutil.relabelled``)."""
    gens = list(group.generators)
    words = []
    for _ in range(2):
        g = tuple(range(N))
        for _ in range(rng.randint(3, 6)):
            g = _compose(g, rng.choice(gens))
        words.append(g)
    if from_generators(words, GRID).order() != group.order():  # two random words may generate a proper subgroup
        words += gens
    return relabelled(words, N, rng.randrange(2 ** 32))


def suite(rng):
    cases = [(label, disguised(group, rng), group.order())
             for label, group in (("translations 28x28", named_group("translations", GRID)),
                                  ("translations+rotations 28x28", named_group("translations+rotations", GRID)),
                                  ("translations+dihedral 28x28", named_group("translations+dihedral", GRID)))]
    cases.append(("S_784 from two random permutations", [tuple(rng.sample(range(N), N)) for _ in range(2)], None))
    return cases


def time_ours(gens, runs):
    times, order = [], None
    for k in range(runs + 1):
        t = time.perf_counter()
        order = from_generators(gens, GRID).order()
        if k:  # the first run warms the imports
            times.append(time.perf_counter() - t)
    return statistics.median(times), order


def time_gap(gens, runs, timeout):
    text = to_gap(from_generators(gens, GRID))
    script = (f"gens := GeneratorsOfGroup({text});; all := [];; Size(Group(gens));;\n"
              f"for k in [1..{runs}] do G := Group(gens);; t0 := NanosecondsSinceEpoch();; s := Size(G);; "
              f"Add(all, NanosecondsSinceEpoch() - t0); od;\n"
              f'Sort(all); Print("T ", all[QuoInt(Length(all) + 1, 2)], " ", s mod {CHECK}, "\\n");')
    try:
        out = run_gap(script, timeout=timeout)
    except subprocess.TimeoutExpired:
        return timeout, None  # over the timeout: shown as such
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[0] == "T":
            return int(parts[1]) / 1e9, int(parts[2])  # float-ok: a time; the order modulo CHECK
    return None, None


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-gap", action="store_true", help="exactorbit only")
    parser.add_argument("--gap-timeout", type=int, default=120, help="seconds per group for GAP (default 120)")
    args = parser.parse_args(argv)
    use_gap = not args.no_gap and gap_available()
    if not use_gap:
        print("GAP not run" + (" (--no-gap)" if args.no_gap else " (not installed: Debian package gap)"))
    print(f"exactorbit {eo.__version__}; {args.runs} runs per group, a fresh group each run\n")
    print("| group (disguised, 784 points) | order | exactorbit | GAP | eo / GAP |")
    print("|---|---|---|---|---|")
    failed = False
    for label, gens, expected in suite(random.Random(args.seed)):
        ours, order = time_ours(gens, args.runs)
        theirs, gap_order = time_gap(gens, args.runs, args.gap_timeout) if use_gap else (None, None)
        if (expected is not None and order != expected) or (gap_order is not None and gap_order != order % CHECK):
            print(f"ORDERS DIFFER for {label}: exactorbit {order}, expected {expected}, GAP {gap_order}")
            failed = True
        over = theirs is not None and gap_order is None
        ratio = "n/a" if not theirs else (f"<= {ours / theirs:.2g}x" if over else f"{ours / theirs:.2g}x")
        shown = f"{order:,}" if order < 10 ** 9 else f"{str(order)[0]}.{str(order)[1:3]}e{len(str(order)) - 1}"
        print(f"| {label} | {shown} | {ours * 1e3:.3g} ms | "
              f"{'n/a' if theirs is None else f'over {theirs} s' if over else f'{theirs * 1e3:.3g} ms'} | {ratio} |",
              flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
