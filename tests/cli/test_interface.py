"""One consistent interface (issue 25): every subcommand, and every action of hierarchy-like subcommands, takes
--format text|json|csv and --quiet from one helper, ends its --help with examples that run, shares one default
for each shared option, and says what to do when it refuses (--gap without --grid, tour --grid 5x5)."""

import csv
import glob
import io
import json
import re
import shlex

import pytest

from exactorbit.cli import build_parser, main
from exactorbit.cli._common import DEFAULT_ALPHABET, DEFAULT_GRID, DEFAULT_GROUP, DEFAULT_HIDDEN, DEFAULT_LAYERS, SLOW, \
    example_lines


def _parsers():
    """(name, parser) of the top-level command, every subcommand and every action of a subcommand."""
    top = build_parser()
    out = [("exactorbit", top)]
    for name, command in top.commands.items():
        actions = [a for a in command._actions if isinstance(getattr(a, "choices", None), dict)]
        out.append((f"exactorbit {name}", command))
        for action in actions:
            out += [(f"exactorbit {name} {sub}", p) for sub, p in action.choices.items()]
    return out


PARSERS = _parsers()
#: The parsers that run something (a subcommand without actions, or an action).
LEAVES = [(name, p) for name, p in PARSERS
          if name != "exactorbit" and not any(isinstance(getattr(a, "choices", None), dict) for a in p._actions)]


def _options(parser):
    return {s: a for a in parser._actions for s in a.option_strings}


def test_the_parsers_cover_every_subcommand_and_action():
    names = {name for name, _ in LEAVES}
    assert {"exactorbit tour", "exactorbit verify", "exactorbit geometry growth", "exactorbit interactions wis",
            "exactorbit hierarchy"} <= names and len(names) == 9 + 5 + 4   # 11 commands, 2 of them with actions (5 and 4)


@pytest.mark.parametrize("name, parser", LEAVES, ids=[n for n, _ in LEAVES])
def test_every_subcommand_takes_format_json_and_quiet(name, parser):
    options = _options(parser)
    assert options["--format"].choices == ("text", "json", "csv"), name
    assert options["--json"].nargs == 0 and options["--quiet"].dest == "quiet", name
    assert "csv (" in options["--format"].help   # the help says what the CSV holds


@pytest.mark.parametrize("name, parser", PARSERS, ids=[n for n, _ in PARSERS])
def test_every_help_ends_with_runnable_examples(name, parser):
    text = parser.format_help()
    assert "\nexamples:\n" in text, name
    lines = example_lines(parser)
    assert lines and all(line.startswith(name.split()[0]) for line in lines), name
    assert any(SLOW not in line for line in lines), f"{name}: no quick example"
    for line in lines:   # every example names a command of this parser's family
        assert line.startswith(name) or name == "exactorbit" or "&&" in line, (name, line)


def _examples():
    seen = []
    for _, parser in PARSERS:
        seen += [line for line in example_lines(parser) if line not in seen]
    return seen


EXAMPLES = _examples()
QUICK = [line for line in EXAMPLES if SLOW not in line]


def test_slow_examples_are_marked_and_the_quick_ones_are_most():
    slow = [line for line in EXAMPLES if SLOW in line]
    assert slow and all(re.search(r"# slow: .*\d+ s", line) for line in slow), slow   # they say their time
    assert len(QUICK) >= 3 * len(slow)


@pytest.mark.parametrize("line", QUICK)
def test_every_quick_example_runs(line, tmp_path, monkeypatch, capsys):
    """Each command of the line (``a && b``), its words split as a shell would, globs expanded in a fresh
    directory, runs with exit code 0."""
    if "--plot" in line:
        pytest.importorskip("matplotlib")
    monkeypatch.chdir(tmp_path)
    for command in line.split("&&"):
        words = shlex.split(command, comments=True)   # a '# slow: ...' comment is no word
        assert words[0] == "exactorbit", line
        argv = [w for word in words[1:] for w in (sorted(glob.glob(word)) if "*" in word else [word])]
        code = main(argv)
        err = capsys.readouterr().err
        assert code == 0, f"{line}: exit {code}: {err[-500:]}"


# -- one default per option ----------------------------------------------------------------------------------------

