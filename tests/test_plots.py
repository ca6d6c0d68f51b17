"""exactorbit.plots: what is drawn is the library's exact data; files are written; a clear error without matplotlib."""

import os
import subprocess
import sys
import textwrap
from fractions import Fraction
from pathlib import Path

import pytest

pytest.importorskip("matplotlib", reason="exactorbit.plots needs matplotlib (the plot extra): "
                                         "pip install 'exactorbit[plot]'")

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection, PathCollection
from matplotlib.figure import Figure

from exactorbit.actions import orbit
from exactorbit.claims import claim_c5_simplest_first, rank_classes
from exactorbit.errors import InvalidArgument
from exactorbit.groups import named_group
from exactorbit.images import Image, to_array
from exactorbit.networks import NetworkFamily, reconstruction_probabilities
from exactorbit.orbits import decompose, orbit_classes
from exactorbit.plots import (
    orbit_gallery,
    plot_orbit_spectrum,
    plot_probability_vs_orbit_size,
)

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
INSTALL = "pip install 'exactorbit[plot]'"

G3 = named_group("translations+dihedral", "3x3")
G2 = named_group("translations+dihedral", "2x2")
DEFAULT = NetworkFamily("3x3", 1)                    # {-1, 0, 1}: flat, no violation
BINARY = NetworkFamily("3x3", 1, alphabet=(0, 1))    # {0, 1}: 56 violating pairs (README)


def _by_gid(ax, gid):
    found = [c for c in ax.collections if c.get_gid() == gid]
    assert len(found) == 1, [c.get_gid() for c in ax.collections]
    return found[0]


def _legend_title(ax):
    """The legend's title: below the axes (the figure's legend) on a figure of the plot's own, else in the axes."""
    legend = ax.get_legend() or ax.figure.legends[0]
    return legend.get_title().get_text()


def _violation_pairs_of_the_claim(group, probabilities):
    """C5's violating pairs as the claim reports them: ((size, P), (size, P)) with exact P."""
    evidence = claim_c5_simplest_first(group, probabilities).evidence
    pairs = [tuple((c["orbit_size"], Fraction(c["probability"])) for c in pair) for pair in evidence["violations"]]
    assert len(pairs) == evidence["number_of_violations"]
    return pairs


# -- probability against orbit size (C5) --------------------------------------------------------------

@pytest.mark.parametrize("family", [DEFAULT, BINARY], ids=["alphabet-101", "alphabet-01"])
def test_scatter_offsets_are_the_exact_class_probabilities(family):
    p = reconstruction_probabilities(family)
    fig = plot_probability_vs_orbit_size(G3, family)
    ax = fig.axes[0]
    points = _by_gid(ax, "orbit-classes")
    assert isinstance(points, PathCollection)
    classes = orbit_classes(G3)
    # one point per orbit class, at (|Orb|, P of any member): the family is invariant, so P is constant on orbits
    assert all(len({p[y] for y in c.members}) == 1 for c in classes)
    expected = [(c.size, float(p[c.representative])) for c in classes]
    assert [tuple(xy) for xy in points.get_offsets().tolist()] == expected   # exact float conversion, no tolerance
    assert len(expected) == decompose(G3).orbits == 26


@pytest.mark.parametrize("family, violations", [(DEFAULT, 0), (BINARY, 56)], ids=["alphabet-101", "alphabet-01"])
def test_violation_segments_are_the_violating_pairs_of_c5(family, violations):
    p = reconstruction_probabilities(family)
    ax = plot_probability_vs_orbit_size(G3, family).axes[0]
    segments = _by_gid(ax, "c5-violations")
    assert isinstance(segments, LineCollection)
    drawn = sorted(tuple(map(tuple, s.tolist())) for s in segments.get_segments())
    claimed = _violation_pairs_of_the_claim(G3, p)
    assert len(drawn) == len(claimed) == len(rank_classes(G3, p).violations) == violations
    assert drawn == sorted(((a[0], float(a[1])), (b[0], float(b[1]))) for a, b in claimed)
    for (s0, p0), (s1, p1) in drawn:  # a larger orbit with a strictly larger probability
        assert s0 < s1 and p0 < p1
    legend = _legend_title(ax)
    assert legend.startswith("C5 fails")
    assert (f"{violations} violating pair" in legend) if violations else ("no preference at all" in legend)


