"""One colouring under a torus group T x| P, element by element in closed form: no element listed, no chain.

Every element of G = T x| P (:class:`exactorbit._perm.structure.TorusStructure`) is a
linear part p (a pixel permutation fixing 0), then a translation t (a pixel: the
vector (R[t], C[t])): g(i) = p(i) + t.  The image of a colouring c under g is c^p
(pixel p(i) takes c[i]) translated by t (pixel j takes c^p[j - t]).  So:

* the elements taking ``source`` to ``target`` are, for each p, the translations t
  with c^p + t = target.  Such a t maps the first pixel a_0 of the rarest colour v
  of c^p onto a pixel of colour v of the target: the candidates are the m pixels of
  that colour class (m <= n / 2 for two colours), each checked on every pixel at
  once (numpy), so the work is |P| m n, never |G| n, and no element is listed;
* every image of c (an orbit, a minimal image) is c^p translated by all n
  translations, for each of the |P| linear parts: |P| blocks of n x n entries.

Masks compare as ints: the highest pixel decides, so a colouring's key is its bit
rows, highest pixel first, packed into bytes (``keys``); for a tuple of images
(colour bit j = membership in image j), image 0 fully first.

>>> from exactorbit._perm.structure import torus
>>> from exactorbit.groups import named_group
>>> s = torus(named_group("translations+dihedral", "3x3").generators, 3, 3)
>>> c = np.array([1, 1, 0, 0, 0, 0, 0, 0, 0])
>>> sum(len(ts) for _, ts in matches(s, c, c))          # |Stab| of two adjacent pixels
4
"""

import numpy as np

__all__ = ["translated", "matches", "minimal", "element", "images", "keys", "mask_of_key", "orbit_points",
           "sparse_minimal"]

def translated(coords, c, shifts):
    """Row k: the colouring c translated by the translation ``shifts[k]`` (pixel j takes c[j - t_k]).

    >>> from exactorbit._perm.lattices import TorusCoordinates
    >>> translated(TorusCoordinates(1, 3), np.array([1, 0, 0]), np.array([0, 1, 2])).tolist()
    [[1, 0, 0], [0, 1, 0], [0, 0, 1]]
    """
    R, C = coords.R, coords.C
    shifts = np.asarray(shifts, dtype=np.int64)
    src = ((R[None, :] - R[shifts][:, None]) % coords.h) * coords.w + (C[None, :] - C[shifts][:, None]) % coords.w
    return c[src]


def _by_part(structure, c):
    """(p, c^p) for every linear part p (pixel p(i) takes c[i])."""
    for p in structure.linear:
        cp = np.empty_like(c)
        cp[p] = c
        yield p, cp


#: Candidates left when the progressive filter stops and checks every pixel at once.
_FEW = 32


def _survivors(coords, sp, target, cand):
    """The translations t of ``cand`` with sp + t = target: pixel by pixel (each random pixel halves the candidates),
    then every pixel at once for the few left."""
    R, C = coords.R, coords.C
    for j in range(coords.n):
        if len(cand) <= _FEW:
            break
        cand = cand[target[coords.index(R[j] + R[cand], C[j] + C[cand])] == sp[j]]
    if not len(cand):
        return cand
    return cand[(translated(coords, sp, cand) == target).all(axis=1)]


def matches(structure, source, target, first=False):
    """For every linear part p, (p, the translations t with source^(p, t) = target) as an int array.

    ``first``: stop at the first match (a transporter).
    """
    coords = structure.coords
    R, C = coords.R, coords.C
    source, target = np.asarray(source), np.asarray(target)
    values, counts = np.unique(target, return_counts=True)
    rare = values[int(np.argmin(counts))]
    S = np.flatnonzero(target == rare)
    if np.count_nonzero(source == rare) != len(S):  # the colour counts differ: no element at all
        return
    for p, sp in _by_part(structure, source):
        a0 = int(np.flatnonzero(sp == rare)[0])
        found = _survivors(coords, sp, target, coords.index(R[S] - R[a0], C[S] - C[a0]))
        yield p, found
        if first and len(found):
            return


def minimal(structure, c):
    """(the minimal colouring in the order of masks, its linear part, its translation): every element (p, t) a
    candidate, kept from the highest pixel down while some candidate's image lacks the pixel (progressive filter;
    for a tuple, image 0 fully first).  The image of (p, t) at pixel q is c[p^-1(q - t)]."""
    coords = structure.coords
    R, C = coords.R, coords.C
    c = np.asarray(c)
    inverses = np.stack([np.argsort(p) for p in structure.linear])
    parts = np.repeat(np.arange(len(structure.linear)), structure.n)
    shifts = np.tile(np.arange(structure.n), len(structure.linear))
    width = max(1, int(c.max()).bit_length())
    for j in range(width):
        for q in range(structure.n - 1, -1, -1):
            if len(parts) == 1:
                break
            bits = (c[inverses[parts, coords.index(R[q] - R[shifts], C[q] - C[shifts])]] >> j) & 1
            if bits.any() and not bits.all():
                parts, shifts = parts[bits == 0], shifts[bits == 0]
    p, t = structure.linear[int(parts[0])], int(shifts[0])
    image = np.empty_like(c)
    image[p] = c
    return translated(coords, image, np.array([t]))[0], p, t


