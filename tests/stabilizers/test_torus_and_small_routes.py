"""The torus route and 'auto''s first attempt at listing small orbits, against the naive twins (exactorbit.testutil).

* ``torus``: a torus group T x| P (the named groups with translations, and the same groups given by other
  generators) answers every one-image question in closed form, linear part by linear part; the naive twins list
  every element and apply it.
* 'auto' on a small group searches the orbit along the generators first: when the images of x's weight are few
  (no cap), or as a first attempt on a fresh group of at most 64 pixels, given up past
  ``stabilizers.ATTEMPT_POINTS`` points (then the next rung answers, and says so).
"""

import random

from hypothesis import given, settings
from hypothesis import strategies as st

import exactorbit as eo
from exactorbit.actions import apply, orbit
from exactorbit.groups import PixelGroup, compose, named_group
from exactorbit.stabilizers import ATTEMPT_POINTS, canonical_image, orbit_size, stabilizer, transporter
from exactorbit.testutil import naive_minimal_image, naive_orbit, naive_stabilizer_elements

TORUS_NAMES = ("translations", "translations+rotations", "translations+reflections", "translations+dihedral")


@st.composite
def torus_cases(draw):
    """(a torus group, possibly re-presented by products of its generators, an image or a tuple of images)."""
    h, w = draw(st.integers(1, 4)), draw(st.integers(2, 5))
    G = named_group(draw(st.sampled_from(TORUS_NAMES)), f"{h}x{w}")
    if draw(st.booleans()) and len(G.generators) >= 2:  # the same group, other generators
        a, b = G.generators[0], G.generators[1]
        G = PixelGroup(G.grid, [compose(a, b), *G.generators[1:]] + [a])
    weight = draw(st.sampled_from(["sparse", "dense", "any", "periodic"]))
    n = G.n
    if weight == "periodic":  # a tile repeated along a lattice: large stabilizers, several basis translations
        a, b = draw(st.sampled_from([d for d in range(1, h + 1) if h % d == 0])), \
            draw(st.sampled_from([d for d in range(1, w + 1) if w % d == 0]))
        tile = draw(st.integers(0, (1 << (a * b)) - 1))
        x = sum(1 << (r * w + c) for r in range(h) for c in range(w) if (tile >> ((r % a) * b + c % b)) & 1)
    elif weight == "sparse":
        x = sum(1 << q for q in draw(st.sets(st.integers(0, n - 1), max_size=3)))
    elif weight == "dense":
        x = (1 << n) - 1 - sum(1 << q for q in draw(st.sets(st.integers(0, n - 1), max_size=3)))
    else:
        x = draw(st.integers(0, (1 << n) - 1))
    if draw(st.booleans()):
        x = (x, draw(st.integers(0, (1 << n) - 1)))
    return G, x


