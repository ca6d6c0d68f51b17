"""Counting orbits of images and colourings without enumerating them: cycle index, Burnside, Polya.

Conventions: ``c(g)`` is the number of cycles of g on the pixels (fixed pixels
count as cycles of length 1).  A cycle type is a tuple ``((length, count), ...)``
sorted by length.  Burnside: #orbits = (1/|G|) sum_g 2^c(g), and with k colours
(1/|G|) sum_g k^c(g).  Polya: the number of orbits of images with w on-pixels is
the coefficient of t^w in (1/|G|) sum_g prod_cycles (1 + t^length); with k colours,
the number of orbits of colourings with colour content (n_0, ..., n_{k-1}) (n_i
pixels of colour i) is the coefficient of x_0^n_0 ... x_{k-1}^n_{k-1} in the cycle
index with p_l = x_0^l + ... + x_{k-1}^l.  A binary image is the 2-colouring whose
on-pixels have colour 1: weight w is content (n - w, w).

Everything starts from :func:`cycle_types` (the front door: ``method="auto"`` or a
named route), the number of elements of each cycle type; every function below takes
``method=`` and passes it on:

* ``"symmetric"``: S_n and A_n from the partitions of n, in closed form
  (:mod:`exactorbit.counting._symmetric`);
* ``"product"``: the translations of the h x w torus with affine maps (every named
  group with translations, and any presentation of such a group), in closed form per
  linear part (:mod:`exactorbit.counting._product`);
* ``"product_action"``: H x K permuting the rows by H and the columns by K (the
  rows x columns groups): a cycle of length a of H and one of length b of K make
  gcd(a, b) cycles of length lcm(a, b), so the counters of H and K (each by its own
  'auto' route) combine pair by pair (:mod:`exactorbit.counting._product_action`);
* ``"blocks"``: a group that preserves a block system (an imprimitive or intransitive
  group: wreath products, the transitive groups of GAP's library), coset by coset of the
  product D of the block groups, each coset a product over the cycles of blocks
  (:mod:`exactorbit.counting._blocks`);
* ``"fibres"``: an intransitive group (a subdirect product of its orbit actions), fibre by
  fibre over the action B on its orbit with the smallest action: one coset of the kernel per
  conjugacy class of B, its cycle types from the kernel's cyclic extensions (each by the
  door's own 'auto') by Moebius inversion over the divisors of the coset's order
  (:mod:`exactorbit.counting._fibres`);
* ``"classes"``: any group, from its conjugacy classes found by a seeded random search
  over the stabilizer chain with backtrack conjugacy tests and centralisers; exact, the
  class sizes must sum to |G| (:mod:`exactorbit._perm.classes`);
* ``"listing"``: every element listed as a numpy array (|G| x n), cycles labelled by
  pointer doubling, all elements at once (the definitional route).

'auto' takes "product", then "symmetric", then "product_action" when G = H x K on rows x
columns, then "listing" when the listing is small
(|G| x n <= 2,000,000 entries), else "blocks" when a block system cuts G into at most
``LIMITS["block_cosets"]`` cosets, else "fibres" for an intransitive group with an orbit
action of at most ``TUNING["fibre_action"]`` elements, else "classes" (and "listing" within
``LIMITS["group_elements"]`` if the class search gives up).  The routes and this ladder
are one table, :data:`DOOR`; :func:`routes_for` reads it for a group without counting.
Proofs: proofs/theorem2_burnside_polya.md, proofs/conjugacy_classes.md.

>>> from exactorbit.groups import named_group
>>> G = named_group("translations+dihedral", "3x3")
>>> burnside_count(G)
26
>>> orbits_by_weight(G)[4]
5
>>> burnside_count(G, 3)
438
>>> cycle_types(G).method
'product'
"""

from __future__ import annotations

from collections import Counter
import itertools
import math
from typing import TYPE_CHECKING

import numpy as np

from .._budget import check_force, limit_value, refuse_if_over, refuse_if_over_memory, tuning
from .._perm.cycles import fixed_by_weight as _fixed_by_weight, partition_count
from .._routes import Ask, Door, RoutedInt, RoutedList, Route, Step
from .._validation import check_int, describe
from ..errors import InvalidArgument, TooExpensive
from ..groups import check_group, cycle_lengths
from . import _blocks, _classes, _fibres, _listing, _product, _product_action, _symmetric

