"""Pictures of exact results: C5's probability against orbit size, the orbit spectrum, an orbit's images, Cayley
and Schreier graphs.

matplotlib is an optional extra (``pip install 'exactorbit[plot]'``).  It is
imported inside the functions, so ``import exactorbit.plots`` costs nothing, and
a missing matplotlib is an :class:`~exactorbit.errors.InvalidArgument` that says
what to install.  Every number drawn comes from the library's own front doors
(:func:`exactorbit.orbits.decompose`, :func:`exactorbit.orbits.orbit_classes`,
:func:`exactorbit.networks.reconstruction_probabilities`, C5's ranking in
:mod:`exactorbit.claims._ranking`, :func:`exactorbit.actions.orbit`); exact
Fractions become floats only at the moment they are drawn.

Figures are built without pyplot on matplotlib's non-interactive Agg canvas, so
they work headless, never open a window and leave the global backend alone;
pass ``ax=`` (e.g. from ``plt.subplots()``) to draw into a figure of your own.
Each function returns the :class:`matplotlib.figure.Figure`; save it with
``fig.savefig("name.png")`` (or ``.svg``).

>>> from exactorbit.groups import named_group
>>> fig = plot_orbit_spectrum(named_group("translations+dihedral", "3x3"))
>>> [t.get_text() for t in fig.axes[0].get_xticklabels()]
['1', '6', '9', '18', '36']
"""


from __future__ import annotations

from typing import Any
import os
from collections import Counter
from fractions import Fraction
from math import ceil, isqrt
from numbers import Rational

from ._display import INSTALL, MAX_GRAPH_NODES, _axes, _displayable, _matplotlib, graph_figure  # noqa: F401
from ._validation import check_int, check_items, check_mask, clip, describe, int_short
from .actions import orbit
from .claims import fraction_str, rank_classes
from .errors import InvalidArgument
from .groups import PixelGroup, check_group
from .images import Image, parse_image, render_text, to_array
from .networks import NetworkFamily, reconstruction_probabilities
from .orbits import DOOR as DECOMPOSE, OrbitDecomposition, decompose


__all__ = ["plot_probability_vs_orbit_size", "plot_orbit_spectrum", "orbit_gallery", "plot_counts", "plot_masks",
           "plot_cayley_graph", "plot_schreier_graph", "plot_graph"]

#: File formats :func:`orbit_gallery` writes, by the path's suffix.
FORMATS = (".png", ".svg")


def _check_bool(name, value):
    if not isinstance(value, bool):
        raise InvalidArgument(f"{name} must be True or False, got {describe(value)}")
    return value


def _group_label(group):
    return f"{group.name} on {group.grid} (order {int_short(group.order())})"


def _check_probabilities(probabilities, n):
    """``probabilities`` as a list of 2**n exact values in [0, 1] (Fractions or ints)."""
    try:
        probabilities = check_items("probabilities", probabilities)
    except InvalidArgument:
        raise InvalidArgument(f"probabilities must be a list of one exact probability per image, "
                              f"got {describe(probabilities)}") from None
    if len(probabilities) != 1 << n:
        raise InvalidArgument(f"probabilities must have one entry per image (2^{n} = {1 << n}), "
                              f"got {len(probabilities)}")
    out = []
    for x, p in enumerate(probabilities):
        if type(p) is not Fraction:  # the common case first: checking a Fraction against Rational is slow
            if isinstance(p, bool) or not isinstance(p, Rational):
                raise InvalidArgument(f"probabilities must be exact (Fraction or int), entry {x} is {describe(p)}")
            p = Fraction(p)
        if not 0 <= p.numerator <= p.denominator:  # 0 <= p <= 1, the denominator being positive
            raise InvalidArgument(f"probabilities must lie in [0, 1], entry {x} is {describe(p)}")
        out.append(p)
    return out


def _verdict_line(ranking):
    """One line of C5's verdict on a ranking: its violations, or the lack of any preference, and tau-a."""
    tau = f"Kendall tau-a = {fraction_str(ranking.tau)}"
    if ranking.number_of_violations:
        return f"C5 {ranking.verdict}: {ranking.number_of_violations} violating pair(s) of {ranking.pairs}; {tau}"
    if ranking.pairs and not ranking.comparable:
        values = {c[2] for c in ranking.classes}
        flat = f"every class has P = {fraction_str(values.pop())}" if len(values) == 1 else "sizes always tie"
        return f"C5 {ranking.verdict}: no preference at all ({flat})"
    return f"C5 {ranking.verdict}: {ranking.comparable} comparable pair(s), none violating; {tau}"


