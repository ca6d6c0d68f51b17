"""The cases of ``benchmarks/before_after.py``: public calls that exist on both sides of issue 21.

Each :class:`Case` has a ``build()`` (the group, the image, ...: the setup) and a
``call(state)`` (the timed call).  Both import :mod:`exactorbit` lazily, inside
the functions: ``before_after.py`` imports this module without importing the
package, and each timing child imports it after its side's ``exactorbit`` is
first on ``sys.path``.  Only names that exist at commit 533f1e5 are used, so the
same case runs on the version before the refactor and after it.

``answer(result)`` reduces a result to plain data that must be equal on both
sides (an int, a dict, the order of a subgroup, "maps a to b"); ``raw(result)``
is the full representation (strong generators, the transporter element, ...),
which may differ between sides without the answer differing.  ``scale``
multiplies ``--runs``, the least number of warm runs (tiny calls need many).
"""

import dataclasses
import random

# -- builders (all imports inside: the package of the side under test) ---------------------------


def _named(spec, grid):
    from exactorbit.groups import named_group

    return named_group(spec, grid)


def _t_d4_generators():
    """T x| D4 on 4x4 as the issue writes it: r.d, r.d^2 and the dihedral generators (left to right)."""
    from exactorbit.groups import compose, dihedral, translations

    r, d = translations("4x4").generators
    return [compose(r, d), compose(r, compose(d, d))] + list(dihedral("4x4").generators)


def _t_d4():
    from exactorbit.groups import from_generators

    return from_generators("4x4", _t_d4_generators(), name="T x| D4 from r.d, r.d^2, dihedral")


def _t_d4_from_gap():
    """The same group read back from its GAP text (GAP's 1-based cycles), as ``--gap`` reads it."""
    from exactorbit.gap import from_gap, to_gap

    return from_gap(to_gap(_t_d4()), "4x4")


def _alternating(n):
    """A_n from (0 1 2) and an n-cycle (n odd: the n-cycle is even)."""
    from exactorbit.groups import from_generators

    three = tuple([1, 2, 0] + list(range(3, n)))
    cycle = tuple(list(range(1, n)) + [0])
    return from_generators(f"1x{n}", [three, cycle], name=f"A_{n}")


def _sym_pair(a, b):
    """S_a x S_b on a + b pixels (intransitive): a transposition and a cycle on each part."""
    from exactorbit.groups import from_generators

    n = a + b
    gens = []
    for points in (list(range(a)), list(range(a, n))):
        swap, cycle = list(range(n)), list(range(n))
        swap[points[0]], swap[points[1]] = points[1], points[0]
        for i, p in enumerate(points):
            cycle[p] = points[(i + 1) % len(points)]
        gens += [tuple(swap), tuple(cycle)]
    return from_generators(f"1x{n}", gens, name=f"S_{a} x S_{b}")


_GAP = {
    # GAP 4's MathieuGroup(22), PSL(3,4), PSL(2,31) (GeneratorsOfGroup, 1-based)
    "M22": ("2x11", "Group([(1,2,3,4,5,6,7,8,9,10,11)(12,13,14,15,16,17,18,19,20,21,22),"
                    "(1,4,5,9,3)(2,8,10,7,6)(12,15,16,20,14)(13,19,21,18,17),"
                    "(1,21)(2,10,8,6)(3,13,4,17)(5,19,9,18)(11,22)(12,14,16,20)])"),
    "PSL(3,4)": ("3x7", "Group([(3,4,5)(7,9,8)(10,14,18)(11,17,20)(12,15,21)(13,16,19),"
                        "(1,2,6,7,11,3,10)(4,14,8,15,16,20,13)(5,18,9,19,21,17,12)])"),
    "PSL(2,31)": ("4x8", "Group([(3,31,29,27,25,23,21,19,17,15,13,11,9,7,5)(4,32,30,28,26,24,22,20,18,16,14,12,10,8,6),"
                         "(1,2,18)(3,24,12)(4,30,5)(6,32,31)(7,10,22)(8,15,16)(9,11,19)(14,26,29)(17,25,27)"
                         "(20,21,28)])"),
}


def _gap_group(name):
    from exactorbit.gap import from_gap

    grid, text = _GAP[name]
    return from_gap(text, grid, name=name)


