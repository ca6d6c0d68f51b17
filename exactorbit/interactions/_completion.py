"""The matrix-completion toy of Razin & Cohen 2020 ("Implicit regularization in deep learning may
not be explainable by norms", arXiv:2005.06398), as exact facts.

The problem (0-based indices, as in the authors' code ``dmf_data_generator.py`` of github
noamrazin/imp_reg_dl_not_norms: target ``mat[0, 1] = mat[1, 0] = 1``, every entry observed but
``(0, 0)``): complete the 2 x 2 matrix

    M(z) = [[z, 1],
            [1, 0]]        observed: M[0,1] = 1, M[1,0] = 1, M[1,1] = 0; unobserved: z = M[0,0].

**Every completion has det = -1** (det M(z) = z*0 - 1*1, constant in z).

**Every Schatten-p norm and quasi-norm (0 < p <= inf) is minimised at z = 0, and only there.**
Proof.  M^T M = [[z^2 + 1, z], [z, 1]] has trace z^2 + 2 and determinant det(M)^2 = 1, so the
singular values satisfy sigma_1^2 + sigma_2^2 = z^2 + 2 and sigma_1 sigma_2 = 1, hence
(sigma_1 + sigma_2)^2 = z^2 + 4 and (sigma_1 - sigma_2)^2 = z^2:

    sigma_1 = (|z| + sqrt(z^2 + 4)) / 2 >= 1 >= sigma_2 = 1 / sigma_1,

with sigma_1 = 1 exactly when z = 0 (det(M^T M - I) = -z^2).  For finite p,
||M(z)||_p^p = x + 1/x with x = sigma_1^p >= 1; x -> x + 1/x is strictly increasing on [1, inf)
and x = sigma_1^p is strictly increasing in |z|, so ||M(z)||_p is strictly increasing in |z|, with
minimum 2^(1/p) at z = 0 (strict AM-GM: x + 1/x > 2 unless x = 1); for p = inf,
||M(z)|| = sigma_1 > 1 = ||M(0)|| for z != 0.  More generally every unitarily invariant norm is
non-decreasing in |z| (for |z| <= |z'|, (sigma_1, sigma_2)(z) is weakly submajorised by
(sigma_1, sigma_2)(z'): sigma_1 and sigma_1 + 1/sigma_1 both grow; Ky Fan dominance).  A norm that
is not unitarily invariant need not be minimised at 0: N(W) = |w00 - w01| + |w01| + |w10| + |w11|
(l1 after a linear bijection, so a norm) is |z - 1| + 2 on the completions, least at z = 1.  Every
norm (all are equivalent in finite dimension) and every Schatten quasi-norm tends to infinity with
|z|, which is all the paper's argument needs.

**Gradient descent, exactly.**  :func:`gradient_descent_trajectory` runs gradient descent on the
deep matrix factorisation W = W_N ... W_1 (``depth`` = N factors, 2 x 2) with the square loss on
the observed entries, in Fractions: every iterate is exact.  A positive step can take det(W) across
0 (:data:`SIGN_CHANGE_EXAMPLE`: from W_j = I at depth 3, one step of size 1 lands on
[[3, 2], [2, 1]], det -1; :data:`DEPTH2_SIGN_CHANGE_EXAMPLE`: from W_1 = I, W_2 = diag(1, 2), one
step of size 1/4 lands on det -23/128) or not (:data:`NO_SIGN_CHANGE_EXAMPLE`).  One invariant
does survive discretisation exactly: at even depth N = 2k with mirrored factors W_{N+1-j} = W_j^T,
the residual G is symmetric (the observed pattern and values are), the step keeps the mirror
(W_{N+1-j} - eta (A^T G C^T)_{N+1-j} = (W_j - eta (A^T G C^T)_j)^T), so W = P^T P with
P = W_k ... W_1 stays positive semidefinite and det W = det(P)^2 >= 0 at every step size; it can
reach 0 exactly (:data:`ZERO_DETERMINANT_EXAMPLE`: depth 2, W_j = I, step 1: W = [[2, 0], [0, 0]]
after two steps), which the flow never does.

**What exact computation cannot show.**  The paper's statement (as issue 22 and the abstract put
it; its proof is the paper's, not re-derived here; the authors' code initialises with det >= 0,
``enforce_pos_det``) is about gradient *flow*: started with det W(0) > 0 (depth N >= 2),
det W(t) stays positive for all t, so as the loss tends to 0 the
observed entries tend to (1, 1, 0) while det W(t) = w00 w11 - w01 w10 > 0, forcing |w00| -> inf and
every norm and quasi-norm to infinity.  A flow is a limit (of gradient descent as the step tends to
0) and an asymptotic statement (t -> inf): W(t) solves a polynomial ODE whose values are in general
transcendental, so no finite exact computation produces W(t) for t > 0, let alone all t.  Each
discrete step computed here is exact, but it is exact for a different dynamical system (the map
W -> W - eta grad) that only approximates the flow, and the approximation is exactly what fails in
the sign-change example: the discrete map jumps over det = 0, which the flow never crosses.  What
exact computation does show: the algebraic facts the argument rests on (det constant on the
completions, the singular values and every Schatten norm as exact functions of z), and the exact
behaviour of finitely many discrete steps at a given rational step size (where bit sizes grow like
(2N - 1)^steps, so only a few steps are within reach).  The flow's sign invariance and the
divergence of norms need an analytic argument (continuity, uniqueness of ODE solutions, the limit
t -> inf); for depth 1 (no factorisation) the flow keeps z = w00 fixed and takes det to -1, so it
does cross 0: the factorisation is essential.

>>> completion(3)
((Fraction(3, 1), Fraction(1, 1)), (Fraction(1, 1), Fraction(0, 1)))
>>> facts = completion_facts()
>>> facts.determinant, facts.determinant_is_constant, all(facts.minimised_at_zero.values())
(-1, True, True)
>>> t = gradient_descent_trajectory(3, [[[1, 0], [0, 1]]] * 3, 1, 1)
>>> t.points[1].matrix, t.determinants
(((Fraction(3, 1), Fraction(2, 1)), (Fraction(2, 1), Fraction(1, 1))), (Fraction(1, 1), Fraction(-1, 1)))
"""

