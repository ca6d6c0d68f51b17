"""Synonym and diffeomorphism sensitivities, exactly (the normalisation of the authors' code).

The authors (``measure_stability`` in hierarchy-learning's observables/stability.py,
``stabs.py`` in sparse_hierarchy_model) compute, for a representation f,

    S = mean_x ||f(x) - f(x')||^2  /  mean_{x, y} ||f(x) - f(y)||^2

where x' is x with the rule choices (synonyms) or the placements (diffeomorphisms)
of every node at heights 1..l re-drawn uniformly, and x, y run over pairs of the
data set (i = j included).  Over the finite uniform distribution of inputs both
means are exact: with C(x) the inputs that share everything but the re-drawn
digits (x' is uniform on C(x), the parse -> input map being a bijection),

    numerator   = (2/P) (sum_x ||f(x)||^2 - sum_C ||sum_{x in C} f(x)||^2 / |C|)
    denominator = (2/P^2) (P sum_x ||f(x)||^2 - ||sum_x f(x)||^2).

Everything is numpy int64 (no float, no BLAS) and Python Fractions.
"""

from fractions import Fraction

import numpy as np

from .._validation import check_int, describe
from ..errors import InvalidArgument

__all__ = ["KINDS", "representation_matrix", "sensitivity_of"]

KINDS = ("synonym", "diffeomorphism")


def one_hot(symbols, alphabet):
    """(P, w) symbols -> (P, alphabet*w) 0/1 int64, row-major (symbol a at column c: entry a*w + c); empty: zeros."""
    P, w = symbols.shape
    out = (symbols[:, None, :] == np.arange(alphabet, dtype=np.int64)[None, :, None])
    return out.reshape(P, alphabet * w).astype(np.int64)


def representation_matrix(inputs, representation, layer="hidden"):
    """The representation of every input as an int matrix (P, D).

    ``representation``: an int k (the model's own latent symbols at height k, one-hot,
    empty = zero; k = 0 is the image itself, k = L the label), or an
    :class:`exactorbit.networks.Network` on the model's v x d grid (its hidden bits, or
    its output bits with ``layer="output"``).
    """
    from .._budget import refuse_if_over_memory
    from ..networks.family import Network

    model = inputs.model
    width = max(model.v, model.classes) * model.d
    refuse_if_over_memory("the representation of every input (one-hot, int64)", 3 * 8 * len(inputs) * width)
    if isinstance(representation, Network):
        net = representation
        if net.family.grid.n != model.v * model.d:
            raise InvalidArgument(f"the network's grid {net.family.grid} has {net.family.grid.n} pixels; the "
                                  f"model's images are {model.v}x{model.d}")
        if layer not in ("hidden", "output"):
            raise InvalidArgument(f"layer must be 'hidden' or 'output', got {describe(layer)}")
        x = one_hot(inputs.sequences, model.v)
        hidden = (x @ np.array(net.encoder_weights, dtype=np.int64).T
                  >= np.array(net.encoder_thresholds, dtype=np.int64)).astype(np.int64)
        if layer == "hidden":
            return hidden
        return (hidden @ np.array(net.decoder_weights, dtype=np.int64).T
                >= np.array(net.decoder_thresholds, dtype=np.int64)).astype(np.int64)
    if isinstance(representation, bool) or not isinstance(representation, int):
        raise InvalidArgument(f"representation must be a height k in 0..{model.L} or a Network, "
                              f"got {describe(representation)}")
    k = check_int("representation (height k)", representation, min_value=0, max_value=model.L)
    alphabet = model.classes if k == model.L else model.v
    return one_hot(inputs.levels[k], alphabet)


def _first_node(model, level):
    """Breadth-first number of the first node at height <= level (depth >= L - level)."""
    return (model.s ** (model.L - level) - 1) // (model.s - 1)


def sensitivity_of(inputs, F, kind, level):
    """The exact sensitivity of the representation F (P x D ints) to ``kind`` re-drawn at heights 1..level."""
    model = inputs.model
    if type(kind) is not str or kind not in KINDS:
        raise InvalidArgument(f"kind must be 'synonym' or 'diffeomorphism', got {describe(kind)}")
    level = check_int("level", level, min_value=1, max_value=model.L)
    P = len(inputs)
    sq = int((F * F).sum())
    total = F.sum(axis=0)
    den = Fraction(2 * (P * sq - int((total * total).sum())), P * P)
    if den == 0:
        raise InvalidArgument("the representation is the same on every input: the normalisation is 0")
    cut = _first_node(model, level)
    if kind == "synonym":
        kept = np.column_stack([inputs.labels, inputs.rule_digits[:, :cut], inputs.placement_digits])
    else:
        kept = np.column_stack([inputs.labels, inputs.rule_digits, inputs.placement_digits[:, :cut]])
    cls = _classes(kept)
    order = np.argsort(cls, kind="stable")
    starts = np.flatnonzero(np.r_[True, np.diff(cls[order]) != 0])
    sums = np.add.reduceat(F[order], starts, axis=0)
    counts = np.diff(np.r_[starts, P])
    norms = (sums * sums).sum(axis=1)
    between = sum(Fraction(int(norms[counts == c].sum()), int(c)) for c in np.unique(counts).tolist())
    num = Fraction(2, P) * (sq - between)
    return num / den


def _classes(kept):
    """Class numbers of the rows of an int array (one mixed-radix int64 key when it fits, else rows compared)."""
    radices = [int(col.max()) + 1 for col in kept.T]
    total = 1
    for r in radices:
        total *= r
    if total >= 1 << 62:
        return np.unique(kept, axis=0, return_inverse=True)[1].reshape(-1)
    key = np.zeros(len(kept), dtype=np.int64)
    for col, r in zip(kept.T, radices):
        key = key * r + col
    return np.unique(key, return_inverse=True)[1].reshape(-1)
