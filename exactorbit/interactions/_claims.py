"""The claims of the interactions theory on one toy case, each computed exactly, with a verdict and its evidence.

A case is (graph, depth L, width D_h, input dimension D_x); every claim is a pure function
of the case (the shared data, the cut orbits and their generic separation ranks, computed
once by :class:`InteractionCase`).  The claims, from Razin, Verbin & Cohen (NeurIPS 2023)
as issue 22 states them:

* ``I1_bound``: sep(f; I) <= D_h^(4 WI + 1) on every proper cut orbit (graph prediction);
* ``I2_plus_one``: the "+1" is needed: a cut with no boundary (WI = 0) has sep = D_h in graph
  prediction and 1 in vertex prediction (the graph plus one isolated vertex, cut off alone);
* ``I3_walk_index_determines``: "the walk index primarily determines the separation rank",
  measured honestly: Kendall's tau-a between WI and sep over the cut orbits, and the pairs of
  orbits with equal walk index and different ranks (counter-examples to "determines");
* ``I4_singletons``: a singleton cut {v} has sep = C(WI + D_x - 1, D_x - 1) generically;
* ``I5_wis_degree``: 1-WIS (the degree rule) equals the L = 2 lexicographic rule on every
  graph of networkx's atlas (all graphs on up to 7 vertices, 1,253 of them);
* ``I6_wis_optimal``: removing k edges by WIS leaves the largest possible smallest singleton
  walk index WI_{L-1,v}({v}) (each vertex its own target: what WIS ranks, as in the authors'
  code), against every k-subset of the edges (the case's graph, k = 1, 2).

Generic ranks are certified lower bounds attained by the weights used, equal to the generic
rank with high probability (``proofs/interactions.md``); a verdict resting on them says so.

>>> claims = interaction_claims("path:3", depth=2, width=2, in_dim=2)
>>> [(c.id, c.verdict) for c in claims][:2]
[('I1_bound', 'holds'), ('I2_plus_one', 'holds')]
>>> [c.verdict for c in interaction_claims("path:3", depth=1, width=2, in_dim=1)][1]   # D_x = 1: f is a monomial
'fails'

With one input dimension every f is a constant times one monomial, so every separation
rank is 1 and "the +1 is needed" fails there: the claims speak of D_x >= 2.
"""

from itertools import combinations
from math import comb

from .._validation import check_int
from ..claims._claim import FAILS, HOLDS, Claim, fraction_str
from ..claims._ranking import kendall_tau
from ._cuts import cut_orbits
from ._graphs import Graph, parse_graph
from ._seprank import generic_separation_rank, separation_rank_bound
from ._walks import singleton_walk_indices, walk_index
from ._wis import wis

__all__ = ["InteractionCase", "interaction_claims", "CLAIM_IDS"]

CLAIM_IDS = ("I1_bound", "I2_plus_one", "I3_walk_index_determines", "I4_singletons", "I5_wis_degree",
             "I6_wis_optimal")

#: Most vertices of a case graph (every cut orbit gets a generic separation rank).
MAX_CASE_VERTICES = 8
#: Most edges of a case graph for the exhaustive WIS comparison (every k-subset, k <= 2).
MAX_WIS_EDGES = 40


def _vertices(mask, n):
    return [v for v in range(n) if mask >> v & 1]


class InteractionCase:
    """A toy case (graph, depth, width, in_dim) with its shared data computed once: the proper cut orbits, their
    walk indices and generic separation ranks (seeded), and the bounds."""

    def __init__(self, graph, depth, width, in_dim, *, seed=0):
        self.graph = parse_graph(graph)
        check_int("graph vertices", self.graph.n, min_value=2, max_value=MAX_CASE_VERTICES)
        self.depth = check_int("depth", depth, min_value=1, max_value=6)
        self.width = check_int("width", width, min_value=1, max_value=4)
        self.in_dim = check_int("in_dim", in_dim, min_value=1, max_value=3)
        self.seed = check_int("seed", seed, min_value=0)
        self._orbits = None

    def describe(self):
        return (f"{self.graph.name} (n={self.graph.n}, {len(self.graph.edges)} edges), depth {self.depth}, "
                f"width {self.width}, in_dim {self.in_dim}")

    def rank(self, cut, target=None):
        """The generic separation rank of one cut (seeded random integer weights)."""
        return generic_separation_rank(self.graph, self.depth, self.width, self.in_dim, cut, target,
                                       seed=self.seed).rank

    def orbits(self):
        """[(cut as a vertex list, orbit size, walk index, generic sep, bound)] over the proper cut orbits."""
        if self._orbits is None:
            table = cut_orbits(self.graph, depth=self.depth)
            rows = []
            for mask, size in table.cut_orbits:
                cut = _vertices(mask, self.graph.n)
                wi = walk_index(self.graph, cut, self.depth)
                rows.append((cut, size, wi, self.rank(cut),
                             separation_rank_bound(self.graph, self.depth, self.width, cut)))
            self._orbits = rows
        return self._orbits


def _bound(case):
    rows = case.orbits()
    bad = [{"cut": c, "walk_index": wi, "separation_rank": r, "bound": b} for c, _, wi, r, b in rows if r > b]
    return Claim("I1_bound", "sep(f; I) <= D_h^(4 WI + 1) on every proper cut orbit (graph prediction)",
                 HOLDS if not bad else FAILS,
                 {"cut_orbits": len(rows), "counterexamples": bad,
                  "tightest": min(({"cut": c, "separation_rank": r, "bound": b} for c, _, _, r, b in rows),
                                   key=lambda e: e["bound"] - e["separation_rank"], default=None)},
                 summary=f"{len(rows)} cut orbits, generic ranks (lower bounds, exact at the weights used)")