#: The spindle of violating pairs between the same two points is at most this wide in its middle (points).
FAN_WIDTH = 20
#: A label's background: the lines under it fade, so that it stays readable.
_HALO = dict(boxstyle="square,pad=0.15", facecolor="white", edgecolor="none", alpha=0.8)
#: The violating pairs between two points are counted in a label when there are at most this many such bundles.
BUNDLE_LABELS = 8


def _declutter(ax, labels, markers):
    """An invisible artist, drawn first in ``ax``, that places the labels at draw time, in display space (so at any
    size and dpi): each label (``labels`` = [(annotation, data anchor)]) where its box meets no other label nor a
    marker (``markers``: data points) and stays inside the axes, the first free place among: to the upper right,
    above or below that, then to the left; a label moved off its anchor gets a thin leader line."""
    from matplotlib.artist import Artist
    from matplotlib.text import Text

    class Declutter(Artist):
        def draw(self, renderer):
            px = renderer.points_to_pixels(1.0)
            to_display = ax.transData.transform
            frame = ax.get_window_extent(renderer)
            r = 3.5 * px
            boxes = [(x - r, y - r, x + r, y + r) for x, y in (to_display(markers) if len(markers) else [])]
            for annotation, anchor in labels:
                size = Text.get_window_extent(annotation, renderer)
                w, h = size.width + 2 * px, size.height + 2 * px  # with the halo around the text
                x, y = to_display(anchor)
                best = None
                for j in (0, 1, -1, 2, -2, 3, -3, 4, -4, 5, -5, 6, -6):
                    for left in (False, True):
                        bx = x - 4 * px - w if left else x + 4 * px
                        by = y + 1.5 * px + j * (h + px) if j >= 0 else y - 1.5 * px - h + (j + 1) * (h + px)
                        box = (bx, by, bx + w, by + h)
                        inside = frame.x0 <= bx and bx + w <= frame.x1 and frame.y0 <= by and by + h <= frame.y1
                        if inside and not any(box[0] < o[2] and o[0] < box[2] and box[1] < o[3] and o[1] < box[3]
                                              for o in boxes):
                            best = (box, j)
                            break
                    if best:
                        break
                box, j = best or (((x + 4 * px, y + 1.5 * px, x + 4 * px + w, y + 1.5 * px + h)), 0)
                boxes.append(box)
                annotation.xyann = ((box[0] - x) / px + 1, (box[1] - y) / px + 1)
                if annotation.arrow_patch is not None:
                    annotation.arrow_patch.set_visible(j != 0)

    helper = Declutter()
    helper.set_zorder(-10)  # before the segments and the labels it moves
    helper.set_in_layout(False)
    ax.add_artist(helper)
    return helper


def _fan_positions(keys):
    """Per segment, its place across the spindle of its bundle (in points, centred): pairs between the same two
    points side by side, at most 1.6 points apart and FAN_WIDTH wide in the middle."""
    import numpy as np

    sizes = Counter(keys)
    seen = Counter()
    out = []
    for key in keys:
        m, i = sizes[key], seen[key]
        seen[key] += 1
        step = min(1.6, FAN_WIDTH / (m - 1)) if m > 1 else 0.0
        out.append((i - (m - 1) / 2) * step)
    return np.array(out, dtype=float)


