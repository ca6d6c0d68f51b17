"""The numpy-batched Schreier-Sims (``schreier_sims_batched``, for large degrees) against GAP's ``Size``.

GAP (Debian's package ``gap``) is optional: the test skips with a message when it is absent.  The groups are
imprimitive (subgroups of C_b wr S_m, relabelled at random) and transitive ones from two permutations that
keep a block system, on 320 to 480 points: long bases, several levels, orders GAP computes in milliseconds.
"""

import random

import pytest

from exactorbit._perm.schreier_sims import order_of, schreier_sims_batched
from exactorbit.gap import gap_available, run_gap, to_gap
from exactorbit.groups import PixelGroup

pytestmark = pytest.mark.skipif(not gap_available(), reason="GAP is not installed (Debian package gap); the "
                                                            "comparison of the batched Schreier-Sims is skipped")


def _imprimitive(rng, m, size):
    n = m * size
    sigma_all = rng.sample(range(n), n)
    gens = []
    for _ in range(rng.randint(2, 3)):
        sigma = rng.sample(range(m), m) if rng.random() < 0.7 else list(range(m))
        shift = [rng.randrange(size) for _ in range(m)]
        g = [sigma[p // size] * size + (p % size + shift[p // size]) % size for p in range(n)]
        h = [0] * n
        for p in range(n):
            h[sigma_all[p]] = sigma_all[g[p]]
        gens.append(tuple(h))
    return PixelGroup(f"1x{n}", gens)


BATCH_DEGREE = 320  # the degrees where the batches pay (short bases)


def test_batched_orders_agree_with_gap():
    rng = random.Random(2030)
    groups = [_imprimitive(rng, m, -(-BATCH_DEGREE // m) + rng.randint(0, 12)) for m in (4, 5, 6, 7, 8, 8)]
    groups = [G for G in groups if G.n >= BATCH_DEGREE] or [_imprimitive(rng, 8, 40)]
    out = run_gap("\n".join(f'Print("S ", Size({to_gap(G)}), "\\n");' for G in groups))
    sizes = [int(line.split()[1]) for line in out.splitlines() if line.startswith("S ")]
    assert len(sizes) == len(groups)
    for G, size in zip(groups, sizes):
        assert order_of(*schreier_sims_batched(list(G.generators), G.n), G.n) == size, G