from dataclasses import dataclass
from fractions import Fraction
import math
from numbers import Rational
import re
from types import MappingProxyType

from .._budget import LIMITS, refuse_if_over
from .._validation import check_choice, check_int, check_items, describe
from ..errors import InvalidArgument

__all__ = ["OBSERVED", "UNOBSERVED", "NORM_ORDERS", "MAX_STEPS", "MAX_DEPTH", "TRAJECTORY_BITS",
           "SIGN_CHANGE_EXAMPLE", "NO_SIGN_CHANGE_EXAMPLE", "DEPTH2_SIGN_CHANGE_EXAMPLE",
           "ZERO_DETERMINANT_EXAMPLE", "CompletionFacts", "TrajectoryPoint", "Trajectory",
           "completion", "completion_facts", "singular_values", "schatten_norm", "compare_norm_with_zero",
           "skewed_norm", "gradient_descent_trajectory", "trajectory_bits", "sign_change_search"]

#: The observed entries (0-based (row, column) -> value), as in the authors' code.
OBSERVED = {(0, 1): 1, (1, 0): 1, (1, 1): 0}
#: The one unobserved entry.
UNOBSERVED = (0, 0)
#: The Schatten orders checked by default: nuclear (1), Frobenius (2), spectral ("inf"), quasi-norms 1/2, 1/3.
NORM_ORDERS = (1, 2, "inf", Fraction(1, 2), Fraction(1, 3))
#: Most gradient-descent steps computed (bit sizes grow like (2 depth - 1)^steps).
MAX_STEPS = 8
#: Most factors of the deep factorisation.
MAX_DEPTH = 8
#: Default bound on the estimated bits of the exact numbers of a trajectory (a few seconds of Fractions).
TRAJECTORY_BITS = 400_000
#: Default grid of unobserved entries on which the norms are compared with z = 0.
GRID = tuple(sorted({Fraction(a, b) for a in range(-12, 13) for b in (1, 2, 3, 4)}
                    | {Fraction(s * 10 ** k) for s in (1, -1) for k in (2, 6)}
                    | {Fraction(s, 10 ** 6) for s in (1, -1)}))
