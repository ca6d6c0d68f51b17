"""The GNN with product aggregation of Razin, Verbin & Cohen (2023), evaluated exactly.

Depth L, width D_h, input dimension D_x, on a graph with a self-loop on every vertex (N(i)
includes i): h^(0,i) = x^(i); h^(l,i) = Hadamard product over j in N(i) of W^(l) h^(l-1,j);
graph prediction W^(o) (Hadamard product over all i of h^(L,i)); vertex prediction
W^(o) h^(L,t).  Weights are ints or Fractions (W^(1): D_h x D_x, W^(l): D_h x D_h, W^(o):
1 x D_h); values are exact (ints, or Fractions when a weight or an input is one).

f has degree d_j in x^(j): d_j = sum_i (A^L)_ij (graph prediction) or (A^L)_tj (vertex
prediction), A = adjacency + I (``degrees``; proofs/interactions.md).

>>> m = ProductGNN("path:2", depth=1, width=1, in_dim=1, weights={"layers": [[[2]]], "output": [[3]]})
>>> m([[1], [5]])          # 3 * (2*1 * 2*5) * (2*1 * 2*5)
1200
>>> m([[1], [5]], target=0)
60
>>> m.degrees(), m.degrees(target=0)
((2, 2), (1, 1))
"""

import random
from fractions import Fraction
from numbers import Rational

from .._validation import check_int, describe
from ..errors import InvalidArgument
from ._graphs import parse_graph

__all__ = ["ProductGNN", "MAX_WIDTH", "MAX_DEPTH", "MAX_IN_DIM", "WEIGHT_RANGE"]

#: Largest width, depth and input dimension a ProductGNN takes (exact work grows fast past them).
MAX_WIDTH = 64
MAX_DEPTH = 64
MAX_IN_DIM = 64
#: Random weights (``seed=``) are drawn uniformly from -WEIGHT_RANGE..WEIGHT_RANGE.
WEIGHT_RANGE = 9


def _number(value, where):
    if isinstance(value, bool) or not isinstance(value, Rational):
        raise InvalidArgument(f"{where} must be an int or a Fraction, got {describe(value)}")
    return value if isinstance(value, int) else Fraction(value)


def _matrix(value, rows, cols, where):
    if not isinstance(value, (list, tuple)) or len(value) != rows:
        raise InvalidArgument(f"{where} must be a {rows} x {cols} matrix (a list of {rows} rows), got {describe(value)}")
    out = []
    for r, row in enumerate(value):
        if not isinstance(row, (list, tuple)) or len(row) != cols:
            raise InvalidArgument(f"{where} row {r} must have {cols} entries, got {describe(row)}")
        out.append(tuple(_number(v, f"{where}[{r}][{c}]") for c, v in enumerate(row)))
    return tuple(out)


def _power_sums(graph, depth, target):
    """(A^depth)_{t,j} for every j, or the column sums sum_i (A^depth)_{i,j}; A = adjacency + I; Python ints."""
    vec = [1] * graph.n if target is None else [int(j == target) for j in range(graph.n)]
    for _ in range(depth):  # v <- v A (A symmetric)
        vec = [vec[j] + sum(vec[k] for k in graph.neighbours[j]) for j in range(graph.n)]
    return tuple(vec)


