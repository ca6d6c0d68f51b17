"""The house rules a machine can check: no import cycle, faces on top, one home for each shared piece.

The measurements come from benchmarks/architecture.py (an ast reading of the
package: every import counts, inside functions too).
"""

import os
import re
import subprocess
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..")
PACKAGE = os.path.join(ROOT, "exactorbit")
sys.path.insert(0, os.path.join(ROOT, "benchmarks"))

import architecture  # noqa: E402


@pytest.fixture(scope="module")
def report():
    return architecture.report()


def _sources():
    for folder, _, files in os.walk(PACKAGE):
        for f in files:
            if f.endswith(".py"):
                path = os.path.join(folder, f)
                yield os.path.relpath(path, PACKAGE), open(path, encoding="utf-8").read()


def test_no_import_cycle_counting_imports_inside_functions(report):
    assert report["cycles"] == []
    # the reader does see imports inside functions: the package face loads its names that way
    assert "exactorbit.tour" in report["graph"]["exactorbit"]


def test_faces_sit_on_top(report):
    assert report["face_imports"] == []
    importers = {m for m, deps in report["graph"].items() for d in deps if d.startswith("exactorbit.cli")}
    # the command line's own modules, and ``python -m exactorbit`` (a face itself)
    assert importers <= {m for m in report["graph"] if m.startswith("exactorbit.cli")} | {"exactorbit.__main__"}
    for rel, src in _sources():
        if not rel.startswith("cli" + os.sep) and rel != "__main__.py":
            assert not re.search(r"from \.+cli\b|importlib", src), rel


def test_no_module_holds_a_large_share(report):
    assert report["largest_module_lines"] * 10 <= report["lines"]  # under 10% of the package


def test_one_definition_of_each_shared_piece():
    definitions = {"orbit_classes": [], "refuse_if_over": [], "progress": [], "_orbits": [],
                   "_features_by_orbit_size": []}
    bars, raises = [], []
    for rel, src in _sources():
        for name in definitions:
            if re.search(rf"^def {name}\(", src, re.M):
                definitions[name].append(rel)
        if "tqdm" in src and rel != "_budget.py":
            bars.append(rel)
        if re.search(r"raise TooExpensive\(", src) and rel not in ("_budget.py", "checker.py"):
            raises.append(rel)  # the checker keeps its own limits: it imports nothing of the producer
    assert definitions == {"orbit_classes": [os.path.join("orbits", "__init__.py")], "refuse_if_over": ["_budget.py"],
                           "progress": ["_budget.py"], "_orbits": [], "_features_by_orbit_size": []}
    assert bars == [] and raises == []


def test_routes_are_private_modules_under_their_door():
    for door, routes in {"orbits": ["_enumerate", "_symbolic", "_torus"], "shadows": ["_listing", "_one_hidden_unit"],
                         "networks": ["_direct", "_by_weight", "_packed", "_dictionary", "_untied_sets",
                                      "_one_hidden_unit", "_encoder_sum", "_column_programme"]}.items():
        for route in routes:
            assert os.path.exists(os.path.join(PACKAGE, door, route + ".py")), (door, route)


def test_cli_group_names_match_the_library():
    from exactorbit.cli._common import GROUP_NAMES as cli_names
    from exactorbit.groups import GROUP_NAMES

    assert cli_names == GROUP_NAMES


def test_the_command_line_imports_only_what_it_runs():
    # `exactorbit verify` needs neither sympy nor numpy; the package face loads nothing until asked
    code = ("import sys; from exactorbit.cli import main; import exactorbit; "
            "print(sorted(m for m in ('sympy', 'numpy', 'exactorbit.groups', 'exactorbit.networks') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_the_script_exits_zero():
    assert architecture.main([]) == 0
