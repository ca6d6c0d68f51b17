"""Separation ranks of product GNNs (exactorbit.interactions._seprank) and their certificate kind.

Golden numbers: sympy (the expanded polynomial's coefficient matrix ranked by sympy over Q, and
sympy's Matrix.det as the judge of the checker's determinant); the degree vector by homogeneity
(f at x^(j) scaled by c is c^(d_j) f).
"""

import copy
import json
import random

import pytest
import sympy
from hypothesis import given, settings, strategies as st

from exactorbit.checker import _seprank_det, verify_certificate
from exactorbit.errors import CertificateError, ExactOrbitError, InvalidArgument, TooExpensive
from exactorbit.interactions._gnn import ProductGNN
from exactorbit.interactions._seprank import (bareiss_det, bareiss_rank, generic_separation_rank, separation_rank,
                                              separation_rank_bound, separation_rank_certificate, unisolvent_points)

SMALL = st.tuples(st.sampled_from(["path:2", "path:3"]), st.integers(1, 2), st.integers(1, 2), st.integers(1, 2),
                  st.integers(0, 10**6))


def _case(small):
    graph, depth, width, dx, seed = small
    model = ProductGNN(graph, depth, width, dx, seed=seed)
    rng = random.Random(seed)
    n = model.graph.n
    cut = sorted(rng.sample(range(n), rng.randint(1, n - 1)))
    target = rng.choice([None, rng.randrange(n)])
    return model, cut, target


@settings(max_examples=25, deadline=None)
@given(SMALL)
def test_evaluation_rank_equals_sympy_coefficient_rank(small):
    model, cut, target = _case(small)
    exact = separation_rank(model, cut, target, method="coefficients")
    ev = separation_rank(model, cut, target, method="evaluation")
    assert ev.exact and ev.rank == exact.rank
    assert separation_rank(model, cut, target, method="sampled").rank <= exact.rank
    assert separation_rank(model, cut, target, method="onehot").rank <= exact.rank  # never above
    assert exact.rank <= separation_rank_bound(model.graph, model.depth, model.width, cut, target)


@settings(max_examples=25, deadline=None)
@given(SMALL)
def test_the_minor_is_nonzero_by_sympy(small):
    model, cut, target = _case(small)
    res = separation_rank(model, cut, target, method="evaluation")
    rest = [j for j in range(model.graph.n) if j not in cut]

    def at(a, b):
        x = [None] * model.graph.n
        for j, v in zip(cut, a):
            x[j] = list(v)
        for j, v in zip(rest, b):
            x[j] = list(v)
        return model(x, target=target)

    mat = sympy.Matrix([[at(a, b) for b in res.cols] for a in res.rows]) if res.rank else sympy.Matrix([[1]])
    assert mat.det() != 0


def test_in_dim_one_gives_a_monomial():
    # D_x = 1: every W x^(j) is a fixed vector times the scalar x_j, so f is a constant times a monomial: rank 1
    ranks = []
    for seed in range(4):
        m = ProductGNN("path:3", 2, 2, 1, seed=seed)
        ranks.append(separation_rank(m, [1], method="coefficients").rank)
        assert ranks[-1] == separation_rank(m, [1]).rank <= 1  # 0 when the weights make f = 0
    assert 1 in ranks


@pytest.mark.parametrize("target", [None, 0, 2])
def test_degrees_by_homogeneity(target):
    m = ProductGNN("path:3", 2, 2, 2, seed=5)
    x = [[1, 2], [3, 1], [2, 5]]
    base = m(x, target=target)
    assert base != 0
    for j, d in enumerate(m.degrees(target)):
        y = [list(v) for v in x]
        y[j] = [2 * c for c in y[j]]
        assert m(y, target=target) == 2 ** d * base


@pytest.mark.parametrize("width", [1, 2, 3])
def test_no_boundary_cut(width):
    # two components {0,1}, {2,3}: f = sum_k w_k P_k(X_I) Q_k(X_Ic), generic rank D_h; vertex prediction: 1
    g = (4, [(0, 1), (2, 3)])
    assert generic_separation_rank(g, 2, width, 2, [0, 1]).rank == width
    assert generic_separation_rank(g, 2, width, 2, [0, 1], target=0).rank == 1
    assert separation_rank_bound(g, 2, width, [0, 1]) == width


def test_unisolvent_points_count():
    assert len(unisolvent_points(3, 2)) == 10 == sympy.binomial(5, 2)
    assert unisolvent_points(0, 3) == [(0, 0, 0)]


@settings(max_examples=50, deadline=None)
@given(st.lists(st.lists(st.integers(-4, 4), min_size=3, max_size=3), min_size=1, max_size=4))
def test_exact_linear_algebra_against_sympy(rows):
    assert bareiss_rank(rows)[0] == sympy.Matrix(rows).rank()
    sq = [r[:len(rows)] + [0] * max(0, len(rows) - 3) for r in rows]
    assert bareiss_det(sq) == _seprank_det(sq) == sympy.Matrix(sq).det()


def test_refusals_and_bad_input():
    m = ProductGNN("cycle:5", 3, 2, 2, seed=0)
    with pytest.raises(TooExpensive):
        separation_rank(m, [0, 1], method="evaluation")
    with pytest.raises(InvalidArgument):
        separation_rank(m, [7])
    with pytest.raises(InvalidArgument):
        separation_rank(m, [0], method="magic")
    with pytest.raises(ExactOrbitError):
        ProductGNN("path:2", 0, 1, 1)
    with pytest.raises(InvalidArgument):
        ProductGNN("path:2", 1, 1, 1, weights={"layers": [[[1.5]]], "output": [[1]]})


# ---------------------------------------------------------------- the certificate kind


