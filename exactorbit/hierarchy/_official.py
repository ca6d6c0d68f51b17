"""The official RHM generator, transcribed without torch (pcsl-epfl/hierarchy-learning, datasets/hierarchical.py).

``sample_hierarchical_rules`` builds the "paths" tensor of shape (n_c, m, s, m, s, ...)
level by level; ``sample_data_from_paths`` reads input number i off it: the label
i // (P_max / n_c), then level by level the base-m digits of the rule choices (s^l
digits at level l, leftmost node most significant), and the child slots.  This
module re-does both with Python's ``random`` (the official code's) and numpy
integer indexing, sharing nothing with :mod:`._model`, so that the claim "s0 = 0 is
the RHM" compares two independent constructions.
"""

from itertools import product
import random

import numpy as np

__all__ = ["official_rhm_inputs"]


def official_rhm_inputs(v, classes, m, s, L, seed=0, indices=None):
    """The inputs of the official RHM in the official index order: int array (P_max, s^L).

    ``indices``: only these input numbers (default: all), in the order given.

    >>> official_rhm_inputs(2, 1, 1, 2, 1, seed=0).tolist()
    [[1, 0]]
    """
    rng = random.Random(seed)
    paths = np.arange(classes)
    for _ in range(L):
        old = paths.flatten()
        features = sorted(set(old.tolist()))  # list(set(...)) of small ints, in CPython's (increasing) order
        tuples = list(product(range(v), repeat=s))
        rng.shuffle(tuples)
        chosen = np.array(tuples[:m * len(features)], dtype=np.int64).reshape(-1, m, s)
        where = {f: i for i, f in enumerate(features)}
        paths = chosen[[where[f] for f in old.tolist()]].reshape(*paths.shape, m, s)
    P = classes * m ** ((s ** L - 1) // (s - 1))
    wanted = range(P) if indices is None else [int(i) for i in indices]
    out = np.empty((len(wanted), s ** L), dtype=np.int64)
    per_class = P // classes
    for at, i in enumerate(wanted):
        y, rest = divmod(i, per_class)
        size = per_class
        choices = []  # per level, the rule digits of its s^l nodes
        for level in range(L):
            size //= m ** (s ** level)
            digit, rest = divmod(rest, size)
            row = []
            for _ in range(s ** level):
                digit, r = divmod(digit, m)
                row.append(r)
            choices.append(row[::-1])
        for pos in range(s ** L):
            index = [y]
            for level in range(L):
                node = pos // s ** (L - level)
                slot = pos // s ** (L - level - 1) % s
                index += [choices[level][node], slot]
            out[at, pos] = paths[tuple(index)]
    return out