if TYPE_CHECKING:
    from collections.abc import Sequence

    import sympy

    from .._routes import RouteTable
    from ..groups import PixelGroup

__all__ = [
    "METHODS",
    "CycleTypes",
    "cycle_types",
    "cycle_index",
    "cycle_index_terms",
    "cycle_index_text",
    "burnside_count",
    "orbits_by_content",
    "orbits_by_weight",
    "orbits_by_weight_polynomial",
    "count_cycles",
    "fixed_by_weight",
    "routes_for",
]

def count_cycles(g: Sequence[int]) -> int:
    """Number of cycles of one permutation (array form), fixed points included.

    >>> count_cycles((1, 0, 2))
    2
    """
    return len(cycle_lengths(g))


#: The routes of :func:`cycle_types` (and of every count built on it).
METHODS = ("auto", "listing", "symmetric", "product", "product_action", "blocks", "fibres", "classes")  # == DOOR.methods

class CycleTypes(Counter):
    """A Counter cycle type -> number of elements that records the route that computed it (``.method``).

    >>> from exactorbit.groups import translations
    >>> c = cycle_types(translations("1x4"))
    >>> c == Counter({((1, 4),): 1, ((2, 2),): 1, ((4, 1),): 2}), c.method
    (True, 'product')
    """

    def __init__(self, counts: dict[tuple[tuple[int, int], ...], int] | None = None, method: str | None = None) -> None:
        if counts is not None and not isinstance(counts, dict):
            raise InvalidArgument(f"counts must be a dict cycle type -> number of elements, got {describe(counts)}")
        if method is not None and not isinstance(method, str):
            raise InvalidArgument(f"method must be a str naming the route, got {describe(method)}")
        super().__init__(counts or {})
        self.method = method

    def __reduce__(self):
        return (type(self), (dict(self), self.method))


def _make_ask(group, method, force, limit):
    ask = Ask(group=group, method=method, force=force, limit=limit, cycle_types=cycle_types)
    ask.hint = lambda: DOOR.hint(ask)
    return ask


#: The routes of :func:`cycle_types` and its 'auto' ladder, as data (``exactorbit.routes("cycle_types", G)``).
DOOR = Door("cycle_types", [
    Route("listing", "every element listed (|G| x n), cycle types by pointer doubling", _listing.run,
          estimate=lambda ask: f"{_listing.estimate(ask)} entries (|G| x n)", quick=False),
    Route("symmetric", "S_n and A_n from the partitions of n (closed form)", _symmetric.run,
          applies=_symmetric.why_not, estimate=lambda ask: f"{partition_count(ask.group.n)} terms (partitions)",
          note="closed form"),
    Route("product", "T x| P on the torus, one element per coset of Im(A - 1) (closed form)", _product.run,
          applies=_product.why_not,
          estimate=lambda ask: f"{len(ask.group.torus_structure.linear)} linear parts x {ask.group.n} pixels",
          note="closed form"),
    Route("product_action", "H x K on rows x columns, the factors' cycle types combined", _product_action.run,
          applies=_product_action.why_not, note="the rows' and columns' groups combined"),
    Route("blocks", "a block system: coset by coset of the block groups' product", _blocks.run,
          applies=_blocks.why_not, estimate=_blocks.estimate, quick=False),
    Route("fibres", "an intransitive group fibre by fibre over its smallest orbit action (kernel cosets)",
          _fibres.run, applies=_fibres.why_not, quick=False),
    Route("classes", "conjugacy classes by a seeded random search with backtrack tests", _classes.run, quick=False),
], auto=[
    Step("product"),
    Step("symmetric"),
    Step("product_action"),
    Step("listing", when=lambda ask: _listing_is_fast(ask)),
    Step("blocks", when=_blocks.within_bound, gives_up=(TooExpensive,)),  # products past their budget
    Step("fibres", gives_up=(TooExpensive,)),  # a kernel's or an extension's types refused: the class search
    Step("classes", gives_up=(_classes.ClassSearchIncomplete,)),  # the search past its budget
    Step("listing"),
])


def _listing_is_fast(ask):
    """'auto' lists a group with |G| x n within TUNING["listing_fast"] (and the listing's limit)."""
    bound = min(tuning("listing_fast"), limit_value("group_elements", ask.limit))
    entries = ask.group.order() * ask.group.n
    return None if entries <= bound else f"|G| x n = {entries} entries, over {bound}"


