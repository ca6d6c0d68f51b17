"""The chunked enumerations on Dask: serial, 1 worker and 2 workers, side by side (run by hand).

    python3 benchmarks/bench_parallel.py [--runs 3] [--quick]

Needs the extra ``exactorbit[dask]``.  Each row: the median wall time of ``--runs`` runs
of the serial route, of a ``LocalCluster`` of 1 worker process and of 2 (the cluster is
started once per row, outside the timing), and the speed-up 1 -> 2 workers; every
parallel answer is checked equal to the serial one.  Timings are floats: measurements,
not results.
"""

import argparse
import os
import sys

import numpy as np

from _timing import fmt, median_time


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="small cases only")
    parser.add_argument("--long", action="store_true",
                        help="add the 2x2 k=2 untied packed-key enumeration (2.3e8 keys; about 30 s a run)")
    args = parser.parse_args()
    try:
        import distributed
    except ImportError:
        sys.exit("bench_parallel needs Dask: pip install 'exactorbit[dask]'")
    from exactorbit._parallel import _client
    from exactorbit.groups import named_group
    from exactorbit.networks import NetworkFamily
    from exactorbit.networks.distinct import function_keys
    from exactorbit.orbits._enumerate import enumerate_orbits, orbit_labels

    big = not args.quick
    cases = [
        ("labels of all 2^25 images, 5x5 translations+dihedral (order 200)",
         lambda s: orbit_labels(named_group("translations+dihedral", "5x5"), scheduler=s, force=True, progress=False),
         lambda a, b: np.array_equal(a, b)),
        ("orbit counts of all 2^%d images, %s translations" % ((28, "4x7") if big else (24, "4x6")),
         lambda s: enumerate_orbits(named_group("translations", "4x7" if big else "4x6"), scheduler=s, force=True,
                                    progress=False).orbit_sizes,
         lambda a, b: a == b),
        ("distinct functions, tied 2x2 -> 2 -> 2x2, weights {-1,0,1} (packed keys)",
         lambda s: function_keys(NetworkFamily("2x2", 2, tied=True), scheduler=s, force=True),
         lambda a, b: a[0].tobytes() == b[0].tobytes() and a[1].tobytes() == b[1].tobytes()),
    ]
    if args.long:
        cases.append(("distinct functions, untied 2x2 -> 2 -> 2x2, weights {-1,0,1} (packed keys, 2.3e8 keys)",
                      lambda s: function_keys(NetworkFamily("2x2", 2, tied=False), scheduler=s, force=True),
                      lambda a, b: a[0].tobytes() == b[0].tobytes() and a[1].tobytes() == b[1].tobytes()))
    rows = []
    for title, run, same in cases:
        serial_answer = run(None)
        t_serial = median_time(lambda: run(None), args.runs, warm=False)
        times = {}
        for workers in (1, 2):
            client = _client(distributed, workers, None)  # the LocalCluster that workers=N starts
            cluster = client.cluster
            try:
                answer = run(client)
                if not same(answer, serial_answer):
                    sys.exit(f"{title}: the {workers}-worker answer differs from the serial one")
                times[workers] = median_time(lambda: run(client), args.runs, warm=False)
            finally:
                client.close()
                cluster.close()
        rows.append((title, fmt(t_serial), fmt(times[1]), fmt(times[2]), f"{times[1] / times[2]:.2f}x"))
        print(rows[-1], file=sys.stderr)
    print(f"machine: {os.cpu_count()} cores; median of {args.runs} runs; clusters started outside the timing\n")
    print("| enumeration | serial | Dask, 1 worker | Dask, 2 workers | speed-up 1 -> 2 workers |")
    print("|---|---|---|---|---|")
    for r in rows:
        print("| " + " | ".join(r) + " |")


if __name__ == "__main__":
    main()
