"""What every subcommand shares: --grid/--group/--generators, and the group they name."""

DEFAULT_GRID = "3x3"
DEFAULT_GROUP = "translations+dihedral"
#: The names --group accepts (exactorbit.groups.GROUP_NAMES; kept here so that building the
#: parser imports no sympy; a test holds the two equal).
GROUP_NAMES = ("translations", "rotations", "reflections", "dihedral", "symmetric", "trivial")


def int_arg(text):
    """argparse type: a decimal int of at most 18 digits (read before Python's digit limit applies).

    >>> int_arg("-3")
    -3
    >>> int_arg("9" * 30)
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: expected an int of at most 18 digits, got 30 digits
    """
    import argparse

    body = text.strip()
    digits = body[1:] if body[:1] in "+-" else body
    if not (digits.isascii() and digits.isdigit()):
        shown = text if len(text) <= 40 else text[:37] + "..."
        raise argparse.ArgumentTypeError(f"expected an int, got {shown!r}")
    if len(digits) > 18:
        raise argparse.ArgumentTypeError(f"expected an int of at most 18 digits, got {len(digits)} digits")
    return int(body)


def add_group_arguments(parser, *, default_group=DEFAULT_GROUP, default_grid=DEFAULT_GRID):
    """Add --grid, --group and --generators to a parser."""
    parser.add_argument("--grid", default=default_grid, help=f"grid HxW (default {default_grid})")
    parser.add_argument(
        "--group",
        default=None,
        help=f"'+'-joined names from {{{', '.join(GROUP_NAMES)}}} (default {default_group})",
    )
    parser.add_argument(
        "--generators",
        default=None,
        help="instead of --group: JSON list of 0-based array forms, or ';'-separated cycles '(0 1 2)(3 4);(0 3)'",
    )
    parser.set_defaults(_default_group=default_group)


def group_from_args(args):
    """The grid and the PixelGroup that --grid/--group/--generators name."""
    from ..errors import InvalidArgument
    from ..groups import from_generators, named_group
    from ..images import parse_grid

    grid = parse_grid(args.grid)
    if args.generators is not None and args.group is not None:
        raise InvalidArgument("give either --group or --generators, not both")
    if args.generators is not None:
        return grid, from_generators(grid, args.generators)
    return grid, named_group(args._default_group if args.group is None else args.group, grid)
