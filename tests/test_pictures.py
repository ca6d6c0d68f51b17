"""Pictures where people would rather look (issue 25): Cayley and Schreier graphs that draw themselves, in the colours
of the group's own picture, and a C5 plot that shows every violating pair with its labels kept apart."""

import io
import math
import re
import sys
from collections import Counter
from fractions import Fraction

import pytest

pytest.importorskip("matplotlib", reason="exactorbit.plots needs matplotlib (the plot extra): "
                                         "pip install 'exactorbit[plot]'")

import networkx as nx
from matplotlib.colors import to_hex
from matplotlib.patches import Circle, Rectangle
from matplotlib.text import Text

from exactorbit._display import GENERATOR_COLOURS, graph_png
from exactorbit.actions import orbit
from exactorbit.claims import rank_classes
from exactorbit.errors import InvalidArgument
from exactorbit.graphs import cayley_graph, schreier_graph
from exactorbit.groups import named_group
from exactorbit.images import to_array
from exactorbit.networks import NetworkFamily, reconstruction_probabilities
from exactorbit.plots import plot_cayley_graph, plot_graph, plot_probability_vs_orbit_size, plot_schreier_graph

TD3 = named_group("translations+dihedral", "3x3")


def _nodes(ax):
    return [p for p in ax.patches if p.get_gid() == "node"]


def _centre(patch):
    if isinstance(patch, Circle):
        return tuple(patch.center)
    return patch.get_x() + patch.get_width() / 2, patch.get_y() + patch.get_height() / 2


def _arrows(ax):
    """{gid: number} of the drawn arrows; each stands for 1 edge, a double-headed one ("-both") for 2."""
    return Counter(p.get_gid() for p in ax.patches if (p.get_gid() or "").startswith("generator-"))


def _edges_drawn(ax):
    return sum(k * (2 if gid.endswith("-both") else 1) for gid, k in _arrows(ax).items())


def _colour_of(ax, gid):
    return {to_hex(p.get_edgecolor()) for p in ax.patches if p.get_gid() == gid}


# -- Cayley graphs -------------------------------------------------------------------------------------------------

def test_cayley_graph_of_d4_draws_every_element_and_edge_in_the_generators_colours():
    G = named_group("dihedral", "2x2")
    graph = cayley_graph(G)
    ax = plot_cayley_graph(G).axes[0]
    assert len(_nodes(ax)) == graph.number_of_nodes() == 8
    # the quarter turn: 8 arrows; the mirror is an involution: its 8 edges pair up into 4 double-headed arrows
    assert _arrows(ax) == {"generator-0": 8, "generator-1-both": 4}
    assert _edges_drawn(ax) == graph.number_of_edges() == 16
    assert _colour_of(ax, "generator-0") == {GENERATOR_COLOURS[0]}
    assert _colour_of(ax, "generator-1-both") == {GENERATOR_COLOURS[1]}
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["generator 0: (0 1 3 2)", "generator 1: (0 1)(2 3)"]     # named as in G's cycles
    assert [to_hex(h.get_color()) for h in ax.get_legend().legend_handles] == list(GENERATOR_COLOURS[:2])
    # the identity is the one black node, marked "e"
    black = [p for p in _nodes(ax) if to_hex(p.get_facecolor()) == "#000000"]
    assert len(black) == 1 and [t.get_text() for t in ax.texts] == ["e"]
    assert "Cayley graph of dihedral on 2x2 (order 8)" in ax.get_title()


def test_the_colours_are_those_of_the_groups_own_picture():
    html = TD3._repr_html_()
    ax = plot_cayley_graph(TD3).axes[0]
    for k in range(len(TD3.generators)):
        colour = GENERATOR_COLOURS[k]
        assert f"color:{colour}'>generator {k}<" in html and f'stroke="{colour}"' in html
        assert set().union(*(_colour_of(ax, gid) for gid in _arrows(ax) if gid.startswith(f"generator-{k}"))) == {
            colour}
    assert len(_nodes(ax)) == 72 and _edges_drawn(ax) == 72 * 4


@pytest.mark.parametrize("name, grid, radii", [
    ("translations", "1x6", {1.0}),                # C6, one generator: a circle in the order of the arrows
    ("dihedral", "2x2", {1.0, 0.5}),               # D4: two rings joined by the mirror's spokes
])
def test_cyclic_and_dihedral_groups_are_drawn_as_rings(name, grid, radii):
    ax = plot_cayley_graph(named_group(name, grid)).axes[0]
    assert {round(math.hypot(*_centre(p)), 9) for p in _nodes(ax)} == radii