_IDENTITY = ((1, 0), (0, 1))
#: Found by :func:`sign_change_search`: depth 3, W_j = I, one step of size 1: det 1 -> -1 (W = [[3, 2], [2, 1]]).
SIGN_CHANGE_EXAMPLE = MappingProxyType({"depth": 3, "init": (_IDENTITY,) * 3, "step": Fraction(1), "steps": 1})
#: The same start at step 1/4: det stays positive for 6 steps while the loss falls and w00 grows (1 -> 75/64 -> ...).
NO_SIGN_CHANGE_EXAMPLE = MappingProxyType({"depth": 3, "init": (_IDENTITY,) * 3, "step": Fraction(1, 4), "steps": 6})
#: Found by a search over W_1 = I and small integer W_2: det 2 -> -23/128 in one step of size 1/4.
DEPTH2_SIGN_CHANGE_EXAMPLE = MappingProxyType({"depth": 2, "init": (_IDENTITY, ((1, 0), (0, 2))),
                                               "step": Fraction(1, 4), "steps": 1})
#: Mirrored factors at depth 2 keep det W = det(W_1)^2 >= 0; here it reaches 0 exactly after two steps.
ZERO_DETERMINANT_EXAMPLE = MappingProxyType({"depth": 2, "init": (_IDENTITY,) * 2, "step": Fraction(1), "steps": 2})
_RATIONAL_TEXT = re.compile(r"[+-]?\d{1,60}(/\d{1,60})?")


def _rational(name, value):
    """``value`` (an int, a Fraction or another exact rational, or a text '3', '-2/5') as a Fraction."""
    if isinstance(value, bool) or value is None:
        raise InvalidArgument(f"{name} must be an exact rational (int, Fraction or 'p/q'), got {describe(value)}")
    if isinstance(value, Rational):
        return Fraction(int(value.numerator), int(value.denominator))
    if isinstance(value, str) and _RATIONAL_TEXT.fullmatch(value.strip()):
        try:
            return Fraction(value.strip())
        except ZeroDivisionError:
            pass
    raise InvalidArgument(f"{name} must be an exact rational (int, Fraction or 'p/q'; no floats), got {describe(value)}")


def _matrix(name, value):
    """``value`` as a 2 x 2 tuple of Fractions, or one InvalidArgument line naming ``name``."""
    rows = check_items(name, value, limit=2)
    if len(rows) != 2:
        raise InvalidArgument(f"{name} must be a 2 x 2 matrix (two rows), got {describe(value)}")
    out = []
    for r, row in enumerate(rows):
        entries = check_items(f"{name} row {r}", row, limit=2)
        if len(entries) != 2:
            raise InvalidArgument(f"{name} row {r} must hold two entries, got {describe(row)}")
        out.append(tuple(_rational(f"{name}[{r}][{c}]", v) for c, v in enumerate(entries)))
    return tuple(out)


def completion(z):
    """The completion M(z) = [[z, 1], [1, 0]] of the observed entries, exactly (z rational).

    >>> completion("1/2")[0]
    (Fraction(1, 2), Fraction(1, 1))
    >>> completion(0.5)
    Traceback (most recent call last):
    ...
    exactorbit.errors.InvalidArgument: z must be an exact rational (int, Fraction or 'p/q'; no floats), got 0.5 (type float)
    """
    z = _rational("z", z)
    m = [[z, None], [None, None]]
    for (i, j), v in OBSERVED.items():
        m[i][j] = Fraction(v)
    return tuple(tuple(row) for row in m)


def _order(p):
    """A Schatten order: a positive rational (as a Fraction) or infinity (returned as None)."""
    if (isinstance(p, str) and p.strip() == "inf") or (isinstance(p, float) and p == math.inf):
        return None
    import sympy
    if p is sympy.oo:
        return None
    q = _rational("p", p)
    if q <= 0:
        raise InvalidArgument(f"p must be a positive rational or 'inf', got {describe(p)}")
    return q


def _order_key(q):
    """The dict key of an order: 'inf', an int, or a Fraction."""
    return "inf" if q is None else (int(q) if q.denominator == 1 else q)


