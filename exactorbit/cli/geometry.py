"""``exactorbit geometry``: word metrics of finite groups: growth, geodesics, template distances, claims.

Actions (each with ``--format text|json|csv`` and ``--quiet``; numbers are JSON ints, never floats), each on one source of moves
(``--grid G --group NAME``, ``--grid G --generators TEXT``, ``--circuits BITS [--gates NCT|NCTS]``,
``--pancake N``, ``--pocket-cube [--metric quarter|half]``, ``--adjacent N`` or ``--torus G``):

* ``growth [--directed] [--method auto|ranked|python]``: the sphere sizes of the Cayley graph;
* ``geodesic --element CYCLES [--directed] [--method auto|tree|meet_in_the_middle]``: a shortest word;
* ``distance --from IMAGE --to IMAGE [--directed]``: the shortest chain of moves between two images;
* ``claims [--image IMAGE]``: the geometry claims with computed verdicts.
"""

from ._common import (DEFAULT_GRID, GROUP_NAMES, add_examples, add_force_argument, add_output_arguments, claims_table,
                      csv_table, always_say, image_arg, int_arg, wants)

HELP = "word metrics: growth, geodesics (depth = word length), distances between images, claims (exact)"

#: The example lines of each help text (argparse epilogs, :func:`~exactorbit.cli._common.add_examples`).
EXAMPLES = {
    None: ("exactorbit geometry growth --pancake 4",
           "exactorbit geometry geodesic --grid 1x4 --generators '(0 1 2 3);(0 1)' --element '(0 2)' --json"),
    "growth": ("exactorbit geometry growth --pancake 4",
               "exactorbit geometry growth --grid 4x4 --group translations --format csv"),
    "geodesic": ("exactorbit geometry geodesic --adjacent 4 --element '(0 3)'",
                 "exactorbit geometry geodesic --grid 1x4 --generators '(0 1 2 3);(0 1)' --element '[2,1,0,3]' "
                 "--format json"),
    "distance": ("exactorbit geometry distance --grid 4x4 --group translations --from '#.../..../..../....' "
                 "--to '..../..../..../...#'",
                 "exactorbit geometry distance --adjacent 3 --from 1 --to 4 --format csv"),
    "claims": ("exactorbit geometry claims --adjacent 4 --json",
               "exactorbit geometry claims --pancake 4 --format csv"),
}

#: The flags that name a source of moves (exactly one is given).
SOURCES = ("--group", "--generators", "--circuits", "--pancake", "--pocket-cube", "--adjacent", "--torus")

#: Growth bars are at most this many characters wide.
BAR_WIDTH = 50


def add_arguments(parser):
    """Arguments of ``exactorbit geometry``: one action and its source of moves.

    >>> import argparse
    >>> p = argparse.ArgumentParser(); add_arguments(p)
    >>> a = p.parse_args(["growth", "--pancake", "4", "--directed"])
    >>> a.action, a.pancake, a.directed, a.method
    ('growth', 4, True, 'auto')
    """
    add_examples(parser, *EXAMPLES[None])
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    p = actions.add_parser("growth", help="the sphere sizes of the word metric (elements by depth), the diameter")
    _source(p, directed=True)
    p.add_argument("--method", choices=("auto", "ranked", "python"), default="auto",
                   help="route: ranked (a BFS over element ranks), python (tuples in a set), auto (default)")
    _work(p, csv="the table depth,elements")
    p = actions.add_parser("geodesic", help="a shortest word for one element: the depth it needs")
    _source(p, directed=True)
    p.add_argument("--element", required=True, metavar="CYCLES",
                   help="the element: 0-based cycles like '(0 1 2)(3 4)', or an array form like '[1,2,0,4,3]'")
    p.add_argument("--method", choices=("auto", "tree", "meet_in_the_middle"), default="auto",
                   help="route: tree (a BFS tree from the identity), meet_in_the_middle (two searches), auto "
                        "(default)")
    _work(p)
    p = actions.add_parser("distance", help="the shortest chain of moves carrying one image onto another")
    _source(p, directed=True)
    p.add_argument("--from", dest="start", required=True, metavar="IMAGE",
                   help="the first image: text rows split by '/', e.g. '#./..' (sets the grid of --group and "
                        "--generators when --grid is not given)")
    p.add_argument("--to", dest="goal", required=True, metavar="IMAGE", help="the second image, on the same grid")
    add_force_argument(p)
    add_output_arguments(p)
    p = actions.add_parser("claims", help="the geometry claims on one case, with computed verdicts")
    _source(p, directed=False)
    p.add_argument("--image", default=None, metavar="IMAGE",
                   help="the image of the template claims (default: the first two pixels on)")
    add_force_argument(p)
    add_output_arguments(p, csv="one row per claim: id, verdict, statement, summary")
    for name, action in actions.choices.items():
        add_examples(action, *EXAMPLES[name])


