"""Separation ranks of product-aggregation GNNs, exactly (proofs/interactions.md, "Separation rank").

sep(f; I) is the rank over Q of f's coefficient matrix (rows: monomials of X_I, columns:
monomials of X_{I^c}). Routes (``method=``):

- ``"coefficients"``: sympy expands f and ranks the coefficient matrix (the naive twin; tiny cases).
- ``"evaluation"``: f on the product of per-vertex unisolvent grids (vertex j: f is homogeneous of degree d_j
  in x^(j), so the points (1, p) with p in {0..d_j}^{D_x - 1} of total degree <= d_j, one per monomial); the
  matrix V_I K V_Ic^T has the coefficient matrix's rank.
  Rank mod a prime p < 2^31 (numpy int64) with the pivots of a nonzero minor (nonzero mod p, so
  nonzero over Z: rank >= r); upper bound by more primes until their product exceeds Hadamard's
  bound of every (r+1)-minor (then an (r+1)-minor that vanishes mod all of them is 0). ``exact=True``.
- ``"sampled"``: f on m x m random integer points, m doubled while the rank is m; the minor
  certifies rank >= r; equality holds with high probability (Schwartz-Zippel), ``exact=False``.
- ``"onehot"``: f on one-hot inputs: an exact rank of a submatrix, a lower bound only (``exact=False``).
- ``"auto"``: ``"evaluation"`` when its work is within the limit, else ``"sampled"``.

>>> m = ProductGNN("path:2", depth=1, width=2, in_dim=2, seed=3)
>>> r = separation_rank(m, [0])
>>> r.rank, r.method, r.exact
(2, 'evaluation', True)
>>> separation_rank(m, [0], method="coefficients").rank
2
>>> separation_rank_bound("path:2", 1, 2, [0])
512
"""

import itertools
import math
from dataclasses import dataclass, field, replace
from fractions import Fraction

import numpy as np

from .._budget import refuse_if_over, tuning
from .._routes import Ask, Door, Route, Step
from .._validation import check_int
from ..errors import InvalidArgument, TooExpensive
from ._gnn import MAX_DEPTH, MAX_WIDTH, ProductGNN
from ._graphs import parse_graph, parse_vertices

__all__ = ["SeparationRank", "separation_rank", "generic_separation_rank", "separation_rank_bound",
           "separation_rank_certificate", "unisolvent_points", "homogeneous_points", "integer_weights", "bareiss_rank", "METHODS", "DOOR",
           "LIMIT_KEY", "CERTIFICATE_KIND"]

#: The LIMITS key the separation-rank work is refused with (the lead may add a "seprank_work" entry).
LIMIT_KEY = "seprank_work"
CERTIFICATE_KIND = "separation_rank_lower_bound"
#: Random points of the sampled route are drawn from 0..SAMPLE_RANGE-1 (each coordinate).
SAMPLE_RANGE = 1 << 12
_PRIME0 = 2_147_483_629  # the largest prime below 2^31; products of two residues fit in int64
_CHUNK = 1 << 16


@dataclass(frozen=True)
class SeparationRank:
    """A separation rank: ``rank``, the ``method`` (route), ``exact`` (exact for these weights), ``generic``;
    ``rows``/``cols``: the points of X_I and X_{I^c} of an r x r minor that is nonzero (empty when the route
    gives none); ``cut``, ``target``, ``weights`` (ints); ``note``: one plain line.

    >>> r = separation_rank(ProductGNN("path:2", 1, 2, 2, seed=3), [0])
    >>> r.rank, len(r.rows), r.exact
    (2, 2, True)
    """

    rank: int
    method: str
    exact: bool
    cut: tuple
    target: object
    rows: tuple = ()
    cols: tuple = ()
    generic: bool = False
    note: str = ""
    weights: dict | None = field(default=None, repr=False, compare=False)
    model: object = field(default=None, repr=False, compare=False)

    @property
    def lower_bound_certificate(self):
        """The rows and columns (points) of the nonzero minor: ``{"rows": ..., "cols": ...}``.

        >>> separation_rank(ProductGNN("path:2", 1, 1, 2, seed=3), [0]).lower_bound_certificate
        {'rows': [[[1, 0]]], 'cols': [[[1, 0]]]}
        """
        return {"rows": [list(map(list, r)) for r in self.rows], "cols": [list(map(list, c)) for c in self.cols]}


