"""Sphinx configuration of exactorbit's documentation site.

Build (warnings are errors): ``python3 -m sphinx -W --keep-going -b html docs docs/_build/html``.
Why Sphinx, myst-nb and furo: docs/developer.md, "How this site is made".
"""

import os
import sys
from pathlib import Path

DOCS = Path(__file__).resolve().parent
ROOT = DOCS.parent
# document (and run the notebooks against) this checkout, installed or not
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(DOCS / "_ext"))
# the notebooks' kernels import this checkout too, and the pages' shell helper (docs/_ext/shell_session.py)
os.environ["PYTHONPATH"] = os.pathsep.join([str(ROOT), str(DOCS / "_ext")] + [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p])
os.environ.setdefault("MPLBACKEND", "Agg")
# without ipywidgets, tqdm.auto warns "IProgress not found" in every kernel that imports it: not the pages' news
os.environ["PYTHONWARNINGS"] = ",".join(filter(None, [os.environ.get("PYTHONWARNINGS"), "ignore:IProgress not found"]))

from exactorbit import __version__  # noqa: E402

project = "exactorbit"
author = "the exactorbit authors"
copyright = "exactorbit authors, MIT licence"
version = release = __version__

extensions = [
    "myst_nb",                  # markdown pages (myst-parser) and notebooks, executed at build time
    "sphinx.ext.autodoc",
    "sphinx.ext.autosummary",
    "sphinx.ext.doctest",
    "sphinx.ext.viewcode",
    "exactorbit_docs",          # docs/_ext: CLI reference, the face's tables, staging, page doctests
]

source_suffix = {".rst": "restructuredtext", ".md": "myst-nb", ".ipynb": "myst-nb"}
root_doc = "index"
exclude_patterns = ["_build", "**.ipynb_checkpoints", "_ext"]
templates_path = []

# --- markdown ---
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# --- notebooks (examples/*.ipynb are stored without outputs: run them at every build) ---
nb_execution_mode = "force"
nb_execution_timeout = 300
nb_execution_raise_on_error = True
nb_execution_show_tb = True
nb_merge_streams = True
nb_execution_in_temp = True      # run in a scratch directory: nothing is written beside the sources

# --- API reference ---
autodoc_default_options = {"members": True, "undoc-members": True, "member-order": "bysource"}
autodoc_typehints = "signature"
autosummary_generate = False
# no napoleon: the docstrings are reST prose, and napoleon would read "Degree: the number of pixels." as a type

# --- doctests: only the {doctest} blocks of the pages (docstrings are run by pytest --doctest-modules) ---
doctest_test_doctest_blocks = ""

# --- HTML ---
html_theme = "furo"
html_title = f"exactorbit {version}"
html_static_path = ["_static"]
html_css_files = ["exactorbit.css"]
html_show_sourcelink = False
html_theme_options = {"navigation_with_keys": True}

# proofs/certificates.md shows the certificate envelope with "a" | "b" alternatives inside a json block:
# pygments retries it in relaxed mode (rendered fine); that retry is not a defect of the site
suppress_warnings = ["misc.highlighting_failure"]
