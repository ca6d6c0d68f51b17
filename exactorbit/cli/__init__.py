"""The ``exactorbit`` command line: a face over the library, imported by no library module.

Each subcommand is a module of this package with ``HELP``, ``add_arguments(parser)``
and ``run(args)``, which returns ``(payload, text)`` (or an int exit code after
printing itself); :data:`COMMANDS` lists them.  Each prints readable text, or JSON
with ``--json``; every number in JSON is an exact int (probabilities are "p/q"
strings).  Bad input prints one line ``exactorbit: error: ...`` on stderr and exits
with code 2, no traceback.  A subcommand imports the library it needs when it runs,
so ``exactorbit verify`` never imports sympy.
"""

import argparse
import json
import sys

from . import count, depth, group, networks, orbit, orbits, tour, verify

__all__ = ["main", "build_parser", "COMMANDS"]

#: The subcommands, in the order ``exactorbit --help`` lists them: name -> module.
COMMANDS = {
    "group": group,
    "orbit": orbit,
    "count": count,
    "orbits": orbits,
    "networks": networks,
    "tour": tour,
    "verify": verify,
    "depth": depth,
}


def build_parser():
    """The argparse parser of the exactorbit command."""
    parser = argparse.ArgumentParser(
        prog="exactorbit",
        description="Exact orbits, stabilizers, networks and shadow groups on toy binary images.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, module in COMMANDS.items():
        p = sub.add_parser(name, help=module.HELP)
        module.add_arguments(p)
        p.set_defaults(_run=module.run)
    return parser


def main(argv=None):
    """Run the command line; returns the exit code."""
    from ..errors import ExactOrbitError

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
