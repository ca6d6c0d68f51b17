"""Orbits of the transformation groups on the inputs: the result type and its three routes.

* ``structure``: canonical forms.  The diffeomorphism group is the iterated wreath
  product of the patch group (a Young subgroup, checked in :func:`_groups.patch_group`,
  its order checked against the chain), so two images are in one orbit iff their
  canonical forms agree: the children of each cell sorted, recursively; the orbit
  size is the product of the cells' multinomials and the children's sizes.  For the
  synonym group: the label and the placements (the rule digits run free).
* ``generators``: closure under the generators on the finite input set (defined when
  the set is invariant; refused otherwise with the input that leaves it).
* ``listing``: every element of the group applied to every input (the definitional
  twin; small groups only).
"""

from collections import Counter
from math import factorial

import numpy as np

from .._budget import refuse_if_over
from .._validation import check_choice, check_flag, check_int, check_int_list, check_name, describe
from ..errors import InvalidArgument
from . import _groups

__all__ = ["GroupOrbits", "structure", "generators", "listing", "canonical_forms"]


class GroupOrbits:
    """The orbits of a transformation group on a model's inputs.

    ``orbit_of[i]``: the orbit number of input i (numbered by first input);
    ``sizes[k]``: the size of orbit k as a set of images (diffeomorphisms) or of
    inputs (synonyms); ``order``: |G|; ``label_invariant``: every class a union of
    orbits; ``counterexample``: None, or a dict naming an element and an input whose
    label it changes; ``invariant_set``: whether G maps inputs to inputs; ``method``.
    """

    def __init__(self, kind, order, orbit_of, sizes, labels, method, counterexample=None, invariant_set=True):
        self.kind = check_choice("kind", kind, ("diffeomorphism", "synonym"))
        self.order = check_int("order", order, min_value=1)
        orbit_of, labels = int_vector("orbit_of", orbit_of), int_vector("labels", labels)
        if len(orbit_of) != len(labels):
            raise InvalidArgument(f"orbit_of and labels must have one entry per input, got lengths "
                                  f"{len(orbit_of)} and {len(labels)}")
        self.orbit_of = orbit_of
        self.sizes = tuple(check_int_list("sizes", sizes, min_value=1, limit=max(1, len(orbit_of))))
        if len(orbit_of) and (int(orbit_of.min()) < 0 or int(orbit_of.max()) >= len(self.sizes)):
            raise InvalidArgument(f"orbit_of must number orbits 0..{len(self.sizes) - 1}, got {describe(orbit_of)}")
        self.method = check_name("method", method)
        if counterexample is not None and not isinstance(counterexample, dict):
            raise InvalidArgument(f"counterexample must be None or a dict, got {describe(counterexample)}")
        invariant_set = check_flag("invariant_set", invariant_set)
        first = {}
        mixed = set()
        for k, y in zip(orbit_of.tolist(), labels.tolist()):
            if first.setdefault(k, y) != y:
                mixed.add(k)
        self.label_invariant = not mixed
        self.counterexample = counterexample
        self.invariant_set = invariant_set
        self.mixed_orbits = sorted(mixed)

    @property
    def orbits(self):
        """Number of orbits met by the inputs."""
        return len(self.sizes)

    @property
    def orbit_sizes(self):
        """size -> number of orbits of that size."""
        return dict(sorted(Counter(self.sizes).items()))

    def stabilizer_order(self, i):
        """|Stab(x_i)| = |G| / |orbit of x_i| (orbit-stabilizer)."""
        return self.order // self.sizes[int(self.orbit_of[i])]

    def minimal_orbit_inputs(self):
        """Indices of the inputs whose orbit is smallest."""
        least = min(self.sizes)
        return [i for i, k in enumerate(self.orbit_of.tolist()) if self.sizes[k] == least]

    def as_dict(self):
        """The JSON object of the CLI: order, orbits, orbit_sizes, label_invariant, counterexample, method."""
        return {"order": int(self.order), "orbits": self.orbits,
                "orbit_sizes": {str(k): v for k, v in self.orbit_sizes.items()},
                "label_invariant": self.label_invariant, "counterexample": self.counterexample,
                "method": self.method}


def int_vector(name, value):
    """``value`` as a 1-d int64 numpy array (from a 1-d int array, list or tuple), else InvalidArgument."""
    if not (isinstance(value, np.ndarray) and value.ndim == 1 and value.dtype.kind in "iu"):
        if isinstance(value, np.ndarray) or not isinstance(value, (list, tuple)):
            raise InvalidArgument(f"{name} must be a 1-d int array, got {describe(value)}")
        value = np.asarray(check_int_list(name, value, min_value=-(2**62), max_value=2**62), dtype=np.int64)
    return value


