"""Issue 20, items 14-16 from the command line: each reproducer answers or refuses (one line, exit 2) in seconds.

Each runs as a subprocess with a time bound (generous: the CI machine is shared; the bugs took minutes).
The expected numbers come from independent sources: Burnside with the closed form of S_n (the orbits of
k-colourings under S_n are the multisets of n colours, C(n + k - 1, n)), Polya by weight for the binary
contents, and the definition of a stabilizer (the empty image is kept by every element).
"""

import json
import math
import os
import subprocess
import sys

import pytest

BOUND = 60  # seconds, whole process (interpreter start included); the reproducers ran for minutes


def run(*argv, timeout=BOUND):
    env = dict(os.environ, PYTHONWARNINGS="ignore")
    try:
        return subprocess.run([sys.executable, "-m", "exactorbit", *argv], capture_output=True, text=True,
                              timeout=timeout, env=env)
    except subprocess.TimeoutExpired:
        pytest.fail(f"exactorbit {' '.join(argv)} ran past {timeout} s")


def test_count_blocks_on_S144_says_at_once_it_does_not_apply():
    done = run("count", "--grid", "12x12", "--group", "symmetric", "--method", "blocks", timeout=20)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr == ("exactorbit: error: method='blocks' does not apply: the symmetric group on 144 pixels is "
                           "primitive (no block system); method='auto' answers it by 'symmetric' (closed form)\n")


def test_count_classes_on_S144_is_estimated_and_refused():
    done = run("count", "--grid", "12x12", "--group", "symmetric", "--method", "classes", timeout=20)
    assert done.returncode == 2 and done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("exactorbit: error: method='classes'")
    assert "estimated at" in lines[0] and "limit=" in lines[0] and "--force" in lines[0]
    assert "method='auto' answers it by 'symmetric'" in lines[0]


def test_count_auto_on_S144_answers_by_the_closed_form():
    done = run("count", "--grid", "12x12", "--group", "symmetric", "--json", timeout=30)
    assert done.returncode == 0
    data = json.loads(done.stdout)
    assert data["orbits"] == 145 and data["method"] == "symmetric"   # the weights 0..144: C(145, 144)


def test_count_by_content_8x8_with_5_colours_answers():
    done = run("count", "--grid", "8x8", "--group", "translations+dihedral", "--colors", "5", "--by-content")
    assert done.returncode == 0, done.stderr[-500:]
    lines = done.stdout.splitlines()
    head = lines.index("orbits by colour content (Polya; n_i pixels of colour i, i = 0..4):")
    rows = lines[head + 1:]
    assert len(rows) == math.comb(68, 4)                       # every content (n_0..n_4), sum 64
    total = int(next(line for line in lines if line.startswith("orbits (Burnside")).split(": ")[1].replace(",", ""))
    assert sum(int(r.split(": ")[1].replace(",", "")) for r in rows) == total
    assert rows[0].strip() == "0,0,0,0,64: 1" and rows[-1].strip() == "64,0,0,0,0: 1"


def test_orbit_of_the_empty_and_full_64x64_images(tmp_path):
    for fill in (".", "#"):
        image = "/".join([fill * 64] * 64)
        done = run("orbit", "--grid", "64x64", "--image", image, "--json", timeout=20)  # 20-38 s before
        assert done.returncode == 0, done.stderr[-500:]
        data = json.loads(done.stdout)
        assert data["orbit_size"] == 1 and data["stabilizer_order"] == 8 * 64 * 64
        assert data["minimal_image"] == data["mask"] == (0 if fill == "." else (1 << 4096) - 1)
