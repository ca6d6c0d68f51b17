"""Rich display in Jupyter: every result object draws itself, with its exact facts, and stays light at 28x28."""

import json
import re

import pytest

import exactorbit as eo
from exactorbit.certificates import count_certificate, orbit_certificate
from exactorbit.groups import named_group


def svg_images(html):
    """The number of images drawn: one white frame per image (see exactorbit.images.images_svg)."""
    return len(re.findall(r'fill="white" stroke="#888" stroke-width="1"', html))


def test_group_shows_order_structure_cycles_and_arrows():
    html = named_group("dihedral", "3x3")._repr_html_()
    assert "order 8" in html and "dihedral" in html and "(0 2 8 6)(1 5 7 3)" in html
    # the quarter turn: two 4-cycles, 8 arrows; the mirror (0 2)(3 5)(6 8): 3 swaps, one double-headed arrow each
    assert html.count('class="step"') == 8 and html.count('class="swap"') == 3 and 'class="wrap"' not in html
    assert html.count("marker-start=") == 3 and "double-headed: two pixels swapped" in html


def test_orbit_draws_every_image_up_to_the_cut():
    G = named_group("translations+dihedral", "3x3")
    o = eo.orbit(G, "##./.../...")
    html = o._repr_html_()
    assert f"orbit of size <b>{len(o)}</b>" in html and svg_images(html) == len(o) == 18
    big = eo.orbit(named_group("translations", "8x8"), 0b1011)
    assert svg_images(big._repr_html_()) == 48 and "and 16 more" in big._repr_html_()


def test_28x28_stays_light():
    G = named_group("translations+dihedral", "28x28")
    x = eo.as_mask(("#" * 5 + "." * 23 + "/") + "/".join(["." * 28] * 27), G.grid)
    html = eo.orbit(G, x)._repr_html_()
    assert 'width="4"' in html            # 4-pixel cells: an image is 112 px wide
    assert len(html) < 400_000            # 48 images of 5 pixels each, not 784 rectangles each
    assert "order 6272" in G._repr_html_() and "<line" not in G._repr_html_()  # no arrows past 12x12


def test_decomposition_claim_tour_depth_family_certificate():
    G = named_group("translations+dihedral", "3x3")
    dec = eo.decompose(G)
    html = dec._repr_html_()
    assert "<b>26 orbits</b>" in html and html.count(">size ") == len(dec.orbit_sizes) == 5 and svg_images(html) == len(dec.minimal_orbit_features)

    report = eo.run_tour("2x2", "translations", layers=1)
    html = report._repr_html_()
    for c in report.claims:
        assert f"{c.verdict.upper()}</span>&nbsp;{c.id}" in html
    assert report.claims[0]._repr_html_().count(report.claims[0].id) >= 1

    table = eo.depth_table(named_group("translations", "1x4"), layers=2, features=[1, 2, 4, 8])
    html = table._repr_html_()
    assert html.count("<tr>") == 1 + len(table.layers)

    fam = eo.NetworkFamily("2x2", 1)
    assert str(eo.parameter_settings(fam)) in fam._repr_html_()

    cert = orbit_certificate(G, 3)
    assert "orbit certificate" in cert._repr_html_() and svg_images(cert._repr_html_()) == 1
    assert json.loads(json.dumps(cert)) == cert                      # still a plain JSON dict
    assert "count certificate" in count_certificate(G)._repr_html_()


def test_tour_report_exports_json_and_csv_with_version_and_case():
    import csv
    import io

    report = eo.run_tour("2x2", "translations", layers=1)
    doc = json.loads(json.dumps(report.to_json()))
    assert doc["exactorbit_version"] == eo.__version__ and doc["case"]["grid"] == [2, 2]
    assert doc["verdicts"] == report.verdicts and len(doc["claims"]) == 8
    rows = list(csv.DictReader(io.StringIO(report.to_csv())))
    assert [r["claim"] for r in rows] == [c.id for c in report.claims]
    assert all(r["verdict"] == report.verdicts[r["claim"]] and r["exactorbit_version"] == eo.__version__
               and r["group_order"] == "4" for r in rows)
    assert report["claims"] is report.claims   # still reads as the old mapping


