"""Routes as data (issue 21, item 3) for the doors of actions, networks and shadows.

Each door declares its routes and its 'auto' ladder as a ``Door`` table; ``routes_for`` reads the
same table.  Here, per door: the route ``routes_for`` says 'auto' takes is the route the real call
reports (``.method``, or, for ``is_member``'s plain bool, the route function that ran); a named route
that does not apply is refused (InvalidArgument) with the table's own reason and naming the route;
``DOOR.methods`` is the module's ``METHODS``.  The expected routes are the rules the doors'
docstrings state (and the old ``if method == "auto"`` code of commit 3eaba01 took); the refusal
texts quoted below are the old code's, byte for byte (tests elsewhere match on them).
"""

import numpy as np
import pytest

from exactorbit import actions
from exactorbit.errors import InvalidArgument, TooExpensive
from exactorbit.groups import from_generators, named_group, symmetric, translations
from exactorbit.networks import NetworkFamily
from exactorbit.networks import conditioned, distinct, membership, reconstruction
from exactorbit import shadows


def _fam(grid, hidden, tied=True, **kw):
    return NetworkFamily(grid, hidden, tied=tied, **kw)


def _id(value):
    """Short test ids: a family as grid, k and tied/untied; short strings as they are."""
    if isinstance(value, NetworkFamily):
        return f"{value.grid}-k{value.hidden}-{'tied' if value.tied else 'untied'}"
    return value if isinstance(value, str) and len(value) < 30 else None


# --- METHODS are the tables' methods, in the same order --------------------------------------------------------------

@pytest.mark.parametrize("door, methods", [
    (actions.DOOR, actions.METHODS),
    (distinct.DOORS["enumerate_functions"], distinct.LISTING_METHODS),
    (distinct.DOORS["count_distinct_functions"], distinct.COUNT_METHODS),
    (conditioned.DOOR, conditioned.METHODS),
    (reconstruction.DOOR, reconstruction.METHODS),
    (membership.DOOR, membership.METHODS),
    (shadows.DOORS["shadow_group"], shadows.METHODS),
    (shadows.DOORS["recurrent_shadow_group"], shadows.METHODS),
], ids=lambda v: getattr(v, "question", None))
def test_methods_are_the_tables_methods(door, methods):
    assert door.methods == methods
    assert methods[0] == "auto" and len(set(methods)) == len(methods)


# --- orbit --------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("make, x, auto", [
    (lambda: named_group("translations", "3x3"), 0b000010011, "listing"),       # 84 images of weight 3
    (lambda: named_group("translations+dihedral", "8x8"), 0b1011001, "listing"),  # |G| = 512 known: a small orbit
    (lambda: named_group("translations+dihedral", "12x12"), 0b1011001, "torus"),  # C(144, 4) images, |G| = 1152
    (lambda: named_group("dihedral", "4x4"), 0b0110_1001_0011, "listing"),      # |G| = 8 known: a small orbit
    (lambda: from_generators(list(named_group("dihedral", "4x4").generators), "4x4"), 0b0110_1001_0011,
     "vectorised"),                                                              # |G| unknown, C(16, 6) images
    (lambda: symmetric("3x3"), 0b000001111, "listing"),                         # 9! elements, 126 images
    (lambda: named_group("translations+dihedral", "12x12"), (1, 6), "torus"),   # a tuple of images
], ids=["T3x3", "TD8x8", "TD12x12", "D4x4", "D4x4 generators", "S9", "tuple"])
def test_orbit_auto_is_the_route_routes_for_names(make, x, auto):
    # a fresh group on each side: 'auto' reads what the group knows already (its order bounds the orbit)
    table = actions.routes_for(make(), x)
    group = make()
    torus = ["torus"] if make().torus_structure is not None else []
    assert table.auto == auto and table.applicable() == ["listing", "vectorised"] + torus
    result = actions.orbit(group, x)
    assert result.method == auto
    # every route gives the same orbit (the listing one is a breadth-first search: an independent way)
    assert tuple(actions.orbit(group, x, method="listing")) == tuple(result)
    if torus:
        assert tuple(actions.orbit(group, x, method="torus")) == tuple(result)