def test_a_torus_is_drawn_as_a_grid():
    ax = plot_cayley_graph(named_group("translations", "3x4")).axes[0]      # C4 x C3
    xs, ys = zip(*(_centre(p) for p in _nodes(ax)))
    assert len(set(xs)) == 4 and len(set(ys)) == 3 and len(set(zip(xs, ys))) == 12


def test_cayley_graph_on_generators_of_ones_choice():
    G = named_group("rotations", "2x2")
    ax = plot_graph(cayley_graph(G, [(2, 0, 3, 1), (3, 2, 1, 0)])).axes[0]  # the quarter turn and the half turn
    assert _arrows(ax) == {"generator-0": 4, "generator-1-both": 2} and _edges_drawn(ax) == 8


# -- Schreier graphs -----------------------------------------------------------------------------------------------

def test_schreier_graph_of_a_small_orbit_draws_each_image_as_its_picture():
    x = 0b000000011
    graph = schreier_graph(TD3, x)
    ax = plot_schreier_graph(TD3, "##./.../...").axes[0]
    members = orbit(TD3, x)
    assert len(_nodes(ax)) == len(ax.images) == len(members) == graph.number_of_nodes() == 18
    assert all(isinstance(p, Rectangle) for p in _nodes(ax))
    drawn = sorted(im.get_array().tolist() for im in ax.images)
    assert drawn == sorted(to_array(m, TD3.grid).tolist() for m in members)   # every image of the orbit, once
    assert _edges_drawn(ax) == graph.number_of_edges() == 72                  # loops and double arrows included
    grid_lines = [c for c in ax.collections if c.get_gid() == "pixel-grid"]
    assert len(grid_lines) == 1 and len(grid_lines[0].get_segments()) == 18 * (2 + 2)   # pixel grid lines
    framed = [p for p in _nodes(ax) if to_hex(p.get_edgecolor()) == to_hex("tab:red")]
    assert len(framed) == 1                                                    # the given image, framed in red
    assert "18 images, 72 edges" in ax.get_title()


def test_schreier_graph_loops_where_a_generator_fixes_an_image():
    G = named_group("translations+reflections", "1x4")
    graph = schreier_graph(G, "#..#")          # the mirror fixes #..# and .##.
    loops = sum(1 for u, v in graph.edges() if u == v)
    ax = plot_schreier_graph(G, "#..#").axes[0]
    assert loops > 0 and sum(k for gid, k in _arrows(ax).items() if gid.endswith("-loop")) == loops
    assert _edges_drawn(ax) == graph.number_of_edges()


def test_large_orbits_are_dots_and_pictures_can_be_asked_for_or_refused():
    x = 0b000100011                                                 # an orbit of 36 images
    ax = plot_schreier_graph(TD3, x).axes[0]
    assert len(_nodes(ax)) == 36 and not ax.images and all(isinstance(p, Circle) for p in _nodes(ax))
    assert len(plot_schreier_graph(TD3, x, pictures=True).axes[0].images) == 36
    assert not plot_schreier_graph(TD3, 3, pictures=False).axes[0].images


def test_a_strip_orbit_is_a_circle_of_strips():
    ax = plot_schreier_graph(named_group("translations", "1x6"), "##....").axes[0]
    assert {round(math.hypot(*_centre(p)), 9) for p in _nodes(ax)} == {1.0}
    assert all(p.get_width() > 5 * p.get_height() for p in _nodes(ax))      # 1x6 pictures: wide and flat


# -- refusals and errors -------------------------------------------------------------------------------------------

def test_too_many_nodes_is_refused_before_the_graph_is_built(monkeypatch):
    import exactorbit.graphs as graphs

    def never(*args, **kwargs):
        raise AssertionError("the graph was built before the refusal")

    monkeypatch.setattr(graphs, "cayley_graph", never)
    monkeypatch.setattr(graphs, "schreier_graph", never)
    with pytest.raises(InvalidArgument, match=r"Cayley graph of translations\+dihedral on 3x3 has 72 nodes, "
                                              r"more than max_nodes=50: pass max_nodes=72"):
        plot_cayley_graph(TD3, max_nodes=50)
    with pytest.raises(InvalidArgument, match=r"has 36 nodes, more than max_nodes=10"):
        plot_schreier_graph(TD3, 0b000100011, max_nodes=10)
    with pytest.raises(InvalidArgument, match=r"the graph has 72 nodes, more than max_nodes=71"):
        plot_graph(cayley_graph(TD3), max_nodes=71)       # this module's own cayley_graph: not patched