def _source(p, *, directed):
    """The source of moves (exactly one, argparse enforces it) and its companions."""
    p.add_argument("--grid", default=None, help=f"with --group or --generators: the grid HxW (default "
                                                f"{DEFAULT_GRID}, or the image's)")
    where = p.add_mutually_exclusive_group(required=True)
    where.add_argument("--group", default=None, metavar="NAME",
                       help=f"a named group ('+'-joined names from {{{', '.join(GROUP_NAMES)}}}); its generators "
                            "are the moves")
    where.add_argument("--generators", default=None, metavar="TEXT",
                       help="the moves, in order: ';'-separated cycles '(0 1 2)(3 4);(0 3)' or a JSON list of "
                            "0-based array forms")
    where.add_argument("--circuits", type=int_arg, default=None, metavar="BITS",
                       help="reversible circuits on BITS wires (1..4): NOT, CNOT, Toffoli gates on the 2^BITS states")
    where.add_argument("--pancake", type=int_arg, default=None, metavar="N",
                       help="prefix reversals of a stack of N pancakes (2..16)")
    where.add_argument("--pocket-cube", action="store_true", help="the 2x2x2 Rubik cube's turns U, R, F")
    where.add_argument("--adjacent", type=int_arg, default=None, metavar="N",
                       help="the adjacent transpositions (i i+1) of 1xN (Coxeter generators of S_N)")
    where.add_argument("--torus", default=None, metavar="G",
                       help="unit moves right and down of the HxW torus (and the quarter turn on a square grid)")
    p.add_argument("--gates", choices=("NCT", "NCTS"), default=None,
                   help="with --circuits: the gate library (default NCT; NCTS adds SWAP gates)")
    p.add_argument("--metric", choices=("quarter", "half"), default=None,
                   help="with --pocket-cube: quarter turns (default) or quarter and half turns")
    if directed:
        p.add_argument("--directed", action="store_true",
                       help="the moves only, not their inverses (the directed Cayley or Schreier graph)")


def _work(p, csv=None):
    add_force_argument(p)
    shown = p.add_mutually_exclusive_group()
    shown.add_argument("--progress", dest="progress", action="store_const", const=True, default=None,
                       help="show a progress bar on stderr (default: only for searches of over 5,000,000 elements)")
    add_output_arguments(p, csv=csv, quiet_into=shown)


def _progress(args):
    """--progress (True), --quiet (False) or neither (None: the search decides by its size)."""
    return False if args.quiet else args.progress


def run(args):
    """Run ``exactorbit geometry ACTION``: returns (payload, text) or (payload, text, exit code)."""
    return {"growth": _growth, "geodesic": _geodesic, "distance": _distance, "claims": _claims}[args.action](args)