def test_orbit_table_says_why_auto_does_not_vectorise_s9():
    table = actions.routes_for(symmetric("3x3"))
    assert ("vectorised", "|G| = 362880 is over TUNING['vectorised_order'] = 50000 "
                          "(G's elements are not listed)") in table.ladder
    assert table.auto == "listing"


def test_orbit_bad_method_names_the_routes():
    with pytest.raises(InvalidArgument, match="method must be one of 'auto', 'listing', 'vectorised', 'torus', "
                                              "got 'fast'"):
        actions.orbit(named_group("translations", "2x2"), 1, method="fast")


# --- enumerate_functions and count_distinct_functions -----------------------------------------------------------------

@pytest.mark.parametrize("family, auto", [
    (_fam("1x2", 1, tied=False), "packed_keys"),
    (_fam("1x3", 2), "packed_keys"),
    (_fam("1x5", 1), "dictionary"),          # 5 * 2^5 > 64 bits: no packed key
], ids=_id)
def test_enumerate_functions_auto(family, auto):
    assert distinct.routes_for("enumerate_functions", family).auto == auto
    functions = distinct.enumerate_functions(family)
    assert functions.method == auto
    other = "dictionary" if auto == "packed_keys" else None
    if other:
        same = distinct.enumerate_functions(family, method=other)
        assert [(t.tolist(), m) for t, m in same] == [(t.tolist(), m) for t, m in functions]


@pytest.mark.parametrize("family, auto", [
    (_fam("2x2", 1, tied=False), "one_hidden_unit"),
    (_fam("1x5", 1), "one_hidden_unit"),
    (_fam("1x3", 2, tied=False), "untied_sets"),
    (_fam("1x3", 2), "packed_keys"),
    (_fam("1x4", 2, alphabet=(0, 1)), "packed_keys"),
    (_fam("1x5", 2, alphabet=(0, 1), exclude_constant=True), "dictionary"),   # 5 pixels: no packed key
], ids=_id)
def test_count_distinct_functions_auto(family, auto):
    assert distinct.routes_for("count_distinct_functions", family).auto == auto
    count = distinct.count_distinct_functions(family)
    assert count.method == auto
    listing = distinct.routes_for("enumerate_functions", family).auto
    assert count == len(distinct.enumerate_functions(family, method=listing))   # the count is the listing's length


def test_count_routes_for_with_workers_names_the_dask_route():
    """With workers 'auto' takes the packed route first (issue 24 asks whether it should); no cluster is started."""
    fam = _fam("1x2", 1)
    assert distinct.routes_for("count_distinct_functions", fam).auto == "one_hidden_unit"
    assert distinct.routes_for("count_distinct_functions", fam, workers=2).auto == "packed_keys"
    with pytest.raises(InvalidArgument, match=r"^workers and scheduler run the 'packed_keys' route \(n <= 4 pixels\); "
                       r".* takes the 'one_hidden_unit' route$"):
        distinct.count_distinct_functions(_fam("1x5", 1), workers=2)   # 'auto' answers 1x5 by one hidden unit


@pytest.mark.parametrize("question, family, method, message", [
    ("enumerate_functions", _fam("1x5", 1), "packed_keys",
     "method 'packed_keys' needs at most 4 pixels and fewer than 2**63 settings, got tied autoencoder 1x5 -> 1 -> 1x5, "
     "weights in {-1, 0, 1}, thresholds incl. constant units"),
    ("count_distinct_functions", _fam("1x5", 1), "packed_keys",
     "method 'packed_keys' needs at most 4 pixels and fewer than 2**63 settings, got tied autoencoder 1x5 -> 1 -> 1x5, "
     "weights in {-1, 0, 1}, thresholds incl. constant units"),
    ("count_distinct_functions", _fam("1x2", 2), "one_hidden_unit",
     "method 'one_hidden_unit' needs one hidden unit, got hidden=2"),
    ("count_distinct_functions", _fam("1x2", 2), "untied_sets",
     "method 'untied_sets': the set count needs an untied family with at most 4 pixels, got tied autoencoder "
     "1x2 -> 2 -> 1x2, weights in {-1, 0, 1}, thresholds incl. constant units"),   # named now; the old text follows
], ids=["enumerate-packed_keys", "count-packed_keys", "count-one_hidden_unit", "count-untied_sets"])
def test_distinct_named_route_that_does_not_apply(question, family, method, message):
    table = distinct.routes_for(question, family)
    assert not table[method]["applies"] and table[method]["why_not"] == message
    door = getattr(distinct, question)
    with pytest.raises(InvalidArgument) as info:
        door(family, method=method)
    assert str(info.value) == message and message.startswith(f"method {method!r}")


