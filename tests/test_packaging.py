"""What ships: the sdist holds the tests, the examples, the proofs and the docs; the wheel's package data holds
py.typed (PEP 561); the metadata names the licence, the author and the version the CLI prints."""

import configparser
import os
import subprocess
import sys
import tarfile

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")


def test_the_sdist_holds_tests_examples_proofs_and_docs(tmp_path):
    code = ("import sys; from setuptools import build_meta as b; "
            f"print(b.build_sdist({str(tmp_path)!r}))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    name = out.stdout.strip().splitlines()[-1]
    with tarfile.open(tmp_path / name) as sdist:
        tops = {m.name.split("/")[1] for m in sdist.getmembers() if m.name.count("/") >= 1}
        names = set(sdist.getnames())
    assert {"exactorbit", "tests", "examples", "proofs", "docs", "benchmarks"} <= tops
    root = name[:-len(".tar.gz")]
    for path in ("exactorbit/py.typed", "LICENSE", "CHANGELOG.md", "README.md", "mypy.ini",
                 "proofs/stabilizer_chain.md", "examples/orbit_stabilizer.ipynb", "tests/test_packaging.py"):
        assert f"{root}/{path}" in names, path


def test_metadata_names_licence_author_and_version():
    cfg = configparser.ConfigParser()
    cfg.read(os.path.join(ROOT, "setup.cfg"))
    meta = cfg["metadata"]
    assert meta["license"] == "MIT" and "MIT" in open(os.path.join(ROOT, "LICENSE"), encoding="utf-8").read()
    assert meta["author"].strip()
    assert "py.typed" in cfg["options.package_data"]["exactorbit"]
    from exactorbit import __version__

    out = subprocess.run([sys.executable, "-m", "exactorbit", "--version"], capture_output=True, text=True,
                         timeout=60)
    assert out.stdout.strip() == f"exactorbit {__version__}" == f"exactorbit {meta['version']}"
