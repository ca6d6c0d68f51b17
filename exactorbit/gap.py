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


from __future__ import annotations

from typing import TYPE_CHECKING
import os
import shutil
import subprocess

from ._validation import describe
from .errors import InvalidArgument
from .groups import PixelGroup

if TYPE_CHECKING:
    from .images import Grid

__all__ = ["to_gap", "from_gap", "parse_gap_permutations", "gap_permutation", "gap_set", "gap_available",
           "gap_executable", "run_gap"]


def gap_permutation(g):
    """A permutation (0-based array form) in GAP's 1-based cycle notation.

    >>> gap_permutation((1, 0, 3, 2)), gap_permutation((0, 1))
    ('(1,2)(3,4)', '()')
    """
    from ._budget import LIMITS
    from ._validation import check_int, check_items

    items = check_items("g", g, limit=LIMITS["grid_pixels"].value)
    g = [check_int(f"g[{k}]", v, min_value=0, max_value=len(items) - 1) for k, v in enumerate(items)]
    if len(set(g)) != len(g):
        raise InvalidArgument(f"g must be a permutation in array form (each of 0..{len(g) - 1} once), "
                              f"got {describe(items)}")
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


def to_gap(group: PixelGroup) -> str:
    """The group as a GAP expression ``Group([...])`` on the points 1..n (generators in 1-based cycles)."""
    if not isinstance(group, PixelGroup):
        raise InvalidArgument(f"group must be a PixelGroup, got {describe(group)}")
    if not group.generators:
        return "Group(())"
    return "Group([" + ",".join(gap_permutation(g) for g in group.generators) + "])"


#: GAP's whitespace (its scanner's: blank, TAB, LF, CR, form feed); nothing else, e.g. no-break space, is.
_GAP_SPACE = " \t\n\r\f"
#: Longest point number read (digits, before int()): the grid has at most a few thousand pixels.
_GAP_DIGITS = 7


def _gap_tokens(text, quoted):
    """Tokens of GAP text: ('num', int, pos), ('name', str, pos) or (char, None, pos) for one of ``()[],``."""
    tokens, i, size = [], 0, len(text)
    while i < size:
        ch = text[i]
        if ch in _GAP_SPACE:
            i += 1
        elif ch in "()[],":
            tokens.append((ch, None, i))
            i += 1
        elif "0" <= ch <= "9":
            j = i
            while j < size and "0" <= text[j] <= "9":
                j += 1
            digits = text[i:j].lstrip("0") or "0"
            if len(digits) > _GAP_DIGITS:
                raise InvalidArgument(f"GAP generators: a point of {j - i} digits at character {i} is too large "
                                      f"in {quoted}")
            tokens.append(("num", int(digits), i))
            i = j
        elif ch.isascii() and (ch.isalpha() or ch == "_"):
            j = i
            while j < size and text[j].isascii() and (text[j].isalnum() or text[j] == "_"):
                j += 1
            tokens.append(("name", text[i:j], i))
            i = j
        else:
            raise InvalidArgument(f"GAP generators: unexpected {ch!r} at character {i} of {quoted}; "
                                  "exactorbit reads literal permutations like (1,2,3)(4,5) only")
    return tokens


