"""Issue 20, item 16: an image that is a union of orbits (the empty and the full image above all) is kept by
the whole group: its stabilizer is G, its orbit {x}, its minimal image itself, answered without a search.

``exactorbit orbit`` of the empty 64x64 image took 20-38 s: two Schreier-Sims runs (one for |G|, one more
for the minimal-image search's decreasing base) and a backtrack, for an orbit of size 1.  Now the doors test
the generators first (every generator keeps the colouring => every element does) and build no chain.
Answers are compared with the definitional twins (``testutil``: every element listed).
"""

import random

import pytest

from exactorbit.groups import from_generators, named_group, rows_by_columns, wreath_product
from exactorbit.stabilizers import (canonical_image, minimal_image, orbit_size, stabilizer, transporter)
from exactorbit.testutil import naive_minimal_image, naive_orbit, naive_stabilizer_elements


def _unions_of_orbits(group, rng, count=4):
    """Random unions of the group's orbits on the pixels, with the empty and the full image."""
    from exactorbit._perm.chain import orbit_labels
    import numpy as np

    labels = orbit_labels([np.asarray(g) for g in group.generators], group.n) if group.generators else \
        np.arange(group.n)
    orbits = sorted(set(labels.tolist()))
    out = {0, (1 << group.n) - 1}
    for _ in range(count):
        chosen = [o for o in orbits if rng.random() < 0.5]
        out.add(sum(1 << p for p in range(group.n) if labels[p] in chosen))
    return sorted(out)


SMALL = [
    lambda: named_group("translations+dihedral", "3x3"),
    lambda: named_group("dihedral", "3x3"),            # intransitive: centre, edges, corners
    lambda: named_group("reflections", "2x3"),
    lambda: named_group("rotations", "3x3"),
    lambda: named_group("trivial", "2x2"),
    lambda: rows_by_columns("2x3", rows=[(1, 0)], columns=[]),   # swaps the rows only: 3 orbits of 2
    lambda: wreath_product("2x2"),
    lambda: from_generators("2x4", "(0 1)(2 3);(4 5 6)"),       # intransitive, fixes pixel 7
]


@pytest.mark.parametrize("make", SMALL)
@pytest.mark.parametrize("method", ["auto", "backtrack", "listing"])
def test_unions_of_orbits_match_the_twins(make, method):
    rng = random.Random(20)
    G = make()
    for x in _unions_of_orbits(G, rng):
        stab = stabilizer(G, x, method=method)
        members = naive_stabilizer_elements(G, x)
        assert stab.order() == len(members) == G.order()                 # Stab = G
        assert orbit_size(G, x, method=method) == len(naive_orbit(G, x)) == 1
        assert minimal_image(G, x, method=method) == naive_minimal_image(G, x) == x
        c = canonical_image(G, x, method=method)
        assert c.image == x and c.element == tuple(range(G.n))
        assert transporter(G, x, x, method=method) is not None
        other = x ^ 1                                                    # not in x's orbit {x}
        if other.bit_count() == x.bit_count():
            assert transporter(G, x, other, method=method) is None


@pytest.mark.parametrize("make", SMALL)
def test_images_that_are_not_unions_of_orbits_still_search(make):
    # the shortcut must not fire when some generator moves the image: compare every image of a small grid
    G = make()
    assert G.n <= 9  # 2^n images
    for x in range(1 << G.n):
        assert stabilizer(G, x).order() == len(naive_stabilizer_elements(G, x))
        assert minimal_image(G, x) == naive_minimal_image(G, x)


@pytest.mark.parametrize("x_of", [lambda n: 0, lambda n: (1 << n) - 1], ids=["empty", "full"])
def test_the_empty_and_full_64x64_images_need_no_chain(x_of):
    G = named_group("translations+dihedral", "64x64")   # order 8 * 4096 = 32,768
    x = x_of(G.n)
    assert orbit_size(G, x) == 1
    assert minimal_image(G, x) == x
    assert transporter(G, x, x) is not None
    assert canonical_image(G, x).element == tuple(range(G.n))
    assert len(G._chains) == 0, "a stabilizer chain was built"   # no Schreier-Sims (seconds each on 4096 pixels)
    # the stabilizer door needs |G|: closed form from the torus recognition (|T| |P|), no Schreier-Sims at all
    for H in (named_group("translations+dihedral", "16x16"), G):
        stab = stabilizer(H, x_of(H.n))
        assert stab.order() == H.order() == 8 * H.n   # |D_4| x |T|: the whole group
        assert sorted(stab.generators) == sorted(H.generators)
        assert list(H._chains) == []   # no chain: neither for |G| nor with the minimal image's base


def test_a_union_of_orbits_of_an_intransitive_group_on_a_big_grid():
    G = named_group("dihedral", "32x32")               # D_4 about the centre: orbits of size at most 8
    from exactorbit._perm.chain import orbit_labels
    import numpy as np

    labels = orbit_labels([np.asarray(g) for g in G.generators], G.n)
    x = sum(1 << p for p in range(G.n) if labels[p] % 3 == 0)      # every third orbit, whole
    assert orbit_size(G, x) == 1 and minimal_image(G, x) == x and stabilizer(G, x).order() == 8
    y = x ^ (1 << int(np.flatnonzero(labels != np.arange(G.n))[0]))  # one pixel of a non-trivial orbit flipped
    assert orbit_size(G, y) > 1                                      # the search still runs and finds it
