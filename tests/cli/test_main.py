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
