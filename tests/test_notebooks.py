"""The teaching notebooks of examples/ run from top to bottom, and what they show is pictures, not reprs."""

import importlib.util
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
NOTEBOOKS = sorted(EXAMPLES.glob("*.ipynb"))
MISSING = [m for m in ("nbclient", "nbformat", "ipykernel", "matplotlib") if importlib.util.find_spec(m) is None]

#: With the docs extra installed, the documentation site's build runs every notebook and tests/test_docs_site.py
#: checks the same things of each (no error, pictures drawn, at most a few stderr lines): not run twice.
DOCS_BUILD = all(importlib.util.find_spec(m) is not None
                 for m in ("sphinx", "myst_parser", "myst_nb", "furo", "nbclient", "ipykernel", "matplotlib"))

pytestmark = [
    pytest.mark.skipif(bool(MISSING), reason=f"the notebooks need {', '.join(MISSING)}: "
                       "pip install 'exactorbit[notebook]' (the tests of everything else still run)"),
]


def execute(path):
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(EXAMPLES)}}).execute()
    return nb


def test_the_notebooks_are_there():
    assert {p.name for p in NOTEBOOKS} >= {"orbit_stabilizer.ipynb", "paper_claims.ipynb", "equivariance.ipynb"}


@pytest.mark.skipif(DOCS_BUILD, reason="the documentation site's build runs every notebook; "
                    "tests/test_docs_site.py checks them (no error, pictures, stderr)")
@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_runs_and_draws(path):
    nb = execute(path)
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    rich = [o for o in outputs if "text/html" in o.get("data", {}) or "image/png" in o.get("data", {})]
    if path.name != "equivariance.ipynb":   # that one prints a failure's text pictures
        assert len(rich) >= 5, f"{path.name}: only {len(rich)} outputs draw themselves"
    stderr = "".join(o.get("text", "") for o in outputs if o.get("name") == "stderr")
    assert stderr.count("\n") < 5, f"{path.name} printed to stderr:\n{stderr[:500]}"
