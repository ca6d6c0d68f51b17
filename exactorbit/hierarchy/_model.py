"""The model: parameters, seeded rules, the index <-> parse-tree bijection, inputs built and decoded.

Conventions (proofs/hierarchy.md):

* heights: the label is at height L, the input at height 0; a node at height h >= 1
  produces s informative children at height h - 1 by one of its m rules;
* ``rules[i]`` is used by the nodes at height L - i (``rules[0]``: the n_c classes);
  ``rules[i][a][r]`` is the r-th s-tuple of symbol a;
* the informative internal nodes form a full s-ary tree of N = (s^L - 1)/(s - 1)
  nodes, numbered breadth first from the root (node 0), left to right;
* a parse is (label, rule digits, placement digits), one digit pair per node;
* the input has d = (s(s0+1))^L symbols; the empty symbol is written ``v``;
* a node places its s children in its patch of s(s0+1) slots: sparsity A puts child j
  at slot j(s0+1) + o_j (o_j < s0+1), sparsity B at any s increasing slots;
* the index of a parse: label, then the nodes' digits r*P + p (P placements) breadth
  first, most significant first (for s0 = 0 this is the order of the official RHM code).
"""

from dataclasses import dataclass, field
from functools import cached_property
from itertools import combinations, product
import math
import random

from .._validation import check_int, describe
from ..errors import InvalidArgument

__all__ = ["HierarchyModel", "Parse", "SPARSITIES", "MAX_TUPLES"]

SPARSITIES = ("A", "B")
#: Most s-tuples v^s listed to draw the rules from (the official code lists them all too).
MAX_TUPLES = 1 << 20
#: Most placements of one node's children (they are listed).
MAX_PLACEMENTS = 1 << 16
#: Largest input length d handled (a v x d grid must fit exactorbit's 4096 pixels to be an image).
MAX_LENGTH = 4096


@dataclass(frozen=True)
class Parse:
    """A parse tree: the label, and per node (breadth first) its rule index and its placement index."""

    label: int
    rules: tuple
    placements: tuple


