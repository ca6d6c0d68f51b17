"""The matrix-completion toy of Razin & Cohen 2020 (exactorbit.interactions._completion), exactly.

Golden values and twins, each independent of the module's own route:
- determinants: Fractions from the definition ad - bc, and sympy's Matrix.det on a symbol;
- norms: sympy's own ``Matrix.singular_values()`` (not the module's closed form), compared with
  z = 0 by exact rational identities of 2 x 2 matrices (Frobenius^2 = sum of squares; nuclear^2 =
  tr(M^T M) + 2 |det M|; spectral > 1 iff M^T M - I has trace > 0 or det < 0) and by sympy's
  decision of the sign of a real algebraic number (its evalf with guaranteed accuracy);
- trajectories: the loss written as a sympy polynomial in the factors' entries, differentiated by
  sympy.diff (no hand-derived gradient), stepped in sympy Rationals.
"""

from fractions import Fraction
import itertools

import pytest
import sympy
from hypothesis import given, settings, strategies as st

from exactorbit.errors import InvalidArgument, TooExpensive
from exactorbit.interactions import _completion as C

SETTINGS = settings(max_examples=50, deadline=None)
small = st.fractions(min_value=-3, max_value=3, max_denominator=4)
rationals = st.fractions(max_denominator=1000).filter(lambda q: abs(q) <= 10 ** 6)


# ----------------------------------------------------------------------------- the completions

def test_observed_entries_follow_the_authors_code():
    # dmf_data_generator.py: mat[0, 1] = mat[1, 0] = 1, sensing matrices for every (i, j) but (0, 0)
    assert C.OBSERVED == {(0, 1): 1, (1, 0): 1, (1, 1): 0} and C.UNOBSERVED == (0, 0)


@SETTINGS
@given(rationals)
def test_every_completion_has_determinant_minus_one(z):
    m = C.completion(z)
    assert m[0][0] * m[1][1] - m[0][1] * m[1][0] == -1
    assert sympy.Matrix(m).det() == -1


def test_determinant_is_constant_symbolically():
    facts = C.completion_facts(orders=(1,), grid=(0,))
    z = sympy.Symbol("w", real=True)
    assert sympy.Matrix([[z, 1], [1, 0]]).det() == -1  # sympy on its own symbol
    assert facts.determinant == -1 and facts.determinant_is_constant
    assert sympy.expand(facts.gram_trace - facts.z ** 2 - 2) == 0 and facts.gram_determinant == 1
    assert facts.singular_values_checked


def test_facts_default_orders_and_values_at_zero():
    facts = C.completion_facts()
    assert facts.norms_at_zero == {1: 2, 2: sympy.sqrt(2), "inf": 1, Fraction(1, 2): 4, Fraction(1, 3): 8}
    assert all(facts.minimised_at_zero.values()) and len(facts.minimised_at_zero) == 5
    assert 0 in facts.grid and len(facts.grid) > 50
    assert facts.skewed_norm_argmin == 1  # a norm that is not unitarily invariant: least at z = 1


# ----------------------------------------------------------------------------- norms, independently

def _sympy_norm(z, p):
    """The Schatten norm from sympy's own singular values (not the module's closed form)."""
    sv = sympy.Matrix([[sympy.Rational(z.numerator, z.denominator), 1], [1, 0]]).singular_values()
    if p == "inf":
        return sympy.Max(*sv)
    e = sympy.Rational(p)
    return sum(s ** e for s in sv) ** (1 / e)


