"""What every subcommand shares: --grid/--group/--generators and the group they name, the output options
(--format text|json|csv, --json, --quiet), the examples of each --help, and the one help text of --force."""

import sys

DEFAULT_GRID = "3x3"
DEFAULT_GROUP = "translations+dihedral"
#: The defaults of the network and depth options, the same in every subcommand that has them
#: (tests/cli/test_interface.py collects each option's default from every --help and compares them).
DEFAULT_LAYERS = 3
DEFAULT_HIDDEN = 1
DEFAULT_ALPHABET = "-1,0,1"
#: An example line of a --help that takes too long for the test that runs every example ends with this comment.
SLOW = "# slow"
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


def add_output_arguments(parser, *, csv=None, quiet_into=None):
    """Add the output options every subcommand shares: ``--format text|json|csv``, ``--json`` (the same as
    ``--format json``) and ``--quiet`` (no progress bars or notes on stderr; errors, and what the run wrote to
    files, are still said).

    ``csv`` says what the CSV holds (a subcommand that prints a table: the table); without it the CSV
    is the JSON flattened, one ``field,value`` row per value (:func:`payload_csv`). ``quiet_into``: the
    argument group that gets ``--quiet`` (a mutually exclusive group with ``--progress``).

    >>> import argparse
    >>> p = argparse.ArgumentParser(); add_output_arguments(p)
    >>> a = p.parse_args(["--format", "csv", "--quiet"]); a.format, a.quiet, a.json
    ('csv', True, False)
    """
    what = csv or "the JSON flattened: one field,value row per value"
    parser.add_argument("--format", choices=("text", "json", "csv"), default=None,
                        help=f"output format: text (default), json (exact ints, fractions as 'p/q' strings), csv ({what})")
    parser.add_argument("--json", action="store_true", help="print JSON (the same as --format json)")
    (quiet_into or parser).add_argument("--quiet", action="store_true",
                                        help="no progress bars or notes on stderr (errors, and what was written to files, are "
                                             "still said)")


def add_examples(parser, *lines):
    """End ``parser``'s --help with an ``examples:`` section: runnable command lines, kept as written.

    A line that takes more than a few seconds ends with the comment :data:`SLOW` (the test that runs
    every example skips it).

    >>> import argparse
    >>> p = argparse.ArgumentParser(prog="exactorbit count"); add_examples(p, "exactorbit count --grid 1x6")
    >>> p.format_help().splitlines()[-2:]
    ['examples:', '  exactorbit count --grid 1x6']
    """
    import argparse

    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = "examples:\n" + "\n".join(f"  {line}" for line in lines)


def example_lines(parser):
    """The example command lines at the end of ``parser``'s --help (:func:`add_examples`).

    >>> import argparse
    >>> p = argparse.ArgumentParser(); add_examples(p, "exactorbit group", "exactorbit tour --untied  # slow")
    >>> example_lines(p)
    ['exactorbit group', 'exactorbit tour --untied  # slow']
    """
    text = parser.epilog or ""
    if not text.startswith("examples:"):
        return []
    return [line.strip() for line in text.splitlines()[1:] if line.strip().startswith("exactorbit")]


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


class CsvText(str):
    """The CSV a subcommand printed as its table (:func:`csv_table`); without one, the dispatcher prints
    :func:`payload_csv` of the JSON."""


def csv_table(header, rows):
    """The table a subcommand prints with ``--format csv``: :func:`csv_text` without its last line end.

    >>> t = csv_table(["orbit_size", "orbits"], [[1, 2], [4, 1]]); print(t); isinstance(t, CsvText)
    orbit_size,orbits
    1,2
    4,1
    True
    """
    return CsvText(csv_text(header, [[csv_cell(v) for v in row] for row in rows]).rstrip("\n"))


