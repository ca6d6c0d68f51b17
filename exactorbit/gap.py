"""GAP beside exactorbit: groups and images written as GAP code (1-based), and GAP run when it is installed.

GAP is never a dependency: :func:`gap_available` says whether a ``gap``
executable is on the PATH (Debian's package ``gap``; or set ``EXACTORBIT_GAP``
to its path), and the tests and benchmarks that compare with GAP skip with a
message when it is not.  GAP numbers points from 1, exactorbit from 0: pixel p
is GAP's point p + 1.

>>> from exactorbit.groups import translations
>>> to_gap(translations("1x3"))
'Group([(1,2,3)])'
>>> gap_set(0b101)
'[1,3]'
"""

import os
import shutil
import subprocess

from ._validation import describe
from .errors import InvalidArgument
from .groups import PixelGroup

__all__ = ["to_gap", "gap_permutation", "gap_set", "gap_available", "gap_executable", "run_gap"]


def gap_permutation(g):
    """A permutation (0-based array form) in GAP's 1-based cycle notation.

    >>> gap_permutation((1, 0, 3, 2)), gap_permutation((0, 1))
    ('(1,2)(3,4)', '()')
    """
    seen, cycles = set(), []
    for start in range(len(g)):
        if start in seen or g[start] == start:
            continue
        cycle, p = [], start
        while p not in seen:
            seen.add(p)
            cycle.append(p + 1)
            p = g[p]
        cycles.append("(" + ",".join(map(str, cycle)) + ")")
    return "".join(cycles) or "()"


def to_gap(group):
    """The group as a GAP expression ``Group([...])`` on the points 1..n (generators in 1-based cycles)."""
    if not isinstance(group, PixelGroup):
        raise InvalidArgument(f"group must be a PixelGroup, got {describe(group)}")
    if not group.generators:
        return "Group(())"
    return "Group([" + ",".join(gap_permutation(g) for g in group.generators) + "])"


def gap_set(mask):
    """An image (int mask) as a GAP set of 1-based points."""
    points, p = [], 0
    mask = int(mask)
    while mask:
        if mask & 1:
            points.append(p + 1)
        mask >>= 1
        p += 1
    return "[" + ",".join(map(str, points)) + "]"


def gap_executable():
    """The path of the GAP executable, or None."""
    return os.environ.get("EXACTORBIT_GAP") or shutil.which("gap")


def gap_available():
    """Whether GAP can be run here."""
    return gap_executable() is not None


def run_gap(script, *, timeout=600):
    """Run a GAP script (``-q -b``, quiet, no banner) and return its standard output.

    Raises InvalidArgument when GAP is not installed, and RuntimeError when GAP fails.
    """
    exe = gap_executable()
    if exe is None:
        raise InvalidArgument("GAP is not installed (install Debian's package gap, or set EXACTORBIT_GAP)")
    done = subprocess.run([exe, "-q", "-b", "-o", "8g"], input=script + "\nQUIT;\n", capture_output=True,
                          text=True, timeout=timeout)
    if done.returncode != 0 or "Error" in done.stderr:
        raise RuntimeError(f"GAP failed: {(done.stderr or done.stdout)[-2000:]}")
    return done.stdout

