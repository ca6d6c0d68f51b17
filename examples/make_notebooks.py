"""Write the teaching notebooks of examples/ (no outputs: CI executes them, see tests/test_notebooks.py).

    python examples/make_notebooks.py        # rewrites examples/*.ipynb from the cells below

Each notebook keeps to small cases so that executing all of them takes well under a minute.
"""

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

HERE = Path(__file__).resolve().parent

ORBIT_STABILIZER = [
    new_markdown_cell(
        "# Orbits, stabilizers and Burnside's lemma, exactly\n\n"
        "A group of pixel permutations acts on binary images. Every object below draws itself: "
        "the group with its generators as arrows, an orbit as its images, a decomposition as a histogram."),
    new_code_cell("import exactorbit as eo\n"
                  "G = eo.named_group('translations+dihedral', '3x3')\n"
                  "G"),
    new_markdown_cell("## One image: its orbit and its stabilizer\n\n"
                      "Images can be given as text (`#` on, `.` off), an int mask, an `Image` or a 0/1 array."),
    new_code_cell("x = eo.Image.parse('##./.../...')\n"
                  "x"),
    new_code_cell("o = eo.orbit(G, x)\n"
                  "o"),
    new_code_cell("H = eo.stabilizer(G, x)\n"
                  "H"),
    new_markdown_cell("**Orbit-stabilizer theorem:** |Orb(x)| x |Stab(x)| = |G|."),
    new_code_cell("len(o), H.order(), len(o) * H.order() == G.order()"),
    new_markdown_cell("The orbit as one array of shape (N, h, w), ready for a batch:"),
    new_code_cell("o.to_array().shape"),
    new_markdown_cell("## All 512 images: the orbit decomposition\n\n"
                      "Burnside's lemma counts the orbits from the fixed points of each element; "
                      "enumeration lists them. The two agree."),
    new_code_cell("d = eo.decompose(G)\n"
                  "d"),
    new_code_cell("eo.burnside_count(G), d.orbits"),
    new_markdown_cell("## Necklaces and bracelets with k colours\n\n"
                      "On a 1 x N strip, translations make necklaces and translations+reflections "
                      "bracelets (OEIS A000031, A000029 for two colours; A001867, A027671 for three)."),
    new_code_cell("[eo.burnside_count(eo.named_group('translations', f'1x{n}'), 3) for n in range(1, 9)]"),
    new_code_cell("[eo.burnside_count(eo.named_group('translations+reflections', f'1x{n}'), 2) for n in range(1, 9)]"),
    new_markdown_cell("## The orbit as a graph\n\nThe Schreier graph: one node per image of the orbit, one arrow "
                      "per generator in its colour from the group's picture above (double-headed: the generator "
                      "swaps two images; a loop: it fixes one)."),
    new_code_cell("S = eo.schreier_graph(G, x)   # a networkx graph that draws itself\n"
                  "print(S.number_of_nodes(), 'images,', S.number_of_edges(), 'edges')\n"
                  "S"),
    new_code_cell("eo.orbit_gallery(G, x)"),
]

PAPER_CLAIMS = [
    new_markdown_cell(
        "# The paper's claims on a toy case\n\n"
        "Paul & Venkatasubramanian (arXiv:1412.6621) say that pre-training finds the features with the "
        "smallest orbits first. `run_tour` checks each claim exactly on one toy case and says "
        "*holds*, *fails* or *undecided*, with the evidence."),
    new_code_cell("import exactorbit as eo\n"
                  "report = eo.run_tour('3x3', 'translations+dihedral', layers=2)\n"
                  "report"),
    new_code_cell("report.verdicts"),
    new_markdown_cell("## Claim C5: simplest first?\n\nEach orbit class's exact reconstruction probability "
                      "against its orbit size; a violating pair (a larger orbit reconstructed more often) is "
                      "a red segment. With weights in {0, 1} the claim fails:"),
    new_code_cell("G = eo.named_group('translations+dihedral', '3x3')\n"
                  "eo.plot_probability_vs_orbit_size(G, eo.NetworkFamily('3x3', 1, alphabet=(0, 1)))"),
    new_markdown_cell("## One claim, its family, its certificate"),
    new_code_cell("report.claims[3]"),
    new_code_cell("eo.NetworkFamily('3x3', 1)"),
    new_code_cell("cert = eo.orbit_certificate(G, 3)\n"
                  "cert"),
    new_code_cell("eo.verify_certificate(cert)"),
    new_markdown_cell("## Features of features: the depth table"),
    new_code_cell("eo.depth_table(G, layers=2)"),
    new_markdown_cell("## Export\n\nThe report as JSON or CSV, with the package version and the case's parameters:"),
    new_code_cell("print(report.to_csv()[:300])"),
]

