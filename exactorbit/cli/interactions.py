"""``exactorbit interactions``: walk indices, cut orbits, separation ranks, WIS and the claims of the rank theory.

Actions (each with ``--format text|json|csv`` and ``--quiet``; numbers are JSON ints, never floats):

* ``walk-index --graph SPEC --cut 0,1 --depth L [--target T]``
* ``cut-orbits --graph SPEC [--depth L] [--target T]``
* ``seprank --graph SPEC --depth L --width DH --in-dim DX --cut 0,2 [--target T] [--weights FILE | --seed S]
  [--save-weights FILE]``
* ``wis --graph SPEC --depth L [--remove K] [--tie first|authors] [--target T]``
* ``claims --graph SPEC --depth L --width DH --in-dim DX``
"""

from ._common import add_examples, add_force_argument, add_output_arguments, claims_table, csv_table, int_arg, wants

HELP = "rank and interactions of GNNs: walk index, cut orbits, separation rank, WIS, claims (exact)"

#: The example lines of each action's --help (and of ``exactorbit interactions --help``: the first of each).
EXAMPLES = {
    "walk-index": ("exactorbit interactions walk-index --graph cycle:6 --cut 0,1,2 --depth 2",
                   "exactorbit interactions walk-index --graph path:4 --cut 0,1 --depth 3 --target 3 --format json"),
    "cut-orbits": ("exactorbit interactions cut-orbits --graph petersen --depth 2",
                   "exactorbit interactions cut-orbits --graph cycle:6 --format csv"),
    "seprank": ("exactorbit interactions seprank --graph path:3 --depth 1 --width 2 --in-dim 2 --cut 0 --seed 0",
                "exactorbit interactions seprank --graph path:3 --depth 1 --width 2 --in-dim 2 --cut 0 --format json"),
    "wis": ("exactorbit interactions wis --graph cycle:5 --depth 2 --remove 2",
            "exactorbit interactions wis --graph star:4 --depth 3 --format csv"),
    "claims": ("exactorbit interactions claims --graph path:3 --depth 2 --width 2 --in-dim 1 --format csv",),
}

_GRAPH_HELP = ("the graph: path:N, cycle:N, star:N, complete:N, bipartite:A,B, petersen, cube, grid:HxW, cliques:K "
               "or edges:0-1,1-2,... (0-based vertices)")


def _target(text):
    """--target: a vertex (int) or 'self' (WIS ranks each vertex's own walks)."""
    return text if text == "self" else int_arg(text)


def add_arguments(parser):
    """Arguments of ``exactorbit interactions``: one action and its options."""
    add_examples(parser, *(lines[0] for lines in EXAMPLES.values()))
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    p = actions.add_parser("walk-index", help="the walk index of one cut (and its boundary)")
    _graph(p, cut=True, depth=True, target=True)
    p = actions.add_parser("cut-orbits", help="vertex subsets and cuts up to Aut(G) (and the side swap), the "
                           "walk-index spectrum with --depth")
    _graph(p, depth=False, target=True)
    p.add_argument("--depth", type=int_arg, default=None, metavar="L", help="the GNN's depth: adds the walk-index "
                   "spectrum (walk index -> number of proper cut orbits)")
    add_force_argument(p)
    p = actions.add_parser("seprank", help="the separation rank of a product GNN across one cut (exact at given "
                           "weights, or generic)")
    _graph(p, cut=True, depth=True, target=True, model=True)
    where = p.add_mutually_exclusive_group()
    where.add_argument("--weights", default=None, metavar="FILE", help="integer weights (JSON: {\"layers\": [...], "
                       "\"output\": [...]}) : the rank is exact for them")
    where.add_argument("--seed", type=int_arg, default=None, metavar="S",
                       help="one seeded random draw of integer weights (exact for them)")
    p.add_argument("--save-weights", default=None, metavar="FILE", help="write the weights that attain the rank "
                   "(JSON), so that anyone can recheck the lower bound exactly")
    add_force_argument(p)
    p = actions.add_parser("wis", help="Walk Index Sparsification: the edges removed, in order")
    _graph(p, depth=True, csv="one row per removed edge, in order: step, u, v")
    p.add_argument("--remove", type=int_arg, default=None, metavar="K", help="edges to remove (default: all)")
    p.add_argument("--tie", choices=("first", "authors"), default="first",
                   help="among maximisers: first (the smallest edge) or authors (what the authors' code does)")
    p.add_argument("--target", type=_target, default="self", metavar="T",
                   help="'self' (default: each vertex's own walks, graph prediction) or a vertex t")
    p = actions.add_parser("claims", help="the theory's claims on one toy case, with computed verdicts")
    _graph(p, depth=True, model=True, csv="one row per claim: id, verdict, statement, summary")
    p.add_argument("--seed", type=int_arg, default=0, metavar="S", help="seed of the random weights (default 0)")
    for name, action in actions.choices.items():
        add_examples(action, *EXAMPLES[name])