@settings(max_examples=80, deadline=None)
@given(torus_cases())
def test_the_torus_route_matches_the_naive_twins(case):
    G, x = case
    assert G.torus_structure is not None
    stab = naive_stabilizer_elements(G, x)
    orb = naive_orbit(G, x)
    H = stabilizer(G, x, method="torus")
    assert (H.order(), H.method) == (len(stab), "torus")
    assert all(apply(g, x) == x for g in H.generators)
    assert int(H.sympy.order()) == len(stab)  # the generators generate the whole stabilizer
    assert orbit_size(G, x, method="torus") == len(orb)
    found = canonical_image(G, x, method="torus")
    assert found.image == naive_minimal_image(G, x) == orb[0]
    assert apply(found.element, x) == found.image
    assert tuple(orbit(G, x, method="torus")) == orb
    y = orb[len(orb) // 2]
    g = transporter(G, x, y, method="torus")
    assert g is not None and apply(g, x) == y


@settings(max_examples=40, deadline=None)
@given(torus_cases(), st.integers(0, 1 << 20))
def test_the_torus_transporter_says_none_across_orbits(case, seed):
    G, x = case
    if isinstance(x, tuple):
        x = x[0]
    y = random.Random(seed).getrandbits(G.n) & ((1 << G.n) - 1)
    y_in_orbit = y in naive_orbit(G, x)
    g = transporter(G, x, y, method="torus")
    assert (g is not None) == y_in_orbit
    if g is not None:
        assert apply(g, x) == y


def test_auto_lists_a_small_orbit_of_a_fresh_group_without_a_chain():
    G = eo.from_generators(list(eo.named_group("dihedral", "3x3").generators), "3x3")  # its order not known
    assert orbit_size(G, 0b000010011).method == "listing"
    assert G._order is None  # no order computed, no chain built: the orbit answered alone
    assert not G._chains


def test_auto_gives_up_its_attempt_past_the_cap_and_says_which_route_answered():
    # the 6x6 torus group with its dihedral part: an image with a trivial stabilizer has 288 images, over the cap
    G = named_group("translations+dihedral", "6x6")
    x = 0b000000_000000_000000_000100_000011_000001
    assert len(naive_orbit(G, x)) > ATTEMPT_POINTS
    size = orbit_size(G, x)
    # a named group knows its order (288, in closed form), under TUNING['listing_orbit']: the orbit is listed
    assert size == len(naive_orbit(G, x)) and size.method == "listing"
    # the same group given by other generators, order unknown: the attempt gives up, the recognition is semantic
    a, b = G.generators[:2]
    H = PixelGroup(G.grid, [compose(a, b), *G.generators[1:], a])
    first = orbit_size(H, x)
    assert first == size and first.method == "torus"
    # now |G| = 288 is known, under TUNING['listing_orbit']: the orbit is searched along the generators
    assert orbit_size(H, x).method == "listing"


@settings(max_examples=60, deadline=None)
@given(st.integers(3, 9), st.data())
def test_auto_on_random_small_groups_matches_the_naive_twins(n, data):
    rng = random.Random(data.draw(st.integers(0, 1 << 30)))
    gens = []
    for _ in range(data.draw(st.integers(1, 3))):  # sparse generators: small groups, small orbits, or not
        p = list(range(n))
        pts = rng.sample(range(n), rng.randint(2, min(n, 4)))
        for a, b in zip(pts, pts[1:] + pts[:1]):
            p[a] = b
        gens.append(tuple(p))
    G = PixelGroup(f"1x{n}", gens)
    x = data.draw(st.integers(0, (1 << n) - 1))
    orb = naive_orbit(G, x)
    assert orbit_size(G, x) == len(orb)
    assert eo.minimal_image(G, x) == orb[0]
    H = stabilizer(PixelGroup(f"1x{n}", gens), x)
    assert H.order() == len(naive_stabilizer_elements(G, x))
    y = orb[-1]
    g = transporter(PixelGroup(f"1x{n}", gens), x, y)
    assert apply(g, x) == y


def test_a_disguised_symmetric_group_takes_the_natural_route_not_the_listing():
    # review of issue 24: the listing would build S_(n-1) from Schreier generators (minutes on 256 pixels);
    # Jordan's test proves S_n from ten random elements first
    rng = random.Random(1)
    n = 144
    gens = [tuple(rng.sample(range(n), n)) for _ in range(2)]
    H = stabilizer(PixelGroup("12x12", gens), 1)
    assert H.method == "natural" and H.order() * n == PixelGroup("12x12", gens).order()


def test_a_users_limit_below_the_attempts_cap_lets_auto_go_on():
    from exactorbit.actions import orbit_bound  # noqa: F401  (the bound the first rung reads)

    G = named_group("translations+dihedral", "8x8")
    x = 0b1011001110001
    got = orbit_size(G, x, limit=100)   # the orbit has 512 points: the attempt gives up at 100, the torus answers
    assert got == len(naive_orbit(G, x)) and got.method == "torus"
    got = orbit_size(named_group("translations+dihedral", "3x3"), 0b11, limit=5)
    assert got == 18 and got.method != "listing"
