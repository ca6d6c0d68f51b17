"""Rich display in Jupyter: the HTML, SVG and PNG that exactorbit's objects show (``_repr_html_``, ``_repr_png_``).

Private builders, one per object, shared by the result types; each returns a
string of HTML (inline SVG, no scripts, no external files) that stays light and
readable from 1x1 to 28x28 grids: cells shrink with the grid, long lists are cut
with a note, and every exact number is printed exactly (decimals only beside
fractions, for reading).  Nothing here computes anything the object does not
already hold, except a group's order and facts.

The matplotlib side lives here too, imported on first use: the headless Agg
figure that :mod:`exactorbit.plots` draws in, and the drawing of a Cayley or
Schreier graph (:func:`graph_figure`, :func:`graph_png`), so that a graph from
:mod:`exactorbit.graphs` can draw itself without that module importing the plots.
One colour per generator (:data:`GENERATOR_COLOURS`) is shared by a group's
arrows on its grid and the edges of its graphs.

>>> from exactorbit.groups import named_group, cycle_string
>>> "order 8" in group_html(named_group("dihedral", "3x3"), cycle_string)
True
"""

import math
from fractions import Fraction
from html import escape

from ._perm.perms import cycle_string
from ._validation import check_int, check_mask, clip, describe
from .errors import InvalidArgument
from .images import Grid, parse_grid, parse_image, to_array  # noqa: F401  (Grid: for the doctests)

__all__ = ["cell_size", "images_html", "gallery_svg", "group_html", "orbit_html", "decomposition_html", "claim_html",
           "tour_html", "depth_html", "family_html", "certificate_html", "fraction_text", "GENERATOR_COLOURS",
           "generator_colour", "arrow_moves", "graph_figure", "graph_png"]

#: How many images a row shows before it is cut.
MAX_IMAGES = 48
#: The colour of generator k, ``GENERATOR_COLOURS[k % 6]``, in every picture of a group: its arrows on the grid
#: (``group._repr_html_``) and its edges in a Cayley or Schreier graph (:func:`graph_figure`).
GENERATOR_COLOURS = ("#0969da", "#cf222e", "#1a7f37", "#8250df", "#bc4c00", "#6e7781")
#: Grid lines are drawn in a tile whose cells are at least this many pixels wide.
GRID_LINES_FROM = 6
_VERDICT_COLOURS = {"holds": "#1a7f37", "fails": "#cf222e", "undecided": "#9a6700"}
_STYLE = "font-family: sans-serif; font-size: 13px; line-height: 1.4"


def generator_colour(k):
    """The colour of generator ``k`` (0-based) in every picture of a group; the six colours repeat.

    >>> generator_colour(0), generator_colour(7) == generator_colour(1)
    ('#0969da', True)
    """
    return GENERATOR_COLOURS[check_int("k", k, min_value=0) % len(GENERATOR_COLOURS)]


