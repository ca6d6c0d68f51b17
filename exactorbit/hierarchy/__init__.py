"""The (Sparse) Random Hierarchy Model, exactly: inputs, parse trees, transformation groups, sensitivities.

The Random Hierarchy Model (Cagnetta, Petrini, Tomasini, Favero, Wyart, PRX 2024)
and its sparse version (Tomasini & Wyart, ICML 2024) on small parameters: every
input enumerated with its label and parse tree, inputs as binary images on a
v x d grid (one-hot columns, the empty symbol an all-zero column), the
diffeomorphisms as a :class:`~exactorbit.groups.PixelGroup` of column permutations,
the synonym exchanges as permutations of the finite input set, and the authors'
sensitivities as exact fractions.  Conventions: ``proofs/hierarchy.md``.

>>> M = HierarchyModel(v=3, classes=2, m=3, s=2, L=2, s0=1, sparsity="A")
>>> M.p_max, len(enumerate_inputs(M)), M.grid
(3456, 3456, Grid(h=3, w=16))
>>> O = transformation_orbits(M, "diffeomorphism")
>>> O.order, O.orbits, O.orbit_sizes, O.label_invariant
(1024, 54, {64: 54}, True)
>>> sensitivity(M, 1, kind="synonym", level=1), sensitivity(M, 0, kind="synonym", level=1) > 0
(Fraction(0, 1), True)
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from .._budget import check_force, refuse_if_over
from .._routes import check_method
from .._validation import check_choice, check_int, describe
from ..errors import InvalidArgument
from . import _groups, _inputs, _orbits, _sensitivity
from ._model import HierarchyModel, Parse
from ._inputs import InputSet
from ._orbits import GroupOrbits

if TYPE_CHECKING:
    from collections.abc import Sequence
    from fractions import Fraction
    from typing import Any

    from ..claims._claim import Claim
    from ..groups import PixelGroup
    from ..networks.family import Network

__all__ = [
    "HierarchyModel",
    "Parse",
    "InputSet",
    "GroupOrbits",
    "INPUT_METHODS",
    "ORBIT_METHODS",
    "enumerate_inputs",
    "sample_inputs",
    "authors_distribution",
    "decode",
    "to_image",
    "from_image",
    "diffeomorphism_group",
    "transformation_orbits",
    "sensitivity",
    "sensitivity_table",
    "hierarchy_claims",
    "hierarchy_report",
    "invariance_certificate",
]

INPUT_METHODS = ("auto", "vectorised", "unrank")
ORBIT_METHODS = ("auto", "structure", "generators", "listing")


def _model(model):
    if not isinstance(model, HierarchyModel):
        raise InvalidArgument(f"model must be a HierarchyModel, got {describe(model)}")
    return model


def _inputs_of(model, inputs, force, limit):
    """``inputs`` if it is the InputSet of ``model``; every input of ``model`` when None; else InvalidArgument."""
    if inputs is None:
        return enumerate_inputs(model, force=force, limit=limit)
    if not isinstance(inputs, InputSet) or inputs.model != model:
        raise InvalidArgument(f"inputs must be None or the InputSet of this model (enumerate_inputs(model)), "
                              f"got {describe(inputs)}")
    check_force(force)
    return inputs


def enumerate_inputs(model: HierarchyModel, *, method: str = "auto", force: bool = False, limit: int | None = None
                     ) -> InputSet:
    """Every input with its label and parse, in index order (an :class:`InputSet`).

    Refused past ``LIMITS['hierarchy_inputs']`` inputs (estimated by the P_max formula).
    Routes: 'vectorised' (auto) and 'unrank' (one parse at a time: the definitional twin).

    >>> X = enumerate_inputs(HierarchyModel(4, 2, 2, 2, 2))
    >>> len(X), X.method, X.sequences.shape
    (16, 'vectorised', (16, 4))
    """
    model = _model(model)
    method = check_method(method, INPUT_METHODS)
    _inputs.guard(model, "enumerating the inputs", force=force, limit=limit)
    if method == "unrank":
        return _inputs.build_unrank(model)
    return _inputs.build_vectorised(model)


def sample_inputs(model: HierarchyModel, count: int, *, seed: int = 0) -> list[tuple[int, Parse, tuple[int, ...]]]:
    """``count`` inputs drawn independently, each with probability exactly 1/P_max: (index, parse, sequence).

    An index uniform on 0..P_max-1 (``random.Random(seed).randrange``, exact) is
    mapped to its parse by the bijection :meth:`HierarchyModel.unrank`.

    >>> [i for i, _, _ in sample_inputs(HierarchyModel(3, 2, 3, 2, 2), 3, seed=1)]
    [8, 36, 51]
    """
    model = _model(model)
    count = check_int("count", count, min_value=0, max_value=10**6)
    rng = random.Random(check_int("seed", seed, min_value=0))
    out = []
    for _ in range(count):
        i = rng.randrange(model.p_max)
        parse = model.unrank(i)
        out.append((i, parse, model.sequence(parse)))
    return out


def authors_distribution(model: HierarchyModel, *, force: bool = False, limit: int | None = None
                         ) -> dict[tuple[int, ...], Fraction]:
    """The exact distribution of the authors' sampler: input (tuple) -> Fraction.

    The authors draw a label, and for *every* position of every level (empty ones
    too) a rule choice and a placement, uniformly and independently; the choices at
    empty positions are dead.  Every choice vector is enumerated here (refused past
    the limit), so the result is exact.

    >>> dist = authors_distribution(HierarchyModel(2, 2, 1, 2, 2, s0=1))
    >>> len(dist), set(dist.values())
    (128, {Fraction(1, 128)})
    """
    from fractions import Fraction
    from itertools import product

    model = _model(model)
    positions = [model.patch ** level for level in range(model.L)]
    per = model.m * len(model.placements)
    total = model.classes * per ** sum(positions)
    refuse_if_over("enumerating the authors' choice vectors", total, _inputs.limit_key(), force=force, limit=limit)
    out: dict[tuple[int, ...], int] = {}
    for label in range(model.classes):
        for choice in product(range(per), repeat=sum(positions)):
            seq = [label]
            k = 0
            for level in range(model.L):
                new = [model.empty] * (len(seq) * model.patch)
                for pos, a in enumerate(seq):
                    r, p = divmod(choice[k + pos], len(model.placements))
                    if a == model.empty and level > 0:
                        continue
                    for c, q in zip(model.rules[level][a][r], model.placements[p]):
                        new[pos * model.patch + q] = c
                k += len(seq)
                seq = new
            key = tuple(seq)
            out[key] = out.get(key, 0) + 1
    return {key: Fraction(c, total) for key, c in out.items()}


def decode(model: HierarchyModel, sequence: Sequence[int]) -> Parse:
    """The parse tree of an input (a sequence of d symbols, v = empty); InvalidArgument if it is none.

    >>> M = HierarchyModel(3, 2, 3, 2, 2)
    >>> decode(M, M.sequence(M.unrank(7)))
    Parse(label=0, rules=(0, 2, 1), placements=(0, 0, 0))
    """
    return _model(model).decode(sequence)


def to_image(model: HierarchyModel, sequence: Sequence[int]) -> int:
    """An input as a mask on the v x d grid: one-hot columns (bit a*d + c for symbol a at column c), empty = zeros.

    >>> from exactorbit.images import render_text
    >>> M = HierarchyModel(3, 2, 3, 2, 2, s0=1)
    >>> print(render_text(to_image(M, M.sequence(M.unrank(0))), M.grid, off="-", sep=chr(10)))
    ----------------
    #-#-------------
    --------#-#-----
    """
    model = _model(model)
    from ._model import _check_sequence

    seq = _check_sequence(sequence, model)
    return sum(1 << (a * model.d + c) for c, a in enumerate(seq) if a != model.empty)


def from_image(model: HierarchyModel, mask: int) -> tuple[int, ...]:
    """The sequence of an image with at most one on-pixel per column (InvalidArgument otherwise).

    >>> M = HierarchyModel(3, 2, 3, 2, 2)
    >>> s = M.sequence(M.unrank(5)); from_image(M, to_image(M, s)) == s
    True
    """
    from .._validation import check_mask

    model = _model(model)
    mask = check_mask("mask", mask, model.v * model.d)
    out = []
    for c in range(model.d):
        rows = [a for a in range(model.v) if mask >> (a * model.d + c) & 1]
        if len(rows) > 1:
            raise InvalidArgument(f"column {c} of the image has {len(rows)} on-pixels; an input has at most one")
        out.append(rows[0] if rows else model.empty)
    return tuple(out)


def diffeomorphism_group(model: HierarchyModel) -> PixelGroup:
    """The group the diffeomorphism moves generate: a PixelGroup of column permutations of the v x d grid.

    Sparsity A: an iterated wreath product of S_{s0+1}^s; sparsity B: of S_{s(s0+1)}.

    >>> diffeomorphism_group(HierarchyModel(3, 2, 3, 2, 2, s0=2)).order() == 36 ** 7   # (S_3^2 wr S_3)^2 ... = 36^7
    True
    >>> diffeomorphism_group(HierarchyModel(3, 2, 3, 2, 2, s0=1, sparsity="B")).order() == 24 ** 5   # S_4 wr S_4
    True
    """
    return _groups.diffeomorphism_group(_model(model))


def transformation_orbits(model: HierarchyModel, group: str = "diffeomorphism", *, inputs: InputSet | None = None,
                          method: str = "auto", force: bool = False, limit: int | None = None) -> GroupOrbits:
    """The orbits of the diffeomorphism or synonym group on the inputs (a :class:`GroupOrbits`).

    Routes: 'structure' (auto: canonical forms), 'generators' (closure on the input
    set; needs the set invariant: not sparsity B), 'listing' (every element; small groups).

    >>> O = transformation_orbits(HierarchyModel(3, 2, 3, 2, 2, s0=1, sparsity="B"))
    >>> O.label_invariant, O.counterexample["label"] != O.counterexample["image_label"], O.method
    (False, True, 'structure')
    >>> transformation_orbits(HierarchyModel(3, 2, 3, 2, 2), "synonym").orbit_sizes
    {27: 2}
    """
    model = _model(model)
    group = check_choice("group", group, ("diffeomorphism", "synonym"))
    method = check_method(method, ORBIT_METHODS)
    inputs = _inputs_of(model, inputs, force, limit)
    G = _groups.diffeomorphism_group(model) if group == "diffeomorphism" else None
    if method == "generators":
        return _orbits.generators(inputs, group, G)
    if method == "listing":
        return _orbits.listing(inputs, group, G, force=force, limit=limit)
    return _orbits.structure(inputs, group, G)


def sensitivity(model: HierarchyModel, representation: int | Network, *, kind: str = "synonym", level: int = 1,
                inputs: InputSet | None = None, layer: str = "hidden", force: bool = False, limit: int | None = None
                ) -> Fraction:
    """The exact sensitivity (a Fraction) of a representation to synonyms or diffeomorphisms at heights 1..level.

    ``representation``: a height k (the model's own level-k symbols, one-hot) or an
    :class:`exactorbit.networks.Network` on the v x d grid.  Normalised as the
    authors' code does (see :mod:`exactorbit.hierarchy._sensitivity`).

    >>> M = HierarchyModel(3, 2, 3, 2, 2)
    >>> sensitivity(M, 0, kind="synonym", level=1), sensitivity(M, 1, kind="synonym", level=1)
    (Fraction(81, 106), Fraction(0, 1))
    """
    model = _model(model)
    kind = check_choice("kind", kind, _sensitivity.KINDS)
    inputs = _inputs_of(model, inputs, force, limit)
    F = _sensitivity.representation_matrix(inputs, representation, layer)
    return _sensitivity.sensitivity_of(inputs, F, kind, level)


def sensitivity_table(model: HierarchyModel, representation: int | Network, *, inputs: InputSet | None = None,
                      layer: str = "hidden", force: bool = False, limit: int | None = None
                      ) -> dict[str, dict[int, Fraction | None]]:
    """{kind: {level: Fraction}} for both kinds and every level 1..L (None where the representation is constant).

    >>> t = sensitivity_table(HierarchyModel(3, 2, 3, 2, 2), 1)
    >>> t["synonym"]
    {1: Fraction(0, 1), 2: Fraction(10, 11)}
    """
    model = _model(model)
    inputs = _inputs_of(model, inputs, force, limit)
    F = _sensitivity.representation_matrix(inputs, representation, layer)
    out = {}
    for kind in _sensitivity.KINDS:
        row: dict[int, Fraction | None] = {}
        for level in range(1, model.L + 1):
            try:
                row[level] = _sensitivity.sensitivity_of(inputs, F, kind, level)
            except InvalidArgument:
                row[level] = None
        out[kind] = row
    return out


def hierarchy_claims(model: HierarchyModel, *, inputs: InputSet | None = None, force: bool = False,
                     limit: int | None = None) -> list[Claim]:
    """The claims of the SRHM paper on this model, computed: a list of :class:`exactorbit.claims.Claim`.

    >>> [c.verdict for c in hierarchy_claims(HierarchyModel(3, 2, 3, 2, 2, s0=1))]
    ['holds', 'holds', 'holds', 'holds', 'holds', 'holds', 'undecided']
    """
    from ._claims import evaluate

    model = _model(model)
    inputs = _inputs_of(model, inputs, force, limit)
    return evaluate(model, inputs)


def hierarchy_report(model: HierarchyModel, *, force: bool = False, limit: int | None = None) -> dict[str, Any]:
    """Everything ``exactorbit hierarchy --json`` prints, as a JSON-able dict of exact ints and strings.

    >>> r = hierarchy_report(HierarchyModel(4, 2, 2, 2, 2))
    >>> r["p_max"], r["inputs"], r["grid"], r["diffeomorphism_group"]["order"]
    (16, 16, [4, 4], 1)
    """
    model = _model(model)
    inputs = enumerate_inputs(model, force=force, limit=limit)
    diffeo = transformation_orbits(model, "diffeomorphism", inputs=inputs)
    syn = transformation_orbits(model, "synonym", inputs=inputs)
    from ._claims import evaluate

    claims = evaluate(model, inputs, diffeo, syn)
    return {
        "parameters": model.parameters(),
        "p_max": model.p_max,
        "inputs": len(inputs),
        "grid": [model.v, model.d],
        "diffeomorphism_group": diffeo.as_dict(),
        "synonym_group": syn.as_dict(),
        "claims": [{"id": c.id, "statement": c.statement, "verdict": c.verdict} for c in claims],
    }


def invariance_certificate(model: HierarchyModel, *, force: bool = False, limit: int | None = None
                           ) -> dict[str, Any]:
    """A JSON certificate that the labels are invariant under the diffeomorphism group (sparsity A, or s0 = 0).

    The independent checker (:mod:`exactorbit.checker`, kind 'hierarchy-invariance')
    regenerates every input from the rules written in it.

    >>> doc = invariance_certificate(HierarchyModel(4, 2, 2, 2, 2))
    >>> doc["kind"], doc["claim"]["inputs"]
    ('hierarchy-invariance', 16)
    """
    from ._certificate import certificate

    model = _model(model)
    return certificate(model, force=force, limit=limit)