def _fan(LineCollection, segments, positions, **kwargs):
    """The violating pairs as one LineCollection whose ``get_segments`` are the exact (data) segments, drawn as a
    spindle per bundle: segment i bent across its line by ``positions[i]`` points at its middle (a quadratic curve
    built in display space at draw time, so the ends stay on the points at any size, scale and dpi)."""
    import numpy as np
    from matplotlib.transforms import IdentityTransform

    t = np.linspace(0.0, 1.0, 17)[:, None]

    class Fan(LineCollection):
        def draw(self, renderer):
            exact, transform = self.get_segments(), self.get_transform()
            ends = np.array(exact, dtype=float).reshape(-1, 2, 2)
            if not len(ends) or not positions.any():
                return super().draw(renderer)
            a, b = np.split(transform.transform(ends.reshape(-1, 2)).reshape(-1, 2, 2), 2, axis=1)
            a, b = a[:, 0], b[:, 0]
            d = b - a
            normal = np.column_stack([-d[:, 1], d[:, 0]]) / np.maximum(np.hypot(d[:, 0], d[:, 1]), 1e-9)[:, None]
            control = (a + b) / 2 + normal * (2 * positions * renderer.points_to_pixels(1.0))[:, None]
            curves = ((1 - t) ** 2)[None] * a[:, None] + (2 * (1 - t) * t)[None] * control[:, None] \
                + (t ** 2)[None] * b[:, None]                                     # (segments, 17, 2), display
            self.set_segments(curves)
            self.set_transform(IdentityTransform())
            try:
                super().draw(renderer)
            finally:
                self.set_segments(exact)
                self.set_transform(transform)

    return Fan(segments, **kwargs)


def _violation_bundles(ax, ranking, segments, log_x):
    """Each bundle's count as a red label at the middle of its segment (when there are at most BUNDLE_LABELS):
    [(annotation, anchor)]."""
    bundles = Counter(tuple(map(tuple, s)) for s in segments)
    if len(bundles) > BUNDLE_LABELS or len(segments) < ranking.number_of_violations:
        return []
    out = []
    for ((x0, y0), (x1, y1)), m in sorted(bundles.items()):
        anchor = ((x0 * x1) ** 0.5 if log_x else (x0 + x1) / 2, (y0 + y1) / 2)  # float-ok: a place on the drawing
        out.append((ax.annotate(f"{m} pair{'s' if m > 1 else ''}", anchor, xytext=(4, 2), textcoords="offset points",
                                fontsize=7, color="tab:red", ha="left", va="bottom", gid="c5-bundle", bbox=_HALO,
                                arrowprops=dict(arrowstyle="-", color="tab:red", lw=0.4, shrinkA=0, shrinkB=0)),
                    anchor))
    return out


