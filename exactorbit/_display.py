"""Rich display in Jupyter: the HTML and SVG that exactorbit's objects show (``_repr_html_``).

Private builders, one per object, shared by the result types; each returns a
string of HTML (inline SVG, no scripts, no external files) that stays light and
readable from 1x1 to 28x28 grids: cells shrink with the grid, long lists are cut
with a note, and every exact number is printed exactly (decimals only beside
fractions, for reading).  Nothing here computes anything the object does not
already hold, except a group's order and facts.

>>> from exactorbit.groups import named_group, cycle_string
>>> "order 8" in group_html(named_group("dihedral", "3x3"), cycle_string)
True
"""

from fractions import Fraction
from html import escape

from .images import images_svg, parse_grid

__all__ = ["cell_size", "images_html", "gallery_svg", "group_html", "orbit_html", "decomposition_html", "claim_html",
           "tour_html", "depth_html", "family_html", "certificate_html", "fraction_text"]

#: How many images a row shows before it is cut.
MAX_IMAGES = 48
_VERDICT_COLOURS = {"holds": "#1a7f37", "fails": "#cf222e", "undecided": "#9a6700"}
_STYLE = "font-family: sans-serif; font-size: 13px; line-height: 1.4"


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


def images_html(masks, grid, *, limit=MAX_IMAGES):
    """A row of images as inline SVG, cut after ``limit`` with a note.

    >>> images_html([1, 2], "1x2").startswith("<div")
    True
    """
    grid = parse_grid(grid)
    masks = list(masks)
    shown = masks[:limit]
    cell = cell_size(grid)
    note = "" if len(masks) <= limit else f"<div style='color:#666'>… and {len(masks) - limit} more</div>"
    per_row = max(1, 720 // (grid.w * cell + 6))
    rows = [shown[i:i + per_row] for i in range(0, len(shown), per_row)] or [[]]
    svgs = "".join(f"<div>{images_svg(row, grid, cell=cell, gap=6)}</div>" for row in rows if row)
    return f"<div>{svgs}{note}</div>"


def gallery_svg(masks, grid, *, columns=16, title=None):
    """One standalone SVG file of many images in rows of ``columns`` (an orbit gallery), with a title line.

    >>> svg = gallery_svg([1, 2, 4], "1x3", columns=2, title="orbit")
    >>> svg.startswith("<svg") and svg.count("<svg") == 3 and "orbit" in svg
    True
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
            inner = images_svg(row, grid, cell=cell, gap=gap).replace("<svg ", f'<svg x="1" y="{top + r * row_h}" ', 1)
            parts.append(inner)
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def _table(header, rows):
    head = "".join(f"<th style='text-align:left;padding:2px 8px'>{escape(str(h))}</th>" for h in header)
    body = "".join(
        "<tr>" + "".join(f"<td style='padding:2px 8px'>{cell}</td>" for cell in row) + "</tr>" for row in rows
    )
    return f"<table style='border-collapse:collapse'><tr>{head}</tr>{body}</table>"


def _arrows_svg(group, limit=6):
    """The grid with each generator drawn as arrows from a pixel to its image (grids up to 12x12)."""
    grid = group.grid
    if grid.n > 144 or not group.generators:
        return ""
    colours = ["#0969da", "#cf222e", "#1a7f37", "#8250df", "#bc4c00", "#6e7781"]
    cell = max(14, min(28, 168 // max(grid.h, grid.w)))
    parts = []
    for k, g in enumerate(group.generators[:limit]):
        colour = colours[k % len(colours)]
        w, h = grid.w * cell, grid.h * cell
        svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w + 2}" height="{h + 2}" viewBox="-1 -1 {w + 2} {h + 2}">',
               f'<defs><marker id="a{k}" markerWidth="6" markerHeight="6" refX="5" refY="3" orient="auto">'
               f'<path d="M0,0 L6,3 L0,6 z" fill="{colour}"/></marker></defs>',
               f'<rect x="0" y="0" width="{w}" height="{h}" fill="white" stroke="#888"/>']
        for i in range(grid.n):
            r, c = divmod(i, grid.w)
            svg.append(f'<circle cx="{c * cell + cell / 2}" cy="{r * cell + cell / 2}" r="1.5" fill="#888"/>')
        for i, j in enumerate(g):
            if i == j:
                continue
            (r0, c0), (r1, c1) = divmod(i, grid.w), divmod(j, grid.w)
            x0, y0, x1, y1 = c0 * cell + cell / 2, r0 * cell + cell / 2, c1 * cell + cell / 2, r1 * cell + cell / 2
            dx, dy = x1 - x0, y1 - y0
            length = max((dx * dx + dy * dy) ** 0.5, 1)
            shrink = min(cell * 0.3, length / 3)
            x1, y1 = x1 - dx / length * shrink, y1 - dy / length * shrink
            svg.append(f'<line x1="{x0:.1f}" y1="{y0:.1f}" x2="{x1:.1f}" y2="{y1:.1f}" stroke="{colour}" '
                       f'stroke-width="1.2" marker-end="url(#a{k})"/>')
        svg.append("</svg>")
        parts.append(f"<div style='display:inline-block;margin-right:10px;text-align:center'>{''.join(svg)}"
                     f"<div style='color:{colour}'>generator {k}</div></div>")
    return "<div>" + "".join(parts) + "</div>"


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
    if doc.get("kind") == "orbit" and isinstance(grid, list) and len(grid) == 2:
        picture = images_html([claim.get("image", 0)], f"{grid[0]}x{grid[1]}")
    return (f"<div style='{_STYLE}'><b>{escape(str(doc.get('kind')))} certificate</b> for the group "
            f"{escape(str(inp.get('group')))} on the {escape(str(grid))} grid"
            f"{_table(['claim', 'value'], rows)}{picture}"
            "<div style='color:#666'>check it with <code>exactorbit verify FILE</code> "
            "(the independent checker)</div></div>")