def _sympy_number(z):
    import sympy
    return sympy.Rational(z.numerator, z.denominator)


def singular_values(z):
    """The singular values (sigma_1, sigma_2) of M(z) as exact sympy numbers (or expressions in a real symbol).

    sigma_1 = (|z| + sqrt(z^2 + 4)) / 2 and sigma_2 = 1 / sigma_1 (see the module's proof).

    >>> singular_values(0)
    (1, 1)
    >>> singular_values(3)
    (3/2 + sqrt(13)/2, -3/2 + sqrt(13)/2)
    """
    import sympy
    if not isinstance(z, sympy.Basic) or z.is_number:
        z = _sympy_number(_rational("z", z if not isinstance(z, sympy.Basic) else sympy.Rational(z)))
    root = sympy.sqrt(z ** 2 + 4)
    return (sympy.Abs(z) + root) / 2, (root - sympy.Abs(z)) / 2


def schatten_norm(z, p):
    """The Schatten-p norm (quasi-norm for p < 1) of M(z), exactly: (sigma_1^p + sigma_2^p)^(1/p), or sigma_1 for 'inf'.

    >>> schatten_norm(0, 1), schatten_norm(0, "1/2"), schatten_norm(0, "inf")
    (2, 4, 1)
    >>> schatten_norm(2, 1), schatten_norm(2, 2)
    (2*sqrt(2), sqrt(6))
    """
    import sympy
    q = _order(p)
    s1, s2 = singular_values(z)
    if q is None:
        return sympy.simplify(s1)
    e = sympy.Rational(q.numerator, q.denominator)
    return sympy.simplify(sympy.powsimp((s1 ** e + s2 ** e) ** (1 / e)))


def compare_norm_with_zero(z, p):
    """The sign of ||M(z)||_p - ||M(0)||_p, decided in exact rational arithmetic (no evaluation of radicals).

    z = 0 gives 0.  Otherwise det(M^T M - I) = -z^2 != 0, so 1 is not a singular value; with
    sigma_1 sigma_2 = |det M| = 1 and sigma_1 >= sigma_2 this gives sigma_1 > 1 > sigma_2, hence
    ||M(z)||_inf = sigma_1 > 1 = ||M(0)||_inf and, for finite p, ||M(z)||_p^p = x + 1/x > 2 =
    ||M(0)||_p^p with x = sigma_1^p != 1 (strict AM-GM), so +1.

    >>> compare_norm_with_zero(0, 1), compare_norm_with_zero("-1/3", "1/3"), compare_norm_with_zero(10**6, "inf")
    (0, 1, 1)
    """
    _order(p)
    m = completion(z)
    gram = [[sum(m[k][i] * m[k][j] for k in range(2)) for j in range(2)] for i in range(2)]
    det_gram = gram[0][0] * gram[1][1] - gram[0][1] * gram[1][0]  # = det(M)^2 = 1 = (sigma_1 sigma_2)^2
    shifted = (gram[0][0] - 1) * (gram[1][1] - 1) - gram[0][1] * gram[1][0]  # det(M^T M - I) = -z^2
    if det_gram != 1:
        raise AssertionError("det(M^T M) must be 1 on every completion")
    return 0 if shifted == 0 else 1


def skewed_norm(z):
    """N(M(z)) for the norm N(W) = |w00 - w01| + |w01| + |w10| + |w11| (not unitarily invariant): |z - 1| + 2.

    A norm (l1 after a linear bijection) whose minimum over the completions is at z = 1, not 0.

    >>> skewed_norm(0), skewed_norm(1)
    (Fraction(3, 1), Fraction(2, 1))
    """
    m = completion(z)
    return abs(m[0][0] - m[0][1]) + abs(m[0][1]) + abs(m[1][0]) + abs(m[1][1])


@dataclass(frozen=True)
class CompletionFacts:
    """The exact facts of the 2 x 2 problem; sympy expressions in the real symbol ``z`` (the unobserved entry).

    ``minimised_at_zero[p]``: every z != 0 of ``grid`` has ||M(z)||_p > ||M(0)||_p (exact comparisons).
    ``skewed_norm_argmin``: the z of ``grid`` (the least, on ties) where :func:`skewed_norm` is least
    (1 when the grid holds it: a norm that is not minimised at 0).
    """

    z: object
    matrix: object
    determinant: object
    determinant_is_constant: bool
    gram_trace: object
    gram_determinant: object
    singular_values: tuple
    singular_values_checked: bool
    norms_at_zero: dict
    grid: tuple
    minimised_at_zero: dict
    skewed_norm_argmin: Fraction


