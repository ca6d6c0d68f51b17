"""exactorbit count."""

import json

from exactorbit.cli import main


def run_json(capsys, *argv):
    assert main([*argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_count_json(capsys):
    data = run_json(capsys, "count", "--grid", "3x3", "--group", "translations+dihedral")
    assert data["group_order"] == 72 and data["orbits"] == 26
    assert sum(data["orbits_by_weight"].values()) == 26
    assert set(data["orbits_by_weight"]) == {str(k) for k in range(10)}


def test_count_28x28(capsys):
    data = run_json(capsys, "count", "--grid", "28x28", "--group", "translations+dihedral")
    assert data["group_order"] == 6272
    assert sum(data["orbits_by_weight"].values()) == data["orbits"]


def test_count_refuses_big_listing_and_force_allows_it(capsys):
    assert main(["count", "--grid", "64x64", "--group", "translations+dihedral", "--method", "listing"]) == 2
    assert "--force" in capsys.readouterr().err


def test_count_binary_json_keeps_its_keys_and_adds_the_cycle_index(capsys):
    data = run_json(capsys, "count", "--grid", "3x3", "--group", "translations+dihedral")
    assert data["colors"] == 2 and data["orbits"] == 26 and data["group_order"] == 72
    index = data["cycle_index"]
    assert index["order"] == 72 and sum(t["count"] for t in index["terms"]) == 72
    assert index["terms"][0] == {"count": 1, "cycle_type": [[1, 9]]}
    # Burnside from the JSON cycle index alone
    assert sum(t["count"] * 2 ** sum(m for _, m in t["cycle_type"]) for t in index["terms"]) == 26 * 72


def test_count_k_colours_bracelets(capsys):
    # OEIS A027671: bracelets of 6 beads in 3 colours
    data = run_json(capsys, "count", "--grid", "1x6", "--group", "translations+reflections", "--colors", "3")
    assert data["colors"] == 3 and data["orbits"] == 92 and "orbits_by_weight" not in data
    terms = data["cycle_index"]["terms"]
    assert sum(t["count"] * 3 ** sum(m for _, m in t["cycle_type"]) for t in terms) == 92 * data["group_order"]
    assert main(["count", "--grid", "1x4", "--group", "translations+reflections", "--colors", "3"]) == 0
    out = capsys.readouterr().out
    assert "cycle index: (1/8) (p1^4 + 2 p1^2 p2 + 3 p2^2 + 2 p4)" in out
    assert "orbits (Burnside, 3 colours): 21" in out and "81 colourings with 3 colours" in out


def test_count_by_content(capsys):
    data = run_json(capsys, "count", "--grid", "2x2", "--group", "dihedral", "--colors", "3", "--by-content")
    rows = data["orbits_by_content"]
    assert len(rows) == 15 and sum(r["orbits"] for r in rows) == data["orbits"]
    assert all(sum(r["content"]) == 4 and len(r["content"]) == 3 for r in rows)
    binary = run_json(capsys, "count", "--grid", "3x3", "--by-content")
    assert [r["orbits"] for r in binary["orbits_by_content"]][::-1] == [binary["orbits_by_weight"][str(w)]
                                                                         for w in range(10)]


def test_count_bad_colors_is_one_line(capsys):
    for bad in ("0", "-2", "x", "1.5"):
        assert main(["count", "--grid", "1x4", "--colors", bad]) == 2
        err = capsys.readouterr().err
        assert "--colors" in err and err.count("\n") == 1 and "Traceback" not in err


def test_count_cycle_index_refused_alone(capsys):
    # the symmetric group on 4096 pixels: the count is known in closed form, its cycle index is not listed
    data = run_json(capsys, "count", "--grid", "64x64", "--group", "symmetric", "--colors", "3")
    assert data["orbits"] == 4098 * 4097 // 2
    assert data["cycle_index"] is None and "partition" in data["cycle_index_refused"]
    assert main(["count", "--grid", "28x28", "--colors", "5", "--by-content"]) == 2   # 1.6e10 contents
    assert "--force" in capsys.readouterr().err
