"""Membership of a table in a family: the one-hidden-unit route against listing (exactorbit.networks.membership)."""


import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from exactorbit.networks import NetworkFamily, enumerate_functions, is_member

CASES = [
    ("1x2", True, False, "translations"),
    ("1x3", False, False, "translations+reflections"),
    ("2x2", True, False, "translations+dihedral"),
    ("2x2", False, False, "dihedral"),
    ("2x2", True, True, "translations"),
    ("1x3", True, False, "trivial"),
    ("2x1", False, True, "rotations"),
]


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(CASES), st.data())
def test_membership_matches_listing(case, data):
    grid, tied, excl, _ = case
    fam = NetworkFamily(grid, 1, tied=tied, exclude_constant=excl)
    functions = enumerate_functions(fam)
    members = {t.tobytes() for t, _ in functions}
    size = 1 << fam.n
    a, b = data.draw(st.integers(0, size - 1)), data.draw(st.integers(0, size - 1))
    h = np.array(data.draw(st.lists(st.booleans(), min_size=size, max_size=size)))
    for table in (np.where(h, a, b).astype(np.int64), functions[data.draw(st.integers(0, len(functions) - 1))][0]):
        assert is_member(fam, table) == (table.tobytes() in members)
        assert is_member(fam, table, method="listing") == (table.tobytes() in members)
