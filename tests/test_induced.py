"""The induced action on a union of orbits: homomorphism and kernel (exactorbit.induced).

Naive twins (the ``naive_*`` section below) enumerate every group element in
plain Python (exactorbit.testutil.naive_elements) and use the definitions only:
the induced permutation by searching the feature list, the kernel by testing
every element, a code-space orbit as {code(x^g) : g in G} for a preimage x
(equivariance, not the induced group), orbits of images by applying every
element.
"""


import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from exactorbit import strategies as eos
from exactorbit.actions import apply
from exactorbit.depth import depth_table, feature_code, minimal_orbit_layer1
from exactorbit.errors import InvalidArgument
from exactorbit.groups import compose, identity, named_group, translations
from exactorbit.induced import check_union_of_orbits, induced_action
from exactorbit.testutil import naive_elements, naive_induced, naive_kernel


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_induced_map_is_a_homomorphism(data):
    group, feats = data.draw(eos.groups_with_features())
    A = induced_action(group, feats)
    p = data.draw(eos.group_elements(group))
    q = data.draw(eos.group_elements(group))
    assert A(compose(p, q)) == compose(A(p), A(q))
    assert A(p) == naive_induced(p, list(feats))
    assert A(identity(group.n)) == identity(len(feats))
    assert A.induced.contains(A(p))


@settings(max_examples=30, deadline=None)
@given(eos.groups_with_features())
def test_kernel_is_exactly_the_elements_inducing_the_identity(case):
    group, feats = case
    A = induced_action(group, feats)
    K = A.kernel()
    expected = naive_kernel(group, feats)
    assert set(K.elements()) == expected
    for g in K.elements():
        assert all(apply(g, f) == f for f in feats)
    # first isomorphism theorem: |G| = |H| |K|
    assert group.order() == A.induced.order() * K.order()
    # the fallback route (listing G) finds the same subgroup
    assert set(A._kernel_by_listing(K.order()).elements()) == expected
    # H is exactly the image of G
    assert set(A.induced.elements()) == {A(g) for g in naive_elements(group)}


@settings(max_examples=20, deadline=None)
@given(st.data())
def test_deeper_induced_action_is_a_homomorphism_with_exact_kernel(data):
    group, feats = data.draw(eos.groups_with_features(max_pixels=5))
    table = depth_table(group, layers=2, features=feats, certify=False)
    assume(len(table.layers) == 2)
    A2 = table.layers[1].action
    p = data.draw(eos.group_elements(group))
    q = data.draw(eos.group_elements(group))
    assert A2(compose(p, q)) == compose(A2(p), A2(q))
    els = naive_elements(group)
    ident = identity(A2.m)
    assert set(A2.kernel().elements()) == {g for g in els if A2(g) == ident}
    # equivariance one level up: code2(x^g) = code2(x)^ind2(g)
    F1 = table.layers[0].features
    x = data.draw(eos.images(group.grid))
    c2 = lambda y: feature_code(feature_code(y, F1), A2.features)
    assert c2(apply(p, x)) == apply(A2(p), c2(x))


def test_default_kernel_and_induced_group():
    G = named_group("translations+dihedral", "3x3")
    A = induced_action(G, minimal_orbit_layer1(G))
    # 4 orbits of size 6 (engine doctest: minimal features 7, 63, 84, 238): 24 features
    assert A.m == 24 and A.kernel().order() == 1 and A.induced.order() == 72
    assert set(A.kernel().elements()) == naive_kernel(G, A.features)


def test_translations_of_full_rows_have_a_nontrivial_kernel():
    G = translations("3x3")
    rows = [0b000000111, 0b000111000, 0b111000000]
    A = induced_action(G, rows)
    # shifting right keeps every row: the kernel is the 3 horizontal shifts
    assert A.kernel().order() == 3 == len(naive_kernel(G, rows))
    assert A.induced.order() == 3


def test_user_features_must_be_a_union_of_orbits():
    G = translations("1x4")
    with pytest.raises(InvalidArgument, match="union of G-orbits"):
        check_union_of_orbits(G, [1, 2])
    with pytest.raises(InvalidArgument, match="features"):
        depth_table(G, features=[1])
    with pytest.raises(InvalidArgument, match="features\\[0\\]"):
        check_union_of_orbits(G, [16])
    assert check_union_of_orbits(G, [8, 4, 2, 1, 1]) == (1, 2, 4, 8)
