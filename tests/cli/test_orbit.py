"""exactorbit orbit."""

import json

from exactorbit.cli import main


def run_json(capsys, *argv):
    assert main([*argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_orbit_json(capsys):
    data = run_json(capsys, "orbit", "--grid", "3x3", "--group", "translations+dihedral", "--image", "#../.#./...")
    assert data["mask"] == 17 and data["image"] == "#../.#./..."
    assert data["orbit_size"] * data["stabilizer_order"] == 72
    assert data["minimal_image"] <= data["mask"]
    assert all(isinstance(v, int) for v in (data["orbit_size"], data["stabilizer_order"], data["minimal_image"]))


def test_text_output_draws_images(capsys):
    assert main(["orbit", "--grid", "2x2", "--group", "translations", "--image", "#./.."]) == 0
    out = capsys.readouterr().out
    assert "orbit size 4" in out and "#." in out


def test_big_groups_answer_without_force(capsys):
    """The symmetric group on 784 pixels and the 28x28 torus group: sizes, stabilizers, minimal images."""
    import math
    import random

    rng = random.Random(7)
    rows = ["".join(rng.choice("#.") for _ in range(28)) for _ in range(28)]
    text = "/".join(rows)
    k = text.count("#")
    data = run_json(capsys, "orbit", "--grid", "28x28", "--group", "symmetric", "--image", text)
    assert data["orbit_size"] == math.comb(784, k) and data["method"] == "natural"
    assert data["stabilizer_order"] == math.factorial(k) * math.factorial(784 - k)
    assert data["minimal_image"] == (1 << k) - 1
    data = run_json(capsys, "orbit", "--grid", "28x28", "--group", "translations+dihedral", "--image", text)
    assert data["orbit_size"] * data["stabilizer_order"] == 6272
    assert main(["orbit", "--grid", "5x5", "--group", "symmetric", "--image", "#####/#####/##.../...../....."]) == 0
    out = capsys.readouterr().out
    assert f"orbit size {math.comb(25, 12)}" in out and "not listed" in out


def test_svg_gallery_draws_the_orbit(tmp_path, capsys):
    """--svg FILE: one standalone SVG with one picture per orbit image (an independent count: the
    orbit listed by exactorbit.testutil.naive_orbit)."""
    import re

    from exactorbit.groups import named_group
    from exactorbit.images import parse_image
    from exactorbit.testutil import naive_orbit

    path = tmp_path / "orbit.svg"
    assert main(["orbit", "--grid", "3x3", "--group", "translations+dihedral", "--image", "##./.../...",
                 "--svg", str(path)]) == 0
    assert "gallery:" in capsys.readouterr().out
    svg = path.read_text()
    G = named_group("translations+dihedral", "3x3")
    size = len(naive_orbit(G, parse_image("##./.../...", "3x3")))
    assert svg.startswith("<svg") and len(re.findall(r'fill="white"', svg)) == size == 18
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary file left


def test_svg_gallery_refuses_bad_paths_in_one_line(tmp_path, capsys):
    for bad in (str(tmp_path / "x.png"), str(tmp_path / "missing" / "x.svg")):
        assert main(["orbit", "--grid", "2x2", "--image", "#./..", "--svg", bad]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "--svg" in err and "Traceback" not in err