def moves(args, image=None):
    """The GeneratingSet the source options name (``image``: a text image whose shape sets a missing --grid).

    >>> import argparse
    >>> a = argparse.Namespace(grid="1x3", group=None, generators="(0 1 2);(0 1)", circuits=None, pancake=None,
    ...                        pocket_cube=False, adjacent=None, torus=None, gates=None, metric=None)
    >>> S = moves(a)
    >>> S.generators, S.names
    (((1, 2, 0), (1, 0, 2)), ('g0', 'g1'))
    """
    from ..errors import InvalidArgument

    given = {"--grid": args.grid, "--gates": args.gates, "--metric": args.metric}
    partner = {"--grid": ("--group", "--generators"), "--gates": ("--circuits",), "--metric": ("--pocket-cube",)}
    chosen = _chosen(args)
    for flag, value in given.items():
        if value is not None and chosen not in partner[flag]:
            raise InvalidArgument(f"{flag} goes with {' or '.join(partner[flag])}, not with {chosen}")
    grid = None if chosen not in ("--group", "--generators") else _grid(args, image)
    try:
        return _build(args, chosen, grid)
    except InvalidArgument as exc:
        if str(exc).startswith(chosen):
            raise
        raise InvalidArgument(f"{chosen}: {exc}") from None


def _chosen(args):
    values = {"--group": args.group, "--generators": args.generators, "--circuits": args.circuits,
              "--pancake": args.pancake, "--pocket-cube": args.pocket_cube or None, "--adjacent": args.adjacent,
              "--torus": args.torus}
    return next(flag for flag in SOURCES if values[flag] is not None)


def _grid(args, image):
    """The grid of --group and --generators: --grid, else the image's shape, else the default."""
    from ..images import parse_grid

    if args.grid is not None:
        return parse_grid(args.grid)
    if image is not None:
        return _image("--from" if getattr(args, "action", None) == "distance" else "--image", image, None)[1]
    return parse_grid(DEFAULT_GRID)


def _build(args, chosen, grid):
    from ..geometry import (adjacent_transpositions, generating_set, pancake, pocket_cube, reversible_circuits,
                            torus_moves)
    from ..groups import PixelGroup, named_group, parse_generators

    if chosen == "--circuits":
        return reversible_circuits(args.circuits, args.gates or "NCT")
    if chosen == "--pancake":
        return pancake(args.pancake)
    if chosen == "--pocket-cube":
        return pocket_cube(args.metric or "quarter")
    if chosen == "--adjacent":
        return adjacent_transpositions(args.adjacent)
    if chosen == "--torus":
        return torus_moves(args.torus)
    if chosen == "--group":
        return generating_set(named_group(args.group, grid))
    gens = parse_generators(args.generators, grid.n)
    return generating_set(PixelGroup(grid, gens), gens)


def _legend(S):
    from ..groups import cycle_string

    shown = [f"{name} = {cycle_string(g)}" for name, g in zip(S.names, S.generators)]
    more = len(shown) - 12
    return "moves: " + "; ".join(shown[:12]) + (f"; ... ({more} more)" if more > 0 else "")


