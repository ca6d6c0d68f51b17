"""Benchmark: network-input evaluations per second, vectorised numpy path vs naive Python loop.

Same family (3x3 grid, k = 1, untied, weights in {-1, 0, 1}), same random parameter
settings; an "evaluation" is one network on one input image.  Median of 5 runs.
Also: time of the full 3x3 k=1 untied family (reconstruction probabilities of all 512
images), and of the other required sizes.  Run: python3 benchmarks/bench_networks.py
"""

import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from exactorbit.networks import NetworkFamily, network_tables, random_network, reconstruction_probabilities  # noqa: E402
from naive_networks import naive_table  # noqa: E402

RUNS = 5


def median_time(fn):
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


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


if __name__ == "__main__":
    main()