# ----------------------------------------------------------------------------------------------------------
# small exact tools


def unisolvent_points(degree, dim):
    """All points of {0..degree}^dim with coordinate sum <= degree (unisolvent for total degree <= degree).

    >>> unisolvent_points(2, 2)
    [(0, 0), (0, 1), (0, 2), (1, 0), (1, 1), (2, 0)]
    """
    return [p for p in itertools.product(range(degree + 1), repeat=dim) if sum(p) <= degree]


def homogeneous_points(degree, dim):
    """Points unisolvent for the homogeneous polynomials of degree ``degree`` in ``dim`` variables: (1, p) for p
    in :func:`unisolvent_points` (degree, dim - 1), one point per monomial (proofs/interactions.md, Corollary 5).

    >>> homogeneous_points(2, 2)
    [(1, 0), (1, 1), (1, 2)]
    >>> len(homogeneous_points(27, 2)), len(unisolvent_points(27, 2))
    (28, 406)
    """
    return [(1,) + p for p in unisolvent_points(degree, dim - 1)]


def integer_weights(model):
    """The model's weights with each matrix scaled by the lcm of its denominators (f changes by a nonzero
    constant factor, so no rank changes): ``{"layers": ..., "output": ...}`` of ints.

    >>> integer_weights(ProductGNN("path:2", 1, 1, 1, weights={"layers": [[[Fraction(1, 2)]]], "output": [[3]]}))
    {'layers': [[[1]]], 'output': [[3]]}
    """
    def scaled(mat):
        den = math.lcm(*(Fraction(v).denominator for row in mat for v in row))
        return [[int(Fraction(v) * den) for v in row] for row in mat]

    w = model.weights()
    return {"layers": [scaled(m) for m in w["layers"]], "output": scaled(w["output"])}