def cell_size(grid):
    """Pixels per cell: 14 for tiny grids, down to 4 at 28x28 (an image stays about 112 px wide).

    >>> cell_size(parse_grid("3x3")), cell_size(parse_grid("28x28")), cell_size(parse_grid("64x64"))
    (14, 4, 2)
    """
    grid = parse_grid(grid)
    return max(2, min(14, 112 // max(grid.h, grid.w)))


def fraction_text(value):
    """An exact fraction with its decimal beside it, for reading (never for JSON).

    >>> fraction_text(Fraction(1, 3)), fraction_text(Fraction(2))
    ('1/3 (≈ 0.3333)', '2')
    """
    value = Fraction(value)
    if value.denominator == 1:
        return str(value.numerator)
    return f"{value.numerator}/{value.denominator} (≈ {float(value):.4g})"  # float-ok: a decimal to read beside the exact value


def _tiles_svg(masks, grid, *, cell, gap, x=None, y=None):
    """A row of images as one SVG: a white frame each, black on-pixels and, from cells of GRID_LINES_FROM pixels,
    the pixel grid lines (light grey, over the pixels, so that neighbouring on-pixels stay apart)."""
    width = max(1, len(masks)) * (grid.w * cell + gap) - gap
    height = grid.h * cell
    place = "" if x is None else f'x="{x}" y="{y}" '
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" {place}width="{width + 2}" height="{height + 2}" '
             f'viewBox="-1 -1 {width + 2} {height + 2}">']
    lines = cell >= GRID_LINES_FROM and grid.n > 1
    for k, mask in enumerate(masks):
        mask = check_mask("mask", mask, grid.n)
        x0 = k * (grid.w * cell + gap)
        parts.append(f'<rect x="{x0}" y="0" width="{grid.w * cell}" height="{height}" '
                     'fill="white" stroke="#888" stroke-width="1"/>')
        for i in range(grid.n):
            if mask >> i & 1:
                r, c = divmod(i, grid.w)
                parts.append(f'<rect x="{x0 + c * cell}" y="{r * cell}" width="{cell}" height="{cell}" fill="black"/>')
        if lines:
            d = "".join(f"M{x0 + c * cell} 0v{height}" for c in range(1, grid.w))
            d += "".join(f"M{x0} {r * cell}h{grid.w * cell}" for r in range(1, grid.h))
            parts.append(f'<path class="pixel-grid" d="{d}" stroke="#bbb" stroke-width="0.6" fill="none"/>')
    parts.append("</svg>")
    return "".join(parts)


def images_html(masks, grid, *, limit=MAX_IMAGES):
    """A row of images as inline SVG, with pixel grid lines, cut after ``limit`` with a note.

    >>> html = images_html([1, 2], "1x2")
    >>> html.startswith("<div"), html.count('class="pixel-grid"')
    (True, 2)
    """
    grid = parse_grid(grid)
    masks = list(masks)
    shown = masks[:limit]
    cell = cell_size(grid)
    note = "" if len(masks) <= limit else f"<div style='color:#666'>… and {len(masks) - limit} more</div>"
    per_row = max(1, 720 // (grid.w * cell + 6))
    rows = [shown[i:i + per_row] for i in range(0, len(shown), per_row)] or [[]]
    svgs = "".join(f"<div>{_tiles_svg(row, grid, cell=cell, gap=6)}</div>" for row in rows if row)
    return f"<div>{svgs}{note}</div>"


def gallery_svg(masks, grid, *, columns=16, title=None):
    """One standalone SVG file of many images in rows of ``columns`` (an orbit gallery), with a title line and
    pixel grid lines in each image.

    >>> svg = gallery_svg([1, 2, 4], "1x3", columns=2, title="orbit")
    >>> svg.startswith("<svg") and svg.count("<svg") == 3 and "orbit" in svg, svg.count('class="pixel-grid"')
    (True, 3)
    """
    grid = parse_grid(grid)
    masks = list(masks)
    cell = cell_size(grid)
    gap = 6
    rows = [masks[i:i + columns] for i in range(0, len(masks), columns)] or [[]]
    row_w = columns * (grid.w * cell + gap)
    row_h = grid.h * cell + gap + 2
    top = 20 if title else 0
    width, height = row_w + 4, top + len(rows) * row_h + 2
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}">']
    if title:
        parts.append(f'<text x="2" y="14" font-family="sans-serif" font-size="12">{escape(title)}</text>')
    for r, row in enumerate(rows):
        if row:
            parts.append(_tiles_svg(row, grid, cell=cell, gap=gap, x=1, y=top + r * row_h))
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def _table(header, rows):
    head = "".join(f"<th style='text-align:left;padding:2px 8px'>{escape(str(h))}</th>" for h in header)
    body = "".join(
        "<tr>" + "".join(f"<td style='padding:2px 8px'>{cell}</td>" for cell in row) + "</tr>" for row in rows
    )
    return f"<table style='border-collapse:collapse'><tr>{head}</tr>{body}</table>"


def _torus_step(g, grid):
    """(dr, dc), the shortest step of ``g`` when g is a translation of the h x w torus (every pixel moves by the
    same step modulo (h, w), none stays), else None."""
    steps = set()
    for i, j in enumerate(g):
        (r0, c0), (r1, c1) = divmod(i, grid.w), divmod(j, grid.w)
        steps.add(((r1 - r0) % grid.h, (c1 - c0) % grid.w))
        if len(steps) > 1 or i == j:
            return None
    ((dr, dc),) = steps
    return (dr if 2 * dr <= grid.h else dr - grid.h, dc if 2 * dc <= grid.w else dc - grid.w)


def arrow_moves(g, grid):
    """How a permutation of the pixels is drawn: a list of ``(kind, i, j)``, pixel i going to pixel j.

    ``kind`` is ``"swap"`` for a 2-cycle (listed once, i < j: one double-headed
    arrow), ``"wrap"`` for the step of a torus translation that crosses the edge
    of the grid (the last pixel of a row going back to the first: drawn dashed,
    outside the grid), and ``"step"`` for every other move of a cycle of length
    3 or more.  So a cyclic shift (steps and one wrap per cycle) looks different
    from a product of swaps.

    >>> arrow_moves((1, 2, 3, 0), Grid(1, 4))          # the shift of a 1x4 strip: a 4-cycle
    [('step', 0, 1), ('step', 1, 2), ('step', 2, 3), ('wrap', 3, 0)]
    >>> arrow_moves((3, 2, 1, 0), Grid(1, 4))          # the mirror: two swaps
    [('swap', 0, 3), ('swap', 1, 2)]
    """
    grid = parse_grid(grid)
    if len(g) != grid.n:
        raise InvalidArgument(f"g must permute the {grid.n} pixels of the {grid} grid, got length {len(g)}")
    torus = _torus_step(g, grid)
    moves = []
    for i, j in enumerate(g):
        if i == j:
            continue
        if g[j] == i:
            if i < j:
                moves.append(("swap", i, j))
            continue
        (r0, c0), (r1, c1) = divmod(i, grid.w), divmod(j, grid.w)
        wraps = torus is not None and (r1 - r0, c1 - c0) != torus
        moves.append(("wrap" if wraps else "step", i, j))
    return moves


def _exit(x, y, ux, uy, width, height, beyond):
    """The point where the ray from (x, y) along (ux, uy) leaves the box [0, width] x [0, height], then ``beyond``
    further."""
    t = math.inf
    for u, p, size in ((ux, x, width), (uy, y, height)):
        if u > 1e-9:
            t = min(t, (size - p) / u)
        elif u < -1e-9:
            t = min(t, -p / u)
    return x + ux * (t + beyond), y + uy * (t + beyond)


def _arrow_svg(kind, x0, y0, x1, y1, cell, k, w, h):
    """One move as SVG: a swap (double-headed line), a step (an arrow, bent a little when it is not a torus step),
    or the wrap of a strip (a dashed arc outside it; a torus's wraps: :func:`_wrap_stubs_svg`)."""
    dx, dy = x1 - x0, y1 - y0
    length = max(math.hypot(dx, dy), 1e-9)
    ux, uy = dx / length, dy / length
    shrink = min(cell * 0.3, length / 3)
    style = f'stroke="{generator_colour(k)}" stroke-width="1.2" fill="none"'
    if kind == "swap":
        return (f'<line class="swap" x1="{x0 + ux * shrink:.1f}" y1="{y0 + uy * shrink:.1f}" '
                f'x2="{x1 - ux * shrink:.1f}" y2="{y1 - uy * shrink:.1f}" {style} '
                f'marker-start="url(#s{k})" marker-end="url(#a{k})"/>')
    if kind == "step":
        ex, ey = x1 - ux * shrink, y1 - uy * shrink
        bend = 0.0 if length <= cell * 1.01 else 0.18 * length  # neighbours: straight; longer moves: a light curve
        cx, cy = (x0 + ex) / 2 + uy * bend, (y0 + ey) / 2 - ux * bend
        return (f'<path class="step" d="M{x0:.1f},{y0:.1f} Q{cx:.1f},{cy:.1f} {ex:.1f},{ey:.1f}" {style} '
                f'marker-end="url(#a{k})"/>')
    dash = 'stroke-dasharray="3,2"'  # a wrap on a 1 x N or N x 1 strip: one arc outside, below it (or to its right)
    if h <= cell:
        depth = h + cell * 0.7
        d = (f"M{x0:.1f},{y0 + cell * 0.2:.1f} C{x0:.1f},{depth:.1f} {x1:.1f},{depth:.1f} "
             f"{x1:.1f},{y1 + cell * 0.3:.1f}")
    else:
        depth = w + cell * 0.7
        d = (f"M{x0 + cell * 0.2:.1f},{y0:.1f} C{depth:.1f},{y0:.1f} {depth:.1f},{y1:.1f} "
             f"{x1 + cell * 0.3:.1f},{y1:.1f}")
    return f'<path class="wrap" d="{d}" {style} {dash} marker-end="url(#a{k})"/>'


def _wrap_stubs_svg(x0, y0, x1, y1, step, cell, k, w, h):
    """A wrap on a torus: a dashed stub leaving the grid from the source along the step, and one entering the grid
    into the target, in one path (one arrow head, at the target)."""
    ux, uy = step[1], step[0]
    norm = math.hypot(ux, uy)
    ux, uy = ux / norm, uy / norm
    sx, sy = _exit(x0, y0, ux, uy, w, h, cell * 0.3)
    tx, ty = _exit(x1, y1, -ux, -uy, w, h, cell * 0.3)
    ex, ey = x1 - ux * cell * 0.3, y1 - uy * cell * 0.3
    return (f'<path class="wrap" d="M{x0:.1f},{y0:.1f} L{sx:.1f},{sy:.1f} M{tx:.1f},{ty:.1f} L{ex:.1f},{ey:.1f}" '
            f'stroke="{generator_colour(k)}" stroke-width="1.2" fill="none" stroke-dasharray="3,2" '
            f'marker-end="url(#a{k})"/>')


def _arrows_svg(group, limit=6):
    """The grid with each generator drawn on it (grids up to 12x12): an arrow from each moved pixel to its image,
    one double-headed arrow per swap, and a translation's wrap-around across the edge of the grid dashed outside."""
    grid = group.grid
    if grid.n > 144 or not group.generators:
        return ""
    cell = max(14, min(28, 168 // max(grid.h, grid.w)))
    margin = round(cell * 0.9)
    strip = grid.h == 1 or grid.w == 1
    parts, kinds = [], set()
    for k, g in enumerate(group.generators[:limit]):
        colour = generator_colour(k)
        w, h = grid.w * cell, grid.h * cell
        svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w + 2 * margin}" height="{h + 2 * margin}" '
               f'viewBox="{-margin} {-margin} {w + 2 * margin} {h + 2 * margin}">',
               f'<defs><marker id="a{k}" markerWidth="6" markerHeight="6" refX="5" refY="3" orient="auto">'
               f'<path d="M0,0 L6,3 L0,6 z" fill="{colour}"/></marker>'
               f'<marker id="s{k}" markerWidth="6" markerHeight="6" refX="1" refY="3" orient="auto">'
               f'<path d="M6,0 L0,3 L6,6 z" fill="{colour}"/></marker></defs>',
               f'<rect x="0" y="0" width="{w}" height="{h}" fill="white" stroke="#888"/>']
        for i in range(grid.n):
            r, c = divmod(i, grid.w)
            svg.append(f'<circle cx="{c * cell + cell / 2}" cy="{r * cell + cell / 2}" r="1.5" fill="#888"/>')
        step = _torus_step(g, grid)
        for kind, i, j in arrow_moves(g, grid):
            kinds.add(kind)
            (r0, c0), (r1, c1) = divmod(i, grid.w), divmod(j, grid.w)
            x0, y0, x1, y1 = c0 * cell + cell / 2, r0 * cell + cell / 2, c1 * cell + cell / 2, r1 * cell + cell / 2
            if kind == "wrap" and not strip:
                svg.append(_wrap_stubs_svg(x0, y0, x1, y1, step, cell, k, w, h))
            else:
                svg.append(_arrow_svg(kind, x0, y0, x1, y1, cell, k, w, h))
        svg.append("</svg>")
        parts.append(f"<div style='display:inline-block;margin-right:10px;text-align:center'>{''.join(svg)}"
                     f"<div style='color:{colour}'>generator {k}</div></div>")
    key = []
    if "wrap" in kinds:
        key.append("dashed: the wrap-around of a translation, from the last pixel back to the first")
    if "swap" in kinds:
        key.append("double-headed: two pixels swapped (a 2-cycle)")
    note = f"<div style='color:#666;font-size:11px'>{'; '.join(key)}</div>" if key else ""
    return "<div>" + "".join(parts) + note + "</div>"


def group_html(group, cycle_string):
    """A group: name, grid, order, structure, generators as cycles (``cycle_string``) and as arrows on the grid."""
    facts = group.structure() if group.n <= 64 or group.natural_kind else {"order": group.order()}
    kinds = [name for name in ("abelian", "cyclic", "dihedral") if facts.get(f"is_{name}")]
    structure = ", ".join(kinds) if kinds else ("not abelian" if "is_abelian" in facts else "")
    gens = group.generators
    cycles = "".join(f"<li><code>{escape(cycle_string(g))}</code></li>" for g in gens[:12])
    if len(gens) > 12:
        cycles += f"<li>… and {len(gens) - 12} more</li>"
    return (f"<div style='{_STYLE}'><b>{escape(group.name)}</b> on the {group.grid} grid "
            f"(degree {group.n}): <b>order {group.order()}</b>{'; ' + structure if structure else ''}"
            f"<div>generators (0-based cycles):</div><ul style='margin:2px 0'>{cycles or '<li>none (trivial)</li>'}</ul>"
            f"{_arrows_svg(group)}</div>")


def orbit_html(orbit, grid, *, method=None):
    """An orbit: its size, its route, its images (the first MAX_IMAGES)."""
    masks = list(orbit)
    route = f" ({escape(method)} route)" if method else ""
    if masks and isinstance(masks[0], tuple):  # an orbit of tuples of images: one row per tuple
        rows = "".join(f"<div>{images_html(list(t), grid)}</div>" for t in masks[:12])
        return f"<div style='{_STYLE}'>orbit of {len(masks)} tuples{route}{rows}</div>"
    return f"<div style='{_STYLE}'>orbit of size <b>{len(masks)}</b>{route}{images_html(masks, grid)}</div>"


def _bars_svg(histogram, width=360, bar_height=16):
    """A horizontal bar chart of {label: count} (counts exact, bars scaled)."""
    if not histogram:
        return ""
    top = max(histogram.values())
    rows = []
    for k, (label, count) in enumerate(histogram.items()):
        length = 0 if not top else max(1, round(width * count / top))
        y = k * (bar_height + 4)
        rows.append(f'<text x="0" y="{y + bar_height - 4}" font-size="11">{escape(str(label))}</text>'
                    f'<rect x="70" y="{y}" width="{length}" height="{bar_height}" fill="#0969da"/>'
                    f'<text x="{74 + length}" y="{y + bar_height - 4}" font-size="11">{count}</text>')
    h = len(histogram) * (bar_height + 4)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width + 140}" height="{h}">' + "".join(rows)
            + "</svg>")


