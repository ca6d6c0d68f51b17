"""A toy case as data: the grid, the group, the network family, and every shared datum, computed once.

Each claim C1..C8 is a pure function of a :class:`Case`.  The case computes
nothing up front; each field below is one call to a front door, made on first
use and kept, so that a datum several claims need (the labelled orbit
decomposition of the images, the shadow group, the reconstruction
probabilities, the depth tables) is computed exactly once.

>>> case = Case("2x2", "translations", hidden=1, tied=True)
>>> case.settings, case.decomposition.orbits, case.decomposition.method
(20480, 7, 'enumerate')
"""

from functools import cached_property

from .._budget import LIMITS, check_force, say
from .._validation import check_flag, check_int, describe
from ..depth import depth_table
from ..errors import InvalidArgument, TooExpensive
from ..groups import PixelGroup, named_group
from ..images import parse_grid
from ..networks.family import nonempty_settings
from ..networks import (
    NetworkFamily,
    enumerate_functions,
    enumeration_estimate,
    reconstruction_probabilities,
)
from ..orbits import decompose
from ..shadows import recurrent_shadow_group, shadow_group
from ._ranking import rank_classes

__all__ = ["Case"]


class Case:
    """One toy case: ``grid``, ``group`` (a PixelGroup or a name), the autoencoder ``family``, C3's
    ``tolerance`` (default 2^n/8) and the number of depth ``layers``.

    Cached fields (each one front-door call): ``settings``, ``decomposition``
    (labelled, under G), ``functions`` (the listed distinct functions, or None
    when listing is over the limit), ``shadow`` (the shadow group at the
    tolerance, or None; ``shadow_refusal`` says why), ``shadow_group`` (S: the
    shadow group used by C1, C4 and C6), ``shadow_decomposition`` (under S),
    ``recurrent_shadow``, ``probabilities``, ``ranking`` (G's classes against the
    probabilities), ``depth``, ``depth_with_constants``.
    """

    def __init__(self, grid="3x3", group="translations+dihedral", *, hidden=1, tied=True, alphabet=(-1, 0, 1),
                 exclude_constant=False, tolerance=None, layers=3, force=False, quiet=True):
        self.grid = parse_grid(grid)
        self.layers = check_int("layers", layers, min_value=1)
        if tolerance is not None:
            tolerance = check_int("tolerance", tolerance, min_value=0)
        if isinstance(group, PixelGroup):
            if group.grid != self.grid:
                raise InvalidArgument(f"grid {self.grid} differs from the group's grid {group.grid}")
            self.group = group
        elif isinstance(group, str):
            self.group = named_group(group, self.grid)
        else:
            raise InvalidArgument(f"group must be a PixelGroup or a group name, got {describe(group)}")
        self.family = NetworkFamily(self.grid, hidden, tied=tied, alphabet=alphabet, exclude_constant=exclude_constant)
        self.settings = nonempty_settings(self.family)
        self.tolerance = (1 << self.grid.n) // 8 if tolerance is None else tolerance
        self.force = check_force(force)
        self.quiet = check_flag("quiet", quiet)

    def __repr__(self):
        return f"Case({self.family.describe()}; group {self.group.name} of order {self.group.order()})"

    @property
    def n(self):
        """Number of pixels."""
        return self.grid.n

    def _say(self, message):
        say(message, self.quiet)

    # -- the networks -------------------------------------------------------
    @cached_property
    def functions(self):
        """The family's distinct functions with multiplicities, or None when listing them is over the limit."""
        try:
            listable = self.force or enumeration_estimate(self.family) <= LIMITS["network_work"].value
        except TooExpensive:
            listable = False
        if not listable:
            return None
        self._say("  listing the distinct functions ...")
        return enumerate_functions(self.family, force=self.force, progress=not self.quiet)

    @cached_property
    def probabilities(self):
        """P(F(x) = x) for every image x (a list of Fractions)."""
        return reconstruction_probabilities(self.family, force=self.force)

    # -- orbits under G ------------------------------------------------------
    @cached_property
    def decomposition(self):
        """The labelled orbit decomposition of the 2^n images under G."""
        return decompose(self.group, method="enumerate", labels=True, force=self.force,
                         progress=False if self.quiet else None)

    @cached_property
    def ranking(self):
        """G's orbit classes ranked by size against their reconstruction probabilities (C5, and C6's reference)."""
        return rank_classes(self.group, self.probabilities, decomposition=self.decomposition,
                            progress=False if self.quiet else None)

    # -- shadows --------------------------------------------------------------
    @cached_property
    def _shadow_result(self):
        source = self.functions if self.functions is not None else self.family
        if self.functions is None and self.family.hidden == 1:
            self._say("  shadows of every network, exactly (one hidden unit: no listing needed) ...")
        try:
            return shadow_group(self.group, source, self.tolerance, force=self.force, progress=not self.quiet), None
        except TooExpensive as exc:
            return None, exc

    @property
    def shadow(self):
        """The shadow group at the case's tolerance (a ShadowGroup), or None when it was refused."""
        return self._shadow_result[0]

    @property
    def shadow_refusal(self):
        """Why :attr:`shadow` is None (a TooExpensive), else None."""
        return self._shadow_result[1]

    @cached_property
    def shadow_group(self):
        """S, the shadow group used by C1, C4 and C6: at the tolerance if some network is within it,
        else at the best distance achieved (a PixelGroup, or None)."""
        if self.shadow is None:
            return None
        chosen = self.shadow if self.shadow.fraction_within > 0 else self.shadow.at(self.shadow.best_distance)
        return chosen.pixel_group

    @cached_property
    def shadow_decomposition(self):
        """The labelled orbit decomposition of the images under S."""
        return decompose(self.shadow_group, method="enumerate", labels=True, force=self.force, progress=False)

    @cached_property
    def recurrent_shadow(self):
        """The recurrent shadow group of the family (a RecurrentShadowGroup)."""
        source = self.functions if self.functions is not None else self.family
        if self.functions is None:
            self._say("  recurrent shadow group ...")
        return recurrent_shadow_group(source, group=self.group, force=self.force)

    # -- depth ----------------------------------------------------------------
    @cached_property
    def depth(self):
        """The depth table of G (minimal-orbit features, ``layers`` layers, no certificates)."""
        return depth_table(self.group, self.layers, certify=False, force=self.force,
                           progress=False if self.quiet else None, decomposition=self.decomposition)

    @cached_property
    def depth_with_constants(self):
        """The same depth table with constant unions admitted (C8's variant)."""
        return depth_table(self.group, self.layers, include_constant=True, certify=False, force=self.force,
                           progress=False if self.quiet else None, decomposition=self.decomposition)

    def describe(self):
        """The case's parameters as JSON (the tour report's ``case``)."""
        return {
            "grid": [self.grid.h, self.grid.w],
            "group": self.group.name,
            "group_order": self.group.order(),
            "family": self.family.describe(),
            "hidden": self.family.hidden,
            "tied": self.family.tied,
            "alphabet": list(self.family.alphabet),
            "exclude_constant": self.family.exclude_constant,
            "parameter_settings": self.settings,
            "tolerance": self.tolerance,
        }


def check_case(case):
    """``case`` if it is a :class:`Case`, else InvalidArgument (every claim module's ``claim(case)`` door)."""
    if not isinstance(case, Case):
        raise InvalidArgument(f"case must be a Case (exactorbit.claims.Case), got {describe(case)}")
    return case