def _number(keys):
    """Orbit numbers by first occurrence of each key."""
    ids = {}
    return np.array([ids.setdefault(k, len(ids)) for k in keys], dtype=np.int64), ids


def canonical_forms(inputs):
    """Per height h, the canonical form id of every block (array (P, blocks)), and per height the orbit sizes by id.

    Height 0: the symbols themselves.  Height h: per cell, the sorted ids of the
    children; rows numbered by ``numpy.unique`` (ids are per height).  The size of a
    form: per cell the multinomial of its children's ids times their sizes.
    """
    model = inputs.model
    cell_list = _groups.cells(model)
    patch = model.patch
    P = len(inputs)
    ids = inputs.sequences
    sizes = [1] * (model.v + 1)
    per_height = [ids]
    per_sizes = [sizes]
    bounds = []
    k = 0
    for cell in cell_list:
        bounds.append((k, k + len(cell)))
        k += len(cell)
    for _ in range(model.L):
        blocks = ids.reshape(P, -1, patch)
        rows = np.concatenate([np.sort(blocks[:, :, list(cell)], axis=2) for cell in cell_list], axis=2)
        uniq, inv = _unique_rows(rows.reshape(-1, patch))
        new_sizes = []
        for row in uniq.tolist():
            size = 1
            for a, b in bounds:
                part = row[a:b]
                size *= factorial(len(part))
                for c in Counter(part).values():
                    size //= factorial(c)
                for x in part:
                    size *= sizes[x]
            new_sizes.append(size)
        ids = inv.reshape(P, -1).astype(np.int64)
        sizes = new_sizes
        per_height.append(ids)
        per_sizes.append(sizes)
    return per_height, per_sizes


def _unique_rows(rows):
    """(distinct rows in increasing order, row numbers): one mixed-radix int64 key per row when it fits."""
    radix = int(rows.max()) + 1 if rows.size else 1
    if radix ** rows.shape[1] >= 1 << 62:
        uniq, inv = np.unique(rows, axis=0, return_inverse=True)
        return uniq, inv.reshape(-1)
    key = np.zeros(len(rows), dtype=np.int64)
    for col in rows.T:
        key = key * radix + col
    values, first, inv = np.unique(key, return_index=True, return_inverse=True)
    return rows[first], inv.reshape(-1)


def structure(inputs, kind, group=None):
    """The structure route (canonical forms; see the module docstring)."""
    model = inputs.model
    if kind == "synonym":
        keys = [(int(y), p) for y, p in zip(inputs.labels.tolist(), map(tuple, inputs.placement_digits.tolist()))]
        orbit_of, ids = _number(keys)
        size = model.m ** model.nodes
        return GroupOrbits("synonym", synonym_order(model), orbit_of, [size] * len(ids), inputs.labels, "structure")
    per_height, per_sizes = canonical_forms(inputs)
    top = per_height[-1][:, 0].tolist()
    orbit_of, ids = _number(top)
    sizes = [0] * len(ids)
    for form, k in ids.items():
        sizes[k] = per_sizes[-1][form]
    order = group.order() if group is not None else _groups.diffeomorphism_order_formula(model)
    members = np.bincount(orbit_of).tolist()
    # the inputs are G-invariant iff every orbit met lies inside them: its size is its number of inputs
    out = GroupOrbits("diffeomorphism", order, orbit_of, sizes, inputs.labels, "structure",
                      invariant_set=members == sizes)
    if not out.label_invariant:
        out.counterexample = _counterexample(inputs, out, per_height, group)
    return out


def synonym_order(model):
    """|synonym group| = (m!)^N: one symmetric group of the rule indices per node, acting independently."""
    return factorial(model.m) ** model.nodes


def _closure(n, images):
    """Orbit numbers of the points 0..n-1 under maps given as index arrays (min-label propagation)."""
    comp = np.arange(n, dtype=np.int64)
    changed = True
    while changed:
        changed = False
        for img in images:
            low = np.minimum(comp, comp[img])
            np.minimum.at(low, img, comp)
            low = low[low]
            if not np.array_equal(low, comp):
                comp = low
                changed = True
    return _number(comp.tolist())[0]