def _cert(graph="cycle:4", depth=2, width=2, dx=2, cut=(0, 1), target=None, seed=1):
    return json.loads(json.dumps(separation_rank_certificate(ProductGNN(graph, depth, width, dx, seed=seed),
                                                             list(cut), target)))


@pytest.mark.parametrize("args", [dict(), dict(target=2), dict(graph="path:3", cut=(1,)), dict(cut=(0, 2), dx=1)])
def test_true_certificates_are_accepted(args):
    doc = _cert(**args)
    ok, reason = verify_certificate(doc)
    assert ok, reason
    assert doc["claim"]["rank"] >= 1


def test_mutated_certificates_are_refused():
    doc = _cert()
    r = doc["claim"]["rank"]
    assert r >= 2
    higher = copy.deepcopy(doc)
    higher["claim"]["rank"] = r + 1
    repeated = copy.deepcopy(doc)
    repeated["witness"]["rows"][1] = repeated["witness"]["rows"][0]
    zero_row = copy.deepcopy(doc)  # f is homogeneous of degree d_0 > 0 in x^(0): a zero row of the minor
    zero_row["witness"]["rows"][0][0] = [0, 0]
    dead = copy.deepcopy(doc)
    dead["input"]["model"]["output"] = [[0, 0]]
    for bad in (higher, repeated, zero_row, dead):
        assert verify_certificate(bad)[0] is False
    for field, value in (("target", 9), ("generators", [[1, 0, 2, 3]]), ("cut", [1, 0])):
        bad = copy.deepcopy(doc)
        bad["input"][field] = value
        with pytest.raises(CertificateError):
            verify_certificate(bad)
    bad = copy.deepcopy(doc)
    bad["input"]["model"]["layers"][0][0][0] = 1.0
    with pytest.raises(CertificateError):
        verify_certificate(bad)


def test_certificate_giant_declared_rank_is_refused():
    doc = _cert()
    doc["claim"]["rank"] = 10**6
    with pytest.raises(TooExpensive):
        verify_certificate(doc)


def _judge(doc):
    """An independent verdict: the minor rebuilt with the producer's ProductGNN and ranked by sympy's det."""
    inp, r = doc["input"], doc["claim"]["rank"]
    rows, cols = doc["witness"]["rows"], doc["witness"]["cols"]
    if len(rows) != r or len(cols) != r:
        return False
    model = ProductGNN((inp["graph"]["n"], inp["graph"]["edges"]), inp["model"]["depth"], inp["model"]["width"],
                       inp["model"]["in_dim"], weights={"layers": inp["model"]["layers"], "output": inp["model"]["output"]})
    cut = inp["cut"]
    rest = [j for j in range(model.graph.n) if j not in cut]

    def at(a, b):
        x = [None] * model.graph.n
        for j, v in zip(cut, a):
            x[j] = v
        for j, v in zip(rest, b):
            x[j] = v
        return model(x, target=inp["target"])

    return r == 0 or sympy.Matrix([[at(a, b) for b in cols] for a in rows]).det() != 0


@settings(max_examples=40, deadline=None)
@given(SMALL, st.integers(0, 10**6), st.sampled_from(["point", "weight", "duplicate", "rank", "none"]))
def test_checker_agrees_with_the_sympy_judge(small, seed, how):
    model, cut, target = _case(small)
    doc = json.loads(json.dumps(separation_rank_certificate(model, cut, target)))
    rng = random.Random(seed)
    r = doc["claim"]["rank"]
    if how == "point" and r:
        pt = doc["witness"][rng.choice(["rows", "cols"])][rng.randrange(r)]
        vec = pt[rng.randrange(len(pt))]
        vec[rng.randrange(len(vec))] = rng.randint(-2, 2)
    elif how == "weight":
        layer = rng.choice(doc["input"]["model"]["layers"])
        row = layer[rng.randrange(len(layer))]
        row[rng.randrange(len(row))] = rng.randint(-1, 1)
    elif how == "duplicate" and r >= 2:
        doc["witness"]["rows"][1] = doc["witness"]["rows"][0]
    elif how == "rank":
        doc["claim"]["rank"] = r + rng.choice([-1, 1]) if r else 1
    assert verify_certificate(doc)[0] == _judge(doc)
    if how == "none":
        assert verify_certificate(doc)[0]


def test_walk_index_fallback_equals_the_walks_module():
    import itertools

    from exactorbit.interactions._graphs import parse_graph
    from exactorbit.interactions._seprank import _walk_index_local
    from exactorbit.interactions._walks import walk_index

    for spec in ("path:4", "cycle:5", "cliques:3"):
        g = parse_graph(spec)
        for depth, k, t in itertools.product((1, 2, 3), range(g.n + 1), (None, 0)):
            for cut in itertools.combinations(range(g.n), k):
                assert walk_index(g, cut, depth, target=t) == _walk_index_local(g, cut, depth, t)


def test_flint_and_numpy_eliminations_agree():
    pytest.importorskip("flint")
    import numpy as np

    from exactorbit.interactions import _seprank as S

    p, rng = S._PRIME0, random.Random(7)
    u = [[rng.randrange(p) for _ in range(20)] for _ in range(150)]
    v = [[rng.randrange(p) for _ in range(140)] for _ in range(20)]
    mat = np.array([[sum(a * b for a, b in zip(row, col)) % p for col in zip(*v)] for row in u], dtype=np.int64)
    for rank, rows, cols in (S._rank_mod(mat.copy(), p), S._rank_mod_numpy(mat.copy(), p)):
        assert rank == 20
        sub = [[int(mat[i, j]) for j in cols] for i in rows]
        assert bareiss_det(sub) % p != 0
