"""``exactorbit geometry``: the CLI's JSON keys and values (ints, never floats), its help examples and its one-line
refusals.

Independent judges: OEIS sequences and Shende et al. (2003) for the sphere sizes, and a breadth-first search
written here over tuples / masks (no exactorbit code) for word lengths and template distances.
"""

import json
import subprocess
import sys

import pytest

from exactorbit.testutil import naive_schreier_distance, naive_word_lengths

from exactorbit.cli import main

GROWTH_KEYS = {"order", "diameter", "spheres", "method", "directed", "generators"}
GEODESIC_KEYS = {"length", "word", "generators", "method", "element"}


def no_float(text):
    raise AssertionError(f"a float in the JSON: {text}")


def run_json(capsys, *argv, code=0):
    """Run ``exactorbit geometry ARGV --json`` in process: the parsed JSON (a float anywhere fails the test)."""
    got = main(["geometry", *argv, "--json"])
    out = capsys.readouterr()
    assert got == code, out.err
    return json.loads(out.out, parse_float=no_float), out.err


def leaves(value):
    if isinstance(value, dict):
        return [x for v in value.values() for x in leaves(v)]
    if isinstance(value, list):
        return [x for v in value for x in leaves(v)]
    return [value]


# -- an independent word metric: tuples, array form p[i] = image of i, product applied left to right -------------

def then(p, q):
    """p then q: (p*q)[i] = q[p[i]]."""
    return tuple(q[i] for i in p)


def inv(p):
    out = [0] * len(p)
    for i, x in enumerate(p):
        out[x] = i
    return tuple(out)


def cycles(text, n):
    """'(0 1 2)(3 4)' as an array form of n points."""
    p = list(range(n))
    for part in text.replace(")", "").split("(")[1:]:
        pts = [int(t) for t in part.split()]
        for a, b in zip(pts, pts[1:] + pts[:1]):
            p[a] = b
    return tuple(p)


def bfs(gens, inverses=True):
    """Distance of every element from the identity in the Cayley graph (the naive twin of exactorbit.testutil)."""
    return naive_word_lengths(list(gens), len(gens[0]), inverses)


def apply(p, mask):
    """Pixel i goes to pixel p[i]."""
    return sum(1 << p[i] for i in range(len(p)) if mask >> i & 1)


def mask_distance(moves, x, y):
    """The fewest moves carrying mask x onto y (the naive twin of exactorbit.testutil), None when unreachable."""
    return naive_schreier_distance(list(moves), len(moves[0]), x, y, inverses=False)


@pytest.mark.parametrize("x, y", [("#.../..../..../....", "..../..../..../...#"),
                                  ("##../..../..../....", "..../..../#..#/...."),
                                  ("#.#./..../..../....", "#.#./..../..../....")])
def test_distance_path_is_one_move_at_a_time(capsys, x, y):
    data, _ = run_json(capsys, "distance", "--grid", "4x4", "--group", "translations", "--from", x, "--to", y)
    assert set(data) == {"distance", "path"}
    right = tuple(r * 4 + (c + 1) % 4 for r in range(4) for c in range(4))
    down = tuple(((r + 1) % 4) * 4 + c for r in range(4) for c in range(4))
    moves = [right, down, inv(right), inv(down)]
    to_mask = lambda t: sum(1 << i for i, ch in enumerate(t.replace("/", "")) if ch == "#")  # noqa: E731
    path = data["path"]
    assert path[0] == to_mask(x) and path[-1] == to_mask(y) and len(path) == data["distance"] + 1
    assert all(any(apply(g, a) == b for g in moves) for a, b in zip(path, path[1:]))
    assert data["distance"] == mask_distance(moves, to_mask(x), to_mask(y))