def _growth(args):
    from ..geometry import growth

    S = moves(args)
    g = growth(S, inverses=not args.directed, method=args.method, progress=_progress(args), force=args.force)
    payload = g.to_dict()
    payload["generators"] = list(g.moves)
    if wants(args, "csv"):
        return payload, csv_table(["depth", "elements"], list(enumerate(g.spheres)))
    kind = "directed Cayley graph: the moves only" if g.directed else "Cayley graph: the moves and their inverses"
    lines = [f"{S.title} on {S.grid}: order {g.order}, diameter {g.diameter} (route {g.method}; {kind})",
             _legend(S), f"{'depth':>5} {'elements':>12}"]
    top = max(g.spheres)
    for d, s in enumerate(g.spheres):
        bar = "#" * max(1, (s * BAR_WIDTH + top - 1) // top)
        lines.append(f"{d:>5} {s:>12}  {bar}")
    return payload, "\n".join(lines)


def _element(S, text):
    """--element as an array-form tuple in S's group (cycles, a flat JSON array form, or a JSON list of one)."""
    from .._validation import short
    from ..errors import InvalidArgument
    from ..groups import cycle_string, parse_generators

    body = text.strip()
    if body.startswith("[") and not body[1:].lstrip().startswith("["):
        body = f"[{body}]"  # one array form
    try:
        parsed = parse_generators(body, S.n)
    except InvalidArgument as exc:
        said = str(exc)
        said = said[len("generator 0 "):] if said.startswith("generator 0 ") else f": {said}"
        raise InvalidArgument(f"--element {said}".replace(" : ", ": ")) from None
    if len(parsed) != 1:
        raise InvalidArgument(f"--element must be one permutation, got {len(parsed)}: {short(text)}")
    g = parsed[0]
    if not S.group.contains(g):
        raise InvalidArgument(f"--element {cycle_string(g)} is not in the group generated by {S.title} "
                              f"(order {S.group.order()})")
    return g


def _geodesic(args):
    from ..geometry import geodesic
    from ..groups import cycle_string

    S = moves(args)
    g = _element(S, args.element)
    geo = geodesic(S, g, inverses=not args.directed, method=args.method, progress=_progress(args), force=args.force)
    payload = geo.to_dict()
    payload["element"] = cycle_string(geo.element)
    lines = [f"{S.title} on {S.grid}" + (" (the moves only, no inverses)" if args.directed else ""),
             _legend(S),
             f"element {payload['element']}: word length {geo.length} (route {geo.method})",
             "word: " + (" ".join(geo.names) or "empty (the identity)")]
    return payload, "\n".join(lines)


def _distance(args):
    import re

    from ..errors import InvalidArgument
    from ..geometry import image_distance
    from ..images import render_block

    S = moves(args, image=args.start)
    x, y = (_image(flag, text, S.grid) for flag, text in (("--from", args.start), ("--to", args.goal)))
    try:
        r = image_distance(S, x, y, inverses=not args.directed, force=args.force)
    except InvalidArgument as exc:
        if "not in the same orbit" not in str(exc):
            raise
        reason = re.sub(r"\by\b", "--to", re.sub(r"\bx\b", "--from", str(exc)))
        always_say(f"exactorbit: error: {reason}")
        return {"distance": None, "path": [], "reason": reason}, "", 2
    payload = r.to_dict()
    steps = " -> ".join(r.move_names[k] for k in r.moves) or "no move (the same image)"
    lines = [f"{S.title} on {S.grid}" + (" (the moves only, no inverses)" if args.directed else ""),
             f"distance {r.distance}: {steps}", "path (masks " + ", ".join(str(m) for m in r.path) + "):"]
    lines.append(render_block(list(r.path[:12]), S.grid))
    if len(r.path) > 12:
        lines.append(f"... ({len(r.path) - 12} more images)")
    return payload, "\n".join(lines)


def _image(flag, text, grid):
    """The mask (grid given) or (mask, grid) (grid None) of one image argument: cli/_common.image_arg's grammar."""
    mask, found = image_arg(flag, text, grid)
    return mask if grid is not None else (mask, found)


def _claims(args):
    from ..geometry import geometry_claims
    S = moves(args, image=args.image)
    image = None if args.image is None else _image("--image", args.image, S.grid)
    claims = geometry_claims(S, image=image, force=args.force)
    payload = {"claims": [_jsonable(c.as_dict()) for c in claims]}
    if wants(args, "csv"):
        return payload, claims_table(claims)
    lines = [f"{S.title} on {S.grid}"]
    lines += [f"{c.id}: {c.verdict} - {c.statement}" + (f"\n    {c.summary}" if c.summary else "") for c in claims]
    return payload, "\n".join(lines)


def _jsonable(value):
    """Evidence as JSON: tuples as lists, Fractions as "p/q" strings, keys as strings.

    >>> from fractions import Fraction
    >>> _jsonable({1: (Fraction(1, 2), [3])})
    {'1': ['1/2', [3]]}
    """
    from fractions import Fraction

    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, Fraction):
        return f"{value.numerator}/{value.denominator}"
    return value
