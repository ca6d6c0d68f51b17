"""The producer of 'hierarchy-invariance' certificates (checked by :mod:`exactorbit.checker`).

The certificate writes the model (parameters and every rule), the diffeomorphism
group's generators as pixel permutations of the v x d grid, and claims the number
of inputs, that the group maps inputs to inputs keeping labels, and the orbit
sizes.  The checker regenerates the inputs from the rules by its own code.
"""

from ..errors import InvalidArgument
from . import _groups, _inputs, _orbits

__all__ = ["certificate"]


def certificate(model, *, force=False, limit=None):
    """The JSON document (exact ints only)."""
    if model.sparsity == "B" and model.s0 > 0:
        raise InvalidArgument("labels are not invariant under sparsity B's moves in general; an invariance "
                              "certificate is written for sparsity A (or s0 = 0) only")
    _inputs.guard(model, "certifying label invariance", force=force, limit=limit)
    inputs = _inputs.build_vectorised(model)
    G = _groups.diffeomorphism_group(model)
    orbits = _orbits.structure(inputs, "diffeomorphism", G)
    if not (orbits.label_invariant and orbits.invariant_set):  # never for sparsity A
        raise AssertionError("sparsity A's labels are not invariant: a bug")
    return {
        "format": "exactorbit-certificate",
        "version": 1,
        "kind": "hierarchy-invariance",
        "input": {
            "grid": [model.v, model.d],
            "group": G.name,
            "generators": [list(g) for g in G.generators],
            "model": {"v": model.v, "classes": model.classes, "m": model.m, "s": model.s, "L": model.L,
                      "s0": model.s0, "sparsity": model.sparsity},
            "rules": [[[list(t) for t in tuples] for tuples in level] for level in model.rules],
        },
        "claim": {
            "inputs": len(inputs),
            "label_invariant": True,
            "orbits": orbits.orbits,
            "orbit_sizes": [[k, v] for k, v in orbits.orbit_sizes.items()],
        },
        "witness": {},
    }