def decomposition_html(dec, grid=None):
    """An orbit decomposition: totals, the orbit-size histogram, the minimal-orbit features."""
    what = "all images" if dec.weight is None else f"the images of weight {dec.weight}"
    hist = {f"size {s}": k for s, k in dec.orbit_sizes.items()}
    feats = ""
    if grid is not None and dec.minimal_orbit_features:
        feats = (f"<div>minimal-orbit non-constant features (orbit size {dec.smallest_nonconstant_orbit_size}):</div>"
                 + images_html(dec.minimal_orbit_features, grid))
    return (f"<div style='{_STYLE}'>{dec.images} images ({what}) in <b>{dec.orbits} orbits</b> "
            f"under a group of order {dec.group_order} ({escape(dec.method)} route)"
            f"<div>orbits by size:</div>{_bars_svg(hist)}{feats}</div>")


def _badge(verdict):
    colour = _VERDICT_COLOURS.get(verdict, "#6e7781")
    return (f"<span style='background:{colour};color:white;border-radius:4px;padding:0 6px;"
            f"font-weight:bold'>{escape(verdict.upper())}</span>")


def claim_html(claim, grid=None):
    """A claim: its verdict at a glance, statement, summary and evidence pictures."""
    pictures = ""
    if grid is not None and claim.pictures:
        pictures = images_html(claim.pictures[:16], grid)
    return (f"<div style='{_STYLE};margin-bottom:8px'>{_badge(claim.verdict)} <b>{escape(claim.id)}</b> "
            f"{escape(claim.statement)}<div style='color:#444'>{escape(claim.summary)}</div>{pictures}</div>")


