"""Start-up and end-to-end times of the command line, this checkout against a baseline checkout, side by side.

    python3 benchmarks/startup.py --baseline /path/to/old/checkout [--runs 7] [--tour]

Each command runs as a fresh process (``python3 -c 'from exactorbit.cli import
main; ...'`` with PYTHONPATH set to the checkout), ``--runs`` times; the table
gives the medians and the ratio baseline / this checkout.  ``--tour`` adds the
default ``exactorbit tour --quiet`` (about 10 s a run).  Make a baseline with
``git worktree add /tmp/exactorbit-bf91000 bf91000``.
"""

import argparse
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))

COMMANDS = [
    ("python -c 'import exactorbit'", ["-c", "import exactorbit"]),
    ("exactorbit --help", ["-c", "from exactorbit.cli import main; import sys; sys.argv[0] = 'exactorbit'; main(['--help'])"]),
    ("exactorbit group --grid 3x3 --group translations --json",
     ["-c", "from exactorbit.cli import main; main(['group', '--grid', '3x3', '--group', 'translations', '--json'])"]),
    ("exactorbit verify proofs/certificates/count-G.json",
     ["-c", "from exactorbit.cli import main; import sys; sys.exit(main(['verify', sys.argv[1]]))", "CERT"]),
]
TOUR = ("exactorbit tour --quiet (default case)", ["-c", "from exactorbit.cli import main; main(['tour', '--quiet'])"])


def median_seconds(root, argv, runs):
    env = dict(os.environ, PYTHONPATH=root)
    argv = [a.replace("CERT", os.path.join(root, "proofs", "certificates", "count-G.json")) for a in argv]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, *argv], env=env, cwd=root, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--baseline", required=True, help="a checkout of the version to compare with")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--tour", action="store_true", help="also time the default tour (5 runs)")
    args = parser.parse_args(argv)
    rows = COMMANDS + ([TOUR] if args.tour else [])
    print(f"| command | baseline ({os.path.basename(os.path.abspath(args.baseline))}) | this checkout | ratio |")
    print("|---|---|---|---|")
    for label, command in rows:
        runs = max(5, args.runs if command is not TOUR[1] else 5)
        old = median_seconds(os.path.abspath(args.baseline), command, runs)
        new = median_seconds(HERE, command, runs)
        print(f"| `{label}` | {old:.3f} s | {new:.3f} s | {old / new:.1f}x |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