def plot_probability_vs_orbit_size(group: PixelGroup, family: Any = None, probabilities: Any = None, *, ax: Any = None,
                                   mark_violations: bool = True) -> Any:
    """C5 in a picture: each orbit class's exact reconstruction probability against its orbit size under G.

    One point per orbit class of G on all 2^n images (``orbit_classes``), at
    (|Orb_G(x)|, P(F(x) = x)); P is the mean over the orbit, as C5 ranks it
    (:func:`exactorbit.claims._ranking.rank_classes`).  Give ``family`` (a
    :class:`~exactorbit.networks.NetworkFamily` on G's grid, whose
    ``reconstruction_probabilities`` are computed) or ``probabilities`` (one
    exact Fraction per image; the family then only names the title).  With
    ``mark_violations``, every pair violating C5 (a larger orbit with a strictly
    larger probability; the first 10,000 when there are more, as the legend says)
    is a red segment of one collection, gid ``"c5-violations"``: the pairs
    between the same two points (classes sharing a point) fan out side by side,
    so that 56 pairs show as 56 lines, and when there are at most
    BUNDLE_LABELS such bundles each is labelled with its number of pairs.  The
    points are gid ``"orbit-classes"``, and a "×k" marks k classes at one point.
    Labels are placed at draw time where they overlap neither each other nor a
    point.  The x axis is logarithmic when orbit sizes span more than a factor
    10.  The legend is below the axes (``ax``'s own legend when ``ax`` is
    given).  Returns the Figure (``ax``'s root figure when ``ax`` is given).

    >>> from exactorbit.groups import named_group
    >>> from exactorbit.networks import NetworkFamily
    >>> G = named_group("translations+dihedral", "2x2")
    >>> fig = plot_probability_vs_orbit_size(G, NetworkFamily("2x2", 1, alphabet=(0, 1)))
    >>> ax = fig.axes[0]
    >>> len(ax.collections[1].get_offsets()), len(ax.collections[0].get_segments())   # 6 classes, 2 violations
    (6, 2)
    """
    check_group(group)
    _check_bool("mark_violations", mark_violations)
    if family is not None:
        if not isinstance(family, NetworkFamily):
            raise InvalidArgument(f"family must be a NetworkFamily or None, got {describe(family)}")
        if family.grid != group.grid:
            raise InvalidArgument(f"family's grid {family.grid} differs from the group's grid {group.grid}")
    if probabilities is None and family is None:
        raise InvalidArgument("pass family (a NetworkFamily) or probabilities (one exact probability per image)")
    _, _, LineCollection, _ = _matplotlib()  # before any computation

    if probabilities is None:
        probabilities = reconstruction_probabilities(family)
    probabilities = _check_probabilities(probabilities, group.n)
    own = ax is None
    fig, ax = _axes(ax, (7.5, 5.4))

    ranking = rank_classes(group, probabilities)  # C5's own classes, violations and tau-a
    classes = ranking.classes
    sizes = [c[1] for c in classes]
    distinct = sorted(set(sizes))
    if distinct[-1] > 10 * distinct[0]:
        ax.set_xscale("log")
    segments, labels = [], []
    if mark_violations:
        segments = [[(a[1], float(a[2])), (b[1], float(b[2]))] for a, b in ranking.violations]  # float-ok: drawing
        shown = len(segments)
        collection = _fan(
            LineCollection, segments, _fan_positions([tuple(map(tuple, s)) for s in segments]), colors="tab:red",
            linewidths=0.6, alpha=0.6, zorder=1.6, gid="c5-violations",
            label=(f"{ranking.number_of_violations} violating pair{'s' if ranking.number_of_violations > 1 else ''}: "
                   "larger orbit, larger P"
                   + (f" ({shown} drawn)" if shown < ranking.number_of_violations else " (each drawn)"))
            if segments else "_none")
        ax.add_collection(collection, autolim=False)  # the points span every segment: no slow data limits
    ax.scatter(sizes, [float(c[2]) for c in classes], s=36, color="tab:blue", edgecolors="black",  # float-ok: drawing
               linewidths=0.5, zorder=2, gid="orbit-classes",
               label=f"orbit class ({len(classes)}; ×k: k classes at one point)")
    points = sorted(Counter((c[1], c[2]) for c in classes).items())
    for (size, p), k in points:
        if k > 1:
            anchor = (size, float(p))  # float-ok: drawing
            labels.append((ax.annotate(f"×{k}", anchor, xytext=(4, 2), textcoords="offset points", fontsize=7,
                                       color="0.3", ha="left", va="bottom", gid="class-count", bbox=_HALO,
                                       arrowprops=dict(arrowstyle="-", color="0.6", lw=0.4, shrinkA=0, shrinkB=3)),
                           anchor))
    labels += _violation_bundles(ax, ranking, segments, ax.get_xscale() == "log")
    _declutter(ax, labels, [(s, float(p)) for (s, p), _ in points])  # float-ok: drawing
    ax.set_xticks(distinct, [str(s) for s in distinct])
    ax.set_xticks([], minor=True)
    ax.margins(x=0.1, y=0.12)
    ax.set_xlabel("orbit size |Orb_G(x)|" + (" (log scale)" if ax.get_xscale() == "log" else ""))
    ax.set_ylabel("reconstruction probability P(F(x) = x)")
    ax.grid(True, color="0.9", linewidth=0.6)
    if own:
        fig.legend(loc="outside lower center", fontsize=8, title=_verdict_line(ranking), title_fontsize=8)
    else:
        ax.legend(loc="best", fontsize=8, title=_verdict_line(ranking), title_fontsize=8)
    what = family.describe() if family is not None else "given probabilities"
    ax.set_title(f"Simplest first (C5): reconstruction probability vs orbit size\n{what}\n"
                 f"G = {_group_label(group)}", fontsize=9)
    return fig


