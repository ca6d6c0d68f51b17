"""The result types of the orbit door: :class:`OrbitDecomposition` and :class:`OrbitClass`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from .._validation import check_int_list, describe
from ..errors import InvalidArgument

if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any

    from numpy.typing import NDArray

    from ..images import Grid

__all__ = ["OrbitDecomposition", "OrbitClass"]


class OrbitClass(tuple):
    """One orbit, read as the pair ``(representative, size)``; ``.members`` is the sorted orbit.

    The representative is the smallest mask of the orbit (its minimal image).

    >>> c = OrbitClass((3, 5, 6))
    >>> c, c.representative, c.size, c.members
    ((3, 3), 3, 3, (3, 5, 6))
    >>> rep, size = c
    >>> OrbitClass([])
    Traceback (most recent call last):
    ...
    exactorbit.errors.InvalidArgument: members must be a non-empty list of image masks, got [] (type list)
    """

    #: The sorted orbit (set when the record is made).
    members: tuple[int, ...]

    def __new__(cls, members: Iterable[int]) -> OrbitClass:
        values = check_int_list("members", members, min_value=0)
        if not values:
            raise InvalidArgument(f"members must be a non-empty list of image masks, got {describe(members)}")
        if any(a >= b for a, b in zip(values, values[1:])):
            raise InvalidArgument(f"members must be the orbit's masks in increasing order, got {describe(members)}")
        return cls._trusted(tuple(values))

    @classmethod
    def _trusted(cls, members: tuple[int, ...]) -> OrbitClass:
        """The orbit of ``members`` (a non-empty increasing tuple of ints), unchecked: for internal callers."""
        self = super().__new__(cls, (members[0], len(members)))
        self.members = members
        return self

    @property
    def representative(self) -> int:
        """The smallest mask of the orbit."""
        return self[0]

    @property
    def size(self) -> int:
        """The number of images in the orbit."""
        return self[1]

    def __reduce__(self):
        return (OrbitClass, (self.members,))


@dataclass
class OrbitDecomposition:
    """The orbit decomposition of a set of images (all 2^n, or those of one weight).

    ``orbit_sizes`` maps orbit size -> number of orbits (sorted by size); ``labels``
    (enumeration with ``labels=True`` only) is a numpy uint32 array whose entry x is
    the minimal image of x's orbit.  ``minimal_orbit_features`` is ``None`` when not
    computed (symbolic route).  ``method`` names the route that ran.
    """

    group_order: int
    images: int
    orbits: int
    orbit_sizes: dict[int, int]
    method: str
    weight: int | None = None
    smallest_orbit_size: int | None = None
    smallest_nonconstant_orbit_size: int | None = None
    minimal_orbit_features: tuple[int, ...] | None = None
    features_truncated: bool = False
    labels: NDArray[np.uint32] | None = field(default=None, repr=False)
    _classes: list[OrbitClass] | None = field(default=None, repr=False, compare=False)
    #: The grid of the images (set by :func:`exactorbit.orbits.decompose`), for drawing.
    grid: Grid | None = field(default=None, repr=False, compare=False)

    def _repr_html_(self):
        from .._display import decomposition_html

        return decomposition_html(self, self.grid)

    @classmethod
    def from_sizes(cls, sizes: dict[int, int], *, group_order: int, method: str, weight: int | None = None,
                   smallest_nonconstant: int | None = None, features: tuple[int, ...] | None = None,
                   truncated: bool = False, labels: NDArray[np.uint32] | None = None) -> OrbitDecomposition:
        """A decomposition from its orbit-size histogram {size: number of orbits}; the totals are derived.

        >>> OrbitDecomposition.from_sizes({4: 1, 1: 2}, group_order=4, method="enumerate")
        OrbitDecomposition(group_order=4, images=6, orbits=3, orbit_sizes={1: 2, 4: 1}, method='enumerate', weight=None, smallest_orbit_size=1, smallest_nonconstant_orbit_size=None, minimal_orbit_features=None, features_truncated=False)
        """
        sizes = dict(sorted(sizes.items()))
        return cls(
            group_order=group_order,
            images=sum(s * k for s, k in sizes.items()),
            orbits=sum(sizes.values()),
            orbit_sizes=sizes,
            method=method,
            weight=weight,
            smallest_orbit_size=min(sizes) if sizes else None,
            smallest_nonconstant_orbit_size=smallest_nonconstant,
            minimal_orbit_features=features,
            features_truncated=truncated,
            labels=labels,
        )

    def classes(self) -> list[OrbitClass]:
        """Every orbit as an :class:`OrbitClass`, ordered by representative (needs ``labels``).

        >>> from exactorbit.groups import translations
        >>> from exactorbit.orbits import decompose
        >>> decompose(translations("1x2"), labels=True).classes()
        [(0, 1), (1, 2), (3, 1)]
        """
        if self.labels is None:
            raise InvalidArgument("this decomposition has no labels: decompose(..., labels=True) lists the orbits")
        if self._classes is None:
            self._classes = self._read_classes()
        return list(self._classes)

    def _read_classes(self):
        labels = np.asarray(self.labels)
        images = np.arange(len(labels), dtype=np.int64)
        if self.weight is not None:
            keep = np.bitwise_count(images.astype(np.uint32)) == self.weight
            labels, images = labels[keep], images[keep]
        order = np.argsort(labels, kind="stable")
        starts = np.flatnonzero(np.r_[True, np.diff(labels[order].astype(np.int64)) != 0])
        members = np.split(images[order], starts[1:])
        return [OrbitClass._trusted(tuple(m.tolist())) for m in members if len(m)]

    def to_json(self) -> dict[str, Any]:
        """The JSON payload of ``exactorbit orbits`` (exact ints; string keys for sizes)."""
        feats = self.minimal_orbit_features
        return {
            "group_order": self.group_order,
            "images": self.images,
            "orbits": self.orbits,
            "orbit_sizes": {str(k): v for k, v in self.orbit_sizes.items()},
            "method": self.method,
            "minimal_orbit_features": None if feats is None else [int(x) for x in feats],
        }
