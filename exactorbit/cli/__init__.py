"""The ``exactorbit`` command line: a face over the library, imported by no library module.

Each subcommand is a module of this package with ``HELP``, ``add_arguments(parser)``
and ``run(args)``, which returns ``(payload, text)`` or ``(payload, text, code)``;
:func:`commands` lists them.  Each prints readable text, JSON (``--format json``, or
``--json``) or CSV (``--format csv``: the subcommand's table, or its JSON flattened into
``field,value`` rows); every number in JSON is an exact int of any size (probabilities are
"p/q" strings).  ``--quiet`` silences progress bars and notes on stderr, never an error;
each ``--help`` ends with runnable examples.

What the user sees, whatever happens (exit codes: :data:`EXIT_CODES`):

* success: exit code 0; a claim or certificate found false (``verify``): 1;
* bad input, or a file the operating system will not read or write (a full disk, a
  directory in the way, ``/proc``): one line ``exactorbit: error: ...`` on stderr, exit code 2;
* Ctrl-C: one line ``exactorbit: interrupted``, exit code 130, no partial file.  When the
  command starts with SIGINT ignored (a background job of a non-interactive shell,
  ``nohup``), it keeps ignoring it, as POSIX asks of background jobs: end it with SIGTERM;
* a closed standard output (``>&-``): one line on stderr, exit code 2 (nothing can be
  printed); a reader that goes away (``| head -1``): the output ends quietly, exit code 0;
* anything unforeseen: one line ``exactorbit: internal error: ...`` and exit code 70
  (EX_SOFTWARE: a bug, the last line of defence; the fuzz suite asserts it never shows).

A subcommand imports the library it needs when it runs, so ``exactorbit verify``
never imports sympy.
"""

import sys

__all__ = ["main", "build_parser", "commands", "EXIT_CODES"]

#: What each exit code of the command means.
EXIT_CODES = {0: "success", 1: "a claim or certificate is false (verify)", 2: "refused input or file",
              70: "internal error (a bug: please report it)", 130: "interrupted (Ctrl-C)"}
#: The exit code of the last line of defence (sysexits.h's EX_SOFTWARE), distinct from refused input.
INTERNAL_ERROR = 70

#: Options whose value may start with '-' (``--alphabet -1,0,1``): argparse would take it for an option.
_DASH_VALUES = ("--alphabet",)


def commands():
    """The subcommands, in the order ``exactorbit --help`` lists them: name -> module."""
    from . import count, depth, geometry, group, hierarchy, interactions, networks, orbit, orbits, tour, verify

    return {"group": group, "orbit": orbit, "count": count, "orbits": orbits,
            "networks": networks, "tour": tour, "verify": verify, "depth": depth, "hierarchy": hierarchy,
            "interactions": interactions, "geometry": geometry}


