"""Issue 20, items 8 and 10: the command line meets a file system that says no.

Every place the CLI writes a file (``orbit --svg``, ``tour --certificates``, standard output)
ends a refusal of the operating system in ONE line ``exactorbit: error: cannot write PATH:
REASON`` and exit code 2, leaves no temporary file behind, and never replaces a certificate with
different content without ``--overwrite``.  The catch-all ``internal error`` is kept for bugs
and has its own exit code (70, EX_SOFTWARE).  The random search over the same faults lives in
tests/fuzz/test_cli_faults.py.
"""

import contextlib
import json
import os
import stat
import subprocess
import sys

import pytest

from exactorbit.cli import main

TOUR = ["tour", "--grid", "2x2", "--group", "translations", "--layers", "1", "--quiet"]
OTHER_TOUR = ["tour", "--grid", "1x2", "--group", "translations", "--layers", "1", "--quiet"]
LONG = "a" * 300 + ".svg"   # NAME_MAX is 255 on Linux


def one_error_line(capsys, argv, code=2):
    """Run main(argv): assert the exit code and one ``exactorbit: error:`` line; returns the line."""
    got = main(argv)
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line.strip()]
    assert got == code, err
    assert "internal error" not in err and "Traceback" not in err, err
    assert len(lines) == 1 and lines[0].startswith("exactorbit: error: "), err
    return lines[0]


def leftovers(folder):
    """Temporary files a writer left in ``folder``."""
    return [p for p in os.listdir(folder) if p.endswith(".tmp")]


@contextlib.contextmanager
def small_tmpfs(folder, free):
    """A 64 KiB tmpfs mounted on ``folder`` with about ``free`` bytes left; skips where it cannot be mounted."""
    os.makedirs(folder, exist_ok=True)
    proc = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder)],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here (needs root and mount(8)): {proc.stderr.strip()[:200]}")
    try:
        with open(os.path.join(folder, "filler"), "wb") as fh:
            try:
                fh.write(b"x" * (64 * 1024 - free))
                fh.flush()
            except OSError:
                pass
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], capture_output=True)


# ----------------------------------------------------------------- item 10: one line naming path and reason


@pytest.mark.parametrize("make_path, reason", [
    (lambda d: str(d / "folder.svg"), "Is a directory"),
    (lambda d: "/proc/a.svg", "No such file or directory"),
    (lambda d: str(d / LONG), "File name too long"),
    (lambda d: str(d / "plain-file" / "a.svg"), "Not a directory"),
    (lambda d: str(d / "missing" / "a.svg"), "No such file or directory"),
])
def test_svg_to_a_path_that_cannot_be_written(tmp_path, capsys, make_path, reason):
    (tmp_path / "folder.svg").mkdir()
    (tmp_path / "plain-file").write_text("x")
    path = make_path(tmp_path)
    line = one_error_line(capsys, ["orbit", "--svg", path])
    assert "cannot write" in line and reason in line and path[:60] in line, line
    assert len(line) < 400, line
    assert not leftovers(tmp_path)


def test_svg_to_a_full_disk(tmp_path, capsys):
    with small_tmpfs(tmp_path / "full", free=0) as full:
        line = one_error_line(capsys, ["orbit", "--grid", "3x3", "--image", "#../.#./...", "--svg",
                                       str(full / "o.svg")])
        assert "No space left on device" in line and "o.svg" in line, line
        assert sorted(os.listdir(full)) == ["filler"]   # no partial o.svg, no temporary file


@pytest.mark.parametrize("directory, reason", [
    ("/proc", "No such file or directory"),
    ("/proc/self/status/x", "Not a directory"),
])
def test_certificates_to_a_directory_that_cannot_be_written(capsys, directory, reason):
    line = one_error_line(capsys, TOUR + ["--certificates", directory])
    assert directory in line and reason in line, line