def test_function_keys_refuses_as_the_packed_route_does():
    with pytest.raises(InvalidArgument, match=r"^method 'packed_keys' needs at most 4 pixels"):
        distinct.function_keys(_fam("1x5", 1))


def test_count_workers_refusal_comes_before_the_named_routes_own():
    """Both refusals apply: the workers one is said first (as before the table)."""
    with pytest.raises(InvalidArgument, match=r"^workers and scheduler run the 'packed_keys' route"):
        distinct.count_distinct_functions(_fam("1x2", 2), method="one_hidden_unit", workers=2)
    with pytest.raises(InvalidArgument, match=r"^method 'packed_keys' needs at most 4 pixels"):
        distinct.enumerate_functions(_fam("1x5", 1), method="packed_keys", workers=2)   # here the route's own first


def test_distinct_routes_for_question_is_checked():
    with pytest.raises(InvalidArgument, match="question must be one of 'enumerate_functions', "
                                              "'count_distinct_functions'"):
        distinct.routes_for("count", _fam("1x2", 1))


# --- conditioned_reconstruction ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("family, data, auto", [
    (_fam("1x2", 1, tied=False), [0b01], "encoder_sum"),    # untied: only the encoder sum applies
    (_fam("2x2", 2), [0b0110], "column_programme"),
    (_fam("2x2", 1), [], "column_programme"),
    (_fam("1x3", 2), [0b001], "encoder_sum"),               # the programme's plan is the dearer one here
], ids=["1x2-k1-untied", "2x2-k2-tied", "2x2-k1-tied-no-data", "1x3-k2-tied"])
def test_conditioned_auto(family, data, auto):
    table = conditioned.routes_for(family, data)
    assert table.auto == auto
    p = conditioned.conditioned_reconstruction(family, data)
    assert p.method == auto
    if family.tied:
        other = "encoder_sum" if auto == "column_programme" else "column_programme"
        assert conditioned.conditioned_reconstruction(family, data, method=other) == p


def test_conditioned_column_programme_on_an_untied_family():
    fam = _fam("1x2", 1, tied=False)
    message = ("method 'column_programme' needs a tied family, got untied autoencoder 1x2 -> 1 -> 1x2, "
               "weights in {-1, 0, 1}, thresholds incl. constant units")
    why_not = conditioned.routes_for(fam, [1])["column_programme"]["why_not"]
    assert why_not == message[len("method 'column_programme' "):]
    with pytest.raises(InvalidArgument) as info:
        conditioned.conditioned_reconstruction(fam, [1], method="column_programme")
    assert str(info.value) == message


# --- reconstruction_counts / reconstruction_probabilities -------------------------------------------------------------

@pytest.mark.parametrize("family, auto", [
    (_fam("2x2", 1, alphabet=(0, 1)), "direct"),
    (_fam("1x3", 2), "direct"),
    (_fam("4x4", 1, tied=False), "by_weight"),   # the direct route would tabulate 3^16 weight vectors
], ids=_id)
def test_reconstruction_auto(family, auto):
    table = reconstruction.routes_for(family)
    assert table.auto == auto and table.applicable() == ["direct", "by_weight"]
    assert reconstruction.reconstruction_counts(family).method == auto
    assert reconstruction.reconstruction_probabilities(family).method == auto
    if auto == "direct":
        assert reconstruction.reconstruction_counts(family, method="by_weight") == \
            reconstruction.reconstruction_counts(family)