def build_parser(only=None):
    """The argparse parser of the exactorbit command (usage errors: one line, exit code 2).

    ``only``: the subcommand about to run; the others get their one-line help but no arguments (their parsers
    cost most of a short command's start-up).
    """
    import argparse

    class OneLineParser(argparse.ArgumentParser):
        def error(self, message):
            from .._validation import clip

            _say(f"{self.prog}: error: {clip(message, 300)} (see {self.prog} --help)")
            raise SystemExit(2)

    parser = OneLineParser(
        prog="exactorbit",
        description="Exact orbits, stabilizers, networks and shadow groups on toy binary images.",
    )
    from ._common import add_examples

    add_examples(parser, "exactorbit tour --grid 2x2", "exactorbit count --grid 1x6 --group bracelet --colors 3",
                 "exactorbit orbit --image '##./.../...' --format json",
                 "exactorbit tour  # slow: the default 3x3 case, about 7 s")
    from .._version import __version__

    parser.add_argument("--version", action="version", version=f"exactorbit {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    parser.commands = {}
    for name, module in commands().items():
        p = sub.add_parser(name, help=module.HELP, description=module.HELP)
        if only is None or name == only:
            module.add_arguments(p)
        p.set_defaults(_run=module.run)
        parser.commands[name] = p
    return parser


def _parse(parser, argv):
    """argparse's parse_args, with an unknown option reported by the subcommand that got it (its own --help)."""
    args, extra = parser.parse_known_args(argv)
    if extra:   # said by the subcommand's own parser, or its action's (geometry growth)
        _owner(parser, args).error(f"unrecognized arguments: {' '.join(extra)}")
    if getattr(args, "json", False) and getattr(args, "format", None) not in (None, "json"):
        _owner(parser, args).error(f"--json is --format json: give one of --json and --format {args.format}")
    return args


def _owner(parser, args):
    """The parser of the subcommand (or its action) that ``args`` came from: its --help is the one to read."""
    owner = parser.commands.get(getattr(args, "command", None), parser)
    for choices in (getattr(a, "choices", None) for a in owner._actions):
        if isinstance(choices, dict) and getattr(args, "action", None) in choices:
            owner = choices[args.action]
    return owner


def _join_dash_values(argv):
    """``['--alphabet', '-1,0,1']`` -> ``['--alphabet=-1,0,1']`` (argparse reads '-1,0,1' as an option)."""
    out, i = [], 0
    while i < len(argv):
        token = argv[i]
        if token in _DASH_VALUES and i + 1 < len(argv) and argv[i + 1][:2] != "--" and argv[i + 1][:1] == "-":
            out.append(f"{token}={argv[i + 1]}")
            i += 2
            continue
        out.append(token)
        i += 1
    return out


def _say(line):
    """One line on stderr, if there is a stderr."""
    try:
        if sys.stderr is not None:
            print(line, file=sys.stderr, flush=True)
    except (OSError, ValueError):  # stderr closed too: nothing left to tell
        pass


def _write(text):
    """Print ``text`` on stdout: True when written; a reader that went away (``| head -1``) ends output quietly.

    Any other failure to write (a full disk, ``> /dev/full``) is one error line and False.
    """
    try:
        print(text)
        sys.stdout.flush()
        return True
    except BrokenPipeError:
        _silence_stdout()
        return True
    except OSError as exc:
        _silence_stdout()
        _say(f"exactorbit: error: cannot write the output: {exc.strerror or exc}")
        return False


def _silence_stdout():
    """Point stdout at /dev/null, so that the interpreter's last flush is quiet."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _in_cli_words(message):
    """A library message as the command line says it: the flag, not the keyword (``force=True (CLI: --force)``).

    >>> _in_cli_words("over limit=5 points; pass force=True (CLI: --force) to allow it")
    'over limit=5 points; pass --force to allow it'
    """
    return message.replace("force=True (CLI: --force)", "--force")


def main(argv=None):
    """Run the command line; returns the exit code (:data:`EXIT_CODES`: 0 done, 1 a certificate is false,
    2 refused input, 70 internal error, 130 Ctrl-C)."""
    try:
        return _main(argv)
    except KeyboardInterrupt:
        _say("exactorbit: interrupted")
        return 130


def _system_refusals():
    import errno

    names = ("ENOSPC", "EDQUOT", "EROFS", "EMFILE", "ENFILE", "ENOMEM", "EACCES", "EPERM", "EIO", "EAGAIN",
             "ENAMETOOLONG")
    return frozenset(getattr(errno, n) for n in names if hasattr(errno, n))


#: OSError numbers that are the machine's refusal, not a bug: one error line and exit code 2.
_SYSTEM_REFUSALS = _system_refusals()


def _internal_error(exc):
    from .._validation import short

    _say(f"exactorbit: internal error: {type(exc).__name__}: {short(str(exc), 200)} "
         "(a bug in exactorbit: please report it with the command line)")
    return INTERNAL_ERROR


def _main(argv):
    from ..errors import ExactOrbitError

    if sys.stdout is None or getattr(sys.stdout, "closed", False):
        _say("exactorbit: error: standard output is closed; nothing could be printed")
        return 2
    # exact answers print at any size (e.g. the order of the symmetric group on 1600 pixels);
    # every parser of user input bounds its numbers itself before converting them
    sys.set_int_max_str_digits(0)
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(only=argv[0] if argv and argv[0] in commands() else None)
    try:
        args = _parse(parser, _join_dash_values(argv))
    except SystemExit as exc:  # --help (0) or a usage error (2), already printed
        return exc.code if isinstance(exc.code, int) else 2
    from ._common import CsvText, muted, payload_csv, wants

    try:
        with muted(getattr(args, "quiet", False)):  # --quiet: no progress bar nor note; errors are said below
            result = args._run(args)
    except ExactOrbitError as exc:
        _say(f"exactorbit: error: {_in_cli_words(str(exc))}")
        return 2
    except MemoryError:
        _say("exactorbit: error: out of memory: the machine cannot hold this computation; "
             "try a smaller grid or group (the estimates in exactorbit's refusals name the sizes)")
        return 2
    except KeyboardInterrupt:
        raise
    except OSError as exc:
        if exc.errno not in _SYSTEM_REFUSALS:
            return _internal_error(exc)
        # the machine said no (a full disk, too many open files, a read-only file system) where no
        # writer of ours expected it: the environment's fault, said as such, not a bug
        from .._validation import clip

        where = f" ({clip(str(exc.filename), 200)})" if exc.filename else ""
        _say(f"exactorbit: error: the system refused: {exc.strerror or exc}{where}")
        return 2
    except Exception as exc:  # the last line of defence, never the fix (the fuzz suite asserts it never shows)
        return _internal_error(exc)
    if isinstance(result, int):
        return result
    payload, text, *rest = result
    if wants(args, "json"):
        import json

        written = _write(json.dumps(payload, indent=2))
    elif wants(args, "csv"):  # the subcommand's table, or its JSON flattened (field,value rows)
        written = _write(text if isinstance(text, CsvText) else payload_csv(payload))
    else:
        written = _write(text) if text else True  # nothing to say (e.g. every file refused): no blank line
    if not written:
        return 2
    return rest[0] if rest else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