def test_the_default_limit_refuses_a_large_group():
    G = named_group("translations+dihedral", "4x4")                 # order 128: drawn
    assert len(_nodes(plot_cayley_graph(G).axes[0])) == 128
    with pytest.raises(InvalidArgument, match=r"has 40320 nodes, more than max_nodes=200"):
        plot_cayley_graph(named_group("symmetric", "2x4"))


@pytest.mark.parametrize("call, match", [
    (lambda: plot_cayley_graph("dihedral"), "group must be a PixelGroup"),
    (lambda: plot_cayley_graph(TD3, max_nodes=0), "max_nodes must be >= 1"),
    (lambda: plot_cayley_graph(TD3, max_nodes="9"), "max_nodes must be an int"),
    (lambda: plot_cayley_graph(named_group("dihedral", "2x2"), ax="axes"), "ax must be a matplotlib Axes"),
    (lambda: plot_schreier_graph(TD3, 1 << 9), "image must be a mask of 9 pixels"),
    (lambda: plot_schreier_graph(TD3, "#./.."), "image is 2x2 but the grid is 3x3"),
    (lambda: plot_schreier_graph(TD3, 3, pictures="yes"), "pictures must be True, False or None"),
    (lambda: plot_graph(nx.path_graph(3)), "graph must be a Cayley or Schreier graph"),
    (lambda: plot_graph(cayley_graph(named_group("dihedral", "2x2")), pictures=True), "pictures=True needs a Schreier"),
])
def test_graph_plots_validate_their_arguments(call, match):
    with pytest.raises(InvalidArgument, match=match):
        call()


def test_without_matplotlib_the_graph_plots_name_the_extra(monkeypatch):
    for name in [m for m in sys.modules if m == "matplotlib" or m.startswith("matplotlib.")]:
        monkeypatch.setitem(sys.modules, name, None)
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    G = named_group("dihedral", "2x2")
    for call in (lambda: plot_cayley_graph(G), lambda: plot_schreier_graph(G, 1),
                 lambda: plot_graph(cayley_graph(G))):
        with pytest.raises(InvalidArgument, match=r"plotting needs matplotlib.*pip install 'exactorbit\[plot\]'"):
            call()
    assert graph_png(cayley_graph(G)) is None       # Jupyter then prints the graph's text instead


# -- in Jupyter ----------------------------------------------------------------------------------------------------

def test_figures_and_graphs_show_themselves_as_png():
    G = named_group("dihedral", "3x3")
    png = plot_schreier_graph(G, 3)._repr_png_()
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 5000
    assert graph_png(schreier_graph(G, 3)).startswith(b"\x89PNG")
    assert graph_png(cayley_graph(named_group("symmetric", "2x3"), force=True)) is None   # 720 nodes: text, not blur


def test_draws_into_a_given_axes():
    from matplotlib.figure import Figure

    fig = Figure()
    ax = fig.subplots(1, 2)[1]
    assert plot_cayley_graph(named_group("dihedral", "2x2"), ax=ax) is fig and len(_nodes(ax)) == 8


# -- C5: every violating pair, and labels kept apart ----------------------------------------------------------------

def _svg(fig):
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg")
    return buffer.getvalue()


def test_c5_draws_each_of_the_56_violating_pairs_as_its_own_line():
    family = NetworkFamily("3x3", 1, alphabet=(0, 1))
    fig = plot_probability_vs_orbit_size(TD3, family)
    ax = fig.axes[0]
    exact = [tuple(map(tuple, s.tolist())) for s in ax.collections[0].get_segments()]
    assert len(exact) == 56 and len(set(exact)) == 4              # 56 pairs, between only 4 pairs of points
    group = re.search(r'<g id="c5-violations">(.*?)</g>\s*</g>', _svg(fig), re.S).group(1)
    curves = re.findall(r'<path d="([^"]+)"', group)
    assert len(curves) == 56 and len(set(curves)) == 56           # ... drawn as 56 different lines
    # after drawing, the collection still holds the exact segments
    assert [tuple(map(tuple, s.tolist())) for s in ax.collections[0].get_segments()] == exact
    # each bundle says how many pairs it holds; together, every violation
    bundles = [t.get_text() for t in ax.texts if t.get_gid() == "c5-bundle"]
    assert sorted(bundles) == ["16 pairs", "16 pairs", "16 pairs", "8 pairs"]
    assert sum(int(b.split()[0]) for b in bundles) == rank_classes(TD3, reconstruction_probabilities(family)) \
        .number_of_violations == 56
    legend = fig.legends[0]
    assert "56 violating pairs: larger orbit, larger P (each drawn)" in [t.get_text() for t in legend.get_texts()]


