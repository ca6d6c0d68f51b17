"""exactorbit orbits on groups too large to list (issue 20, item 17): the generators route answers.

Expected numbers by counting arguments (stated per case) and the weight classes of S_n.
"""

import json
import math
import pytest

from exactorbit.cli import main
from exactorbit.testutil import relabelled, symmetric_generators as s_n_gens


def disguise(gens, n, seed):
    return [list(g) for g in relabelled(gens, n, seed)]   # JSON lists for --generators


WREATH = [[1, 0, 2, 3] + list(range(4, 16)), [1, 2, 3, 0] + list(range(4, 16)),
          [4, 5, 6, 7, 0, 1, 2, 3] + list(range(8, 16)), [(p + 4) % 16 for p in range(16)]]


@pytest.mark.parametrize("gens, orbits, order", [
    (disguise(s_n_gens(16), 16, 1), 17, math.factorial(16)),  # S_16: the 17 weight classes
    (disguise(s_n_gens(15, 16), 16, 2), 32, math.factorial(15)),  # S_15 fixing a pixel: 16 weights x 2
    (disguise(WREATH, 16, 3), 70, 24**5),  # S_4 wr S_4: multisets of 4 row weights from {0..4}: C(8, 4)
])
def test_orbits_of_a_disguised_group_on_4x4_answer(gens, orbits, order, capsys):
    assert main(["orbits", "--grid", "4x4", "--generators", json.dumps(gens), "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["method"] == "generators" and payload["orbits"] == orbits
    assert payload["group_order"] == order and payload["images"] == 1 << 16
    assert sum(int(s) * k for s, k in payload["orbit_sizes"].items()) == 1 << 16


def test_text_output_names_the_route_and_lists_features(capsys):
    assert main(["orbits", "--grid", "4x4", "--generators", json.dumps(disguise(WREATH, 16, 4))]) == 0
    out = capsys.readouterr().out
    assert "70 orbits (method: generators)" in out
    assert "smallest non-constant orbit size: 4" in out and "minimal images of the smallest" in out


def test_method_generators_by_name_and_by_weight(capsys):
    assert main(["orbits", "--grid", "3x3", "--group", "symmetric", "--method", "generators", "--weight", "4",
                 "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["orbit_sizes"] == {"126": 1} and payload["method"] == "generators"


@pytest.mark.parametrize("argv, words", [
    (["orbits", "--grid", "6x6", "--group", "symmetric", "--method", "generators"], "at most 30 pixels"),
    (["orbits", "--grid", "5x6", "--group", "symmetric", "--method", "generators"], "union-find over 2 generators"),
])
def test_refusals_are_one_line(argv, words, capsys):
    code = main(argv)
    err = capsys.readouterr().err
    assert code == 2 and err.startswith("exactorbit: error:") and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert words in err