EQUIVARIANCE = [
    new_markdown_cell(
        "# Property-test your own equivariant code\n\n"
        "A layer `f` is **equivariant** under a group G of pixel permutations when moving the pixels first "
        "and applying `f` gives what applying `f` first and moving its output gives: f(g.x) = g.f(x) for "
        "every g in G. It is **invariant** when f(g.x) = f(x). `exactorbit.testing` checks both against the "
        "exact groups of the package:\n\n"
        "* it checks every **generator** of G (that is enough: every element is a product of generators), "
        "or every element, or a random sample;\n"
        "* a pixel group only **moves entries**, so it adds no rounding: integer outputs are compared exactly, "
        "float outputs within `atol + rtol * |expected|` (the rule of `numpy.testing.assert_allclose`), with "
        "defaults set by the precision;\n"
        "* a failure **draws** the case and names the largest deviation, where it is, and the tolerance used."),
    new_code_cell("import numpy as np\n"
                  "import exactorbit as eo\n"
                  "from exactorbit.testing import (assert_equivariant, assert_invariant, equivariance_error,\n"
                  "                                DEFAULT_RTOL)\n"
                  "\n"
                  "T = eo.named_group('translations', '6x6')        # the 36 shifts of the 6x6 torus\n"
                  "T"),
    new_markdown_cell("## A float example: a convolution by the FFT\n\n"
                      "A circular convolution commutes with the shifts of the torus. Computed by the FFT it is "
                      "correct to about 1e-15, but not exactly: f(g.x) and g.f(x) round differently."),
    new_code_cell("def fft_conv(x, kernel):\n"
                  "    # circular convolution (..., C_in, h, w) -> (..., C_out, h, w); kernel (C_out, C_in, kh, kw)\n"
                  "    h, w = x.shape[-2:]\n"
                  "    k = np.zeros(kernel.shape[:2] + (h, w))\n"
                  "    k[..., :kernel.shape[2], :kernel.shape[3]] = kernel\n"
                  "    X, K = np.fft.fft2(x), np.fft.fft2(k)\n"
                  "    return np.fft.ifft2(np.einsum('...chw,ochw->...ohw', X, K)).real\n"
                  "\n"
                  "rng = np.random.default_rng(0)\n"
                  "kernel = rng.standard_normal((2, 3, 3, 3))       # 3 channels in, 2 out, 3x3\n"
                  "x = rng.standard_normal((4, 3, 6, 6))            # a batch of 4 images (N, C, H, W)\n"
                  "conv = lambda a: fft_conv(a, kernel)\n"
                  "\n"
                  "assert_equivariant(conv, T, images=x, layout='NCHW')   # passes: nothing printed\n"
                  "equivariance_error(conv, T, images=x, layout='NCHW')   # the largest |f(g.x) - g.f(x)|"),
    new_markdown_cell("The default tolerance follows the dtype of the outputs: `rtol` is "
                      "`DEFAULT_RTOL[bytes]` below, and `atol` is `rtol` times the largest output magnitude "
                      "(so that rounding in near-zero entries of a sum of large terms passes). Pass "
                      "`atol=0, rtol=0` to ask for exact equality, which the FFT does not give:"),
    new_code_cell("print(DEFAULT_RTOL)\n"
                  "try:\n"
                  "    assert_equivariant(conv, T, images=x, layout='NCHW', atol=0, rtol=0)\n"
                  "except AssertionError as exc:\n"
                  "    print(str(exc).splitlines()[-3])            # the largest deviation: about 1e-15"),
    new_markdown_cell("## A failing example: zero padding instead of wrapping around\n\n"
                      "The most common bug in a 'translation-equivariant' layer: the convolution pads with "
                      "zeros, so what leaves the grid on one side does not come back on the other. The message "
                      "draws x, g.x, f(g.x) and g.f(x) for the first failing image (the first two axes picked "
                      "at the failing entry), marks the entries out of tolerance with `X`, and then gives the "
                      "largest deviation over every check: its value, the generator, the input, the index, and "
                      "the tolerance there."),
    new_code_cell("def zero_padded_conv(x, kernel):\n"
                  "    h, w = x.shape[-2:]\n"
                  "    kh, kw = kernel.shape[2:]\n"
                  "    k = np.zeros(kernel.shape[:2] + (h + kh - 1, w + kw - 1))\n"
                  "    k[..., :kh, :kw] = kernel\n"
                  "    X = np.fft.fft2(x, s=k.shape[-2:])\n"
                  "    return np.fft.ifft2(np.einsum('...chw,ochw->...ohw', X, np.fft.fft2(k))).real[..., :h, :w]\n"
                  "\n"
                  "try:\n"
                  "    assert_equivariant(lambda a: zero_padded_conv(a, kernel), T, images=x, layout='NCHW')\n"
                  "except AssertionError as exc:\n"
                  "    print(exc)"),
    new_markdown_cell("## Invariance of a pooling layer\n\n"
                      "Global max and average pooling forget where things are, and how the picture is turned: "
                      "they are invariant under translations and the dihedral group of the square together "
                      "(288 elements on 6x6). A pooled window is not."),
    new_code_cell("D = eo.named_group('translations+dihedral', '6x6')\n"
                  "global_max = lambda a: a.max(axis=(-2, -1))     # (N, C, H, W) -> (N, C)\n"
                  "global_avg = lambda a: a.mean(axis=(-2, -1))\n"
                  "assert_invariant(global_max, D, images=x, layout='NCHW')\n"
                  "assert_invariant(global_avg, D, images=x.astype(np.float32), layout='NCHW')\n"
                  "assert_invariant(global_avg, D, images=x, layout='NCHW', elements='all')   # all 288 elements\n"
                  "try:\n"
                  "    assert_invariant(lambda a: a[..., :3, :3].mean(axis=(-2, -1)), D, images=x, layout='NCHW')\n"
                  "except AssertionError as exc:\n"
                  "    print('\\n'.join(str(exc).splitlines()[:2] + str(exc).splitlines()[-3:]))"),
    new_markdown_cell("## Batch and channel axes\n\n"
                      "`layout` names the axes of the arrays `f` sees: `'NCHW'` (a batch, channels first, as in "
                      "PyTorch), `'NHWC'` (channels last, as in JAX and TensorFlow), `'CHW'`, `'HWC'`, ... "
                      "The group acts on H and W; N and C pass through. With N, a batch is passed to `f` whole, "
                      "and with no `images` the 0/1 images of the grid come as one batch with one channel:"),
    new_code_cell("to_last = lambda a: np.moveaxis(a, -3, -1)\n"
                  "to_first = lambda a: np.moveaxis(a, -1, -3)\n"
                  "conv_nhwc = lambda a: to_last(fft_conv(to_first(a), kernel[:, :1]))   # 1 channel in, 2 out\n"
                  "\n"
                  "x_nhwc = to_last(x[:, :1])                        # (4, 6, 6, 1)\n"
                  "assert_equivariant(conv_nhwc, T, images=x_nhwc, layout='NHWC')\n"
                  "shapes = []\n"
                  "def spy(a):\n"
                  "    shapes.append(a.shape)\n"
                  "    return conv_nhwc(a)\n"
                  "assert_equivariant(spy, T, layout='NHWC', dtype=np.float32, max_images=256)\n"
                  "shapes                                           # f(x), then f(g.x) for each generator"),
    new_markdown_cell("Arrays of other libraries work as they are: anything with `__array__` and numpy-style "
                      "indexing (a torch tensor, a JAX array) is passed to `f` in its own type, `g.x` is built by "
                      "indexing it, and the outputs are read through `__array__` (a torch tensor is detached and "
                      "moved to the CPU first). With PyTorch installed:\n\n"
                      "```python\n"
                      "model = torch.nn.Conv2d(3, 8, 3, padding=1, padding_mode='circular', dtype=torch.float64)\n"
                      "x = torch.randn(4, 3, 6, 6, dtype=torch.float64)\n"
                      "assert_equivariant(model, T, images=x, layout='NCHW')\n"
                      "```"),
    new_markdown_cell("## A property test with hypothesis\n\n"
                      "`exactorbit.strategies` draws grids, groups, elements and images, so one test covers many "
                      "cases. A blur whose kernel has the square's symmetry commutes with every named group "
                      "(shifts, turns, flips) on every grid. A kernel without that symmetry does not, and "
                      "hypothesis finds and shrinks a counterexample (a quarter turn of a small grid, a single "
                      "pixel), shown with the kit's picture and hypothesis' falsifying example."),
    new_code_cell("from hypothesis import Phase, given, settings, strategies as st\n"
                  "from exactorbit import strategies as eos\n"
                  "\n"
                  "def blur(a, side, down):\n"
                  "    \"\"\"Circular blur: centre 0.5, left and right neighbours `side`, up and down `down`.\"\"\"\n"
                  "    h, w = a.shape[-2:]\n"
                  "    k = np.zeros((h, w))\n"
                  "    k[0, 0] += 0.5\n"
                  "    for (dr, dc), weight in zip([(1, 0), (-1, 0), (0, 1), (0, -1)], [down, down, side, side]):\n"
                  "        k[dr % h, dc % w] += weight\n"
                  "    return np.fft.ifft2(np.fft.fft2(a) * np.fft.fft2(k)).real\n"
                  "\n"
                  "def blur_test(side, down):\n"
                  "    @settings(max_examples=40, deadline=None, derandomize=True, database=None,\n"
                  "              phases=[p for p in Phase if p is not Phase.explain])\n"
                  "    @given(eos.grids(max_pixels=16, max_side=4).flatmap(\n"
                  "               lambda grid: eos.named_groups(grid, allow_symmetric=False)), st.data())\n"
                  "    def test(group, data):\n"
                  "        images = data.draw(eos.array_images(group.grid, dtype=np.float64, batch_shape=(3,)))\n"
                  "        layer = lambda a: blur(a, side, down)\n"
                  "        assert_equivariant(layer, group, images=images[:, None], layout='NCHW')\n"
                  "    return test\n"
                  "\n"
                  "blur_test(0.125, 0.125)()            # the square's symmetry: 40 groups on grids up to 4x4 pass\n"
                  "try:\n"
                  "    blur_test(0.125, 0.25)()         # stronger up and down than left and right: fails\n"
                  "except AssertionError as exc:\n"
                  "    print(exc)\n"
                  "    print(*getattr(exc, '__notes__', []), sep='\\n')"),
]