def tour_html(report):
    """The tour report: the case, the verdicts at a glance, then each claim with its pictures."""
    case = report.case
    verdicts = " ".join(f"{_badge(c.verdict)}&nbsp;{escape(c.id)}" for c in report.claims)
    body = "".join(claim_html(c, report.grid) for c in report.claims)
    return (f"<div style='{_STYLE}'><div><b>exactorbit tour</b> (version {escape(report.version)}): "
            f"{escape(str(case.get('family', '')))}</div>"
            f"<div>group {escape(str(case.get('group', '')))} of order {case.get('group_order')} on the "
            f"{report.grid} grid; {case.get('parameter_settings')} parameter settings</div>"
            f"<div style='margin:6px 0'>{verdicts}</div>{body}</div>")


def depth_html(table):
    """A depth table: per layer the number of features, minimal orbit size and the features drawn."""
    grid = table.group.grid
    rows = []
    for row in table.layers:
        k = row.orbit_sizes.index(row.min_orbit_size)
        rows.append((row.layer, len(row.features), row.min_orbit_size, row.stabilizer_orders[k], row.on_pixels[k],
                     row.code_orbit_size, images_html(sorted(set(row.unions))[:8], grid, limit=8)))
    stopped = f"<div style='color:#666'>stopped: {escape(str(table.stopped))}</div>" if table.stopped else ""
    return (f"<div style='{_STYLE}'>depth table of {escape(str(table.group.name))} (order {table.group.order()}) "
            f"on the {grid} grid, codes: {escape(table.mode)}"
            + _table(["layer", "features", "min |Orb|", "|Stab|", "on-pixels", "code |Orb|", "unions (first 8)"], rows)
            + stopped + "</div>")


