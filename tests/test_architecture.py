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
    from exactorbit.cli._common import GROUP_NAMES as cli_names, STRIP_GROUP_NAMES as cli_strips
    from exactorbit.groups import GROUP_NAMES, STRIP_GROUP_NAMES

    assert cli_names == GROUP_NAMES and cli_strips == STRIP_GROUP_NAMES


def test_the_command_line_imports_only_what_it_runs():
    # `exactorbit verify` needs neither sympy nor numpy; the package face loads nothing until asked
    code = ("import sys; from exactorbit.cli import main; import exactorbit; "
            "print(sorted(m for m in ('sympy', 'numpy', 'exactorbit.groups', 'exactorbit.networks') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_the_script_exits_zero():
    assert architecture.main([]) == 0


# -- issue 21: the kernel under the doors -----------------------------------------------------------------------------

def test_the_kernel_imports_only_errors_validation_budget_and_never_names_pixelgroup(report):
    kernel = [m for m in report["graph"] if m.startswith(architecture.KERNEL)]
    assert {"exactorbit._perm.chain", "exactorbit._perm.cycles", "exactorbit._perm.structure"} <= set(kernel)
    assert report["kernel_imports"] == []
    assert report["kernel_names_pixelgroup"] == []


def test_the_checker_imports_nothing_of_the_producer(report):
    assert set(report["graph"]["exactorbit.checker"]) <= {"exactorbit.errors", "exactorbit._validation"}


def test_no_module_outside_groups_writes_a_pixelgroup_private(report):
    assert report["group_private_writes"] == []
    # the rule is live: the reader sees such a write (a fixture module, never imported)
    fake = "def f(group):\n    group._facts = {}\n    group._record(order=1)\n"
    import ast as _ast
    hits = [n.attr for n in _ast.walk(_ast.parse(fake)) if isinstance(n, _ast.Attribute)]
    assert set(hits) <= architecture._pixelgroup_private_attributes() | {"_facts"}
    assert {"_facts", "_chains", "_record"} <= architecture._pixelgroup_private_attributes()


def test_auto_is_decided_by_one_door_table_per_question(report):
    # the string 'auto' is compared only in _routes.py (Door.choose / Door.is_auto)
    assert {m for m, _ in report["auto_decisions"]} <= {"exactorbit._routes"}
    questions = [q for _, q in report["doors"]]
    assert len(questions) == len(set(questions))   # one table per question
    assert {"cycle_types", "decompose", "orbit_labels", "stabilizer", "orbit_size", "transporter", "canonical_image",
            "shadow_group", "orbit"} <= set(questions)


def test_one_definition_of_each_kernel_piece():
    found = {}
    for rel, src in _sources():
        if rel == "checker.py":  # the checker keeps its own copies on purpose: it imports nothing of the producer
            continue
        for name in ("torus", "product_action_factors", "parity", "_parity", "cycle_lengths", "_cycle_lengths",
                     "point_cycle_lengths", "_cycle_lengths_array", "fixed_by_weight", "_cycle_type_weight_poly",
                     "torus_structure", "linear_part", "all_products", "_all_products"):
            for _ in re.finditer(rf"^\s*def {name}\(", src, re.M):
                found.setdefault(name, []).append(rel)
    k = lambda f: os.path.join("_perm", f)  # noqa: E731
    assert found.get("torus") == [k("structure.py")]
    assert found.get("product_action_factors") == [k("structure.py")]
    assert found.get("parity") == [k("cycles.py")] and "_parity" not in found
    # the public, checked groups.cycle_lengths wraps the kernel's; no second implementation
    assert sorted(found.get("cycle_lengths")) == sorted([k("cycles.py"), "groups.py"]) and "_cycle_lengths" not in found
    assert found.get("point_cycle_lengths") == [k("cycles.py")] and "_cycle_lengths_array" not in found
    assert "_cycle_type_weight_poly" not in found and k("cycles.py") in found["fixed_by_weight"]
    assert found.get("linear_part") == [k("lattices.py")]   # the one torus coordinate class
    assert found.get("all_products") == [k("chain.py")] and "_all_products" not in found
    assert not os.path.exists(os.path.join(PACKAGE, "_cycle_forms.py"))


def test_counting_is_a_package_with_its_routes_beneath_it():
    for route in ("_symmetric", "_product", "_product_action", "_blocks", "_classes", "_listing"):
        assert os.path.exists(os.path.join(PACKAGE, "counting", route + ".py")), route
    for gone in ("counting.py", "_blocks.py", "_classes.py", "_chain.py", "_lattices.py"):
        assert not os.path.exists(os.path.join(PACKAGE, gone)), gone


def test_tuning_thresholds_sit_in_one_table_beside_the_limits():
    from exactorbit._budget import LIMITS, TUNING

    assert not set(TUNING) & set(LIMITS)
    assert all(t.reason and t.unit for t in TUNING.values())
    text = open(os.path.join(ROOT, "docs", "benchmarks.md"), encoding="utf-8").read()   # the table (README links)
    assert [key for key in TUNING if f"`{key}`" not in text] == []   # every threshold documented
