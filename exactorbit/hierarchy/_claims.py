"""The SRHM paper's claims on one model, each computed, with a verdict and its evidence (the tour's Claim)."""

from dataclasses import replace

import numpy as np

from ..claims._claim import FAILS, HOLDS, UNDECIDED, Claim, fraction_str
from . import _groups, _inputs, _orbits, _sensitivity
from ._official import official_rhm_inputs

__all__ = ["evaluate", "CLAIM_IDS"]

CLAIM_IDS = ("H1_pmax", "H2_unambiguous", "H3_diffeomorphisms", "H4_synonyms", "H5_s0_zero_is_rhm",
             "H6_level_k_invariance", "H7_sample_complexity")

#: Inputs decoded one by one for the unambiguity claim (evenly spaced; all when fewer).
DECODED = 1000
#: RHM inputs compared with the official generator's (evenly spaced; all when fewer).
COMPARED = 5000


def _pmax(model, inputs):
    distinct = len(set(inputs.keys()))
    ok = model.p_max == len(inputs) == distinct
    return Claim("H1_pmax", "P_max = n_c [m P]^((s^L-1)/(s-1)) (P = (s0+1)^s for A, C(s(s0+1), s) for B) equals the "
                 "number of distinct inputs enumerated", HOLDS if ok else FAILS,
                 {"formula": model.p_max, "enumerated": len(inputs), "distinct": distinct})


def _unambiguous(model, inputs):
    step = max(1, len(inputs) // DECODED)
    bad = None
    checked = 0
    for i in range(0, len(inputs), step):
        checked += 1
        if model.rank(model.decode(inputs.sequences[i].tolist())) != i:
            bad = i
            break
    distinct = len(set(inputs.keys())) == len(inputs)
    ok = bad is None and distinct
    return Claim("H2_unambiguous", "the rules are unambiguous: distinct parse trees give distinct inputs, and "
                 "decoding an input gives back its parse tree", HOLDS if ok else FAILS,
                 {"distinct_inputs": distinct, "decoded": checked, "first_failure": bad})


def _diffeomorphisms(model, inputs, diffeo):
    if model.sparsity == "A" or model.s0 == 0:
        ok = diffeo.label_invariant and diffeo.invariant_set
        return Claim("H3_diffeomorphisms", "sparsity A: the diffeomorphism group (column permutations) maps inputs "
                     "to inputs and every class is a union of its orbits (labels are invariant)",
                     HOLDS if ok else FAILS,
                     {"group_order": diffeo.order, "orbits": diffeo.orbits,
                      "orbit_sizes": {str(k): v for k, v in diffeo.orbit_sizes.items()}})
    ce = diffeo.counterexample
    claim = Claim("H3_diffeomorphisms", "sparsity B: the order-preserving moves are no label-preserving group: the "
                  "group they generate has an element that changes a label",
                  HOLDS if ce is not None else FAILS,
                  {"group_order": diffeo.order, "counterexample": ce},
                  summary=("input {input} (label {label}) -> input {image} (label {image_label})".format(**ce)
                           if ce is not None else "every element keeps the labels on this model"))
    if ce is not None:
        claim.pictures = [ce["input_mask"], ce["image_mask"]]
        claim.grid = model.grid
    return claim


def _synonyms(model, syn):
    return Claim("H4_synonyms", "synonym exchanges (rule indices permuted at any node) generate a group of "
                 "permutations of the inputs whose orbits lie inside the classes",
                 HOLDS if syn.label_invariant else FAILS,
                 {"group_order": syn.order, "orbits": syn.orbits, "classes": model.classes,
                  "orbit_sizes": {str(k): v for k, v in syn.orbit_sizes.items()}})


def _s0_zero(model):
    rhm = replace(model, s0=0) if model.s0 else model
    P = rhm.p_max
    step = max(1, P // COMPARED)
    indices = list(range(0, P, step))
    official = official_rhm_inputs(model.v, model.classes, model.m, model.s, model.L, model.seed, indices)
    ok = True
    for sparsity in ("A", "B"):
        twin = replace(rhm, sparsity=sparsity)
        mine = np.array([twin.sequence(twin.unrank(i)) for i in indices], dtype=np.int64) if step > 1 \
            else _inputs.build_vectorised(twin).sequences
        ok = ok and mine.shape == official.shape and np.array_equal(mine, official)
    return Claim("H5_s0_zero_is_rhm", "with s0 = 0 the SRHM (A and B alike) is the RHM: its inputs, in index order, "
                 "are those of the official RHM generator (transcribed)", HOLDS if ok else FAILS,
                 {"rhm_inputs": P, "compared": len(indices), "d": rhm.d})


def _level_k(model, inputs):
    table = {}
    ok = True
    for k in range(model.L):
        F = _sensitivity.representation_matrix(inputs, k)
        for kind in _sensitivity.KINDS:
            for level in range(1, model.L + 1):
                try:
                    value = _sensitivity.sensitivity_of(inputs, F, kind, level)
                except Exception:  # a constant representation: no normalisation
                    value = None
                table[f"k={k} {kind} level={level}"] = None if value is None else fraction_str(value)
                if level <= k and value not in (0, None):
                    ok = False
    return Claim("H6_level_k_invariance", "the model's own level-k representation has synonym and diffeomorphism "
                 "sensitivity 0 to exchanges at every level l <= k (the authors' normalisation, exact)",
                 HOLDS if ok else FAILS, {"sensitivities": table})


def _sample_complexity():
    return Claim("H7_sample_complexity", "the sample complexity of deep networks scales as n_c m^L (RHM) and gains a "
                 "factor (s0+1)^L with sparsity (SRHM)", UNDECIDED,
                 {"reason": "an empirical scaling of trained networks (measured by the authors); out of reach of "
                            "exact methods on toy cases"})


def evaluate(model, inputs, diffeo=None, syn=None):
    """Every claim on one model (its inputs enumerated once; the orbits reused when given)."""
    if diffeo is None:
        diffeo = _orbits.structure(inputs, "diffeomorphism", _groups.diffeomorphism_group(model))
    if syn is None:
        syn = _orbits.structure(inputs, "synonym")
    return [_pmax(model, inputs), _unambiguous(model, inputs), _diffeomorphisms(model, inputs, diffeo),
            _synonyms(model, syn), _s0_zero(model), _level_k(model, inputs), _sample_complexity()]