def _symbolic_checks(z):
    """det, the Gram matrix's trace and determinant, and a symbolic check of the closed-form singular values."""
    import sympy
    m = sympy.Matrix([[z, 1], [1, 0]])
    det = sympy.expand(m.det())
    gram = m.T * m
    trace, gdet = sympy.expand(gram.trace()), sympy.expand(gram.det())
    s1, s2 = singular_values(z)
    lam = sympy.Symbol("lam")
    charpoly = gram.charpoly(lam).as_expr()
    ok = (sympy.simplify(s1 * s2 - 1) == 0 and sympy.simplify(s1 ** 2 + s2 ** 2 - trace) == 0
          and sympy.simplify(charpoly.subs(lam, s1 ** 2)) == 0 and sympy.simplify(charpoly.subs(lam, s2 ** 2)) == 0
          and sympy.simplify((s1 - s2) ** 2 - z ** 2) == 0)
    return m, det, trace, gdet, (s1, s2), ok


def completion_facts(orders=NORM_ORDERS, grid=GRID):
    """Every completion's determinant, the singular values and the Schatten norms minimised at z = 0, exactly.

    ``orders``: Schatten orders (positive rationals, 'inf'); ``grid``: rational unobserved entries compared
    with z = 0 by :func:`compare_norm_with_zero`.

    >>> f = completion_facts(orders=(1, "inf"), grid=(0, 1, "-5/2"))
    >>> f.determinant, f.gram_trace, f.gram_determinant, f.norms_at_zero
    (-1, z**2 + 2, 1, {1: 2, 'inf': 1})
    >>> f.singular_values
    (sqrt(z**2 + 4)/2 + Abs(z)/2, sqrt(z**2 + 4)/2 - Abs(z)/2)
    """
    import sympy
    orders = check_items("orders", orders, limit=100)
    grid = tuple(_rational("grid entry", v) for v in check_items("grid", grid, limit=10_000))
    z = sympy.Symbol("z", real=True)
    m, det, trace, gdet, svals, ok = _symbolic_checks(z)
    constant = sympy.diff(det, z) == 0 and det.is_number
    keys = [_order_key(_order(p)) for p in orders]
    at_zero = {k: schatten_norm(0, p) for k, p in zip(keys, orders)}
    minimised = {k: all(compare_norm_with_zero(v, p) == (0 if v == 0 else 1) for v in grid)
                 for k, p in zip(keys, orders)}
    argmin = min(grid, key=lambda v: (skewed_norm(v), v)) if grid else None
    return CompletionFacts(z, m, det, bool(constant), trace, gdet, svals, ok, at_zero, grid, minimised, argmin)


# ---------------------------------------------------------------------------------------------------
# gradient descent on the deep factorisation W = W_N ... W_1, in Fractions

def _mul(a, b):
    return tuple(tuple(a[i][0] * b[0][j] + a[i][1] * b[1][j] for j in range(2)) for i in range(2))


def _transpose(a):
    return ((a[0][0], a[1][0]), (a[0][1], a[1][1]))


def _product(factors):
    """W_k ... W_1 for factors = [W_1, ..., W_k] (the identity for none)."""
    out = ((Fraction(1), Fraction(0)), (Fraction(0), Fraction(1)))
    for f in factors:
        out = _mul(f, out)
    return out


def _det(m):
    return m[0][0] * m[1][1] - m[0][1] * m[1][0]


def _residual(w):
    """The gradient of the loss (1/2) sum over observed (i, j) of (W_ij - b_ij)^2: W - B on the observed entries."""
    return tuple(tuple(w[i][j] - OBSERVED[(i, j)] if (i, j) in OBSERVED else Fraction(0) for j in range(2))
                 for i in range(2))


