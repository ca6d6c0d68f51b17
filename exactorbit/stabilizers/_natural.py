"""The natural route of the stabilizer doors: S_n and A_n on the pixels, in closed form.

In S_n the stabilizer of a colouring (an image, or a tuple of images) is the
product of the symmetric groups on its colour classes, of order the product of
their factorials; two colourings are in one orbit iff their classes have the
same sizes, and a transporter maps class to class in order.  A_n (n >= 5, so
A_n is transitive on the colourings of each class-size profile unless every
class is a single point) takes the even elements of these: the stabilizer is the
even part of the product (half of it, when a class has two points), and an odd
transporter is corrected by a transposition inside a class.  No stabilizer
chain is built: the symmetric group on 784 pixels costs nothing.

Front doors: :mod:`exactorbit.stabilizers`.

>>> stabilizer_generators(np.array([1, 0, 1, 1, 0]), "symmetric")[1]
12
"""

from math import factorial

import numpy as np

from .._perm.cycles import parity as _parity

__all__ = ["stabilizer_generators", "transporter", "minimal_image", "applies"]


def applies(group):
    """'symmetric' or 'alternating' when this route answers for the group (A_n for n >= 5 only), else None."""
    kind = group.natural_kind
    if kind == "symmetric" or (kind == "alternating" and group.n >= 5):
        return kind
    return None


def _classes(colours):
    values, inverse = np.unique(colours, return_inverse=True)
    return [np.flatnonzero(inverse == k) for k in range(len(values))]


def stabilizer_generators(colours, kind):
    """(generators as arrays, order) of the stabilizer of a colouring in S_n or A_n."""
    n = len(colours)
    gens, order = [], 1
    for cls in _classes(colours):
        order *= factorial(len(cls))
        if len(cls) >= 2:
            swap = np.arange(n)
            swap[cls[0]], swap[cls[1]] = cls[1], cls[0]
            gens.append(swap)
        if len(cls) >= 3:
            cycle = np.arange(n)
            cycle[cls] = np.roll(cls, -1)
            gens.append(cycle)
    if kind == "symmetric":
        return gens, order
    odd = [g for g in gens if _parity(g)]
    if not odd:
        return gens, order
    t = odd[0]  # Schreier generators of the even part, transversal {1, t}: s, t s t^-1 (even s); s t, t s (odd s)
    out = []
    for s in gens:
        if _parity(s):
            out += [t[s], s[t]]  # s then t, t then s
        else:
            out += [s, t[s[t]]]  # s, and t s t (t is an involution)
    identity = np.arange(n)
    out = [g for g in out if not np.array_equal(g, identity)]
    uniq = {g.tobytes(): g for g in out}
    return list(uniq.values()), order // 2


def transporter(source, target, kind):
    """h with source[p] = target[h[p]], or None: class to class in order (corrected to even for A_n)."""
    source, target = np.asarray(source), np.asarray(target)
    size = max(int(source.max(initial=0)), int(target.max(initial=0))) + 1
    counts = np.bincount(source, minlength=size)
    if not np.array_equal(counts, np.bincount(target, minlength=size)):
        return None
    h = np.empty(len(source), dtype=np.int64)
    h[np.argsort(source, kind="stable")] = np.argsort(target, kind="stable")  # the i-th point of a colour to the i-th
    if kind == "alternating" and _parity(h):
        big = int(np.argmax(counts))
        if counts[big] < 2:
            return None  # every class a single point: the only transporter is odd
        a, b = np.flatnonzero(target == big)[:2]
        swap = np.arange(len(source))
        swap[a], swap[b] = b, a
        h = swap[h]  # h, then the transposition inside a class of the target
    return h


def _bits(x, n):
    """The pixels of mask x as a bool array of length n."""
    raw = np.frombuffer(x.to_bytes((n + 7) // 8, "little"), dtype=np.uint8)
    return np.unpackbits(raw, bitorder="little", count=n).view(bool)


def set_transporter(a, b, n, kind):
    """h with a^h = b for two masks of equal weight (the on-pixels of a to those of b in order), or None.

    The quick case of :func:`transporter` for single images (no colouring built):
    plain Python on bit strings up to 64 pixels (a few microseconds), numpy past that.
    """
    if n <= 64 and kind == "symmetric":
        sa, sb = format(a, "b").zfill(n)[::-1], format(b, "b").zfill(n)[::-1]
        on_b = iter([i for i, c in enumerate(sb) if c == "1"])
        off_b = iter([i for i, c in enumerate(sb) if c == "0"])
        return [next(on_b) if c == "1" else next(off_b) for c in sa]
    on_a, on_b = _bits(a, n), _bits(b, n)
    h = np.empty(n, dtype=np.int64)
    h[on_a] = np.flatnonzero(on_b)
    h[~on_a] = np.flatnonzero(~on_b)
    if kind == "alternating" and _parity(h):
        k = a.bit_count()
        if max(k, n - k) < 2:
            return None  # pragma: no cover - A_n needs n >= 5, so one class has two points
        inside = np.flatnonzero(on_b if k >= 2 else ~on_b)[:2]
        swap = np.arange(n)
        swap[inside[0]], swap[inside[1]] = inside[1], inside[0]
        h = swap[h]  # h, then a transposition inside a class of the target
    return h


def minimal_image(colours, kind):
    """(the minimal colouring under the order of masks, an element reaching it), or None (A_n, all classes single).

    Classes go to the lowest pixels in the order of their bit vectors: members of
    the first image first (and among them members of the second image first, ...).
    """
    n = len(colours)
    values = np.unique(colours)
    width = max(1, int(values.max()).bit_length())
    # sort key: bit 0 most significant, present (1) before absent (0)
    def key(v):
        return tuple(-((int(v) >> j) & 1) for j in range(width))
    order = sorted(values.tolist(), key=key)
    target = np.empty(n, dtype=np.int64)
    start = 0
    for v in order:
        size = int(np.count_nonzero(colours == v))
        target[start:start + size] = v
        start += size
    h = transporter(colours, target, kind)
    if h is None:
        return None
    return target, h