def test_mark_violations_false_draws_no_segment():
    ax = plot_probability_vs_orbit_size(G3, BINARY, mark_violations=False).axes[0]
    assert [c.get_gid() for c in ax.collections] == ["orbit-classes"]


def test_title_names_family_and_group_and_axes_scale():
    ax = plot_probability_vs_orbit_size(G3, BINARY).axes[0]
    title = ax.get_title()
    assert BINARY.describe() in title and "translations+dihedral on 3x3 (order 72)" in title
    assert ax.get_xscale() == "log"                          # sizes 1 .. 36 span more than 10x
    assert [t.get_text() for t in ax.get_xticklabels()] == ["1", "6", "9", "18", "36"]
    ax2 = plot_probability_vs_orbit_size(G2, NetworkFamily("2x2", 1, alphabet=(0, 1))).axes[0]
    assert ax2.get_xscale() == "linear"                      # sizes 1 .. 4
    assert len(_by_gid(ax2, "c5-violations").get_segments()) == 2


def test_probabilities_given_directly_draw_the_same_points():
    p = reconstruction_probabilities(BINARY)
    by_family = _by_gid(plot_probability_vs_orbit_size(G3, BINARY).axes[0], "orbit-classes").get_offsets()
    ax = plot_probability_vs_orbit_size(G3, probabilities=list(p)).axes[0]
    assert _by_gid(ax, "orbit-classes").get_offsets().tolist() == by_family.tolist()
    assert "given probabilities" in ax.get_title()


def test_draws_into_a_given_axes_and_returns_its_root_figure():
    fig = Figure()
    sub = fig.subfigures(1, 2)[1]
    ax = sub.add_subplot()
    assert plot_probability_vs_orbit_size(G2, NetworkFamily("2x2", 1), ax=ax) is fig
    assert plot_orbit_spectrum(G2, ax=ax) is fig


def test_new_figures_are_headless_agg():
    fig = plot_orbit_spectrum(G2)
    assert isinstance(fig, Figure) and isinstance(fig.canvas, FigureCanvasAgg)


@pytest.mark.parametrize("kwargs, match", [
    (dict(group="translations", family=DEFAULT), "group must be a PixelGroup"),
    (dict(group=G3), "pass family"),
    (dict(group=G3, family="3x3"), "family must be a NetworkFamily"),
    (dict(group=G3, family=NetworkFamily("2x2", 1)), "differs from the group's grid"),
    (dict(group=G3, probabilities=[Fraction(1, 2)] * 4), r"one entry per image \(2\^9 = 512\)"),
    (dict(group=G3, probabilities=[0.5] * 512), "must be exact"),
    (dict(group=G3, probabilities=[Fraction(3, 2)] * 512), r"must lie in \[0, 1\]"),
    (dict(group=G3, probabilities="0" * 512), "list of one exact probability"),
    (dict(group=G3, family=DEFAULT, mark_violations="yes"), "mark_violations must be True or False"),
    (dict(group=G3, family=DEFAULT, ax="axes"), "ax must be a matplotlib Axes"),
])
def test_probability_plot_validates_its_arguments(kwargs, match):
    with pytest.raises(InvalidArgument, match=match):
        plot_probability_vs_orbit_size(**kwargs)


# -- orbit spectrum ------------------------------------------------------------------------------------

def _bars(fig):
    ax = fig.axes[0]
    assert len(fig.axes) == 1
    assert {p.get_gid() for p in ax.patches} == {"orbit-spectrum"}
    return ax, [p.get_height() for p in ax.patches]