def csv_cell(value, key=None):
    """One CSV cell: a grid ``[h, w]`` (``key`` 'grid') as ``HxW``, a list of numbers or words space-separated,
    True/False as true/false, None empty, anything nested as compact JSON.

    >>> [csv_cell([4, 4], "grid"), csv_cell([-1, 0, 1]), csv_cell(True), csv_cell(None), csv_cell([[0, 1], [1, 0]])]
    ['4x4', '-1 0 1', 'true', '', '[[0,1],[1,0]]']
    """
    import json

    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        if key == "grid" and len(value) == 2 and all(isinstance(v, int) for v in value):
            return f"{value[0]}x{value[1]}"
        if all(isinstance(v, (int, str)) and not isinstance(v, bool) and " " not in str(v) for v in value):
            return " ".join(map(str, value))
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, separators=(",", ":"))
    return value


def claims_table(claims):
    """The CSV of claims (Claim objects): one row each, id, verdict, statement, summary.

    >>> from exactorbit.claims import Claim
    >>> print(claims_table([Claim("C0", "a statement", "holds", {}, "holds: all fine")]))
    id,verdict,statement,summary
    C0,holds,a statement,holds: all fine
    """
    return csv_table(["id", "verdict", "statement", "summary"],
                     [[c.id, c.verdict, c.statement, c.summary] for c in claims])


def payload_csv(payload):
    """CSV of a JSON payload that is no table: one ``field,value`` row per value, nested fields dotted
    (``claims.0.verdict``); a list of flat records is a table, one row per record.

    >>> print(payload_csv({"grid": [2, 2], "order": 8, "facts": {"abelian": False}}))
    field,value
    grid,2x2
    order,8
    facts.abelian,false
    >>> print(payload_csv([{"file": "a.json", "ok": True}, {"file": "b.json", "ok": False}]))
    file,ok
    a.json,true
    b.json,false
    """
    if isinstance(payload, list) and payload and all(isinstance(r, dict) for r in payload):
        header = list(dict.fromkeys(k for r in payload for k in r))
        return csv_table(header, [[csv_cell(r.get(k), k) for k in header] for r in payload])
    rows = []

    def walk(prefix, value, key):
        if isinstance(value, dict) and value:
            for k, v in value.items():
                walk(f"{prefix}.{k}" if prefix else str(k), v, str(k))
        elif isinstance(value, list) and value and any(isinstance(v, dict) for v in value):
            for i, v in enumerate(value):
                walk(f"{prefix}.{i}" if prefix else str(i), v, key)
        else:
            rows.append([prefix or "value", csv_cell(value, key)])

    walk("", payload, None)
    return csv_table(["field", "value"], rows)


#: The real stderr while --quiet mutes it (:func:`muted`): error lines still reach it (:func:`always_say`).
_REAL_STDERR: list = []


def muted(quiet):
    """A context in which, with ``quiet``, stderr is swallowed while a subcommand runs (progress bars, notes),
    while :func:`always_say` still reaches the real stderr; without ``quiet`` nothing changes.

    >>> import sys
    >>> with muted(True):
    ...     print("progress", file=sys.stderr)
    """
    from contextlib import contextmanager

    @contextmanager
    def context():
        if not quiet:
            yield
            return
        import os

        with open(os.devnull, "w", encoding="utf-8") as sink:
            _REAL_STDERR.append(sys.stderr)
            sys.stderr = sink
            try:
                yield
            finally:
                sys.stderr = _REAL_STDERR.pop()

    return context()


def always_say(line):
    """One line on stderr that --quiet does not silence (:func:`muted`): an error, or what the run did to the
    user's files (written, replaced, left alone); a closed stderr is ignored."""
    stream = _REAL_STDERR[-1] if _REAL_STDERR else sys.stderr
    try:
        if stream is not None:
            print(line, file=stream, flush=True)
    except (OSError, ValueError):
        pass


