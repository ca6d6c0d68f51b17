"""``exactorbit orbit``: orbit, stabilizer and minimal image of one image."""

from ._common import (add_examples, add_explain_argument, add_force_argument, add_group_arguments, add_output_arguments,
                      explained, group_from_args, image_arg)

HELP = "orbit, stabilizer and minimal image of one image"


def add_arguments(parser):
    """Arguments of ``exactorbit orbit``."""
    add_group_arguments(parser)
    image = parser.add_mutually_exclusive_group()
    image.add_argument("--image", default=None,
                       help="the image: a text picture, '#' on and '.' off, rows split by '/' (default '#../.#./...'; "
                            "sets the grid when --grid is not given), or an int mask in decimal digits (needs --grid)")
    image.add_argument("--image-file", default=None, metavar="PATH",
                       help="the image from a file: text rows, numpy .npy (a 0/1 array) or PBM (P1/P4)")
    add_force_argument(parser)
    parser.add_argument("--svg", default=None, metavar="FILE",
                        help=f"write the orbit as a gallery of pictures to FILE (SVG; the first {GALLERY} images, "
                             "smallest masks first)")
    add_explain_argument(parser, "the stabilizer of the image (stabilizer)")
    add_output_arguments(parser)
    add_examples(parser, "exactorbit orbit --image '##./.../...'",
                 "exactorbit orbit --grid 3x3 --image 17 --group rotations --format json",
                 "exactorbit orbit --image '#./..' --group translations --svg orbit.svg")


#: Orbits up to this size are listed (the first 12 images drawn); larger ones are only counted.
LISTED_ORBIT = 10_000
#: Images an ``--svg`` gallery draws at most.
GALLERY = 256


def run(args):
    """Run ``exactorbit orbit``: returns (payload, text)."""
    from ..actions import orbit
    from ..groups import cycle_string
    from ..images import render_block, render_text
    from ..stabilizers import minimal_image, stabilizer

    from ..errors import InvalidArgument
    from ..images import parse_grid, read_image_file

    if args.svg is not None:
        _check_svg(args.svg)
    text = "#../.#./..." if args.image is None and args.image_file is None else args.image
    if text is not None:  # one grammar: digits are a mask, anything else a picture (cli/_common.image_arg)
        mask, found = image_arg("--image", text, None if args.grid is None else parse_grid(args.grid))
        args.grid = f"{found.h}x{found.w}"
    else:
        mask, found = read_image_file(args.image_file)
        if args.grid is None:  # the image says its grid
            args.grid = f"{found.h}x{found.w}"
        elif parse_grid(args.grid) != found:
            raise InvalidArgument(f"image is {found} but the grid is {parse_grid(args.grid)}")
    grid, group = group_from_args(args)
    if args.explain:
        from ..stabilizers import routes_for

        return explained(routes_for("stabilizer", group, mask, force=args.force))
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
    if args.svg is not None:
        lines.append(_write_gallery(args.svg, group, mask, size, grid, force=args.force))
    return payload, "\n".join(lines)


def _check_svg(path):
    """Before the work: the --svg name ends in .svg, names no directory, and its directory takes new files."""
    import os

    from .._files import existing_content, probe_directory
    from .._validation import clip
    from ..errors import InvalidArgument

    if not str(path).lower().endswith(".svg"):
        raise InvalidArgument(f"--svg writes an SVG file: its name must end in .svg, got {clip(str(path), 200)!r}")
    try:
        existing_content(path, 0)   # a directory of that name: 'cannot write PATH: Is a directory'
        probe_directory(os.path.dirname(os.path.abspath(path)))
    except InvalidArgument as exc:
        raise InvalidArgument(f"--svg: cannot write {clip(path, 200)}: {str(exc).rpartition(': ')[2]}") from None


def _write_gallery(path, group, mask, size, grid, *, force):
    """Write the orbit gallery (SVG) through the CLI's one file writer; returns the line that says so."""
    import os

    from .._display import gallery_svg
    from ..actions import orbit
    from ..images import render_text
    from ._common import write_output

    if size > LISTED_ORBIT:
        from ..stabilizers import canonical_image

        shown, what = [int(canonical_image(group, mask).image), mask], "its minimal image and the image"
    else:
        shown = list(orbit(group, mask, force=force))[:GALLERY]
        what = f"{len(shown)} of its {size} images"
    title = f"orbit of {render_text(mask, grid)} (mask {mask}) under {group.name} (order {group.order()}): {size} images; {what} drawn"
    write_output(os.fspath(path), gallery_svg(shown, grid, title=title), option="--svg")
    return f"gallery: {path} ({what})"