class ProductGNN:
    """A product-aggregation GNN with exact weights: ``model(x)`` (graph) or ``model(x, target=t)`` (vertex).

    ``weights``: ``{"layers": [W1, ..., WL], "output": Wo}`` (nested lists of ints or Fractions), or
    ``None`` with ``seed`` (random ints in -9..9; seed None is seed 0).

    >>> m = ProductGNN("path:3", depth=2, width=2, in_dim=1, seed=1)
    >>> m.degrees()
    (5, 7, 5)
    >>> m([[0], [0], [0]])
    0
    """

    def __init__(self, graph, depth, width, in_dim, weights=None, seed=None):
        self.graph = parse_graph(graph)
        self.depth = check_int("depth", depth, min_value=1, max_value=MAX_DEPTH)
        self.width = check_int("width", width, min_value=1, max_value=MAX_WIDTH)
        self.in_dim = check_int("in_dim", in_dim, min_value=1, max_value=MAX_IN_DIM)
        if weights is None:
            seed = 0 if seed is None else check_int("seed", seed, min_value=0)
            weights = self._random_weights(seed)
        elif seed is not None:
            raise InvalidArgument("give weights= or seed=, not both")
        if not isinstance(weights, dict) or set(weights) != {"layers", "output"}:
            raise InvalidArgument(f"weights must be a dict with the keys 'layers' and 'output', got {describe(weights)}")
        layers = weights["layers"]
        if not isinstance(layers, (list, tuple)) or len(layers) != self.depth:
            raise InvalidArgument(f"weights['layers'] must list {self.depth} matrices (one per layer), "
                                  f"got {describe(layers)}")
        self.layers = tuple(_matrix(w, self.width, self.in_dim if k == 0 else self.width, f"weights['layers'][{k}]")
                            for k, w in enumerate(layers))
        self.output = _matrix(weights["output"], 1, self.width, "weights['output']")

    def _random_weights(self, seed):
        rng = random.Random(seed)

        def mat(rows, cols):
            return [[rng.randint(-WEIGHT_RANGE, WEIGHT_RANGE) for _ in range(cols)] for _ in range(rows)]

        layers = [mat(self.width, self.in_dim if k == 0 else self.width) for k in range(self.depth)]
        return {"layers": layers, "output": mat(1, self.width)}

    def weights(self):
        """The weights as nested lists: ``{"layers": [...], "output": [[...]]}`` (ints or Fractions).

        >>> ProductGNN("path:2", 1, 1, 1, seed=0).weights()
        {'layers': [[[3]]], 'output': [[4]]}
        """
        return {"layers": [[list(r) for r in w] for w in self.layers], "output": [list(self.output[0])]}

    def _target(self, target):
        return None if target is None else check_int("target", target, min_value=0, max_value=self.graph.n - 1)

    def degrees(self, target=None):
        """The degree of f in each x^(j): sum_i (A^L)_ij (graph) or (A^L)_tj (vertex, ``target=t``).

        >>> ProductGNN("path:2", 2, 1, 1).degrees()
        (4, 4)
        """
        return _power_sums(self.graph, self.depth, self._target(target))

    def _inputs(self, x):
        g = self.graph
        if not isinstance(x, (list, tuple)) or len(x) != g.n:
            raise InvalidArgument(f"x must list {g.n} input vectors (one per vertex), got {describe(x)}")
        out = []
        for i, v in enumerate(x):
            if not isinstance(v, (list, tuple)) or len(v) != self.in_dim:
                raise InvalidArgument(f"x[{i}] must be a vector of {self.in_dim} numbers, got {describe(v)}")
            out.append(tuple(_number(c, f"x[{i}]") for c in v))
        return out

    def hidden(self, x):
        """h^(L,i) for every vertex i: a list of n tuples of D_h exact numbers.

        >>> ProductGNN("path:2", 1, 1, 1, weights={"layers": [[[2]]], "output": [[1]]}).hidden([[1], [3]])
        [(12,), (12,)]
        """
        h = self._inputs(x)
        for w in self.layers:
            lin = [tuple(sum(a * b for a, b in zip(row, hj)) for row in w) for hj in h]
            new = []
            for i in range(self.graph.n):
                acc = list(lin[i])
                for j in self.graph.neighbours[i]:
                    acc = [a * b for a, b in zip(acc, lin[j])]
                new.append(tuple(acc))
            h = new
        return h

    def __call__(self, x, target=None):
        """f(x): graph prediction, or vertex prediction at ``target``; exact.

        >>> m = ProductGNN("path:2", 1, 1, 1, weights={"layers": [[[Fraction(1, 2)]]], "output": [[1]]})
        >>> m([[1], [3]]), m([[1], [3]], target=1)
        (Fraction(9, 16), Fraction(3, 4))
        """
        target = self._target(target)
        h = self.hidden(x)
        if target is None:
            prod = [1] * self.width
            for hi in h:
                prod = [a * b for a, b in zip(prod, hi)]
        else:
            prod = h[target]
        return sum(a * b for a, b in zip(self.output[0], prod))

    def __repr__(self):
        return (f"ProductGNN({self.graph.name!r}, depth={self.depth}, width={self.width}, "
                f"in_dim={self.in_dim})")
