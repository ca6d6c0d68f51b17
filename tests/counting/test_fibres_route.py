"""The fibre route of cycle_types (issue 24: subdirect products of orbit actions) against its definitional twin
(:func:`exactorbit.testutil.naive_cycle_types`: every element listed, every cycle counted) and against GAP.

The groups drawn are intransitive and, on purpose, often not direct products of their orbit actions: every
generator moves every orbit at once (a subdirect product), with fixed points and equal orbits mixed in.
"""

import random

import pytest
from hypothesis import given, settings, strategies as st

from exactorbit import _budget
from exactorbit.counting import burnside_count, cycle_types, routes_for
from exactorbit.counting._fibres import choose_orbit
from exactorbit.gap import gap_available
from exactorbit.groups import PixelGroup, from_generators
from exactorbit.testutil import naive_cycle_types


def _subdirect(rng, sizes, count):
    """Generators acting on consecutive blocks of the given sizes at once (each a random permutation of its block;
    sometimes the same cyclic shift everywhere: diagonal, far from a direct product), relabelled at random."""
    n = sum(sizes)
    sigma = rng.sample(range(n), n)
    gens = []
    for _ in range(count):
        g, start = [0] * n, 0
        shift = rng.randrange(1, 4)
        for size in sizes:
            block = list(range(start, start + size))
            image = rng.sample(block, size) if rng.random() < 0.7 else block[shift % size:] + block[:shift % size]
            for p, q in zip(block, image):
                g[p] = q
            start += size
        h = [0] * n
        for p in range(n):
            h[sigma[p]] = sigma[g[p]]
        gens.append(tuple(h))
    return PixelGroup(f"1x{n}", gens)


@st.composite
def intransitive_groups(draw):
    rng = random.Random(draw(st.integers(0, 2 ** 32)))
    sizes = draw(st.lists(st.integers(1, 5), min_size=2, max_size=3))
    return _subdirect(rng, sizes, draw(st.integers(1, 3)))


@settings(max_examples=120, deadline=None)
@given(intransitive_groups())
def test_the_fibre_route_is_the_definitional_count(G):
    if G._transitive():  # every generator fixed a whole block: nothing to test
        return
    expected = naive_cycle_types(G)
    got = cycle_types(G, method="fibres")
    assert got == expected and got.method == "fibres"
    assert sum(got.values()) == G.order()


def test_the_route_says_why_it_does_not_apply():
    transitive = from_generators("1x4", "(0 1 2 3)")
    with pytest.raises(ValueError, match="intransitive"):
        cycle_types(transitive, method="fibres")
    assert "fibres" not in routes_for(transitive).applicable()


def test_the_orbit_with_the_smallest_action_is_chosen():
    # S_4 on {0..3}, C_2 on {4, 5} (swapped by the first generator only): B = C_2 is the smaller action
    G = from_generators("1x6", [(1, 0, 2, 3, 5, 4), (1, 2, 3, 0, 4, 5)])
    O1, O2, size = choose_orbit(G.generators, 6, 5040)
    assert (O2, size) == ([4, 5], 2) and O1 == [0, 1, 2, 3]


def test_auto_takes_it_past_the_block_and_listing_rungs(monkeypatch):
    monkeypatch.setitem(_budget.TUNING, "listing_fast", _budget.Tuning(0, "entries", "test bound"))
    G = _subdirect(random.Random(5), [4, 3], 2)
    got = cycle_types(G)
    assert got == naive_cycle_types(G)


@pytest.mark.skipif(not gap_available(), reason="GAP is not installed (Debian package gap); the GAP comparison "
                                                "of the fibre route is skipped")
def test_the_fibre_route_agrees_with_gap_on_subdirect_groups():
    from tests.counting.test_counting_gap import _gap_cycle_types

    rng = random.Random(2029)
    groups = [g for g in (_subdirect(rng, [rng.randint(2, 7), rng.randint(2, 5), rng.randint(1, 3)], 2)
                          for _ in range(12)) if not g._transitive()]
    for group, types in zip(groups, _gap_cycle_types(groups)):
        assert cycle_types(group, method="fibres") == types, group
        assert burnside_count(group, method="fibres") == sum(c * 2 ** sum(k for _, k in t)
                                                              for t, c in types.items()) // sum(types.values())
