"""Template matching, exactly: the shortest chain of moves carrying one image onto another (a path in the Schreier
graph of the orbit), and the eccentricity, radius and diameter of that graph (proofs/geometry.md, "Templates").

A move g carries the image x to g.x (pixel i goes to pixel g[i]). The orbit of x is searched breadth first from x.

>>> from exactorbit.groups import translations
>>> r = image_distance(translations("1x5"), 0b00011, 0b11000)
>>> r.distance, r.path
(2, (3, 17, 24))
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .._budget import refuse_if_over
from .._perm.perms import apply_mask
from .._validation import check_flag
from ..errors import InvalidArgument
from ..images import as_mask, render_text
from ._generating import generating_set, moves_of

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from typing import Any

    from matplotlib.figure import Figure
    from numpy.typing import ArrayLike

    from ..groups import PixelGroup
    from ..images import Grid
    from ._generating import GeneratingSet

__all__ = ["ImageDistance", "OrbitGeometry", "image_distance", "orbit_geometry", "LIMIT_KEY"]

LIMIT_KEY = "schreier_work"


@dataclass(frozen=True)
class ImageDistance:
    """``distance`` (the least number of moves carrying ``path[0]`` onto ``path[-1]``), ``path`` (the images, int
    masks, one move apart), ``moves`` (the index of each move in ``move_names``), ``grid``.

    >>> from exactorbit.groups import translations
    >>> image_distance(translations("1x3"), 1, 4).to_dict()
    {'distance': 1, 'path': [1, 4]}
    """

    distance: int
    path: tuple
    moves: tuple
    move_names: tuple
    grid: Grid

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready."""
        return {"distance": self.distance, "path": list(self.path)}

    def pictures(self) -> list[str]:
        """The images of the path as text pictures (``#`` on, ``.`` off), one per step."""
        return [render_text(m, self.grid) for m in self.path]

    def plot(self, path: str | None = None) -> Figure:
        """The chain of images drawn side by side (:func:`exactorbit.plots.orbit_gallery` style): the Figure."""
        from ..plots import plot_masks

        titles = ["start"] + [f"{k}: {self.move_names[m]}" for k, m in enumerate(self.moves, 1)]
        return plot_masks(self.path, self.grid, titles=titles, path=path)

    def __str__(self) -> str:
        steps = " -> ".join(self.move_names[m] for m in self.moves) or "no move"
        return f"distance {self.distance}: {steps}"


