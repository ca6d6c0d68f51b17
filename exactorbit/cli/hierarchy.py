"""``exactorbit hierarchy``: the (sparse) random hierarchy model, its inputs, groups, orbits and claims."""

from ._common import add_examples, add_force_argument, add_output_arguments, int_arg

HELP = "the (sparse) random hierarchy model: inputs, transformation groups, orbits, claims"


def add_arguments(parser):
    """Arguments of ``exactorbit hierarchy``."""
    parser.add_argument("--v", type=int_arg, required=True, help="vocabulary size at every level")
    parser.add_argument("--classes", type=int_arg, required=True, help="number of classes n_c")
    parser.add_argument("--m", type=int_arg, required=True, help="synonyms (rules) per symbol")
    parser.add_argument("--s", type=int_arg, required=True, help="tuple size (s >= 2)")
    parser.add_argument("--L", type=int_arg, required=True, help="depth")
    parser.add_argument("--s0", type=int_arg, default=0, help="empty symbols per informative one (default 0: the RHM)")
    parser.add_argument("--sparsity", choices=["A", "B"], default="A", help="placements: A (own sub-patch) or "
                        "B (any order-preserving slots); default A")
    parser.add_argument("--seed", type=int_arg, default=0, help="seed of the rules (default 0)")
    add_force_argument(parser)
    add_output_arguments(parser)
    add_examples(parser, "exactorbit hierarchy --v 2 --classes 2 --m 2 --s 2 --L 2",
                 "exactorbit hierarchy --v 3 --classes 2 --m 2 --s 2 --L 1 --s0 1 --sparsity B --format json")


def run(args):
    """Run ``exactorbit hierarchy``: returns (payload, text)."""
    from ..hierarchy import HierarchyModel, enumerate_inputs, hierarchy_report
    from ..images import render_block

    model = HierarchyModel(args.v, args.classes, args.m, args.s, args.L, s0=args.s0, sparsity=args.sparsity,
                           seed=args.seed)
    payload = hierarchy_report(model, force=args.force)
    p = payload["parameters"]
    lines = [
        f"model: v={p['v']} classes={p['classes']} m={p['m']} s={p['s']} L={p['L']} s0={p['s0']} "
        f"sparsity={p['sparsity']} seed={p['seed']}",
        f"P_max by the formula {payload['p_max']}, inputs enumerated {payload['inputs']}, "
        f"images on a {model.v}x{model.d} grid (one-hot columns, empty = all-zero column)",
    ]
    for name in ("diffeomorphism_group", "synonym_group"):
        g = payload[name]
        sizes = ", ".join(f"{k} x {v}" for k, v in g["orbit_sizes"].items())
        lines.append(f"{name.replace('_', ' ')}: order {g['order']}, {g['orbits']} orbits on the inputs "
                     f"(size x count: {sizes}), labels invariant: {'yes' if g['label_invariant'] else 'no'}")
        ce = g["counterexample"]
        if ce is not None:
            lines.append(f"  counter-example: input {ce['input']} (label {ce['label']}) -> input {ce['image']} "
                         f"(label {ce['image_label']}) by the column permutation {ce['columns']}")
    inputs = enumerate_inputs(model, force=args.force)
    shown = [inputs.mask(i) for i in range(min(4, len(inputs)))]
    lines.append(f"the first {len(shown)} inputs (rows: symbols 0..{model.v - 1}; columns: positions):")
    lines.append(render_block(shown, model.grid, gap="   "))
    lines.append("claims:")
    lines += [f"  {c['id']}: {c['verdict']} - {c['statement']}" for c in payload["claims"]]
    return payload, "\n".join(lines)
