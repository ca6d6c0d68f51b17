"""Walk indices and Walk Index Sparsification: exactorbit's exact routes against the authors' algorithm.

(a) Exact walk indices of every vertex (singleton cuts) and of 1,000 random cuts on a seeded synthetic
    2,708-vertex graph (Barabasi-Albert, m = 2: 5,412 edges; the size of Cora) at depths 2, 3, 4.
(b) The full (L-1)-WIS removal order on a smaller seeded graph: exactorbit's incremental route against a
    faithful numpy transcription of the authors' ``WalkIndexSparsifier`` (github noamrazin/gnn_interactions,
    ``edges_removal/walk_index_sparsification.py``, chunk_size = 1, undirected): for every step and every
    candidate edge, A^(L-1) recomputed from scratch, the per-vertex criterion, a descending sort, ``np.lexsort``
    and ``flip``.  The authors compute in float32 (torch); the transcription computes in float64 and asserts
    every entry of A^(L-1) stays below 2^53, so it is exact here; their float32 is exact only below 2^24.
    The orders are asserted identical (tie='authors').

(c) Full removal orders on the Cora-sized graph of (a) (exactorbit only).

Run: ``python3 benchmarks/bench_walks.py`` (about 80 s; ``--quick``: (a) and a small (b), 5 s).
BLAS is held to one thread (both sides single-core; threaded BLAS on small matrices on a shared
2-core machine stalled the transcription by up to 100x).
"""

import os

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):  # one core each, side by side (and
    os.environ.setdefault(_var, "1")  # threaded BLAS on small matrices on a shared 2-core machine stalls by 100x)

import random  # noqa: E402
import statistics
import sys
import time

import networkx as nx  # noqa: E402
import numpy as np  # noqa: E402

from exactorbit.interactions._graphs import parse_graph
from exactorbit.interactions._walks import singleton_walk_indices, walk_indices
from exactorbit.interactions._wis import wis


def median_time(fn, repeats):
    times, out = [], None
    for _ in range(repeats):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), out


def authors_wis(n, edges, depth, remove):
    """The authors' WalkIndexSparsifier.sparsify (chunk_size = 1, undirected) transcribed to numpy float64."""
    remaining = sorted([(u, v) for u, v in edges] + [(v, u) for u, v in edges])  # coalesced edge_index
    order = []
    for _ in range(remove):
        if not remaining:
            break
        adj = np.zeros((n, n))
        rows_, cols_ = zip(*remaining)
        adj[list(rows_), list(cols_)] = 1
        np.fill_diagonal(adj, 1)
        candidates, per_edge = [], []
        visited = set()
        for s, t in remaining:
            if (t, s) in visited:
                continue
            adj[s, t] = adj[t, s] = 0
            walk = np.linalg.matrix_power(adj, depth - 1)
            assert walk.max() < 2 ** 53, "float64 would no longer be exact"
            no_loops = adj.copy()
            np.fill_diagonal(no_loops, 0)
            out_walks = (walk * no_loops.T).sum(axis=0)
            to_self = np.diagonal(walk) * (no_loops.sum(axis=0) > 0)
            per_edge.append(out_walks + to_self)
            candidates.append((s, t))
            visited.add((s, t))
            adj[s, t] = adj[t, s] = 1
        table = -np.sort(-np.stack(per_edge), axis=1)  # descending per row, as torch.sort(descending=True)
        ranking = np.lexsort(table.T)[::-1]  # lexsort keys: last row primary; then flip
        s, t = candidates[ranking[0]]
        order.append((s, t))
        remaining = [d for d in remaining if d not in ((s, t), (t, s))]
    return order


def bench_walk_indices():
    g = parse_graph(nx.barabasi_albert_graph(2708, 2, seed=22), "ba")
    rng = random.Random(22)
    cuts = [[v for v in range(g.n) if rng.random() < 0.5] for _ in range(1000)]
    print(f"(a) walk indices on a seeded Barabasi-Albert graph: n = {g.n}, E = {len(g.edges)}, 1,000 random cuts")
    for depth in (2, 3, 4):
        def run():
            return singleton_walk_indices(g, depth), walk_indices(g, cuts, depth)
        t, (single, many) = median_time(run, 5)
        print(f"    depth {depth}: every vertex + 1,000 cuts  median {t * 1e3:8.1f} ms   "
              f"(largest cut walk index {max(many)}, {max(many).bit_length()} bits)")
        assert t < 1.0, "target: under a second"


def bench_wis(n, edges_count, depth, repeats_authors):
    gx = nx.gnm_random_graph(n, edges_count, seed=22)
    g = parse_graph(gx, "gnm")
    print(f"(b) full (L-1)-WIS order, depth {depth}, seeded G(n, m): n = {g.n}, E = {len(g.edges)}")
    t_ours, ours = median_time(lambda: wis(g, depth, tie="authors", method="lexicographic"), 5)
    t_auth, theirs = median_time(lambda: authors_wis(g.n, g.edges, depth, len(g.edges)), repeats_authors)
    assert ours == theirs, "the removal orders differ"
    print(f"    exactorbit (incremental, exact ints)  median {t_ours * 1e3:9.1f} ms")
    print(f"    authors' algorithm (numpy float64)    median {t_auth * 1e3:9.1f} ms")
    print(f"    same order ({len(ours)} edges); speed-up {t_auth / t_ours:.0f}x")
    return t_auth / t_ours


def bench_wis_cora_size():
    g = parse_graph(nx.barabasi_albert_graph(2708, 2, seed=22), "ba")
    print(f"(c) full removal orders on the Cora-sized graph (n = {g.n}, E = {len(g.edges)}); the transcription "
          "would recompute a 2708 x 2708 power for each of 5,412 candidates at each of 5,412 steps")
    for label, run in (("1-WIS, degree rule        ", lambda: wis(g, 2)),
                       ("1-WIS, lexicographic rule ", lambda: wis(g, 2, method="lexicographic")),
                       ("2-WIS (depth 3)           ", lambda: wis(g, 3))):
        t, order = median_time(run, 1)
        print(f"    {label} {t:7.2f} s  ({len(order)} edges)")


if __name__ == "__main__":
    quick = "--quick" in sys.argv
    bench_walk_indices()
    if quick:
        bench_wis(80, 70, 3, 1)
    else:
        ratios = [bench_wis(200, 150, 3, 3), bench_wis(120, 240, 3, 1), bench_wis(200, 150, 4, 1)]
        print(f"    speed-ups: {', '.join(f'{r:.0f}x' for r in ratios)} (target: >= 100x)")
        bench_wis_cora_size()
