"""Fuzz the file system under the command line: hostile output paths, a full disk, a read-only
mount, and several writers of one directory at once (issue 20, items 8 and 10).

The contract, on every draw:

* ``main(argv)`` returns 0 or 2; stderr holds no traceback and no "internal error" line;
* exit 2: exactly one line ``exactorbit: error: ...`` that names the path (its start) and the reason;
* exit 0: every file is whole (the certificates are byte-identical to a reference run's, the SVG
  ends with ``</svg>``) and has the mode ``0o666 & ~umask``;
* never a temporary file left behind, never half of a run's certificates;
* writers of one directory at once: the directory ends up holding exactly one writer's files, a
  writer without ``overwrite`` that lost says "different content", and writers without
  ``overwrite`` that succeeded all wrote the same bytes (nothing silently replaced).

The full-disk and read-only cases mount small tmpfs file systems (``mount -t tmpfs``, root
only); where that fails they are skipped with the reason.
"""

import contextlib
import io
import os
import stat
import subprocess
import threading

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import _fuzzutil as util  # noqa: E402 - tests/fuzz/conftest.py puts it on the path
from exactorbit.cli import main

FUZZ = settings(max_examples=25, deadline=None, database=None, phases=util.PHASES,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

#: (argv of a small tour) -> its certificates, by file name, from a run into a fresh directory.
TOURS = [["tour", "--grid", "1x2", "--group", "translations", "--layers", "1", "--quiet"],
         ["tour", "--grid", "1x3", "--group", "translations", "--layers", "1", "--quiet"]]


def run_cli(argv):
    """``main(argv)`` with stdout/stderr captured; asserts the one-line contract; returns (code, err)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    text = err.getvalue()
    assert "Traceback" not in text and "internal error" not in text, f"{util.short(argv, 300)}: {text[-800:]}"
    assert code in (0, 2), f"{util.short(argv, 300)}: exit {code}: {text[-400:]}"
    if code == 2:
        lines = [line for line in text.splitlines() if line.strip()]
        assert len(lines) == 1 and lines[0].startswith("exactorbit: error: ") and len(lines[0]) < 600, text
    return code, text


def temporary_files(*roots):
    found = []
    for root in roots:
        for folder, _, files in os.walk(root):
            found += [os.path.join(folder, f) for f in files if f.endswith(".tmp")]
    return found


def mode_of(path):
    return stat.S_IMODE(os.stat(path).st_mode)


def umask():
    old = os.umask(0)
    os.umask(old)
    return old


@contextlib.contextmanager
def tmpfs(folder, options):
    os.makedirs(folder, exist_ok=True)
    proc = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)], capture_output=True, text=True)
    if proc.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here (root and mount(8) needed): {proc.stderr.strip()[:200]}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


@pytest.fixture(scope="module")
def references():
    """Each tour's certificates (name -> bytes), from a run into a fresh directory."""
    refs = []
    for argv in TOURS:
        folder = util.tempdir("eo-ref-")
        assert run_cli(argv + ["--certificates", str(folder)])[0] == 0
        refs.append({p.name: p.read_bytes() for p in folder.iterdir()})
    return refs


@pytest.fixture(scope="module")
def sandbox():
    """A directory with a plain file, a directory named like an output, and a read-only mount."""
    root = util.tempdir("eo-faults-") / "top" / "inner"   # so that NAME '..' stays inside the sandbox
    root.mkdir(parents=True)
    (root / "plain").write_text("x")
    (root / "taken.svg").mkdir()
    (root / "taken-dir").mkdir()
    (root / "taken-dir" / "count-G.json").mkdir()   # a directory where a certificate goes
    ro = root / "ro"
    os.makedirs(ro)
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k,ro", "tmpfs", str(ro)],
                             capture_output=True).returncode == 0
    yield root, mounted
    if mounted:
        subprocess.run(["umount", "-l", str(ro)], capture_output=True)


#: Where outputs go: inside the sandbox, or system places that refuse files without side effects.
BASES = ["{root}", "{root}/plain", "{root}/missing", "{root}/missing/deeper", "{root}/ro", "{root}/taken-dir",
         "/proc", "/proc/self/status", "/dev/null", "/sys/kernel"]