CANONICAL = {"--grid": DEFAULT_GRID, "--group": DEFAULT_GROUP, "--layers": str(DEFAULT_LAYERS),
             "--hidden": str(DEFAULT_HIDDEN), "--alphabet": DEFAULT_ALPHABET}


def _documented_default(help_text):
    found = re.search(r"\(default (\S+?)[;),]?(?:\s|$)", help_text or "")
    return found.group(1) if found else None


def test_each_shared_option_has_one_default_or_says_why_not():
    seen = {flag: {} for flag in CANONICAL}
    for name, parser in LEAVES:
        for flag, action in _options(parser).items():
            if flag not in CANONICAL:
                continue
            documented = _documented_default(action.help)
            if action.default is not None:   # what argparse fills in is what the help says
                assert str(action.default) == documented, (name, flag, action.default, action.help)
            if documented is None:
                continue
            seen[flag][name] = documented
            if documented != CANONICAL[flag]:   # a different default says so, and why
                assert f"not the {CANONICAL[flag]} of the other commands:" in action.help, (name, flag, action.help)
    assert len(seen["--grid"]) >= 6 and len(seen["--layers"]) == 2 and len(seen["--hidden"]) >= 3, seen
    assert {n for n, d in seen["--grid"].items() if d != DEFAULT_GRID} == {"exactorbit networks"}
    assert set(seen["--layers"].values()) == {"3"} and set(seen["--alphabet"].values()) == {"-1,0,1"}
    assert set(seen["--group"].values()) == {DEFAULT_GROUP} and set(seen["--hidden"].values()) == {"1"}


# -- formats ---------------------------------------------------------------------------------------------------------

#: One small run of every subcommand and action: its CSV has a header and rows; its JSON parses.
RUNS = [
    ["group", "--grid", "2x2"],
    ["orbit", "--image", "#./.."],
    ["count", "--grid", "1x4", "--group", "necklace"],
    ["orbits", "--grid", "2x2"],
    ["networks", "--grid", "1x2"],
    ["tour", "--grid", "1x2", "--layers", "1"],
    ["depth", "--grid", "1x4", "--group", "translations", "--layers", "2"],
    ["hierarchy", "--v", "2", "--classes", "2", "--m", "2", "--s", "2", "--L", "1"],
    ["interactions", "walk-index", "--graph", "path:3", "--cut", "0", "--depth", "2"],
    ["interactions", "cut-orbits", "--graph", "path:3"],
    ["interactions", "seprank", "--graph", "path:3", "--depth", "1", "--width", "2", "--in-dim", "1", "--cut", "0"],
    ["interactions", "wis", "--graph", "cycle:4", "--depth", "2"],
    ["interactions", "claims", "--graph", "path:3", "--depth", "1", "--width", "2", "--in-dim", "1"],
    ["geometry", "growth", "--pancake", "3"],
    ["geometry", "geodesic", "--adjacent", "3", "--element", "(0 2)"],
    ["geometry", "distance", "--adjacent", "3", "--from", "1", "--to", "4"],
    ["geometry", "claims", "--adjacent", "3"],
]


def test_the_runs_cover_every_subcommand_and_action():
    covered = {" ".join(["exactorbit"] + argv[:2 if argv[0] in ("interactions", "geometry") else 1]) for argv in RUNS}
    assert covered | {"exactorbit verify"} == {name for name, _ in LEAVES}   # verify: below, on files


@pytest.mark.parametrize("argv", RUNS, ids=lambda a: " ".join(a[:2]))
def test_csv_and_json_of_every_subcommand(argv, capsys):
    assert main(argv + ["--format", "csv", "--quiet"]) == 0
    out, err = capsys.readouterr()
    rows = list(csv.reader(io.StringIO(out)))
    assert len(rows) >= 2 and len({len(r) for r in rows}) == 1, out[:500]   # a header and rows, one width
    assert err == ""   # --quiet: nothing on stderr
    assert not re.search(r"\[\d+, \d+\]", out), out[:500]   # a grid is written HxW, never [h, w]
    assert main(argv + ["--json"]) == 0
    json.loads(capsys.readouterr().out)