def test_reconstruction_every_route_applies_so_none_is_refused_as_inapplicable():
    """Both routes apply to every family (the families are invariant under every pixel permutation)."""
    assert [r["applies"] for r in reconstruction.routes_for(_fam("4x4", 5)).rows] == [True, True]
    with pytest.raises(TooExpensive, match="per-image reconstruction counts"):   # named: refused by its cost only
        reconstruction.reconstruction_counts(_fam("4x4", 5), method="direct")


# --- is_member (a plain bool: the route is seen by the route function that ran) ---------------------------------------

def _spy_routes(monkeypatch, door):
    ran = []
    for route in door.routes.values():
        def run(ask, _run=route.run, _name=route.name):
            ran.append(_name)
            return _run(ask)
        monkeypatch.setattr(route, "run", run)
    return ran


@pytest.mark.parametrize("family, table, auto", [
    (_fam("1x2", 1), [0, 0, 0, 3], "one_hidden_unit"),
    (_fam("1x2", 1), [3, 1, 2, 0], "one_hidden_unit"),
    (_fam("1x2", 2), [0, 1, 2, 3], "listing"),
    (_fam("1x2", 2), [3, 1, 2, 0], "listing"),
], ids=["k1-member", "k1-not", "k2-identity", "k2-not"])
def test_is_member_auto(monkeypatch, family, table, auto):
    from exactorbit.testutil import naive_family_functions

    assert membership.routes_for(family).auto == auto
    expected = tuple(table) in naive_family_functions(family)   # the loop over every parameter setting
    ran = _spy_routes(monkeypatch, membership.DOOR)
    assert membership.is_member(family, table) == expected
    assert ran == [auto]
    assert membership.is_member(family, table, method="listing") == expected


def test_is_member_one_hidden_unit_needs_hidden_1():
    fam = _fam("1x2", 2)
    assert membership.routes_for(fam)["one_hidden_unit"]["why_not"] == "needs hidden=1, got hidden=2"
    with pytest.raises(InvalidArgument) as info:
        membership.is_member(fam, [0, 1, 2, 3], method="one_hidden_unit")
    assert str(info.value) == "method 'one_hidden_unit' needs hidden=1, got hidden=2"


# --- shadow_group and recurrent_shadow_group --------------------------------------------------------------------------

FUNCS = [(np.array([0, 2, 1, 3]), 3), (np.array([0, 0, 0, 0]), 1)]


@pytest.mark.parametrize("group, source, kw, auto", [
    (translations("1x2"), _fam("1x2", 1), {}, "listing"),
    (translations("1x2"), FUNCS, {}, "listing"),
    (translations("2x3"), _fam("2x3", 1, tied=False), {}, "one_hidden_unit"),   # listing over the default limit
    (translations("1x7"), _fam("1x7", 1), {}, "one_hidden_unit"),
    (translations("1x2"), _fam("1x2", 1), {"complement": True}, "listing"),
], ids=["fam", "list", "2x3-untied", "1x7", "complement"])
def test_shadow_group_auto(group, source, kw, auto):
    assert shadows.routes_for("shadow_group", source, **kw).auto == auto
    assert shadows.shadow_group(group, source, 3, **kw).method == auto
    source_is_family = isinstance(source, NetworkFamily)
    assert shadows.routes_for("recurrent_shadow_group", source).auto == (auto if not kw else "listing")
    if source_is_family and not kw:
        assert shadows.recurrent_shadow_group(source, group=group).method == auto


def test_shadow_group_auto_refuses_a_family_it_cannot_list_with_the_estimate():
    fam = _fam("3x3", 2)
    table = shadows.routes_for("shadow_group", fam)
    assert table.auto == "listing" and [r for r, _ in table.ladder] == ["listing", "one_hidden_unit"]
    for call in (lambda: shadows.shadow_group(named_group("translations", "3x3"), fam),
                 lambda: shadows.recurrent_shadow_group(fam)):
        with pytest.raises(TooExpensive, match=r"^listing the functions of tied autoencoder 3x3 -> 2 -> 3x3, .* \(the "
                                               r"shadow groups need them listed, or one hidden unit\) is estimated"):
            call()