def test_distance_grid_from_the_image_and_directed(capsys):
    data, _ = run_json(capsys, "distance", "--group", "translations", "--from", "#...", "--to", "...#")
    assert data == {"distance": 1, "path": [1, 8]}
    data, _ = run_json(capsys, "distance", "--group", "translations", "--from", "#...", "--to", "...#",
                       "--directed")
    assert data == {"distance": 3, "path": [1, 2, 4, 8]}   # right, right, right: no move back


@pytest.mark.parametrize("y", ["##/..", "../.#"])
def test_distance_different_orbits_json_and_one_line(capsys, y):
    data, err = run_json(capsys, "distance", "--grid", "2x2", "--generators", "(0 1)", "--from", "#./..", "--to", y,
                         code=2)
    assert data["distance"] is None and data["path"] == [] and "not in the same orbit" in data["reason"]
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("exactorbit: error:") and "not in the same orbit" in lines[0]
    assert main(["geometry", "distance", "--grid", "2x2", "--generators", "(0 1)", "--from", "#./..", "--to", y]) == 2
    out = capsys.readouterr()
    assert out.out == "" and len(out.err.strip().splitlines()) == 1 and "not in the same orbit" in out.err


# -- claims ---------------------------------------------------------------------------------------------------------

def test_claims_json(capsys):
    import exactorbit.geometry as geometry

    if not hasattr(geometry, "geometry_claims"):
        pytest.skip("exactorbit.geometry.geometry_claims does not exist yet")
    data, _ = run_json(capsys, "claims", "--pancake", "4")
    assert set(data) == {"claims"} and len(data["claims"]) >= 1
    for c in data["claims"]:
        assert set(c) == {"id", "statement", "verdict", "summary", "evidence"}
        assert c["verdict"] in ("holds", "fails", "undecided") and c["statement"]
    expected = [x.as_dict() for x in geometry.geometry_claims(geometry.pancake(4))]
    assert [(c["id"], c["verdict"]) for c in data["claims"]] == [(c["id"], c["verdict"]) for c in expected]
    data, _ = run_json(capsys, "claims", "--adjacent", "4", "--image", "#..#")
    assert not any(isinstance(v, float) for v in leaves(data))


# -- help and refusals -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("action", [[], ["growth"], ["geodesic"], ["distance"], ["claims"]])
def test_help_has_an_example(capsys, action):
    assert main(["geometry", *action, "--help"]) == 0
    text = capsys.readouterr().out
    assert "example" in text and "exactorbit geometry " + (action[0] if action else "") in text.split("example")[-1]


@pytest.mark.parametrize("argv, said", [
    (["growth", "--grid", "3x3", "--group", "rotation"], "unknown group name"),
    (["geodesic", "--grid", "3x3", "--group", "rotations", "--element", "(0 1)"], "not in the group"),
    (["geodesic", "--adjacent", "3", "--element", "(0 1);(1 2)"], "one permutation"),
    (["growth", "--pancake", "1"], "--pancake"),
    (["growth", "--circuits", "9"], "--circuits"),
    (["growth"], "required"),
    (["growth", "--pancake", "4", "--adjacent", "4"], "not allowed"),
    (["growth", "--pancake", "4", "--grid", "2x2"], "--grid"),
    (["growth", "--grid", "3x3", "--group", "trivial"], "trivial"),
    (["distance", "--grid", "2x2", "--group", "rotations", "--from", "#./..", "--to", "#../..."], "--to"),
])
def test_bad_input_is_one_line_and_exit_2(capsys, argv, said):
    assert main(["geometry", *argv]) == 2
    out = capsys.readouterr()
    lines = out.err.strip().splitlines()
    assert out.out == "" and len(lines) == 1 and said in lines[0] and "Traceback" not in out.err


def test_the_real_command_refuses_in_one_line():
    out = subprocess.run([sys.executable, "-m", "exactorbit", "geometry", "growth", "--grid", "3x3", "--group",
                          "rotation", "--json"], capture_output=True, text=True, timeout=120)
    assert out.returncode == 2 and out.stdout == "" and "Traceback" not in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1 and "unknown group name" in out.stderr
