"""The backtrack route of the stabilizer doors: searches over a stabilizer chain, never listing an orbit.

Colourings.  An image x is the colouring c of the pixels with c[p] = [p in x]; a
tuple (x_1, ..., x_k) (the diagonal action) is the colouring whose colour of p is
the bit vector of memberships.  g stabilizes x iff c[g[p]] = c[p] for every p,
and g transports a to b iff c_a[p] = c_b[g[p]].

Transporter and stabilizer.  Both run on the one backtrack engine of
:mod:`exactorbit._perm.search` (element search and Sims' bottom-up subgroup search, one node
counter bounded by ``LIMITS["search_nodes"]``; its lemmas in proofs/stabilizers.md, section 1),
with :class:`ColouringProblem` plugged in.  Write G = G_0 >= G_1 >= ... (:mod:`exactorbit._perm.chain`).
An h in G_i with c[p] = t[h[p]] (t the target colouring) factors as h = h' u with u = u_delta
in the transversal of level i (delta = h[b_i]) and h' in G_{i+1}; then c[p] = t'[h'[p]] with
t' = t[u] (the target pulled back by u).  A branch is pruned unless

* t[delta] = c[b_i] (the base point keeps its colour), and
* on every orbit O of G_{i+1}, c and t' have the same number of points of each
  colour (h' maps O onto itself): the orbit-counting refinement
  (:class:`~exactorbit._perm.search.OrbitCounts`), one ``bincount`` per branch.  At the bottom
  (G_m = 1) it says t' = c.

Stab_G(c) is built from the bottom of the chain up, Sims' way: at level i only one
candidate delta per orbit of the subgroup found so far needs a transporter search in G_{i+1};
|Stab_G(c)| is the product over levels of |b_i^(K_i)|: exact, with no Schreier-Sims.

Minimal image.  With the base in decreasing pixel order, the pixels of the
image are decided from the top down, as the order of masks compares them: the
search keeps, level by level, every pulled-back colouring whose bits so far are
minimal, merging equal ones (they have equal futures).  The number of such
states is bounded by ``LIMITS["minimal_image_states"]``.

Front doors: :mod:`exactorbit.stabilizers`.

>>> from exactorbit.groups import named_group
>>> from exactorbit.images import colouring
>>> from exactorbit._perm.chain import StabilizerChain
>>> G = named_group("translations+dihedral", "3x3")
>>> gens, order = stabilizer_search(StabilizerChain(G.generators, G.n), colouring(0b000010010, 9))
>>> order
4
"""

import numpy as np

from .._budget import check_force, limit_value, refuse_if_over
from ..images import to_mask
from .._perm.chain import inverse
from .._perm.search import OrbitCounts, element_search, subgroup_search

__all__ = ["ColouringProblem", "stabilizer_search", "transporter_search", "minimal_image_search"]


class ColouringProblem:
    """The elements h with source[p] = target[h[p]] for every p (a^h = b, as colourings), for :mod:`exactorbit._perm.search`.

    State: the target pulled back, t' = t[u].  Candidates keep the base point's colour;
    the refinement is :class:`~exactorbit._perm.search.OrbitCounts` on the colours, numbered
    like the source's (``code``).  A target with a colour the source lacks fits nowhere (a
    pull-back permutes the colours, so this is decided once).  The target defaults to the
    source (the stabilizer).
    """

    def __init__(self, chain, source, target=None):
        self.values, self.source = np.unique(np.asarray(source, dtype=np.int64), return_inverse=True)
        self.source = self.source.astype(np.int64).reshape(-1)
        self.target = self.source if target is None else self.code(np.asarray(target, dtype=np.int64))
        self.possible = bool((self.target >= 0).all())
        self.counts = OrbitCounts(chain, self.source, len(self.values))
        self.levels = chain.levels

    def code(self, target):
        """The target's colours renumbered like the source's (-1 for colours the source lacks)."""
        k = len(self.values)
        idx = np.clip(np.searchsorted(self.values, target), 0, k - 1)
        return np.where(self.values[idx] == target, idx, -1)

    def root(self):
        return self.target

    def solved(self, t):
        return np.array_equal(t, self.source)

    def descend(self, t, u):
        return t[u]

    def candidates(self, i, t):
        level = self.levels[i]
        return level.orbit[t[level.orbit] == self.source[level.point]]

    def fits(self, i, t):
        return self.possible and self.counts.fits(i, t)


def _nodes(force, limit):
    """The node bound of one search: None with force, else ``limit`` or ``LIMITS["search_nodes"]``."""
    return None if check_force(force) else limit_value("search_nodes", limit)


def transporter_search(chain, source, target, *, force=False, limit=None):
    """An element h of G with source[p] = target[h[p]] for all p (so a^h = b for colourings of a, b), or None.

    Refused (TooExpensive) past ``limit`` nodes (default ``LIMITS["search_nodes"]``) unless ``force``.

    >>> from exactorbit.groups import translations
    >>> from exactorbit.images import colouring
    >>> from exactorbit._perm.chain import StabilizerChain
    >>> chain = StabilizerChain(translations("1x4").generators, 4)
    >>> transporter_search(chain, colouring(0b0011, 4), colouring(0b1001, 4)).tolist()
    [3, 0, 1, 2]
    """
    return element_search(chain, ColouringProblem(chain, source, target), nodes=_nodes(force, limit))


def stabilizer_search(chain, source, *, force=False, limit=None):
    """(strong generators of Stab_G(source) as arrays, its exact order), built from the bottom of the chain.

    Refused (TooExpensive) past ``limit`` nodes (default ``LIMITS["search_nodes"]``) unless ``force``.
    """
    return subgroup_search(chain, ColouringProblem(chain, source), nodes=_nodes(force, limit))


def minimal_image_search(group, colours, *, force=False, limit=None):
    """(minimal image as a colouring, an element h with colours^h minimal), by the top-down search.

    The order is that of masks: compare the highest pixel first, an absent pixel
    before a present one; for a tuple, its first image fully first.
    """
    n = group.n
    chain = group.chain(range(n - 1, -1, -1))
    levels = [lev for lev in chain.levels if len(lev.orbit) > 1]
    first = np.asarray(colours, dtype=np.int64)
    states = {first.tobytes(): (first, np.arange(n, dtype=np.int64))}
    for j, level in enumerate(levels):
        b = level.point
        below = levels[j + 1].point if j + 1 < len(levels) else -1
        block = np.arange(b, below, -1)  # the pixels decided at this level, top down
        best_key, new = None, {}
        for state, acc in states.values():
            bit = state[level.orbit] & 1
            cands = level.orbit[bit == bit.min()]
            for delta in cands.tolist():
                u = level.transversal(delta)
                t2 = state[u]
                key = (t2[block] & 1).astype(np.uint8).tobytes()
                if best_key is not None and key > best_key:
                    continue
                if best_key is None or key < best_key:
                    best_key, new = key, {}
                new.setdefault(t2.tobytes(), (t2, acc[u]))
        refuse_if_over(f"the minimal-image search (states kept at the level of pixel {b})", len(new),
                       "minimal_image_states", limit=limit, force=force)
        states = new
    # every state now has the minimal first image; the smallest whole colouring is the answer
    best = None
    for state, acc in states.values():
        key = tuple(to_mask((state >> j) & 1) for j in range(max(1, int(first.max()).bit_length())))
        if best is None or key < best[0]:
            best = (key, state, acc)
    _, state, acc = best
    return state, inverse(acc)