def family_html(description, settings):
    """A network family: its description and exact number of parameter settings."""
    return (f"<div style='{_STYLE}'><b>{escape(description)}</b>"
            f"<div>{settings} parameter settings, each counted once</div></div>")


def certificate_html(doc):
    """A certificate: kind, group, claim, and what verifying it means."""
    claim = doc.get("claim", {})
    inp = doc.get("input", {})
    rows = [(escape(str(k)), escape(str(v))[:200]) for k, v in claim.items()]
    grid = inp.get("grid")
    picture = ""
    shown = f"{grid[0]}x{grid[1]}" if isinstance(grid, list) and len(grid) == 2 else str(grid)  # '3x3', as everywhere
    if doc.get("kind") == "orbit" and isinstance(grid, list) and len(grid) == 2:
        picture = images_html([claim.get("image", 0)], shown)
    return (f"<div style='{_STYLE}'><b>{escape(str(doc.get('kind')))} certificate</b> for the group "
            f"{escape(str(inp.get('group')))} on the {escape(shown)} grid"
            f"{_table(['claim', 'value'], rows)}{picture}"
            "<div style='color:#666'>check it with <code>exactorbit verify FILE</code> "
            "(the independent checker)</div></div>")


# -- matplotlib: the headless figure, and the drawing of a Cayley or Schreier graph ---------------------------------

#: How to get matplotlib, quoted by the error raised when it is missing.
INSTALL = "pip install 'exactorbit[plot]'"
#: A graph of more nodes is refused by default (pass ``max_nodes``): past a few hundred nodes a drawing is a blur.
MAX_GRAPH_NODES = 200
#: A Schreier graph of at most this many images draws each node as its picture (``pictures=None``).
PICTURE_NODES = 32


def _matplotlib():
    """The pieces of matplotlib the plots use, imported on first use; InvalidArgument when it is missing."""
    try:
        from matplotlib.axes import Axes
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.collections import LineCollection
        from matplotlib.figure import Figure
    except ImportError as exc:
        raise InvalidArgument(
            f"plotting needs matplotlib, which could not be imported ({exc}); install the plot extra: {INSTALL}"
        ) from None
    return Axes, FigureCanvasAgg, LineCollection, Figure


def _displayable(fig):
    """Let Jupyter draw a figure made without pyplot (IPython then finds no formatter for it): a PNG of it."""
    import io

    def png():
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", dpi=100)
        return buffer.getvalue()

    fig._repr_png_ = png
    return fig


def _axes(ax, figsize):
    """(figure, axes) to draw in: a new Figure on an Agg canvas, or the root figure of a given Axes."""
    Axes, FigureCanvasAgg, _, Figure = _matplotlib()
    if ax is None:
        fig = Figure(figsize=figsize, layout="constrained")
        FigureCanvasAgg(fig)  # headless: never pyplot, never a window, the global backend untouched
        return _displayable(fig), fig.add_subplot()
    if not isinstance(ax, Axes):
        raise InvalidArgument(f"ax must be a matplotlib Axes or None, got {describe(ax)}")
    fig = ax.figure
    return getattr(fig, "figure", None) or fig, ax  # a SubFigure's root Figure


def _graph_parts(graph):
    """(generators, grid or None, title) of a graph from :mod:`exactorbit.graphs`; InvalidArgument otherwise."""
    import networkx as nx

    wrong = ("graph must be a Cayley or Schreier graph from exactorbit.graphs (cayley_graph, schreier_graph), "
             f"got {describe(graph)}")
    if not isinstance(graph, nx.DiGraph) or not isinstance(graph.graph.get("generators"), tuple):
        raise InvalidArgument(wrong)
    gens = graph.graph["generators"]
    if any(not isinstance(d.get("generator"), int) or not 0 <= d["generator"] < len(gens)
           for _, _, d in graph.edges(data=True)) or not graph.number_of_nodes():
        raise InvalidArgument(wrong)
    name = graph.graph.get("group", "a group")
    if "image" not in graph.graph:
        degree = len(gens[0]) if gens else len(next(iter(graph)))
        return gens, None, (f"Cayley graph of {name} ({degree} pixels): {graph.number_of_nodes()} elements, "
                            f"{len(gens)} generator{'s' if len(gens) != 1 else ''}")
    texts = [d.get("text") for _, d in graph.nodes(data=True)]
    if not all(isinstance(t, str) for t in texts):
        raise InvalidArgument(wrong)
    _, grid = parse_image(texts[0])
    x = graph.graph["image"]
    n, e = graph.number_of_nodes(), graph.number_of_edges()
    return gens, grid, (f"Schreier graph of {texts[0] if x not in graph else graph.nodes[x]['text']} under {name} "
                        f"on {grid}: {n} image{'s' if n != 1 else ''}, {e} edge{'s' if e != 1 else ''}")


def _generator_cycles(graph, nodes, k):
    """The cycles of generator ``k`` on the nodes (following its edges), or None when some node has no k-edge."""
    step = {u: v for u, v, d in graph.edges(data=True) if d["generator"] == k}
    if len(step) != len(nodes):
        return None
    cycles, seen = [], set()
    for v in nodes:
        if v not in seen:
            cycle = [v]
            seen.add(v)
            while step[cycle[-1]] not in seen:
                cycle.append(step[cycle[-1]])
                seen.add(cycle[-1])
            cycles.append(cycle)
    return cycles


def _circle(walk, radius=1.0):
    n = len(walk)
    angles = [math.pi / 2 - 2 * math.pi * i / n for i in range(n)]  # clockwise from the top
    return {v: (radius * math.cos(a), radius * math.sin(a)) for v, a in zip(walk, angles)}


