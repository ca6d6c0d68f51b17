"""What every subcommand shares: --grid/--group/--generators, and the group they name."""

DEFAULT_GRID = "3x3"
DEFAULT_GROUP = "translations+dihedral"
#: The names --group accepts (exactorbit.groups.GROUP_NAMES; kept here so that building the
#: parser imports no sympy; a test holds the two equal).
GROUP_NAMES = ("translations", "rotations", "reflections", "dihedral", "symmetric", "trivial")
#: The names --group accepts on a 1 x N strip only (exactorbit.groups.STRIP_GROUP_NAMES).
STRIP_GROUP_NAMES = ("necklace", "bracelet")


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


def add_output_arguments(parser, *, csv=False):
    """Add --json, and --format text|json[|csv] (``csv`` for subcommands that print a table)."""
    parser.add_argument("--json", action="store_true", help="print JSON (the same as --format json)")
    choices = ["text", "json", "csv"] if csv else ["text", "json"]
    parser.add_argument("--format", choices=choices, default=None,
                        help=f"output format: {', '.join(choices)} (default text)")


def add_parallel_arguments(parser):
    """``--workers N`` / ``--scheduler ADDR``: run the chunked enumeration on Dask (extra exactorbit[dask])."""
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--workers", type=int_arg, default=None, metavar="N",
                       help="run the enumeration on a local Dask cluster of N processes (pip install 'exactorbit[dask]')")
    where.add_argument("--scheduler", default=None, metavar="ADDR",
                       help="run the enumeration on a running Dask scheduler, e.g. tcp://host:8786")


def add_explain_argument(parser, question):
    """``--explain``: print which routes answer the question, why the others do not, their estimates and the
    route 'auto' takes (``exactorbit.routes``), without answering it."""
    parser.add_argument("--explain", action="store_true",
                        help=f"do not answer: say which routes of {question} apply to this input, why the others "
                             "do not, their estimates, and which one --method auto takes")


def explained(table):
    """(payload, text) of a ``--explain`` answer: the route table, JSON-ready and as text."""
    return table.to_dict(), str(table)


def wants(args, fmt):
    """Whether the output format asked for is ``fmt`` (--json counts as --format json)."""
    chosen = getattr(args, "format", None) or ("json" if getattr(args, "json", False) else "text")
    return chosen == fmt


def csv_text(header, rows):
    """CSV text (RFC 4180 quoting, '\\n' line ends) of a header and rows.

    >>> print(csv_text(["a", "b"], [[1, "x,y"]]), end="")
    a,b
    1,"x,y"
    """
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def add_group_arguments(parser, *, default_group=DEFAULT_GROUP, default_grid=DEFAULT_GRID):
    """Add --grid, --group, --generators and --gap to a parser (--grid None means: the default, or the image's)."""
    parser.add_argument("--grid", default=None, help=f"grid HxW (default {default_grid})")
    parser.add_argument(
        "--group",
        default=None,
        help=f"'+'-joined names from {{{', '.join(GROUP_NAMES)}}}, on a 1xN strip also {{{', '.join(STRIP_GROUP_NAMES)}}} "
             f"(default {default_group})",
    )
    parser.add_argument(
        "--generators",
        default=None,
        help="instead of --group: JSON list of 0-based array forms, or ';'-separated cycles '(0 1 2)(3 4);(0 3)'",
    )
    parser.add_argument(
        "--gap",
        default=None,
        metavar="GAP_GROUP",
        help="instead of --group: GAP's 1-based generators, e.g. 'Group([(1,2,3),(4,5)])' (as exactorbit group "
             "prints them)",
    )
    parser.set_defaults(_default_group=default_group, _default_grid=default_grid)


