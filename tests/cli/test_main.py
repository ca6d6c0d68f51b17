"""The command line's dispatcher: one line and exit 2 on bad input; the console script."""

import subprocess
import sys

import pytest

from exactorbit.cli import main


@pytest.mark.parametrize(
    "argv, fragment",
    [
        (["group", "--grid", "0x3"], "grid height"),
        (["group", "--grid", "3x3", "--group", "rotation"], "unknown group name"),
        (["group", "--grid", "2x2", "--generators", "[[0, 1, 2]]"], "exactly 4 pixels"),
        (["orbit", "--grid", "2x2", "--image", "#./..#"], "ragged rows"),
        (["orbit", "--grid", "2x3", "--image", "#./.."], "image is 2x2 but the grid is 2x3"),
        (["group", "--grid", "2x2", "--group", "trivial", "--generators", "(0 1)"], "not --group and --generators"),
    ],
)
def test_bad_input_exits_2_with_one_line(capsys, argv, fragment):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert fragment in err and err.count("\n") == 1 and "Traceback" not in err


def test_console_script_exit_code():
    proc = subprocess.run(
        [sys.executable, "-m", "exactorbit.cli", "count", "--grid", "3x", "--json"],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 2 and "Traceback" not in proc.stderr


# issue 20, item 13: Ctrl-C, whatever the disposition of SIGINT the test suite itself runs with
# (a background job of a non-interactive shell starts with SIGINT ignored, and so would its children)


def _start_tour(tmp_path, disposition, *argv):
    """``exactorbit tour`` in a child whose SIGINT disposition is ``disposition``; returns it once its work began."""
    import signal

    proc = subprocess.Popen([sys.executable, "-m", "exactorbit", "tour", "--certificates", str(tmp_path), *argv],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, disposition))
    seen = []
    for line in proc.stderr:   # the progress lines: "case: ...", then "C1 ..." once the claims are under way
        seen.append(line)
        if line.startswith("C1 ..."):
            return proc, seen
    proc.wait(timeout=60)
    raise AssertionError(f"the tour never reached C1: {''.join(seen)[-800:]}")


def test_ctrl_c_ends_cleanly_with_130_and_no_partial_file(tmp_path):
    import os
    import signal

    proc, _ = _start_tour(tmp_path, signal.SIG_DFL)   # what an interactive shell gives the command
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "Traceback" not in err and err.strip().splitlines()[-1] == "exactorbit: interrupted"
    assert all(os.path.getsize(tmp_path / p) > 0 for p in os.listdir(tmp_path))
    assert not [p for p in os.listdir(tmp_path) if p.endswith(".tmp")]


def test_sigint_ignored_on_entry_stays_ignored(tmp_path):
    """A command started with SIGINT ignored (``cmd &`` in a script, nohup) keeps ignoring it (POSIX)."""
    import signal

    proc, _ = _start_tour(tmp_path, signal.SIG_IGN, "--grid", "2x2", "--group", "translations", "--layers", "1")
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert "interrupted" not in err and "verdicts:" in out and len(list(tmp_path.iterdir())) == 5


def test_closed_stdout_is_one_line_and_exit_2():
    """``exactorbit group >&-``: nothing can be printed, so the command says so on stderr and exits 2."""
    proc = subprocess.run(f"'{sys.executable}' -m exactorbit group >&-", shell=True, capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr == "exactorbit: error: standard output is closed; nothing could be printed\n"


def test_exit_codes_are_documented():
    from exactorbit.cli import EXIT_CODES

    assert sorted(EXIT_CODES) == [0, 1, 2, 70, 130]


def test_version_prints_the_package_version(capsys):
    from exactorbit._version import __version__
    from exactorbit.cli import main

    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"exactorbit {__version__}"
