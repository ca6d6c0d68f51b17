"""Which route answers a question (``exactorbit.routes``): one door's routes, why the others do not apply, their estimates, 'auto''s choice.

Every front door of exactorbit declares its routes as data (a
:class:`~exactorbit._routes.Door`: each route's name, whether it applies or why
not, its estimate, and the 'auto' ladder), and one ``choose()`` decides 'auto'.
:func:`routes` reads that table for one question and one input, without running
the answer; the CLI shows the same table with ``--explain``.

>>> from exactorbit.groups import from_generators, named_group
>>> print(routes("cycle_types", named_group("translations+dihedral", "4x4")))  # doctest: +ELLIPSIS
routes of cycle_types: 'auto' takes 'product'
  + listing ...
  * product ...
...
>>> routes("decompose", named_group("translations+dihedral", "28x28")).auto
'torus'
>>> routes("stabilizer", named_group("symmetric", "28x28"), 1).auto
'natural'
>>> routes("growth", named_group("symmetric", "3x3")).auto
'ranked'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._validation import check_choice

if TYPE_CHECKING:
    from typing import Any

    from ._routes import RouteTable

__all__ = ["routes", "QUESTIONS"]

#: The questions :func:`routes` explains, with the door module that answers each.
QUESTIONS = {
    "cycle_types": "counting",   # and every count built on it: burnside_count, orbits_by_weight, cycle_index, ...
    "decompose": "orbits",
    "orbit_labels": "orbits",
    "orbit": "actions",
    "stabilizer": "stabilizers",
    "orbit_size": "stabilizers",
    "transporter": "stabilizers",
    "canonical_image": "stabilizers",
    "minimal_image": "stabilizers",
    "enumerate_functions": "networks.distinct",
    "count_distinct_functions": "networks.distinct",
    "reconstruction_counts": "networks.reconstruction",   # and reconstruction_probabilities
    "conditioned_reconstruction": "networks.conditioned",
    "is_member": "networks.membership",
    "shadow_group": "shadows",
    "recurrent_shadow_group": "shadows",
    "automorphism_group": "interactions._automorphisms",
    "separation_rank": "interactions._seprank",
    "wis": "interactions._wis",
    "growth": "geometry._growth",
    "geodesic": "geometry._words",    # and word_length, distance
}


def routes(question: str, subject: Any, *args: Any, **kwargs: Any) -> RouteTable:
    """The :class:`~exactorbit._routes.RouteTable` of ``question`` for these arguments (those of the door).

    ``question``: one of :data:`QUESTIONS`; ``subject``: the group (or, for the network and
    shadow questions, the family) it is asked of.  The other arguments are the door's own:
    ``routes("cycle_types", G)``, ``routes("decompose", G, weight)``,
    ``routes("stabilizer", G, x)``, ``routes("transporter", G, a, b)``,
    ``routes("count_distinct_functions", family)``, ``routes("shadow_group", family)``.
    ``print`` the table, or read ``.auto``, ``.rows`` and ``.to_dict()``.
    """
    question = check_choice("question", question, tuple(QUESTIONS))
    home = QUESTIONS[question]
    if home == "counting":
        from .counting import routes_for as counting_routes

        return counting_routes(subject, *args, **kwargs)
    if home == "orbits":
        from . import orbits

        if question == "orbit_labels":
            return orbits.routes_for(subject, *args, labels=True, **kwargs)
        return orbits.routes_for(subject, *args, **kwargs)
    if home == "actions":
        from .actions import routes_for as orbit_routes

        return orbit_routes(subject, *args, **kwargs)
    if home == "stabilizers":
        from .stabilizers import routes_for as stabilizer_routes

        return stabilizer_routes(question, subject, *args, **kwargs)
    if home == "networks.distinct":
        from .networks.distinct import routes_for as distinct_routes

        return distinct_routes(question, subject, *args, **kwargs)
    if home == "networks.reconstruction":
        from .networks.reconstruction import routes_for as reconstruction_routes

        return reconstruction_routes(subject, *args, **kwargs)
    if home == "networks.conditioned":
        from .networks.conditioned import routes_for as conditioned_routes

        return conditioned_routes(subject, *args, **kwargs)
    if home == "networks.membership":
        from .networks.membership import routes_for as membership_routes

        return membership_routes(subject, *args, **kwargs)
    if home == "shadows":
        from .shadows import routes_for as shadow_routes

        return shadow_routes(question, subject, *args, **kwargs)
    if home == "interactions._automorphisms":
        from .interactions._automorphisms import routes_for as automorphism_routes

        return automorphism_routes(subject, *args, **kwargs)
    if home == "interactions._seprank":
        from .interactions._seprank import routes_for as seprank_routes

        return seprank_routes(subject, *args, **kwargs)
    if home == "geometry._growth":
        from .geometry._growth import routes_for as growth_routes

        return growth_routes(subject, *args, **kwargs)
    if home == "geometry._words":
        from .geometry._words import routes_for as word_routes

        return word_routes(subject, *args, **kwargs)
    from .interactions._wis import routes_for as wis_routes

    return wis_routes(subject, *args, **kwargs)
