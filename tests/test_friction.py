"""Friction points a newcomer met (issue 25), each shown gone: necklaces and bracelets by name (the strip groups a
teacher expects), a misspelt name's suggestion, refusals that name --force, one image grammar, usage errors that
point to the subcommand's own help, one help text for --force.

Golden numbers: OEIS A001867 (necklaces of n beads in 3 colours: 1, 3, 6, 11, 24, 51, 130, ...) and OEIS A027671
(bracelets of n beads in 3 colours: 1, 3, 6, 10, 21, 39, 92, ...), each also recounted here by brute force
(canonical forms over every colouring).
"""

from itertools import product

import pytest

from exactorbit.cli import main
from exactorbit.counting import burnside_count
from exactorbit.errors import InvalidArgument
from exactorbit.groups import bracelet, dihedral, named_group, necklace

NECKLACES_3 = {1: 3, 2: 6, 3: 11, 4: 24, 5: 51, 6: 130}    # OEIS A001867
BRACELETS_3 = {1: 3, 2: 6, 3: 10, 4: 21, 5: 39, 6: 92}     # OEIS A027671


def _brute(n, k, flips):
    seen = set()
    for c in product(range(k), repeat=n):
        forms = [c[i:] + c[:i] for i in range(n)]
        if flips:
            forms += [f[::-1] for f in forms]
        seen.add(min(forms))
    return len(seen)


@pytest.mark.parametrize("n", range(1, 7))
def test_necklaces_and_bracelets_against_oeis_and_brute_force(n):
    assert burnside_count(necklace(f"1x{n}"), colors=3) == NECKLACES_3[n] == _brute(n, 3, False)
    assert burnside_count(bracelet(f"1x{n}"), colors=3) == BRACELETS_3[n] == _brute(n, 3, True)
    assert burnside_count(named_group("bracelet", f"{n}x1"), colors=3) == BRACELETS_3[n]


def test_the_strip_dihedral_is_only_the_flip_and_bracelet_says_so():
    assert dihedral("1x6").order() == 2 and bracelet("1x6").order() == 12
    assert "dihedral" in bracelet.__doc__ and "order 2" in bracelet.__doc__


@pytest.mark.parametrize("name", ["necklace", "bracelet"])
def test_strip_groups_refuse_a_grid_that_is_not_a_strip(name):
    with pytest.raises(InvalidArgument, match="1 x N strip"):
        named_group(name, "3x3")


def test_a_misspelt_group_name_gets_a_suggestion(capsys):
    with pytest.raises(InvalidArgument, match=r"did you mean 'dihedral'\?"):
        named_group("dihedal", "3x3")
    with pytest.raises(InvalidArgument) as info:
        named_group("zzzz", "3x3")
    assert "did you mean" not in str(info.value) and "known names" in str(info.value)
    assert main(["count", "--grid", "3x3", "--group", "rotation"]) == 2
    assert "did you mean 'rotations'?" in capsys.readouterr().err


def test_cli_refusals_name_the_flag_not_the_keyword(capsys):
    assert main(["geometry", "growth", "--pancake", "12"]) == 2
    err = capsys.readouterr().err
    assert "pass --force to allow it" in err and "force=True" not in err and len(err.strip().splitlines()) == 1


def test_one_image_grammar_digits_are_a_mask_never_a_picture(capsys):
    import json

    assert main(["orbit", "--grid", "3x3", "--image", "10", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["image"] == ".#./#../..."       # mask 10: pixels 1 and 3
    assert main(["orbit", "--image", "10"]) == 2                                # a mask needs its grid
    assert "needs --grid" in capsys.readouterr().err
    assert main(["orbit", "--image", "#.", "--json"]) == 0                      # the picture is written as one
    assert json.loads(capsys.readouterr().out)["image"] == "#."
    assert main(["orbit", "--image", "1/0", "--json"]) == 0                     # 0/1 pictures need a '/'
    assert json.loads(capsys.readouterr().out)["image"] == "#/."


def test_usage_errors_point_to_the_subcommands_own_help(capsys):
    assert main(["count", "--grid", "1x6", "--colours", "3"]) == 2
    assert "(see exactorbit count --help)" in capsys.readouterr().err
    assert main(["geometry", "growth", "--pancake", "4", "--bogus"]) == 2
    assert "(see exactorbit geometry growth --help)" in capsys.readouterr().err


def test_one_help_text_for_force():
    from exactorbit.cli import build_parser
    from exactorbit.cli._common import FORCE_HELP

    parser = build_parser()
    helps = set()
    for command in parser.commands.values():
        parsers = [command] + [p for a in command._actions if isinstance(getattr(a, "choices", None), dict)
                               for p in a.choices.values()]
        for p in parsers:
            helps |= {a.help for a in p._actions if "--force" in a.option_strings}
    assert helps == {FORCE_HELP}


def test_a_progress_bar_in_a_file_ends_its_line(tmp_path):
    import subprocess
    import sys

    err = tmp_path / "err.txt"
    with open(err, "wb") as fh:
        code = subprocess.run([sys.executable, "-m", "exactorbit", "geometry", "growth", "--pancake", "7",
                               "--progress"], stdout=subprocess.DEVNULL, stderr=fh).returncode
    text = err.read_bytes()
    assert code == 0 and text.endswith(b"\n") and b"100%" in text.splitlines()[-1]


def test_a_stabilizer_is_titled_by_its_image_not_its_mask():
    from exactorbit.groups import named_group
    from exactorbit.stabilizers import stabilizer

    assert stabilizer(named_group("dihedral", "3x3"), 0b11).name == "Stab(##./.../...)"
    assert stabilizer(named_group("dihedral", "9x9"), 3).name == "Stab(mask 3)"   # 81 pixels: the picture is long


def test_a_certificate_says_its_grid_as_everywhere_else():
    import json
    import os

    from exactorbit._display import certificate_html

    path = os.path.join(os.path.dirname(__file__), "..", "proofs", "certificates", "orbit-G.json")
    html = certificate_html(json.load(open(path, encoding="utf-8")))
    assert "on the 3x3 grid" in html and "[3, 3]" not in html


def test_one_argument_order_what_then_the_grid():
    from exactorbit.gap import from_gap, to_gap
    from exactorbit.groups import from_generators, named_group

    G = named_group("translations", "1x4")
    assert from_generators(G.generators, "1x4").generators == G.generators
    assert from_generators("(0 1 2 3)", "1x4").generators == G.generators
    assert from_gap(to_gap(G), "1x4").generators == G.generators
    assert from_generators("1x4", "(0 1 2 3)").generators == G.generators   # the older order still reads


def test_properties_are_facts_and_methods_are_quantities():
    # the rule (sympy's PermutationGroup's): yes/no facts and recognised structures are properties, kept once
    # decided; quantities and listings that take arguments or may be refused are methods
    from exactorbit.groups import PixelGroup

    for name in ("is_abelian", "is_cyclic", "is_dihedral", "is_symmetric", "natural_kind", "torus_structure",
                 "product_action", "elements_listed", "n", "degree", "identity"):
        assert isinstance(getattr(PixelGroup, name), property), name
    for name in ("order", "structure", "abelian_invariants", "element_array", "elements", "contains", "chain",
                 "random_element", "subgroup", "is_subgroup_of"):
        assert callable(getattr(PixelGroup, name)) and not isinstance(getattr(PixelGroup, name), property), name