def group_from_args(args):
    """The grid and the PixelGroup that --grid/--group/--generators name."""
    from ..errors import InvalidArgument
    from ..groups import from_generators, named_group
    from ..images import parse_grid

    grid = parse_grid(args.grid if args.grid is not None else args._default_grid)
    given = [flag for flag, value in (("--group", args.group), ("--generators", args.generators),
                                      ("--gap", getattr(args, "gap", None))) if value is not None]
    if len(given) > 1:
        raise InvalidArgument(f"give one of --group, --generators or --gap, not {' and '.join(given)}")
    if args.generators is not None:
        return grid, from_generators(grid, args.generators)
    if getattr(args, "gap", None) is not None:
        from ..gap import from_gap

        return grid, from_gap(args.gap, grid)
    return grid, named_group(args._default_group if args.group is None else args.group, grid)


#: The one help text of --force, on every subcommand that has it.
FORCE_HELP = "run past the default size limits (a refusal names its estimate, the limit and this flag)"


def add_force_argument(parser):
    """Add --force with the one help text (:data:`FORCE_HELP`)."""
    parser.add_argument("--force", action="store_true", help=FORCE_HELP)


def image_arg(flag, text, grid=None):
    """The one grammar of an image on the command line: ``(mask, grid)``.

    Decimal digits only: an int mask, as the CLI prints them (pixel i on when bit i is set); it needs the grid.
    Anything else: a text picture, ``#`` (or ``1``) on and ``.`` (or ``0``) off, rows split by ``/``; its shape is
    the grid when none is given. So ``10`` is the mask 10, never the picture ``#.`` (write ``#.`` or ``1/0``).

    >>> image_arg("--image", "10", "3x3")
    (10, Grid(h=3, w=3))
    >>> image_arg("--image", "#./.#")
    (9, Grid(h=2, w=2))
    >>> image_arg("--image", "10")
    Traceback (most recent call last):
    ...
    exactorbit.errors.InvalidArgument: --image '10' is read as an int mask (digits only), which needs --grid (e.g. --grid 3x3); a picture is written with '#' and '.', rows split by '/'
    """
    from .._validation import check_mask, parse_int_text, short
    from ..errors import InvalidArgument
    from ..images import parse_grid, parse_image

    grid = None if grid is None else parse_grid(grid)
    item = text.strip()
    if item.isascii() and item.isdigit():
        if grid is None:
            raise InvalidArgument(f"{flag} {short(item)} is read as an int mask (digits only), which needs --grid "
                                  f"(e.g. --grid 3x3); a picture is written with '#' and '.', rows split by '/'")
        return check_mask(flag, parse_int_text(item, max_digits=1240, what=flag), grid.n), grid
    try:
        if grid is not None:
            return parse_image(text, grid), grid
        return parse_image(text)
    except InvalidArgument as exc:
        raise InvalidArgument(f"{flag}: {exc}") from None


def note(line):
    """One line on stderr that cannot end the run: a full or closed stderr (``2>/dev/full``) is ignored.

    The command says on stderr what it wrote; a failure to say so must not turn a
    finished run into an error.
    """
    import sys

    try:
        if sys.stderr is not None:
            print(line, file=sys.stderr, flush=True)
    except (OSError, ValueError):
        pass


def write_output(path, data, *, option=None, overwrite=True, overwrite_flag="--overwrite"):
    """Every file the command line writes goes here: atomically, with the umask, one error line on failure.

    Returns 'new', 'same' or 'replaced' (exactorbit._files.write_file).  A refusal of
    the operating system is an InvalidArgument ``OPTION: cannot write PATH: REASON``,
    which the dispatcher prints as one ``exactorbit: error:`` line with exit code 2.

    >>> import tempfile, os
    >>> write_output(os.path.join(tempfile.mkdtemp(), "g.svg"), "<svg/>")
    'new'
    >>> write_output("/proc/a.svg", "<svg/>", option="--svg")
    Traceback (most recent call last):
    ...
    exactorbit.errors.InvalidArgument: --svg: cannot write /proc/a.svg: No such file or directory
    """
    from .._files import write_file
    from ..errors import InvalidArgument

    try:
        return write_file(path, data, overwrite=overwrite, flag=overwrite_flag)
    except InvalidArgument as exc:
        if option is None:
            raise
        raise InvalidArgument(f"{option}: {exc}") from None