def generators(inputs, kind, group=None):
    """The generators route: closure on the finite input set, which must be invariant."""
    model = inputs.model
    n = len(inputs)
    if kind == "synonym":
        images = _groups.synonym_generators(inputs)
        order = synonym_order(model)
    else:
        images = []
        for cp in _groups.column_generators(model):
            inv = np.argsort(np.array(cp))
            idx = inputs.lookup(inputs.sequences[:, inv])
            if (idx < 0).any():
                i = int(np.nonzero(idx < 0)[0][0])
                raise InvalidArgument(f"the generators route needs an input set the group preserves; a generator "
                                      f"maps input {i} outside it (sparsity {model.sparsity}); use "
                                      f"method='structure'")
            images.append(idx)
        order = group.order() if group is not None else _groups.diffeomorphism_order_formula(model)
    orbit_of = _closure(n, images)
    sizes = np.bincount(orbit_of).tolist()
    out = GroupOrbits(kind, order, orbit_of, sizes, inputs.labels, "generators")
    return out


def listing(inputs, kind, group=None, *, force=False, limit=None):
    """The listing route: every element applied to every input (refused past the limits)."""
    model = inputs.model
    n = len(inputs)
    if kind == "synonym":
        from sympy.combinatorics import Permutation, PermutationGroup

        gens = [Permutation(g.tolist()) for g in _groups.synonym_generators(inputs)] or [Permutation(list(range(n)))]
        G = PermutationGroup(gens)
        refuse_if_over("listing the synonym group on the inputs", int(G.order()) * n, "orbit_points",
                       force=force, limit=limit)
        least = np.arange(n, dtype=np.int64)
        for g in G.generate(af=True):  # every element: the orbit of i is {g(i)}, named by its least point
            least = np.minimum(least, np.array(g, dtype=np.int64))
        orbit_of, ids = _number(least.tolist())
        sizes = np.bincount(orbit_of).tolist()
        return GroupOrbits("synonym", int(G.order()), orbit_of, sizes, inputs.labels, "listing")
    if group is None:
        group = _groups.diffeomorphism_group(model)
    refuse_if_over("listing the diffeomorphism group on the inputs", group.order() * n, "orbit_points",
                   force=force, limit=limit)
    elements = group.element_array(force=force, limit=limit)
    d = model.d
    cols = elements[:, :d]  # row 0 of the grid: pixel c goes to column g[c]
    keys = inputs.keys()
    seen = [set() for _ in range(n)]
    seqs = inputs.sequences
    for cp in cols:
        inv = np.argsort(cp)
        for i, k in enumerate(inputs.keys(seqs[:, inv])):
            seen[i].add(k)
    canon = [min(s) for s in seen]
    orbit_of, ids = _number(canon)
    sizes = [0] * len(ids)
    for k, s in zip(orbit_of.tolist(), seen):
        sizes[k] = len(s)
    index = set(keys)
    invariant = all(s <= index for s in seen)
    return GroupOrbits("diffeomorphism", group.order(), orbit_of, sizes, inputs.labels, "listing",
                       invariant_set=invariant)


def _counterexample(inputs, orbits, per_height, group):
    """Two inputs of one orbit with different labels, and the element (columns) carrying one to the other."""
    model = inputs.model
    k = orbits.mixed_orbits[0]
    members = np.nonzero(orbits.orbit_of == k)[0].tolist()
    x = members[0]
    y = next(j for j in members if inputs.labels[j] != inputs.labels[x])
    cp = [0] * model.d
    cell_list = _groups.cells(model)
    patch = model.patch

    def match(h, bx, by):
        """Map block bx of x at height h onto block by of y (same form), columns into cp."""
        if h == 0:
            cp[bx] = by
            return
        kx = per_height[h - 1][x]
        ky = per_height[h - 1][y]
        for cell in cell_list:
            left = sorted(cell, key=lambda q: kx[bx * patch + q])
            right = sorted(cell, key=lambda q: ky[by * patch + q])
            for qa, qb in zip(left, right):
                match(h - 1, bx * patch + qa, by * patch + qb)

    match(model.L, 0, 0)
    pixels = _groups.column_perm_to_pixels(model, cp)
    member = group.contains(pixels) if group is not None else None
    mx, my = inputs.mask(x), inputs.mask(y)
    from ..actions import apply

    if apply(pixels, mx) != my:  # never: the matching is built to carry x to y
        raise AssertionError("the counter-example element does not carry the input to its image")
    return {"input": x, "image": y, "label": int(inputs.labels[x]), "image_label": int(inputs.labels[y]),
            "columns": cp, "in_group": member, "input_mask": mx, "image_mask": my}