def _loss(w, kind):
    squares = sum((w[i][j] - v) ** 2 for (i, j), v in OBSERVED.items())
    return squares / 2 if kind == "half_sum" else squares / len(OBSERVED)


def _descent_step(factors, eta):
    """One simultaneous step: W_j <- W_j - eta A_j^T G C_j^T with A_j = W_N..W_{j+1}, C_j = W_{j-1}..W_1."""
    g = _residual(_product(factors))
    new = []
    for j, f in enumerate(factors):
        grad = _mul(_mul(_transpose(_product(factors[j + 1:])), g), _transpose(_product(factors[:j])))
        new.append(tuple(tuple(f[r][c] - eta * grad[r][c] for c in range(2)) for r in range(2)))
    return new


@dataclass(frozen=True)
class TrajectoryPoint:
    """The state after ``t`` steps: the end-to-end matrix W = W_N ... W_1, det W and the loss (all exact)."""

    t: int
    matrix: tuple
    determinant: Fraction
    loss: Fraction

    @property
    def sign(self):
        """The sign of det W: 1, 0 or -1."""
        return (self.determinant > 0) - (self.determinant < 0)


@dataclass(frozen=True)
class Trajectory:
    """An exact gradient-descent trajectory on the 2 x 2 completion problem (:func:`gradient_descent_trajectory`).

    >>> t = gradient_descent_trajectory(2, [[[1, 0], [0, 1]]] * 2, "1/2", 2)
    >>> t.signs, t.keeps_sign, t.sign_changes
    ((1, 1, 1), True, ())
    """

    depth: int
    step: Fraction
    loss_kind: str
    init: tuple
    points: tuple
    factors: tuple

    @property
    def determinants(self):
        """det W after 0, 1, ... steps."""
        return tuple(p.determinant for p in self.points)

    @property
    def signs(self):
        """The sign of det W after 0, 1, ... steps."""
        return tuple(p.sign for p in self.points)

    @property
    def sign_changes(self):
        """The steps t >= 1 whose sign of det W differs from the one before (0 counts as a sign)."""
        s = self.signs
        return tuple(t for t in range(1, len(s)) if s[t] != s[t - 1])

    @property
    def keeps_sign(self):
        """True when det W is nonzero and of one sign all along."""
        return len(set(self.signs)) == 1 and self.signs[0] != 0

    def as_dict(self):
        """A JSON-ready dict: rationals as text 'p/q' (never floats).

        >>> gradient_descent_trajectory(1, [[[1, 0], [0, 1]]], 1, 1).as_dict()["determinants"]
        ['1', '-1']
        """
        text = lambda m: [[str(v) for v in row] for row in m]
        return {"depth": self.depth, "step": str(self.step), "loss": self.loss_kind,
                "init": [text(f) for f in self.init],
                "matrices": [text(p.matrix) for p in self.points],
                "determinants": [str(p.determinant) for p in self.points],
                "losses": [str(p.loss) for p in self.points],
                "signs": list(self.signs), "sign_changes": list(self.sign_changes)}