def test_format_json_is_json(capsys):
    assert main(["group", "--grid", "2x2", "--format", "json"]) == 0
    by_format = json.loads(capsys.readouterr().out)
    assert main(["group", "--grid", "2x2", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == by_format and by_format["order"] == 8


def test_verify_csv_is_a_table_of_files(tmp_path, capsys):
    assert main(["tour", "--grid", "1x2", "--layers", "1", "--quiet", "--certificates", str(tmp_path)]) == 0
    capsys.readouterr()
    files = sorted(str(p) for p in tmp_path.iterdir())
    assert main(["verify", *files, "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["file"] for r in rows] == files and {r["ok"] for r in rows} == {"true"}


def test_grids_are_written_hxw_in_csv(capsys):
    assert main(["group", "--grid", "2x3", "--format", "csv"]) == 0
    rows = dict(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows["grid"] == "2x3" and rows["order"] == "12"   # translations+dihedral of a 2x3 torus: 6 x 2 x 2 / 2
    assert main(["tour", "--grid", "1x2", "--layers", "1", "--format", "csv", "--quiet"]) == 0
    table = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert {r["grid"] for r in table} == {"1x2"} and {r["alphabet"] for r in table} == {"-1 0 1"}


def test_json_and_a_different_format_is_a_usage_error(capsys):
    assert main(["group", "--grid", "2x2", "--json", "--format", "csv"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--json is --format json" in err and "exactorbit group --help" in err
    assert main(["group", "--grid", "2x2", "--json", "--format", "json"]) == 0


def test_quiet_silences_notes_and_progress_but_not_errors(tmp_path, capsys):
    assert main(["networks", "--grid", "1x2"]) == 0
    assert "parameter settings" in capsys.readouterr().err        # the family's note
    assert main(["networks", "--grid", "1x2", "--quiet"]) == 0
    assert capsys.readouterr().err == ""
    assert main(["geometry", "growth", "--pancake", "7", "--progress"]) == 0
    assert "100%" in capsys.readouterr().err
    assert main(["geometry", "growth", "--pancake", "7", "--quiet"]) == 0
    assert capsys.readouterr().err == ""
    assert main(["geometry", "growth", "--pancake", "4", "--progress", "--quiet"]) == 2   # one or the other
    assert "not allowed with" in capsys.readouterr().err
    bad = tmp_path / "bad.json"
    bad.write_text("{")
    assert main(["verify", str(bad), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("exactorbit: error:") and err.count("\n") == 1   # an error is said under --quiet


# -- errors say what to do -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("argv, grid", [
    (["group", "--gap", "Group([(1,2,3,4,5,6,7,8,9,10)])"], "--grid 2x5 (10 pixels)"),
    (["count", "--generators", "[[1,0,3,2]]"], "--grid 2x2 (4 pixels)"),
    (["orbits", "--generators", "(0 10)"], "--grid 1x11 (11 pixels)"),
])
def test_generators_without_grid_say_the_grid_defaulted_and_how_to_pass_one(argv, grid, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "--grid was not given, so the grid defaulted to 3x3 (9 pixels)" in err and grid in err, err
    assert main(argv + ["--grid", grid.split()[1]]) == 0   # the grid it names works
    capsys.readouterr()


def test_generators_with_a_grid_get_no_hint(capsys):
    assert main(["group", "--grid", "3x3", "--gap", "Group([(1,2,3,4,5,6,7,8,9,10)])"]) == 2
    assert "defaulted" not in capsys.readouterr().err


@pytest.mark.parametrize("command", ["tour", "networks"])
def test_a_grid_over_the_network_limit_says_the_limit_and_what_works_there(command, capsys):
    assert main([command, "--grid", "5x5"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert f"over the 16 pixels that exactorbit {command} handles" in err and "up to 4x4" in err, err
    suggested = re.search(r"e\.g\. (exactorbit orbits [^\n]*)", err).group(1).split()
    assert all(f"exactorbit {c}" in err or f" {c}," in err or f" {c} " in err
               for c in ("group", "orbit", "count", "orbits", "geometry"))
    assert main(suggested[1:] + ["--quiet"]) == 0   # the command it suggests runs on 5x5
    assert "5x5 grid" in capsys.readouterr().out
