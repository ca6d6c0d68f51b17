"""The geometry claims on one case (a generating set), each computed exactly, with a verdict and its evidence.

Issue 23's reading of "a deep network is a path of elementary transformations" (proofs/geometry.md):

* ``G1_depth_is_word_length``: the depth a transformation needs is its word length, and most elements need
  nearly the maximum depth: the exact shares of elements within 1 and within 2 of the diameter; the verdict
  is on "more than half lie within 2 of the diameter".
* ``G2_richer_moves_shorten``: a richer set of elementary moves shortens every geodesic: for an NCT circuit
  library NCT against NCTS (SWAP gates added), otherwise the moves alone (the directed Cayley graph) against
  the moves and their inverses; "no element needs more moves, and every element of length 2 or more needs
  strictly fewer" (a move itself has length 1 either way).
* ``G3_template_metric``: the template distance (shortest chain of moves and their inverses carrying one image of
  the orbit onto another) is a metric on the orbit: symmetric and with the triangle inequality, checked on every
  pair and triple; without inverse moves (the directed Schreier graph) the evidence shows an asymmetric pair
  when the orbit has one.
* ``G4_hamming_bound``: d(x, y) >= ceil(H(x, y) / M), H the number of pixels that differ and M the largest
  support of a move; the pairs that attain it and those that do not.

>>> from exactorbit.geometry import adjacent_transpositions
>>> [(c.id, c.verdict) for c in geometry_claims(adjacent_transpositions(4))]
[('G1_depth_is_word_length', 'fails'), ('G2_richer_moves_shorten', 'fails'), ('G3_template_metric', 'holds'), ('G4_hamming_bound', 'holds')]
"""

from fractions import Fraction

import numpy as np

from .._budget import refuse_if_over
from ..claims._claim import FAILS, HOLDS, UNDECIDED, Claim, fraction_str
from ..images import as_mask
from ._bfs import ranked_bfs
from ._generating import generating_set, moves_of
from ._templates import _search

__all__ = ["geometry_claims", "CLAIM_IDS", "MAX_ORBIT"]

CLAIM_IDS = ("G1_depth_is_word_length", "G2_richer_moves_shorten", "G3_template_metric", "G4_hamming_bound")
#: Most images of the orbit the metric claim G3 checks on every triple (|O|^3 triples).
MAX_ORBIT = 120
#: Most images of the orbit the bound G4 checks on every pair (|O|^2 pairs, one search per image).
MAX_PAIRS_ORBIT = 2000


def _g1(S, growth):
    spheres, d = growth.spheres, len(growth.spheres) - 1
    total = sum(spheres)
    within1 = Fraction(sum(spheres[max(0, d - 1):]), total)
    within2 = Fraction(sum(spheres[max(0, d - 2):]), total)
    verdict = HOLDS if within2 > Fraction(1, 2) else FAILS
    statement = ("the depth an element needs is its word length, and more than half of the elements need a depth "
                 "within 2 of the largest (the diameter)")
    summary = (f"diameter {d}; {fraction_str(within1)} of the {total} elements lie within 1 of it, "
               f"{fraction_str(within2)} within 2" + ("; trivially: the diameter is at most 2" if d <= 2 else ""))
    return Claim("G1_depth_is_word_length", statement, verdict,
                 {"spheres": list(spheres), "diameter": d, "order": total, "within_1": fraction_str(within1),
                  "within_2": fraction_str(within2)}, summary)


def _is_nct(S):
    """Whether S's moves are exactly an NCT library (reversible_circuits(bits, "NCT")), in any order."""
    from ._named import reversible_circuits

    bits = S.n.bit_length() - 1
    if S.grid.h != 1 or S.n != 1 << bits or not 1 <= bits <= 4:
        return False
    return set(S.generators) == set(reversible_circuits(bits, "NCT").generators)


