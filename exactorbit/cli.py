"""The ``exactorbit`` command line.

Each subcommand prints readable text, or JSON with ``--json``; every number in
JSON is an exact int (probabilities are "p/q" strings).  Bad input prints one
line ``exactorbit: error: ...`` on stderr and exits with code 2, no traceback.

Subcommands defined outside this module are registered in ``_EXTERNAL``: the
module provides ``cli_<name>_arguments(parser)`` and ``cli_<name>(args)``,
which returns ``(payload, text)`` (or an int exit code after printing itself).
"""

import argparse
import importlib
import json
import sys

from .actions import ORBIT_LIMIT, orbit, stabilizer
from .counting import burnside_count, orbits_by_weight
from .errors import ExactOrbitError, InvalidArgument
from .groups import ELEMENT_LIMIT, GROUP_NAMES, cycle_string, from_generators, named_group
from .images import parse_grid, parse_image, render_block, render_text

__all__ = ["main"]

DEFAULT_GRID = "3x3"
DEFAULT_GROUP = "translations+dihedral"
#: Limit used when --force is given.
FORCED_LIMIT = 10**12

#: Subcommands implemented in other modules: name -> (module, help).
_EXTERNAL = {
    "orbits": ("exactorbit.engine", "orbit decomposition of all images: sizes, spectrum, minimal orbits"),
    "networks": ("exactorbit.networks", "tiny binary autoencoders: exact reconstruction probabilities"),
    "tour": ("exactorbit.tour", "the paper's claims checked on a toy case (the main job)"),
    "verify": ("exactorbit.checker", "check certificates independently"),
    "depth": ("exactorbit.depth", "features of features: orbit sizes by layer"),
}


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
    grid = parse_grid(args.grid)
    if args.generators is not None and args.group is not None:
        raise InvalidArgument("give either --group or --generators, not both")
    if args.generators is not None:
        return grid, from_generators(grid, args.generators)
    return grid, named_group(args.group or args._default_group, grid)


def _group_payload(group):
    return {
        "grid": [group.grid.h, group.grid.w],
        "degree": group.n,
        "order": group.order(),
        "generators": [list(g) for g in group.generators],
        "is_abelian": group.is_abelian,
    }


def cmd_group(args):
    grid, group = group_from_args(args)
    payload = _group_payload(group)
    lines = [
        f"group {group.name} on the {grid} grid (degree {group.n})",
        f"order: {payload['order']}",
        f"abelian: {payload['is_abelian']}",
        "generators (0-based cycles):",
    ]
    lines += [f"  {cycle_string(g)}" for g in group.generators] or ["  (none: trivial group)"]
    return payload, "\n".join(lines)


def cmd_orbit(args):
    grid, group = group_from_args(args)
    mask = parse_image(args.image, grid)
    limit = FORCED_LIMIT if args.force else ORBIT_LIMIT
    orb = orbit(group, mask, limit=limit)
    stab = stabilizer(group, mask, limit=limit)
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


def cmd_count(args):
    grid, group = group_from_args(args)
    limit = FORCED_LIMIT if args.force else ELEMENT_LIMIT
    total = burnside_count(group, limit)
    by_weight = orbits_by_weight(group, limit)
    payload = {
        "group_order": group.order(),
        "orbits": total,
        "orbits_by_weight": {str(k): c for k, c in enumerate(by_weight)},
    }
    lines = [
        f"{group.name} (order {group.order()}) on the {grid} grid: {2 ** grid.n} images",
        f"orbits (Burnside): {total}",
        "orbits by weight (Polya):",
    ]
    lines += [f"  {k:>4}: {c}" for k, c in enumerate(by_weight)]
    return payload, "\n".join(lines)


def build_parser():
    """The argparse parser of the exactorbit command."""
    parser = argparse.ArgumentParser(
        prog="exactorbit",
        description="Exact orbits, stabilizers, networks and shadow groups on toy binary images.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("group", help="order, generators and facts of a pixel group")
    add_group_arguments(p)
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(_run=cmd_group)

    p = sub.add_parser("orbit", help="orbit, stabilizer and minimal image of one image")
    add_group_arguments(p)
    p.add_argument("--image", default="#../.#./...", help="text image, rows split by '/' (default '#../.#./...')")
    p.add_argument("--force", action="store_true", help="allow orbits over the default size limit")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(_run=cmd_orbit)

    p = sub.add_parser("count", help="number of orbits of all images (Burnside) and by weight (Polya)")
    add_group_arguments(p)
    p.add_argument("--force", action="store_true", help="allow listing groups over the default size limit")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(_run=cmd_count)

    for name, (module_name, help_text) in _EXTERNAL.items():
        module = importlib.import_module(module_name)
        add = getattr(module, f"cli_{name}_arguments", None)
        run = getattr(module, f"cli_{name}", None)
        if add is None or run is None:
            continue
        p = sub.add_parser(name, help=help_text)
        add(p)
        p.set_defaults(_run=run)
    return parser


def main(argv=None):
    """Run the command line; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        result = args._run(args)
    except ExactOrbitError as exc:
        print(f"exactorbit: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:  # pragma: no cover
        print("exactorbit: interrupted", file=sys.stderr)
        return 130
    if isinstance(result, int):
        return result
    payload, text = result
    try:
        if getattr(args, "json", False):
            print(json.dumps(payload, indent=2))
        else:
            print(text)
        sys.stdout.flush()
    except BrokenPipeError:  # e.g. piped into head
        sys.stderr.close()
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