def _mask(n, weight, seed):
    """A seeded image of ``weight`` on-pixels out of n (pure Python: the same on both sides)."""
    return sum(1 << p for p in random.Random(seed).sample(range(n), weight))


def _moved(group, x, seed, steps=40):
    """x moved by a seeded word in the generators (so a transporter exists)."""
    from exactorbit.actions import apply

    rng = random.Random(seed)
    for _ in range(steps):
        x = apply(group.generators[rng.randrange(len(group.generators))], x)
    return x


# -- answers ---------------------------------------------------------------------------------------


def plain(value):
    """Plain data for an answer: ints, strings, lists; a subgroup by its order; the ``method`` left out."""
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return int(value)
    if hasattr(value, "numerator") and hasattr(value, "denominator"):   # Fraction
        return f"{value.numerator}/{value.denominator}"
    if hasattr(value, "generators") and callable(getattr(value, "order", None)):   # a PixelGroup
        return ["group of order", int(value.order())]
    if isinstance(value, dict):
        return sorted(([plain(k), plain(v)] for k, v in value.items()), key=repr)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)
                if not f.name.startswith("_") and f.name not in ("method", "grid", "labels")}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if hasattr(value, "tobytes") and hasattr(value, "dtype"):   # a numpy array
        import hashlib

        return ["array", str(value.dtype), list(value.shape), hashlib.sha256(value.tobytes()).hexdigest()[:16]]
    return repr(value)


def raw(value):
    """The full representation of a result (a group with its generators)."""
    if hasattr(value, "generators") and callable(getattr(value, "order", None)):
        return repr(("group", int(value.order()), [tuple(g) for g in value.generators]))
    return repr(value)


def _maps(state, g):
    """Transporter answer: None, or whether the element really maps a to b."""
    from exactorbit.actions import apply

    group, a, b = state
    return None if g is None else ["maps a to b", apply(tuple(g), a) == b]


def _stabilises(state, H):
    """Stabilizer answer: its order, and whether every generator fixes x."""
    from exactorbit.actions import apply

    x = state[1]
    return ["order", int(H.order()), "generators fix x", all(apply(tuple(g), x) == x for g in H.generators)]


def _canonical(state, c):
    """Canonical image answer: the image, and whether the element reaches it."""
    from exactorbit.actions import apply

    return ["image", plain(c.image), "element reaches it", apply(tuple(c.element), state[1]) == c.image]


# -- the cases -------------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Case:
    name: str
    build: object                   # () -> state
    call: object                    # state -> result
    answer: object = None           # (state, result) -> plain data; default plain(result)
    scale: int = 1                  # warm runs = scale * --runs

    def answer_of(self, state, result):
        return plain(result) if self.answer is None else self.answer(state, result)


def _group_case(name, build, question, scale=1, **kw):
    """A case whose state is a group and whose call is ``question(group, **kw)`` from its module."""
    module, function = question.rsplit(".", 1)

    def call(group):
        import importlib

        return getattr(importlib.import_module(module), function)(group, **kw)

    return Case(name, build, call, scale=scale)


def _image_case(name, build_group, question, weight, seed, scale=1, target=False, answer=None, **kw):
    """A case on one seeded image x (and its seeded image b for a transporter) in a group."""
    module, function = question.rsplit(".", 1)

    def build():
        group = build_group()
        x = _mask(group.n, weight, seed)
        return (group, x, _moved(group, x, seed + 1)) if target else (group, x)

    def call(state):
        import importlib

        return getattr(importlib.import_module(module), function)(*state, **kw)

    return Case(name, build, call, answer=answer, scale=scale)


CT, BC, OW = ("exactorbit.counting." + q for q in ("cycle_types", "burnside_count", "orbits_by_weight"))
DEC = "exactorbit.orbits.decompose"
STAB, ORB, TRANS, CANON = ("exactorbit.stabilizers." + q for q in ("stabilizer", "orbit_size", "transporter",
                                                                    "canonical_image"))
TD = "translations+dihedral"


def _tour_shadow():
    from exactorbit.networks import NetworkFamily

    return (_named(TD, "2x2"), NetworkFamily("2x2", 1))