def _rings(graph, nodes):
    """A generator with one cycle through every node (a circle), or two cycles of one length >= 3 joined by spokes
    (two concentric rings, the inner one placed by the spokes, as a dihedral group's Cayley graph is drawn), or a
    torus grid (:func:`_torus`): the positions, else None."""
    start = graph.graph.get("image", nodes[0])
    for k in range(len(graph.graph["generators"])):
        cycles = _generator_cycles(graph, nodes, k)
        if cycles is None or len(cycles) > 2 or len(cycles[0]) < 3 or len({len(c) for c in cycles}) > 1:
            continue
        outer = next(c for c in cycles if start in c)
        outer = outer[outer.index(start):] + outer[:outer.index(start)]
        if len(cycles) == 1:
            return _circle(outer)
        inner = set(next(c for c in cycles if start not in c))
        spokes = []
        for v in outer:
            partners = sorted(w for w in list(graph.successors(v)) + list(graph.predecessors(v)) if w in inner)
            spokes.append(partners[0] if partners else None)
        if None not in spokes and len(set(spokes)) == len(spokes):
            return {**_circle(outer), **_circle(spokes, 0.5)}
    return _torus(graph, nodes, start)


def _torus_rows(first, steps, k0, k1, cycle_of):
    """The rows of a grid: ``first`` (a cycle of k0), then its images under k1, each again a cycle of k0 in the same
    order, until k1 comes back to ``first``; None when they do not make a grid."""
    rows = [first]
    while True:
        row = [steps[k1][v] for v in rows[-1]]
        if row == first:
            return rows
        if row[0] in cycle_of[id(first)] or any(steps[k0][a] != b for a, b in zip(row, row[1:])) or \
                steps[k0][row[-1]] != row[0] or len(rows) > len(steps[k0]):
            return None
        rows.append(row)


def _torus(graph, nodes, start):
    """Two commuting generators whose cycles make r x c grids (r, c >= 3), at most 4 of them (a Cayley or Schreier
    graph of the torus's translations, or an orbit under translations and more): rows along the first, columns
    along the second, the grids side by side; the positions, else None."""
    gens = len(graph.graph["generators"])
    steps = [{u: v for u, v, d in graph.edges(data=True) if d["generator"] == k} for k in range(gens)]
    for k0 in range(gens):
        cycles = _generator_cycles(graph, nodes, k0)
        if cycles is None or len({len(c) for c in cycles}) > 1 or len(cycles[0]) < 3:
            continue
        home = {v: c for c in cycles for v in c}
        cycle_of = {id(c): set(c) for c in cycles}
        for k1 in range(gens):
            if k1 == k0 or len(steps[k1]) != len(nodes):
                continue
            grids, placed = [], set()
            for seed in [start] + list(nodes):
                if seed in placed:
                    continue
                first = home[seed][home[seed].index(seed):] + home[seed][:home[seed].index(seed)]
                cycle_of[id(first)] = cycle_of[id(home[seed])]
                rows = _torus_rows(first, steps, k0, k1, cycle_of)
                if rows is None or len(rows) < 3 or len(grids) == 4 or (grids and len(rows) != len(grids[0])):
                    break
                grids.append(rows)
                placed.update(v for row in rows for v in row)
            if len(placed) == len(nodes):
                w = len(grids[0][0])
                return _normalised({v: (i + g * (w + 0.9), -j) for g, rows in enumerate(grids)
                                    for j, row in enumerate(rows) for i, v in enumerate(row)}, nodes)
    return None


def _layout(graph, nodes):
    """Node positions in [-1, 1]^2: rings or a grid when the generators' cycles allow (:func:`_rings`), else
    Kamada-Kawai from the spectral layout up to 150 nodes (no randomness), else a spring layout with seed 0."""
    import networkx as nx
    import numpy as np

    n = len(nodes)
    if n <= 2:
        return {v: (float(i) * 2 - 1 if n == 2 else 0.0, 0.0) for i, v in enumerate(nodes)}  # float-ok: drawing
    pos = _rings(graph, nodes)
    if pos is not None:
        return pos
    simple = nx.Graph()
    simple.add_nodes_from(nodes)
    simple.add_edges_from((u, v) for u, v in graph.edges() if u != v)
    pos = None
    if n <= 150:
        try:  # from the spectral layout (it shows the graph's symmetry), made even by Kamada-Kawai
            pos = nx.kamada_kawai_layout(simple, pos=nx.spectral_layout(simple))
        except ImportError:  # Kamada-Kawai needs scipy, which exactorbit does not require
            pos = None
    if pos is None:
        pos = nx.spring_layout(simple, seed=0)
    return _normalised(pos, nodes)


def _normalised(pos, nodes):
    """The positions centred and scaled into [-1, 1]^2 (the longer side spanning it), as floats."""
    import numpy as np

    xy = np.array([pos[v] for v in nodes], dtype=float)
    xy -= (xy.max(axis=0) + xy.min(axis=0)) / 2
    xy /= max(float(np.abs(xy).max()), 1e-9)  # float-ok: drawing
    return {v: (float(a), float(b)) for v, (a, b) in zip(nodes, xy)}  # float-ok: drawing


def _edge_items(graph, index):
    """The arrows to draw: {(u, v) with index[u] <= index[v]: [(k, forward, both)]}, one per generator and
    direction, a generator's two opposite steps between u and v merged into one double-headed arrow."""
    steps = {}
    for u, v, d in graph.edges(data=True):
        steps.setdefault((u, v), set()).add(d["generator"])
    items = {}
    for (u, v), ks in steps.items():
        a, b = (u, v) if index[u] <= index[v] else (v, u)
        for k in sorted(ks):
            both = u != v and k in steps.get((v, u), ())
            if both and (u, v) != (a, b):
                continue  # drawn once, from the other end
            items.setdefault((a, b), []).append((k, (u, v) == (a, b), both))
    return items