def parse_gap_permutations(text, n):
    """Permutations in GAP's 1-based cycle notation, as 0-based array forms on n points (linear time).

    Accepts ``Group([(1,2,3),(4,5)])``, ``Group((1,2),(3,4))``, ``[(1,2),(3,4)]``, ``(1,2)(3,4), (1,3)`` or
    one permutation; ``()`` is the identity.  Commas between permutations separate generators; commas
    inside a cycle separate its points.  The text is read as GAP reads it (GAP's whitespace, its
    backslash-newline line continuation, cycles of one point after the first cycle) and everything GAP
    refuses is refused; exactorbit reads literals only, and is stricter than GAP on purpose in a few
    places: no expressions (``(1,2)^2``), comments or ``;``, no ``Group(gens, id)``, no trailing comma
    (``[(1,2),]``, which GAP reads as ``[(1,2)]``: a generator may have been lost), and no point twice
    in one permutation (GAP allows a repeated fixed point, ``(1,2)(3)(3)``).  Points must be 1..n.

    >>> parse_gap_permutations("Group([(1,2,3),(4,5)])", 5)
    [(1, 2, 0, 3, 4), (0, 1, 2, 4, 3)]
    >>> parse_gap_permutations("(0,1)", 3)
    Traceback (most recent call last):
    ...
    exactorbit.errors.InvalidArgument: GAP generators name point 0, but GAP numbers points from 1 (for 0-based cycles use from_generators)
    >>> parse_gap_permutations("Group([(1,2),])", 3)
    Traceback (most recent call last):
    ...
    exactorbit.errors.InvalidArgument: GAP generators: a trailing comma after generator 0 in 'Group([(1,2),])'; remove it (a generator may be missing)
    """
    from ._validation import check_int, short

    if not isinstance(text, str):
        raise InvalidArgument(f"GAP generators must be a string, got {describe(text)}")
    from ._budget import LIMITS

    n = check_int("number of points n", n, min_value=1, max_value=LIMITS["grid_pixels"].value)
    quoted = short(text)
    body = text.replace("\\\n", "")  # GAP's line continuation (GAP breaks long printed lines so)
    if not body.strip(_GAP_SPACE):
        raise InvalidArgument("GAP generators are empty: give at least one permutation, e.g. '()' for the "
                              "trivial group")
    tokens = _gap_tokens(body, quoted)
    end = ("end", None, len(body))
    pos = 0

    def peek():
        return tokens[pos] if pos < len(tokens) else end

    def where(token):
        return "the end" if token[0] == "end" else f"character {token[2]}"

    def what(token):
        return {"num": lambda: f"'{token[1]}'", "name": lambda: repr(token[1]),
                "end": lambda: "the end of the text"}.get(token[0], lambda: repr(token[0]))()

    def expect(kind, hint):
        nonlocal pos
        token = peek()
        if token[0] != kind:
            if kind == ")" and token[0] == "end":
                raise InvalidArgument(f"GAP generators: a '(' is not closed with ')' in {quoted}")
            raise InvalidArgument(f"GAP generators: expected {hint} at {where(token)}, found {what(token)}, "
                                  f"in {quoted}")
        pos += 1
        return token

    def point():
        token = peek()
        if token[0] != "num":
            raise InvalidArgument(f"GAP generators: expected a point number at {where(token)}, found "
                                  f"{what(token)}, in {quoted}")
        return expect("num", "a point")[1]

    def permutation(k):
        nonlocal pos
        expect("(", "a permutation like (1,2)")
        if peek()[0] == ")":  # () is the identity, and stands alone
            pos += 1
            if peek()[0] == "(":
                raise InvalidArgument(f"GAP generators: the identity () cannot be followed by a cycle at "
                                      f"{where(peek())} in {quoted} (GAP refuses it)")
            return []
        cycles, first = [], True
        while True:
            points = [point()]
            while peek()[0] == ",":
                pos += 1
                points.append(point())
            expect(")", "',' or ')'")
            if first and len(points) == 1:
                raise InvalidArgument(f"GAP generators: ({points[0]}) is a number in GAP, not a cycle; a "
                                      f"permutation's first cycle has two points or more, in {quoted}")
            cycles.append(points)
            first = False
            if peek()[0] != "(":
                return cycles
            pos += 1
            if peek()[0] == ")":
                raise InvalidArgument(f"GAP generators: an empty cycle () after a cycle at {where(peek())} in "
                                      f"{quoted}; the identity () stands alone")

    def generators(closing):
        nonlocal pos
        if peek()[0] == closing:
            raise InvalidArgument(f"GAP generators: no generators in {quoted} (GAP refuses Group([]) and "
                                  "Group()); for the trivial group write '()'")
        perms = []
        while True:
            if peek()[0] == ",":
                raise InvalidArgument(f"GAP generators: an empty generator (',' at {where(peek())}) in {quoted}")
            perms.append(permutation(len(perms)))
            if peek()[0] != ",":
                return perms
            pos += 1
            if peek()[0] == closing:
                raise InvalidArgument(f"GAP generators: a trailing comma after generator {len(perms) - 1} in "
                                      f"{quoted}; remove it (a generator may be missing)")

    closers = ["end"]
    if peek() == ("name", "Group", peek()[2]):
        pos += 1
        expect("(", "'(' after Group")
        closers.insert(0, ")")
    if peek()[0] == "[":
        pos += 1
        closers.insert(0, "]")
    perms = generators(closers[0])
    for closing in closers:
        expect(closing, {"]": "',' or ']'", ")": "',' or ')'", "end": "the end of the text"}[closing])
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
                    raise InvalidArgument(f"GAP generator {k} repeats point {p}; the cycles of a permutation "
                                          f"are disjoint, in {quoted}")
                seen.add(p)
            for a, b in zip(points, points[1:] + points[:1]):
                perm[a - 1] = b - 1
        out.append(tuple(perm))
    return out


def from_gap(text: str, grid: str | Grid, name: str | None = None) -> PixelGroup:
    """A PixelGroup from GAP's 1-based generators (e.g. the output of :func:`to_gap`, or GAP's own print).

    >>> from exactorbit.groups import named_group
    >>> G = named_group("translations+dihedral", "3x3")
    >>> H = from_gap(to_gap(G), "3x3")
    >>> H.order() == G.order(), H.generators == G.generators
    (True, True)
    """
    from .groups import PixelGroup as _PixelGroup
    from .images import parse_grid

    if name is not None and not isinstance(name, str):
        raise InvalidArgument(f"name must be a string or None, got a {type(name).__name__}")
    grid = parse_grid(grid)
    return _PixelGroup(grid, parse_gap_permutations(text, grid.n), name=name or "from GAP")


def gap_set(mask):
    """An image (int mask) as a GAP set of 1-based points.

    >>> gap_set(0b101), gap_set(0)
    ('[1,3]', '[]')
    """
    from ._budget import LIMITS
    from ._validation import check_mask

    cap = LIMITS["grid_pixels"].value
    mask = check_mask("mask", mask, cap)
    bits = bin(mask)[2:][::-1]  # linear time: bit p is bits[p]
    return "[" + ",".join(str(p + 1) for p, bit in enumerate(bits) if bit == "1") + "]"


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

