"""Deeper layers: features of features, and orbit sizes by depth.

Conventions (the same as :mod:`exactorbit.actions`): an element ``g`` of the
pixel group G (array form) moves pixel ``p`` to ``g[p]``; composition is left
to right (``compose(p, q)`` = p then q), so G acts on images on the right,
``x^(pq) = (x^p)^q``.  Images are int masks on the image grid.

**Layer-1 features and codes.**  A feature list ``F = (f_0, ..., f_{m-1})``
(sorted masks) is a union of G-orbits.  The *code* of an image x is the
m-bit mask whose bit j is set when

* ``mode="contains"`` (default): every on-pixel of ``f_j`` is on in x
  (``f_j & x == f_j``);
* ``mode="equals"``: ``x == f_j``.

Codes live on the 1 x m grid ``Grid(1, m)``: the code space is itself an
image space, so every tool of the package (groups, orbits, networks,
certificates) works on it unchanged.

**Induced action.**  Because F is a union of G-orbits, each g permutes F
(:mod:`exactorbit.induced`): ``code(x^g) = code(x)^ind(g)`` (equivariance), and
the induced group ``H = ind(G)`` acts on the code space ``Grid(1, m)``.

**Layer L+1 from layer L** (one construction, applied repeatedly):

* level 0 is the image space itself (code = image, group G, m = n pixels);
* the *candidates* of layer L+1 are the codes at level L that some image
  realises (``code_L(x)`` for some x), that combine at least ``min_bits``
  level-L features (1 for layer 1, 2 from layer 2 on: a layer-2 feature is a
  combination of at least two layer-1 features that occurs in some image), and
  whose pulled-back *union image* (the OR of the member features' union images;
  a layer-1 feature's union image is itself) is not constant.  The constant
  images are left out at every layer, as layer 1 leaves them out (the
  "non-constant features"); ``include_constant=True`` admits them from layer 2
  on (layer 1 stays non-constant);
* the candidates are a union of orbits of the level-L group ``H_L`` (codes are
  equivariant), so their orbits are certified by
  :func:`exactorbit.certificates.minimal_orbit_certificate` over the explicit
  candidate list; the *minimal-orbit features* of layer L+1 are the candidates
  in the orbits of smallest size, and ``F_{L+1}`` is their union (closed under
  ``H_L``, so the construction repeats one level up);
* each layer-(L+1) feature is pulled back to images: its *preimages* (the
  images whose level-L code it is) and its union image.

**Depth table.**  Per layer: the features' union images, their orbit sizes in
IMAGE space (under G), stabilizer orders ``|G| / |Orb|``, numbers of
on-pixels, and the orbit size in code space.  ``min_orbit_size`` of a layer is
the smallest image-space orbit among its minimal-orbit features.  In
``contains`` mode a realised code c satisfies ``code(union(c)) = c``, so its
code-space and image-space orbits have one size.

**Networks one level up.**  Layer L+1's candidates are masks on the 1 x m
code grid of layer L, so the networks issue's autoencoder families act on
them unchanged: :func:`layer_reconstruction` gives, exactly, the probability
that a uniformly drawn setting of ``NetworkFamily(Grid(1, m), k, tied)``
reconstructs each candidate class.  These families are invariant under
every permutation of their inputs, so the probability depends only on how
many features a code combines (theorem 7 with the full symmetric group),
never on the layer's group; past the networks module's 16-input limit it is
computed from that number alone (``reconstruction_probabilities_by_weight``).

The claims read on the table are C7 (:mod:`exactorbit.claims.c7_diagonal`) and
C8 (:mod:`exactorbit.claims.c8_depth`).

>>> from exactorbit.groups import named_group
>>> G = named_group("translations+dihedral", "3x3")
>>> t = depth_table(G, layers=3)
>>> [(row.layer, row.min_orbit_size, len(row.features)) for row in t.layers]
[(1, 6, 24), (2, 6, 12), (3, 9, 9)]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from ._budget import limit_value, progress as _progress_bar, refuse_if_over
from ._validation import check_flag, check_int, check_items, check_mask, check_name, describe
from .actions import orbit
from .stabilizers import orbit_size
from .certificates import minimal_orbit_certificate
from .errors import InvalidArgument
from .groups import PixelGroup
from .groups import check_group as _check_group
from .images import Grid
from .induced import InducedAction, _union, check_union_of_orbits, induced_action, mask_bits
from .networks import (
    FamilySpec,
    NetworkFamily,
    parameter_settings,
    reconstruction_probabilities,
    reconstruction_probabilities_by_weight,
    unit_setting_count,
)
from .orbits import decompose, orbit_classes

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from typing import Any

    from numpy.typing import NDArray

    from .orbits import OrbitDecomposition

__all__ = [
    "MODES",
    "minimal_orbit_layer1",
    "reconstructed_features",
    "feature_code",
    "feature_codes",
    "Layer",
    "DepthTable",
    "depth_table",
    "layer_reconstruction",
    "check_depth_table",
]

#: The two ways a feature can be "present" in an image.
MODES = ("contains", "equals")
#: At most this many preimages per feature are listed in JSON.
MAX_PREIMAGES_LISTED = 64


def _check_mode(mode):
    if not isinstance(mode, str) or mode not in MODES:
        raise InvalidArgument(f"mode must be 'contains' or 'equals', got {describe(mode)}")
    return mode


def minimal_orbit_layer1(group: PixelGroup, *, force: bool = False, limit: int | None = None) -> tuple[int, ...]:
    """The default layer-1 features: every non-constant image in a smallest non-constant G-orbit.

    Computed with :func:`exactorbit.orbits.decompose` (exact) and closed under G.

    >>> from exactorbit.groups import translations
    >>> minimal_orbit_layer1(translations("1x4"))  # 0101 and 1010 (orbit size 2)
    (5, 10)
    """
    group = _check_group(group)
    if group.n < 1 or (1 << group.n) - 2 < 1:
        raise InvalidArgument(f"the {group.grid} grid has no non-constant image")
    d = decompose(group, force=force, limit=limit)
    reps = d.minimal_orbit_features
    if reps is None or d.features_truncated:  # pragma: no cover - only for grids not enumerated
        classes = [c for c in orbit_classes(group, force=force, limit=limit)
                   if c.representative not in (0, (1 << group.n) - 1)]
        smallest = min(c.size for c in classes)
        return tuple(sorted(x for c in classes if c.size == smallest for x in c.members))
    out: set = set()
    for r in reps:
        out.update(orbit(group, int(r)))
    return tuple(sorted(out))


def reconstructed_features(group: PixelGroup, table: Iterable[int], *, close: bool = True) -> tuple[int, ...]:
    """The non-constant images a network reconstructs (F(x) = x), closed under G when ``close``.

    ``table`` is a function table (length 2^n: ``table[x]`` = output mask).  A
    network's fixed set need not be G-closed; the closure (the union of the
    orbits of the fixed features) makes it a valid layer-1 feature list.

    >>> from exactorbit.groups import translations
    >>> reconstructed_features(translations("1x2"), [0, 1, 1, 3])  # reconstructs 01 only
    (1, 2)
    >>> reconstructed_features(translations("1x2"), [0, 1, 1, 3], close=False)
    (1,)
    """
    group = _check_group(group)
    close = check_flag("close", close)
    size = 1 << group.n
    try:
        values = [int(v) for v in table]
    except (TypeError, ValueError):
        raise InvalidArgument(f"table must be a sequence of 2**{group.n} masks, got {describe(table)}") from None
    if len(values) != size:
        raise InvalidArgument(f"table must have 2**{group.n} = {size} entries, got {len(values)}")
    fixed = [x for x in range(1, size - 1) if values[x] == x]
    if not fixed:
        raise InvalidArgument("table reconstructs no non-constant image: no layer-1 feature")
    if not close:
        return tuple(fixed)
    out: set = set()
    for x in fixed:
        out.update(orbit(group, x))
    return tuple(sorted(out))


def feature_code(x: int, features: Sequence[int], mode: str = "contains") -> int:
    """The code of one image: bit j set when feature j is contained in (or equals) x.

    >>> feature_code(0b0111, [0b0011, 0b0110, 0b1100])
    3
    >>> feature_code(0b0110, [0b0011, 0b0110, 0b1100], mode="equals")
    2
    """
    _check_mode(mode)
    x = check_int("x", x, min_value=0)
    out = 0
    for j, f in enumerate(check_items("features", features)):
        f = check_int(f"features[{j}]", f, min_value=0)
        if (f & x == f) if mode == "contains" else (x == f):
            out |= 1 << j
    return out


def _image_bits(n):
    """Bool matrix (2^n, n): row x holds the bits of x."""
    xs = np.arange(1 << n, dtype=np.uint64)
    return ((xs[:, None] >> np.arange(n, dtype=np.uint64)[None, :]) & np.uint64(1)).astype(bool)


def _next_bits(bits, features, mode):
    """Code matrix one level up: column j = [feature j contained in / equal to the row]."""
    rows = bits.shape[0]
    out = np.zeros((rows, len(features)), dtype=bool)
    for j, f in enumerate(features):
        idx = mask_bits(f)
        if mode == "contains":
            out[:, j] = bits[:, idx].all(axis=1) if idx else True
        else:
            want = np.zeros(bits.shape[1], dtype=bool)
            want[idx] = True
            out[:, j] = (bits == want[None, :]).all(axis=1)
    return out


def _pack(bits):
    """Rows of a bool matrix as masks: uint64 array when m <= 64, else an object array of ints."""
    rows, m = bits.shape
    packed = np.packbits(bits, axis=1, bitorder="little")
    if m <= 64:
        padded = np.zeros((rows, 8), dtype=np.uint8)
        padded[:, : packed.shape[1]] = packed
        return padded.view("<u8").reshape(rows).astype(np.uint64)
    return np.array([int.from_bytes(row.tobytes(), "little") for row in packed], dtype=object)


def _estimate(n, force, limit):
    refuse_if_over(f"coding all 2^{n} images of the grid, layer by layer", 1 << n, "depth_images",
                   limit=limit, force=force)


def feature_codes(n: int, features: Sequence[int], mode: str = "contains", *, force: bool = False,
                  limit: int | None = None) -> NDArray[Any]:
    """The codes of all 2^n images at once (numpy): uint64 array for m <= 64 features, else object ints.

    >>> feature_codes(2, [1, 2, 3]).tolist()   # images 00, 01, 10, 11
    [0, 1, 2, 7]
    >>> feature_codes(2, [1, 2, 3], mode="equals").tolist()
    [0, 1, 2, 4]
    """
    _check_mode(mode)
    n = check_int("n", n, min_value=1, max_value=4096)
    _estimate(n, force, limit)
    feats = [check_mask(f"features[{j}]", f, n) for j, f in enumerate(check_items("features", features))]
    return _pack(_next_bits(_image_bits(n), feats, mode))


# ---------------------------------------------------------------------------
# the depth table
# ---------------------------------------------------------------------------


@dataclass(eq=False)
class Layer:
    """One layer of the depth table (all numbers exact ints).

    ``features``: the minimal-orbit features of the layer as codes over the
    previous layer's features (layer 1: image masks); ``unions``: their union
    images; ``orbit_sizes`` / ``stabilizer_orders``: in image space under G;
    ``code_orbit_size``: the orbit size in code space (under the previous
    level's group); ``members``: per feature, the union images of the lower
    features it combines; ``preimages``: per feature, the images whose code it
    is.  ``candidate_classes``: one dict per candidate orbit (representative
    code, union image, code and image orbit sizes, member union images and
    their image-space orbit sizes), read by claims C7 and C8.

    >>> from exactorbit.groups import translations
    >>> row = depth_table(translations("1x4"), layers=2, features=[1, 2, 4, 8]).layers[1]
    >>> row.features, row.unions, row.orbit_sizes, row.members
    ((5, 10), (5, 10), (2, 2), ((1, 4), (2, 8)))
    >>> row.candidate_classes[0]["member_orbit_sizes"]
    [4, 4]
    """

    layer: int
    features: tuple[int, ...]
    unions: tuple[int, ...]
    orbit_sizes: tuple[int, ...]
    stabilizer_orders: tuple[int, ...]
    on_pixels: tuple[int, ...]
    code_orbit_size: int
    members: tuple[tuple[int, ...], ...]
    preimages: tuple[tuple[int, ...], ...]
    candidates: int
    candidate_classes: list[dict[str, Any]]
    certificate: dict[str, Any] | None = field(repr=False, default=None)
    action: InducedAction | None = field(repr=False, default=None)

    @property
    def min_orbit_size(self) -> int:
        """Smallest image-space orbit among the layer's minimal-orbit features."""
        return min(self.orbit_sizes)

    def to_json(self, preimage_limit: int = MAX_PREIMAGES_LISTED) -> dict[str, Any]:
        """JSON-able dict (ints and lists only)."""
        return {
            "layer": self.layer,
            "min_orbit_size": self.min_orbit_size,
            "features": list(self.unions),
            "codes": [int(c) for c in self.features],
            "orbit_sizes": list(self.orbit_sizes),
            "stabilizer_order": list(self.stabilizer_orders),
            "on_pixels": list(self.on_pixels),
            "code_orbit_size": self.code_orbit_size,
            "members": [list(m) for m in self.members],
            "preimage_counts": [len(p) for p in self.preimages],
            "preimages": [list(p[:preimage_limit]) for p in self.preimages],
            "candidates": self.candidates,
            "candidate_orbits": len(self.candidate_classes),
            "induced_group_order": self.action.induced.order() if self.action else None,
            "kernel_order": self.action.kernel().order() if self.action else None,
        }


@dataclass(eq=False)
class DepthTable:
    """The layers built, and why the construction stopped (None when all requested layers were built).

    >>> from exactorbit.groups import translations
    >>> t = depth_table(translations("1x4"), layers=3, features=[1, 2, 4, 8])
    >>> [row["min_orbit_size"] for row in t.to_json()["layers"]], t.stopped[:8]
    ([4, 2], 'layer 3:')
    """

    group: PixelGroup
    mode: str
    include_constant: bool
    requested: int
    layers: list[Layer]
    stopped: str | None = None
    feature_source: str = "minimal-orbit"

    def _repr_html_(self):
        from ._display import depth_html

        return depth_html(self)

    def to_json(self) -> dict[str, Any]:
        """JSON payload of ``exactorbit depth`` (without claims)."""
        return {
            "grid": [self.group.grid.h, self.group.grid.w],
            "group": str(self.group.name),
            "group_order": self.group.order(),
            "mode": self.mode,
            "include_constant": self.include_constant,
            "layer1_features": self.feature_source,
            "layers_requested": self.requested,
            "layers": [row.to_json() for row in self.layers],
            "stopped": self.stopped,
        }


@dataclass
class _Level:
    """The code space one layer is built over (level 0: the images themselves)."""

    bits: NDArray[np.bool_]  # bool matrix (2^n, m): the level's code of every image, as bits
    codes: NDArray[Any]      # the same codes packed as masks
    group: PixelGroup   # the group acting on the level's codes
    unions: tuple[int, ...]  # per coordinate: its union image
    sizes: dict[int, int]    # union image -> its orbit size in image space under G
    through: InducedAction | None = None  # the InducedAction G -> group (None: level 0, the group is G)


def _layer_candidates(level, L, full, include_constant):
    """(realised codes, candidate codes, their union images) of layer L over ``level``."""
    codes = level.codes
    realised = np.unique(codes).tolist() if codes.dtype != object else sorted(set(codes))
    min_bits = 1 if L == 1 else 2
    unions_of = {}
    for c in realised:
        c = int(c)
        if c.bit_count() < min_bits:
            continue
        u = _union(c, level.unions)
        if u in (0, full) and (L == 1 or not include_constant):
            continue
        unions_of[c] = u
    return realised, list(unions_of), unions_of


def _minimal_classes(classes, layer1):
    """The layer's features: the explicit layer-1 list, else the union of the smallest candidate orbits."""
    if layer1 is not None:
        return layer1, set(layer1)
    smallest = min(c.size for c in classes)
    chosen = {x for c in classes if c.size == smallest for x in c.members}
    return tuple(sorted(chosen)), chosen


def _layer_row(G, L, level, feats, chosen, classes, cands, unions_of, action, cert):
    """The :class:`Layer` of features ``feats`` over ``level``, with image-space orbit sizes."""
    unions = tuple(unions_of.get(f, _union(f, level.unions)) for f in feats)
    sizes = {}
    for u in unions:
        if u not in sizes:
            sizes[u] = orbit_size(G, u)
    code_sizes = {c.size for c in classes if c.representative in chosen}
    if L == 1:
        preimages = tuple((f,) for f in feats)
    else:
        arr = level.codes
        preimages = tuple(tuple(int(x) for x in np.nonzero(arr == (np.uint64(f) if arr.dtype != object else f))[0])
                          for f in feats)
    rows = []
    for c in classes:
        u = unions_of[c.representative]
        members = [level.unions[i] for i in mask_bits(c.representative)]
        rows.append({
            "representative": int(c.representative),
            "union": u,
            "code_orbit_size": c.size,
            "image_orbit_size": c.size if L == 1 else orbit_size(G, u),
            "members": members,
            "member_orbit_sizes": [level.sizes[x] for x in members],
        })
    order = G.order()
    row = Layer(
        layer=L,
        features=feats,
        unions=unions,
        orbit_sizes=tuple(sizes[u] for u in unions),
        stabilizer_orders=tuple(order // sizes[u] for u in unions),
        on_pixels=tuple(u.bit_count() for u in unions),
        code_orbit_size=min(code_sizes) if code_sizes else min(len(orbit(level.group, f)) for f in feats),
        members=tuple(tuple(level.unions[i] for i in mask_bits(f)) for f in feats),
        preimages=preimages,
        candidates=len(cands),
        candidate_classes=rows,
        certificate=cert,
        action=action,
    )
    return row, sizes


def depth_table(group: PixelGroup, layers: int = 2, *, mode: str = "contains", features: Iterable[int] | None = None,
                include_constant: bool = False, certify: bool = True, force: bool = False, limit: int | None = None,
                feature_source: str | None = None, progress: bool | None = None,
                decomposition: OrbitDecomposition | None = None) -> DepthTable:
    """Build the depth table: layers 1..L of minimal-orbit features of features (see the module doc).

    ``features``: the layer-1 features (a union of G-orbits); default the
    minimal-orbit non-constant features.  The construction stops early (with
    the reason in ``.stopped``) when a layer has no candidate feature.  Grids of
    more than 20 pixels (``LIMITS["depth_images"]``, or ``limit`` images) are refused without ``force``;
    ``progress`` (default: on from 16 pixels) shows a bar over the layers on
    stderr.  ``certify``: attach a minimal-orbit certificate to every layer.
    ``decomposition``: a labelled orbit decomposition of G
    (:func:`exactorbit.orbits.decompose` with ``labels=True``) to reuse for layer 1,
    whose candidates are every non-constant image.

    >>> from exactorbit.groups import translations
    >>> t = depth_table(translations("1x4"), layers=2, features=[1, 2, 4, 8])
    >>> [(r.layer, r.min_orbit_size) for r in t.layers]   # two opposite pixels: 0101, orbit 2
    [(1, 4), (2, 2)]
    """
    group = _check_group(group)
    _check_mode(mode)
    layers = check_int("layers", layers, min_value=1)
    include_constant = check_flag("include_constant", include_constant)
    certify = check_flag("certify", certify)
    progress = check_flag("progress", progress, allow_none=True)
    feature_source = check_name("feature_source", feature_source)
    n = group.n
    _estimate(n, force, limit)
    full = (1 << n) - 1
    if features is None:
        layer1 = None
        source = feature_source or "minimal-orbit"
    else:
        layer1 = check_union_of_orbits(group, features)
        source = feature_source or "explicit"
    table = DepthTable(group, mode, include_constant, layers, [], None, source)
    pixels = tuple(1 << p for p in range(n))
    pixel_sizes = {x: c.size for c in orbit_classes(group, pixels) for x in c.members}
    level = _Level(_image_bits(n), np.arange(1 << n, dtype=np.uint64), group, pixels, pixel_sizes)
    with _progress_bar(layers, "depth layers", show=progress, default=n >= 16, unit="layer") as bar:
        for L in range(1, layers + 1):
            bar.update(1)
            realised, cands, unions_of = _layer_candidates(level, L, full, include_constant)
            if not cands and L == 1:
                raise InvalidArgument(f"the {group.grid} grid has no non-constant image, so no layer-1 feature")
            if not cands:
                table.stopped = (
                    f"layer {L}: no realised code combines at least 2 layer-{L - 1} features"
                    + ("" if include_constant else " with a non-constant union image")
                    + f" ({len(realised)} distinct codes at level {L - 1}, mode {mode!r})"
                )
                break
            if L == 1 and decomposition is not None:  # level 0: the candidates are every non-constant image
                classes = [c for c in orbit_classes(group, decomposition=decomposition)
                           if c.representative not in (0, full)]
            else:
                classes = orbit_classes(level.group, cands, name="candidates")
            feats, chosen = _minimal_classes(classes, layer1 if L == 1 else None)
            cert = None
            if certify:
                if L == 1 and layer1 is None:
                    cert = minimal_orbit_certificate(group, "nonconstant", force=force)
                else:
                    cert = minimal_orbit_certificate(level.group, cands if L > 1 or layer1 is None else feats,
                                                     force=force)
            action = (induced_action(group, feats, name=f"H{L}") if level.through is None
                      else level.through.lift(feats, name=f"H{L}"))
            row, sizes = _layer_row(group, L, level, feats, chosen, classes, cands, unions_of, action, cert)
            table.layers.append(row)
            bits = _next_bits(level.bits, feats, mode)   # one level up
            level = _Level(bits, _pack(bits), action.induced, row.unions, sizes, action)
    return table


# ---------------------------------------------------------------------------
# layer networks
# ---------------------------------------------------------------------------


def layer_reconstruction(table: DepthTable, layer: int, *, hidden: int = 1, tied: bool = True,
                         alphabet: str | Iterable[int] = (-1, 0, 1), exclude_constant: bool = False,
                         force: bool = False, limit: int | None = None) -> dict[str, Any]:
    """Exact reconstruction probabilities of a layer's candidate codes by autoencoders over its code space.

    Layer L >= 2 is built over the codes of layer L-1, i.e. the 1 x m grid
    (m = number of layer-(L-1) features).  The family is
    ``exactorbit.networks.NetworkFamily(Grid(1, m), hidden, tied, alphabet, exclude_constant)``,
    every parameter setting counted (uniform measure); for every candidate
    class of layer L (one code per orbit of the induced group) the result gives
    P(F(c) = c).  The family is invariant under every permutation of its m
    inputs, so P(F(c) = c) is entry ``popcount(c)`` of
    :func:`exactorbit.networks.reconstruction_probabilities_by_weight`.  Up to
    16 inputs (the networks module's grid limit) the full per-code table of
    :func:`exactorbit.networks.reconstruction_probabilities` is computed,
    checked constant on each class's orbit and equal to the by-weight value;
    past 16 inputs, or for untied families whose decoder table would exceed
    ``LIMITS["layer_untied_table"]``, the by-weight route alone is used (then the family
    is described as a :class:`exactorbit.networks.FamilySpec`, "m inputs").
    Returns a dict (probabilities as Fractions).

    >>> from exactorbit.groups import translations
    >>> t = depth_table(translations("1x4"), layers=2, features=[1, 2, 4, 8])
    >>> r = layer_reconstruction(t, 2)
    >>> [(row["code"], row["combined_features"], row["probability"]) for row in r["classes"]]
    [(3, 2, Fraction(3, 40)), (5, 2, Fraction(3, 40)), (7, 3, Fraction(3, 40))]
    """
    check_depth_table(table)
    layer = check_int("layer", layer, min_value=2)
    if layer > len(table.layers):
        raise InvalidArgument(
            f"layer must be a built layer >= 2 (the table has {len(table.layers)}; {table.stopped}), got {layer}"
        )
    below = table.layers[layer - 2]
    row = table.layers[layer - 1]
    m = len(below.features)
    spec = FamilySpec(m, hidden, tied=tied, alphabet=alphabet, exclude_constant=exclude_constant)
    by_weight = reconstruction_probabilities_by_weight(spec, force=force, limit=limit)
    full = m <= limit_value("network_pixels")
    if full and not spec.tied:
        full = unit_setting_count(m, spec.alphabet, spec.exclude_constant) * (1 << m) <= limit_value("layer_untied_table")
    family: NetworkFamily | FamilySpec
    if full:
        family = NetworkFamily(Grid(1, m), hidden, tied=tied, alphabet=alphabet, exclude_constant=exclude_constant)
        probs = reconstruction_probabilities(family)
        if any(p != by_weight[x.bit_count()] for x, p in enumerate(probs)):  # pragma: no cover - tested equal
            raise AssertionError("per-code and by-weight reconstruction probabilities differ")
    else:
        family = spec
    H = below.action.induced  # type: ignore[union-attr]  # every built layer has its action
    classes = []
    for cls in row.candidate_classes:
        c = cls["representative"]
        if full:
            values = {probs[y] for y in orbit(H, c)}
            if len(values) != 1:  # pragma: no cover - the families are invariant under all coordinate permutations
                raise AssertionError(f"reconstruction probability not constant on the orbit of code {c}")
        classes.append({
            "code": c,
            "union": cls["union"],
            "combined_features": c.bit_count(),
            "code_orbit_size": cls["code_orbit_size"],
            "image_orbit_size": cls["image_orbit_size"],
            "probability": by_weight[c.bit_count()],
            "minimal": cls["code_orbit_size"] == row.code_orbit_size,
        })
    if not classes:  # pragma: no cover - a built layer has candidates
        raise InvalidArgument(f"layer {layer} has no candidate code")
    best = max(r["probability"] for r in classes)
    return {
        "layer": layer,
        "family": family.describe(),
        "inputs": m,
        "parameter_settings": parameter_settings(family),
        "classes": classes,
        "minimal_feature_probabilities": sorted({r["probability"] for r in classes if r["minimal"]}),
        "most_probable": [r["code"] for r in classes if r["probability"] == best],
        "reconstructed_candidate_classes": sum(1 for r in classes if r["probability"] > 0),
    }


def check_depth_table(table: object, name: str = "table") -> DepthTable:
    """Return ``table`` if it is a DepthTable, else InvalidArgument naming ``name``."""
    if not isinstance(table, DepthTable):
        raise InvalidArgument(f"{name} must be a DepthTable (from depth_table), got {describe(table)}")
    return table
