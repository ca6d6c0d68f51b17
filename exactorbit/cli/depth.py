"""``exactorbit depth``: features of features: orbit sizes by layer, claims C7 and C8."""

from ._common import (DEFAULT_ALPHABET, DEFAULT_HIDDEN, DEFAULT_LAYERS, add_examples, add_force_argument, add_group_arguments,
                      add_output_arguments, csv_table, group_from_args, int_arg, wants)

HELP = "features of features: orbit sizes by layer"


def add_arguments(parser):
    """Arguments of ``exactorbit depth``.

    >>> import argparse
    >>> p = argparse.ArgumentParser(); add_arguments(p)
    >>> p.parse_args([]).layers, p.parse_args(["--untied"]).tied
    (3, False)
    """
    add_group_arguments(parser)
    parser.add_argument("--layers", type=int_arg, default=DEFAULT_LAYERS,
                        help=f"number of layers L (default {DEFAULT_LAYERS}, as in exactorbit tour)")
    parser.add_argument("--mode", default="contains", choices=["contains", "equals"],
                        help="a feature is present when its pixels are on (contains) or the image equals it")
    parser.add_argument("--features", default=None,
                        help="layer-1 features: comma-separated masks or text images (a union of orbits), or "
                             "'network:SEED' (the G-closure of what a random network of the --hidden/--tied family "
                             "on the image grid reconstructs); default the minimal-orbit non-constant features")
    parser.add_argument("--close", action="store_true",
                        help="use the closure of --features under the group (else they must be a union of orbits)")
    parser.add_argument("--include-constant", action="store_true",
                        help="admit features whose union image is constant (the full image)")
    parser.add_argument("--hidden", type=int_arg, default=DEFAULT_HIDDEN,
                        help=f"hidden units of the networks over each code space (default {DEFAULT_HIDDEN})")
    parser.add_argument("--alphabet", default=DEFAULT_ALPHABET,
                        help=f"weights of those networks (default {DEFAULT_ALPHABET}; write --alphabet=0,1)")
    tied = parser.add_mutually_exclusive_group()
    tied.add_argument("--tied", dest="tied", action="store_true", default=True, help="tied weights (default)")
    tied.add_argument("--untied", dest="tied", action="store_false", help="untied weights")
    add_force_argument(parser)
    add_output_arguments(parser, csv="one row per layer: features, min orbit size, stabilizer order, on-pixels, "
                                     "code orbit size, induced group order")
    add_examples(parser, "exactorbit depth --grid 3x3",
                 "exactorbit depth --grid 1x4 --group translations --features 1,2,4,8 --format json",
                 "exactorbit depth --grid 2x3 --layers 2 --format csv")


def _parse_features(text, grid):
    """Masks (decimal) or text images, comma-separated.

    >>> from exactorbit.images import Grid
    >>> _parse_features("1, #./..", Grid(2, 2))
    [1, 1]
    """
    from .._validation import check_mask, parse_int_text, short
    from ..errors import InvalidArgument
    from ..images import parse_image

    out = []
    for k, item in enumerate(t.strip() for t in text.split(",")):
        if not item:
            raise InvalidArgument(f"--features item {k} is empty in {short(text)}")
        if item.isascii() and item.isdigit():  # a mask of n <= 4096 bits has at most 1234 digits
            out.append(check_mask(f"--features item {k}", parse_int_text(item, max_digits=1240,
                                                                           what=f"--features item {k}"), grid.n))
        else:
            out.append(parse_image(item, grid))
    return out


def _closed(group, feats, close):
    """The features, or (``close``) their G-closure; a set that is not a union of orbits names the flag."""
    from ..errors import InvalidArgument
    from ..orbits import orbit_classes

    if close:
        from ..actions import orbit

        return sorted({y for x in set(feats) for y in orbit(group, x)})
    try:
        orbit_classes(group, sorted(set(feats)), name="--features")
    except InvalidArgument as exc:
        raise InvalidArgument(f"{exc}; pass --close to use their closure under the group") from None
    return feats


def _network_features(group, spec, hidden, tied, alphabet):
    from ..depth import reconstructed_features
    from ..errors import InvalidArgument
    from ..networks import NetworkFamily, network_table, random_network

    from .._validation import short

    text = spec[len("network:"):].strip()
    if not (text.isascii() and text.isdigit() and len(text) <= 38):
        raise InvalidArgument(f"--features network:SEED needs an int seed 0..10^38, got {short(spec)}")
    seed = int(text)
    net = random_network(NetworkFamily(group.grid, hidden, tied=tied, alphabet=alphabet), seed=seed)
    feats = reconstructed_features(group, network_table(net))
    kind = "tied" if tied else "untied"
    return feats, f"G-closure of the features a random {kind} network (k={hidden}, seed {seed}) reconstructs"