def _height_bits(values):
    """Bits of the common-denominator height: max(D, max |v| D) for D the lcm of the denominators."""
    d = 1
    for v in values:
        d = d * v.denominator // math.gcd(d, v.denominator)
    return max([d.bit_length()] + [abs(v.numerator * (d // v.denominator)).bit_length() for v in values])


def trajectory_bits(depth, init_bits, step_bits, steps):
    """An upper bound on the bits of the end-to-end matrix's entries after ``steps`` steps.

    Over a common denominator, a factor of height h becomes one of height at most
    2^(2N) h_eta h^(2N-1) (the gradient has degree 2N - 1 in the factors), and the product of N
    factors has height at most 2^(N-1) h^N: b <- (2N - 1) b + b_eta + 2N, then N b + N.

    >>> trajectory_bits(3, 1, 1, 1)
    39
    """
    b = init_bits
    for _ in range(steps):
        b = (2 * depth - 1) * b + step_bits + 2 * depth
    return depth * b + depth


def gradient_descent_trajectory(depth, init, step, steps, *, loss="half_sum", force=False, limit=None):
    """Exact gradient descent on W = W_N ... W_1 (N = ``depth`` factors, 2 x 2) fitted to the observed entries.

    ``init``: the ``depth`` initial factors [W_1, ..., W_N], each a 2 x 2 matrix of exact rationals
    (ints, Fractions, texts 'p/q'; no floats).  ``step``: the step size eta > 0.  ``steps``: at most
    :data:`MAX_STEPS`.  ``loss``: "half_sum" ((1/2) sum of squared residuals on the observed entries)
    or "mean" (their mean, the authors' ``nn.MSELoss``: the same trajectory at step 2 eta / 3).
    All factors move at once: W_j <- W_j - eta A_j^T grad_W(loss) C_j^T.  The exact numbers grow
    like (2N - 1)^steps bits; the estimate (:func:`trajectory_bits`) is refused past ``limit`` bits
    (default :data:`TRAJECTORY_BITS`) unless ``force``.

    >>> t = gradient_descent_trajectory(2, [[["1/2", 0], [0, "1/2"]]] * 2, "1/10", 1)
    >>> t.points[1].matrix
    ((Fraction(101, 400), Fraction(79, 1600)), (Fraction(79, 1600), Fraction(1537, 6400)))
    >>> gradient_descent_trajectory(2, [[[1, 0], [0, 1]]], 1, 1)
    Traceback (most recent call last):
    ...
    exactorbit.errors.InvalidArgument: init must hold depth=2 factors [W_1, ..., W_N], got 1
    """
    depth = check_int("depth", depth, min_value=1, max_value=MAX_DEPTH)
    steps = check_int("steps", steps, min_value=0, max_value=MAX_STEPS)
    loss = check_choice("loss", loss, ("half_sum", "mean"))
    factors = [_matrix(f"init[{j}]", f) for j, f in enumerate(check_items("init", init, limit=MAX_DEPTH + 1))]
    if len(factors) != depth:
        raise InvalidArgument(f"init must hold depth={depth} factors [W_1, ..., W_N], got {len(factors)}")
    step = _rational("step", step)
    if step <= 0:
        raise InvalidArgument(f"step must be a positive rational, got {describe(step)}")
    eta = step if loss == "half_sum" else step * 2 / len(OBSERVED)
    bits = trajectory_bits(depth, _height_bits([v for f in factors for row in f for v in row]),
                           max(eta.numerator.bit_length(), eta.denominator.bit_length()), steps)
    key = "completion_bits" if "completion_bits" in LIMITS else "network_work"
    refuse_if_over(f"the bits of the exact numbers of {steps} gradient-descent steps at depth {depth}", bits, key,
                   limit=TRAJECTORY_BITS if limit is None and key == "network_work" else limit, force=force,
                   hint="take fewer steps, a smaller depth, or rationals with smaller denominators")
    init, points = tuple(factors), []
    for t in range(steps + 1):
        w = _product(factors)
        points.append(TrajectoryPoint(t, w, _det(w), _loss(w, loss)))
        if t < steps:
            factors = _descent_step(factors, eta)
    return Trajectory(depth, step, loss, init, tuple(points), tuple(factors))


def sign_change_search(depths=(2, 3), scales=(Fraction(1, 2), 1), step_sizes=(Fraction(1, 4), Fraction(1, 2), 1),
                       steps=4):
    """A small exact search: every (depth, scale, step) with init W_j = scale * I for all j (det W(0) > 0).

    Returns a list of (depth, scale, step, signs of det W along the trajectory), in the order searched.

    >>> [(d, str(a), str(e), s) for d, a, e, s in sign_change_search((3,), (1,), (1, "1/4"), 2)]
    [(3, '1', '1', (1, -1, 0)), (3, '1', '1/4', (1, 1, 1))]
    """
    out = []
    for depth in check_items("depths", depths, limit=MAX_DEPTH):
        for scale in check_items("scales", scales, limit=100):
            a = _rational("scale", scale)
            if a == 0:
                raise InvalidArgument("scale must be nonzero (det W(0) = scale^(2 depth) must be positive)")
            for eta in check_items("step_sizes", step_sizes, limit=100):
                t = gradient_descent_trajectory(depth, [((a, 0), (0, a))] * check_int("depth", depth, min_value=1),
                                                eta, steps)
                out.append((t.depth, a, t.step, t.signs))
    return out
