"""``exactorbit orbit``: orbit, stabilizer and minimal image of one image."""

from ._common import add_group_arguments, add_output_arguments, group_from_args

HELP = "orbit, stabilizer and minimal image of one image"


def add_arguments(parser):
    """Arguments of ``exactorbit orbit``."""
    add_group_arguments(parser)
    image = parser.add_mutually_exclusive_group()
    image.add_argument("--image", default=None,
                       help="text image, rows split by '/' (default '#../.#./...'); sets the grid when --grid is not given")
    image.add_argument("--image-file", default=None, metavar="PATH",
                       help="the image from a file: text rows, numpy .npy (a 0/1 array) or PBM (P1/P4)")
    parser.add_argument("--force", action="store_true", help="allow orbits over the default size limit")
    add_output_arguments(parser)


#: Orbits up to this size are listed (the first 12 images drawn); larger ones are only counted.
LISTED_ORBIT = 10_000


def run(args):
    """Run ``exactorbit orbit``: returns (payload, text)."""
    from ..actions import orbit
    from ..groups import cycle_string
    from ..images import parse_image, render_block, render_text
    from ..stabilizers import minimal_image, stabilizer

    from ..errors import InvalidArgument
    from ..images import parse_grid, read_image_file

    text = "#../.#./..." if args.image is None and args.image_file is None else args.image
    if args.grid is not None and text is not None:
        mask = parse_image(text, parse_grid(args.grid))   # says "image is AxB but the grid is CxD"
    else:
        mask, found = read_image_file(args.image_file) if text is None else parse_image(text)
        if args.grid is None:  # the image says its grid
            args.grid = f"{found.h}x{found.w}"
        elif parse_grid(args.grid) != found:
            raise InvalidArgument(f"image is {found} but the grid is {parse_grid(args.grid)}")
    grid, group = group_from_args(args)
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
