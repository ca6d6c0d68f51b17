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
    new_markdown_cell("## The orbit as a graph\n\nThe Schreier graph: one node per image of the orbit, "
                      "one edge per generator."),
    new_code_cell("S = eo.schreier_graph(G, x)\n"
                  "S.number_of_nodes(), S.number_of_edges()"),
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
    new_markdown_cell("# Property-test your own equivariant code\n\n"
                      "`assert_equivariant(f, G)` checks f(g.x) = g.f(x) exactly for every generator of G; a "
                      "failure draws the case."),
    new_code_cell("import numpy as np\n"
                  "import exactorbit as eo\n"
                  "from exactorbit.testing import assert_equivariant\n"
                  "T = eo.named_group('translations', '3x3')\n"
                  "assert_equivariant(lambda x: x | np.roll(x, 1, axis=-1), T)   # a circular filter: passes\n"
                  "'equivariant'"),
    new_code_cell("try:\n"
                  "    assert_equivariant(lambda x: np.where(np.arange(3)[:, None] == 0, 0, x), T)\n"
                  "except AssertionError as exc:\n"
                  "    print(exc)"),
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

NOTEBOOKS = {
    "orbit_stabilizer.ipynb": ORBIT_STABILIZER,
    "paper_claims.ipynb": PAPER_CLAIMS,
    "equivariance.ipynb": EQUIVARIANCE,
    "interactions.ipynb": INTERACTIONS,
}


def main():
    for name, cells in NOTEBOOKS.items():
        nb = new_notebook(cells=cells, metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                                "language": "python"}})
        nbformat.write(nb, HERE / name)
        print(f"wrote examples/{name} ({len(cells)} cells)")


if __name__ == "__main__":
    main()
