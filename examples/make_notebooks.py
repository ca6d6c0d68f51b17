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

NOTEBOOKS = {
    "orbit_stabilizer.ipynb": ORBIT_STABILIZER,
    "paper_claims.ipynb": PAPER_CLAIMS,
    "equivariance.ipynb": EQUIVARIANCE,
}


def main():
    for name, cells in NOTEBOOKS.items():
        nb = new_notebook(cells=cells, metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                                "language": "python"}})
        nbformat.write(nb, HERE / name)
        print(f"wrote examples/{name} ({len(cells)} cells)")


if __name__ == "__main__":
    main()