def _rational_twins(z):
    """Exact rational comparisons with z = 0 (True: the norm at z is larger), from 2 x 2 identities."""
    m = sympy.Matrix([[sympy.Rational(z.numerator, z.denominator), 1], [1, 0]])
    gram = m.T * m
    frob2 = sum(v ** 2 for v in m)                      # ||M||_F^2 (= 2 at z = 0)
    nuc2 = gram.trace() + 2 * abs(m.det())              # ||M||_*^2 = s1^2 + s2^2 + 2 s1 s2 (= 4 at 0)
    shifted = gram - sympy.eye(2)                       # lambda_max(M^T M) > 1 iff tr > 0 or det < 0
    spectral = shifted.trace() > 0 or shifted.det() < 0
    # ||M||_{1/2} = (sqrt s1 + sqrt s2)^2 = ||M||_* + 2 sqrt(s1 s2) = ||M||_* + 2: larger iff nuc2 > 4
    return {1: nuc2 > 4, 2: frob2 > 2, "inf": bool(spectral), Fraction(1, 2): nuc2 > 4}


@pytest.mark.parametrize("z", [Fraction(k, 4) for k in range(-12, 13)] + [Fraction(10 ** 6), Fraction(-1, 10 ** 6)])
def test_norms_are_least_at_zero_on_a_grid_by_rational_identities(z):
    twins = _rational_twins(z)
    for p, larger in twins.items():
        assert larger == (z != 0)
        assert C.compare_norm_with_zero(z, p) == (1 if larger else 0)


@settings(max_examples=12, deadline=None)  # minimal polynomials of nested cube roots: about 1 s each
@given(st.fractions(min_value=-50, max_value=50, max_denominator=50), st.sampled_from(C.NORM_ORDERS))
def test_norms_against_sympys_singular_values(z, p):
    ours, theirs = C.schatten_norm(z, p), _sympy_norm(z, p)
    assert sympy.minimal_polynomial(ours - theirs, sympy.Symbol("x")) == sympy.Symbol("x")  # equal, exactly
    at_zero = _sympy_norm(Fraction(0), p)
    if z == 0:
        assert sympy.simplify(theirs - at_zero) == 0
    else:
        assert sympy.Gt(theirs, at_zero) == sympy.true  # sympy's decision of an algebraic number's sign
    assert C.compare_norm_with_zero(z, p) == (0 if z == 0 else 1)


def test_closed_forms_of_the_named_norms():
    z = sympy.Rational(7, 3)
    s = sympy.sqrt(z ** 2 + 4)
    for p, expected in [(1, s), (2, sympy.sqrt(z ** 2 + 2)), ("inf", (z + s) / 2), ("1/2", s + 2)]:
        diff = C.schatten_norm(Fraction(7, 3), p) - expected
        assert sympy.minimal_polynomial(diff, sympy.Symbol("x")) == sympy.Symbol("x")


def test_skewed_norm_is_least_at_one():
    grid = [Fraction(k, 8) for k in range(-40, 41)]
    assert min(grid, key=C.skewed_norm) == 1 and C.skewed_norm(1) < C.skewed_norm(0)
    assert all(C.skewed_norm(z) == abs(z - 1) + 2 for z in grid)


# ----------------------------------------------------------------------------- trajectories

def _sympy_trajectory(depth, init, step, steps, loss):
    """Gradient descent with the gradient taken by sympy.diff of the loss polynomial."""
    syms = [sympy.Matrix(2, 2, sympy.symbols(f"w{j}_0:4")) for j in range(depth)]
    w = sympy.eye(2)
    for f in syms:
        w = f * w
    squares = sum((w[i, j] - v) ** 2 for (i, j), v in C.OBSERVED.items())
    objective = squares / 2 if loss == "half_sum" else squares / 3
    variables = [x for f in syms for x in f]
    grads = [sympy.diff(objective, x) for x in variables]
    values = [sympy.Rational(str(v)) for f in init for row in f for v in row]
    out = []
    for t in range(steps + 1):
        sub = dict(zip(variables, values))
        out.append(w.subs(sub))
        if t < steps:
            values = [v - sympy.Rational(str(step)) * g.subs(sub) for v, g in zip(values, grads)]
    return out


matrices = st.tuples(st.tuples(small, small), st.tuples(small, small))


@SETTINGS
@given(st.integers(1, 3), st.data(), st.sampled_from([Fraction(1, 10), Fraction(1, 2), Fraction(1), Fraction(3, 2)]),
       st.integers(0, 2), st.sampled_from(["half_sum", "mean"]))