def _graph(p, *, cut=False, depth=False, target=False, model=False, csv=None):
    p.add_argument("--graph", required=True, metavar="SPEC", help=_GRAPH_HELP)
    if cut:
        p.add_argument("--cut", required=True, metavar="VERTICES", help="one side I of the cut: 0-based vertices, "
                       "comma-separated (e.g. 0,1)")
    if depth:
        p.add_argument("--depth", type=int_arg, required=True, metavar="L", help="the GNN's depth L >= 1")
    if target:
        p.add_argument("--target", type=int_arg, default=None, metavar="T",
                       help="vertex prediction at vertex T (default: graph prediction)")
    if model:
        p.add_argument("--width", type=int_arg, required=True, metavar="DH", help="hidden width D_h")
        p.add_argument("--in-dim", type=int_arg, required=True, metavar="DX", help="input dimension D_x")
    add_output_arguments(p, csv=csv)


def run(args):
    """Run ``exactorbit interactions ACTION``: returns (payload, text)."""
    return {"walk-index": _walk_index, "cut-orbits": _cut_orbits, "seprank": _seprank, "wis": _wis,
            "claims": _claims}[args.action](args)


def _walk_index(args):
    from ..interactions import boundary, parse_graph, parse_vertices, walk_index

    g = parse_graph(args.graph, "--graph")
    cut = parse_vertices(args.cut, g.n, "--cut")
    wi = walk_index(g, list(cut), args.depth, target=args.target)
    c = boundary(g, list(cut))
    payload = {"walk_index": wi, "boundary": list(c), "depth": args.depth, "target": args.target,
               "cut": list(cut), "graph": {"n": g.n, "edges": [list(e) for e in g.edges]}}
    which = "graph prediction" if args.target is None else f"vertex prediction at {args.target}"
    return payload, (f"{g.name} (n={g.n}, {len(g.edges)} edges), cut I = {list(cut)}, depth {args.depth}, {which}\n"
                     f"boundary C_I = {list(c)}\nwalk index = {wi}")


def _cut_orbits(args):
    from ..interactions import cut_orbits, parse_graph

    g = parse_graph(args.graph, "--graph")
    r = cut_orbits(g, target=args.target, depth=args.depth, force=args.force)
    payload = r.to_json()
    lines = [f"{g.name} (n={g.n}, {len(g.edges)} edges): |Aut(G)| = {r.order}"
             + ("" if args.target is None else f", |Stab({args.target})| = {r.acting_order}"),
             f"orbits on the {1 << g.n} vertex subsets: {len(r.subset_orbits)}",
             f"proper cuts up to the group and the side swap: {len(r.cut_orbits)}",
             f"balanced cuts (sides floor(n/2), ceil(n/2)): {len(r.balanced_cut_orbits)}"]
    if r.walk_index_spectrum is not None:
        lines.append(f"walk index at depth {args.depth} -> number of cut orbits:")
        lines += [f"  {k:>12}: {v}" for k, v in sorted(r.walk_index_spectrum.items())]
    return payload, "\n".join(lines)