def element(structure, p, t):
    """The pixel permutation of p, then the translation t: i -> p(i) + t (arrays broadcast: p[None, :] with
    t[:, None] gives one row per translation).

    >>> from exactorbit._perm.structure import torus
    >>> from exactorbit.groups import named_group
    >>> s = torus(named_group("translations", "1x3").generators, 1, 3)
    >>> element(s, s.linear[0], 1).tolist()
    [1, 2, 0]
    """
    coords = structure.coords
    return coords.index(coords.R[p] + coords.R[t], coords.C[p] + coords.C[t])


def images(structure, c):
    """(p, rows) for every linear part p: rows[t] = c^p translated by t, for all n translations t."""
    shifts = np.arange(structure.n, dtype=np.int64)
    for p, cp in _by_part(structure, c):
        yield p, translated(structure.coords, cp, shifts)


def keys(rows, width):
    """One bytes key per row of colourings, ordered as the masks (tuples of masks) are: image 0's bits first,
    each image's highest pixel first.

    >>> keys(np.array([[1, 0], [0, 1]]), 1)   # masks 1 and 2
    [b'@', b'\\x80']
    """
    parts = [np.packbits(((rows[:, ::-1] >> j) & 1).astype(np.uint8), axis=1) for j in range(width)]
    packed = np.concatenate(parts, axis=1) if len(parts) > 1 else parts[0]
    return [bytes(row) for row in packed]


def mask_of_key(key, n, width, j=0):
    """Image j's mask back from a key of :func:`keys` (n pixels).

    >>> mask_of_key(b'@', 2, 1), mask_of_key(b'\\x80', 2, 1)
    (1, 2)
    """
    size = (n + 7) // 8
    chunk = key[j * size:(j + 1) * size]
    return int.from_bytes(chunk, "big") >> (8 * size - n)


#: Pixels of the rarer colour up to which one binary image's orbit is handled as sets of pixels, not n-bit rows.
SPARSE_PIXELS = 64


def _sparse(c):
    """(the pixels of the rarer colour of a 0/1 colouring, whether they are the off pixels), or None."""
    if c.max() > 1:
        return None
    on = np.flatnonzero(c)
    rare, off = (on, False) if 2 * len(on) <= len(c) else (np.flatnonzero(c == 0), True)
    return (rare, off) if len(rare) <= SPARSE_PIXELS else None


def _set_rows(structure, p, rare):
    """The sets p(rare) + t for all n translations t, as rows of pixels sorted from the highest down."""
    coords = structure.coords
    A = p[rare]
    t = np.arange(structure.n, dtype=np.int64)[:, None]
    rows = coords.index(coords.R[A][None, :] + coords.R[t], coords.C[A][None, :] + coords.C[t])
    return -np.sort(-rows, axis=1)


def _mask(row, n, off):
    m = 0
    for q in row.tolist():
        m |= 1 << q
    return ((1 << n) - 1) ^ m if off else m


def sparse_minimal(structure, c):
    """(minimal mask, its element) of a sparse 0/1 colouring (see :func:`_sparse`), or None when it is not sparse.

    For sets of one size, the order of masks is the lexicographic order of the pixels sorted from the highest down;
    complements reverse it.
    """
    found = _sparse(np.asarray(c))
    if found is None:
        return None
    rare, off = found
    if not len(rare):
        return int(_mask(rare, structure.n, off)), structure.linear[0]
    best = None
    for p in structure.linear:
        rows = _set_rows(structure, p, rare)
        order = np.lexsort(rows.T[::-1])
        t = int(order[-1] if off else order[0])
        key = tuple(rows[t].tolist())
        if best is None or (key > best[0] if off else key < best[0]):
            best = (key, t, p)
    key, t, p = best
    return _mask(np.array(key, dtype=np.int64), structure.n, off), element(structure, p, t)


def orbit_points(structure, c, images_in_tuple=0):
    """The orbit of the colouring c as sorted masks (or tuples of ``images_in_tuple`` masks).

    >>> from exactorbit._perm.structure import torus
    >>> from exactorbit.groups import named_group
    >>> orbit_points(torus(named_group("translations", "1x3").generators, 1, 3), np.array([1, 1, 0]))
    [3, 5, 6]
    """
    width = images_in_tuple or 1
    sparse = None if images_in_tuple else _sparse(np.asarray(c))
    if sparse is not None:
        rare, off = sparse
        return sorted({_mask(row, structure.n, off) for p in structure.linear for row in _set_rows(structure, p, rare)})
    found = set()
    for _, rows in images(structure, np.asarray(c)):
        found.update(keys(rows, width))
    n = structure.n
    if images_in_tuple:
        return sorted(tuple(mask_of_key(k, n, width, j) for j in range(images_in_tuple)) for k in found)
    return sorted(mask_of_key(k, n, width) for k in found)
