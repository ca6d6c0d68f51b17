"""One recognition per structure, kept once on the group: the same group gets the same routes however it is written.

Issue 21: T x| D4 on 4x4 built from the generators r.d, r.d^2 and the dihedral ones
(it equals ``named_group("translations+dihedral", "4x4")``) was recognised as a torus
group by the orbit door but not by the counting door.  Now the torus, the product
action and S_n / A_n are recognised from what the generators do
(:mod:`exactorbit._perm.structure`), once per group (``PixelGroup._facts``), and every
door reads the same facts.  The independent judges here: the group order from sympy's
Schreier-Sims, the listing route's cycle types, and the enumerated orbits.
"""

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exactorbit import routes
from exactorbit.counting import cycle_types
from exactorbit.gap import from_gap, to_gap
from exactorbit.groups import (GROUP_NAMES, PixelGroup, compose, dihedral, identity, named_group, rows_by_columns,
                               translations, wreath_product)
from exactorbit.orbits import decompose
from exactorbit.stabilizers import routes_for as stabilizer_routes


def disguised_torus_group(grid):
    """T x| D4 from r.d, r.d^2 and the dihedral generators (r, d: the two shifts of the torus), as issue 21 wrote it."""
    r, d = translations(grid).generators
    rd = compose(r, d)
    return PixelGroup(grid, [rd, compose(rd, d), *dihedral(grid).generators], name="T x| D4 in disguise")


def test_the_disguised_torus_group_gets_the_product_and_torus_routes():
    G = disguised_torus_group("4x4")
    named = named_group("translations+dihedral", "4x4")
    assert G == named and G.order() == named.order() == 128   # the same group (sympy's order agrees below)
    assert G.sympy.order() == 128
    got = cycle_types(G)
    assert got.method == "product" and got == cycle_types(G, method="listing")
    assert routes("decompose", G)["torus"]["applies"]
    d = decompose(G, method="torus")
    assert d.method == "torus" and d.orbit_sizes == decompose(G, method="enumerate").orbit_sizes
    big = disguised_torus_group("8x8")   # 64 pixels: past enumeration, 'auto' takes the torus route
    assert decompose(big).method == "torus" == routes("decompose", big).auto
    assert decompose(big).orbit_sizes == decompose(named_group("translations+dihedral", "8x8")).orbit_sizes


def test_the_same_group_read_as_gap_text_gets_the_same_routes():
    G = disguised_torus_group("4x4")
    H = from_gap(to_gap(G), "4x4")   # GAP's 1-based text: what --gap reads
    assert H.generators == G.generators
    assert cycle_types(H).method == "product"
    assert routes("decompose", H)["torus"]["applies"]
    assert decompose(H, method="torus").orbit_sizes == decompose(named_group("translations+dihedral", "4x4")).orbit_sizes


def named_groups():
    """Every named group and sum of names on a few grids, plus the rows x columns and wreath products."""
    out = []
    for grid in ("1x4", "2x3", "3x3", "4x4"):
        for name in GROUP_NAMES:
            out.append(named_group(name, grid))
        for spec in ("translations+dihedral", "translations+reflections", "translations+rotations",
                     "rotations+reflections"):
            out.append(named_group(spec, grid))
    out += [rows_by_columns("2x3"), rows_by_columns("3x3"), wreath_product("2x3"), wreath_product("3x2")]
    return out


NAMED = named_groups()


def re_generated(group, seed):
    """The same group from random products of its generators (each a word of length 1..6), as many as it had
    plus one; more words are added until they generate all of it (sympy's order is the judge)."""
    rng = random.Random(seed)
    gens = list(group.generators)
    if not gens:
        return PixelGroup(group.grid, [], name="trivial again")

    def word():
        g = identity(group.n)
        for _ in range(rng.randint(1, 6)):
            g = compose(g, rng.choice(gens))
        return g

    new = [word() for _ in range(len(gens) + 1)]
    while PixelGroup(group.grid, new).sympy.order() != group.order():
        new.append(word())
    return PixelGroup(group.grid, new, name="re-generated")


def door_routes(group):
    """The route each door takes for this group (answers not run where the table says it)."""
    return {
        "cycle_types": cycle_types(group).method,
        "decompose": routes("decompose", group).auto,
        "stabilizer": stabilizer_routes("stabilizer", group, 1).auto,
        "torus": group.torus_structure is not None,
        "product_action": group.product_action is not None,
        "natural_kind": group.natural_kind,
    }


@settings(max_examples=60, deadline=None)
@given(index=st.integers(0, len(NAMED) - 1), seed=st.integers(0, 2**32 - 1))
def test_a_re_generated_presentation_reaches_the_same_route_at_every_door(index, seed):
    G = NAMED[index]
    H = re_generated(G, seed)
    assert H == G
    assert door_routes(H) == door_routes(G), (G.name, H.generators)
    assert cycle_types(H) == cycle_types(G)


@pytest.mark.parametrize("spec", ["translations", "translations+dihedral", "translations+reflections"])
def test_re_generated_torus_groups_past_enumeration_take_the_torus_route(spec):
    G = named_group(spec, "6x6")   # 36 pixels: no enumeration, the torus route or nothing cheap
    for seed in range(3):
        H = re_generated(G, seed)
        assert H.torus_structure is not None and H.order() == G.order()
        assert cycle_types(H).method == "product" and cycle_types(H) == cycle_types(G)
        d = decompose(H)
        assert d.method == "torus" and d.orbit_sizes == decompose(G).orbit_sizes


def test_a_non_affine_generator_is_not_a_torus_group_however_written():
    T = translations("3x3").generators
    swap = tuple([1, 0] + list(range(2, 9)))
    G = PixelGroup("3x3", [*T, swap])
    assert G.torus_structure is None and G.order() == G.sympy.order()
    H = re_generated(G, 7)
    assert H.torus_structure is None and cycle_types(H).method == cycle_types(G).method != "product"


def test_the_facts_are_recorded_once_by_one_writer():
    named = named_group("translations+dihedral", "28x28")
    assert named._order == 6272   # a named torus group knows its order in closed form
    G = PixelGroup(named.grid, named.generators)   # the same group, order unknown
    assert G._order is None
    s = G.torus_structure
    assert s is G.torus_structure   # kept: the same object, not a second recognition
    assert G._order == 8 * 784 == s.order   # |G| = hw |P| recorded by the recognition, no Schreier-Sims
    assert G._chains == {}
    G.clear_caches()
    assert G.torus_structure is s and G.order() == 6272   # proven facts survive clear_caches
