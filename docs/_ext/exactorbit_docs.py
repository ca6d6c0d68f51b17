"""The local Sphinx extension of exactorbit's documentation site (no dependency beyond Sphinx).

What it adds:

* ``exactorbit-cli`` (directive, reST pages): the command line reference, generated from the
  argparse parser of :func:`exactorbit.cli.build_parser`: one section per subcommand and
  sub-subcommand, each with its ``format_help()``;
* ``exactorbit-face`` (directive, reST pages): the public face, ``exactorbit.__all__``, as
  tables grouped by the module each name lives in (``exactorbit._HOME``), linking to the module
  pages of the API reference (a name that no module page documents is documented on the face's);
* ``exactorbit-constants`` (directive): the data of a module's ``__all__`` that autodoc leaves out
  (no ``#:`` comment), so that an API page documents every public name;
* a docstring filter: exactorbit's docstrings write ``|G|`` and ``p*q`` in prose, which reST would
  read as substitutions and emphasis; outside literals, doctest and literal blocks they are escaped;
* the doctests of the pages (``{doctest}`` blocks of sphinx.ext.doctest) run during every build, so
  that the one documented command (``-b html -W``) fails on a tutorial whose output is wrong;
* a shared navigation tree for viewcode's source pages (furo would build the same one for each);
* staging: at start-up the example notebooks (``examples/*.ipynb``) are copied into
  ``docs/notebooks/`` and each ``proofs/*.md`` gets a wrapper page in ``docs/proofs/`` that
  includes it (both generated, ignored by git): the site renders them, nobody copies them by hand.
"""

import argparse
import doctest
import io
import os
import re
from pathlib import Path

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import nested_parse_with_titles

logger = logging.getLogger(__name__)

DOCS = Path(__file__).resolve().parents[1]
ROOT = DOCS.parent
#: Width of the rendered ``--help`` texts (argparse reads $COLUMNS).
HELP_COLUMNS = 92
#: Titles of the groups of the public face, by the module the names live in.
FACE_TITLES = {
    "errors": "Errors", "_budget": "Limits and tuning", "explain": "Routes", "images": "Images and grids",
    "groups": "Pixel groups", "actions": "Actions and orbits of one image", "stabilizers": "Stabilizers",
    "counting": "Counting (Burnside, Polya)", "orbits": "Orbit decomposition of all images",
    "subgroups": "Subgroups", "induced": "Induced actions", "functions": "Function tables",
    "networks": "Networks", "shadows": "Shadow groups", "depth": "Depth", "claims": "The paper's claims",
    "certificates": "Certificates", "checker": "The independent checker", "tour": "The tour",
    "gap": "GAP", "plots": "Pictures", "testing": "Equivariance testing", "graphs": "Graphs",
    "hierarchy": "The (sparse) random hierarchy model",
}


# ---------------------------------------------------------------------------------------------
# staging: notebooks and proofs, rendered where they live
# ---------------------------------------------------------------------------------------------

def _write_if_changed(path, data):
    """Write bytes ``data`` to ``path`` unless it holds them already (keeps Sphinx's mtimes quiet)."""
    if path.exists() and path.read_bytes() == data:
        return
    path.write_bytes(data)


def _stage(folder, wanted):
    """Make ``folder`` hold exactly the generated files ``wanted`` (name -> bytes) beside its index."""
    folder.mkdir(exist_ok=True)
    for name, data in wanted.items():
        _write_if_changed(folder / name, data)
    for path in folder.iterdir():
        if path.is_file() and path.name not in wanted and path.name != "index.md" and path.suffix in (".md", ".ipynb"):
            path.unlink()


def stage_sources(app, config):
    """Copy ``examples/*.ipynb`` into docs/notebooks/ and wrap each ``proofs/*.md`` in docs/proofs/."""
    notebooks = {p.name: p.read_bytes() for p in sorted((ROOT / "examples").glob("*.ipynb"))}
    _stage(DOCS / "notebooks", notebooks)
    proofs = {}
    for path in sorted((ROOT / "proofs").glob("*.md")):
        if path.name == "README.md":
            continue
        proofs[path.name] = (f"```{{include}} ../../proofs/{path.name}\n```\n\n"
                             f"*Source: `proofs/{path.name}` in the repository.*\n").encode()
    _stage(DOCS / "proofs", proofs)