def _seprank(args):
    import json

    from .._files import write_file
    from ..errors import InvalidArgument
    from ..interactions import (ProductGNN, generic_separation_rank, parse_graph, parse_vertices, separation_rank,
                                separation_rank_bound, walk_index)

    g = parse_graph(args.graph, "--graph")
    cut = list(parse_vertices(args.cut, g.n, "--cut"))
    if args.weights is not None:
        try:
            with open(args.weights, encoding="utf-8") as f:
                weights = json.load(f, parse_float=_no_float)
        except (OSError, ValueError) as exc:
            raise InvalidArgument(f"--weights {args.weights!r}: {exc}") from None
        r = separation_rank(ProductGNN(g, args.depth, args.width, args.in_dim, weights=weights), cut, args.target,
                            force=args.force)
    elif args.seed is not None:
        r = separation_rank(ProductGNN(g, args.depth, args.width, args.in_dim, seed=args.seed), cut, args.target,
                            force=args.force)
    else:
        r = generic_separation_rank(g, args.depth, args.width, args.in_dim, cut, args.target, force=args.force)
    wi = walk_index(g, cut, args.depth, target=args.target)
    bound = separation_rank_bound(g, args.depth, args.width, cut, target=args.target)
    payload = {"separation_rank": r.rank, "walk_index": wi, "bound": bound, "method": r.method, "exact": r.exact,
               "generic": r.generic, "cut": cut, "target": args.target, "depth": args.depth, "width": args.width,
               "in_dim": args.in_dim}
    if args.save_weights is not None and r.weights is not None:
        write_file(args.save_weights, json.dumps(r.weights, indent=1) + "\n")
        payload["weights_file"] = args.save_weights
    lines = [f"{g.name}, cut I = {cut}, depth {args.depth}, width {args.width}, in_dim {args.in_dim}"
             + ("" if args.target is None else f", target {args.target}"),
             f"separation rank: {r.rank} (route {r.method}; {'exact for these weights' if r.exact else 'a lower bound'}"
             + ("; generic: a certified lower bound, the generic rank with high probability" if r.generic else "")
             + ")",
             f"walk index: {wi}; bound D_h^(4 WI + 1) = {bound if bound < 10**30 else f'{args.width}^{4 * wi + 1}'}"]
    return payload, "\n".join(lines)


def _no_float(text):
    from ..errors import InvalidArgument

    raise InvalidArgument(f"--weights must hold ints (or 'p/q' texts), got the float {text}")


def _wis(args):
    from ..interactions import parse_graph, wis

    g = parse_graph(args.graph, "--graph")
    order = wis(g, args.depth, remove=args.remove, tie=args.tie, target=args.target)
    payload = {"removed": [list(e) for e in order], "depth": args.depth, "tie": args.tie, "target": args.target}
    if wants(args, "csv"):
        return payload, csv_table(["step", "u", "v"], [[k, u, v] for k, (u, v) in enumerate(order, 1)])
    rule = "1-WIS (degree rule)" if args.depth == 2 and args.target == "self" else f"{args.depth - 1}-WIS"
    return payload, (f"{g.name} (n={g.n}, {len(g.edges)} edges), {rule}, tie {args.tie}: removed in order\n  "
                     + (", ".join(f"{u}-{v}" for u, v in order) or "nothing"))


def _claims(args):
    from ..interactions import interaction_claims

    claims = interaction_claims(args.graph, args.depth, args.width, args.in_dim, seed=args.seed)
    payload = {"claims": [{"id": c.id, "statement": c.statement, "verdict": c.verdict, "summary": c.summary,
                           "evidence": _jsonable(c.evidence)} for c in claims]}
    if wants(args, "csv"):
        return payload, claims_table(claims)
    lines = [f"{c.id}: {c.verdict} - {c.statement}" + (f"\n    {c.summary}" if c.summary else "") for c in claims]
    return payload, "\n".join(lines)


def _jsonable(value):
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value