def bareiss_rank(matrix):
    """Exact rank of an integer matrix (fraction-free Gaussian elimination over Z, Python ints), with the row
    and column indices of a nonzero minor of that size.

    >>> bareiss_rank([[1, 2], [2, 4], [0, 1]])
    (2, (0, 2), (0, 1))
    """
    rows = [list(map(int, r)) for r in matrix]
    order = list(range(len(rows)))
    ncols = len(rows[0]) if rows else 0
    r, prev, pcols = 0, 1, []
    for c in range(ncols):
        k = next((k for k in range(r, len(rows)) if rows[k][c]), None)
        if k is None:
            continue
        rows[r], rows[k] = rows[k], rows[r]
        order[r], order[k] = order[k], order[r]
        piv = rows[r][c]
        for k in range(r + 1, len(rows)):
            rows[k] = [(piv * rows[k][j] - rows[k][c] * rows[r][j]) // prev for j in range(ncols)]
        prev, r = piv, r + 1
        pcols.append(c)
    return r, tuple(sorted(order[:r])), tuple(pcols)


def bareiss_det(matrix):
    """The determinant of a square integer matrix, fraction-free (Python ints).

    >>> bareiss_det([[2, 1], [1, 3]])
    5
    """
    a = [list(map(int, r)) for r in matrix]
    n, sign, prev = len(a), 1, 1
    for c in range(n):
        k = next((k for k in range(c, n) if a[k][c]), None)
        if k is None:
            return 0
        if k != c:
            a[c], a[k], sign = a[k], a[c], -sign
        for i in range(c + 1, n):
            a[i] = [0] * (c + 1) + [(a[c][c] * a[i][j] - a[i][c] * a[c][j]) // prev for j in range(c + 1, n)]
        prev = a[c][c]
    return sign * a[n - 1][n - 1] if n else 1


def _is_prime(n):
    if n < 2 or n % 2 == 0:
        return n == 2
    d, s = n - 1, 0
    while d % 2 == 0:
        d, s = d // 2, s + 1
    for a in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37):  # deterministic below 3.3 * 10^24
        x = pow(a, d, n)
        if x in (1, n - 1) or a % n == 0:
            continue
        for _ in range(s - 1):
            x = x * x % n
            if x == n - 1:
                break
        else:
            return False
    return True


def _primes():
    p = _PRIME0
    while True:
        if _is_prime(p):
            yield p
        p -= 2


# ----------------------------------------------------------------------------------------------------------
# f mod p on many points at once (numpy int64, p < 2^31)


def _linear_mod(W, h, p):
    """W h mod p over the first axis: W (D_out x D_in) residues, h of shape (D_in, ...) residues."""
    out = h[0][None] * W[:, 0].reshape((-1,) + (1,) * (h.ndim - 1)) % p
    for k in range(1, h.shape[0]):
        out = (out + h[k][None] * W[:, k].reshape((-1,) + (1,) * (h.ndim - 1))) % p
    return out


def _block_mod(model, weights, cut, rest, target, a, b, p):
    """[f(row, col)] mod p for rows a (R, |I|, D_x) and cols b (C, |I^c|, D_x), residues. Every node value is an
    array (D, R, 1) when it depends on X_I alone, (D, 1, C) on X_{I^c} alone, (D, R, C) when mixed: a node whose
    inputs lie on one side costs R or C operations, not R C (numpy broadcasting does the bookkeeping)."""
    g = model.graph
    h = [None] * g.n
    for pos, j in enumerate(cut):
        h[j] = np.ascontiguousarray(a[:, pos, :].T)[:, :, None]
    for pos, j in enumerate(rest):
        h[j] = np.ascontiguousarray(b[:, pos, :].T)[:, None, :]
    for w in weights["layers"]:
        W = (np.array(w, dtype=object) % p).astype(np.int64)
        lin = [_linear_mod(W, hj, p) for hj in h]
        new = []
        for i in range(g.n):
            acc = lin[i]
            for j in g.neighbours[i]:
                acc = acc * lin[j] % p
            new.append(acc)
        h = new
    if target is None:
        prod = h[0]
        for i in range(1, g.n):
            prod = prod * h[i] % p
    else:
        prod = h[target]
    out = np.zeros(prod.shape[1:], dtype=np.int64)
    for k, c in enumerate(weights["output"][0]):
        out = (out + prod[k] * (c % p)) % p
    return np.broadcast_to(out, (a.shape[0], b.shape[0]))


def _matrix_mod(model, weights, cut, target, rows, cols, p):
    """The matrix [f(row a, col b)] mod p: rows are points of X_I, cols of X_{I^c} (arrays (R, |I|, D_x)),
    computed in blocks of rows."""
    rest = tuple(j for j in range(model.graph.n) if j not in cut)
    R, C = len(rows), len(cols)
    out = np.zeros((R, C), dtype=np.int64)
    step = max(1, _CHUNK // max(C, 1))
    cols = np.asarray(cols, dtype=np.int64) % p
    rows = np.asarray(rows, dtype=np.int64) % p
    for a0 in range(0, R, step):
        a1 = min(R, a0 + step)
        out[a0:a1] = _block_mod(model, weights, tuple(cut), rest, target, rows[a0:a1], cols, p)
    return out


def _flint():
    """python-flint's nmod_mat when it is installed (never a dependency), else None."""
    try:
        from flint import nmod_mat
    except ImportError:  # pragma: no cover - depends on the machine
        return None
    return nmod_mat


def _pivots_flint(nmod_mat, M, p):
    """Pivot columns of M's reduced row echelon form (python-flint), as a tuple."""
    red, r = nmod_mat(M.tolist(), p).rref()
    out, rows = [], red.tolist()
    for i in range(r):
        out.append(next(j for j, v in enumerate(rows[i]) if int(v)))
    return tuple(out)


def _rank_mod(M, p):
    """Rank of M mod p and the rows/cols of an r x r minor nonzero mod p: python-flint when installed and the
    matrix is large (pivot columns of M, then pivot columns of the transpose of those columns: r independent
    rows and r independent columns of a rank-r matrix meet in a nonsingular minor), else numpy."""
    nmod_mat = _flint()
    if nmod_mat is not None and min(M.shape) >= FLINT_FROM:
        cols = _pivots_flint(nmod_mat, M % p, p)
        rows = _pivots_flint(nmod_mat, np.ascontiguousarray((M[:, list(cols)] % p).T), p) if cols else ()
        return len(cols), tuple(sorted(rows)), cols
    return _rank_mod_numpy(M, p)


#: Smallest matrix side for which python-flint (when installed) does the modular elimination.
FLINT_FROM = 128


def _rank_mod_numpy(M, p):
    """Rank of M mod p (row echelon, numpy int64) and the rows/cols of an r x r minor nonzero mod p."""
    M = M % p
    R, C = M.shape
    perm, r, pcols = np.arange(R), 0, []
    for c in range(C):
        if r == R:
            break
        nz = np.flatnonzero(M[r:, c])
        if nz.size == 0:
            continue
        k = r + int(nz[0])
        M[[r, k]] = M[[k, r]]
        perm[[r, k]] = perm[[k, r]]
        inv = pow(int(M[r, c]), p - 2, p)
        M[r, c:] = M[r, c:] * inv % p
        M[r + 1:, c:] = (M[r + 1:, c:] - M[r + 1:, c, None] * M[r, None, c:]) % p
        pcols.append(c)
        r += 1
    return r, tuple(sorted(int(i) for i in perm[:r])), tuple(pcols)


# ----------------------------------------------------------------------------------------------------------
# the walk index (from _walks when it is there) and the theorem's bound


def _walk_index(graph, cut, depth, target):
    try:
        from ._walks import walk_index
    except ImportError:
        walk_index = None
    if walk_index is not None:
        return int(walk_index(graph, cut, depth, target=target))
    return _walk_index_local(graph, cut, depth, target)


def _walk_index_local(graph, cut, depth, target):
    """rho_{L-1}(C_I, V) (or rho_{L-1}(C_I, {t})), A = adjacency + I, C_I = vertices with a neighbour across."""
    side = set(cut)
    boundary = [i for i in range(graph.n) if any((j in side) != (i in side) for j in graph.neighbours[i])]
    vec = [1] * graph.n if target is None else [int(j == target) for j in range(graph.n)]
    for _ in range(depth - 1):
        vec = [vec[j] + sum(vec[k] for k in graph.neighbours[j]) for j in range(graph.n)]
    return sum(vec[i] for i in boundary)


def separation_rank_bound(graph, depth, width, cut, target=None):
    """The theorem's upper bound D_h^(4 WI + 1), WI the walk index at depth L (graph or vertex prediction).

    >>> separation_rank_bound("path:3", 2, 2, [0])      # WI = rho_1({0, 1}, V) = 2 + 3
    2097152
    >>> separation_rank_bound("path:3", 2, 2, [0, 1, 2])  # no boundary: D_h
    2
    """
    g = parse_graph(graph)
    depth = check_int("depth", depth, min_value=1, max_value=MAX_DEPTH)
    width = check_int("width", width, min_value=1, max_value=MAX_WIDTH)
    cut = parse_vertices(cut, g.n, "cut")
    if target is not None:
        target = check_int("target", target, min_value=0, max_value=g.n - 1)
    return width ** (4 * _walk_index(g, cut, depth, target) + 1)


# ----------------------------------------------------------------------------------------------------------
# the routes


def _prepare(model, cut, target):
    if not isinstance(model, ProductGNN):
        raise InvalidArgument(f"model must be a ProductGNN, got {type(model).__name__}")
    cut = parse_vertices(cut, model.graph.n, "cut")
    if target is not None:
        target = check_int("target", target, min_value=0, max_value=model.graph.n - 1)
    rest = tuple(j for j in range(model.graph.n) if j not in cut)
    return cut, rest, target


def _grid_points(model, side, target):
    """The product over the vertices of ``side`` of their unisolvent grids: an array (count, |side|, D_x)."""
    deg = model.degrees(target)
    per = [homogeneous_points(deg[j], model.in_dim) for j in side]
    pts = list(itertools.product(*per)) if side else [()]
    return np.array(pts, dtype=np.int64).reshape(len(pts), len(side), model.in_dim)


def _grid_size(model, side, target):
    deg = model.degrees(target)
    return math.prod(math.comb(deg[j] + model.in_dim - 1, model.in_dim - 1) for j in side)


def _eval_cost(model):
    return model.depth * (model.graph.n + 2 * len(model.graph.edges)) * model.width * (model.width + model.in_dim)


def _abs_bound(model, weights, target):
    """max |f| over the grids: f with |weights| at x^(j) = (e_j, ..., e_j), e_j = max(d_j, 1), the largest
    coordinate of vertex j's grid (every term is then >= 0)."""
    absw = {"layers": [[[abs(v) for v in r] for r in m] for m in weights["layers"]],
            "output": [[abs(v) for v in weights["output"][0]]]}
    deg = model.degrees(target)
    big = ProductGNN(model.graph, model.depth, model.width, model.in_dim, weights=absw)
    return abs(big([[max(d, 1)] * model.in_dim for d in deg], target=target))


def _points_tuple(arr):
    return tuple(tuple(tuple(int(c) for c in v) for v in pt) for pt in arr)


def _result(model, weights, cut, target, rank, method, exact, rows, cols, note):
    return SeparationRank(rank=rank, method=method, exact=exact, cut=cut, target=target, rows=_points_tuple(rows),
                          cols=_points_tuple(cols), note=note, weights=weights, model=model)


def _by_evaluation(model, cut, rest, target, limit, force):
    weights = integer_weights(model)
    R, C = _grid_size(model, cut, target), _grid_size(model, rest, target)
    refuse_if_over(f"the separation rank on the unisolvent grid ({R} x {C} evaluations)",
                   R * C * (_eval_cost(model) + min(R, C)), LIMIT_KEY, limit=limit, force=force,
                   hint="method='sampled' gives a certified lower bound from a few random points")
    rows, cols = _grid_points(model, cut, target), _grid_points(model, rest, target)
    primes, rank, prod = _primes(), 0, 1
    bound_sq = R * _abs_bound(model, weights, target) ** 2   # every column's squared norm is at most this
    best = None
    while True:
        p = next(primes)
        r, pr, pc = _rank_mod(_matrix_mod(model, weights, cut, target, rows, cols, p), p)
        if best is None or r > rank:
            rank, best = r, (pr, pc)
        prod *= p
        if prod * prod > bound_sq ** (rank + 1):  # Hadamard: |(r+1)-minor|^2 <= bound_sq^(r+1)
            break
        refuse_if_over("the primes of the exact upper bound", R * C * (_eval_cost(model) + rank) *
                       (1 + prod.bit_length() // 31), LIMIT_KEY, limit=limit, force=force)
    note = (f"exact: a minor of size {rank} is nonzero; every larger minor vanishes modulo primes whose product "
            f"exceeds Hadamard's bound")
    return _result(model, weights, cut, target, rank, "evaluation", True, rows[list(best[0])], cols[list(best[1])],
                   note)


def _by_sampling(model, cut, rest, target, limit, force, seed=0):
    weights = integer_weights(model)
    R, C = _grid_size(model, cut, target), _grid_size(model, rest, target)
    rng = np.random.default_rng(seed)
    m, done = min(16, R, C), 0
    rows = np.zeros((0, len(cut), model.in_dim), dtype=np.int64)
    cols = np.zeros((0, len(rest), model.in_dim), dtype=np.int64)
    M = np.zeros((0, 0), dtype=np.int64)
    while True:
        refuse_if_over(f"the separation rank on {m} x {m} random points", m * m * (_eval_cost(model) + m),
                       LIMIT_KEY, limit=limit, force=force)
        # the points grow nested: only the new rows and columns are evaluated
        rows = np.concatenate([rows, rng.integers(0, SAMPLE_RANGE, size=(m - done, len(cut), model.in_dim))])
        cols = np.concatenate([cols, rng.integers(0, SAMPLE_RANGE, size=(m - done, len(rest), model.in_dim))])
        grown = np.zeros((m, m), dtype=np.int64)
        grown[:done, :done] = M
        grown[:, done:] = _matrix_mod(model, weights, cut, target, rows, cols[done:], _PRIME0)
        grown[done:, :done] = _matrix_mod(model, weights, cut, target, rows[done:], cols[:done], _PRIME0)
        M, done = grown, m
        r = _rank_only(M, _PRIME0)
        if r < m or m >= min(R, C):
            break
        m = min(2 * m, R, C)
    # a full-rank square matrix is its own nonzero minor; otherwise the pivots of an elimination give one
    pr, pc = (tuple(range(m)), tuple(range(m))) if r == m else _rank_mod(M, _PRIME0)[1:]
    exact = r == min(R, C)  # the rank of the coefficient matrix is at most the number of monomials of a side
    note = (f"a certified lower bound (a nonzero {r} x {r} minor at random points); it equals the rank at these "
            f"weights with high probability" if not exact else "exact: the minor has the size of a full side")
    return _result(model, weights, cut, target, r, "sampled", exact, rows[list(pr)], cols[list(pc)], note)


def _rank_only(M, p):
    """The rank of M mod p (python-flint's rank when installed and M is large, else the numpy elimination)."""
    nmod_mat = _flint()
    if nmod_mat is not None and min(M.shape) >= FLINT_FROM:
        return nmod_mat(M.tolist(), p).rank()
    return _rank_mod_numpy(M, p)[0]


def _by_onehot(model, cut, rest, target, limit, force):
    weights = integer_weights(model)
    dx = model.in_dim
    refuse_if_over("the one-hot matrix", dx ** model.graph.n * _eval_cost(model), LIMIT_KEY, limit=limit, force=force)
    onehot = [tuple(int(k == e) for k in range(dx)) for e in range(dx)]
    rows = list(itertools.product(onehot, repeat=len(cut)))
    cols = list(itertools.product(onehot, repeat=len(rest)))
    exact_model = ProductGNN(model.graph, model.depth, model.width, dx, weights=weights)
    mat = [[exact_model(_assemble(model.graph.n, cut, a, rest, b), target=target) for b in cols] for a in rows]
    r, pr, pc = bareiss_rank(mat)
    return _result(model, weights, cut, target, r, "onehot", False, [rows[i] for i in pr], [cols[j] for j in pc],
                   "a lower bound: the rank on one-hot inputs only (f is not multilinear)")


def _assemble(n, cut, a, rest, b):
    x = [None] * n
    for j, v in zip(cut, a):
        x[j] = list(v)
    for j, v in zip(rest, b):
        x[j] = list(v)
    return x


def _by_coefficients(model, cut, rest, target, limit, force):
    """The naive twin: sympy expands f and ranks its coefficient matrix over Q."""
    import sympy

    refuse_if_over("the sympy expansion of f", _grid_size(model, range(model.graph.n), target) * _eval_cost(model),
                   LIMIT_KEY, limit=limit, force=force)
    n, dx = model.graph.n, model.in_dim
    xs = [[sympy.Symbol(f"x{i}_{k}") for k in range(dx)] for i in range(n)]
    gens = [s for row in xs for s in row]
    h = [[sympy.Poly(s, *gens) for s in row] for row in xs]
    for w in model.layers:
        lin = [[sum((sympy.Rational(c) * hk for c, hk in zip(wr, hj)), sympy.Poly(0, *gens)) for wr in w] for hj in h]
        h = []
        for i in range(n):
            acc = list(lin[i])
            for j in model.graph.neighbours[i]:
                acc = [a * b for a, b in zip(acc, lin[j])]
            h.append(acc)
    prod = h[target] if target is not None else [sympy.Poly(1, *gens)] * model.width
    if target is None:
        for hi in h:
            prod = [a * b for a, b in zip(prod, hi)]
    f = sum((sympy.Rational(c) * q for c, q in zip(model.output[0], prod)), sympy.Poly(0, *gens))
    left = [k for i in cut for k in range(i * dx, i * dx + dx)]
    right = [k for i in rest for k in range(i * dx, i * dx + dx)]
    terms = f.terms()
    rkeys = sorted({tuple(m[k] for k in left) for m, _ in terms})
    ckeys = sorted({tuple(m[k] for k in right) for m, _ in terms})
    mat = sympy.zeros(len(rkeys), len(ckeys))
    for m, c in terms:
        mat[rkeys.index(tuple(m[k] for k in left)), ckeys.index(tuple(m[k] for k in right))] = c
    rank = mat.rank() if terms else 0
    return SeparationRank(rank=int(rank), method="coefficients", exact=True, cut=cut, target=target,
                          note="exact: the rank over Q of the coefficient matrix (sympy)",
                          weights=model.weights(), model=model)


def _grid_work(ask):
    m = ask.model
    R, C = _grid_size(m, ask.cut, ask.target), _grid_size(m, ask.rest, ask.target)
    return R * C * (_eval_cost(m) + min(R, C))


def _grid_too_big(ask):
    work = _grid_work(ask)
    return None if work <= AUTO_GRID_WORK else f"the unisolvent grid needs about {work} units of work (tuning {AUTO_GRID_WORK})"


def _run(route):
    def run(ask):
        if route is _by_sampling:
            return route(ask.model, ask.cut, ask.rest, ask.target, ask.limit, ask.force, ask.seed)
        return route(ask.model, ask.cut, ask.rest, ask.target, ask.limit, ask.force)
    return run


#: Work (evaluations x cost) under which "auto" takes the exact grid route (proposed: TUNING["seprank_grid"]).
AUTO_GRID_WORK = tuning("seprank_grid")

#: The door of :func:`separation_rank`: its routes and its 'auto' ladder, as data.
DOOR = Door("separation_rank", [
    Route("evaluation", "f on the product of unisolvent grids; rank mod primes, a nonzero minor and Hadamard's bound "
          "(exact)", _run(_by_evaluation), estimate=lambda ask: f"{_grid_work(ask)} units of work"),
    Route("sampled", "f on m x m random points, m doubled while the rank is m (a certified lower bound)",
          _run(_by_sampling)),
    Route("coefficients", "sympy expands f and ranks its coefficient matrix (the naive twin)", _run(_by_coefficients)),
    Route("onehot", "f on one-hot inputs (a lower bound only)", _run(_by_onehot)),
], auto=[Step("evaluation", when=_grid_too_big, gives_up=(TooExpensive,)), Step("sampled")])

#: The routes of :func:`separation_rank`.
METHODS = DOOR.methods


def separation_rank(model, cut, target=None, method="auto", *, seed=0, force=False, limit=None):
    """sep(f; I) of a ProductGNN at its weights: a :class:`SeparationRank` (``rank``, ``method``, ``exact``, the
    points of a nonzero minor). ``method``: "auto", "evaluation", "sampled", "coefficients" or "onehot".

    >>> m = ProductGNN("path:2", depth=2, width=2, in_dim=2, seed=0)
    >>> [separation_rank(m, [0], method=k).rank for k in ("coefficients", "evaluation", "sampled", "onehot")]
    [5, 5, 5, 2]
    """
    DOOR.check(method)
    cut, rest, target = _prepare(model, cut, target)
    seed = check_int("seed", seed, min_value=0)
    result, _ = DOOR.run(Ask(model=model, cut=cut, rest=rest, target=target, seed=seed, force=force, limit=limit),
                         method)
    return result


def routes_for(model, cut, target=None, *, seed=0, force=False, limit=None):
    """Which routes of :func:`separation_rank` apply to this model and cut, their estimates, and which 'auto' takes.

    >>> routes_for(ProductGNN("path:2", depth=2, width=2, in_dim=2, seed=0), [0]).auto
    'evaluation'
    """
    cut, rest, target = _prepare(model, cut, target)
    seed = check_int("seed", seed, min_value=0)
    return DOOR.explain(Ask(model=model, cut=cut, rest=rest, target=target, seed=seed, force=force, limit=limit))


def generic_separation_rank(graph, depth, width, in_dim, cut, target=None, seed=0, tries=3, *, method="auto",
                            force=False, limit=None):
    """The generic separation rank (the maximum over weights), from random integer weights: new weights until
    the rank has not grown for ``tries`` draws in a row. A certified lower bound, attained by the weights
    shown (``result.weights``); it equals the generic rank with high probability. ``generic=True``;
    ``exact`` says whether the rank is exact at the weights shown.

    >>> r = generic_separation_rank("path:2", 2, 2, 2, [0])
    >>> r.rank, r.generic, r.exact, r.method
    (5, True, True, 'evaluation')
    """
    g = parse_graph(graph)
    tries = check_int("tries", tries, min_value=1, max_value=1000)
    seed = check_int("seed", seed, min_value=0)
    best, stale, k = None, 0, 0
    while stale < tries:
        model = ProductGNN(g, depth, width, in_dim, seed=seed + k)
        res = separation_rank(model, cut, target, method, seed=seed + k, force=force, limit=limit)
        if best is None or res.rank > best.rank:
            best, stale = res, 0
        else:
            stale += 1
        k += 1
    note = (f"generic: a certified lower bound attained by the weights shown (seed {seed + k - 1 - stale}); "
            f"no larger rank in {tries} further random draws, so it equals the generic rank with high probability")
    return replace(best, generic=True, note=note)


def separation_rank_certificate(result_or_model, cut=None, target=None, method="auto", *, seed=0, force=False,
                                limit=None):
    """A JSON-ready ``separation_rank_lower_bound`` certificate (proofs/certificates.md): the graph, the integer
    weights, the cut, the target, the points of a nonzero r x r minor, the claimed rank r.

    >>> doc = separation_rank_certificate(ProductGNN("path:2", 1, 1, 1, seed=0), [0])
    >>> doc["kind"], doc["claim"]
    ('separation_rank_lower_bound', {'rank': 1})
    """
    res = result_or_model
    if isinstance(res, ProductGNN):
        res = separation_rank(res, cut, target, method, seed=seed, force=force, limit=limit)
    if not isinstance(res, SeparationRank):
        raise InvalidArgument(f"result_or_model must be a SeparationRank or a ProductGNN, got {type(res).__name__}")
    if res.method == "coefficients" or (res.rank and not res.rows):
        res = separation_rank(res.model, res.cut, res.target, "auto", seed=seed, force=force, limit=limit)
    g, w = res.model.graph, res.weights
    return {
        "format": "exactorbit-certificate", "version": 1, "kind": CERTIFICATE_KIND,
        "input": {"grid": [1, g.n], "group": "none (the graph's vertices as a 1 x n grid)", "generators": [],
                  "graph": {"n": g.n, "edges": [list(e) for e in g.edges]},
                  "model": {"depth": res.model.depth, "width": res.model.width, "in_dim": res.model.in_dim,
                            "layers": w["layers"], "output": w["output"]},
                  "cut": list(res.cut), "target": res.target},
        "claim": {"rank": res.rank},
        "witness": res.lower_bound_certificate,
    }