def test_spectrum_bars_are_the_orbit_counts_of_decompose():
    d = decompose(G3)
    ax, heights = _bars(plot_orbit_spectrum(G3))
    assert len(heights) == len(d.orbit_sizes) == 5
    assert heights == [float(k) for k in d.orbit_sizes.values()]
    assert [t.get_text() for t in ax.get_xticklabels()] == [str(s) for s in d.orbit_sizes]
    assert [t.get_text() for t in ax.texts] == [str(k) for k in d.orbit_sizes.values()]   # exact labels
    assert "26 orbits of 512 images" in ax.get_title() and "route enumerate" in ax.get_title()


def test_spectrum_from_a_decomposition_a_dict_a_weight_or_the_symbolic_route():
    d = decompose(G3)
    expected = _bars(plot_orbit_spectrum(G3))[1]
    assert _bars(plot_orbit_spectrum(d))[1] == expected
    assert _bars(plot_orbit_spectrum(dict(d.orbit_sizes)))[1] == expected
    assert _bars(plot_orbit_spectrum(G3, method="symbolic"))[1] == expected
    ax, heights = _bars(plot_orbit_spectrum(G3, 3))
    assert heights == [float(k) for k in decompose(G3, 3).orbit_sizes.values()]
    assert "weight 3" in ax.get_title()


@pytest.mark.parametrize("args, kwargs, match", [
    (("translations",), {}, "source must be a PixelGroup"),
    (({},), {}, "non-empty dict"),
    (({6: 0},), {}, "number of orbits of size 6 must be >= 1"),
    (({0: 2},), {}, "orbit size must be >= 1"),
    ((decompose(G2), 2), {}, "apply to a group only"),
    ((G2,), {"method": "guess"}, "method"),
    ((G2, 9), {}, "weight"),
    ((G2,), {"ax": 3}, "ax must be a matplotlib Axes"),
])
def test_spectrum_validates_its_arguments(args, kwargs, match):
    with pytest.raises(InvalidArgument, match=match):
        plot_orbit_spectrum(*args, **kwargs)


# -- orbit gallery -------------------------------------------------------------------------------------

def _panels(fig):
    return [ax for ax in fig.axes if ax.images]


@pytest.mark.parametrize("image", [0b000000011, "##./.../...", Image.parse("##./.../...")])
def test_gallery_draws_every_member_of_the_orbit_with_to_array(image):
    members = orbit(G3, 3)
    panels = _panels(orbit_gallery(G3, image))
    assert len(panels) == len(members) == 18
    for ax, m in zip(panels, members):
        assert ax.get_title() == str(m)
        assert ax.images[0].get_array().tolist() == to_array(m, G3.grid).tolist()
    framed = [ax.get_title() for ax in panels if ax.spines["top"].get_linewidth() > 1]
    assert framed == ["3"]                                   # the given image is framed


def test_gallery_max_images_and_columns():
    members = orbit(G3, 0b000100011)
    assert len(members) == 36
    fig = orbit_gallery(G3, 0b000100011, max_images=10, columns=4)
    panels = _panels(fig)
    assert [ax.get_title() for ax in panels] == [str(m) for m in members[:10]]
    assert len(fig.axes) == 10                               # the unused cells are removed
    assert panels[0].get_subplotspec().get_gridspec().get_geometry() == (3, 4)
    assert "36 images; the first 10 shown" in fig.get_suptitle()
    assert len(_panels(orbit_gallery(G3, 0))) == 1           # a constant image is its own orbit