def _plus_one(case):
    g = case.graph
    lonely = Graph._trusted(g.n + 1, g.edges, name=f"{g.name} + isolated vertex {g.n}")
    graph_sep = generic_separation_rank(lonely, case.depth, case.width, case.in_dim, [g.n], seed=case.seed).rank
    vertex_sep = generic_separation_rank(lonely, case.depth, case.width, case.in_dim, [g.n], 0, seed=case.seed).rank
    wi = walk_index(lonely, [g.n], case.depth)
    ok = wi == 0 and graph_sep == case.width and vertex_sep == 1
    return Claim("I2_plus_one", "the +1 in D_h^(4 WI + 1) is needed: a cut with no boundary (WI = 0) has sep = D_h "
                 "in graph prediction and 1 in vertex prediction", HOLDS if ok else FAILS,
                 {"graph": lonely.name, "cut": [g.n], "walk_index": wi, "graph_prediction_sep": graph_sep,
                  "vertex_prediction_sep (target 0)": vertex_sep, "width": case.width,
                  "bound_without_plus_one": case.width ** (4 * wi)})


def _determines(case):
    rows = case.orbits()
    wis_, seps = [r[2] for r in rows], [r[3] for r in rows]
    tau = kendall_tau(wis_, seps)
    clashes = [{"cuts": [a[0], b[0]], "walk_index": a[2], "separation_ranks": [a[3], b[3]]}
               for a, b in combinations(rows, 2) if a[2] == b[2] and a[3] != b[3]]
    inverted = [{"cuts": [a[0], b[0]], "walk_indices": [a[2], b[2]], "separation_ranks": [a[3], b[3]]}
                for a, b in combinations(rows, 2) if (a[2] - b[2]) * (a[3] - b[3]) < 0]
    ok = not clashes and not inverted
    return Claim("I3_walk_index_determines", "the walk index determines the separation rank: cut orbits with "
                 "equal walk indices have equal ranks, and a larger walk index never a smaller rank",
                 HOLDS if ok else FAILS,
                 {"kendall_tau_a": fraction_str(tau), "cut_orbits": len(rows), "equal_walk_index_different_rank":
                  clashes[:10], "inversions": inverted[:10]},
                 summary=f"Kendall tau-a(WI, sep) = {fraction_str(tau)} over {len(rows)} cut orbits; "
                         f"{len(clashes)} equal-WI clashes, {len(inverted)} inversions")


def _singletons(case):
    g = case.graph
    wis_ = singleton_walk_indices(g, case.depth)
    rows = []
    for v in range(g.n):
        predicted = comb(wis_[v] + case.in_dim - 1, case.in_dim - 1)
        rows.append({"vertex": v, "walk_index": wis_[v], "separation_rank": case.rank([v]), "formula": predicted})
    bad = [r for r in rows if r["separation_rank"] != r["formula"]]
    return Claim("I4_singletons", "a singleton cut {v} has sep = C(WI + D_x - 1, D_x - 1) generically",
                 HOLDS if not bad else FAILS, {"vertices": rows, "counterexamples": bad},
                 summary=f"{len(rows) - len(bad)} of {len(rows)} vertices match the formula")


def _wis_degree():
    import networkx as nx

    checked, bad = 0, []
    for nxg in nx.graph_atlas_g():
        if nxg.number_of_edges() == 0:
            continue
        g = parse_graph(nxg)
        checked += 1
        if wis(g, 2, method="degree") != wis(g, 2, method="lexicographic"):
            bad.append({"edges": [list(e) for e in g.edges]})
    return Claim("I5_wis_degree", "1-WIS (the degree rule) removes the same edges, in the same order, as the L = 2 "
                 "lexicographic rule, on every graph of networkx's atlas (up to 7 vertices)",
                 HOLDS if not bad else FAILS, {"graphs": checked, "counterexamples": bad[:10]})


def _wis_optimal(case):
    g = case.graph
    rows = []
    for k in (1, 2):
        if k > len(g.edges) or len(g.edges) > MAX_WIS_EDGES:
            continue
        removed = wis(g, case.depth, remove=k)
        kept = Graph._trusted(g.n, [e for e in g.edges if e not in set(removed)])
        got = min(singleton_walk_indices(kept, case.depth, target="self"))
        best, best_set = -1, None
        for subset in combinations(g.edges, k):
            rest = Graph._trusted(g.n, [e for e in g.edges if e not in subset])
            value = min(singleton_walk_indices(rest, case.depth, target="self"))
            if value > best:
                best, best_set = value, subset
        rows.append({"k": k, "wis_removed": [list(e) for e in removed], "wis_smallest_walk_index": got,
                     "best_smallest_walk_index": best, "best_removed": [list(e) for e in best_set]})
    bad = [r for r in rows if r["wis_smallest_walk_index"] < r["best_smallest_walk_index"]]
    return Claim("I6_wis_optimal", "removing k edges by WIS leaves the largest smallest singleton walk index "
                 "WI_{L-1,v}({v}) possible (every k-subset of the edges compared, k = 1, 2)",
                 HOLDS if not bad else FAILS,
                 {"steps": rows, "counterexamples": bad})


def interaction_claims(graph, depth, width, in_dim, *, seed=0):
    """Every claim of the theory on one case, as :class:`~exactorbit.claims.Claim` objects (id, statement,
    verdict, evidence)."""
    case = graph if isinstance(graph, InteractionCase) else InteractionCase(graph, depth, width, in_dim, seed=seed)
    return [_bound(case), _plus_one(case), _determines(case), _singletons(case), _wis_degree(), _wis_optimal(case)]
