"""The geometry claims on one case (a generating set), each computed exactly, with a verdict and its evidence.

Issue 23's reading of "a deep network is a path of elementary transformations" (proofs/geometry.md):

* ``G1_depth_is_word_length``: the depth a transformation needs is its word length, and most elements need
  nearly the maximum depth: the exact shares of elements within 1 and within 2 of the diameter; the verdict
  is on "more than half lie within 2 of the diameter".
* ``G2_richer_moves_shorten``: a richer set of elementary moves shortens every geodesic: for reversible
  circuits NCT against NCTS (SWAP gates added), otherwise the moves against the moves plus all products of
  two moves (two layers fused into one); "no element needs more moves, and every element of length 2 or more
  needs strictly fewer" (a move itself has length 1 either way).
* ``G3_template_metric``: the template distance (shortest chain of moves carrying one image of the orbit onto
  another) is a metric on the orbit: symmetric and with the triangle inequality, checked on every pair and
  triple; without inverse moves (the directed Schreier graph) symmetry fails where a move is not an involution.
* ``G4_hamming_bound``: d(x, y) >= ceil(H(x, y) / M), H the number of pixels that differ and M the largest
  support of a move; the pairs that attain it and those that do not.

>>> from exactorbit.geometry import adjacent_transpositions
>>> [(c.id, c.verdict) for c in geometry_claims(adjacent_transpositions(4))]
[('G1_depth_is_word_length', 'fails'), ('G2_richer_moves_shorten', 'holds'), ('G3_template_metric', 'holds'), ('G4_hamming_bound', 'holds')]
"""

from fractions import Fraction
from itertools import product

import numpy as np

from .._perm.perms import apply_mask, compose
from ..claims._claim import FAILS, HOLDS, Claim, fraction_str
from ..images import as_mask
from ._bfs import local_moves, ranked_bfs
from ._generating import GeneratingSet, generating_set, moves_of
from ._templates import _search

__all__ = ["geometry_claims", "CLAIM_IDS", "MAX_ORBIT"]

CLAIM_IDS = ("G1_depth_is_word_length", "G2_richer_moves_shorten", "G3_template_metric", "G4_hamming_bound")
#: Most images of the orbit the metric claims check on every triple (|O|^3 triples).
MAX_ORBIT = 120


def _g1(S, growth):
    spheres, d = growth.spheres, len(growth.spheres) - 1
    total = sum(spheres)
    within1 = Fraction(sum(spheres[max(0, d - 1):]), total)
    within2 = Fraction(sum(spheres[max(0, d - 2):]), total)
    verdict = HOLDS if within2 > Fraction(1, 2) else FAILS
    statement = ("the depth an element needs is its word length, and more than half of the elements need a depth "
                 "within 2 of the largest (the diameter)")
    summary = (f"diameter {d}; {fraction_str(within1)} of the {total} elements lie within 1 of it, "
               f"{fraction_str(within2)} within 2")
    return Claim("G1_depth_is_word_length", statement, verdict,
                 {"spheres": list(spheres), "diameter": d, "order": total, "within_1": fraction_str(within1),
                  "within_2": fraction_str(within2)}, summary)


def _richer(S):
    """(richer generating set, what it is): NCTS for an NCT circuit library, else S plus every product of two moves."""
    if S.title.startswith("reversible circuits") and S.title.endswith("(NCT)"):
        from ._named import reversible_circuits

        bits = S.n.bit_length() - 1
        return reversible_circuits(bits, "NCTS"), "NCTS (the NCT gates and the SWAP gates)"
    perms, names = moves_of(S, True)
    gens, labels, seen = list(perms), list(names), set(perms)
    for (a, na), (b, nb) in product(zip(perms, names), repeat=2):
        ab = compose(a, b)
        if ab not in seen and ab != tuple(range(S.n)):
            seen.add(ab)
            gens.append(ab)
            labels.append(f"{na}*{nb}")
    return GeneratingSet(S.grid, tuple(gens), tuple(labels), S.title + " + products of two moves"), \
        "the moves plus every product of two moves (two layers fused into one)"