def test_trajectory_against_sympy_differentiation(depth, data, step, steps, loss):
    init = data.draw(st.lists(matrices, min_size=depth, max_size=depth))
    t = C.gradient_descent_trajectory(depth, init, step, steps, loss=loss)
    twin = _sympy_trajectory(depth, init, step, steps, loss)
    assert len(t.points) == steps + 1
    for point, m in zip(t.points, twin):
        assert sympy.Matrix(point.matrix) == m
        assert point.determinant == m.det()
        assert point.t == t.points.index(point)


@SETTINGS
@given(st.integers(1, 3), st.data(), st.sampled_from([Fraction(1, 7), Fraction(2, 3), Fraction(2)]), st.integers(0, 3))
def test_bit_estimate_bounds_the_numbers(depth, data, step, steps):
    init = data.draw(st.lists(matrices, min_size=depth, max_size=depth))
    t = C.gradient_descent_trajectory(depth, init, step, steps)
    flat = [v for f in t.init for row in f for v in row]
    bound = C.trajectory_bits(depth, C._height_bits(flat), max(step.numerator.bit_length(),
                                                              step.denominator.bit_length()), steps)
    top = max(max(v.numerator.bit_length(), v.denominator.bit_length()) for row in t.points[-1].matrix for v in row)
    assert top <= bound


def test_mean_loss_is_the_half_sum_at_two_thirds_of_the_step():
    init = [((1, "1/2"), (0, 1)), ((2, 0), ("-1/3", 1))]
    a = C.gradient_descent_trajectory(2, init, Fraction(3, 5), 3, loss="mean")
    b = C.gradient_descent_trajectory(2, init, Fraction(2, 5), 3, loss="half_sum")
    assert [p.matrix for p in a.points] == [p.matrix for p in b.points]
    assert [p.loss for p in a.points] == [p.loss * 2 / 3 for p in b.points]


def test_sign_change_examples_reproduced():
    t = C.gradient_descent_trajectory(**C.SIGN_CHANGE_EXAMPLE)
    assert t.points[1].matrix == ((3, 2), (2, 1)) and t.determinants == (1, -1)
    assert t.sign_changes == (1,) and not t.keeps_sign
    t = C.gradient_descent_trajectory(**C.NO_SIGN_CHANGE_EXAMPLE)
    assert t.keeps_sign and t.signs == (1,) * 7 and t.points[-1].loss < t.points[0].loss
    t = C.gradient_descent_trajectory(**C.DEPTH2_SIGN_CHANGE_EXAMPLE)
    assert t.determinants == (2, Fraction(-23, 128))
    t = C.gradient_descent_trajectory(**C.ZERO_DETERMINANT_EXAMPLE)
    assert t.points[2].matrix == ((2, 0), (0, 0)) and t.determinants == (1, 1, 0) and t.sign_changes == (2,)


def test_unobserved_entry_grows_while_det_stays_positive():
    # consistent with (not a proof of) the flow statement: det > 0, the loss falls, |w00| grows
    t = C.gradient_descent_trajectory(**C.NO_SIGN_CHANGE_EXAMPLE)
    z = [p.matrix[0][0] for p in t.points]
    losses = [p.loss for p in t.points]
    assert z[:2] == [1, Fraction(75, 64)] and losses[:2] == [Fraction(3, 2), Fraction(2721, 8192)]
    assert all(a < b for a, b in zip(z, z[1:])) and all(a > b for a, b in zip(losses, losses[1:]))
    assert z[-1] > 2 and all(d > 0 for d in t.determinants)


def test_sign_change_search_finds_both_kinds():
    hits = C.sign_change_search(depths=(3,), scales=(1,), step_sizes=(Fraction(1, 4), 1), steps=3)
    assert [(d, a, e) for d, a, e, _ in hits] == [(3, 1, Fraction(1, 4)), (3, 1, 1)]
    assert hits[0][3] == (1, 1, 1, 1) and hits[1][3][:2] == (1, -1)


