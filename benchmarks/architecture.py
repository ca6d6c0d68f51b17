"""The architecture of exactorbit, measured: import graph, cycles, floors, module sizes, faces on top, the kernel.

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

It also prints the rules of the kernel layer (issue 21): the kernel ``_perm/``
imports nothing of the package but ``errors``, ``_validation``, ``_budget`` and
itself, and never names ``PixelGroup``; no module outside ``groups`` writes a
private attribute of a ``PixelGroup`` (or calls its one writer ``_record``); no
underscore name is imported across a package border (a subpackage and the rest)
except from the kernel; the longest function of the package, and of the
algorithm code (the kernel and the private route modules beneath the doors),
which must stay within 60 lines; and where 'auto' is decided: the string
"auto" is compared only in ``_routes.py`` (``Door.choose``), and each door is
one ``Door(...)`` table.
"""

import argparse
import ast
import json
import os
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "exactorbit")
FACES = ("exactorbit.cli", "exactorbit.tour", "exactorbit.__main__")
KERNEL = "exactorbit._perm"
#: What the kernel may import from the rest of the package.
KERNEL_MAY_IMPORT = ("exactorbit.errors", "exactorbit._validation", "exactorbit._budget")
#: Longest algorithm function allowed (the kernel and the private route modules beneath the doors).
ALGORITHM_LINES = 60
#: Doors whose routes sit beneath them in private modules (their ``_*.py`` are algorithm code).
DOOR_PACKAGES = ("counting", "orbits", "stabilizers", "shadows", "networks", "hierarchy", "interactions", "geometry")


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


def _trees(root=ROOT):
    for name, path in modules(root).items():
        yield name, path, ast.parse(open(path, encoding="utf-8").read())


def kernel_imports(graph):
    """(kernel module, package module it imports) pairs that break the kernel's rule."""
    return sorted((m, d) for m, ds in graph.items() if m == KERNEL or m.startswith(KERNEL + ".")
                  for d in ds if not (d == KERNEL or d.startswith(KERNEL + ".") or d in KERNEL_MAY_IMPORT))


def kernel_names_pixelgroup(root=ROOT):
    """Kernel modules whose code (not their docstrings) names PixelGroup."""
    out = []
    for name, _, tree in _trees(root):
        if name == KERNEL or name.startswith(KERNEL + "."):
            if any(isinstance(n, ast.Name) and n.id == "PixelGroup" or isinstance(n, ast.alias) and n.name == "PixelGroup"
                   or isinstance(n, ast.Attribute) and n.attr == "PixelGroup" for n in ast.walk(tree)):
                out.append(name)
    return out


def _pixelgroup_private_attributes(root=ROOT):
    """The private attributes PixelGroup sets on itself (``self._x = ...`` in groups.py) and its store's writer."""
    path = modules(root)["exactorbit.groups"]
    tree = ast.parse(open(path, encoding="utf-8").read())
    names = {"_record"}
    for cls in (n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "PixelGroup"):
        for n in ast.walk(cls):
            if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name) and n.value.id == "self" \
                    and n.attr.startswith("_") and not n.attr.startswith("__") and isinstance(n.ctx, ast.Store):
                names.add(n.attr)
            if isinstance(n, ast.FunctionDef) and n.name.startswith("_") and not n.name.startswith("__"):
                names.add(n.name) if n.name in ("_record",) else None
    return names


def group_private_writes(root=ROOT):
    """(module, line, expression) of writes to a PixelGroup private attribute, or calls of ``_record``, outside groups."""
    private = _pixelgroup_private_attributes(root)
    out = []
    for name, _, tree in _trees(root):
        if name == "exactorbit.groups":
            continue
        for n in ast.walk(tree):
            if isinstance(n, ast.Attribute) and n.attr in private and not (
                    isinstance(n.value, ast.Name) and n.value.id in ("self", "cls")):
                if isinstance(n.ctx, ast.Store) or n.attr == "_record":
                    out.append((name, n.lineno, ast.unparse(n)))
    return sorted(out)


def _border(module):
    """The package a module belongs to for the border rule: its subpackage, or '' for the top-level modules."""
    parts = module.split(".")
    return parts[1] if len(parts) > 2 else ""


def _import_base(current, is_package, node):
    """The dotted module an ImportFrom node imports from."""
    base = current if is_package else current.rsplit(".", 1)[0]
    for _ in range(node.level - 1):
        base = base.rsplit(".", 1)[0]
    return f"{base}.{node.module}" if node.module else base


