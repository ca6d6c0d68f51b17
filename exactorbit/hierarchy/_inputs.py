"""Every input of a model, with its label and parse: the vectorised route and the definitional one.

``vectorised``: all indices at once in numpy integer arrays (exact, no floats), the
sequences built level by level; ``unrank``: each index decoded into its parse and
built by :meth:`HierarchyModel.sequence`, one by one (the definitional twin).
"""

import numpy as np

from .._budget import LIMITS, refuse_if_over, refuse_if_over_memory
from .._validation import check_name, describe
from ..errors import InvalidArgument

__all__ = ["InputSet", "build_vectorised", "build_unrank", "limit_key", "guard"]


def limit_key():
    """The LIMITS key bounding enumerations: 'hierarchy_inputs' when the table has it, else 'orbit_points'."""
    return "hierarchy_inputs" if "hierarchy_inputs" in LIMITS else "orbit_points"


def guard(model, what, *, force=False, limit=None):
    """Refuse enumerating the model's P_max inputs past the limit (the estimate is the formula)."""
    refuse_if_over(f"{what} ({model.p_max} inputs by the formula)", model.p_max, limit_key(),
                   limit=limit, force=force)
    refuse_if_over_memory(f"{what}", model.p_max * (2 * model.d + 3 * model.nodes) * 8)


class InputSet:
    """Every input of a model, in index order (see :mod:`exactorbit.hierarchy._model`).

    ``levels[h]``: int array (P_max, (s(s0+1))^(L-h)) of the symbols at height h
    (``levels[0]`` the inputs, ``levels[L]`` the labels, v = empty);
    ``labels``, ``rule_digits`` and ``placement_digits`` (P_max x N, nodes breadth
    first); ``method``: the route that built it.
    """

    def __init__(self, model, levels, rule_digits, placement_digits, method):
        from ._model import HierarchyModel

        if not isinstance(model, HierarchyModel):
            raise InvalidArgument(f"model must be a HierarchyModel, got {describe(model)}")
        if not isinstance(levels, (list, tuple)) or len(levels) != model.L + 1:
            raise InvalidArgument(f"levels must be a list of L + 1 = {model.L + 1} int arrays, got {describe(levels)}")
        rows = None
        for name, arr, width in [*((f"levels[{h}]", a, model.d // (model.s * (model.s0 + 1)) ** h)
                                   for h, a in enumerate(levels)),
                                 ("rule_digits", rule_digits, model.nodes),
                                 ("placement_digits", placement_digits, model.nodes)]:
            if not (isinstance(arr, np.ndarray) and arr.ndim == 2 and arr.dtype.kind in "iu"):
                raise InvalidArgument(f"{name} must be a 2-d int array, got {describe(arr)}")
            if arr.shape[1] != width or arr.shape[0] != (arr.shape[0] if rows is None else rows):
                raise InvalidArgument(f"{name} must have shape (inputs, {width}) with one row per input, "
                                      f"got shape {arr.shape}")
            rows = arr.shape[0]
        method = check_name("method", method)
        self.model = model
        self.levels = levels
        self.rule_digits = rule_digits
        self.placement_digits = placement_digits
        self.method = method
        for arr in (*levels, rule_digits, placement_digits):
            arr.setflags(write=False)
        self._index = None

    @property
    def sequences(self):
        """The inputs: int array (P_max, d), v = empty."""
        return self.levels[0]

    @property
    def labels(self):
        """The labels: int array (P_max,)."""
        return self.levels[self.model.L][:, 0]

    def __len__(self):
        return len(self.labels)

    def parse(self, i):
        """The parse of input i (from the digits)."""
        from ._model import Parse

        return Parse(int(self.labels[i]), tuple(int(x) for x in self.rule_digits[i]),
                     tuple(int(x) for x in self.placement_digits[i]))

    def keys(self, array=None):
        """One bytes key per row of ``array`` (default: the inputs), for dictionary look-ups."""
        arr = np.ascontiguousarray(self.sequences if array is None else array, dtype=np.int16)
        return [row.tobytes() for row in arr]

    def index_of(self, sequence):
        """The index of an input given as a sequence, or None when it is not an input."""
        if self._index is None:
            self._index = {k: i for i, k in enumerate(self.keys())}
        key = np.asarray(sequence, dtype=np.int16).tobytes()
        return self._index.get(key)

    def lookup(self, array):
        """Indices of the rows of ``array`` among the inputs (-1 where a row is no input)."""
        if self._index is None:
            self._index = {k: i for i, k in enumerate(self.keys())}
        get = self._index.get
        return np.array([get(k, -1) for k in self.keys(array)], dtype=np.int64)

    def mask(self, i):
        """Input i as an image mask on the v x d grid: bit a*d + c is set when symbol a sits at column c."""
        d = self.model.d
        return sum(1 << (int(a) * d + c) for c, a in enumerate(self.sequences[i]) if a != self.model.empty)

    def masks(self):
        """Every input as a mask (a list of Python ints)."""
        return [self.mask(i) for i in range(len(self))]


def _digits(model, P):
    per = len(model.placements)
    radix = model.m * per
    rest = np.arange(P, dtype=np.int64)
    digits = np.empty((P, model.nodes), dtype=np.int64)
    for k in reversed(range(model.nodes)):
        digits[:, k] = rest % radix
        rest //= radix
    return rest, digits // per, digits % per


def build_vectorised(model):
    """The InputSet, all indices at once (numpy int64; exact)."""
    P = model.p_max
    labels, rule_d, place_d = _digits(model, P)
    offsets = np.array(model.placements, dtype=np.int64)  # (placements, s)
    seq = labels[:, None]
    levels = [seq]
    node = 0
    for level in range(model.L):
        count = model.s ** level
        table = np.array(model.rules[level], dtype=np.int64)  # (symbols, m, s)
        if level == 0:
            pos = np.zeros((P, 1), dtype=np.int64)
        else:
            pos = np.nonzero(seq != model.empty)[1].reshape(P, count)
        sym = np.take_along_axis(seq, pos, 1)
        children = table[sym, rule_d[:, node:node + count]]  # (P, count, s)
        slots = pos[:, :, None] * model.patch + offsets[place_d[:, node:node + count]]
        new = np.full((P, seq.shape[1] * model.patch), model.empty, dtype=np.int64)
        np.put_along_axis(new, slots.reshape(P, -1), children.reshape(P, -1), 1)
        seq = new
        levels.append(seq)
        node += count
    levels.reverse()
    return InputSet(model, levels, rule_d, place_d, "vectorised")


def build_unrank(model):
    """The InputSet, index by index through the parse (the definitional route)."""
    P = model.p_max
    per_level = [[] for _ in range(model.L + 1)]
    rules, places = [], []
    for i in range(P):
        parse = model.unrank(i)
        for h, seq in enumerate(model.levels(parse)):
            per_level[h].append(seq)
        rules.append(parse.rules)
        places.append(parse.placements)
    if P == 0:
        raise InvalidArgument("the model has no inputs")
    levels = [np.array(rows, dtype=np.int64) for rows in per_level]
    return InputSet(model, levels, np.array(rules, dtype=np.int64).reshape(P, -1),
                    np.array(places, dtype=np.int64).reshape(P, -1), "unrank")
