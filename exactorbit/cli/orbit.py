"""``exactorbit orbit``: orbit, stabilizer and minimal image of one image."""

from ._common import add_group_arguments, group_from_args

HELP = "orbit, stabilizer and minimal image of one image"


def add_arguments(parser):
    """Arguments of ``exactorbit orbit``."""
    add_group_arguments(parser)
    parser.add_argument("--image", default="#../.#./...", help="text image, rows split by '/' (default '#../.#./...')")
    parser.add_argument("--force", action="store_true", help="allow orbits over the default size limit")
    parser.add_argument("--json", action="store_true", help="print JSON")


def run(args):
    """Run ``exactorbit orbit``: returns (payload, text)."""
    from ..actions import orbit, stabilizer
    from ..groups import cycle_string
    from ..images import parse_image, render_block, render_text

    grid, group = group_from_args(args)
    mask = parse_image(args.image, grid)
    orb = orbit(group, mask, force=args.force)
    stab = stabilizer(group, mask, force=args.force)
    payload = {
        "image": render_text(mask, grid),
        "mask": mask,
        "orbit_size": len(orb),
        "stabilizer_order": stab.order(),
        "stabilizer_generators": [list(g) for g in stab.generators],
        "minimal_image": orb[0],
    }
    shown = orb[:12]
    lines = [
        f"image {payload['image']} (mask {mask}) under {group.name} (order {group.order()}) on {grid}",
        f"orbit size {len(orb)} x stabilizer order {stab.order()} = {group.order()}",
        "stabilizer generators: " + (", ".join(cycle_string(g) for g in stab.generators) or "none (trivial)"),
        f"minimal image: {render_text(orb[0], grid)} (mask {orb[0]})",
        f"orbit ({len(orb)} images{', first 12 shown' if len(orb) > 12 else ''}):",
        render_block(shown, grid),
    ]
    return payload, "\n".join(lines)
