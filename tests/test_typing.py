"""The type hints of the public API (issue 25): mypy passes on the package, py.typed ships, the face is annotated.

``python3 -m mypy exactorbit`` (configured by mypy.ini at the repository root) must report no error; the
first run takes several seconds, a run with mypy's cache (.mypy_cache) about one.  Without mypy installed
(``pip install mypy``) the type check skips with a message; the other two tests need nothing.
"""

import importlib.util
import inspect
import os
import subprocess
import sys

import pytest

import exactorbit

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))

#: The modules whose public functions are annotated: every face function defined in one of them must say what
#: it returns and what each named parameter is.  Add a module here once its functions are annotated.
ANNOTATED_MODULES = {
    "exactorbit.errors",
    "exactorbit.explain",
    "exactorbit.images",
    "exactorbit.counting",
    "exactorbit.orbits",
    "exactorbit.subgroups",
    "exactorbit.induced",
    "exactorbit.functions",
    "exactorbit.networks.family",
    "exactorbit.networks.distinct",
    "exactorbit.networks.reconstruction",
    "exactorbit.networks.conditioned",
    "exactorbit.networks.membership",
    "exactorbit.shadows",
    "exactorbit.depth",
    "exactorbit.certificates",
    "exactorbit.checker",
    "exactorbit.hierarchy",
    "exactorbit.groups",
    "exactorbit.actions",
    "exactorbit.stabilizers",
    "exactorbit.gap",
    "exactorbit.graphs",
    "exactorbit.plots",
    "exactorbit.shadows.nearest",
    "exactorbit.testing",
    "exactorbit.tour",
    "exactorbit.claims",
}


def _face_functions():
    """{name: function} of the face's names (exactorbit._HOME) that are functions defined in ANNOTATED_MODULES."""
    out = {}
    for name in exactorbit._HOME:
        value = getattr(exactorbit, name)
        if inspect.isfunction(value) and value.__module__ in ANNOTATED_MODULES:
            out[name] = value
    return out


def test_the_package_is_marked_typed():
    # PEP 561: type checkers read the package's annotations only when the marker ships beside it
    marker = os.path.join(ROOT, "exactorbit", "py.typed")
    assert os.path.isfile(marker)
    assert os.path.getsize(marker) == 0


def test_the_face_functions_are_annotated():
    functions = _face_functions()
    # the face's doors live in these modules: the check is not vacuous
    assert {"burnside_count", "decompose", "parse_image", "verify_certificate", "depth_table"} <= set(functions)
    missing_return = sorted(f"{fn.__module__}.{name}" for name, fn in functions.items()
                            if inspect.signature(fn).return_annotation is inspect.Signature.empty)
    missing_params = sorted(
        f"{fn.__module__}.{name}({p.name})" for name, fn in functions.items()
        for p in inspect.signature(fn).parameters.values() if p.annotation is inspect.Parameter.empty)
    assert missing_return == [], f"face functions without a return annotation: {', '.join(missing_return)}"
    assert missing_params == [], f"face function parameters without an annotation: {', '.join(missing_params)}"


def test_mypy_passes_on_the_package():
    if importlib.util.find_spec("mypy") is None:
        pytest.skip("mypy is not installed (pip install mypy): the type check of exactorbit did not run")
    result = subprocess.run([sys.executable, "-m", "mypy", "exactorbit"], cwd=ROOT, capture_output=True, text=True,
                            timeout=600)
    report = (result.stdout + result.stderr).strip()
    assert result.returncode == 0, f"mypy found errors (config: mypy.ini):\n{report[-4000:]}"
    assert report.startswith("Success: no issues found"), report[-4000:]
