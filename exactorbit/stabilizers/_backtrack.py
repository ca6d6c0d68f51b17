"""The backtrack route of the stabilizer doors: searches over a stabilizer chain, never listing an orbit.

Colourings.  An image x is the colouring c of the pixels with c[p] = [p in x]; a
tuple (x_1, ..., x_k) (the diagonal action) is the colouring whose colour of p is
the bit vector of memberships.  g stabilizes x iff c[g[p]] = c[p] for every p,
and g transports a to b iff c_a[p] = c_b[g[p]].

Transporter.  Write G = G_0 >= G_1 >= ... (:mod:`exactorbit._perm.chain`).  An h in G_i with
c[p] = t[h[p]] (t the target colouring) factors as h = h' u with u = u_delta in
the transversal of level i (delta = h[b_i]) and h' in G_{i+1}; then
c[p] = t'[h'[p]] with t' = t[u] (the target pulled back by u).  So the search
descends level by level, with the target pulled back at every step, and prunes
a branch unless

* t[delta] = c[b_i] (the base point keeps its colour), and
* on every orbit O of G_{i+1}, c and t' have the same number of points of each
  colour (h' maps O onto itself): the orbit-counting refinement, one
  ``bincount`` per branch.  At the bottom (G_m = 1) it says t' = c.

Stabilizer.  K = Stab_G(c) is built from the bottom of the chain up
(K_m = 1, ..., K_0 = K), Sims' way: at level i only one candidate delta per
orbit of the subgroup found so far needs a transporter search in G_{i+1} (for
the target c[u_delta]); a success is a new strong generator, a failure rules out
delta's whole orbit.  |K| is the product over levels of |b_i^(K_i)|: exact, with
no Schreier-Sims on K.

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

from .._budget import refuse_if_over
from ..images import to_mask
from .._perm.chain import inverse, join_labels, orbit_labels

__all__ = ["stabilizer_search", "transporter_search", "minimal_image_search"]


class _Counter:
    """The orbit-counting refinement: per level, the (orbit, colour) histogram of the source colouring."""

    def __init__(self, chain, source):
        self.chain = chain
        values, self.source = np.unique(source, return_inverse=True)
        self.values = values
        self.k = len(values)
        self.n = chain.n
        self.hist = {}

    def code(self, target):
        """The target's colours renumbered like the source's (-1 for colours the source lacks)."""
        idx = np.searchsorted(self.values, target)
        idx = np.clip(idx, 0, self.k - 1)
        return np.where(self.values[idx] == target, idx, -1)

    def _histogram(self, i, c):
        lab = self.chain.labels(i)
        return np.bincount(lab * self.k + c, minlength=self.n * self.k)

    def fits(self, i, c):
        """Whether c (renumbered) has the source's colour counts on every orbit of G_i."""
        if (c < 0).any():
            return False
        h = self.hist.get(i)
        if h is None:
            h = self.hist[i] = self._histogram(i, self.source)
        return bool(np.array_equal(self._histogram(i, c), h))


def _transport(chain, counter, start, target):
    """h in G_start with source[p] = target[h[p]] (renumbered colourings), or None.  Iterative depth-first."""
    m = len(chain)
    source = counter.source
    if start == m or np.array_equal(target, source):  # the identity of G_start works (or nothing does)
        return np.arange(chain.n, dtype=np.int64) if np.array_equal(target, source) else None
    if not counter.fits(start, target):
        return None
    # stack entries: (level, target at this level, candidate deltas, next index, u chosen at the parent)
    stack = []
    level = chain.levels[start]
    cands = level.orbit[target[level.orbit] == source[level.point]]
    stack.append([start, target, cands, 0])
    chosen = []  # u at each level of the current path
    while stack:
        frame = stack[-1]
        i, t, cands, k = frame
        if k >= len(cands):
            stack.pop()
            if chosen:
                chosen.pop()
            continue
        frame[3] = k + 1
        lev = chain.levels[i]
        u = lev.transversal(int(cands[k]))
        t2 = t[u]
        done = np.array_equal(t2, source)  # then the identity of G_(i+1) finishes the element
        if not done and (i + 1 == m or not counter.fits(i + 1, t2)):
            continue
        if done:  # h = u_i ... u_start (deepest first)
            h = u
            for v in reversed(chosen):
                h = v[h]
            return h
        chosen.append(u)
        nxt = chain.levels[i + 1]
        stack.append([i + 1, t2, nxt.orbit[t2[nxt.orbit] == source[nxt.point]], 0])
    return None


def transporter_search(chain, source, target):
    """An element h of G with source[p] = target[h[p]] for all p (so a^h = b for colourings of a, b), or None.

    >>> from exactorbit.groups import translations
    >>> from exactorbit.images import colouring
    >>> from exactorbit._perm.chain import StabilizerChain
    >>> chain = StabilizerChain(translations("1x4").generators, 4)
    >>> transporter_search(chain, colouring(0b0011, 4), colouring(0b1001, 4)).tolist()
    [3, 0, 1, 2]
    """
    counter = _Counter(chain, source)
    return _transport(chain, counter, 0, counter.code(np.asarray(target, dtype=np.int64)))


def stabilizer_search(chain, source):
    """(strong generators of Stab_G(source) as arrays, its exact order), built from the bottom of the chain."""
    counter = _Counter(chain, source)
    c = counter.source
    n = chain.n
    found = []
    order = 1
    labels = orbit_labels(found, n)  # the orbits of the subgroup found so far, updated as it grows
    for i in reversed(range(len(chain))):
        level = chain.levels[i]
        b = level.point
        cands = level.orbit[c[level.orbit] == c[b]]
        failed = []
        for delta in cands.tolist():
            if labels[delta] == labels[b] or any(labels[delta] == labels[f] for f in failed):
                continue
            u = level.transversal(delta)
            h = _transport(chain, counter, i + 1, c[u])
            if h is None:
                failed.append(delta)
                continue
            found.append(u[h])  # h, then u: fixes b_0 .. b_(i-1), maps b_i to delta, keeps c
            labels = join_labels(labels, found[-1])
        order *= int(np.count_nonzero(labels[level.orbit] == labels[b]))
    return found, order


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