def private_crossings(root=ROOT):
    """(module, imported module, name) for underscore names imported across a package border, except from the kernel.

    A submodule imported by name (``from . import _blocks``) is not a crossing: it sits beneath its door."""
    known = modules(root)
    out = []
    for name, path, tree in _trees(root):
        is_package = path.endswith("__init__.py")
        for node in ast.walk(tree):
            if not isinstance(node, ast.ImportFrom) or not node.level:
                continue
            target = _import_base(name, is_package, node)
            if target == KERNEL or target.startswith(KERNEL + "."):
                continue
            for alias in node.names:
                if not alias.name.startswith("_") or alias.name.startswith("__") or f"{target}.{alias.name}" in known:
                    continue
                there = _border(target + ".x") if target in known and known[target].endswith("__init__.py") \
                    else _border(target)
                if _border(name + ".__init__" if is_package else name) != there:
                    out.append((name, target, alias.name))
    return sorted(set(out))


def functions(root=ROOT):
    """[(lines, module, function name)] of every function (nested included), longest first."""
    out = []
    for name, _, tree in _trees(root):
        for n in ast.walk(tree):
            if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)):
                out.append((n.end_lineno - n.lineno + 1, name, n.name))
    return sorted(out, reverse=True)


def is_algorithm(module):
    """The kernel and the private route modules beneath the doors."""
    parts = module.split(".")
    return module.startswith(KERNEL) or (len(parts) == 3 and parts[1] in DOOR_PACKAGES and parts[2].startswith("_"))


def auto_decisions(root=ROOT):
    """(module, line) of every comparison with the string 'auto' (== / != / in a tuple): only _routes.py may hold one."""
    out = []
    for name, _, tree in _trees(root):
        for n in ast.walk(tree):
            if isinstance(n, ast.Compare):
                sides = [n.left, *n.comparators]
                flat = [e for s in sides for e in (s.elts if isinstance(s, (ast.Tuple, ast.List, ast.Set)) else [s])]
                if any(isinstance(e, ast.Constant) and e.value == "auto" for e in flat):
                    out.append((name, n.lineno))
    return sorted(out)


def doors(root=ROOT):
    """(module, question) of every ``Door("question", ...)`` table: the one place each door's 'auto' is declared."""
    out = []
    for name, _, tree in _trees(root):
        for n in ast.walk(tree):
            if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id in ("Door", "_door") and n.args \
                    and isinstance(n.args[0], ast.Constant):
                q = n.args[0]
                out.append((name, q.value if isinstance(q, ast.Constant) else ast.unparse(q)))
    return sorted(out)


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
        "kernel_imports": kernel_imports(graph),
        "kernel_names_pixelgroup": kernel_names_pixelgroup(root),
        "group_private_writes": group_private_writes(root),
        "private_crossings": private_crossings(root),
        "longest_function": functions(root)[0],
        "longest_algorithm_function": next(f for f in functions(root) if is_algorithm(f[1])),
        "long_algorithm_functions": [f for f in functions(root) if is_algorithm(f[1]) and f[0] > ALGORITHM_LINES],
        "auto_decisions": auto_decisions(root),
        "doors": doors(root),
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
        print("kernel (_perm/) imports outside its rule: "
              + (", ".join(f"{a} -> {b}" for a, b in r["kernel_imports"]) or "none")
              + "; names PixelGroup: " + (", ".join(r["kernel_names_pixelgroup"]) or "none"))
        print("writes to PixelGroup privates outside groups: "
              + (", ".join(f"{m}:{line} {e}" for m, line, e in r["group_private_writes"]) or "none"))
        print("underscore names imported across a package border (not from the kernel): "
              + (", ".join(f"{m} <- {t}.{n}" for m, t, n in r["private_crossings"]) or "none"))
        lines, module, fn = r["longest_function"]
        print(f"longest function: {module}.{fn} ({lines} lines)")
        lines, module, fn = r["longest_algorithm_function"]
        print(f"longest algorithm function (kernel and routes): {module}.{fn} ({lines} lines; at most {ALGORITHM_LINES})"
              + "".join(f"\n  over: {m}.{f} ({n} lines)" for n, m, f in r["long_algorithm_functions"]))
        print(f"'auto' compared outside _routes.py: "
              + (", ".join(f"{m}:{line}" for m, line in r["auto_decisions"] if m != "exactorbit._routes") or "nowhere"))
        print(f"doors declared as tables ({len(r['doors'])}): " + ", ".join(f"{q} ({m.removeprefix('exactorbit.')})"
                                                                           for m, q in r["doors"]))
    bad = (r["cycles"] or r["face_imports"] or r["kernel_imports"] or r["kernel_names_pixelgroup"]
           or r["group_private_writes"] or r["private_crossings"] or r["long_algorithm_functions"]
           or [d for d in r["auto_decisions"] if d[0] != "exactorbit._routes"])
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
