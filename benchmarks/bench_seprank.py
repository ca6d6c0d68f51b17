"""Separation ranks of a product GNN for every cut of a 6-vertex graph at depth 3 (issue 22, "Speed").

Run: ``python benchmarks/bench_seprank.py``. For one cut per orbit of Aut(G) x the side swap (Stab(0) for vertex
prediction; every proper cut with 0 in I when the orbit module is absent) of cycle:6, depth 3, width 2, in_dim 2: the generic separation rank (random integer weights,
repeated until stable; a certified lower bound attained by the weights shown), vertex prediction at 0 and
graph prediction, with the walk index's bound. Median wall-clock of the whole table over a few runs.
Graph prediction runs with a ten times larger work limit and is refused past it (the generic rank of a
balanced cut is over a thousand: its m x m sampled matrices grow past 10^6 evaluations).
"""

import itertools
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from _timing import fmt, median_time  # noqa: E402

from exactorbit.errors import TooExpensive  # noqa: E402
from exactorbit.interactions._seprank import generic_separation_rank, separation_rank_bound  # noqa: E402

GRAPH, DEPTH, WIDTH, IN_DIM = "cycle:6", 3, 2, 2
#: Work limit of the graph-prediction table (ten times the default): ranks up to about 1,000 are computed.
GRAPH_LIMIT = 2 * 10**9
ALL_CUTS = [(0,) + rest for k in range(0, 5) for rest in itertools.combinations(range(1, 6), k)]


def cuts(target):
    """One cut per orbit of Aut(G) (Stab(target) for vertex prediction) x the side swap, when the orbit module is
    there; else every proper cut with 0 in I."""
    try:
        from exactorbit.interactions._cuts import cut_orbits
    except ImportError:
        return ALL_CUTS, "every proper cut (the orbit module is absent)"
    reps = [mask for mask, _ in cut_orbits(GRAPH, target=target).cut_orbits]
    return [tuple(v for v in range(6) if mask >> v & 1) for mask in reps], "one cut per orbit"


def table(target, limit=None, tries=2):
    rows = []
    for cut in cuts(target)[0]:
        try:
            rank = generic_separation_rank(GRAPH, DEPTH, WIDTH, IN_DIM, cut, target=target, tries=tries,
                                           limit=limit).rank
        except TooExpensive:
            rank = None
        rows.append((cut, rank, separation_rank_bound(GRAPH, DEPTH, WIDTH, cut, target).bit_length() - 1))
    return rows


def main():
    try:
        import flint  # noqa: F401 - optional: the modular elimination of large matrices
    except ImportError:
        flint = None
    for target, runs, limit, tries in ((0, 3, None, 2), (None, 1, GRAPH_LIMIT, 1)):
        rows = table(target, limit, tries)
        seconds = median_time(lambda: table(target, limit, tries), runs, warm=False)
        where = "graph prediction" if target is None else f"vertex prediction at {target}"
        done = sum(r is not None for _, r, _ in rows)
        print(f"{GRAPH}, depth {DEPTH}, width {WIDTH}, in_dim {IN_DIM}, {where}: {len(rows)} cuts "
              f"({cuts(target)[1]}), {done} ranked, median {fmt(seconds)} for the table ({runs} runs); "
              f"python-flint {'used' if flint else 'absent (numpy elimination)'}; tries={tries}")
        for cut, rank, log_bound in rows:
            print(f"  cut {','.join(map(str, cut)):<10} generic rank {('refused' if rank is None else rank):>8}"
                  f"   bound 2^{log_bound}")


if __name__ == "__main__":
    main()