# ---------------------------------------------------------------------------------------------
# the command line reference
# ---------------------------------------------------------------------------------------------

def _subparsers(parser):
    """The (name, parser) pairs of ``parser``'s subcommands, in the order its help lists them."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return list(action.choices.items())
    return []


def _walk(parser, path=()):
    """Every parser below ``parser`` (itself first) with its command path."""
    yield path, parser
    for name, sub in _subparsers(parser):
        yield from _walk(sub, path + (name,))


def _help(parser):
    """``parser.format_help()`` at a fixed width, whatever the terminal of the build."""
    old = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = str(HELP_COLUMNS)
    try:
        return parser.format_help()
    finally:
        if old is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = old


def _literal(text):
    """reST lines of a text code block holding ``text``."""
    return [".. code-block:: text", ""] + ["   " + line if line else "" for line in text.rstrip("\n").split("\n")] + [""]


class CliDirective(SphinxDirective):
    """The whole command line: the top-level ``--help``, then a section per subcommand, and within it
    a section per sub-subcommand (``geometry growth``), each with its ``--help``.  The sections nest
    in the section where the directive stands."""

    has_content = False

    def run(self):
        from exactorbit.cli import build_parser

        lines = []
        for path, parser in _walk(build_parser()):
            if path:
                title = "``" + " ".join(("exactorbit",) + path) + "``"
                lines += [title, ("-" if len(path) == 1 else "~") * len(title), ""]
            lines += _literal(_help(parser))
        node = nodes.section()
        node.document = self.state.document
        nested_parse_with_titles(self.state, StringList(lines, source="exactorbit.cli"), node)
        return node.children


# ---------------------------------------------------------------------------------------------
# the public face
# ---------------------------------------------------------------------------------------------

class FaceDirective(SphinxDirective):
    """``exactorbit.__all__`` as tables, one per home module: each name with its signature and summary.

    Each name links to its documentation on the page of the module it lives in.
    """

    has_content = False

    def run(self):
        import exactorbit

        homes = {}
        for name, home in exactorbit._HOME.items():
            homes.setdefault(home, []).append(name)
        lines = [".. py:currentmodule:: None", ""]
        here = []   # names that no module page documents: documented on this page, below the tables
        for home, names in homes.items():
            title = f"{FACE_TITLES.get(home, home)} (``exactorbit.{home}``)"
            lines += [title, "~" * len(title), "", ".. list-table::", "   :widths: 35 65", ""]
            for name in names:
                obj = getattr(exactorbit, name)
                if not _documented_on_module_page(home, name):
                    here.append((home, name, obj))
                lines += [f"   * - :py:obj:`{name}{_short_signature(obj)} <exactorbit.{home}.{name}>`",
                          f"     - {_summary(home, name, obj)}"]
            lines += [""]
        if here:
            title = "On the face, not in their module's ``__all__``"
            lines += [title, "~" * len(title), ""]
            for home, name, obj in here:
                kind = "autoclass" if isinstance(obj, type) else "autofunction" if callable(obj) else "autodata"
                lines += [f".. {kind}:: exactorbit.{home}.{name}", ""]
        node = nodes.section()
        node.document = self.state.document
        nested_parse_with_titles(self.state, StringList(lines, source="exactorbit._HOME"), node)
        return node.children


def _documented_on_module_page(home, name):
    """Whether the API page of module ``home`` documents ``name`` (it lists the module's ``__all__``)."""
    import importlib

    if home == "_budget":
        return name in ("LIMITS", "TUNING")   # docs/api/limits.rst
    if not (DOCS / "api" / f"{home}.rst").exists():
        return False
    return name in getattr(importlib.import_module(f"exactorbit.{home}"), "__all__", ())


class ConstantsDirective(SphinxDirective):
    """``autodata`` for the names of a module's ``__all__`` that autodoc leaves out: data without a ``#:`` comment."""

    required_arguments = 1

    def run(self):
        import importlib
        import inspect

        from sphinx.pycode import ModuleAnalyzer

        modname = self.arguments[0]
        module = importlib.import_module(modname)
        try:
            documented = {name for (_, name) in ModuleAnalyzer.for_module(modname).find_attr_docs()}
        except Exception:   # no source to analyse
            documented = set()
        lines = []
        for name in getattr(module, "__all__", ()):
            obj = getattr(module, name)
            if callable(obj) or inspect.ismodule(obj) or name in documented:
                continue
            lines += [f".. autodata:: {modname}.{name}", ""]
        if not lines:
            return []
        node = nodes.section()
        node.document = self.state.document
        nested_parse_with_titles(self.state, StringList(lines, source=modname), node)
        return node.children


def _short_signature(obj):
    """``(a, b, *, c=...)`` for a callable, shortened past 40 characters; '' for data."""
    import inspect

    if not callable(obj) or (isinstance(obj, type) and issubclass(obj, BaseException)):
        return ""
    try:
        sig = inspect.signature(obj)
    except (TypeError, ValueError):
        return "(...)"
    params = []
    for p in sig.parameters.values():
        if p.kind is p.VAR_POSITIONAL:
            params.append("*" + p.name)
        elif p.kind is p.VAR_KEYWORD:
            params.append("**" + p.name)
        elif p.default is p.empty:
            params.append(p.name)
    text = ", ".join(params)
    if len(text) > 40:
        text = text[:37].rsplit(",", 1)[0] + ", ..."
    if any(p.default is not p.empty for p in sig.parameters.values()):
        text = text + ", ..." if text and not text.endswith("...") else text or "..."
    return "(" + text.replace("*", "\\*") + ")"


def _summary(home, name, obj):
    """The first sentence of the object's docstring (of its ``#:`` comment for data), as reST prose."""
    import inspect

    doc = ""
    if callable(obj) or inspect.ismodule(obj):
        doc = inspect.getdoc(obj) or ""
    else:
        from sphinx.pycode import ModuleAnalyzer

        attr_docs = ModuleAnalyzer.for_module(f"exactorbit.{home}").find_attr_docs()
        doc = "\n".join(attr_docs.get(("", name), []))
    first = " ".join(doc.strip().split("\n\n")[0].split())
    cut = re.search(r"(?<=[a-z)\]`])\.(\s|$)", first)
    if cut:
        first = first[:cut.start() + 1]
    return _escape_prose(first) or "(no docstring)"


# ---------------------------------------------------------------------------------------------
# docstrings: |G| and p*q are prose, not reST markup
# ---------------------------------------------------------------------------------------------

#: Spans left as they are: inline literals, roles, interpreted text and hyperlink references.
_CODE = re.compile(r"(``.+?``|:[\w:.+-]+:`[^`]*`|`[^`]*`_{0,2})")
#: Emphasis and strong emphasis that reST reads as such (kept).
_EMPHASIS = re.compile(r"(?<![\w*\\])(\*\*?)(?=\S)(?!\*)(.+?)(?<=[^\s\\*])\1(?![\w*])")


def _escape_prose(text):
    """``text`` with every ``|`` and every ``*`` that is not emphasis escaped.

    >>> _escape_prose("|G| = p*q, *so* ``|x|``")
    '\\\\|G\\\\| = p\\\\*q, *so* ``|x|``'
    """
    out = []
    for i, piece in enumerate(_CODE.split(text)):
        if i % 2:
            out.append(piece)
            continue
        kept = []
        last = 0
        for m in _EMPHASIS.finditer(piece):
            kept.append(_escape_plain(piece[last:m.start()]))
            kept.append(m.group(1) + _escape_plain(m.group(2), stars=False) + m.group(1))
            last = m.end()
        kept.append(_escape_plain(piece[last:]))
        out.append("".join(kept))
    return "".join(out)


def _escape_plain(text, stars=True):
    text = re.sub(r"(?<!\\)\|", r"\\|", text)
    return re.sub(r"(?<!\\)\*(?![\s*]|$)", r"\\*", text) if stars else text


def escape_docstring(app, what, name, obj, options, lines):
    """Escape prose markup in a docstring's lines; leave doctest, literal blocks and tables alone."""
    literal_indent = None
    in_doctest = in_table = False
    for i, line in enumerate(lines):
        stripped = line.strip()
        indent = len(line) - len(line.lstrip())
        if literal_indent is not None:
            if not stripped or indent > literal_indent:
                continue
            literal_indent = None
        if in_doctest:
            if stripped:
                continue
            in_doctest = False
            continue
        if stripped.startswith(">>>"):
            in_doctest = True
            continue
        if in_table or stripped.startswith(("+-", "+=")):
            in_table = bool(stripped)   # a grid table, written as reST on purpose, until a blank line
            continue
        if stripped.startswith(".. "):
            continue   # a directive or a comment
        lines[i] = _escape_prose(line)
        if stripped.endswith("::"):
            literal_indent = indent


# ---------------------------------------------------------------------------------------------
# doctests of the pages, run by every build
# ---------------------------------------------------------------------------------------------

FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


def run_page_doctests(app, doctree):
    """Run the ``{doctest}`` blocks of one page in order (one namespace per group); a failure is a warning.

    ``python -m sphinx -b doctest`` runs the same blocks; this makes the html build (``-W``) check them
    too, in the one documented command.
    """
    if app.builder.name == "doctest":
        return
    blocks = [n for n in doctree.findall(nodes.literal_block) if n.get("testnodetype") == "doctest"]
    if not blocks:
        return
    parser = doctest.DocTestParser()
    namespaces = {}
    docname = app.env.docname
    for number, node in enumerate(blocks, 1):
        flags = FLAGS
        for flag, on in node.get("options", {}).items():
            flags = flags | flag if on else flags & ~flag
        group = (node.get("groups") or ["default"])[0]
        globs = namespaces.setdefault(group, {"__name__": f"docs.{docname}"})
        test = parser.get_doctest(node.rawsource or node.astext(), globs, f"{docname}[{number}]",
                                  app.env.doc2path(docname), node.line or 0)
        out = io.StringIO()
        runner = doctest.DocTestRunner(optionflags=flags)
        runner.run(test, out=out.write, clear_globs=False)
        namespaces[group] = test.globs   # DocTest copies the namespace: the next block continues from this one
        if runner.failures:
            logger.warning("a doctest of this page failed:\n%s", out.getvalue(), location=node,
                           type="exactorbit", subtype="doctest")


def share_navigation(app, pagename, templatename, context, doctree):
    """Pages outside the toctree (viewcode's ``_modules/...``) share one navigation tree per folder depth.

    furo renders the whole site's navigation for every page; for the source pages, which are in no
    toctree, it is the same HTML at the same depth (only relative links differ), so it is built once
    per depth instead of once per page (about a tenth of the build's time).
    """
    if not pagename.startswith("_modules/") or "toctree" not in context:
        return
    cache = app.builder.__dict__.setdefault("exactorbit_navigation", {})
    toctree, depth = context["toctree"], pagename.count("/")

    def shared(**kwargs):
        key = (depth, tuple(sorted(kwargs.items())))
        if key not in cache:
            cache[key] = toctree(**kwargs)
        return cache[key]

    context["toctree"] = shared


def quiet_notebooks_for_doctest(app):
    """``-b doctest`` runs the ``{doctest}`` blocks only: the notebooks need not run (myst-nb reads this next)."""
    if app.builder.name == "doctest":
        app.config.nb_execution_mode = "off"


def setup(app):
    app.setup_extension("sphinx.ext.autodoc")
    app.setup_extension("sphinx.ext.doctest")
    app.connect("config-inited", stage_sources)
    app.connect("builder-inited", quiet_notebooks_for_doctest, priority=100)
    app.connect("autodoc-process-docstring", escape_docstring)
    app.connect("doctree-read", run_page_doctests)
    app.connect("html-page-context", share_navigation, priority=400)   # before furo's (500)
    app.add_directive("exactorbit-cli", CliDirective)
    app.add_directive("exactorbit-face", FaceDirective)
    app.add_directive("exactorbit-constants", ConstantsDirective)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
