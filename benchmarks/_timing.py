"""Timing helpers shared by the benchmark scripts (each run as ``python benchmarks/NAME.py``)."""

import statistics
import time


def median_time(fn, runs, warm=True):
    """Median wall-clock seconds of ``runs`` calls of ``fn`` (after one warm-up call when ``warm``)."""
    if warm:
        fn()
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def fmt(seconds):
    """A duration for a table: "n/a" for None, milliseconds (3 significant digits) below one second."""
    if seconds is None:
        return "n/a"
    return f"{seconds * 1e3:.3g} ms" if seconds < 1 else f"{seconds:.2f} s"
