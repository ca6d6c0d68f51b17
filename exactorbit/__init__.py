"""exactorbit: exact computational algebra on toy models of deep learning.

Pixel groups on h x w binary images, their orbits and stabilizers, exact
counting, tiny binary networks and their shadow groups, and certificates that
an independent checker re-derives.  Conventions (all modules): pixel (r, c)
is bit ``r*w + c`` of an int mask; permutations are 0-based array forms,
composed left to right as in sympy and GAP.

>>> import exactorbit as eo
>>> G = eo.named_group("translations+dihedral", "3x3")
>>> G.order(), eo.burnside_count(G)
(72, 26)
"""

from .errors import CertificateError, ExactOrbitError, InvalidArgument, TooExpensive
from .images import Grid, Image, parse_grid, parse_image, render_text, to_array, from_array
from .groups import PixelGroup, from_generators, named_group
from .actions import (
    apply,
    apply_many,
    minimal_image,
    orbit,
    orbit_size,
    stabilizer,
    transporter,
)
from .counting import burnside_count, cycle_index, orbits_by_weight

__version__ = "0.1.0"

__all__ = [
    "ExactOrbitError",
    "InvalidArgument",
    "TooExpensive",
    "CertificateError",
    "Grid",
    "Image",
    "parse_grid",
    "parse_image",
    "render_text",
    "to_array",
    "from_array",
    "PixelGroup",
    "named_group",
    "from_generators",
    "apply",
    "apply_many",
    "orbit",
    "orbit_size",
    "stabilizer",
    "transporter",
    "minimal_image",
    "burnside_count",
    "cycle_index",
    "orbits_by_weight",
]