def _spectrum(source, weight, method, force, limit):
    """(orbit sizes {size: number of orbits}, title line) of a group, a decomposition or a sizes dict."""
    if isinstance(source, PixelGroup):
        d = decompose(source, weight, method=method, force=force, limit=limit)
        of = "all images" if weight is None else f"the images of weight {weight}"
        return d.orbit_sizes, f"{of} under {_group_label(source)}; route {d.method}"
    if weight is not None or not DECOMPOSE.is_auto(method) or force is not False or limit is not None:
        raise InvalidArgument("weight, method, force and limit apply to a group only; "
                              f"got a {type(source).__name__}, whose orbits are already known")
    if isinstance(source, OrbitDecomposition):
        of = "all images" if source.weight is None else f"the images of weight {source.weight}"
        return source.orbit_sizes, f"{of} under a group of order {int_short(source.group_order)}; route {source.method}"
    if not isinstance(source, dict) or not source:
        raise InvalidArgument("source must be a PixelGroup, an OrbitDecomposition or a non-empty dict "
                              f"{{orbit size: number of orbits}}, got {describe(source)}")
    sizes = {check_int("orbit size", s, min_value=1): check_int(f"number of orbits of size {s}", k, min_value=1)
             for s, k in source.items()}
    return sizes, "given orbit sizes"


def plot_counts(counts, *, ax=None, title="", xlabel="", ylabel="count", gid="counts"):
    """Bar chart of exact counts by position (index i: the bar at x = i), each bar labelled with its count; the y
    axis is logarithmic when the counts span more than a factor 100. Returns the Figure.

    >>> fig = plot_counts([1, 3, 5, 6, 5, 3, 1], xlabel="word length")
    >>> [int(b.get_height()) for b in fig.axes[0].patches]
    [1, 3, 5, 6, 5, 3, 1]
    """
    _matplotlib()
    values = [check_int(f"counts[{i}]", v, min_value=0) for i, v in enumerate(check_items("counts", counts))]
    if not values:
        raise InvalidArgument("counts must hold at least one count, got none")
    fig, ax = _axes(ax, (6.4, 4.2))
    try:
        heights = [float(v) for v in values]  # float-ok: drawing
    except OverflowError:
        raise InvalidArgument("a count is too large to draw as a bar (over 1e308)") from None
    bars = ax.bar(range(len(values)), heights, color="tab:blue", edgecolor="black", linewidth=0.5, gid=gid)
    ax.bar_label(bars, labels=[int_short(v, 12) for v in values], fontsize=7, padding=2)
    positive = [h for h in heights if h > 0]
    if positive and max(positive) > 100 * min(positive):
        ax.set_yscale("log")
    ax.set_xticks(range(len(values)))
    ax.margins(y=0.12)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.set_title(title, fontsize=9)
    return fig


def _panel(ax, mask, grid, title, fontsize):
    """One image in one Axes: black = on, pixel grid lines, no ticks, a small title."""
    ax.imshow(to_array(mask, grid), cmap="gray_r", vmin=0, vmax=1, interpolation="nearest")
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_xticks([c - 0.5 for c in range(1, grid.w)], minor=True)
    ax.set_yticks([r - 0.5 for r in range(1, grid.h)], minor=True)
    ax.grid(which="minor", color="0.75", linewidth=0.4)
    ax.tick_params(which="minor", length=0)
    ax.set_title(title, fontsize=fontsize, pad=2)


def plot_masks(masks, grid, *, titles=None, path=None, suptitle=""):
    """Images (int masks on ``grid``) side by side, black = on, with pixel grid lines and a title each (e.g. a chain
    of moves carrying a template onto a target). With ``path`` (.png or .svg) also saved. Returns the Figure.

    >>> fig = plot_masks([1, 2, 4], "1x3", titles=["start", "right", "right"])
    >>> [ax.get_title() for ax in fig.axes]
    ['start', 'right', 'right']
    """
    from .images import parse_grid

    grid = parse_grid(grid)
    masks = [check_mask(f"masks[{i}]", m, grid.n) for i, m in enumerate(check_items("masks", masks))]
    if not masks:
        raise InvalidArgument("masks must hold at least one image, got none")
    titles = [str(m) for m in masks] if titles is None else [str(t) for t in check_items("titles", titles)]
    if len(titles) != len(masks):
        raise InvalidArgument(f"titles must hold {len(masks)} strings, one per image, got {len(titles)}")
    path = _check_path(path)
    if not isinstance(suptitle, str):
        raise InvalidArgument(f"suptitle must be a str, got {describe(suptitle)}")
    _, FigureCanvasAgg, _, Figure = _matplotlib()
    side = max(grid.h, grid.w)
    cols = min(len(masks), 8)
    rows = ceil(len(masks) / cols)
    fig = Figure(figsize=(max(3.2, cols * 1.3 * grid.w / side + 0.4), rows * (1.3 * grid.h / side + 0.3) + 0.5))
    FigureCanvasAgg(fig)
    _displayable(fig)
    axes = fig.subplots(rows, cols, squeeze=False).ravel()
    for ax, m, t in zip(axes, masks, titles):
        _panel(ax, m, grid, t, 7)
    for ax in axes[len(masks):]:
        ax.remove()
    if suptitle:
        fig.suptitle(suptitle, fontsize=8)
    if path is not None:
        import io

        from ._files import write_file

        buffer = io.BytesIO()
        fig.savefig(buffer, format=os.path.splitext(path)[1][1:].lower(), dpi=150)
        write_file(path, buffer.getvalue())
    return fig