def routes_for(group: PixelGroup, *, method: str = "auto", force: bool = False, limit: int | None = None) -> RouteTable:
    """Which routes of :func:`cycle_types` apply to ``group``, why the others do not, their estimates, and which
    'auto' takes (a :class:`~exactorbit._routes.RouteTable`; ``print`` it).

    >>> from exactorbit.groups import named_group
    >>> table = routes_for(named_group("translations+dihedral", "4x4"))
    >>> table.auto, table.applicable()
    ('product', ['listing', 'product', 'blocks', 'classes'])
    """
    group = check_group(group)
    check_force(force)
    limit_value("group_elements", limit)   # checked here: the table reads it
    return DOOR.explain(_make_ask(group, DOOR.check(method), force, limit))


def cycle_types(group: PixelGroup, *, method: str = "auto", force: bool = False, limit: int | None = None
                ) -> CycleTypes:
    """Counter mapping each cycle type ``((length, count), ...)`` to its number of elements (a :class:`CycleTypes`).

    ``method``: ``"auto"``, ``"listing"``, ``"symmetric"``, ``"product"``,
    ``"product_action"``, ``"blocks"``, ``"fibres"`` or ``"classes"`` (see the module's help); every route gives the same Counter, and
    ``.method`` says which ran.  ``limit`` bounds the listing
    (``LIMITS["group_elements"]``), the symmetric route's partitions
    (``LIMITS["symmetric_partitions"]``), the pairs of factor cycle types the
    product-action route combines (``LIMITS["product_action_pairs"]``) and the cosets
    the block route lists (``LIMITS["block_cosets"]``) and the backtrack node-pixels of the class
    search (``LIMITS["class_search"]``) when that route is named; 'auto'
    passes it to the listing only and keeps the default bounds for the other routes.
    ``force`` lifts them.  A named route that cannot apply says so at once, with the route
    that does (InvalidArgument); one that would cost too much is estimated first and
    refused (TooExpensive): S_n and A_n have no block system, and their class search
    is refused from the number of partitions of n before any stabilizer chain is built.
    :func:`routes_for` tells which routes apply and which 'auto' takes.

    >>> from exactorbit.groups import translations, from_generators
    >>> sorted(cycle_types(translations("1x4")).items())
    [(((1, 4),), 1), (((2, 2),), 1), (((4, 1),), 2)]
    >>> G = from_generators("1x4", "(0 1 2 3);(0 2)")   # the square's symmetries on its corners
    >>> cycle_types(G, method="classes") == cycle_types(G, method="listing")
    True
    >>> cycle_types(G, method="blocks") == cycle_types(G, method="listing")   # blocks: the two diagonals
    True
    """
    group = check_group(group)
    return _cycle_types(_make_ask(group, DOOR.check(method), force, limit))


def _cycle_types(ask):
    counts, route = DOOR.run(ask, ask.method)
    return CycleTypes(counts, route)


def _symmetric_shortcut(ask):
    """Whether the counts are the closed forms of S_n: the route taken is 'symmetric' and G is S_n itself."""
    return DOOR.choose(ask, ask.method).name == "symmetric" and ask.group.is_symmetric


def _order_of(types):
    """|G|: the counts of every route sum to it."""
    return sum(types.values())


def cycle_index(group: PixelGroup, *, method: str = "auto", force: bool = False, limit: int | None = None
                ) -> sympy.Expr:
    """The cycle index Z(G) = (1/|G|) sum_g prod_i a_i^{c_i(g)} as a sympy expression.

    >>> from exactorbit.groups import reflections
    >>> cycle_index(reflections("1x2"))
    a1**2/2 + a2/2
    """
    import sympy  # imported on first use (0.4 s): only the symbolic cycle index needs it

    group = check_group(group)
    types = cycle_types(group, method=method, force=force, limit=limit)
    order = _order_of(types)
    symbols: dict[int, sympy.Symbol] = {}
    terms = []
    for ctype, k in types.items():
        factors = []
        for length, count in ctype:
            a = symbols.get(length)
            if a is None:
                a = symbols[length] = sympy.Symbol(f"a{length}")
            factors.append(a**count)
        terms.append(sympy.Mul(sympy.Rational(k, order), *factors))
    # one Add of all the terms (adding them one by one is quadratic in sympy); the terms are distinct
    # monomials with rational coefficients, so the sum is already expanded (sympy.expand would only re-walk it)
    return sympy.Add(*terms)