def _g2(S, base):
    richer, what = _richer(S)
    rows, support, _ = local_moves(S, True)
    rich_rows, rich_support, _ = local_moves(richer, True)
    statement = f"richer elementary moves shorten every geodesic: with {what}, no element needs more moves and " \
                f"every element of length 2 or more needs strictly fewer"
    if list(support) != list(rich_support):  # pragma: no cover - the richer set moves the same points
        raise AssertionError("the richer set moves other points")
    other = ranked_bfs(richer, True, depths=True, ranker=base.ranker)
    a, b = base.depths.astype(np.int64), other.depths.astype(np.int64)
    longer = np.flatnonzero(b > a)
    if len(longer):  # pragma: no cover - a superset of moves cannot lengthen a word
        raise AssertionError("a richer move set lengthened a word")
    same = np.flatnonzero((b == a) & (a > 1))
    shorter = int(np.count_nonzero(b < a))
    witness = None
    if len(same):
        r = int(same[0])
        witness = _unrank_word(S, base, r)
    verdict = FAILS if len(same) else HOLDS
    summary = (f"{shorter} of {int(np.count_nonzero(a > 1))} elements of length 2 or more get shorter, {len(same)} keep "
               f"their length"
               + (f" (e.g. {witness[0]}, length {witness[1]} either way)" if witness else ""))
    return Claim("G2_richer_moves_shorten", statement, verdict,
                 {"richer": richer.title, "spheres": list(base.spheres), "richer_spheres": list(other.spheres),
                  "shorter": shorter, "unchanged": int(len(same)),
                  "counter_example": None if witness is None else {"element": witness[0], "length": witness[1]}},
                 summary)


def _unrank_word(S, bfs, r):
    """(cycle string, length) of the element of rank r, found by walking the BFS tree of a fresh search."""
    from .._perm.perms import cycle_string

    tree = ranked_bfs(S, True, tree=True, ranker=bfs.ranker)
    perms, _ = moves_of(S, True)
    rows = tree.moves
    m = rows.shape[1]
    # search the level of rank r for its element: walk all elements of the BFS by their tree (small groups)
    found = _element_of_rank(tree, r, m)
    word = []
    cur = found
    ident = int(tree.ranker.rank(np.arange(m, dtype=tree.ranker.dtype)[:, None])[0])
    inverse_rows = np.argsort(rows, axis=1)
    while int(tree.ranker.rank(cur[:, None].astype(tree.ranker.dtype))[0]) != ident:
        k = int(tree.tree[int(tree.ranker.rank(cur[:, None].astype(tree.ranker.dtype))[0])])
        word.append(k)
        cur = inverse_rows[k][cur]
    full = list(range(S.n))
    for i, p in enumerate(tree.support):
        full[int(p)] = int(tree.support[int(found[i])])
    return cycle_string(tuple(full)), len(word)


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


def _orbit_distances(S, x, inverses):
    perms, _ = moves_of(S, inverses)
    orbit = list(_search(perms, x)[0])
    index = {m: i for i, m in enumerate(orbit)}
    D = np.zeros((len(orbit), len(orbit)), dtype=np.int64)
    for i, m in enumerate(orbit):
        for y, d in _search(perms, m)[0].items():
            D[i, index[y]] = d
    return orbit, D


def _g3(S, x):
    statement = ("the template distance (the fewest moves carrying one image of the orbit onto another) is a metric "
                 "on the orbit; without inverse moves it is not symmetric unless every move is an involution")
    orbit, D = _orbit_distances(S, x, True)
    if len(orbit) > MAX_ORBIT:
        return Claim("G3_template_metric", statement, "undecided",
                     {"orbit_size": len(orbit), "limit": MAX_ORBIT}, f"undecided: the orbit has {len(orbit)} images, "
                     f"more than the {MAX_ORBIT} whose triples are checked")
    symmetric = bool((D == D.T).all())
    # the triangle inequality d(a, c) <= d(a, b) + d(b, c) for all a, b, c (the middle index b)
    triangle = bool((D[:, None, :] <= D[:, :, None] + D[None, :, :]).all())
    _, Dd = _orbit_distances(S, x, False)
    asym = np.argwhere(Dd != Dd.T)
    directed = None
    if len(asym):
        i, j = (int(v) for v in asym[0])
        directed = {"x": orbit[i], "y": orbit[j], "d(x,y)": int(Dd[i, j]), "d(y,x)": int(Dd[j, i])}
    expected_asym = any(compose(p, p) != tuple(range(S.n)) for p in S.generators)
    verdict = HOLDS if symmetric and triangle and (directed is not None) == expected_asym else FAILS
    summary = (f"on the orbit of {x} ({len(orbit)} images): symmetric {symmetric}, triangle inequality {triangle}; "
               + ("directed: " + (f"d({directed['x']},{directed['y']}) = {directed['d(x,y)']} but "
                                  f"d({directed['y']},{directed['x']}) = {directed['d(y,x)']}" if directed
                                  else "symmetric too (every move an involution, or the orbit too small to tell)")))
    return Claim("G3_template_metric", statement, verdict,
                 {"image": x, "orbit_size": len(orbit), "symmetric": symmetric, "triangle": triangle,
                  "directed_counter_example": directed}, summary)


def _g4(S, x):
    perms, _ = moves_of(S, True)
    M = max(sum(1 for i, p in enumerate(g) if p != i) for g in perms)
    statement = (f"the template distance is at least the number of pixels that differ divided by the largest support "
                 f"of a move (here {M}), rounded up")
    orbit, D = _orbit_distances(S, x, True)
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
    return [_g1(S, base), _g2(S, base), _g3(S, x), _g4(S, x)]