@pytest.mark.parametrize("question, source, kw, message", [
    ("shadow_group", FUNCS, {}, "method 'one_hidden_unit' needs a NetworkFamily, not a list of functions"),
    ("recurrent_shadow_group", [[1, 0, 2, 2]], {},
     "method 'one_hidden_unit' needs a NetworkFamily, not a list of functions"),
    ("shadow_group", _fam("2x2", 2), {},
     "method 'one_hidden_unit' needs hidden=1 (and no complement or inputs), got tied autoencoder 2x2 -> 2 -> 2x2, "
     "weights in {-1, 0, 1}, thresholds incl. constant units"),
    ("shadow_group", _fam("2x2", 1), {"complement": True},
     "method 'one_hidden_unit' needs hidden=1 (and no complement or inputs), got tied autoencoder 2x2 -> 1 -> 2x2, "
     "weights in {-1, 0, 1}, thresholds incl. constant units"),
    ("recurrent_shadow_group", _fam("1x2", 2), {},
     "method 'one_hidden_unit' needs hidden=1 (and no complement or inputs), got tied autoencoder 1x2 -> 2 -> 1x2, "
     "weights in {-1, 0, 1}, thresholds incl. constant units"),
], ids=["list", "recurrent-list", "k2", "complement", "recurrent-k2"])
def test_shadow_one_hidden_unit_that_does_not_apply(question, source, kw, message):
    table = shadows.routes_for(question, source, **kw)
    assert table["one_hidden_unit"]["why_not"] == message[len("method 'one_hidden_unit' "):]
    if question == "shadow_group":
        grid = source.grid if isinstance(source, NetworkFamily) else "1x2"
        call = lambda: shadows.shadow_group(translations(grid), source, method="one_hidden_unit", **kw)
    else:
        call = lambda: shadows.recurrent_shadow_group(source, method="one_hidden_unit")
    with pytest.raises(InvalidArgument) as info:
        call()
    assert str(info.value) == message


def test_shadow_route_is_chosen_before_the_grids_are_compared():
    """As before the table: the route's refusal first, then the grid check (on either route)."""
    with pytest.raises(InvalidArgument, match="needs hidden=1"):
        shadows.shadow_group(translations("1x4"), _fam("2x2", 2), method="one_hidden_unit")
    for method in ("auto", "listing", "one_hidden_unit"):
        with pytest.raises(InvalidArgument, match="group grid 1x4 differs from the family's 2x2"):
            shadows.shadow_group(translations("1x4"), _fam("2x2", 1), method=method)


# --- the 'auto' string is decided by the tables only ------------------------------------------------------------------

def test_these_doors_compare_no_method_with_auto():
    """No ``== "auto"`` / ``!= "auto"`` / ``in (..."auto"...)`` left in the converted modules: Door decides."""
    import ast
    import inspect

    for module in (actions, distinct, conditioned, reconstruction, membership, shadows):
        tree = ast.parse(inspect.getsource(module))
        for node in ast.walk(tree):
            if isinstance(node, ast.Compare):
                consts = [c for c in ast.walk(node) if isinstance(c, ast.Constant) and c.value == "auto"]
                assert not consts, f"{module.__name__}:{node.lineno} compares with 'auto'"


def test_routes_for_tables_print():
    text = str(distinct.routes_for("count_distinct_functions", _fam("2x2", 2, tied=False)))
    assert text.splitlines()[0] == "routes of count_distinct_functions: 'auto' takes 'untied_sets'"
    assert "  * untied_sets" in text and "  - one_hidden_unit" in text
    G = from_generators("1x4", "(0 1 2 3)")   # the translations of 1x4, recognised from the generator
    assert actions.routes_for(G).to_dict()["auto"] == "torus"
