"""``exactorbit count``: the cycle index, the number of orbits of all colourings (Burnside) and by weight or
colour content (Polya), no enumeration."""

from ._common import (add_examples, add_explain_argument, add_force_argument, add_group_arguments, add_output_arguments,
                      explained, group_from_args, int_arg)

HELP = "cycle index, number of orbits of all images or k-colourings (Burnside), by weight or content (Polya)"


def add_arguments(parser):
    """Arguments of ``exactorbit count``."""
    add_group_arguments(parser)
    parser.add_argument("--colors", type=int_arg, default=2, metavar="K",
                        help="number of colours of a pixel (default 2: binary images)")
    parser.add_argument("--by-content", action="store_true",
                        help="also count the orbits of each colour content (n_0, ..., n_{K-1}) (Polya)")
    parser.add_argument("--method", default="auto",
                        choices=("auto", "listing", "symmetric", "product", "product_action", "blocks", "classes"),
                        help="how the cycle types are found: auto (default), listing (every element), symmetric "
                             "(S_n, A_n: partitions), product (translations with affine maps: closed form), "
                             "product_action (rows x columns: H x K), blocks (a block system: coset by coset of its block groups), classes (conjugacy classes by a seeded random search, exact)")
    add_force_argument(parser)
    add_explain_argument(parser, "the cycle types (cycle_types)")
    add_output_arguments(parser)
    add_examples(parser, "exactorbit count --grid 1x6 --group bracelet --colors 3",
                 "exactorbit count --grid 3x3 --by-content --colors 3 --format json",
                 "exactorbit count --grid 4x4 --group translations --format csv")


def run(args):
    """Run ``exactorbit count``: returns (payload, text)."""
    from .._validation import check_int, int_text
    from ..counting import burnside_count, cycle_index_terms, cycle_index_text, orbits_by_content, orbits_by_weight
    from ..errors import TooExpensive

    grid, group = group_from_args(args)
    colors = check_int("--colors", args.colors, min_value=1)
    method = getattr(args, "method", "auto")
    if getattr(args, "explain", False):
        from ..counting import routes_for

        return explained(routes_for(group, method=method, force=args.force))
    total = burnside_count(group, colors, method=method, force=args.force)
    order = group.order()
    payload = {"group_order": order, "colors": colors, "orbits": int(total), "method": total.method}
    plural = "" if colors == 1 else "s"
    things = "images" if colors == 2 else f"colourings with {colors} colour{plural}"
    space = colors ** grid.n
    shown = int_text(space) if space < 10**40 else f"{colors}^{grid.n}"
    lines = [f"{group.name} (order {int_text(order)}) on the {grid} grid: {shown} {things}"]
    # the cycle index lists every cycle type: refused alone (the symmetric group on many pixels) it is left out
    try:
        terms = cycle_index_terms(group, method=method, force=args.force)
    except TooExpensive as exc:
        payload["cycle_index"] = None
        payload["cycle_index_refused"] = str(exc)
        lines.append(f"cycle index: not listed ({exc})")
    else:
        payload["cycle_index"] = {
            "order": order,
            "terms": [{"count": count, "cycle_type": [[length, m] for length, m in ctype]} for count, ctype in terms],
        }
        lines.append(f"cycle index: {cycle_index_text(group, method=method, force=args.force)}")
    lines.append(f"cycle types: route {total.method}")
    lines.append(f"orbits (Burnside): {int_text(total)}" if colors == 2
                 else f"orbits (Burnside, {colors} colour{plural}): {int_text(total)}")
    if colors == 2:
        by_weight = orbits_by_weight(group, method=method, force=args.force)
        payload["orbits_by_weight"] = {str(k): c for k, c in enumerate(by_weight)}
        lines.append("orbits by weight (Polya):")
        lines += [f"  {k:>4}: {int_text(c)}" for k, c in enumerate(by_weight)]
    if args.by_content:
        by_content = orbits_by_content(group, colors, method=method, force=args.force)
        payload["orbits_by_content"] = [{"content": list(content), "orbits": c} for content, c in by_content.items()]
        lines.append(f"orbits by colour content (Polya; n_i pixels of colour i, i = 0..{colors - 1}):")
        lines += [f"  {','.join(map(str, content))}: {int_text(c)}" for content, c in by_content.items()]
    return payload, "\n".join(lines)