@dataclass(frozen=True)
class OrbitGeometry:
    """The Schreier graph of one orbit: ``size``, ``spheres`` (around the image), ``eccentricity`` (of the image),
    ``radius`` and ``diameter`` (over the whole orbit; None when not asked for).

    >>> from exactorbit.groups import translations
    >>> o = orbit_geometry(translations("1x6"), 1)
    >>> o.size, o.spheres, o.eccentricity, o.radius, o.diameter
    (6, (1, 2, 2, 1), 3, 3, 3)
    """

    size: int
    spheres: tuple
    eccentricity: int
    radius: object
    diameter: object

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready."""
        return {"size": self.size, "spheres": list(self.spheres), "eccentricity": self.eccentricity,
                "radius": self.radius, "diameter": self.diameter}


def _search(perms, x, goal=None, cap=None, what=""):
    """Breadth-first search from x: (distance dict, parent dict: mask -> (previous mask, move index))."""
    dist, parent, frontier = {x: 0}, {x: None}, [x]
    while frontier and (goal is None or goal not in dist):
        new = []
        for m in frontier:
            for k, g in enumerate(perms):
                y = apply_mask(g, m)
                if y not in dist:
                    dist[y] = dist[m] + 1
                    parent[y] = (m, k)
                    new.append(y)
        frontier = new
        if cap is not None and len(dist) > cap[0]:  # checked after every level
            refuse_if_over(what, len(dist) * len(perms), LIMIT_KEY, limit=cap[1], force=cap[2])
    return dist, parent


def _mask(image, grid, name):
    try:
        return as_mask(image, grid, name)
    except InvalidArgument as exc:
        text = str(exc)
        raise InvalidArgument(text if text.startswith(name) else f"{name}: {text}") from None


def _check(S, x, y, inverses):
    grid = S.grid
    return _mask(x, grid, "x"), (None if y is None else _mask(y, grid, "y")), check_flag("inverses", inverses)


def image_distance(group: PixelGroup | GeneratingSet, x: int | str | ArrayLike, y: int | str | ArrayLike,
                   generators: Iterable[Sequence[int] | str] | None = None, *, inverses: bool = True,
                   force: bool = False, limit: int | None = None) -> ImageDistance:
    """The shortest chain of moves carrying image ``x`` onto image ``y`` (int masks, text pictures or arrays):
    an :class:`ImageDistance` with the chain of images. Images in different orbits: InvalidArgument.

    >>> from exactorbit.groups import rotations
    >>> image_distance(rotations("2x2"), "#./..", ".#/..").distance
    1
    >>> image_distance(rotations("2x2"), "#./..", "##/..")
    Traceback (most recent call last):
    ...
    exactorbit.errors.InvalidArgument: x and y are not in the same orbit: x has 1 pixel on and y has 2
    """
    S = generating_set(group, generators)
    if y is None:
        raise InvalidArgument("y must be an image (an int mask, a text picture or an array), got None")
    xm, ym, inverses = _check(S, x, y, inverses)
    if bin(xm).count("1") != bin(ym).count("1"):
        raise InvalidArgument(f"x and y are not in the same orbit: x has {bin(xm).count('1')} pixel"
                              f"{'s' if bin(xm).count('1') != 1 else ''} on and y has {bin(ym).count('1')}")
    perms, names = moves_of(S, inverses)
    dist, parent = _search(perms, xm, goal=ym, cap=(0, limit, force), what="a search of the orbit of x")
    if ym not in dist:
        raise InvalidArgument(f"x and y are not in the same orbit: the orbit of x has {len(dist)} images and y is "
                              f"not one of them")
    path, moves, node = [ym], [], ym
    while parent[node] is not None:
        node, k = parent[node]
        path.append(node)
        moves.append(k)
    return ImageDistance(dist[ym], tuple(reversed(path)), tuple(reversed(moves)), names, S.grid)


def orbit_geometry(group: PixelGroup | GeneratingSet, x: int | str | ArrayLike,
                   generators: Iterable[Sequence[int] | str] | None = None, *, inverses: bool = True,
                   diameter: bool = True, force: bool = False, limit: int | None = None) -> OrbitGeometry:
    """The geometry of the orbit of ``x`` as a Schreier graph: its size, the spheres around x, x's eccentricity,
    and (``diameter=True``: one search per image of the orbit) the radius and diameter: an :class:`OrbitGeometry`.

    >>> from exactorbit.groups import dihedral
    >>> orbit_geometry(dihedral("3x3"), "#../.../...").to_dict()
    {'size': 4, 'spheres': [1, 2, 1], 'eccentricity': 2, 'radius': 2, 'diameter': 2}
    """
    S = generating_set(group, generators)
    x, _, inverses = _check(S, x, None, inverses)
    diameter = check_flag("diameter", diameter)
    perms, _ = moves_of(S, inverses)
    dist, _ = _search(perms, x, cap=(0, limit, force), what="a search of the orbit of x")
    size = len(dist)
    ecc = max(dist.values())
    spheres = [0] * (ecc + 1)
    for d in dist.values():
        spheres[d] += 1
    radius = diam = None
    if diameter:
        refuse_if_over(f"the diameter of an orbit of {size} images (one search per image)", size * size * len(perms),
                       LIMIT_KEY, limit=limit, force=force)
        eccs = [max(_search(perms, m)[0].values()) for m in dist]
        radius, diam = min(eccs), max(eccs)
    return OrbitGeometry(size, tuple(spheres), ecc, radius, diam)