def _overlaps(a, b):
    return a.x0 < b.x1 and b.x0 < a.x1 and a.y0 < b.y1 and b.y0 < a.y1


def _check_labels_apart(fig):
    ax = fig.axes[0]
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    boxes = [Text.get_window_extent(t, renderer) for t in ax.texts]
    assert boxes
    for i, a in enumerate(boxes):
        for b in boxes[:i]:
            assert not _overlaps(a, b), (a, b)
    frame = ax.get_window_extent(renderer)
    assert all(frame.x0 <= b.x0 and b.x1 <= frame.x1 and frame.y0 <= b.y0 and b.y1 <= frame.y1 for b in boxes)
    points = ax.transData.transform(ax.collections[-1].get_offsets())   # no label covers a point's centre
    assert not any(b.x0 < x < b.x1 and b.y0 < y < b.y1 for b in boxes for x, y in points)
    return ax


def test_c5_labels_do_not_overlap_at_4x4():
    # translations on 4x4, weights {0, 1}: 4,156 classes, 16 points crowded at sizes 8 and 16 (computed by the API)
    G = named_group("translations", "4x4")
    p = reconstruction_probabilities(NetworkFamily("4x4", 1, alphabet=(0, 1)))
    fig = plot_probability_vs_orbit_size(G, probabilities=p, mark_violations=False)   # (10,000 curves: slow)
    ax = _check_labels_apart(fig)
    counts = [int(t.get_text()[1:]) for t in ax.texts if t.get_gid() == "class-count"]
    points = Counter((c[1], c[2]) for c in rank_classes(G, p).classes)
    assert sorted(counts) == sorted(k for k in points.values() if k > 1)   # one "×k" per shared point
    fig.set_size_inches(5, 3.5)                  # smaller: the labels are placed again, still apart
    _check_labels_apart(fig)


def test_c5_labels_apart_at_3x3_with_bundle_labels():
    _check_labels_apart(plot_probability_vs_orbit_size(TD3, NetworkFamily("3x3", 1, alphabet=(0, 1))))


def test_c5_into_a_given_axes_keeps_its_legend_there():
    from matplotlib.figure import Figure

    fig = Figure()
    ax = fig.add_subplot()
    probabilities = [Fraction(bin(x).count("1"), 4) for x in range(16)]
    assert plot_probability_vs_orbit_size(named_group("dihedral", "2x2"), probabilities=probabilities, ax=ax) is fig
    assert ax.get_legend().get_title().get_text().startswith("C5") and not fig.legends


def test_without_scipy_the_layout_falls_back_to_a_seeded_spring_layout(monkeypatch):
    monkeypatch.setitem(sys.modules, "scipy", None)         # Kamada-Kawai needs scipy, exactorbit does not
    positions = []
    for _ in range(2):
        ax = plot_schreier_graph(TD3, 3).axes[0]
        positions.append(sorted(_centre(p) for p in _nodes(ax)))
    assert len(positions[0]) == 18 and positions[0] == positions[1]   # seed 0: the same drawing twice


def test_an_orbit_under_translations_and_more_is_drawn_as_grids_side_by_side():
    # ##./.../... under T x| D4 on 3x3: 9 horizontal and 9 vertical dominoes, each a 3x3 torus under the translations
    ax = plot_schreier_graph(TD3, "##./.../...").axes[0]
    xs, ys = zip(*(_centre(p) for p in _nodes(ax)))
    assert len(set(xs)) == 6 and len(set(ys)) == 3
    sides = Counter()
    for im in ax.images:                                   # each picture drawn at its node
        left, right, _, _ = im.get_extent()
        rows_used = {r for r, row in enumerate(im.get_array().tolist()) if any(row)}
        sides[(len(rows_used) == 1, (left + right) / 2 < 0)] += 1
    # one grid holds the 9 horizontal dominoes, the other the 9 vertical ones
    assert sorted(sides.values()) == [9, 9] and len({side for (_, side) in sides}) == 2


def test_a_ring_of_odd_length_stays_a_circle():
    ax = plot_cayley_graph(named_group("translations", "1x5")).axes[0]
    assert {round(math.hypot(*_centre(p)), 9) for p in _nodes(ax)} == {1.0}