def _passes_over(xy, a, b, size):
    """Whether the segment a-b passes within ``size`` of a node other than its ends (then it is drawn bent)."""
    import numpy as np

    a, b = np.asarray(a), np.asarray(b)
    d = b - a
    t = np.clip(((xy - a) @ d) / max(float(d @ d), 1e-12), 0, 1)  # float-ok: drawing
    near = np.hypot(*(a + t[:, None] * d - xy).T) < size
    return bool((near & (t > 1e-6) & (t < 1 - 1e-6)).any())


def _arrow(start, end, rad, reach, k, both, head, FancyArrowPatch, Path):
    """One edge: a quadratic curve from node to node (``rad`` as matplotlib's ``arc3``: 0 is straight), cut at the
    two nodes' borders here in data coordinates (matplotlib's own cutting at patches is slow)."""
    (x0, y0), (x1, y1) = start, end
    cx, cy = (x0 + x1) / 2 - rad * (y1 - y0), (y0 + y1) / 2 + rad * (x1 - x0)
    a0, a1 = math.atan2(cy - y0, cx - x0), math.atan2(cy - y1, cx - x1)
    r0, r1 = reach(a0) * 1.08, reach(a1) * 1.08
    path = Path([(x0 + r0 * math.cos(a0), y0 + r0 * math.sin(a0)), (cx, cy),
                 (x1 + r1 * math.cos(a1), y1 + r1 * math.sin(a1))], [Path.MOVETO, Path.CURVE3, Path.CURVE3])
    return FancyArrowPatch(path=path, arrowstyle="<|-|>" if both else "-|>", mutation_scale=head, lw=1.0,
                           color=generator_colour(k), zorder=1, gid=f"generator-{k}" + ("-both" if both else ""))


def _loop(ax, centre, reach, angle, k, scale, FancyArrowPatch, Path):
    """A loop (a generator fixing the node) as a small arrowed curve outside the node, towards ``angle``."""
    cx, cy = centre
    def at(r, a):
        return cx + r * math.cos(a), cy + r * math.sin(a)
    spread = math.radians(28)
    path = Path([at(reach(angle + spread), angle + spread), at(reach(angle) + 2.2 * scale, angle + 1.6 * spread),
                 at(reach(angle) + 2.2 * scale, angle - 1.6 * spread), at(reach(angle - spread), angle - spread)],
                [Path.MOVETO, Path.CURVE4, Path.CURVE4, Path.CURVE4])
    arrow = FancyArrowPatch(path=path, arrowstyle="-|>", mutation_scale=8, color=generator_colour(k), lw=1.0,
                            zorder=1, gid=f"generator-{k}-loop")
    ax.add_patch(arrow)


def _graph_nodes(ax, graph, nodes, pos, grid, pictures, size):
    """Draw the nodes (pictures with pixel grid lines, or dots) and return {node: patch} and the reach function
    (distance from a node's centre to its border in a direction)."""
    from matplotlib.collections import LineCollection
    from matplotlib.patches import Circle, Rectangle

    patches = {}
    start = graph.graph.get("image")
    if pictures:
        side = max(grid.h, grid.w)
        hw, hh = size * grid.w / side / 2, size * grid.h / side / 2
        lines = []
        for v in nodes:
            x, y = pos[v]
            ax.imshow(to_array(v, grid), cmap="gray_r", vmin=0, vmax=1, interpolation="nearest", zorder=2,
                      extent=(x - hw, x + hw, y - hh, y + hh))
            lines += [[(x - hw + 2 * hw * c / grid.w, y - hh), (x - hw + 2 * hw * c / grid.w, y + hh)]
                      for c in range(1, grid.w)]
            lines += [[(x - hw, y - hh + 2 * hh * r / grid.h), (x + hw, y - hh + 2 * hh * r / grid.h)]
                      for r in range(1, grid.h)]
            frame = Rectangle((x - hw, y - hh), 2 * hw, 2 * hh, fill=False, zorder=3, gid="node",
                              edgecolor="tab:red" if v == start else "0.35", lw=1.8 if v == start else 0.8)
            patches[v] = ax.add_patch(frame)
        ax.add_collection(LineCollection(lines, colors="0.7", linewidths=0.4, zorder=2.5, gid="pixel-grid"))

        def reach(angle):
            c, s = abs(math.cos(angle)), abs(math.sin(angle))
            return min(hw / c if c > 1e-9 else math.inf, hh / s if s > 1e-9 else math.inf)
    else:
        radius = size / 2
        identity = tuple(range(len(nodes[0]))) if isinstance(nodes[0], tuple) else None
        for v in nodes:
            special = v == start or v == identity
            dot = Circle(pos[v], radius, zorder=3, gid="node", facecolor="black" if special else "white",
                         edgecolor="tab:red" if v == start else "black", lw=1.4 if v == start else 0.8)
            patches[v] = ax.add_patch(dot)
            if v == identity:
                ax.annotate("e", pos[v], ha="center", va="center", color="white", fontsize=7, zorder=4)

        def reach(angle):
            return radius
    return patches, reach


