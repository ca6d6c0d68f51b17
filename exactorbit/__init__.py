"""exactorbit: exact computational algebra on toy models of deep learning.

Pixel groups on h x w binary images, their orbits and stabilizers, exact
counting, tiny binary networks and their shadow groups, the paper's claims on
a toy case, and certificates that an independent checker re-derives.
Conventions (all modules): pixel (r, c) is bit ``r*w + c`` of an int mask;
permutations are 0-based array forms, composed left to right as in sympy and GAP.

This is the curated face: the front door of every question, by layer (see the
README's architecture section).  Names load on first use, so ``import exactorbit``
and the command line stay fast; ``dir(exactorbit)`` lists them all.

>>> import exactorbit as eo
>>> G = eo.named_group("translations+dihedral", "3x3")
>>> G.order(), eo.burnside_count(G), eo.decompose(G).orbits
(72, 26, 26)
"""

from ._version import __version__ as __version__

#: Every public name of the face and the module it lives in.
_HOME = {
    # errors
    "ExactOrbitError": "errors",
    "InvalidArgument": "errors",
    "TooExpensive": "errors",
    "CertificateError": "errors",
    "LIMITS": "_budget",
    "TUNING": "_budget",
    "routes": "explain",
    # images, groups, actions, counting
    "Grid": "images",
    "Image": "images",
    "parse_grid": "images",
    "parse_image": "images",
    "render_text": "images",
    "to_array": "images",
    "to_arrays": "images",
    "as_mask": "images",
    "from_array": "images",
    "popcount": "images",
    "PixelGroup": "groups",
    "named_group": "groups",
    "from_generators": "groups",
    "apply": "actions",
    "apply_many": "actions",
    "orbit": "actions",
    "Orbit": "actions",
    "orbit_size": "stabilizers",
    "stabilizer": "stabilizers",
    "transporter": "stabilizers",
    "minimal_image": "stabilizers",
    "canonical_image": "stabilizers",
    "burnside_count": "counting",
    "cycle_types": "counting",
    "CycleTypes": "counting",
    "orbits_by_content": "counting",
    "cycle_index_text": "counting",
    "cycle_index_terms": "counting",
    "cycle_index": "counting",
    "orbits_by_weight": "counting",
    # orbit decomposition, subgroups, induced actions
    "decompose": "orbits",
    "OrbitDecomposition": "orbits",
    "orbit_classes": "orbits",
    "closed_subgroup_classes": "subgroups",
    "table_of_marks": "subgroups",
    "induced_action": "induced",
    # function tables and networks
    "recurrent_set": "functions",
    "NetworkFamily": "networks",
    "FamilySpec": "networks",
    "parameter_settings": "networks",
    "network_table": "networks",
    "random_network": "networks",
    "enumerate_functions": "networks",
    "count_distinct_functions": "networks",
    "reconstruction_probabilities": "networks",
    "conditioned_reconstruction": "networks",
    "is_member": "networks",
    # shadows and depth
    "shadow_group": "shadows",
    "recurrent_shadow_group": "shadows",
    "nearest_elements": "shadows",
    "ShadowGroup": "shadows",
    "depth_table": "depth",
    # claims, certificates, the checker, the tour
    "Case": "claims",
    "Claim": "claims",
    "CLAIMS": "claims",
    "evaluate": "claims",
    "orbit_certificate": "certificates",
    "minimal_orbit_certificate": "certificates",
    "count_certificate": "certificates",
    "shadow_certificate": "certificates",
    "verify_certificate": "checker",
    "check_file": "checker",
    "run_tour": "tour",
    "TourReport": "tour",
    # beside the neighbours: GAP, pictures, equivariance
    "to_gap": "gap",
    "from_gap": "gap",
    "plot_probability_vs_orbit_size": "plots",
    "plot_orbit_spectrum": "plots",
    "orbit_gallery": "plots",
    "plot_cayley_graph": "plots",
    "plot_schreier_graph": "plots",
    "plot_graph": "plots",
    "apply_to_array": "testing",
    "cayley_graph": "graphs",
    "schreier_graph": "graphs",
    "functional_graph": "graphs",
    "recurrent_nodes": "graphs",
    "subgroup_hasse": "graphs",
    # a second theory: the (sparse) random hierarchy model
    "HierarchyModel": "hierarchy",
    "transformation_orbits": "hierarchy",
    "diffeomorphism_group": "hierarchy",
    "hierarchy_report": "hierarchy",
    "hierarchy_claims": "hierarchy",
    "invariance_certificate": "hierarchy",
}

__all__ = list(_HOME)


def _module(home):
    """The module ``home`` of the package, imported on first use (explicit imports: no string lookup)."""
    if home == "errors":
        from . import errors as module
    elif home == "_budget":
        from . import _budget as module
    elif home == "images":
        from . import images as module
    elif home == "groups":
        from . import groups as module
    elif home == "actions":
        from . import actions as module
    elif home == "stabilizers":
        from . import stabilizers as module
    elif home == "counting":
        from . import counting as module
    elif home == "orbits":
        from . import orbits as module
    elif home == "subgroups":
        from . import subgroups as module
    elif home == "induced":
        from . import induced as module
    elif home == "functions":
        from . import functions as module
    elif home == "networks":
        from . import networks as module
    elif home == "shadows":
        from . import shadows as module
    elif home == "depth":
        from . import depth as module
    elif home == "claims":
        from . import claims as module
    elif home == "certificates":
        from . import certificates as module
    elif home == "checker":
        from . import checker as module
    elif home == "gap":
        from . import gap as module
    elif home == "plots":
        from . import plots as module
    elif home == "testing":
        from . import testing as module
    elif home == "graphs":
        from . import graphs as module
    elif home == "hierarchy":
        from . import hierarchy as module
    elif home == "explain":
        from . import explain as module
    else:
        from . import tour as module
    return module


def __getattr__(name):
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module 'exactorbit' has no attribute {name!r}")
    value = getattr(_module(home), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(set(globals()) | set(__all__))