INTERACTIONS = [
    new_markdown_cell(
        "# Interactions, walks and the separation rank of a graph neural network, exactly\n\n"
        "Razin, Verbin & Cohen (NeurIPS 2023) measure how strongly a GNN can make the two sides of a cut of the "
        "graph interact by the **separation rank**, and bound it by the **walk index**: the number of walks of "
        "length L - 1 that start on the cut's boundary. Everything below is an exact integer."),
    new_code_cell("%matplotlib inline\n"
                  "import matplotlib.pyplot as plt\n"
                  "import networkx as nx\n"
                  "from exactorbit import interactions as ix\n"
                  "g = ix.parse_graph('cliques:4')          # two 4-cliques joined by the edge (0, 4)\n"
                  "pos = nx.spring_layout(g.to_networkx(), seed=3)\n"
                  "def draw(cut, title):\n"
                  "    C = set(ix.boundary(g, cut))\n"
                  "    colours = ['tab:orange' if v in cut else 'tab:blue' for v in range(g.n)]\n"
                  "    edges = ['black' if v in C else 'white' for v in range(g.n)]\n"
                  "    fig, ax = plt.subplots(figsize=(4, 3))\n"
                  "    nx.draw_networkx(g.to_networkx(), pos, node_color=colours, edgecolors=edges, linewidths=3,\n"
                  "                     ax=ax, font_color='white')\n"
                  "    ax.set_title(title, fontsize=9); ax.axis('off')\n"
                  "    plt.show()\n"
                  "draw([0, 1, 2, 3], 'the cut I (orange) and its boundary C_I (black rims)')"),
    new_markdown_cell("## The boundary and the walk index\n\n"
                      "A self-loop is added on every vertex. The boundary C_I holds the vertices of either side "
                      "with a neighbour on the other side; the walk index at depth L counts the walks of length "
                      "L - 1 from C_I to anywhere."),
    new_code_cell("cut = [0, 1, 2, 3]\n"
                  "[(L, ix.walk_index(g, cut, L)) for L in range(1, 7)]"),
    new_code_cell("cut2 = [0, 1, 4, 5]            # a cut that splits both cliques\n"
                  "draw(cut2, 'a cut across both cliques: a larger boundary')\n"
                  "ix.boundary(g, cut2), ix.walk_index(g, cut2, 3)"),
    new_markdown_cell("## Walk counts grow fast: float32 is exact only up to 2^24\n\n"
                      "The authors' code counts walks in float32. The exact counts pass 2^24 at modest depth."),
    new_code_cell("counts = ix.walk_counts(g, 12)\n"
                  "fig, ax = plt.subplots(figsize=(4, 3))\n"
                  "ax.bar(range(g.n), [c.bit_length() for c in counts]); ax.axhline(24, color='red')\n"
                  "ax.set_xlabel('vertex'); ax.set_ylabel('bits of the walk count (length 12)')\n"
                  "plt.show()"),
    new_markdown_cell("## Cuts up to symmetry\n\n"
                      "The automorphism group acts on cuts (a cut is a binary image of the 1 x n grid), and the "
                      "walk index is the same on a whole orbit. So the table below is the exact list of the "
                      "genuinely different cuts and their walk indices."),
    new_code_cell("A = ix.automorphism_group(g)\n"
                  "A"),
    new_code_cell("spec = ix.walk_index_spectrum(g, 3)\n"
                  "fig, ax = plt.subplots(figsize=(5, 3))\n"
                  "ax.bar([str(k) for k in sorted(spec)], [spec[k] for k in sorted(spec)])\n"
                  "ax.set_xlabel('walk index at depth 3'); ax.set_ylabel('cut orbits'); ax.tick_params(labelsize=7)\n"
                  "plt.show()"),
    new_markdown_cell("## The separation rank\n\n"
                      "The GNN with product aggregation computes a polynomial f of the inputs; its separation rank "
                      "across a cut is the rank of a coefficient matrix, computed exactly (a nonzero minor proves "
                      "the lower bound). The generic rank (random integer weights) is a certified lower bound, and "
                      "the theorem's bound is D_h^(4 WI + 1)."),
    new_code_cell("p = ix.parse_graph('path:4')\n"
                  "rows = []\n"
                  "for cut in ([0], [0, 1], [1], [1, 2]):\n"
                  "    r = ix.generic_separation_rank(p, 2, 2, 2, cut)\n"
                  "    rows.append((cut, ix.walk_index(p, cut, 2), r.rank, ix.separation_rank_bound(p, 2, 2, cut)))\n"
                  "rows"),
    new_markdown_cell("## The claims, with computed verdicts\n\n"
                      "Each claim is computed on this toy case; a failure comes with its counter-example."),
    new_code_cell("claims = ix.interaction_claims('path:4', 2, 2, 2)\n"
                  "claims[2]"),
    new_code_cell("[(c.id, c.verdict) for c in claims]"),
    new_markdown_cell("## Walk Index Sparsification\n\n"
                      "WIS removes, one by one, the edge whose removal keeps the vertices' own walk indices as "
                      "large as possible (lexicographically)."),
    new_code_cell("order = ix.wis(g, 3, remove=4)\n"
                  "h = g.to_networkx()\n"
                  "fig, ax = plt.subplots(figsize=(4, 3))\n"
                  "nx.draw_networkx(h, pos, ax=ax, edge_color=['red' if e in order or e[::-1] in order else 'grey' "
                  "for e in h.edges()])\n"
                  "ax.set_title('the first 4 edges WIS removes (red)', fontsize=9); ax.axis('off'); plt.show()\n"
                  "order"),
]