@dataclass(frozen=True)
class HierarchyModel:
    """The (sparse) random hierarchy model, with its rules drawn from ``seed``.

    ``v`` symbols per level, ``classes`` labels, ``m`` synonyms (rules) per symbol,
    tuples of ``s`` symbols, depth ``L``, ``s0`` empty symbols per informative one,
    ``sparsity`` "A" or "B" (the same model when s0 = 0: the RHM).

    >>> M = HierarchyModel(v=3, classes=2, m=3, s=2, L=2)
    >>> M.d, M.p_max, M.nodes
    (4, 54, 3)
    >>> HierarchyModel(3, 2, 3, 2, 2, s0=1, sparsity="B").p_max
    11664
    >>> HierarchyModel(v=2, classes=5, m=1, s=2, L=1)
    Traceback (most recent call last):
    ...
    exactorbit.errors.InvalidArgument: infeasible model: classes*m = 5*1 = 5 top rules need distinct s-tuples, but there are only v**s = 2**2 = 4
    """

    v: int
    classes: int
    m: int
    s: int
    L: int
    s0: int = 0
    sparsity: str = "A"
    seed: int = 0
    rules: tuple = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        for name, low in (("v", 1), ("classes", 1), ("m", 1), ("s", 2), ("L", 1), ("s0", 0), ("seed", 0)):
            object.__setattr__(self, name, check_int(name, getattr(self, name), min_value=low))
        if not isinstance(self.sparsity, str) or self.sparsity.upper() not in SPARSITIES:
            raise InvalidArgument(f"sparsity must be 'A' or 'B', got {describe(self.sparsity)}")
        object.__setattr__(self, "sparsity", self.sparsity.upper())
        v, s, m, nc = self.v, self.s, self.m, self.classes
        if v.bit_length() * s > 64 or v ** s > MAX_TUPLES:
            raise InvalidArgument(f"v**s = {v}**{s} s-tuples are too many to draw rules from "
                                  f"(at most {MAX_TUPLES}); take a smaller v or s")
        if nc * m > v ** s:
            raise InvalidArgument(f"infeasible model: classes*m = {nc}*{m} = {nc * m} top rules need distinct "
                                  f"s-tuples, but there are only v**s = {v}**{s} = {v ** s}")
        if self.L >= 2 and m > v ** (s - 1):
            raise InvalidArgument(f"infeasible model: m = {m} synonyms per symbol need v*m = {v * m} distinct "
                                  f"s-tuples per level, but there are only v**s = {v ** s} (m <= v**(s-1) = "
                                  f"{v ** (s - 1)} is needed when L >= 2)")
        patch = s * (self.s0 + 1)
        if patch.bit_length() * self.L > 64 or patch ** self.L > MAX_LENGTH:
            raise InvalidArgument(f"input length d = (s*(s0+1))**L = {patch}**{self.L} is over {MAX_LENGTH} "
                                  "symbols; take a smaller s, s0 or L")
        per = (self.s0 + 1) ** s if self.sparsity == "A" else math.comb(patch, s)
        if per > MAX_PLACEMENTS:
            raise InvalidArgument(f"a node has {per} placements of its children (over {MAX_PLACEMENTS}); take a "
                                  "smaller s or s0")
        object.__setattr__(self, "rules", draw_rules(v, nc, m, s, self.L, self.seed))

    # -- sizes ------------------------------------------------------------
    @property
    def patch(self):
        """Slots of one node's patch, s(s0+1)."""
        return self.s * (self.s0 + 1)

    @property
    def d(self):
        """Input length (s(s0+1))^L."""
        return self.patch ** self.L

    @property
    def nodes(self):
        """Informative internal nodes N = (s^L - 1)/(s - 1) (one rule and one placement each)."""
        return (self.s ** self.L - 1) // (self.s - 1)

    @property
    def empty(self):
        """The code of the empty symbol in sequences: v."""
        return self.v

    @cached_property
    def placements(self):
        """The placements of one node: tuples of the s slots its children take, in order.

        >>> HierarchyModel(3, 2, 3, 2, 2, s0=1).placements
        ((0, 2), (0, 3), (1, 2), (1, 3))
        """
        q = self.s0 + 1
        if self.sparsity == "A":
            return tuple(tuple(j * q + o for j, o in enumerate(offs)) for offs in product(range(q), repeat=self.s))
        return tuple(combinations(range(self.patch), self.s))

    @property
    def p_max(self):
        """Number of inputs by the formula n_c [m P]^((s^L-1)/(s-1)), P = (s0+1)^s (A) or C(s(s0+1), s) (B)."""
        per = (self.s0 + 1) ** self.s if self.sparsity == "A" else math.comb(self.patch, self.s)
        return self.classes * (self.m * per) ** self.nodes

    @property
    def grid(self):
        """The v x d grid of the inputs as images (an :class:`exactorbit.images.Grid`)."""
        from ..images import Grid

        return Grid(self.v, self.d)

    def parameters(self):
        """The parameters as a dict of ints and strings (JSON)."""
        return {"v": self.v, "classes": self.classes, "m": self.m, "s": self.s, "L": self.L, "s0": self.s0,
                "sparsity": self.sparsity, "seed": self.seed}

    # -- the bijection index <-> parse <-> sequence --------------------------
    def unrank(self, index):
        """The parse of input number ``index`` (0 <= index < p_max).

        >>> HierarchyModel(3, 2, 3, 2, 2).unrank(53)
        Parse(label=1, rules=(2, 2, 2), placements=(0, 0, 0))
        """
        index = check_int("index", index, min_value=0, max_value=self.p_max - 1)
        per = len(self.placements)
        digits = []
        for _ in range(self.nodes):
            index, dgt = divmod(index, self.m * per)
            digits.append(dgt)
        digits.reverse()
        return Parse(index, tuple(x // per for x in digits), tuple(x % per for x in digits))

    def rank(self, parse):
        """The index of a parse (inverse of :meth:`unrank`)."""
        per = len(self.placements)
        index = parse.label
        for r, p in zip(parse.rules, parse.placements):
            index = index * self.m * per + r * per + p
        return index

    def sequence(self, parse):
        """The input (a tuple of d symbols, v = empty) of a parse.

        >>> M = HierarchyModel(3, 2, 3, 2, 2, s0=1)
        >>> len(M.sequence(M.unrank(0)))
        16
        """
        if not isinstance(parse, Parse):
            raise InvalidArgument(f"parse must be a Parse, got {describe(parse)}")
        levels = self.levels(parse)
        return levels[0]

    def levels(self, parse):
        """The sequences at every height: ``levels(parse)[h]`` has (s(s0+1))^(L-h) symbols (h = L: the label)."""
        seq = [parse.label]
        out = {self.L: (parse.label,)}
        node = 0
        for level in range(self.L):
            new = [self.empty] * (len(seq) * self.patch)
            for pos, a in enumerate(seq):
                if a == self.empty and level > 0:
                    continue
                children = self.rules[level][a][parse.rules[node]]
                slots = self.placements[parse.placements[node]]
                for c, q in zip(children, slots):
                    new[pos * self.patch + q] = c
                node += 1
            seq = new
            out[self.L - level - 1] = tuple(seq)
        return [out[h] for h in range(self.L + 1)]

    @cached_property
    def inverse_rules(self):
        """Per level, the map s-tuple -> (symbol, rule index): it exists because the tuples are distinct."""
        out = []
        for level in self.rules:
            table = {}
            for a, tuples in enumerate(level):
                for r, t in enumerate(tuples):
                    if t in table:  # never: the rules are drawn without replacement
                        raise AssertionError(f"ambiguous rules: {t} twice")
                    table[t] = (a, r)
            out.append(table)
        return tuple(out)

    def decode(self, sequence):
        """The parse of an input (a sequence of d symbols, v = empty); InvalidArgument if it is not an input.

        >>> M = HierarchyModel(3, 2, 3, 2, 2, s0=1, sparsity="B")
        >>> M.decode(M.sequence(M.unrank(100))) == M.unrank(100)
        True
        """
        seq = _check_sequence(sequence, self)
        slot_index = {q: k for k, q in enumerate(self.placements)}
        per_level = []  # from the bottom: (rule, placement) of each informative node, left to right
        for level in reversed(range(self.L)):
            parent = []
            found = []
            for pos in range(len(seq) // self.patch):
                block = seq[pos * self.patch:(pos + 1) * self.patch]
                slots = tuple(q for q, a in enumerate(block) if a != self.empty)
                if not slots and level > 0:
                    parent.append(self.empty)
                    continue
                if slots not in slot_index:
                    raise InvalidArgument(f"not an input of the model: patch {pos} at height {self.L - level - 1} "
                                          f"has symbols at slots {list(slots)}, not a placement of sparsity "
                                          f"{self.sparsity}")
                t = tuple(block[q] for q in slots)
                if t not in self.inverse_rules[level]:
                    raise InvalidArgument(f"not an input of the model: the tuple {t} at height "
                                          f"{self.L - level - 1} is no rule of level {level}")
                a, r = self.inverse_rules[level][t]
                parent.append(a)
                found.append((r, slot_index[slots]))
            per_level.append(found)
            seq = parent
        rules, places = [], []
        for found in reversed(per_level):
            rules += [r for r, _ in found]
            places += [p for _, p in found]
        return Parse(seq[0], tuple(rules), tuple(places))


def _check_sequence(sequence, model):
    if isinstance(sequence, (str, bytes, dict)) or not hasattr(sequence, "__iter__") or getattr(sequence, "ndim", 1) != 1:
        raise InvalidArgument(f"sequence must be a list of {model.d} symbols 0..{model.v} ({model.v} = empty), "
                              f"got {describe(sequence)}")
    seq = list(sequence)
    if not all(type(a) is int and 0 <= a <= model.v for a in seq):  # the fast path, else the named error
        seq = [check_int("symbol", a, min_value=0, max_value=model.v) for a in seq]
    if len(seq) != model.d:
        raise InvalidArgument(f"sequence must have d = {model.d} symbols, got {len(seq)}")
    return seq


def draw_rules(v, classes, m, s, L, seed):
    """The rules, drawn exactly as the official ``sample_hierarchical_rules`` draws them.

    ``random.Random(seed)`` shuffles the list of all s-tuples (``itertools.product``
    order) at each level, top first, as ``random.seed(seed); random.shuffle`` does in
    the official code.  The symbols that occur at the level above (all n_c classes at
    the top), in increasing order, take consecutive blocks of m tuples, as there;
    the symbols that never occur (the official code draws nothing for them) take the
    next blocks, so that every symbol has rules and the inputs are the official ones.

    >>> draw_rules(2, 1, 1, 2, 1, seed=0)
    ((((1, 0),),),)
    """
    rng = random.Random(seed)
    out = []
    occurring = list(range(classes))
    for level in range(L):
        tuples = list(product(range(v), repeat=s))
        rng.shuffle(tuples)
        k = classes if level == 0 else v
        order = occurring + [a for a in range(k) if a not in set(occurring)]
        table = [None] * k
        for i, a in enumerate(order):
            table[a] = tuple(tuples[i * m:(i + 1) * m])
        out.append(tuple(table))
        occurring = sorted({c for a in occurring for t in table[a] for c in t})
    return tuple(out)