def cycle_index_terms(group: PixelGroup, *, method: str = "auto", force: bool = False, limit: int | None = None
                      ) -> list[tuple[int, tuple[tuple[int, int], ...]]]:
    """The terms of the cycle index as ``[(count, cycle_type), ...]``: ``count`` elements of each cycle type.

    Z(G) = (1/|G|) sum of count * prod_{(length, m) in cycle_type} p_length^m.  The
    order is fixed: by number of cycles, most first (the identity leads), then by
    cycle type.  The counts sum to |G|.

    >>> from exactorbit.groups import named_group
    >>> cycle_index_terms(named_group("translations+reflections", "1x4"))   # the square's symmetries on 4 beads
    [(1, ((1, 4),)), (2, ((1, 2), (2, 1))), (3, ((2, 2),)), (2, ((4, 1),))]
    """
    group = check_group(group)
    types = cycle_types(group, method=method, force=force, limit=limit)
    ordered = sorted(types, key=lambda ctype: (-sum(m for _, m in ctype), ctype))
    return RoutedList([(types[ctype], ctype) for ctype in ordered], types.method)


def _monomial_text(ctype):
    return " ".join(f"p{length}" if m == 1 else f"p{length}^{m}" for length, m in ctype)


def cycle_index_text(group: PixelGroup, *, method: str = "auto", force: bool = False, limit: int | None = None
                     ) -> str:
    """The cycle index as readable, exact text: ``(1/|G|) (count p_l^m ... + ...)``.

    p_l stands for a cycle of length l (the power sum x_0^l + ... + x_{k-1}^l of
    Polya's theorem; ``a_l`` in the sympy expression of :func:`cycle_index`).  The
    coefficients are the numbers of elements of each cycle type, not reduced; the
    terms come in the order of :func:`cycle_index_terms`.

    >>> from exactorbit.groups import named_group
    >>> cycle_index_text(named_group("translations+reflections", "1x4"))
    '(1/8) (p1^4 + 2 p1^2 p2 + 3 p2^2 + 2 p4)'
    >>> cycle_index_text(named_group("trivial", "1x1"))
    '(1/1) (p1)'
    """
    group = check_group(group)
    terms = cycle_index_terms(group, method=method, force=force, limit=limit)
    body = " + ".join(_monomial_text(ctype) if count == 1 else f"{count} {_monomial_text(ctype)}"
                      for count, ctype in terms)
    return f"(1/{sum(count for count, _ in terms)}) ({body})"


def _check_colors(colors):
    return check_int("colors", colors, min_value=1)


