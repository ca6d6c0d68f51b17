"""The symbolic route of :func:`exactorbit.orbits.decompose`: the orbit-size spectrum without 2^n enumeration.

The route (proof in ``proofs/orbit_spectrum.md``):

* an image x is fixed by a subgroup K iff x is a union of K-orbits on the pixels,
  so ``fix(K) = 2^(#K-orbits)`` (by weight: the coefficient of ``t^k`` in
  ``prod_O (1 + t^|O|)``);
* hence x is fixed by K iff it is fixed by the *closure* ``cl(K)``, the elements
  of G that map every K-orbit onto itself; every stabilizer is closed, and closed
  subgroups correspond one to one with their orbit partitions;
* ``fix(K) = sum_{[H] closed} c(K, H) * N(H)`` where ``N(H)`` is the number of
  images whose stabilizer is exactly H and ``c(K, H)`` the number of conjugates of
  H containing K (a table of marks, up to the factor ``|N_G(H)|/|H|``); it is
  unitriangular, so Moebius inversion from the largest subgroups down gives N(H);
* the ``|G : N_G(H)|`` conjugates of H carry ``|G:N_G(H)| * N(H)`` images in orbits
  of size ``|G|/|H|``: ``N(H) * |H| / |N_G(H)|`` orbits.

The closed subgroup classes and their marks come from :mod:`exactorbit.subgroups`.
Front door: :func:`exactorbit.orbits.decompose` (``method="symbolic"``).

>>> from exactorbit.groups import named_group
>>> s = orbit_spectrum(named_group("translations+dihedral", "3x3"))
>>> s.orbits, s.orbit_sizes
(26, {1: 2, 6: 4, 9: 6, 18: 4, 36: 10})
"""

import math

from .._perm.cycles import fixed_by_weight
from .._validation import check_int
from ..groups import check_group as _check_group
from ..subgroups import SubgroupClass, closed_subgroup_classes, marks_matrix
from ._result import OrbitDecomposition

__all__ = ["orbit_spectrum", "stabilizer_class_counts"]


def _fixed_images(block_sizes, weight):
    """Images fixed by a subgroup with these orbit sizes: 2^#orbits, or those of one weight."""
    if weight is None:
        return 1 << len(block_sizes)
    return fixed_by_weight(((s, 1) for s in block_sizes), weight)[weight]


def stabilizer_class_counts(group, weight=None, *, force=False, limit=None, classes=None):
    """For each closed class [H] (largest first): (class, N(H), number of orbits with stabilizer ~ H).

    N(H) is the number of images (of the given weight) whose stabilizer is exactly the
    representative H, found by Moebius inversion of ``fix(K) = 2^(#K-orbits)``.

    >>> from exactorbit.groups import named_group
    >>> [(c.order, n, o) for c, n, o in stabilizer_class_counts(named_group("translations", "1x4"))]
    [(4, 2, 2), (2, 2, 1), (1, 12, 3)]
    """
    _check_group(group)
    if weight is not None:
        weight = check_int("weight", weight, min_value=0, max_value=group.n)
    if classes is None:
        classes = closed_subgroup_classes(group, force=force, limit=limit)
    c = marks_matrix(classes)
    order = group.order()
    exact = []
    out = []
    for i, cls in enumerate(classes):
        value = _fixed_images(cls.block_sizes, weight)
        for j in range(i):
            if c[i][j]:
                value -= c[i][j] * exact[j]
        if value < 0:  # pragma: no cover - the inversion of a true table cannot go negative
            raise AssertionError("negative count in the Moebius inversion")
        exact.append(value)
        orbits, r = divmod(value * cls.order * cls.class_size, order)
        if r:  # pragma: no cover
            raise AssertionError("images with a stabilizer class are not a union of orbits")
        out.append((cls, value, orbits))
    return out


def orbit_spectrum(group, weight=None, *, force=False, limit=None, progress=None):
    """Orbit-size spectrum of all images (or those of weight k) with no 2^n enumeration.

    Returns an :class:`exactorbit.orbits.OrbitDecomposition` with method 'symbolic'
    (``minimal_orbit_features`` is None: the features are listed by enumeration only).

    >>> from exactorbit.groups import named_group
    >>> s = orbit_spectrum(named_group("translations+dihedral", "4x4"))
    >>> s.orbit_sizes
    {1: 2, 2: 1, 4: 3, 8: 14, 16: 48, 32: 104, 64: 308, 128: 325}
    """
    _check_group(group)
    if weight is not None:
        weight = check_int("weight", weight, min_value=0, max_value=group.n)
    n = group.n
    order = group.order()
    if group.is_symmetric:
        # the orbits are the weight classes; the stabilizer of a weight-k image is S_k x S_(n-k)
        counts = [
            (SubgroupClass(math.factorial(k) * math.factorial(n - k), None, None, 0, (), 1), math.comb(n, k), 1)
            for k in range(n + 1)
            if weight is None or k == weight
        ]
    else:
        classes = closed_subgroup_classes(group, force=force, limit=limit, progress=progress)
        counts = stabilizer_class_counts(group, weight, classes=classes)
    sizes = {}
    nonconst = None
    constants = 2 if weight is None else int(weight in (0, n))
    for cls, images, orbits in counts:
        size = order // cls.order
        if orbits:
            sizes[size] = sizes.get(size, 0) + orbits
        # the constant images have stabilizer G (the first class)
        extra = orbits - (constants if cls.order == order else 0)
        if extra > 0 and (nonconst is None or size < nonconst):
            nonconst = size
    result = OrbitDecomposition.from_sizes(sizes, group_order=order, method="symbolic", weight=weight,
                                           smallest_nonconstant=nonconst)
    if result.images != (2**n if weight is None else math.comb(n, weight)):  # pragma: no cover
        raise AssertionError("the spectrum does not account for every image")
    return result