def _g2(S, base, force, limit):
    """NCT against NCTS for an NCT library; otherwise the moves alone (directed) against the moves and their
    inverses. Both searches rank by one ranker (the same group on the same points), so depths compare by rank."""
    from ._named import reversible_circuits

    if _is_nct(S):
        richer = reversible_circuits(S.n.bit_length() - 1, "NCTS")
        poorer, what = base, "NCTS (the SWAP gates added to NCT)"
        other = ranked_bfs(richer, True, depths=True, ranker=base.ranker, force=force, limit=limit)
        richer_name = richer.title
    else:
        poorer = ranked_bfs(S, False, depths=True, ranker=base.ranker, force=force, limit=limit)
        other, what, richer_name = base, "the inverse moves added to the moves (the directed Cayley graph against " \
                                         "the undirected one)", "the moves and their inverses"
    statement = f"richer elementary moves shorten every geodesic: with {what}, no element needs more moves and " \
                f"every element of length 2 or more needs strictly fewer"
    a, b = poorer.depths.astype(np.int64), other.depths.astype(np.int64)
    if (b > a).any():  # pragma: no cover - a superset of moves cannot lengthen a word
        raise AssertionError("a richer move set lengthened a word")
    same = np.flatnonzero((b == a) & (a > 1))
    shorter, longer_words = int(np.count_nonzero(b < a)), int(np.count_nonzero(a > 1))
    witness = (_element_named(base, int(same[0])), int(a[int(same[0])])) if len(same) else None
    verdict = FAILS if len(same) else HOLDS
    summary = (f"{shorter} of {longer_words} elements of length 2 or more get shorter, {len(same)} keep their length"
               + (f" (e.g. {witness[0]}, length {witness[1]} either way)" if witness else "")
               + ("; trivially: no element has length 2 or more" if not longer_words else ""))
    return Claim("G2_richer_moves_shorten", statement, verdict,
                 {"richer": richer_name, "spheres": list(poorer.spheres), "richer_spheres": list(other.spheres),
                  "shorter": shorter, "unchanged": int(len(same)),
                  "counter_example": None if witness is None else {"element": witness[0], "length": witness[1]}},
                 summary)


def _element_named(bfs, r):
    """The cycle string of the element of rank r (on the whole grid: the moved points lifted back)."""
    from .._perm.perms import cycle_string

    found = _element_of_rank(bfs, r, bfs.moves.shape[1])
    full = list(range(int(bfs.support.max()) + 1 if len(bfs.support) else 0))
    for i, p in enumerate(bfs.support):
        full[int(p)] = int(bfs.support[int(found[i])])
    return cycle_string(tuple(full))


def _element_of_rank(bfs, r, m):
    """The element (a row on the moved points) of rank r: regenerate the group level by level (small groups)."""
    frontier = np.arange(m, dtype=np.int64)[:, None]
    seen = {int(bfs.ranker.rank(frontier.astype(bfs.ranker.dtype))[0])}
    if r in seen:
        return frontier[:, 0]
    while frontier.shape[1]:
        cand = np.concatenate([bfs.moves[s][frontier] for s in range(len(bfs.moves))], axis=1)
        ranks = bfs.ranker.rank(cand.astype(bfs.ranker.dtype))
        hit = np.flatnonzero(ranks == r)
        if len(hit):
            return cand[:, int(hit[0])]
        keep = [j for j, x in enumerate(ranks.tolist()) if x not in seen and not seen.add(x)]
        frontier = cand[:, keep]
    raise AssertionError("rank not found")  # pragma: no cover


def _orbit(S, x, force, limit):
    """The orbit of x (a list, in breadth-first order from x) and the moves with inverses."""
    perms, _ = moves_of(S, True)
    return list(_search(perms, x, cap=(0, limit, force), what="a search of the orbit of the claims' image")[0]), perms


def _distances(perms, orbit, force, limit):
    """D[i, j] = the fewest moves (``perms``) carrying orbit[i] onto orbit[j]: one search per image, guarded."""
    refuse_if_over(f"the template distances of an orbit of {len(orbit)} images (one search per image)",
                   len(orbit) ** 2 * len(perms), "schreier_work", limit=limit, force=force)
    index = {m: i for i, m in enumerate(orbit)}
    D = np.zeros((len(orbit), len(orbit)), dtype=np.int64)
    for i, m in enumerate(orbit):
        for y, d in _search(perms, m)[0].items():
            D[i, index[y]] = d
    return D


def _undecided(cid, statement, why, evidence):
    return Claim(cid, statement, UNDECIDED, evidence, f"undecided: {why}")