def test_certificates_to_a_full_disk_leave_nothing_half_written(tmp_path, capsys):
    with small_tmpfs(tmp_path / "full", free=8192) as full:   # two 4 KiB pages: two certificates of five
        line = one_error_line(capsys, TOUR + ["--certificates", str(full)])
        assert "No space left on device" in line and str(full) in line, line
        assert sorted(os.listdir(full)) == ["filler"], os.listdir(full)   # the two that fitted are taken back


def test_full_stdout_is_one_line():
    proc = subprocess.run(f"'{sys.executable}' -m exactorbit group > /dev/full", shell=True,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2 and proc.stderr.strip() == \
        "exactorbit: error: cannot write the output: No space left on device", proc.stderr


def test_stderr_full_does_not_turn_into_an_internal_error(tmp_path):
    # the tour says on stderr which certificates it wrote: a full stderr must not end the run
    proc = subprocess.run([sys.executable, "-m", "exactorbit", *TOUR, "--certificates", str(tmp_path / "c")],
                          stdout=subprocess.DEVNULL, stderr=open("/dev/full", "w"), timeout=120)
    assert proc.returncode == 0 and len(os.listdir(tmp_path / "c")) == 5


def test_internal_error_has_its_own_exit_code(monkeypatch, capsys):
    from exactorbit.cli import group

    def boom(args):
        raise RuntimeError("a planted bug")

    monkeypatch.setattr(group, "run", boom)
    assert main(["group"]) == 70
    err = capsys.readouterr().err
    assert err.startswith("exactorbit: internal error: RuntimeError: 'a planted bug'") and err.count("\n") == 1


def test_an_unforeseen_refusal_of_the_system_is_not_an_internal_error(monkeypatch, capsys):
    from exactorbit.cli import group

    def full(args):
        raise OSError(28, "No space left on device", "/somewhere/x")

    monkeypatch.setattr(group, "run", full)
    line = one_error_line(capsys, ["group"])
    assert "No space left on device" in line and "/somewhere/x" in line


# ---------------------------------------------------------------- reading: the same one line


@pytest.mark.parametrize("argv, reason", [
    (["orbit", "--image-file", "{d}"], "Is a directory"),
    (["orbit", "--image-file", "{d}/plain-file/x"], "Not a directory"),
    (["orbit", "--image-file", "/proc/self/mem"], "Input/output error"),
    (["verify", "{d}"], "a directory, not a regular file"),  # the checker refuses non-regular files unread
    (["verify", "{d}/" + "b" * 300 + ".json"], "File name too long"),
])
def test_unreadable_inputs_are_one_line(tmp_path, capsys, argv, reason):
    (tmp_path / "plain-file").write_text("x")
    line = one_error_line(capsys, [a.replace("{d}", str(tmp_path)) for a in argv])
    assert reason in line, line


# ---------------------------------------------------------------- item 8: certificates never silently replaced


def _contents(folder):
    return {name: (folder / name).read_bytes() for name in sorted(os.listdir(folder)) if name.endswith(".json")}


def test_certificates_follow_the_umask(tmp_path, capsys):
    old = os.umask(0o027)
    try:
        assert main(TOUR + ["--certificates", str(tmp_path / "c")]) == 0
    finally:
        os.umask(old)
    capsys.readouterr()
    modes = {stat.S_IMODE(os.stat(p).st_mode) for p in (tmp_path / "c").iterdir()}
    assert modes == {0o640}, [oct(m) for m in modes]   # mkstemp's 0600 before the fix


def test_svg_follows_the_umask(tmp_path, capsys):
    old = os.umask(0o022)
    try:
        assert main(["orbit", "--svg", str(tmp_path / "o.svg")]) == 0
    finally:
        os.umask(old)
    capsys.readouterr()
    assert stat.S_IMODE(os.stat(tmp_path / "o.svg").st_mode) == 0o644


def test_the_same_run_twice_rewrites_nothing_and_says_ok(tmp_path, capsys):
    folder = tmp_path / "c"
    assert main(TOUR + ["--certificates", str(folder)]) == 0
    first, mtimes = _contents(folder), {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}
    capsys.readouterr()
    assert main(TOUR + ["--certificates", str(folder)]) == 0
    assert "already there" in capsys.readouterr().err
    assert _contents(folder) == first and {p.name: p.stat().st_mtime_ns for p in folder.iterdir()} == mtimes


def test_another_case_into_the_same_directory_is_refused_then_overwritten_on_request(tmp_path, capsys):
    folder = tmp_path / "c"
    assert main(TOUR + ["--certificates", str(folder)]) == 0
    first = _contents(folder)
    capsys.readouterr()
    line = one_error_line(capsys, OTHER_TOUR + ["--certificates", str(folder)])
    assert "different content" in line and "--overwrite" in line and "count-G.json" in line, line
    assert _contents(folder) == first   # nothing of the second run was written
    assert main(OTHER_TOUR + ["--certificates", str(folder), "--overwrite"]) == 0
    err = capsys.readouterr().err
    assert "replaced" in err and "count-G.json" in err, err
    assert _contents(folder) != first and not leftovers(folder)
    assert main(["verify", *sorted(str(p) for p in folder.iterdir())]) == 0


def test_write_certificates_api_refuses_other_content(tmp_path):
    from exactorbit.errors import InvalidArgument
    from exactorbit.tour import run_tour, write_certificates

    a, b = run_tour("1x2", "translations", layers=1), run_tour("1x3", "translations", layers=1)
    paths = write_certificates(a, tmp_path)
    assert write_certificates(a, tmp_path) == paths   # identical content: fine
    with pytest.raises(InvalidArgument, match="different content.*overwrite=True"):
        write_certificates(b, tmp_path)
    before = {p: open(p, "rb").read() for p in paths}
    again = write_certificates(b, tmp_path, overwrite=True)
    assert {p: open(p, "rb").read() for p in again} != before


def _spawn(argv, folder):
    return subprocess.Popen([sys.executable, "-m", "exactorbit", *argv, "--certificates", str(folder)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def test_two_tours_at_once_into_one_directory(tmp_path):
    """Two processes of different cases: one writes, the other refuses; never a mix or a silent replacement."""
    ref_a, ref_b = tmp_path / "a", tmp_path / "b"
    assert main(TOUR + ["--certificates", str(ref_a)]) == 0
    assert main(OTHER_TOUR + ["--certificates", str(ref_b)]) == 0
    shared = tmp_path / "shared"
    procs = [_spawn(TOUR, shared), _spawn(OTHER_TOUR, shared)]
    results = [(p.wait(timeout=120), p.stderr.read()) for p in procs]
    for p in procs:
        p.stderr.close()
    codes = sorted(code for code, _ in results)
    assert codes == [0, 2], results
    loser = [err for code, err in results if code == 2][0]
    assert "different content" in loser and "Traceback" not in loser, loser
    assert _contents(shared) in (_contents(ref_a), _contents(ref_b)) and not leftovers(shared)


def test_two_identical_tours_at_once_both_succeed(tmp_path):
    shared = tmp_path / "shared"
    procs = [_spawn(TOUR, shared), _spawn(TOUR, shared)]
    results = [(p.wait(timeout=120), p.stderr.read()) for p in procs]
    for p in procs:
        p.stderr.close()
    assert [code for code, _ in results] == [0, 0], results
    assert len(_contents(shared)) == 5 and not leftovers(shared)
    assert main(["verify", *sorted(str(p) for p in shared.iterdir())]) == 0


def test_tour_json_is_unaffected(tmp_path, capsys):
    assert main(TOUR + ["--json", "--certificates", str(tmp_path)]) == 0
    assert json.loads(capsys.readouterr().out)["verdicts"]["C4"] in ("holds", "fails", "undecided")
