"""Differential tests against GAP itself: set stabilizers, orbit sizes and transporters on hundreds of random cases.

GAP (Debian's package ``gap``) is optional: these tests skip with a message when
it is absent; CI installs it.  All cases run in one GAP process: for each, GAP's
``Size(G)``, ``Size(Stabilizer(G, S, OnSets))`` (``OnTuplesSets`` for a pair of
images) and whether ``RepresentativeAction(G, S, T, OnSets)`` exists.
"""

import random

import pytest

from exactorbit.actions import apply, orbit_bound
from exactorbit.gap import gap_available, gap_set, run_gap, to_gap
from exactorbit.groups import PixelGroup, named_group
from exactorbit.stabilizers import orbit_size, stabilizer, transporter

pytestmark = pytest.mark.skipif(not gap_available(), reason="GAP is not installed (Debian package gap); "
                                                            "the differential tests against GAP are skipped")

SPECS = ["translations", "dihedral", "translations+dihedral", "translations+reflections", "rotations", "symmetric"]


def _cases(count=300, seed=2026):
    rng = random.Random(seed)
    out = []
    for k in range(count):
        kind = k % 3
        if kind == 0:  # a named group on a small grid
            h, w = rng.randint(1, 4), rng.randint(2, 4)
            group = named_group(rng.choice(SPECS), f"{h}x{w}")
        elif kind == 1:  # random generators
            n = rng.randint(4, 14)
            group = PixelGroup(f"1x{n}", [tuple(rng.sample(range(n), n)) for _ in range(rng.randint(1, 3))])
        else:  # a product of two random groups on the two halves of a grid
            a, b = rng.randint(2, 6), rng.randint(2, 6)
            left = [tuple(rng.sample(range(a), a)) + tuple(range(a, a + b)) for _ in range(2)]
            right = [tuple(range(a)) + tuple(a + p for p in rng.sample(range(b), b)) for _ in range(2)]
            group = PixelGroup(f"1x{a + b}", left + right)
        n = group.n
        density = rng.random()
        s = sum(1 << p for p in range(n) if rng.random() < density)
        if rng.random() < 0.5:  # a target in the orbit
            t = apply(group.random_element(rng), s)
        else:
            t = sum(1 << p for p in rng.sample(range(n), s.bit_count()))
        pair = rng.random() < 0.25
        if pair:
            s2 = rng.randrange(1 << n)
            s = (s, s2)
            t = (t, apply(group.random_element(rng), s2) if rng.random() < 0.5 else rng.randrange(1 << n))
        out.append((group, s, t))
    return out


def _gap_point(x):
    return "[" + ",".join(gap_set(m) for m in x) + "]" if isinstance(x, tuple) else gap_set(x)


@pytest.fixture(scope="module")
def answers():
    cases = _cases()
    lines = []
    for i, (group, s, t) in enumerate(cases):
        act = "OnTuplesSets" if isinstance(s, tuple) else "OnSets"
        lines.append(
            f"G := {to_gap(group)};; s := {_gap_point(s)};; t := {_gap_point(t)};; "
            f"Print({i}, \" \", Size(G), \" \", Size(Stabilizer(G, s, {act})), \" \", "
            f"RepresentativeAction(G, s, t, {act}) <> fail, \"\\n\");"
        )
    out = run_gap("\n".join(lines))
    rows = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 4:
            rows[int(parts[0])] = (int(parts[1]), int(parts[2]), parts[3] == "true")
    assert len(rows) == len(cases)
    return cases, rows


def test_the_torus_route_meets_gap_on_torus_groups(answers):
    cases, _ = answers
    assert sum(group.torus_structure is not None for group, _, _ in cases) >= 40


@pytest.mark.parametrize("method", ["auto", "backtrack", "listing", "torus"])
def test_orders_stabilizers_and_transporters_agree_with_gap(answers, method):
    cases, rows = answers
    for i, (group, s, t) in enumerate(cases):
        if method == "torus" and group.torus_structure is None:
            continue
        if method == "listing" and orbit_bound(group, s) > 5000:  # the definitional route: small orbits only
            continue
        order, stab, exists = rows[i]
        assert group.order() == order, (i, group)
        assert stabilizer(group, s, method=method).order() == stab, (i, group, s)
        assert orbit_size(group, s, method=method) == order // stab, (i, group, s)
        g = transporter(group, s, t, method=method)
        assert (g is not None) == exists, (i, group, s, t)
        if g is not None:
            assert apply(g, s) == t and group.contains(g)