def plot_orbit_spectrum(source: Any, weight: int | None = None, *, ax: Any = None, method: str = "auto",
                        force: bool = False, limit: int | None = None) -> Any:
    """Bar chart of the orbit spectrum: for each orbit size, the number of orbits of that size.

    ``source`` is a :class:`~exactorbit.groups.PixelGroup` (its orbits on all
    images, or on those of ``weight``, come from :func:`exactorbit.orbits.decompose`
    with ``method``, ``force`` and ``limit``), an
    :class:`~exactorbit.orbits.OrbitDecomposition`, or its ``orbit_sizes`` dict.
    One bar per distinct orbit size (in increasing order, gid
    ``"orbit-spectrum"``), labelled with the exact count; the y axis is
    logarithmic when the counts span more than a factor 100.  Returns the Figure.

    >>> from exactorbit.groups import named_group
    >>> fig = plot_orbit_spectrum(named_group("dihedral", "2x2"))
    >>> len(fig.axes), [int(b.get_height()) for b in fig.axes[0].patches]
    (1, [2, 1, 3])
    """
    _matplotlib()  # before any computation
    sizes, line = _spectrum(source, weight, method, force, limit)
    fig, ax = _axes(ax, (6.4, 4.2))
    sizes = dict(sorted(sizes.items()))
    try:
        heights = [float(k) for k in sizes.values()]  # float-ok: drawing
    except OverflowError:
        raise InvalidArgument("an orbit count is too large to draw as a bar (over 1e308)") from None
    bars = ax.bar(range(len(sizes)), heights, color="tab:blue", edgecolor="black", linewidth=0.5,
                  gid="orbit-spectrum")
    ax.bar_label(bars, labels=[int_short(k, 12) for k in sizes.values()], fontsize=8, padding=2)
    ax.set_xticks(range(len(sizes)), [int_short(s, 12) for s in sizes])
    if max(heights) > 100 * min(heights):
        ax.set_yscale("log")
    ax.margins(y=0.12)
    ax.set_xlabel("orbit size |Orb(x)|")
    ax.set_ylabel("number of orbits")
    orbits, images = sum(sizes.values()), sum(s * k for s, k in sizes.items())
    ax.set_title(f"Orbit spectrum: {int_short(orbits)} orbits of {int_short(images)} images\n{line}", fontsize=9)
    return fig


def _check_path(path):
    if path is None:
        return None
    if not isinstance(path, (str, os.PathLike)):
        raise InvalidArgument(f"path must be a file name ending in .png or .svg, or None, got {describe(path)}")
    path = os.fspath(path)
    suffix = os.path.splitext(path)[1].lower()
    if suffix not in FORMATS:
        raise InvalidArgument(f"path must end in .png or .svg (the format is read off the suffix), "
                              f"got {describe(path)}")
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise InvalidArgument(f"path's folder {clip(folder, 200)!r} does not exist")
    from ._files import existing_content

    existing_content(path, 0)  # a directory of that name: 'cannot write PATH: Is a directory', before the drawing
    return path


def _check_image(group, image):
    """The mask of ``image``: an int mask, a text image on G's grid or an :class:`Image` on G's grid."""
    if isinstance(image, str):
        return parse_image(image, group.grid)
    if isinstance(image, Image):
        if image.grid != group.grid:
            raise InvalidArgument(f"image is on grid {image.grid} but the group acts on {group.grid}")
        return image.mask
    return check_mask("image", image, group.n)