NAMES = st.one_of(
    st.sampled_from(["out", "a b", "ünïcödé", ".", "..", "taken", "-dash", "x" * 255, "y" * 256, "z" * 400]),
    st.text(alphabet="abcXYZ019._-", min_size=1, max_size=30),
)


#: The names every base is tried with, besides hypothesis's draws (a deterministic sweep).
SWEEP_NAMES = ["out", ".", "x" * 255, "y" * 256, "taken"]


def test_every_base_and_name_in_a_sweep(sandbox, references):
    for base in BASES:
        for name in SWEEP_NAMES:
            check_svg(sandbox, base, name)
            check_certificates(sandbox, references, base, name, 0)


@FUZZ
@given(base=st.sampled_from(BASES), name=NAMES)
def test_svg_to_hostile_paths(sandbox, base, name):
    check_svg(sandbox, base, name)


def _confined(base, name):
    """The NAME, kept from climbing out of a system BASE ('/proc/..' is '/')."""
    return "out" if not base.startswith("{root}") and name in (".", "..") else name


def check_svg(sandbox, base, name):
    root, mounted = sandbox
    name = _confined(base, name)
    if "{root}/ro" == base and not mounted:
        return
    path = os.path.join(base.format(root=root), name + ".svg")
    code, err = run_cli(["orbit", "--grid", "2x2", "--image", "#./..", "--svg", path])
    if code == 0:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
        assert text.startswith("<svg") and text.rstrip().endswith("</svg>"), path
        assert mode_of(path) == 0o666 & ~umask()
        os.remove(path)
    else:
        assert "--svg" in err and ("cannot write" in err or "must end in .svg" in err), err
    assert temporary_files(root.parent.parent) == []


@FUZZ
@given(base=st.sampled_from(BASES), name=NAMES, which=st.integers(0, len(TOURS) - 1))
def test_certificates_to_hostile_directories(sandbox, references, base, name, which):
    check_certificates(sandbox, references, base, name, which)


def check_certificates(sandbox, references, base, name, which):
    root, mounted = sandbox
    name = _confined(base, name)
    if "{root}/ro" == base and not mounted:
        return
    folder = os.path.join(base.format(root=root), name)
    existed = os.path.isdir(folder) and base.startswith("{root}")
    before = {f: open(os.path.join(folder, f), "rb").read() for f in os.listdir(folder)
              if os.path.isfile(os.path.join(folder, f))} if existed else {}
    code, err = run_cli(TOURS[which] + ["--certificates", folder])
    if code == 0:
        files = {f: open(os.path.join(folder, f), "rb").read() for f in os.listdir(folder) if f.endswith(".json")}
        assert {f: files[f] for f in references[which]} == references[which], folder
        assert {mode_of(os.path.join(folder, f)) for f in references[which]} == {0o666 & ~umask()}, folder
    else:
        assert folder[:40] in err or os.path.abspath(folder)[:40] in err or "different content" in err, err
        if existed:   # nothing of this run was written over what was there
            after = {f: open(os.path.join(folder, f), "rb").read() for f in os.listdir(folder)
                     if os.path.isfile(os.path.join(folder, f))}
            assert after == before, folder
    assert temporary_files(root.parent.parent) == []


@pytest.fixture(scope="module")
def small_disk():
    folder = util.tempdir("eo-full-") / "mnt"
    with tmpfs(folder, "size=64k") as mnt:
        yield mnt


def _fill(mnt, free):
    for name in os.listdir(mnt):
        path = os.path.join(mnt, name)
        if os.path.isdir(path):
            import shutil

            shutil.rmtree(path)
        else:
            os.remove(path)
    with open(os.path.join(mnt, "filler"), "wb") as fh:
        try:
            fh.write(b"x" * max(0, 64 * 1024 - free))
            fh.flush()
        except OSError:
            pass


@FUZZ
@given(free=st.integers(0, 64).map(lambda k: k * 1024), which=st.integers(0, len(TOURS) - 1),
       svg=st.booleans())