def graph_figure(graph, *, ax=None, max_nodes=MAX_GRAPH_NODES, pictures=None, title=None):
    """Draw a Cayley or Schreier graph from :mod:`exactorbit.graphs` with matplotlib: the Figure.

    Nodes are the group's elements (the identity black, marked "e") or the
    images of the orbit (drawn as their pictures, with pixel grid lines, when
    ``pictures`` is True or, by default, when there are at most PICTURE_NODES;
    else dots; the image whose orbit it is is framed in red).  Each edge is an
    arrow in its generator's colour (:func:`generator_colour`); a generator's two
    opposite steps between two nodes are one double-headed arrow, parallel arrows
    bend apart, and a generator fixing a node is a loop.  The legend names the
    generators.  Refused (InvalidArgument) past ``max_nodes`` nodes.  The
    nodes are patches of gid ``"node"``; the arrows have gid ``"generator-k"``
    (``"generator-k-both"`` for a double-headed one, ``"generator-k-loop"``).

    >>> from exactorbit.graphs import schreier_graph
    >>> from exactorbit.groups import named_group
    >>> ax = graph_figure(schreier_graph(named_group("translations", "1x3"), 1)).axes[0]
    >>> len(ax.images), sorted(p.get_gid() for p in ax.patches if p.get_gid() != "node")
    (3, ['generator-0', 'generator-0', 'generator-0'])
    """
    gens, grid, default_title = _graph_parts(graph)
    max_nodes = check_int("max_nodes", max_nodes, min_value=1)
    n = graph.number_of_nodes()
    if n > max_nodes:
        raise InvalidArgument(f"the graph has {n} nodes, more than max_nodes={max_nodes}: pass max_nodes={n} (or "
                              "more) to draw it anyway; past a few hundred nodes the drawing is a blur")
    if pictures is not None and not isinstance(pictures, bool):
        raise InvalidArgument(f"pictures must be True, False or None (automatic), got {describe(pictures)}")
    if pictures and grid is None:
        raise InvalidArgument("pictures=True needs a Schreier graph (its nodes are images); "
                              "a Cayley graph's nodes are group elements")
    if title is not None and not isinstance(title, str):
        raise InvalidArgument(f"title must be a str or None, got {describe(title)}")
    pictures = grid is not None and (n <= PICTURE_NODES if pictures is None else pictures)
    _matplotlib()  # a clear InvalidArgument when it is missing
    from matplotlib.lines import Line2D
    from matplotlib.patches import FancyArrowPatch
    from matplotlib.path import Path
    import numpy as np

    nodes = sorted(graph)
    index = {v: i for i, v in enumerate(nodes)}
    pos = _layout(graph, nodes)
    xy = np.array([pos[v] for v in nodes])
    gaps = np.hypot(*(xy[:, None, :] - xy[None, :, :]).transpose(2, 0, 1)) + np.eye(n) * 9
    nearest = float(gaps.min()) if n > 1 else 1.0  # float-ok: drawing
    typical = float(np.median(gaps.min(axis=1))) if n > 1 else 1.0  # float-ok: drawing
    size = min(0.62 * nearest, 0.5 * typical, 0.45) if pictures else min(0.3 * nearest, 0.09)
    loops = any(u == v for u, v in graph.edges())
    scale = size / 2 if pictures else size  # a node's half width; a loop reaches 2.2 of it further out
    pad = 0.12 + size + (2.4 * scale if loops else 0)
    half_w, half_h = float(np.abs(xy[:, 0]).max()) + pad, float(np.abs(xy[:, 1]).max()) + pad  # float-ok: drawing
    legend_h = 0.3 + 0.17 * (len(gens) if len(gens) <= 4 else (len(gens) + 1) // 2)
    fig, ax = _axes(ax, (6.4, min(6.4, max(2.4, 6.4 * half_h / half_w)) + 0.5 + legend_h))
    _, reach = _graph_nodes(ax, graph, nodes, pos, grid, pictures, size)
    head = 9 if n <= 40 else 6
    loops = {}
    for (a, b), items in _edge_items(graph, index).items():
        if a == b:
            loops.setdefault(a, []).extend(k for k, _, _ in items)
            continue
        m = len(items)
        for j, (k, forward, both) in enumerate(items):
            u, v = (a, b) if forward else (b, a)
            if m > 1:  # parallel arrows bend apart, each to its own side of the line a-b
                rad = 0.22 * (j - (m - 1) / 2) * (1 if forward else -1)
            else:  # one arrow over another node bends outwards, away from the centre of the drawing
                rad = 0.2 if _passes_over(xy, pos[a], pos[b], size) else 0.0
                (x0, y0), (x1, y1) = pos[u], pos[v]
                if rad and (x0 + x1) * (y1 - y0) - (y0 + y1) * (x1 - x0) > 0:
                    rad = -rad
            ax.add_patch(_arrow(pos[u], pos[v], rad, reach, k, both, head, FancyArrowPatch, Path))
    for v, ks in loops.items():
        x, y = pos[v]
        out = math.atan2(y, x) if abs(x) + abs(y) > 1e-9 else math.pi / 2
        for j, k in enumerate(ks):
            _loop(ax, pos[v], reach, out + math.radians(50) * (j - (len(ks) - 1) / 2), k, scale,
                  FancyArrowPatch, Path)
    ax.set_xlim(-half_w, half_w)
    ax.set_ylim(-half_h, half_h)
    ax.set_aspect("equal")
    ax.set_axis_off()
    handles = [Line2D([], [], color=generator_colour(k), lw=1.6, marker=">", markersize=5,
                      label=f"generator {k}: {clip(cycle_string(g), 44)}") for k, g in enumerate(gens)]
    if handles:
        ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, 0.0), fontsize=8, frameon=False,
                  ncol=1 if len(handles) <= 4 else 2)
    ax.set_title(default_title if title is None else title, fontsize=9)
    return fig


def graph_png(graph, *, dpi=90):
    """A PNG of a Cayley or Schreier graph, for Jupyter's ``_repr_png_``; None (IPython then prints the graph's
    text) when matplotlib is missing or the graph has more than MAX_GRAPH_NODES nodes.

    >>> import networkx as nx
    >>> graph_png(nx.DiGraph()) is None
    True
    """
    try:
        fig = graph_figure(graph)
    except InvalidArgument:
        return None
    import io

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()
