"""Every theorem in proofs/ names the tests that check it, and those tests exist (so the references follow moves)."""

import ast
import fnmatch
import glob
import os
import re

import pytest

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
PROOFS = sorted(glob.glob(os.path.join(ROOT, "proofs", "*.md")))


def _tests_in(path):
    tree = ast.parse(open(path, encoding="utf-8").read())
    return {n.name for n in tree.body if isinstance(n, ast.FunctionDef) and n.name.startswith("test")}


def _references(text):
    """(file, pattern or None) for every `tests/...py` and `tests/...py::name` (a trailing * is a glob)."""
    out = []
    for m in re.finditer(r"(tests/[\w/]+\.py)(?:::([\w*]+))?", text):
        out.append((m.group(1), m.group(2)))
    for m in re.finditer(r"(tests/[\w/]+\.py)((?:::|, ::)[\w*]+(?:, ::[\w*]+)+)", text):  # "file::a, ::b" shorthand
        for name in re.findall(r"::([\w*]+)", m.group(2)):
            out.append((m.group(1), name))
    return out


@pytest.mark.parametrize("path", PROOFS, ids=os.path.basename)
def test_every_referenced_test_exists(path):
    text = open(path, encoding="utf-8").read()
    refs = _references(text)
    available = set()
    for file, name in refs:
        full = os.path.join(ROOT, file)
        assert os.path.exists(full), file
        available |= _tests_in(full)
        if name:
            assert fnmatch.filter(_tests_in(full), name), f"{file}::{name}"
    # a bare `test_name` in the prose names a test of one of the files referenced
    for name in re.findall(r"`(test_[\w*]+)`", text):
        assert fnmatch.filter(available, name), f"{name} is in none of {sorted({f for f, _ in refs})}"
    if os.path.basename(path).startswith("theorem"):
        assert available and re.search(r"test_\w+", text), "a theorem must name the test that checks it"