def add_group_arguments(parser, *, default_group=DEFAULT_GROUP, default_grid=DEFAULT_GRID, why=None):
    """Add --grid, --group, --generators and --gap to a parser (--grid None means: the default, or the image's).

    A default grid other than :data:`DEFAULT_GRID` says why in the help (``why``).
    """
    if default_grid == DEFAULT_GRID:
        grid_help = f"grid HxW (default {default_grid})"
    else:
        grid_help = f"grid HxW (default {default_grid}, not the {DEFAULT_GRID} of the other commands: {why})"
    parser.add_argument("--grid", default=None, help=grid_help)
    parser.add_argument(
        "--group",
        default=None,
        help=f"'+'-joined names from {{{', '.join(GROUP_NAMES)}}}, on a 1xN strip also {{{', '.join(STRIP_GROUP_NAMES)}}} "
             f"(default {default_group})",
    )
    parser.add_argument(
        "--generators",
        default=None,
        help="instead of --group: JSON list of 0-based array forms, or ';'-separated cycles '(0 1 2)(3 4);(0 3)' "
             f"(give --grid too: the grid is not read from them; default {default_grid})",
    )
    parser.add_argument(
        "--gap",
        default=None,
        metavar="GAP_GROUP",
        help="instead of --group: GAP's 1-based generators, e.g. 'Group([(1,2,3),(4,5)])' (as exactorbit group "
             f"prints them; give --grid too: the grid is not read from them; default {default_grid})",
    )
    parser.set_defaults(_default_grid=default_grid, _default_group=default_group)


def group_from_args(args):
    """The grid and the PixelGroup that --grid/--group/--generators/--gap name.

    Generators given without --grid act on the default grid; when they do not fit it, the error says that the
    grid defaulted and how to pass one.
    """
    from ..errors import InvalidArgument
    from ..groups import from_generators, named_group
    from ..images import parse_grid

    grid = parse_grid(args.grid if args.grid is not None else args._default_grid)
    given = [flag for flag, value in (("--group", args.group), ("--generators", args.generators),
                                      ("--gap", getattr(args, "gap", None))) if value is not None]
    if len(given) > 1:
        raise InvalidArgument(f"give one of --group, --generators or --gap, not {' and '.join(given)}")
    if not given:
        return grid, named_group(args._default_group, grid)
    try:
        if args.generators is not None:
            return grid, from_generators(grid, args.generators)
        if getattr(args, "gap", None) is not None:
            from ..gap import from_gap

            return grid, from_gap(args.gap, grid)
        return grid, named_group(args.group, grid)
    except InvalidArgument as exc:
        if args.grid is not None or given[0] == "--group":
            raise
        raise InvalidArgument(f"{exc}; {defaulted_grid_hint(given[0], args.generators or args.gap, grid)}") from None


def defaulted_grid_hint(flag, text, grid):
    """What to do when generators did not fit the grid they got by default: the grid it was, and a --grid to pass.

    >>> defaulted_grid_hint("--gap", "Group([(1,2,3,4,5,6,7,8,9,10)])", "3x3")
    '--grid was not given, so the grid defaulted to 3x3 (9 pixels); pass the grid the generators act on, e.g. --grid 2x5 (10 pixels)'
    """
    import re

    from ..images import parse_grid

    grid = parse_grid(grid)
    numbers = [int(t) for t in re.findall(r"\d{1,6}", str(text))]
    body = str(text).strip()
    if flag == "--gap":
        need = max(numbers, default=0)                          # 1-based points
    elif body.startswith("[["):
        need = len(body.split("]", 1)[0].split(","))           # the length of the first array form
    else:
        need = max(numbers, default=-1) + 1                     # 0-based cycles
    said = f"--grid was not given, so the grid defaulted to {grid} ({grid.n} pixels); pass the grid the generators act on"
    if need < 1 or need == grid.n:
        return f"{said} with --grid HxW"
    from math import isqrt

    h = max(d for d in range(1, isqrt(need) + 1) if need % d == 0)   # the squarest grid of that many pixels
    return f"{said}, e.g. --grid {h}x{need // h} ({need} pixels)"


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