GEOMETRY = [
    new_markdown_cell(
        "# The geometry of deep networks, exactly: depth as word length\n\n"
        "Dong, Wu & Zhou (\"How deep learning works: the geometry of deep learning\", arXiv:1710.10784, 2017) "
        "picture a deep network as a *path* in a space of transformations, each layer one small step, by analogy "
        "with the geometry of quantum computation (the complexity of an operation is the length of the shortest "
        "path of elementary gates to it) and with template matching (a template is deformed onto a target by a "
        "chain of small deformations).\n\n"
        "`exactorbit.geometry` reads that picture exactly, on finite groups:\n\n"
        "> layers are generators of a finite group, a network of depth d is a word of length d, the depth a "
        "transformation needs is its word length (its distance from the identity in the Cayley graph), and the "
        "distance between two images is the shortest chain of moves carrying one onto the other.\n\n"
        "So **depth = word length**: the fewest elementary moves whose product is the transformation. Everything "
        "below is an exact count found by exhaustive search, no float and no training. `proofs/geometry.md` "
        "proves what the code relies on and says plainly what is the paper's and what is ours (only the paper's "
        "abstract and introduction could be read; the exact reading is the package's)."),
    new_code_cell("%matplotlib inline\n"
                  "import itertools\n"
                  "import re\n"
                  "from html import escape\n"
                  "import matplotlib.pyplot as plt\n"
                  "from matplotlib.patches import Circle\n"
                  "from IPython.display import HTML\n"
                  "from exactorbit.groups import compose, translations\n"
                  "from exactorbit.plots import plot_counts\n"
                  "from exactorbit.geometry import (growth, geodesic, image_distance, orbit_geometry, torus_moves,\n"
                  "                                 reversible_circuits, pancake, adjacent_transpositions,\n"
                  "                                 geometry_claims)"),
    new_markdown_cell("## 1. A network as a path of moves\n\n"
                      "On the 4 x 4 torus the elementary moves are `right` (shift every pixel one column right, "
                      "wrapping around), `down`, and `quarter` (a quarter turn of the square), each usable forwards "
                      "or backwards (`right'` is one step left). A \"network\" of 7 layers is a word of 7 moves; its "
                      "product is one transformation of the grid. `geodesic` finds the shortest word with the same "
                      "product: the depth this transformation really needs."),
    new_code_cell("T = torus_moves('4x4')\n"
                  "right, down, quarter = T.generators\n"
                  "layers = [right, right, right, quarter, down, down, down]   # a network of depth 7\n"
                  "g = layers[0]\n"
                  "for layer in layers[1:]:\n"
                  "    g = compose(g, layer)          # apply g, then the next layer\n"
                  "best = geodesic(T, g)\n"
                  "print('7 layers:', 'right right right quarter down down down')\n"
                  "print('shortest:', ' '.join(best.names), f'-> depth {best.length} is enough')"),
    new_markdown_cell("## 2. How many transformations need each depth? The growth of the torus group\n\n"
                      "`growth` counts, for every depth k, the transformations whose shortest word has exactly k "
                      "moves (the *spheres* of the word metric). Their sum is the size of the group; the last "
                      "depth needed is the *diameter*. The moves above generate 16 translations x 4 quarter turns "
                      "= 64 transformations:"),
    new_code_cell("gT = growth(T)\n"
                  "print(gT)\n"
                  "gT.plot()"),
    new_markdown_cell("Without the quarter turn only the 16 translations remain, and 4 moves reach them all:"),
    new_code_cell("growth(translations('4x4')).plot()"),
    new_markdown_cell("## 3. Reversible circuits on 3 bits: optimal circuits are shortest words\n\n"
                      "Three wires carry a 3-bit state (0..7, bit t of the state is wire t). The gates are "
                      "permutations of the 8 states: `NOT(t)` flips wire t; `CNOT(c,t)` flips t when c is 1; "
                      "`TOF(c1,c2;t)` (Toffoli) flips t when c1 and c2 are both 1; `SWAP(i,j)` exchanges two "
                      "wires. A circuit of k gates is a word of length k, so the **optimal size of a circuit for a "
                      "reversible function is its word length**. The NCT library (NOT, CNOT, Toffoli: 12 gates) "
                      "reaches all 8! = 40,320 reversible functions of 3 bits (the vertical axis is logarithmic):"),
    new_code_cell("nct = growth(reversible_circuits(3, 'NCT'))\n"
                  "nct.plot()"),
    new_markdown_cell("With the 3 SWAP gates added (NCTS), more functions have short circuits and only 32 "
                      "still need 8 gates:"),
    new_code_cell("ncts = growth(reversible_circuits(3, 'NCTS'))\n"
                  "ncts.plot()"),
    new_markdown_cell("### The table of Shende, Prasad, Markov & Hayes (2003)\n\n"
                      "\"Synthesis of reversible logic circuits\" (IEEE TCAD 22(6), 2003) counts the 3-bit "
                      "reversible functions by optimal circuit size, for NCT and NCTS. The numbers typed below are "
                      "that table as quoted in the package's tests (`proofs/geometry.md` notes that the paper's "
                      "table itself was not re-read there), so we also recount NCT with a ten-line breadth-first "
                      "search over tuples that uses nothing from exactorbit."),
    new_code_cell("SHENDE_NCT = [1, 12, 102, 625, 2780, 8921, 17049, 10253, 577]\n"
                  "SHENDE_NCTS = [1, 15, 134, 844, 3752, 11194, 17531, 6817, 32]\n"
                  "\n"
                  "def naive_spheres(gates):\n"
                  "    \"\"\"Breadth-first search over permutations of the 8 states, as tuples.\"\"\"\n"
                  "    start = tuple(range(8))\n"
                  "    seen, frontier, spheres = {start}, [start], [1]\n"
                  "    while frontier:\n"
                  "        new = []\n"
                  "        for p in frontier:\n"
                  "            for gate in gates:\n"
                  "                q = tuple(gate[s] for s in p)     # the circuit p, then one more gate\n"
                  "                if q not in seen:\n"
                  "                    seen.add(q); new.append(q)\n"
                  "        frontier = new\n"
                  "        if new:\n"
                  "            spheres.append(len(new))\n"
                  "    return spheres\n"
                  "\n"
                  "brute = naive_spheres(reversible_circuits(3, 'NCT').generators)\n"
                  "print('gates  NCT  (Shende, brute force)   NCTS (Shende)')\n"
                  "for k in range(len(SHENDE_NCT)):\n"
                  "    print(f'{k:5}  {nct.spheres[k]:6} ({SHENDE_NCT[k]:6}, {brute[k]:6})   '\n"
                  "          f'{ncts.spheres[k]:6} ({SHENDE_NCTS[k]:6})')\n"
                  "print('NCT agrees with Shende et al. and with the brute force:',\n"
                  "      list(nct.spheres) == SHENDE_NCT == brute)\n"
                  "print('NCTS agrees with Shende et al.:', list(ncts.spheres) == SHENDE_NCTS)"),
    new_markdown_cell("### Drawing an optimal circuit\n\n"
                      "`geodesic(...).names` gives the gates of a shortest circuit, first gate first. A small "
                      "drawing function: one horizontal line per wire, one column per gate; a NOT is a circled "
                      "plus on its target, a CNOT or Toffoli puts dots on its controls joined to the circled plus, "
                      "a SWAP is two crosses joined by a line."),
    new_code_cell("GATE = re.compile(r'(NOT|CNOT|TOF|SWAP)\\((.*)\\)')\n"
                  "\n"
                  "def parse_gate(name):\n"
                  "    \"\"\"(kind, controls, target) of a gate name; for SWAP the two wires and target None.\"\"\"\n"
                  "    kind, args = GATE.fullmatch(name).groups()\n"
                  "    wires = [int(a) for a in re.split('[,;]', args)]\n"
                  "    if kind == 'SWAP':\n"
                  "        return kind, wires, None\n"
                  "    return kind, wires[:-1], wires[-1]\n"
                  "\n"
                  "def draw_circuit(names, bits=3, title=''):\n"
                  "    n = len(names)\n"
                  "    fig, ax = plt.subplots(figsize=(1.5 + 0.9 * max(n, 1), 0.7 * bits + 0.9))\n"
                  "    for w in range(bits):\n"
                  "        ax.plot([-0.6, n - 0.4], [w, w], color='black', lw=1, zorder=0)\n"
                  "        ax.text(-0.75, w, f'bit {w}', ha='right', va='center')\n"
                  "    for col, name in enumerate(names):\n"
                  "        kind, wires, target = parse_gate(name)\n"
                  "        span = wires + ([] if target is None else [target])\n"
                  "        ax.plot([col, col], [min(span), max(span)], color='black', lw=1, zorder=1)\n"
                  "        if kind == 'SWAP':\n"
                  "            for w in wires:\n"
                  "                ax.plot(col, w, marker='x', color='black', ms=11, mew=2, zorder=2)\n"
                  "        else:\n"
                  "            for c in wires:\n"
                  "                ax.plot(col, c, marker='o', color='black', ms=7, zorder=2)\n"
                  "            r = 0.2\n"
                  "            ax.add_patch(Circle((col, target), r, facecolor='white', edgecolor='black', lw=1.5,\n"
                  "                                zorder=2))\n"
                  "            ax.plot([col - r, col + r], [target, target], color='black', lw=1.5, zorder=3)\n"
                  "            ax.plot([col, col], [target - r, target + r], color='black', lw=1.5, zorder=3)\n"
                  "        ax.text(col, bits - 0.35, name, ha='center', va='top', fontsize=7, rotation=30)\n"
                  "    ax.set_xlim(-1.6, n - 0.3); ax.set_ylim(bits + 0.3, -0.7)   # bit 0 on top\n"
                  "    ax.set_aspect('equal'); ax.axis('off'); ax.set_title(title, fontsize=10)\n"
                  "    plt.show()\n"
                  "\n"
                  "def run(names, s):\n"
                  "    \"\"\"The circuit applied to the state s, gate by gate (independent of exactorbit).\"\"\"\n"
                  "    for name in names:\n"
                  "        kind, wires, target = parse_gate(name)\n"
                  "        if kind == 'SWAP':\n"
                  "            i, j = wires\n"
                  "            if (s >> i & 1) != (s >> j & 1):\n"
                  "                s ^= (1 << i) | (1 << j)\n"
                  "        elif all(s >> c & 1 for c in wires):\n"
                  "            s ^= 1 << target\n"
                  "    return s"),
    new_markdown_cell("First a function given by its truth table: the 3-bit counter x -> x + 1 (mod 8), in array "
                      "form `f[x]` = the output for input x. Its optimal NCT circuit has 3 gates, and running "
                      "the drawn circuit on all 8 inputs gives back the truth table:"),
    new_code_cell("increment = tuple((x + 1) % 8 for x in range(8))\n"
                  "circuit = geodesic(reversible_circuits(3), increment)\n"
                  "draw_circuit(circuit.names, title=f'x -> x+1 mod 8: {circuit.length} gates (optimal, NCT)')\n"
                  "print('input  output  circuit')\n"
                  "for x in range(8):\n"
                  "    print(f'  {x:03b}    {increment[x]:03b}     {run(circuit.names, x):03b}')\n"
                  "assert all(run(circuit.names, x) == increment[x] for x in range(8))"),
    new_markdown_cell("Now the permutation (0 7): exchange the states 000 and 111 and leave the other six alone. "
                      "It looks simple but needs 7 gates, with or without SWAP gates:"),
    new_code_cell("swap07 = geodesic(reversible_circuits(3), '(0 7)')\n"
                  "draw_circuit(swap07.names, title=f'(0 7): {swap07.length} gates (optimal, NCT)')\n"
                  "print('with SWAP gates too:', geodesic(reversible_circuits(3, 'NCTS'), '(0 7)').length, 'gates')\n"
                  "assert [run(swap07.names, x) for x in range(8)] == [7, 1, 2, 3, 4, 5, 6, 0]"),
    new_markdown_cell("Exchanging two wires is a reversible function too. With NCT it takes three CNOTs; the NCTS "
                      "library has it as one gate, a richer move that shortens this circuit:"),
    new_code_cell("swap_wires = tuple(run(['SWAP(0,1)'], x) for x in range(8))   # its truth table\n"
                  "for library in ('NCT', 'NCTS'):\n"
                  "    c = geodesic(reversible_circuits(3, library), swap_wires)\n"
                  "    gates = f'{c.length} gate' + 's' * (c.length != 1)\n"
                  "    draw_circuit(c.names, title=f'exchange wires 0 and 1: {gates} (optimal, {library})')\n"
                  "    assert all(run(c.names, x) == swap_wires[x] for x in range(8))"),
    new_markdown_cell("## 4. Template matching: carrying a template onto a target, step by step\n\n"
                      "The same moves act on images. On the 5 x 5 torus, `image_distance` finds the shortest chain "
                      "of moves (shift right/down or back, quarter turn or back) carrying a template onto a "
                      "target: the exact, finite cousin of deforming a template onto an image."),
    new_code_cell("T5 = torus_moves('5x5')\n"
                  "template = '##.../#..../...../...../.....'\n"
                  "target = '...../...../...../..##./...#.'\n"
                  "match = image_distance(T5, template, target)\n"
                  "print(match)\n"
                  "match.plot()"),
    new_markdown_cell("All images reachable from the template form its *orbit*; with one edge per move it is a "
                      "graph (the Schreier graph). `orbit_geometry` measures it: how many images lie at each "
                      "distance from the template, and the largest distance from any image (its eccentricity), "
                      "the smallest and largest of these over the orbit (radius and diameter)."),
    new_code_cell("geo = orbit_geometry(T5, template)\n"
                  "print(geo)\n"
                  "plot_counts(geo.spheres, xlabel='moves from the template', ylabel='images',\n"
                  "            title=f'the orbit of the template: {geo.size} images, diameter {geo.diameter}')"),
    new_markdown_cell("## 5. Two famous growth tables: pancakes and adjacent swaps\n\n"
                      "**Pancakes.** A stack of n pancakes is sorted by flips of the top k (k = 2..n). The most "
                      "flips any stack needs is the *pancake number* (OEIS A058986, the independent source: "
                      "1, 3, 4, 5, 7, 8, 9, 10, ... for n = 2, 3, 4, ...). It is the diameter:"),
    new_code_cell("OEIS_A058986 = {4: 4, 5: 5, 6: 7, 7: 8, 8: 9}     # pancake numbers, OEIS A058986\n"
                  "print(' n   stacks  diameter  OEIS A058986')\n"
                  "for n in range(4, 9):\n"
                  "    g = growth(pancake(n))\n"
                  "    print(f'{n:2} {g.order:8} {g.diameter:9} {OEIS_A058986[n]:13}')\n"
                  "    assert g.diameter == OEIS_A058986[n]\n"
                  "g.plot()"),
    new_markdown_cell("**Adjacent transpositions.** With the swaps (i i+1) of neighbours as moves, the depth of a "
                      "permutation is its number of inversions (bubble sort is optimal), so the spheres are the "
                      "Mahonian numbers (OEIS A008302). The independent check counts the inversions of all 120 "
                      "permutations of 5 points by brute force:"),
    new_code_cell("n = 5\n"
                  "mahonian = [0] * (n * (n - 1) // 2 + 1)\n"
                  "for p in itertools.permutations(range(n)):\n"
                  "    mahonian[sum(1 for i, j in itertools.combinations(range(n), 2) if p[i] > p[j])] += 1\n"
                  "gA = growth(adjacent_transpositions(n))\n"
                  "print('growth:    ', list(gA.spheres))\n"
                  "print('inversions:', mahonian, ' (OEIS A008302, row 5: 1, 4, 9, 15, 20, 22, 20, 15, 9, 4, 1)')\n"
                  "assert list(gA.spheres) == mahonian\n"
                  "gA.plot()"),
    new_markdown_cell("The 2x2x2 cube (`pocket_cube()`, 3,674,160 positions, OEIS A079762) works the same way; its "
                      "growth takes several seconds or more, so it is left out here: try "
                      "`growth(pocket_cube()).plot()`."),
    new_markdown_cell("## 6. The claims, with computed verdicts\n\n"
                      "`geometry_claims` turns four sentences of the picture into exact checks on one generating "
                      "set: G1 (most transformations need nearly the maximum depth), G2 (richer elementary moves "
                      "shorten every geodesic), G3 (the template distance is a metric), G4 (a lower bound on the "
                      "template distance from the number of differing pixels). Each comes with a verdict "
                      "(*holds*, *fails*, *undecided*) and its evidence."),
    new_code_cell("def claims_table(claims, title):\n"
                  "    colour = {'holds': '#2e7d32', 'fails': '#c62828', 'undecided': '#777'}\n"
                  "    rows = ''\n"
                  "    for c in claims:\n"
                  "        verdict = f\"<b style='color:{colour.get(c.verdict, 'black')}'>{escape(c.verdict)}</b>\"\n"
                  "        rows += (f'<tr><td>{escape(c.id)}</td><td>{verdict}</td>'\n"
                  "                 f\"<td style='text-align:left'>{escape(c.summary)}</td></tr>\")\n"
                  "    head = '<tr><th>id</th><th>verdict</th><th>summary</th></tr>'\n"
                  "    return HTML(f'<b>{escape(title)}</b><table>{head}{rows}</table>')\n"
                  "\n"
                  "circuit_claims = geometry_claims(reversible_circuits(3))\n"
                  "claims_table(circuit_claims, 'reversible circuits on 3 bits (NCT)')"),
    new_code_cell("torus_claims = geometry_claims(torus_moves('4x4'))\n"
                  "claims_table(torus_claims, 'torus moves on 4x4')"),
    new_code_cell("print('failing:', [(c.id, 'circuits') for c in circuit_claims if c.verdict == 'fails'] +\n"
                  "      [(c.id, 'torus') for c in torus_claims if c.verdict == 'fails'])"),
    new_markdown_cell("**Which fail, and why that is a result.** A *fails* is not a bug: it is the exact answer to "
                      "a sentence that sounds plausible in the continuous picture.\n\n"
                      "* **G2 fails for the circuits.** Adding the SWAP gates shortens many optimal circuits, but "
                      "not all: most functions keep their optimal size, and the claim names one such function (a "
                      "swap of two states whose best circuit has the same length with or without SWAP gates; the "
                      "(0 7) circuit above is another). So \"richer moves shorten every geodesic\" is false; "
                      "on the 4 x 4 torus, where the richer set fuses any two moves into one, it holds.\n"
                      "* **G1 fails on the torus.** There only 11/32 of the 64 transformations lie within 2 of the "
                      "diameter, while for the circuits 9293/13440 (about 69 %) do. \"Most transformations need "
                      "nearly the maximum depth\" depends on the group and its moves: true for the circuits, false "
                      "for this small torus group.\n"
                      "* **G3 and G4 hold in both cases**: the template distance is a metric (and, without inverse "
                      "moves, the torus shows the expected asymmetry: one step one way, three back), and the "
                      "pixel-count lower bound is never broken, though often not attained.\n\n"
                      "One claim in full, with its statement and evidence:"),
    new_code_cell("circuit_claims[1]"),
]

NOTEBOOKS = {
    "orbit_stabilizer.ipynb": ORBIT_STABILIZER,
    "paper_claims.ipynb": PAPER_CLAIMS,
    "equivariance.ipynb": EQUIVARIANCE,
    "interactions.ipynb": INTERACTIONS,
    "geometry.ipynb": GEOMETRY,
}


def main():
    for name, cells in NOTEBOOKS.items():
        nb = new_notebook(cells=cells, metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                                "language": "python"}})
        nbformat.write(nb, HERE / name)
        print(f"wrote examples/{name} ({len(cells)} cells)")


if __name__ == "__main__":
    main()