def run(args):
    """Run ``exactorbit depth``: returns (payload, text).

    >>> import argparse
    >>> p = argparse.ArgumentParser(); add_arguments(p)
    >>> payload, text = run(p.parse_args(["--grid", "1x4", "--group", "translations", "--features", "1,2,4,8"]))
    >>> [(r["layer"], r["min_orbit_size"]) for r in payload["layers"]], [c["verdict"] for c in payload["claims"]]
    ([(1, 4), (2, 2)], ['holds', 'fails'])
    """
    from .._validation import check_int
    from ..claims.c7_diagonal import claim_c7_diagonal
    from ..claims.c8_depth import claim_c8_depth, layer_networks_evidence
    from ..depth import depth_table
    from ..images import render_block
    from ..networks import parse_alphabet
    from ..orbits import orbit_classes

    grid, group = group_from_args(args)
    layers = check_int("--layers", args.layers, min_value=1, max_value=6)
    hidden = check_int("--hidden", args.hidden, min_value=1, max_value=8)
    alphabet = parse_alphabet(args.alphabet)
    source = None
    if args.features is None:
        feats = None
    elif args.features.strip().startswith("network:"):
        feats, source = _network_features(group, args.features.strip(), hidden, args.tied, alphabet)
    else:
        feats = _closed(group, _parse_features(args.features, grid), args.close)
        source = "the G-closure of --features" if args.close else None
    table = depth_table(group, layers, mode=args.mode, features=feats, include_constant=args.include_constant,
                        force=args.force, feature_source=source)
    variant = None
    if not args.include_constant:
        variant = depth_table(group, layers, mode=args.mode, features=feats, include_constant=True,
                              certify=False, force=args.force)
    claims = [claim_c7_diagonal(table), claim_c8_depth(table, variant)]
    nets = layer_networks_evidence(table, hidden=hidden, tied=args.tied, alphabet=alphabet, force=args.force)
    payload = table.to_json()
    payload["networks"] = nets
    payload["claims"] = [c.as_dict() for c in claims]
    if wants(args, "csv"):
        rows = []
        for row in table.layers:
            k = row.orbit_sizes.index(row.min_orbit_size)
            rows.append([row.layer, len(row.features), row.min_orbit_size, row.stabilizer_orders[k],
                         row.on_pixels[k], row.code_orbit_size, row.action.induced.order()])
        return payload, csv_table(["layer", "features", "min_orbit_size", "stabilizer_order", "on_pixels",
                                   "code_orbit_size", "induced_group_order"], rows)
    lines = [
        f"{group.name} (order {group.order()}) on the {grid} grid; codes: mode {args.mode!r}; "
        f"layer-1 features: {table.feature_source}",
        f"{'layer':>5} {'features':>8} {'min |Orb|':>9} {'|Stab|':>6} {'on-pixels':>9} {'code |Orb|':>10} {'|H|':>5}",
    ]
    for row in table.layers:
        k = row.orbit_sizes.index(row.min_orbit_size)
        lines.append(
            f"{row.layer:>5} {len(row.features):>8} {row.min_orbit_size:>9} {row.stabilizer_orders[k]:>6} "
            f"{row.on_pixels[k]:>9} {row.code_orbit_size:>10} {row.action.induced.order():>5}"
        )
    if table.stopped:
        lines.append(f"stopped: {table.stopped}")
    for row in table.layers:
        rep_of = {x: c.representative for c in orbit_classes(group, set(row.unions)) for x in c.members}
        first = {}  # the first union of each G-orbit, in the layer's order
        for u in row.unions:
            first.setdefault(rep_of[u], u)
        reps = list(first.values())
        lines.append(f"\nlayer {row.layer}: {len(row.features)} features, one per G-orbit shown "
                     f"(orbit sizes {sorted(set(row.orbit_sizes))}):")
        lines.append(render_block(reps[:12], grid))
    for rec in nets:
        if "skipped" in rec:
            lines.append(f"\nlayer-{rec['layer']} networks: not computed: {rec['skipped']}")
            continue
        lines.append(f"\nlayer-{rec['layer']} networks: {rec['family']} ({rec['parameter_settings']} settings); "
                     "P(F(c) = c) per candidate orbit:")
        lines.append(f"  {'code':>10} {'features':>8} {'code |Orb|':>10} {'image |Orb|':>11}  probability")
        for r in rec["classes"]:
            mark = "  (minimal)" if r["minimal"] else ""
            lines.append(f"  {r['code']:>10} {r['combined_features']:>8} {r['code_orbit_size']:>10} "
                         f"{r['image_orbit_size']:>11}  {r['probability']}{mark}")
    for c in claims:
        lines.append(f"\n{c.id} [{c.verdict}] {c.statement}\n  {c.summary}")
    return payload, "\n".join(lines)