@pytest.mark.parametrize("name, magic", [("orbit.png", b"\x89PNG\r\n\x1a\n"), ("orbit.SVG", b"<?xml")])
def test_gallery_writes_png_and_svg_by_suffix(tmp_path, name, magic):
    path = tmp_path / name
    fig = orbit_gallery(G3, "###/.../...", str(path))      # the 6 rows and columns
    assert isinstance(fig, Figure) and len(_panels(fig)) == 6
    data = path.read_bytes()
    assert len(data) > 1000 and data.startswith(magic)
    if magic == b"<?xml":
        assert b"<svg" in data


def test_other_plots_save_to_png_and_svg(tmp_path):
    for fig, stem in [(plot_probability_vs_orbit_size(G3, BINARY), "c5"), (plot_orbit_spectrum(G3), "spectrum")]:
        for suffix in (".png", ".svg"):
            path = tmp_path / (stem + suffix)
            fig.savefig(path)
            assert path.stat().st_size > 1000
    assert b'id="c5-violations"' in (tmp_path / "c5.svg").read_bytes()   # the gid survives into SVG


@pytest.mark.parametrize("args, kwargs, match", [
    (("dihedral", 3), {}, "group must be a PixelGroup"),
    ((G3, 1 << 9), {}, "image must be a mask of 9 pixels"),
    ((G3, "#./.#"), {}, "image is 2x2 but the grid is 3x3"),
    ((G3, Image.parse("#./.#")), {}, "image is on grid 2x2"),
    ((G3, 1), {"max_images": 0}, "max_images must be >= 1"),
    ((G3, 1), {"columns": "3"}, "columns must be an int"),
    ((G3, 1, "orbit.jpg"), {}, r"path must end in \.png or \.svg"),
    ((G3, 1, 42), {}, "path must be a file name"),
    ((G3, 1, "/no/such/folder/orbit.png"), {}, "does not exist"),
])
def test_gallery_validates_its_arguments(args, kwargs, match):
    with pytest.raises(InvalidArgument, match=match):
        orbit_gallery(*args, **kwargs)


def test_gallery_accepts_a_pathlib_path(tmp_path):
    orbit_gallery(G2, 1, Path(tmp_path) / "g.png")
    assert (tmp_path / "g.png").stat().st_size > 0


# -- without matplotlib --------------------------------------------------------------------------------

def test_a_missing_matplotlib_is_a_clear_invalid_argument(monkeypatch):
    for name in [m for m in sys.modules if m == "matplotlib" or m.startswith("matplotlib.")]:
        monkeypatch.setitem(sys.modules, name, None)         # every later import of matplotlib fails
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    for call in (lambda: plot_probability_vs_orbit_size(G2, NetworkFamily("2x2", 1)),
                 lambda: plot_orbit_spectrum(G2),
                 lambda: orbit_gallery(G2, 1)):
        with pytest.raises(InvalidArgument, match=r"plotting needs matplotlib.*pip install 'exactorbit\[plot\]'"):
            call()


def test_fresh_interpreter_without_matplotlib():
    # a new process: importing exactorbit.plots loads no matplotlib, and each function then names the extra
    code = textwrap.dedent("""
        import sys
        import exactorbit.plots as plots
        from exactorbit.errors import InvalidArgument
        print("loaded:", "matplotlib" in sys.modules)
        sys.modules["matplotlib"] = None
        from exactorbit.groups import named_group
        from exactorbit.networks import NetworkFamily
        G = named_group("dihedral", "2x2")
        for call in (lambda: plots.plot_probability_vs_orbit_size(G, NetworkFamily("2x2", 1)),
                     lambda: plots.plot_orbit_spectrum(G), lambda: plots.orbit_gallery(G, 1)):
            try:
                call()
            except InvalidArgument as exc:
                print(type(exc).__name__, exc)
    """)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([ROOT, os.environ.get("PYTHONPATH", "")])}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env, timeout=60,
                         check=False)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.strip().splitlines()
    assert lines[0] == "loaded: False"
    assert len(lines) == 4
    assert all(line.startswith("InvalidArgument plotting needs matplotlib") and line.endswith(INSTALL)
               for line in lines[1:]), lines