@pytest.mark.parametrize("argv, header", [
    (["orbits", "--grid", "2x2"], "orbit_size,orbits"),
    (["networks", "--grid", "1x2"], "image,text,orbit_size,probability,probability_approx"),
    (["depth", "--grid", "1x4", "--group", "translations", "--features", "1,2,4,8"], "layer,features"),
    (["tour", "--grid", "1x2", "--layers", "1", "--quiet"], "claim,verdict,statement,summary"),
])
def test_cli_csv(capsys, argv, header):
    from exactorbit.cli import main

    assert main([*argv, "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(header)


def test_human_output_puts_decimals_beside_fractions_but_json_stays_exact(capsys):
    from exactorbit.cli import main

    assert main(["networks", "--grid", "1x2"]) == 0
    assert "(≈ " in capsys.readouterr().out
    assert main(["networks", "--grid", "1x2", "--json"]) == 0
    out = capsys.readouterr().out
    assert "≈" not in out and all("/" in r["probability"] for r in json.loads(out)["reconstruction"])


# -- the pictures of a group and of images (issue 25) ------------------------------------------------------------------

def _arrow_elements(html, kind):
    return re.findall(rf'<(?:line|path) class="{kind}"[^>]*>', html)


def test_a_cyclic_shift_reads_as_a_cycle_with_its_wrap_around_drawn_apart():
    from exactorbit._display import _arrows_svg

    shift = _arrows_svg(named_group("translations", "1x6"))        # (0 1 2 3 4 5): 5 steps and 1 wrap, no swap
    steps, wraps = _arrow_elements(shift, "step"), _arrow_elements(shift, "wrap")
    assert len(steps) == 5 and len(wraps) == 1 and not _arrow_elements(shift, "swap")
    assert "stroke-dasharray" in wraps[0] and all("stroke-dasharray" not in a for a in steps)
    assert " C" in wraps[0]                                        # one curve outside the strip, back to pixel 0
    # a product of swaps looks different: the mirror of the strip is three double-headed arrows, no wrap
    mirror = _arrows_svg(eo.PixelGroup("1x6", [(5, 4, 3, 2, 1, 0)]))
    assert len(_arrow_elements(mirror, "swap")) == 3 and not _arrow_elements(mirror, "wrap")
    assert "dashed: the wrap-around" in shift and "dashed" not in mirror


def test_torus_translations_wrap_once_per_row_and_column():
    from exactorbit._display import _arrows_svg

    html = _arrows_svg(named_group("translations", "3x4"))        # right shift: 3 rows of 4; down shift: 4 columns
    panels = html.split("</svg>")[:2]
    assert [len(_arrow_elements(p, "wrap")) for p in panels] == [3, 4]
    assert [len(_arrow_elements(p, "step")) for p in panels] == [9, 8]
    for wrap in _arrow_elements(html, "wrap"):   # two dashed stubs: one leaving the grid, one entering it
        assert wrap.count(" M") == 1 and "stroke-dasharray" in wrap


def test_arrow_moves_cover_every_moved_pixel_once():
    from exactorbit._display import arrow_moves
    from exactorbit.images import parse_grid

    for name, grid in [("translations+dihedral", "3x3"), ("translations", "2x5"), ("dihedral", "4x4"),
                       ("translations+reflections", "1x7"), ("symmetric", "2x2")]:
        G = named_group(name, grid)
        for g in G.generators:
            moves = arrow_moves(g, parse_grid(grid))
            sources = [i for _, i, _ in moves] + [j for kind, _, j in moves if kind == "swap"]
            assert sorted(sources) == [i for i in range(len(g)) if g[i] != i]      # each moved pixel once
            assert all(g[i] == j and (kind != "swap" or g[j] == i) for kind, i, j in moves)
            assert all(kind != "wrap" or "translations" in name for kind, _, _ in moves)


def test_every_picture_of_a_group_uses_one_colour_per_generator():
    from exactorbit._display import GENERATOR_COLOURS, _arrows_svg

    html = _arrows_svg(named_group("translations+dihedral", "3x3"))
    for k, colour in enumerate(GENERATOR_COLOURS[:4]):
        assert f"color:{colour}'>generator {k}<" in html


def test_orbit_tiles_have_pixel_grid_lines():
    from exactorbit._display import gallery_svg, images_html

    html = eo.orbit(named_group("translations+dihedral", "3x3"), "##./.../...")._repr_html_()
    lines = re.findall(r'<path class="pixel-grid" d="([^"]*)"', html)
    assert len(lines) == svg_images(html) == 18
    assert all(d.count("M") == 2 + 2 for d in lines)              # 2 inner columns and 2 inner rows of a 3x3 tile
    svg = gallery_svg([1, 2, 4], "2x2", columns=2)
    assert svg.count('class="pixel-grid"') == 3 and len(re.findall(r'fill="white"', svg)) == 3
    assert 'class="pixel-grid"' not in images_html([1], "28x28")  # 4-pixel cells: lines would grey the picture
