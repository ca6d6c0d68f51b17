"""``exactorbit orbit``: orbit, stabilizer and minimal image of one image."""

from ._common import add_group_arguments, group_from_args

HELP = "orbit, stabilizer and minimal image of one image"


def add_arguments(parser):
    """Arguments of ``exactorbit orbit``."""
    add_group_arguments(parser)
    parser.add_argument("--image", default="#../.#./...", help="text image, rows split by '/' (default '#../.#./...')")
    parser.add_argument("--force", action="store_true", help="allow orbits over the default size limit")
    parser.add_argument("--json", action="store_true", help="print JSON")


#: Orbits up to this size are listed (the first 12 images drawn); larger ones are only counted.
LISTED_ORBIT = 10_000


def run(args):
    """Run ``exactorbit orbit``: returns (payload, text)."""
    from ..actions import orbit
    from ..groups import cycle_string
    from ..images import parse_image, render_block, render_text
    from ..stabilizers import minimal_image, stabilizer

    grid, group = group_from_args(args)
    mask = parse_image(args.image, grid)
    stab = stabilizer(group, mask, force=args.force)
    size = group.order() // stab.order()
    least = minimal_image(group, mask, force=args.force)
    payload = {
        "image": render_text(mask, grid),
        "mask": mask,
        "orbit_size": size,
        "stabilizer_order": stab.order(),
        "stabilizer_generators": [list(g) for g in stab.generators],
        "minimal_image": int(least),
        "method": stab.method,
    }
    lines = [
        f"image {payload['image']} (mask {mask}) under {group.name} (order {group.order()}) on {grid}",
        f"orbit size {size} x stabilizer order {stab.order()} = {group.order()}",
        "stabilizer generators: " + (", ".join(cycle_string(g) for g in stab.generators) or "none (trivial)"),
        f"minimal image: {render_text(least, grid)} (mask {least})",
    ]
    if size <= LISTED_ORBIT:
        shown = orbit(group, mask, force=args.force)[:12]
        lines += [f"orbit ({size} images{', first 12 shown' if size > 12 else ''}):", render_block(shown, grid)]
    else:
        lines.append(f"orbit: {size} images, not listed (more than {LISTED_ORBIT}); route: {stab.method}")
    return payload, "\n".join(lines)
