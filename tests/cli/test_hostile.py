"""Issue 13's reproducers on the command line: each gives one clear line and exit 2, or a correct answer.

Every case here failed before the fix (a traceback, a hang, a wrong exit code or a
confusing message); the random search for more lives in tests/fuzz/.
"""

import json
import math
import os
import subprocess
import sys
import time

import pytest

from exactorbit.cli import main

ONE_BASED = "exactorbit is 0-based"


def run(capsys, argv):
    code = main(argv)
    out, err = capsys.readouterr()
    assert "Traceback" not in err and "internal error" not in err, err
    if code == 2:
        assert err.count("\n") == 1 and len(err) < 600, err
    return code, out, err


@pytest.mark.parametrize(
    "argv, fragment",
    [
        (["group", "--grid", "5" * 5000 + "x1"], "too large"),
        (["group", "--generators", "[" + "1" * 5000 + "]"], "5000 digits"),
        (["group", "--generators", "[[" + "1" * 5000 + "]]"], "too large for a pixel"),
        (["orbit", "--grid", "2x2", "--image", "1" * 5000], "at most 1240 are read"),   # digits: an int mask
        (["orbit", "--grid", "2x2", "--image", "#" * 5000], "image is 1x5000 but the grid is 2x2"),
        (["group", "--generators", "[" * 2000 + "]" * 2000], "nested too deeply"),
        (["depth", "--features", "network:-1"], "int seed"),
        (["depth", "--features", "\u00b2"], "bad characters"),
        (["depth", "--features", "9" * 5000], "digits"),
        (["tour", "--grid", "1x1", "--alphabet=0", "--exclude-constant", "--quiet"], "no parameter setting"),
        (["tour", "--certificates", "/dev/null", "--quiet"], "is not a directory"),
        (["group", "--group", ""], "group spec"),
        (["depth", "--grid", "4x4", "--group", "trivial", "--layers", "2"], "codes of 65534 features"),
        (["depth", "--features", "#../.../..."], "pass --close"),
        (["group", "--grid", "2x2", "--generators", "(1,2,3,4)"], ONE_BASED),
        (["tour", "--hidden", "9" * 40], "at most 18 digits"),
        (["tour", "--hiden", "2"], "unrecognized arguments"),
        (["verify", "--max-group-order", "x", "f.json"], "--max-group-order"),
    ],
)
def test_one_line_and_exit_2(capsys, argv, fragment):
    code, _, err = run(capsys, argv)
    assert code == 2 and fragment in err, err


def test_regex_free_cycle_parser_is_linear_time(capsys):
    start = time.perf_counter()
    code, _, err = run(capsys, ["group", "--generators", "(" + "1" * 28 + ")x"])
    assert code == 2 and time.perf_counter() - start < 2  # was 47 s (regex backtracking)
    long_text = "(" + " ".join(map(str, range(9))) + ")" * 1 + ";" + "(0 1)" * 1
    assert run(capsys, ["group", "--generators", long_text])[0] == 0


@pytest.mark.parametrize("grid, n", [("40x40", 1600), ("64x64", 4096)])
def test_exact_big_numbers_print_in_text_and_json(capsys, grid, n):
    code, out, _ = run(capsys, ["group", "--grid", grid, "--group", "symmetric", "--json"])
    assert code == 0 and json.loads(out)["order"] == math.factorial(n)   # more than 4300 digits
    code, out, _ = run(capsys, ["group", "--grid", grid, "--group", "symmetric"])
    assert code == 0 and str(math.factorial(n)) in out


def test_count_of_the_symmetric_group_on_64x64(capsys):
    code, out, _ = run(capsys, ["count", "--grid", "64x64", "--group", "symmetric", "--json"])
    # under S_n the orbits of images are the weights 0..n: n + 1 of them (one per weight)
    assert code == 0 and json.loads(out)["orbits"] == 4097


def test_negative_alphabet_value_is_accepted(capsys):
    code, out, _ = run(capsys, ["networks", "--grid", "1x2", "--alphabet", "-1,1", "--json"])
    code2, out2, _ = run(capsys, ["networks", "--grid", "1x2", "--alphabet=-1,1", "--json"])
    assert code == code2 == 0 and out == out2
    assert json.loads(out)["parameter_settings"] != json.loads(run(capsys, ["networks", "--grid", "1x2", "--json"])[1])[
        "parameter_settings"]


def test_dihedral_on_a_strip_says_what_it_is(capsys):
    code, out, _ = run(capsys, ["group", "--grid", "1x8", "--group", "dihedral"])
    assert code == 0 and "order: 2" in out and "translations+reflections" in out


def test_depth_close_uses_the_closure(capsys):
    code, out, _ = run(capsys, ["depth", "--features", "#../.../...", "--close", "--layers", "1", "--json"])
    assert code == 0 and json.loads(out)["layers"][0]["min_orbit_size"] == 9


def test_orbit_under_the_symmetric_group_at_every_size(capsys):
    image = "##" + "." * 62 + "/" + "/".join(["." * 64] * 63)
    start = time.perf_counter()
    code, out, _ = run(capsys, ["orbit", "--grid", "64x64", "--group", "symmetric", "--image", image, "--json"])
    assert code == 0 and json.loads(out)["orbit_size"] == math.comb(4096, 2)
    assert time.perf_counter() - start < 10   # was past 120 s, then a crash on the digit limit


def test_tour_certificates_are_written_atomically_and_the_directory_is_described(tmp_path, capsys):
    (tmp_path / "old-case.json").write_text("{}")
    code, _, err = run(capsys, ["tour", "--grid", "2x2", "--group", "translations", "--layers", "1", "--quiet",
                                "--certificates", str(tmp_path)])
    assert code == 0
    assert "wrote" in err and "old-case.json" in err and "left alone" in err
    assert not [p for p in os.listdir(tmp_path) if p.endswith(".tmp")]


def _exactorbit(*args, **kwargs):
    return subprocess.run([sys.executable, "-m", "exactorbit", *args], capture_output=True, text=True,
                          timeout=120, **kwargs)


def test_closed_stdout():
    proc = subprocess.run(f"'{sys.executable}' -m exactorbit group >&-", shell=True, capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr and "standard output is closed" in proc.stderr


def test_broken_pipe_is_quiet(tmp_path):
    from exactorbit.certificates import dump_certificate, orbit_certificate
    from exactorbit.groups import named_group

    (tmp_path / "o.json").write_text(dump_certificate(orbit_certificate(named_group("translations", "2x2"), 1)))
    files = " ".join(["o.json"] * 3000)   # about 180 KB of output: more than a pipe holds
    proc = subprocess.run(f"'{sys.executable}' -m exactorbit verify {files} | head -1", shell=True,
                          capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert "Traceback" not in proc.stderr and proc.stdout.count("\n") == 1


# The Ctrl-C test lives in tests/cli/test_main.py (it resets SIGINT in the child: see issue 20 item 13).
