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

__all__ = ["to_gap", "from_gap", "parse_gap_permutations", "gap_permutation", "gap_set", "gap_available",
           "gap_executable", "run_gap"]


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


def parse_gap_permutations(text, n):
    """Permutations in GAP's 1-based cycle notation, as 0-based array forms on n points (linear time).

    Accepts ``Group([(1,2,3),(4,5)])``, ``[(1,2),(3,4)]``, ``(1,2)(3,4), (1,3)`` or one
    permutation; ``()`` is the identity.  Commas between cycles separate generators;
    commas inside a cycle separate its points.

    >>> parse_gap_permutations("Group([(1,2,3),(4,5)])", 5)
    [(1, 2, 0, 3, 4), (0, 1, 2, 4, 3)]
    >>> parse_gap_permutations("(0,1)", 3)
    Traceback (most recent call last):
    ...
    exactorbit.errors.InvalidArgument: GAP generators name point 0, but GAP numbers points from 1 (for 0-based cycles use from_generators)
    """
    from ._validation import short

    if not isinstance(text, str):
        raise InvalidArgument(f"GAP generators must be a string, got {describe(text)}")
    body = text.strip()
    if body.startswith("Group(") and body.endswith(")"):
        body = body[len("Group("):-1].strip()
    if body.startswith("[") and body.endswith("]"):
        body = body[1:-1]
    perms, cycles, i, size = [], [], 0, len(body)
    while i < size:
        ch = body[i]
        if ch.isspace():
            i += 1
        elif ch == ",":  # between generators
            perms.append(cycles)
            cycles = []
            i += 1
        elif ch == "(":
            j = body.find(")", i)
            if j < 0:
                raise InvalidArgument(f"GAP generators: a cycle is not closed with ')' in {short(text)}")
            points = []
            for token in body[i + 1:j].split(","):
                token = token.strip()
                if not token:
                    continue
                if not (token.isascii() and token.isdigit()) or len(token) > 7:
                    raise InvalidArgument(f"GAP generators: {short(token, 20)} is not a point number in {short(text)}")
                points.append(int(token))
            cycles.append(points)
            i = j + 1
        else:
            raise InvalidArgument(f"GAP generators: unexpected {ch!r} at character {i} of {short(text)}; "
                                  "expected cycles like (1,2,3)")
    perms.append(cycles)
    out = []
    for k, cycles in enumerate(perms):
        perm = list(range(n))
        seen = set()
        for points in cycles:
            for p in points:
                if p == 0:
                    raise InvalidArgument("GAP generators name point 0, but GAP numbers points from 1 "
                                          "(for 0-based cycles use from_generators)")
                if p > n:
                    raise InvalidArgument(f"GAP generator {k} moves point {p}, but the grid has only {n} pixels "
                                          f"(GAP points 1..{n})")
                if p in seen:
                    raise InvalidArgument(f"GAP generator {k} repeats point {p}")
                seen.add(p)
            for a, b in zip(points, points[1:] + points[:1]):
                perm[a - 1] = b - 1
        out.append(tuple(perm))
    return out


def from_gap(text, grid, name=None):
    """A PixelGroup from GAP's 1-based generators (e.g. the output of :func:`to_gap`, or GAP's own print).

    >>> from exactorbit.groups import named_group
    >>> G = named_group("translations+dihedral", "3x3")
    >>> H = from_gap(to_gap(G), "3x3")
    >>> H.order() == G.order(), H.generators == G.generators
    (True, True)
    """
    from .groups import PixelGroup as _PixelGroup
    from .images import parse_grid

    grid = parse_grid(grid)
    return _PixelGroup(grid, parse_gap_permutations(text, grid.n), name=name or "from GAP")


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

