"""Small random hierarchy models for the property tests (a helper module of tests/hierarchy)."""

from hypothesis import assume, strategies as st

from exactorbit.hierarchy import HierarchyModel


@st.composite
def small_models(draw, max_inputs=3000, max_d=64, sparsity=None, s0=None):
    """Feasible models with at most ``max_inputs`` inputs and inputs of at most ``max_d`` symbols."""
    v = draw(st.integers(2, 4))
    s = draw(st.integers(2, 3))
    L = draw(st.integers(1, 3))
    s0 = draw(st.integers(0, 2)) if s0 is None else s0
    sp = draw(st.sampled_from("AB")) if sparsity is None else sparsity
    m = draw(st.integers(1, v ** (s - 1) if L >= 2 else v ** s))
    nc = draw(st.integers(1, max(1, v ** s // m)))
    seed = draw(st.integers(0, 10**6))
    assume((s * (s0 + 1)) ** L <= max_d)
    M = HierarchyModel(v, nc, m, s, L, s0=s0, sparsity=sp, seed=seed)
    assume(M.p_max <= max_inputs)
    return M
