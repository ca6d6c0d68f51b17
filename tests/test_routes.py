"""Routes as data: every door's table says which route 'auto' takes, and the door then takes exactly that one.

The independent judge is the door itself: ``routes(...)`` only reads the table (no
answer is computed), then the real call runs and reports ``.method``; the two must
agree on every input, and every route the table says applies must answer (the same
answer as the listing or enumeration twin where that is cheap).
"""

import json
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import exactorbit as eo
from exactorbit._routes import Ask, Door, Route, RouteTable, Step
from exactorbit.counting import DOOR as COUNTING, METHODS as COUNTING_METHODS, cycle_types
from exactorbit.errors import InvalidArgument, TooExpensive
from exactorbit.groups import from_generators, named_group, rows_by_columns, wreath_product
from exactorbit.orbits import DOOR as DECOMPOSE, METHODS as ORBIT_METHODS, decompose
from exactorbit.stabilizers import DOORS as ONE_IMAGE, METHODS as ONE_IMAGE_METHODS, stabilizer, transporter

GROUPS = [named_group(spec, grid) for grid in ("1x4", "2x3", "3x3") for spec in
          ("translations", "dihedral", "symmetric", "trivial", "translations+dihedral", "rotations")] + [
    rows_by_columns("3x3"), wreath_product("2x3"), from_generators("1x6", "(0 1);(0 2 4)(1 3 5)"),
    from_generators("1x7", "(0 1 2 3 4 5 6);(1 2 4)(3 6 5)"),   # the affine group of order 21 on 7 points
]


def test_the_tables_name_the_routes_of_the_doors():
    assert COUNTING.methods == COUNTING_METHODS
    assert DECOMPOSE.methods == ORBIT_METHODS
    assert all(door.methods == ONE_IMAGE_METHODS for door in ONE_IMAGE.values())


@pytest.mark.parametrize("group", GROUPS, ids=lambda g: f"{g.name}-{g.grid}")
def test_auto_takes_the_route_the_table_says_and_every_applicable_route_agrees(group):
    table = eo.routes("cycle_types", group)
    got = cycle_types(group)
    assert got.method == table.auto
    for name in table.applicable():
        assert cycle_types(group, method=name, force=True) == got, name
    for row in table.rows:
        if not row["applies"]:
            with pytest.raises(InvalidArgument, match=row["route"]):
                cycle_types(group, method=row["route"])


@pytest.mark.parametrize("group", GROUPS, ids=lambda g: f"{g.name}-{g.grid}")
def test_the_orbit_door_takes_the_route_its_table_says(group):
    table = eo.routes("decompose", group)
    d = decompose(group)
    assert d.method == table.auto
    for name in table.applicable():
        assert decompose(group, method=name).orbit_sizes == d.orbit_sizes, name


@settings(max_examples=40, deadline=None)
@given(index=st.integers(0, len(GROUPS) - 1), data=st.data())
def test_the_one_image_doors_take_the_route_their_table_says(index, data):
    group = GROUPS[index]
    x = data.draw(st.integers(0, (1 << group.n) - 1))
    y = data.draw(st.integers(0, (1 << group.n) - 1))
    assert stabilizer(group, x).method == eo.routes("stabilizer", group, x).auto
    assert eo.orbit_size(group, x).method == eo.routes("orbit_size", group, x).auto
    assert eo.canonical_image(group, x).method == eo.routes("canonical_image", group, x).auto
    g = transporter(group, x, y)
    if g is not None:
        assert g.method == eo.routes("transporter", group, x, y).auto


def test_the_route_table_is_data_without_floats():
    table = eo.routes("cycle_types", named_group("translations+dihedral", "4x4"))
    assert isinstance(table, RouteTable) and table.auto == "product" and table["product"]["applies"]
    def leaves(v):
        if isinstance(v, dict):
            return [x for w in v.values() for x in leaves(w)]
        return [x for w in v for x in leaves(w)] if isinstance(v, list) else [v]

    values = leaves(json.loads(json.dumps(table.to_dict())))
    assert values and not any(isinstance(v, float) for v in values)
    assert {type(v) for v in values} <= {str, bool, type(None)}
    assert "'auto' takes 'product'" in str(table)


def test_a_door_walks_its_ladder_and_its_give_ups():
    calls = []

    def gives_up(ask):
        calls.append("first")
        raise TooExpensive("too much")

    door = Door("toy", [Route("first", "gives up", gives_up), Route("second", "answers", lambda ask: 2),
                        Route("never", "never applies", lambda ask: 3, applies=lambda ask: "it needs a miracle")],
                auto=[Step("never"), Step("first", gives_up=(TooExpensive,)), Step("second")])
    assert door.run(Ask(), "auto") == (2, "second") and calls == ["first"]
    assert door.choose(Ask(), "auto").name == "first"   # the first rung taken (it may give up when run)
    with pytest.raises(InvalidArgument, match="method='never' does not apply: it needs a miracle"):
        door.run(Ask(), "never")
    with pytest.raises(InvalidArgument, match="method must be one of 'auto', 'first', 'second', 'never'"):
        door.run(Ask(), "fast")
    table = door.explain(Ask())
    assert table.auto == "first" and table.applicable() == ["first", "second"]


@pytest.mark.parametrize("argv, auto", [
    (["count", "--group", "translations+dihedral", "--grid", "4x4"], "product"),
    (["orbits", "--group", "translations+dihedral", "--grid", "28x28"], "torus"),
    (["orbit", "--group", "symmetric", "--grid", "3x3"], "natural"),
])
def test_the_command_line_explains_without_answering(argv, auto):
    out = subprocess.run([sys.executable, "-m", "exactorbit", *argv, "--explain", "--json"], capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    payload = json.loads(out.stdout)
    assert payload["auto"] == auto and any(r["route"] == auto and r["applies"] for r in payload["routes"])
    text = subprocess.run([sys.executable, "-m", "exactorbit", *argv, "--explain"], capture_output=True, text=True,
                          timeout=120).stdout
    assert f"'auto' takes '{auto}'" in text


def test_an_unknown_question_is_named():
    with pytest.raises(InvalidArgument, match="question"):
        eo.routes("orbit_sizes", named_group("translations", "2x2"))