def orbit_gallery(group: PixelGroup, image: Any, path: str | None = None, *, max_images: int = 64,
                  columns: int | None = None) -> Any:
    """The orbit of one image under G as small binary pictures (black = on), smallest masks first.

    ``image`` is an int mask, a text image such as ``"#./.."`` or an
    :class:`~exactorbit.images.Image`.  The orbit comes from
    :func:`exactorbit.actions.orbit` (which refuses very large orbits); the first
    ``max_images`` members are drawn with :func:`exactorbit.images.to_array`,
    each titled by its mask, in ``columns`` columns (default about a square),
    the given image framed in red.  With ``path`` ending in ``.png`` or
    ``.svg``, the figure is also saved there.  Returns the Figure.

    >>> from exactorbit.groups import named_group
    >>> fig = orbit_gallery(named_group("dihedral", "2x2"), "#./..")
    >>> [ax.get_title() for ax in fig.axes if ax.images]
    ['1', '2', '4', '8']
    """
    check_group(group)
    x = _check_image(group, image)
    max_images = check_int("max_images", max_images, min_value=1)
    if columns is not None:
        columns = check_int("columns", columns, min_value=1)
    path = _check_path(path)
    _, FigureCanvasAgg, _, Figure = _matplotlib()

    members = orbit(group, x)
    shown = members[:max_images]
    cols = min(len(shown), columns or isqrt(len(shown) - 1) + 1)
    rows = ceil(len(shown) / cols)
    grid = group.grid
    side = max(grid.h, grid.w)
    panel_w, panel_h = 0.85 * grid.w / side, 0.85 * grid.h / side + 0.22  # inches, with the mask's title
    fig = Figure(figsize=(max(3.2, cols * panel_w + 0.4), rows * panel_h + 0.75))
    FigureCanvasAgg(fig)
    _displayable(fig)
    axes = fig.subplots(rows, cols, squeeze=False).ravel()
    for ax, m in zip(axes, shown):
        _panel(ax, m, grid, str(m), 6)
        if m == x:
            for spine in ax.spines.values():
                spine.set_edgecolor("tab:red")
                spine.set_linewidth(1.6)
    for ax in axes[len(shown):]:
        ax.remove()
    more = f"; the first {len(shown)} shown" if len(shown) < len(members) else ""
    fig.suptitle(f"Orbit of {render_text(x, grid)} (mask {x}, framed in red): {len(members)} images{more}\n"
                 f"under {_group_label(group)}", fontsize=8)
    fig.subplots_adjust(left=0.04, right=0.96, bottom=0.03, top=1 - 0.62 / fig.get_figheight(),
                        wspace=0.25, hspace=0.35)
    if path is not None:  # drawn in memory, then written atomically (umask, one error naming the path)
        import io

        from ._files import write_file

        buffer = io.BytesIO()
        fig.savefig(buffer, format=os.path.splitext(path)[1][1:].lower(), dpi=150)
        write_file(path, buffer.getvalue())
    return fig


def _check_max_nodes(max_nodes):
    return check_int("max_nodes", max_nodes, min_value=1)


def _refuse_nodes(what, nodes, max_nodes):
    if nodes > max_nodes:
        raise InvalidArgument(f"{what} has {int_short(nodes)} nodes, more than max_nodes={max_nodes}: pass "
                              f"max_nodes={nodes} (or more) to draw it anyway; past a few hundred nodes the drawing "
                              "is a blur")


