"""Aut(G) and cut-orbit tables: exactorbit's backtrack beside networkx's VF2 and nauty (pynauty, where installed).

    python3 benchmarks/bench_automorphisms.py [--runs 5] [--quick]

Graphs of 8 to 64 vertices: cycles, grids, the Petersen graph, seeded random regular graphs and
the 6-cube.  Per graph: |Aut(G)| (exactorbit's, checked equal to VF2's count and to nauty's),
and the median wall-clock time of ``automorphism_group`` (the backtrack route, the PixelGroup
included), of VF2 listing every automorphism (``GraphMatcher(g, g).isomorphisms_iter()``: the
naive twin; skipped past ``VF2_CAP`` automorphisms) and of ``pynauty.autgrp`` (generators and
order; pynauty is never a dependency: ``pip install pynauty`` to get its column).  Then the
cut-orbit tables (``cut_orbits`` with the walk-index spectrum at depth 3) of graphs of 10 to 20
vertices.  Run on one core of the project's 2-core machine; times are medians over ``--runs``
after one warm-up call.
"""

import argparse
import math

import networkx as nx
from networkx.algorithms.isomorphism import GraphMatcher

from _timing import fmt, median_time
from exactorbit.interactions._automorphisms import automorphism_group
from exactorbit.interactions._cuts import cut_orbits
from exactorbit.interactions._graphs import parse_graph

#: Largest |Aut(G)| VF2 is asked to list.
VF2_CAP = 5000


def _cube6():
    return 64, [(u, u ^ (1 << k)) for u in range(64) for k in range(6) if u < u ^ (1 << k)]


def suite(quick):
    cases = [("cycle:8", 16), ("cycle:16", 32), ("cycle:32", 64), ("cycle:64", 128),
             ("grid:3x3", 8), ("grid:4x4", 8), ("grid:6x6", 8), ("grid:8x8", 8), ("petersen", 120)]
    for d, n, seed in [(3, 16, 1), (3, 32, 2), (3, 64, 3), (4, 64, 4), (5, 64, 5)]:
        cases.append((nx.random_regular_graph(d, n, seed=seed), None))
    cases.append((_cube6(), 2 ** 6 * math.factorial(6)))
    return cases[::3] if quick else cases


def _vf2_count(g):
    return sum(1 for _ in GraphMatcher(g, g).isomorphisms_iter())


def _nauty():
    try:
        import pynauty
    except ImportError:
        return None
    return pynauty


def _nauty_run(pynauty, graph):
    adj = {v: list(graph.neighbours[v]) for v in range(graph.n)}
    _, size, exponent, _, _ = pynauty.autgrp(pynauty.Graph(graph.n, adjacency_dict=adj))
    return round(size * 10 ** exponent)


def _label(spec, graph):
    return spec if isinstance(spec, str) else f"{graph.n}v {len(graph.edges)}e"


def automorphisms(runs, quick):
    nauty = _nauty()
    print(f"{'graph':<14}{'n':>4}{'|Aut|':>8}  {'exactorbit':>11}{'VF2':>11}{'nauty':>11}  VF2/exo")
    for spec, known in suite(quick):
        graph = parse_graph(spec)
        order = automorphism_group(graph).order()
        assert known is None or order == known, (spec, order, known)
        t_exo = median_time(lambda: automorphism_group(graph), runs)
        g = graph.to_networkx()
        t_vf2 = None
        if order <= VF2_CAP:
            assert _vf2_count(g) == order
            t_vf2 = median_time(lambda: _vf2_count(g), runs)
        t_nauty = None
        if nauty is not None:
            assert _nauty_run(nauty, graph) == order
            t_nauty = median_time(lambda: _nauty_run(nauty, graph), runs)
        ratio = f"{t_vf2 / t_exo:.2g}" if t_vf2 else "-"
        print(f"{_label(spec, graph):<14}{graph.n:>4}{order:>8}  {fmt(t_exo):>11}{fmt(t_vf2):>11}"
              f"{fmt(t_nauty):>11}  {ratio}")
    if nauty is None:
        print("(nauty column: pynauty is not installed)")


def cut_tables(runs, quick):
    print(f"\n{'graph':<14}{'n':>4}{'|Aut|':>8}{'cut orbits':>12}{'WI values':>11}  {'cut_orbits, depth 3':>20}")
    specs = ["petersen", "grid:3x4", "cycle:16", nx.random_regular_graph(3, 16, seed=1), "grid:4x5", "cycle:20"]
    for spec in specs[:3] if quick else specs:
        graph = parse_graph(spec)
        r = cut_orbits(graph, depth=3)
        t = median_time(lambda: cut_orbits(graph, depth=3), runs)
        print(f"{_label(spec, graph):<14}{graph.n:>4}{r.order:>8}{len(r.cut_orbits):>12}"
              f"{len(r.walk_index_spectrum):>11}  {fmt(t):>20}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    automorphisms(args.runs, args.quick)
    cut_tables(max(1, args.runs // 2), args.quick)


if __name__ == "__main__":
    main()
