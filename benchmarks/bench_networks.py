"""Benchmark: network-input evaluations per second, vectorised numpy path vs naive Python loop.

Same family (3x3 grid, k = 1, untied, weights in {-1, 0, 1}), same random parameter
settings; an "evaluation" is one network on one input image.  Median of 5 runs.
Also: time of the full 3x3 k=1 untied family (reconstruction probabilities of all 512
images), and of the other required sizes.  Run: python3 benchmarks/bench_networks.py

``--distinct``: the distinct-function counts of the 2x2 families with k = 2, 3 by each route
(packed 64-bit keys vs the per-representative dictionary route, the untied set count vs
the packed enumeration), and the tied column programme for conditioned reconstruction on
3x3 k = 2.  ``--long`` adds the 2x2 k=3 untied set count (one run, about half an hour).
"""

import statistics
import sys
import time

import numpy as np

from exactorbit.networks import NetworkFamily, network_tables, random_network, reconstruction_probabilities
from exactorbit.testutil import naive_table

RUNS = 5


def median_time(fn):
    return median_runs(fn, RUNS)[0]


def main():
    fam = NetworkFamily("3x3", 1, tied=False)
    nets = [random_network(fam, seed=s) for s in range(5000)]
    ew = np.array([n.encoder_weights for n in nets])
    et = np.array([n.encoder_thresholds for n in nets])
    dw = np.array([n.decoder_weights for n in nets])
    dt = np.array([n.decoder_thresholds for n in nets])
    few = nets[:50]
    evals_fast = len(nets) * 2**fam.n
    evals_slow = len(few) * 2**fam.n
    t_fast = median_time(lambda: network_tables(fam, ew, et, dw, dt))
    t_slow = median_time(lambda: [naive_table(fam.n, 1, n.encoder_weights, n.encoder_thresholds,
                                              n.decoder_weights, n.decoder_thresholds) for n in few])
    # the two paths agree
    fast = network_tables(fam, ew[:50], et[:50], dw[:50], dt[:50])
    assert all(tuple(fast[i].tolist()) == naive_table(fam.n, 1, n.encoder_weights, n.encoder_thresholds,
                                                       n.decoder_weights, n.decoder_thresholds)
               for i, n in enumerate(few))
    rate_fast, rate_slow = evals_fast / t_fast, evals_slow / t_slow
    print("| path | networks x inputs | median time (s) | evaluations / s |")
    print("|---|---|---|---|")
    print(f"| naive Python loop | {len(few)} x 512 | {t_slow:.4f} | {rate_slow:,.0f} |")
    print(f"| vectorised numpy | {len(nets)} x 512 | {t_fast:.4f} | {rate_fast:,.0f} |")
    print(f"\nspeed-up: {rate_fast / rate_slow:,.0f}x (goal >= 100x)\n")
    t_all = median_time(lambda: reconstruction_probabilities(fam))
    from exactorbit.networks import parameter_settings
    covered = parameter_settings(fam) * 2**fam.n
    print(f"factorised path (reconstruction_probabilities, all {parameter_settings(fam)} settings x 512 inputs "
          f"covered exactly): {t_all:.3f} s, i.e. {covered / t_all:.3g} setting-input pairs / s, "
          f"{covered / t_all / rate_slow:.3g}x the naive loop\n")
    print("| family | reconstruction probabilities of all images: median time (s) |")
    print("|---|---|")
    for grid, k, tied in [("3x3", 1, False), ("3x3", 1, True), ("3x3", 2, True), ("2x2", 3, True), ("2x2", 3, False)]:
        f = NetworkFamily(grid, k, tied=tied)
        t = median_time(lambda: reconstruction_probabilities(f))
        print(f"| {grid} k={k} {'tied' if tied else 'untied'} | {t:.3f} |")


def median_runs(fn, runs):
    times, value = [], None
    for _ in range(runs):
        start = time.perf_counter()
        value = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), value


def distinct(long_runs=False):
    from exactorbit.networks import conditioned_reconstruction
    from exactorbit.networks._column_programme import _dp_estimate
    from exactorbit.networks._dictionary import _dict_enumeration
    from exactorbit.networks._encoders import _Encoders
    from exactorbit.networks._packed import _packed_enumeration
    from exactorbit.networks._untied_sets import _untied_distinct_count

    def packed(f):
        return len(_packed_enumeration(f, progress=False)[0])

    print("| family | route | distinct functions | median time (s) | runs |")
    print("|---|---|---|---|---|")
    f = NetworkFamily("2x2", 2)
    t_new, n_new = median_runs(lambda: packed(f), 5)
    t_old, n_old = median_runs(lambda: len(_dict_enumeration(f)), 5)
    assert n_new == n_old
    print(f"| 2x2 k=2 tied | packed keys | {n_new:,} | {t_new:.2f} | 5 |")
    print(f"| 2x2 k=2 tied | dictionary route (baseline) | {n_old:,} | {t_old:.2f} | 5 |")
    print(f"|  | ratio | | {t_old / t_new:.1f}x faster | |")
    f = NetworkFamily("2x2", 2, tied=False)
    t_set, n_set = median_runs(lambda: _untied_distinct_count(f, progress=False), 5)
    t_pk, n_pk = median_runs(lambda: packed(f), 3)
    assert n_set == n_pk
    print(f"| 2x2 k=2 untied | set count | {n_set:,} | {t_set:.2f} | 5 |")
    print(f"| 2x2 k=2 untied | packed keys (every encoder x decoder choice) | {n_pk:,} | {t_pk:.2f} | 3 |")
    f = NetworkFamily("2x2", 3)
    t3, n3 = median_runs(lambda: packed(f), 3)
    print(f"| 2x2 k=3 tied | packed keys | {n3:,} | {t3:.2f} | 3 |")
    if long_runs:
        f = NetworkFamily("2x2", 3, tied=False)
        t4, n4 = median_runs(lambda: _untied_distinct_count(f, progress=True), 1)
        print(f"| 2x2 k=3 untied | set count | {n4:,} | {t4:.0f} | 1 |")
    print()
    print("| conditioned reconstruction, 3x3 k=2 tied | column programme: median time (s) | "
          "encoder-sum estimate (units) |")
    print("|---|---|---|")
    f = NetworkFamily("3x3", 2)
    base = _Encoders(f).reps * 512 * 9
    for D in ([0b000010000], [0b111000000, 0b000000111]):
        t, _ = median_runs(lambda: conditioned_reconstruction(f, D, progress=False), 5)
        print(f"| D = {D} (planned work {_dp_estimate(f, D):,}) | {t:.2f} | {base:,} |")


if __name__ == "__main__":
    if "--distinct" in sys.argv or "--long" in sys.argv:
        distinct(long_runs="--long" in sys.argv)
    else:
        main()