def test_a_nearly_full_disk(small_disk, references, free, which, svg):
    _fill(small_disk, free)
    if svg:
        path = os.path.join(small_disk, "o.svg")
        code, err = run_cli(["orbit", "--grid", "3x3", "--image", "##./#../...", "--svg", path])
        if code == 0:
            assert open(path, encoding="utf-8").read().rstrip().endswith("</svg>")
        else:
            assert "No space left on device" in err and "o.svg" in err, err
            assert sorted(os.listdir(small_disk)) == ["filler"]
    else:
        folder = os.path.join(small_disk, "certs")
        code, err = run_cli(TOURS[which] + ["--certificates", folder])
        names = sorted(os.listdir(folder)) if os.path.isdir(folder) else []
        if code == 0:
            assert {f: open(os.path.join(folder, f), "rb").read() for f in names} == references[which]
        else:
            assert "No space left on device" in err, err
            assert names == [], names   # all or nothing
    assert temporary_files(small_disk) == []


@FUZZ
@given(writers=st.lists(st.tuples(st.integers(0, len(TOURS) - 1), st.booleans()), min_size=2, max_size=4))
def test_writers_of_one_directory_at_once(references, writers):
    """Threads (each its own flock) writing tours' certificates into one directory at once."""
    from exactorbit.errors import InvalidArgument
    from exactorbit.tour import write_certificates

    reports = _reports()
    folder = util.tempdir("eo-race-") / "shared"
    barrier = threading.Barrier(len(writers))
    results = [None] * len(writers)

    def write(k, which, overwrite):
        barrier.wait()
        try:
            write_certificates(reports[which], folder, overwrite=overwrite)
            results[k] = "ok"
        except InvalidArgument as exc:
            results[k] = str(exc)

    threads = [threading.Thread(target=write, args=(k, w, o)) for k, (w, o) in enumerate(writers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    final = {p.name: p.read_bytes() for p in folder.iterdir()}
    winners = [w for (w, _), r in zip(writers, results) if r == "ok"]
    assert winners, results
    assert final in [references[w] for w in winners], "the directory mixes writers' files"
    for (w, overwrite), r in zip(writers, results):
        if r != "ok":
            assert not overwrite and "different content" in r, r
    plain = {w for (w, o), r in zip(writers, results) if r == "ok" and not o}
    if not any(o for _, o in writers):
        assert len(plain) == 1, (writers, results)   # all the plain writers that succeeded wrote the same
    assert temporary_files(folder) == []


_REPORTS = []


def _reports():
    if not _REPORTS:
        from exactorbit.tour import run_tour

        _REPORTS.extend(run_tour(argv[2], argv[4], layers=1) for argv in TOURS)
    return _REPORTS


@FUZZ
@given(datas=st.lists(st.tuples(st.binary(min_size=0, max_size=3000), st.booleans()), min_size=2, max_size=5))
def test_write_file_at_once(datas):
    """The one writer (exactorbit._files.write_file), raced: the file is whole and one writer's bytes."""
    from exactorbit._files import write_file
    from exactorbit.errors import InvalidArgument

    path = util.tempdir("eo-race-file-") / "f.bin"
    barrier = threading.Barrier(len(datas))
    results = [None] * len(datas)

    def write(k, data, overwrite):
        barrier.wait()
        try:
            results[k] = write_file(path, data, overwrite=overwrite)
        except InvalidArgument as exc:
            results[k] = str(exc)

    threads = [threading.Thread(target=write, args=(k, d, o)) for k, (d, o) in enumerate(datas)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    final = path.read_bytes()
    done = [d for (d, _), r in zip(datas, results) if r in ("new", "same", "replaced")]
    assert final in done, "the file holds no writer's bytes whole"
    for (d, overwrite), r in zip(datas, results):
        assert r in ("new", "same", "replaced") or (not overwrite and "different content" in r), r
    if not any(o for _, o in datas):
        assert len(set(done)) == 1 and final == done[0]
    assert mode_of(path) == 0o666 & ~umask()
    assert temporary_files(path.parent) == []