def plot_cayley_graph(group: PixelGroup, *, ax: Any = None, max_nodes: int = MAX_GRAPH_NODES) -> Any:
    """The Cayley graph of G drawn: one node per element, an arrow ``g -> g*s`` in generator s's colour.

    The graph is :func:`exactorbit.graphs.cayley_graph` (``g*s``: apply g, then
    s); each generator has the colour of its arrows in the group's own picture
    (``G._repr_html_``), and the legend names it with its cycles.  The identity
    is the black node "e".  A generator's two opposite steps between two nodes
    (an involution) are one double-headed arrow.  Layout: a circle or two rings
    when a generator's cycles allow, a grid for a torus, else Kamada-Kawai (no
    randomness).  Refused (InvalidArgument) when |G| exceeds ``max_nodes``,
    before the graph is built.  Nodes are patches of gid ``"node"``, arrows of
    gid ``"generator-k"`` (``"generator-k-both"`` when double-headed).  Returns
    the Figure, which shows itself in Jupyter.

    >>> from exactorbit.groups import named_group
    >>> ax = plot_cayley_graph(named_group("dihedral", "2x2")).axes[0]      # D4: 8 elements
    >>> sum(p.get_gid() == "node" for p in ax.patches), sorted({p.get_gid() for p in ax.patches} - {"node"})
    (8, ['generator-0', 'generator-1-both'])
    """
    check_group(group)
    max_nodes = _check_max_nodes(max_nodes)
    _matplotlib()  # before any computation
    from .graphs import cayley_graph

    order = group.order()
    _refuse_nodes(f"the Cayley graph of {group.name} on {group.grid}", order, max_nodes)
    k = len(group.generators)
    return graph_figure(cayley_graph(group), ax=ax, max_nodes=max_nodes,
                        title=f"Cayley graph of {_group_label(group)}\n{order} element{'s' if order != 1 else ''}, "
                              f"{k} generator"
                              f"{'s' if k != 1 else ''}: an arrow g -> g*s (g, then s) per generator s")


def plot_schreier_graph(group: PixelGroup, image: Any, *, ax: Any = None, max_nodes: int = MAX_GRAPH_NODES,
                        pictures: bool | None = None) -> Any:
    """The Schreier graph of an image's orbit drawn: one node per image of the orbit, an arrow ``y -> s(y)`` in
    generator s's colour.

    ``image`` is an int mask, a text image such as ``"##./.../..."`` or an
    :class:`~exactorbit.images.Image`.  The graph is
    :func:`exactorbit.graphs.schreier_graph`.  Each node is drawn as its picture
    (black = on, with pixel grid lines) when ``pictures`` is True or, by default,
    when the orbit has at most 32 images; else as a dot.  The given image is
    framed in red.  A generator's two opposite steps between two images are one
    double-headed arrow, a generator fixing an image is a loop; colours and
    legend as in :func:`plot_cayley_graph`.  Refused (InvalidArgument) when the
    orbit has more than ``max_nodes`` images (its size is computed first, without
    listing it).  Returns the Figure, which shows itself in Jupyter.

    >>> from exactorbit.groups import named_group
    >>> ax = plot_schreier_graph(named_group("translations", "1x4"), "##..").axes[0]
    >>> sum(p.get_gid() == "node" for p in ax.patches), len(ax.images)        # 4 images, drawn as pictures
    (4, 4)
    """
    check_group(group)
    x = _check_image(group, image)
    max_nodes = _check_max_nodes(max_nodes)
    if pictures is not None and not isinstance(pictures, bool):
        raise InvalidArgument(f"pictures must be True, False or None (automatic), got {describe(pictures)}")
    _matplotlib()  # before any computation
    from .graphs import schreier_graph
    from .stabilizers import orbit_size

    _refuse_nodes(f"the Schreier graph of {render_text(x, group.grid)} under {group.name}", orbit_size(group, x),
                  max_nodes)
    return graph_figure(schreier_graph(group, x), ax=ax, max_nodes=max_nodes, pictures=pictures)


def plot_graph(graph: Any, *, ax: Any = None, max_nodes: int = MAX_GRAPH_NODES, pictures: bool | None = None) -> Any:
    """Draw a graph made by :func:`exactorbit.graphs.cayley_graph` or :func:`exactorbit.graphs.schreier_graph`
    (e.g. a Cayley graph on generators of your choice), as :func:`plot_cayley_graph` and
    :func:`plot_schreier_graph` draw theirs.  Returns the Figure.

    >>> from exactorbit.graphs import cayley_graph
    >>> from exactorbit.groups import named_group
    >>> G = named_group("rotations", "2x2")                                  # C4, generated by the quarter turn
    >>> ax = plot_graph(cayley_graph(G, [(2, 0, 3, 1), (3, 2, 1, 0)])).axes[0]  # quarter turn and half turn
    >>> sorted(p.get_gid() for p in ax.patches if p.get_gid() != "node")
    ['generator-0', 'generator-0', 'generator-0', 'generator-0', 'generator-1-both', 'generator-1-both']
    """
    _matplotlib()
    return graph_figure(graph, ax=ax, max_nodes=_check_max_nodes(max_nodes), pictures=pictures)