@SETTINGS
@given(matrices, matrices, st.sampled_from([Fraction(1, 3), Fraction(1), Fraction(5, 2)]), st.integers(0, 3))
def test_mirrored_even_depth_keeps_det_nonnegative(w1, w2, step, steps):
    tr = lambda m: ((m[0][0], m[1][0]), (m[0][1], m[1][1]))  # noqa: E731 (the transpose)
    for init in ([w1, tr(w1)], [w1, w2, tr(w2), tr(w1)]):
        if len(init) == 4 and steps > 2:
            continue
        t = C.gradient_descent_trajectory(len(init), init, step, steps)
        assert all(d >= 0 for d in t.determinants)
        assert all(p.matrix[0][1] == p.matrix[1][0] for p in t.points)


def test_as_dict_is_json_ready():
    import json
    d = C.gradient_descent_trajectory(**C.SIGN_CHANGE_EXAMPLE).as_dict()
    assert json.loads(json.dumps(d)) == d and d["determinants"] == ["1", "-1"] and d["sign_changes"] == [1]
    assert d["matrices"][1] == [["3", "2"], ["2", "1"]]


# ----------------------------------------------------------------------------- bad input

I2 = ((1, 0), (0, 1))


@pytest.mark.parametrize("kwargs, words", [
    (dict(depth=0, init=[], step=1, steps=1), "depth"),
    (dict(depth=2, init=[I2], step=1, steps=1), "init must hold depth=2"),
    (dict(depth=1, init=[((0.5, 0), (0, 1))], step=1, steps=1), "init[0][0][0]"),
    (dict(depth=1, init=[((True, 0), (0, 1))], step=1, steps=1), "init[0][0][0]"),
    (dict(depth=1, init=[((1, 0, 0), (0, 1))], step=1, steps=1), "init[0] row 0"),
    (dict(depth=1, init=[((1, 0),)], step=1, steps=1), "init[0] must be a 2 x 2"),
    (dict(depth=1, init=["ab"], step=1, steps=1), "init[0]"),
    (dict(depth=1, init=[I2], step=0, steps=1), "step must be a positive"),
    (dict(depth=1, init=[I2], step=0.1, steps=1), "step must be an exact rational"),
    (dict(depth=1, init=[I2], step="1/0", steps=1), "step must be an exact rational"),
    (dict(depth=1, init=[I2], step=1, steps=C.MAX_STEPS + 1), "steps"),
    (dict(depth=1, init=[I2], step=1, steps=1, loss="mse"), "loss"),
    (dict(depth=C.MAX_DEPTH + 1, init=[I2] * 9, step=1, steps=1), "depth"),
])
def test_bad_trajectory_input_is_refused(kwargs, words):
    with pytest.raises(InvalidArgument) as exc:
        C.gradient_descent_trajectory(**kwargs)
    assert words in str(exc.value) and "\n" not in str(exc.value)


def test_too_many_bits_is_refused():
    init = [(("1/10", 0), (0, "1/10"))] * 3
    with pytest.raises(TooExpensive, match="bits"):
        C.gradient_descent_trajectory(3, init, "1/10", 8)
    with pytest.raises(TooExpensive):
        C.gradient_descent_trajectory(2, [I2, I2], 1, 3, limit=10)
    assert len(C.gradient_descent_trajectory(2, [I2, I2], 1, 3, limit=10, force=True).points) == 4


@pytest.mark.parametrize("call", [
    lambda: C.completion(0.25), lambda: C.completion(None), lambda: C.completion("x"),
    lambda: C.schatten_norm(1, 0), lambda: C.schatten_norm(1, -2), lambda: C.schatten_norm(1, 0.5),
    lambda: C.compare_norm_with_zero(1, "nope"), lambda: C.completion_facts(orders=5),
    lambda: C.completion_facts(grid=[0.5]), lambda: C.sign_change_search(scales=(0,)),
])
def test_bad_norm_input_is_refused(call):
    with pytest.raises(InvalidArgument):
        call()