def _shadow(state):
    from exactorbit.shadows import shadow_group

    return shadow_group(state[0], state[1], tolerance=2)


def _reconstruction():
    from exactorbit.networks import NetworkFamily

    return NetworkFamily("2x2", 1, alphabet=(0, 1))


def _reconstruct(family):
    from exactorbit.networks import reconstruction_probabilities

    return reconstruction_probabilities(family)


def _build_then_order(build):
    def call(_):
        group = build()
        return group.order()

    return call


CASES = [
    # counting: every route of cycle_types
    _group_case("cycle_types product: T+D 28x28", lambda: _named(TD, "28x28"), CT),
    _group_case("burnside_count product: T+D 28x28", lambda: _named(TD, "28x28"), BC),
    _group_case("orbits_by_weight product: T+D 28x28", lambda: _named(TD, "28x28"), OW),
    _group_case("cycle_types symmetric: S_25 (symmetric 5x5)", lambda: _named("symmetric", "5x5"), CT),
    _group_case("burnside_count symmetric: S_25 (symmetric 5x5)", lambda: _named("symmetric", "5x5"), BC),
    _group_case("cycle_types symmetric: A_17 from generators", lambda: _alternating(17), CT),
    _group_case("cycle_types product_action: rows x columns 10x10", lambda: _rows_by_columns("10x10"), CT),
    _group_case("burnside_count product_action: rows x columns 10x10", lambda: _rows_by_columns("10x10"), BC),
    _group_case("cycle_types blocks: S4 wr S4 (4x4)", lambda: _wreath("4x4"), CT),
    _group_case("cycle_types blocks: S_6 x S_7 intransitive (1x13)", lambda: _sym_pair(6, 7), CT),
    _group_case("cycle_types classes: M22 (2x11)", lambda: _gap_group("M22"), CT),
    _group_case("cycle_types listing: dihedral 5x5", lambda: _named("dihedral", "5x5"), CT, scale=10),
    _group_case("cycle_types listing: PSL(3,4) (3x7)", lambda: _gap_group("PSL(3,4)"), CT),
    _group_case("cycle_types listing: PSL(2,31) (4x8)", lambda: _gap_group("PSL(2,31)"), CT),
    _group_case("cycle_types: T x| D4 4x4 from r.d, r.d^2, dihedral", _t_d4, CT, scale=10),
    _group_case("cycle_types: T x| D4 4x4 read from GAP text", _t_d4_from_gap, CT, scale=10),
    _group_case("burnside_count: T x| D4 4x4 from generators", _t_d4, BC, scale=10),
    _group_case("cycle_index_text: S4 wr S4 (4x4)", lambda: _wreath("4x4"), "exactorbit.counting.cycle_index_text"),
    # orbits.decompose: every route
    _group_case("decompose torus: T+D 28x28", lambda: _named(TD, "28x28"), DEC),
    _group_case("decompose torus: T+D 28x28, weight 3", lambda: _named(TD, "28x28"), DEC, weight=3),
    _group_case("decompose torus: T+D 6x6", lambda: _named(TD, "6x6"), DEC),
    _group_case("decompose enumerate: T+D 4x4", lambda: _named(TD, "4x4"), DEC),
    _group_case("decompose enumerate: T+D 5x5", lambda: _named(TD, "5x5"), DEC),
    _group_case("decompose: T x| D4 4x4 from generators", _t_d4, DEC),
    _group_case("decompose symbolic: dihedral 6x6", lambda: _named("dihedral", "6x6"), DEC),
    _group_case("decompose symbolic: S_25 (symmetric 5x5)", lambda: _named("symmetric", "5x5"), DEC, scale=10),
    _group_case("decompose symbolic (named): T+D 4x4", lambda: _named(TD, "4x4"), DEC, method="symbolic"),
    _group_case("decompose generators: S4 wr S4 (4x4)", lambda: _wreath("4x4"), DEC),
    _group_case("decompose generators (named): symmetric 4x5", lambda: _named("symmetric", "4x5"), DEC,
                method="generators"),
    # stabilizers: every route, and the transporter and canonical image
    _image_case("stabilizer natural: S_784, weight 300", lambda: _named("symmetric", "28x28"), STAB, 300, 1,
                scale=10, answer=_stabilises),
    _image_case("orbit_size natural: S_784, weight 300", lambda: _named("symmetric", "28x28"), ORB, 300, 1, scale=10),
    _image_case("transporter natural: S_784, weight 300", lambda: _named("symmetric", "28x28"), TRANS, 300, 1,
                scale=10, target=True, answer=_maps),
    _image_case("canonical_image natural: S_784, weight 300", lambda: _named("symmetric", "28x28"), CANON, 300, 1,
                answer=_canonical),
    _image_case("stabilizer vectorised: T+D 28x28, weight 300", lambda: _named(TD, "28x28"), STAB, 300, 2,
                scale=10, answer=_stabilises),
    _image_case("stabilizer backtrack (named): T+D 28x28, weight 300", lambda: _named(TD, "28x28"), STAB, 300, 2,
                answer=_stabilises, method="backtrack"),
    _image_case("transporter backtrack (named): T+D 28x28, weight 300", lambda: _named(TD, "28x28"), TRANS, 300, 2,
                target=True, answer=_maps, method="backtrack"),
    _image_case("canonical_image backtrack (named): T+D 28x28, weight 300", lambda: _named(TD, "28x28"), CANON,
                300, 2, answer=_canonical, method="backtrack"),
    _image_case("stabilizer backtrack: rows x columns 10x10, weight 50", lambda: _rows_by_columns("10x10"), STAB,
                50, 3, answer=_stabilises),
    _image_case("transporter backtrack: rows x columns 10x10, weight 50", lambda: _rows_by_columns("10x10"), TRANS,
                50, 3, target=True, answer=_maps),
    _image_case("stabilizer backtrack: S4 wr S4 (4x4), weight 7", lambda: _wreath("4x4"), STAB, 7, 4,
                answer=_stabilises),
    _image_case("stabilizer listing (named): T+D 6x6, weight 15", lambda: _named(TD, "6x6"), STAB, 15, 5,
                answer=_stabilises, method="listing"),
    _image_case("orbit_size: M22 (2x11), weight 8", lambda: _gap_group("M22"), ORB, 8, 6),
    # per-call overhead on a 3x3 group (tens of microseconds)
    _group_case("overhead: cycle_types T+D 3x3", lambda: _named(TD, "3x3"), CT, scale=20),
    _group_case("overhead: burnside_count T+D 3x3", lambda: _named(TD, "3x3"), BC, scale=20),
    _group_case("overhead: decompose T+D 3x3", lambda: _named(TD, "3x3"), DEC, scale=30),
    _image_case("overhead: stabilizer T+D 3x3", lambda: _named(TD, "3x3"), STAB, 3, 7, scale=20,
                answer=_stabilises),
    _image_case("overhead: orbit_size T+D 3x3", lambda: _named(TD, "3x3"), ORB, 3, 7, scale=20),
    _image_case("overhead: transporter T+D 3x3", lambda: _named(TD, "3x3"), TRANS, 3, 7, scale=20, target=True,
                answer=_maps),
    _image_case("overhead: canonical_image T+D 3x3", lambda: _named(TD, "3x3"), CANON, 3, 7, scale=20,
                answer=_canonical),
    # groups: construction (the call builds the group and asks its order)
    Case("group: named_group T+D 28x28 + order()", lambda: None, _build_then_order(lambda: _named(TD, "28x28"))),
    Case("group: from_generators T x| D4 4x4 + order()", lambda: None, _build_then_order(_t_d4), scale=10),
    Case("group: rows_by_columns 10x10 + order()", lambda: None, _build_then_order(lambda: _rows_by_columns("10x10")),
         scale=3),
    # shadows and networks (quick)
    Case("shadow_group listing: T+D 2x2, 2x2 k=1, tolerance 2", _tour_shadow, _shadow),
    Case("reconstruction_probabilities: 2x2 k=1, alphabet {0,1}", _reconstruction, _reconstruct, scale=10),
]


def _rows_by_columns(grid):
    from exactorbit.groups import rows_by_columns

    return rows_by_columns(grid)


def _wreath(grid):
    from exactorbit.groups import wreath_product

    return wreath_product(grid)


BY_NAME = {case.name: case for case in CASES}
assert len(BY_NAME) == len(CASES), "case names must be distinct"