def _power_work(exponents, bits):
    """Estimated word operations of raising a ``bits``-bit number to each exponent (Karatsuba, 64-bit words)."""
    return sum(int((e * bits // 64 + 1) ** 1.585) for e in set(exponents))


def burnside_count(group: PixelGroup, colors: int = 2, *, method: str = "auto", force: bool = False,
                   limit: int | None = None) -> int:
    """Number of orbits of the colourings of the pixels with ``colors`` colours: (1/|G|) sum_g colors^c(g).

    An exact int.  With ``colors=2`` (the default) these are the 2^n binary images.
    ``limit`` bounds the listing of the group (``LIMITS["group_elements"]``); the
    big-number arithmetic for a huge ``colors`` is bounded by
    ``LIMITS["counting_work"]`` (word operations), and both are lifted by ``force``.
    With two colours on at most ``TUNING["generators_pixels"]`` pixels, when every cycle-type route
    refuses (an intransitive group whose orbit actions do not split, say), 'auto' counts the orbits of the
    2^n images by union-find over the generators (``method`` ``'generators'``).

    >>> from exactorbit.groups import dihedral, named_group
    >>> [burnside_count(dihedral(f"{k}x{k}")) for k in (1, 2, 3, 4)]  # OEIS A054247
    [2, 6, 102, 8548]
    >>> [burnside_count(named_group("translations", f"1x{n}"), 3) for n in (1, 2, 3, 4, 5, 6)]  # OEIS A001867
    [3, 6, 11, 24, 51, 130]
    """
    group = check_group(group)
    colors = _check_colors(colors)
    n = group.n
    what = f"the Burnside sum for {colors if colors < 10**12 else 'a huge number of'} colours on {n} pixels"
    # the identity alone (n cycles) costs colors**n: refused before the group is listed
    refuse_if_over(what, _power_work([n], colors.bit_length()), "counting_work", force=force)
    ask = _make_ask(group, DOOR.check(method), force, limit)
    if _symmetric_shortcut(ask):  # the orbits are the colour contents: multisets of n colours
        return RoutedInt(math.comb(n + colors - 1, n), "symmetric")
    try:
        types = _cycle_types(ask)
    except TooExpensive:
        if colors != 2 or not DOOR.is_auto(method) or n > tuning("generators_pixels"):
            raise
        # every cycle-type route refused (a subdirect product, say): on a small grid the 2^n images are
        # counted by union-find over the generators, whatever |G| (decompose's generators route)
        from ..orbits import decompose

        return RoutedInt(decompose(group, method="generators", force=force, progress=False).orbits, "generators")
    cycles = {ctype: sum(c for _, c in ctype) for ctype in types}
    refuse_if_over(what, _power_work(cycles.values(), colors.bit_length()), "counting_work", force=force)
    powers = {c: colors**c for c in set(cycles.values())}
    total = sum(k * powers[cycles[ctype]] for ctype, k in types.items())
    q, r = divmod(total, _order_of(types))
    if r:  # pragma: no cover - Burnside's lemma guarantees divisibility
        raise AssertionError("Burnside sum not divisible by |G|")
    return RoutedInt(q, types.method)


def fixed_by_weight(g: Sequence[int]) -> list[int]:
    """Entry k: the number of images of weight k fixed by g (prod over its cycles of (1 + t^length)).

    >>> fixed_by_weight((1, 0, 2))   # fixed: {}, {2}, {0,1}, {0,1,2}
    [1, 1, 1, 1]
    """
    return _fixed_by_weight(sorted(Counter(cycle_lengths(g)).items()), len(g))


def orbits_by_weight(group: PixelGroup, *, method: str = "auto", force: bool = False, limit: int | None = None
                     ) -> list[int]:
    """List whose entry k is the number of orbits of images with k on-pixels (Polya).

    >>> from exactorbit.groups import translations
    >>> orbits_by_weight(translations("1x4"))  # necklaces of 4 beads by weight
    [1, 1, 2, 1, 1]
    """
    group = check_group(group)
    n = group.n
    ask = _make_ask(group, DOOR.check(method), force, limit)
    if _symmetric_shortcut(ask):
        return RoutedList([1] * (n + 1), "symmetric")
    total = [0] * (n + 1)
    types = _cycle_types(ask)
    for ctype, k in types.items():
        for i, c in enumerate(_fixed_by_weight(ctype, n)):
            total[i] += k * c
    order = _order_of(types)
    out = []
    for c in total:
        q, r = divmod(c, order)
        if r:  # pragma: no cover
            raise AssertionError("Polya sum not divisible by |G|")
        out.append(q)
    return RoutedList(out, types.method)


def orbits_by_weight_polynomial(group: PixelGroup, *, method: str = "auto", force: bool = False,
                                limit: int | None = None) -> sympy.Poly:
    """The Polya generating polynomial sum_k (#orbits of weight k) t^k as a sympy Poly in t.

    >>> from exactorbit.groups import translations
    >>> orbits_by_weight_polynomial(translations("1x3")).as_expr()
    t**3 + t**2 + t + 1
    """
    group = check_group(group)
    import sympy

    t = sympy.Symbol("t")
    return sympy.Poly(list(reversed(orbits_by_weight(group, method=method, force=force, limit=limit))), t)


def _compositions(total, parts):
    """Every tuple of ``parts`` non-negative ints summing to ``total``, in lexicographic order (stars and bars).

    >>> list(_compositions(2, 2))
    [(0, 2), (1, 1), (2, 0)]
    """
    for bars in itertools.combinations(range(total + parts - 1), parts - 1):
        yield tuple(b - a - 1 for a, b in zip((-1, *bars), (*bars, total + parts - 1)))


def _contents_at_least(n, colors, cap):
    """The number C(n + k - 1, k - 1) of colour contents, or a lower bound of it once it passes ``cap``.

    C(N, i) with N = n + k - 1 grows with i up to min(n, k - 1) <= N/2, so a partial
    product past ``cap`` is a lower bound over ``cap``, found in a few steps even for a huge k.
    """
    top, value = n + colors - 1, 1
    for i in range(1, min(n, colors - 1) + 1):
        value = value * (top - i + 1) // i
        if value > cap:
            return value
    return value


def _sorted_contents(d, r):
    """Every weakly decreasing r-tuple of non-negative ints summing to d (partitions of d into at most r parts).

    >>> _sorted_contents(3, 2)
    [(2, 1), (3, 0)]
    """
    out = []

    def rec(left, parts, top, prefix):
        if parts == 1:
            if left <= top:
                out.append(prefix + (left,))
            return
        for first in range(-(-left // parts), min(left, top) + 1):  # first >= the average of the rest
            rec(left - first, parts - 1, first, prefix + (first,))

    rec(d, r, d, ())
    return out


def _sorted_content_count(d, r):
    """len(_sorted_contents(d, r)): partitions of d into at most r parts, by the recurrence p(d, r) = p(d, r-1) + p(d-r, r).

    >>> _sorted_content_count(64, 5), len(_sorted_contents(64, 5))
    (9027, 9027)
    """
    row = [1] + [0] * d  # r = 0
    for parts in range(1, r + 1):
        for m in range(parts, d + 1):
            row[m] += row[m - parts]
    return row[d]


class _SymmetricExpansion:
    """Products of power sums p_l = x_0^l + ... + x_{r-1}^l, held in the monomial basis of symmetric polynomials.

    Every product of power sums is symmetric in the x_i, so its coefficient at x^c
    depends only on the sorted content c: a polynomial of degree d is the vector of
    its coefficients at the partitions of d into at most r parts (:func:`_sorted_contents`).
    Multiplying by p_l: the coefficient at mu is the sum, over the parts i with mu_i >= l,
    of the coefficient at sort(mu - l e_i) (the monomial x^mu comes from x^(mu - l e_i) x_i^l).
    Exact: Python ints in numpy object arrays; the index maps of each step (d, l) are built once.
    """

    def __init__(self, r):
        self.r = r
        self.parts = {}
        self.index = {}
        self.steps = {}

    def contents(self, d):
        found = self.parts.get(d)
        if found is None:
            found = self.parts[d] = _sorted_contents(d, self.r)
            self.index[d] = {c: i for i, c in enumerate(found)}
        return found

    def step(self, d, l):
        """[(targets, sources), ...] per part i: the index maps of the multiplication by p_l from degree d."""
        maps = self.steps.get((d, l))
        if maps is None:
            base = d + l + 1  # every part is at most d + l: rows coded in this base sort as the tuples do
            radix = base ** np.arange(self.r - 1, -1, -1, dtype=object)
            small = base ** self.r < 2**62
            if small:
                radix = radix.astype(np.int64)
            source = np.array(self.contents(d), dtype=np.int64).reshape(-1, self.r)
            codes = source.dot(radix) if small else np.array([int(v) for v in source.dot(radix)], dtype=object)
            by_code = np.argsort(codes)
            target = np.array(self.contents(d + l), dtype=np.int64).reshape(-1, self.r)
            maps = []
            for i in range(self.r):
                tg = np.flatnonzero(target[:, i] >= l)
                if not len(tg):
                    continue
                nu = target[tg]
                nu[:, i] -= l
                nu = -np.sort(-nu, axis=1)
                want = nu.dot(radix)
                pos = np.searchsorted(codes[by_code], want)
                maps.append((tg, by_code[pos]))
            self.steps[(d, l)] = maps
        return maps

    def times_power_sum(self, vector, d, l):
        """The vector of degree d times p_l (degree d + l)."""
        out = np.zeros(len(self.contents(d + l)), dtype=object)
        out[:] = 0
        for tg, src in self.step(d, l):
            out[tg] += vector[src]
        return out


def _content_plan(types, n, colors):
    """Estimated work of :func:`orbits_by_content`: one unit per content of the answer, plus, per cycle type, one
    multiplication by p_l per cycle, each about (partitions of its degree into at most r parts) x r additions,
    r = min(colors, n) (bounded by the last degree, n)."""
    r = min(colors, n)
    states = _sorted_content_count(n, r)
    cycles = sum(sum(m for _, m in ctype) for ctype in types)
    return cycles * states * r + states


def orbits_by_content(group: PixelGroup, colors: int = 2, *, method: str = "auto", force: bool = False,
                      limit: int | None = None) -> dict[tuple[int, ...], int]:
    """Polya's refinement: the number of orbits of colourings with each colour content, exactly.

    Returns a dict ``{(n_0, ..., n_{k-1}): orbits}`` over every content (n_i pixels of
    colour i, summing to n; every content has at least one orbit), in lexicographic
    order of the contents.  Computed from the cycle index with p_l = x_0^l + ... + x_{k-1}^l,
    no enumeration; the values sum to ``burnside_count(group, colors)`` and, for
    ``colors=2``, the orbits of weight w are at content (n - w, w).

    Refuses (TooExpensive) when the estimated work (at least one unit per content:
    C(n + k - 1, k - 1) of them) exceeds ``limit`` (default ``LIMITS["counting_work"]``),
    unless ``force``; the listing of the group is bounded by ``LIMITS["group_elements"]``.

    >>> from exactorbit.groups import named_group
    >>> by_content = orbits_by_content(named_group("translations", "1x3"), 3)   # necklaces: 3 beads, 3 colours
    >>> by_content[(1, 1, 1)], by_content[(2, 1, 0)], len(by_content), sum(by_content.values())
    (2, 1, 10, 11)
    """
    group = check_group(group)
    colors = _check_colors(colors)
    n = group.n
    shown = colors if colors < 10**12 else "a huge number of"
    what = f"Polya's count by colour content ({shown} colours on {n} pixels)"
    bound = limit_value("counting_work", limit)
    contents = _contents_at_least(n, colors, max(bound, 1 << 40))
    # every content is a key of the answer: at least one unit of work each, and its memory
    refuse_if_over(f"{what}: one term per content", contents, "counting_work", limit=limit, force=force)
    refuse_if_over_memory(f"{what}: one term per content", contents * (500 + 8 * colors))
    ask = _make_ask(group, DOOR.check(method), force, None)
    if _symmetric_shortcut(ask):  # the orbits are the contents themselves
        return {content: 1 for content in _compositions(n, colors)}
    types = _cycle_types(ask)
    refuse_if_over(f"{what}: the expansion of {len(types)} cycle types", _content_plan(types, n, colors),
                   "counting_work", limit=limit, force=force)
    r = min(colors, n)
    expansion = _SymmetricExpansion(r)
    total = np.zeros(len(expansion.contents(n)), dtype=object)
    total[:] = 0
    for ctype, k in types.items():
        vector, d = np.array([1], dtype=object), 0
        for length, m in sorted(ctype, reverse=True):  # long cycles first: few partitions while the degree is low
            for _ in range(m):
                vector = expansion.times_power_sum(vector, d, length)
                d += length
        total += k * vector
    order = _order_of(types)
    sums = {key: total[i] for i, key in enumerate(expansion.contents(n))}
    for key, value in sums.items():
        q, rem = divmod(value, order)
        if rem:  # pragma: no cover - Polya's theorem guarantees divisibility
            raise AssertionError("Polya sum not divisible by |G|")
        sums[key] = int(q)
    if colors == 1:
        return {(n,): sums[(n,)]}
    if (n + 1) ** r >= 2**62:  # pragma: no cover - past the work bound for any real use: content by content
        return {c: sums[tuple(sorted(c, reverse=True)[:r])] for c in _compositions(n, colors)}
    # every content at once: the bars of stars and bars (lexicographic, as _compositions), sorted, looked up
    bars = np.fromiter(itertools.chain.from_iterable(itertools.combinations(range(n + colors - 1), colors - 1)),
                       dtype=np.int64).reshape(-1, colors - 1)
    edges = np.hstack([np.full((len(bars), 1), -1, dtype=np.int64), bars,
                       np.full((len(bars), 1), n + colors - 1, dtype=np.int64)])
    contents = np.diff(edges, axis=1) - 1
    ranked = -np.sort(-contents, axis=1)[:, :r]
    radix = (n + 1) ** np.arange(r - 1, -1, -1, dtype=np.int64)
    keys = list(sums)
    codes = np.array([sum(a * int(b) for a, b in zip(key, radix)) for key in keys], dtype=np.int64)
    by_code = np.argsort(codes)
    where = by_code[np.searchsorted(codes[by_code], ranked.dot(radix))]
    values = [sums[key] for key in keys]
    return dict(zip(map(tuple, contents.tolist()), [values[i] for i in where.tolist()]))
