"""The architecture of exactorbit, measured: import graph, cycles, floors, module sizes, faces on top.

    python3 benchmarks/architecture.py [--json]

Reads the package's source with ``ast`` (no import is executed).  Every import
counts, including those inside functions, and ``from . import x`` counts as an
import of the submodule x.  Prints the modules floor by floor (a module's floor
is one more than the highest floor it imports), every import cycle (there
should be none), the largest module's share of the package's lines, and any
library module that imports a face (``cli/``, ``tour``; the package face
``__init__`` loads names lazily and is allowed).  Exit code 1 when there is a
cycle or a library module imports a face.  tests/test_architecture.py runs the
same checks.
"""

import argparse
import ast
import json
import os
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "exactorbit")
FACES = ("exactorbit.cli", "exactorbit.tour", "exactorbit.__main__")


def modules(root=ROOT):
    """{dotted module name: path} of every .py file of the package."""
    out = {}
    for folder, _, files in os.walk(root):
        for f in files:
            if not f.endswith(".py"):
                continue
            path = os.path.join(folder, f)
            rel = os.path.relpath(path, os.path.dirname(root))[:-3].replace(os.sep, ".")
            out[rel[: -len(".__init__")] if rel.endswith(".__init__") else rel] = path
    return out


def _resolve(current, is_package, node, known):
    """Dotted names of the package modules an ImportFrom/Import node brings in."""
    if isinstance(node, ast.Import):
        return [a.name for a in node.names if a.name in known or a.name.split(".")[0] == "exactorbit"]
    base = current if is_package else current.rsplit(".", 1)[0]
    if node.level:
        for _ in range(node.level - 1):
            base = base.rsplit(".", 1)[0]
        target = f"{base}.{node.module}" if node.module else base
    else:
        target = node.module or ""
    if not target.startswith("exactorbit"):
        return []
    out = []
    for alias in node.names:
        sub = f"{target}.{alias.name}"
        out.append(sub if sub in known else target)
    return out


def import_graph(root=ROOT):
    """{module: sorted set of package modules it imports (anywhere in its source)}."""
    known = modules(root)
    graph = {}
    for name, path in known.items():
        tree = ast.parse(open(path, encoding="utf-8").read())
        is_package = path.endswith("__init__.py")
        deps = set()
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                deps.update(d for d in _resolve(name, is_package, node, known) if d in known and d != name)
        graph[name] = sorted(deps)
    return graph


def cycles(graph):
    """Every elementary cycle of the graph (a list of module lists)."""
    import networkx as nx

    return [c for c in nx.simple_cycles(nx.DiGraph([(a, b) for a, bs in graph.items() for b in bs]))]


def floors(graph):
    """{module: floor}; floor 1 imports nothing of the package."""
    out = {}

    def floor(m, stack=()):
        if m not in out:
            if m in stack:  # a cycle: report it elsewhere, do not recurse forever
                return 0
            out[m] = 1 + max((floor(d, stack + (m,)) for d in graph[m]), default=0)
        return out[m]

    for m in graph:
        floor(m)
    return out


def face_imports(graph):
    """Library modules (not faces, not the package face) that import a face."""
    def is_face(m):
        return any(m == f or m.startswith(f + ".") for f in FACES)
    return sorted((m, d) for m, ds in graph.items() for d in ds
                  if is_face(d) and not is_face(m) and m != "exactorbit")


def sizes(root=ROOT):
    """{module: number of lines}."""
    return {m: sum(1 for _ in open(p, encoding="utf-8")) for m, p in modules(root).items()}


def report(root=ROOT):
    graph = import_graph(root)
    lines = sizes(root)
    total = sum(lines.values())
    largest = max(lines, key=lines.get)
    return {
        "modules": len(graph),
        "imports": sum(len(v) for v in graph.values()),
        "cycles": cycles(graph),
        "floors": floors(graph),
        "face_imports": face_imports(graph),
        "lines": total,
        "largest_module": largest,
        "largest_module_lines": lines[largest],
        "largest_module_share": f"{lines[largest]}/{total}",
        "graph": graph,
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print the whole report as JSON")
    parser.add_argument("--root", default=ROOT, help="the package folder to read (default: this checkout's)")
    args = parser.parse_args(argv)
    r = report(args.root)
    if args.json:
        print(json.dumps(r, indent=2))
    else:
        by_floor = {}
        for m, f in r["floors"].items():
            by_floor.setdefault(f, []).append(m)
        print(f"exactorbit: {r['modules']} modules, {r['imports']} imports (inside functions included), "
              f"{r['lines']} lines")
        for f in sorted(by_floor):
            print(f"  floor {f:>2}: " + ", ".join(m.removeprefix("exactorbit.") for m in sorted(by_floor[f])))
        print(f"import cycles: {len(r['cycles'])}" + "".join(f"\n  {' -> '.join(c + c[:1])}" for c in r["cycles"]))
        share = r["largest_module_lines"] / r["lines"]
        print(f"largest module: {r['largest_module']} ({r['largest_module_lines']} lines, "
              f"{share:.1%} of the package)")  # float-ok: display only
        print("library modules importing a face (cli/, tour): "
              + (", ".join(f"{a} -> {b}" for a, b in r["face_imports"]) or "none"))
    return 1 if r["cycles"] or r["face_imports"] else 0


if __name__ == "__main__":
    sys.exit(main())