def _g3(S, x, force, limit):
    statement = ("the template distance (the fewest moves, and their inverses, carrying one image of the orbit onto "
                 "another) is a metric on the orbit: symmetric, with the triangle inequality; without the inverse "
                 "moves it need not be symmetric (a counter-example is shown when the orbit has one)")
    orbit, perms = _orbit(S, x, force, limit)
    if len(orbit) > MAX_ORBIT:
        return _undecided("G3_template_metric", statement, f"the orbit has {len(orbit)} images, more than the "
                          f"{MAX_ORBIT} whose triples are checked", {"orbit_size": len(orbit), "limit": MAX_ORBIT})
    D = _distances(perms, orbit, force, limit)
    symmetric = bool((D == D.T).all())
    # the triangle inequality d(a, c) <= d(a, b) + d(b, c) for all a, b, c (the middle index b)
    triangle = bool((D[:, None, :] <= D[:, :, None] + D[None, :, :]).all())
    Dd = _distances(moves_of(S, False)[0], orbit, force, limit)
    asym = np.argwhere(Dd != Dd.T)
    directed = None
    if len(asym):
        i, j = (int(v) for v in asym[0])
        directed = {"x": orbit[i], "y": orbit[j], "d(x,y)": int(Dd[i, j]), "d(y,x)": int(Dd[j, i])}
    verdict = HOLDS if symmetric and triangle else FAILS
    summary = (f"on the orbit of {x} ({len(orbit)} images): symmetric {symmetric}, triangle inequality {triangle}; "
               + ("without inverse moves: " + (f"d({directed['x']},{directed['y']}) = {directed['d(x,y)']} but "
                                               f"d({directed['y']},{directed['x']}) = {directed['d(y,x)']}"
                                               if directed else "symmetric on this orbit too")))
    return Claim("G3_template_metric", statement, verdict,
                 {"image": x, "orbit_size": len(orbit), "symmetric": symmetric, "triangle": triangle,
                  "directed_counter_example": directed}, summary)


def _g4(S, x, force, limit):
    perms, _ = moves_of(S, True)
    M = max(sum(1 for i, p in enumerate(g) if p != i) for g in perms)
    statement = (f"the template distance is at least the number of pixels that differ divided by the largest support "
                 f"of a move (here {M}), rounded up")
    orbit, _ = _orbit(S, x, force, limit)
    if len(orbit) > MAX_PAIRS_ORBIT:
        return _undecided("G4_hamming_bound", statement, f"the orbit has {len(orbit)} images, more than the "
                          f"{MAX_PAIRS_ORBIT} whose pairs are checked", {"orbit_size": len(orbit),
                                                                          "limit": MAX_PAIRS_ORBIT})
    D = _distances(perms, orbit, force, limit)
    attained, strict, broken = None, None, None
    count_attained = 0
    for i, a in enumerate(orbit):
        for j, b in enumerate(orbit):
            h = bin(a ^ b).count("1")
            bound = -(-h // M) if M else 0
            d = int(D[i, j])
            if d < bound:
                broken = broken or {"x": a, "y": b, "distance": d, "bound": bound}
            elif d == bound:
                count_attained += 1
                if i != j and attained is None:
                    attained = {"x": a, "y": b, "distance": d, "bound": bound}
            elif strict is None:
                strict = {"x": a, "y": b, "distance": d, "bound": bound}
    verdict = FAILS if broken else HOLDS
    pairs = len(orbit) ** 2
    summary = (f"{count_attained} of {pairs} ordered pairs of the orbit of {x} attain the bound"
               + (f"; not attained e.g. by {strict['x']} -> {strict['y']} (distance {strict['distance']}, bound "
                  f"{strict['bound']})" if strict else ""))
    return Claim("G4_hamming_bound", statement, verdict,
                 {"image": x, "largest_support": M, "pairs": pairs, "attained": count_attained,
                  "attaining_example": attained, "strict_example": strict, "counter_example": broken}, summary)


def _default_image(S):
    """Two pixels on (the first two), or one pixel on a grid of fewer than four pixels."""
    return 0b11 if S.n >= 4 else 0b1


def geometry_claims(group, image=None, generators=None, *, force=False, limit=None):
    """The claims G1-G4 on the generating set of ``group`` (a GeneratingSet or a PixelGroup with its generators),
    the template claims on the orbit of ``image`` (default: the first two pixels on): a list of Claim.

    >>> from exactorbit.geometry import pancake
    >>> c = geometry_claims(pancake(4))
    >>> c[0].summary
    'diameter 4; 7/12 of the 24 elements lie within 1 of it, 5/6 within 2'
    """
    S = generating_set(group, generators)
    x = _default_image(S) if image is None else as_mask(image, S.grid, "image")
    base = ranked_bfs(S, True, depths=True, force=force, limit=limit)
    return [_g1(S, base), _g2(S, base, force, limit), _g3(S, x, force, limit), _g4(S, x, force, limit)]
