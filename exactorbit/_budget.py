"""One cost guard, one progress helper and the one table of default limits.

Every computation whose cost grows past what a laptop does in about a minute
is *estimated first*; :func:`refuse_if_over` compares the estimate with a limit
from :data:`LIMITS` (or the caller's ``limit=``) and raises
:class:`~exactorbit.errors.TooExpensive` naming the work, the estimate, the
limit, the unit and the flag that allows it.  Every guarded public function
takes the same keyword-only pair ``*, force=False, limit=None``: ``limit``
replaces the default bound, ``force=True`` lifts it (CLI: ``--force``).

Entries marked ``hard`` are capabilities, not costs: no flag lifts them.

>>> refuse_if_over("listing the orbit", 10, "orbit_points")   # under the limit: nothing happens
>>> refuse_if_over("listing the orbit", 10, "orbit_points", limit=5)
Traceback (most recent call last):
...
exactorbit.errors.TooExpensive: listing the orbit is estimated at 10 points, over limit=5 points; pass force=True (CLI: --force) to allow it
>>> refuse_if_over("listing the orbit", 10, "orbit_points", limit=5, force=True)
"""

from dataclasses import dataclass
from numbers import Integral
import sys

from ._validation import describe, int_short
from .errors import InvalidArgument, TooExpensive

__all__ = ["Limit", "LIMITS", "Tuning", "TUNING", "tuning", "FLAG", "limit_value", "refuse_if_over", "refuse_if_over_memory",
           "available_memory", "check_force", "progress", "say"]

#: How a caller lifts a refusal, in every message.
FLAG = "force=True (CLI: --force)"


@dataclass(frozen=True)
class Limit:
    """A default bound: its value, the unit of the estimate, what it bounds, and whether force lifts it."""

    value: int
    unit: str
    bounds: str
    hard: bool = False


#: The default limits of the package, by name (the README's "Limits" table lists them).
LIMITS = {
    # groups and actions
    "grid_pixels": Limit(4096, "pixels", "pixels of a grid (images are int masks)", hard=True),
    "group_elements": Limit(50_000_000, "entries", "elements listed as one array: |G| x degree"),
    "orbit_points": Limit(2_000_000, "points", "points of an orbit listed one by one"),
    "hierarchy_inputs": Limit(2_000_000, "inputs", "inputs of a hierarchy model enumerated (labels, parse trees, images)"),
    "symmetric_partitions": Limit(37_338, "terms", "terms of the symmetric group's cycle index (partitions of n; 40 pixels)"),
    "subgroup_lattice": Limit(1_200_000_000, "array entries", "closed subgroup classes (|G| x degree x classes), or the torus route (subgroups of T x of P x degree x |P|)"),
    "all_subgroups": Limit(1_000_000, "table entries", "the multiplication table of all subgroups: |G|^2"),
    "product_action_pairs": Limit(500_000, "pairs", "pairs of cycle types of the row and column groups combined (product action)"),
    "block_cosets": Limit(200_000, "cosets", "cosets of the block groups the block route of cycle_types lists"),
    "class_search": Limit(900_000, "node-pixels", "backtrack nodes x degree of the conjugacy-class search before it gives up (a few seconds)"),
    "block_products": Limit(2_000_000, "type pairs", "pairs of cycle types the block route convolves (the products over the cycles of blocks)"),
    "counting_work": Limit(200_000_000, "units of work", "k-colour counting: contents x cycle types, and big-number arithmetic"),
    "monoid": Limit(100_000, "elements", "elements of a generated transformation monoid"),
    "graph_items": Limit(2_000_000, "items", "nodes plus edges of a networkx graph (Cayley, Schreier, functional)"),
    "minimal_image_states": Limit(100_000, "states", "partial images kept at one level of the minimal-image search"),
    # orbit decomposition of all images
    "enumeration_pixels": Limit(30, "pixels", "grids whose 2^n images are enumerated", hard=True),
    "enumeration_seconds": Limit(60, "s", "estimated time of the enumerative orbit routes"),
    "enumeration_bytes": Limit(2 * 1024**3, "bytes", "estimated memory of the enumerative orbit routes"),
    # networks
    "network_pixels": Limit(16, "pixels", "pixels of a network family's grid (function tables of 2^n entries)", hard=True),
    "network_work": Limit(200_000_000, "units of work", "table entries or terms of one network computation"),
    "distinct_beyond_reach": Limit(10**14, "units of work", "distinct-function enumerations refused even with force", hard=True),
    "untied_key_budget": Limit(200_000_000, "keys", "keys held at once by the untied set count (more passes past it)", hard=True),
    "by_weight": Limit(50_000_000, "steps", "arithmetic steps of the by-weight reconstruction programme"),
    "conditioned": Limit(1_000_000_000, "units of work", "conditioned reconstruction (either route)"),
    # shadows
    "ambient_tables": Limit(200_000_000, "entries", "the action table of every ambient element on 2^n images"),
    "one_hidden_unit": Limit(2 * 10**10, "units of work", "the one-hidden-unit shadow route: encoder classes x 4^n output pairs"),
    # depth
    "depth_images": Limit(1 << 20, "images", "images coded layer by layer (all 2^n of the grid: 20 pixels)"),
    "kernel_listing": Limit(200_000, "elements", "elements listed to find an induced action's kernel"),
    "layer_untied_table": Limit(30_000_000, "entries", "per-code tables of untied layer networks (else by weight)", hard=True),
    # certificates
    "certificate_class": Limit(1 << 20, "features", "features of a minimal-orbit certificate's class"),
    "certificate_conjugacy": Limit(100_000, "elements", "group order whose conjugacy classes a count certificate lists"),
    # interactions (exactorbit.interactions)
    "walk_work": Limit(200_000_000, "units of work", "walk-count vector iterations: length x (n + 2E) x (1 + bits/60)"),
    "wis_work": Limit(2_000_000_000, "units of work", "(L-1)-WIS: (E + 4 x removals) x depth x (2E/n + 1)^(depth-1) x 4"),
    "seprank_work": Limit(200_000_000, "units of work", "evaluations x cost plus elimination of one separation-rank computation (grid or sampled)"),
    "automorphism_nodes": Limit(200_000, "nodes", "nodes of the automorphism backtrack of a graph (a refinement each)"),
    "completion_bits": Limit(400_000, "bits", "bits of the exact numbers of a gradient-descent trajectory on the 2 x 2 completion toy"),
    # geometry (exactorbit.geometry)
    "growth_work": Limit(50_000_000_000, "units of work", "a Cayley-graph search: |G| x moves x ranking cost (m^2/2 Lehmer, m^2 chain; the 11-pancake graph is 2.4e10)"),
    "geodesic_states": Limit(2_000_000, "elements", "elements the two balls of a meet-in-the-middle geodesic search hold (about 330 bytes each)"),
    "schreier_work": Limit(200_000_000, "units of work", "searches of an orbit's Schreier graph: orbit size x moves x searches (its diameter needs one per image)"),
    # one backtrack search over a stabilizer chain (exactorbit._perm.search)
    "search_nodes": Limit(20_000_000, "nodes", "nodes of one backtrack search over a stabilizer chain (an element or a subgroup)"),
}


@dataclass(frozen=True)
class Tuning:
    """A tuning threshold: not a refusal (no flag), only where 'auto' or a route changes its way; one line of reason."""

    value: int
    unit: str
    reason: str


#: The tuning thresholds of the package, by name, beside :data:`LIMITS` (README: "Limits and tuning").
TUNING = {
    # counting (exactorbit.counting)
    "listing_fast": Tuning(2_000_000, "entries", "|G| x n under which cycle_types' 'auto' lists the group: "
                           "faster than planning blocks or searching classes"),
    "block_candidates": Tuning(8, "block systems", "block systems the block route tries (the coarsest first); "
                               "each costs one Schreier-Sims with a long base prefix"),
    "block_good_enough": Tuning(2_000_000, "units of work", "plan work at which the block route stops looking for a "
                                "cheaper block system (about 0.1 s of cosets)"),
    "block_list_max": Tuning(50_000, "elements", "elements of one block's group the block route lists (past it the "
                             "block system is dropped, unless the block's group is its whole S_k or A_k)"),
    "fibre_action": Tuning(5_040, "elements", "elements of one orbit's action B the fibre route of cycle_types lists "
                           "(one kernel coset per conjugacy class of B)"),
    "class_orbital_degree": Tuning(1024, "pixels", "largest degree whose orbitals sharpen the class search's "
                                   "invariant (their table is n^2)"),
    "class_orbital_powers": Tuning(16, "powers", "powers g^k whose orbital statistics enter the class invariant"),
    # structure (exactorbit._perm.structure) and the orbit door
    "linear_parts": Tuning(4096, "maps", "linear parts the torus recognition closes before it declines"),
    "point_group": Tuning(96, "elements", "point groups P the torus route of decompose takes (it lists P's "
                          "subgroups one by one)"),
    "symmetric_visit_pixels": Tuning(16, "pixels", "past it decompose's 'auto' answers S_n by its weight classes "
                                     "instead of visiting 2^n images (4 s on 24 pixels, against milliseconds)"),
    "generators_pixels": Tuning(24, "pixels", "the largest grid 'auto' sends to the generators route (2^24 images: "
                                "about 330 MB, a few seconds)"),
    "subsets_images": Tuning(200_000, "images", "C(n, k) up to which decompose's 'auto' answers one weight by "
                             "visiting its images alone (the subsets route), before any listing of G"),
    "subsets_python_images": Tuning(256, "images", "C(n, k) up to which the subsets route searches the images in "
                                    "Python, orbit by orbit (past it numpy arrays: a fixed cost of some hundreds of "
                                    "microseconds, then far less per image)"),
    "enumerate_list_entries": Tuning(1 << 22, "entries", "|G| x n up to which decompose's 'auto' lists G's elements "
                                     "to enumerate the orbits"),
    # interactions (exactorbit.interactions)
    "seprank_grid": Tuning(5_000_000, "units of work", "grid work under which separation_rank's 'auto' takes the exact "
                           "unisolvent-grid route (else random points: a certified lower bound)"),
    # geometry (exactorbit.geometry)
    "growth_python": Tuning(2_000, "elements", "group order up to which growth's 'auto' searches over tuples (no "
                            "stabilizer chain to build: faster on small groups)"),
    # networks (exactorbit.networks)
    "one_hidden_unit_pixels": Tuning(10, "pixels", "largest grid on which count_distinct_functions' 'auto' takes "
                                     "the one-hidden-unit route (it tabulates every unit)"),
    # one image (exactorbit.stabilizers, exactorbit.actions)
    "vectorised_order": Tuning(50_000, "elements", "group order up to which the vectorised routes list the elements "
                               "(when |G| x n fits LIMITS['group_elements'] too)"),
    "vectorised_cold_order": Tuning(5_000, "elements", "group order up to which the one-image doors' 'auto' lists a "
                                    "group's elements for one question (past it the backtrack over the chain "
                                    "answers in milliseconds; listed groups always take the vectorised route)"),
    "listing_orbit": Tuning(1_000, "images", "orbit bound (images of that weight, or |G| when known) up to which the "
                            "one-image doors' 'auto' searches the orbit along the generators first (no chain, no "
                            "listing of G: tens of microseconds on small groups)"),
}


def tuning(key):
    """The value of ``TUNING[key]``.

    >>> tuning("vectorised_order")
    50000
    """
    return TUNING[key].value


def limit_value(key, limit=None):
    """The bound in force: the caller's ``limit`` (checked), else the default of ``LIMITS[key]``.

    >>> limit_value("orbit_points"), limit_value("orbit_points", 7)
    (2000000, 7)
    """
    if limit is None:
        return LIMITS[key].value
    if isinstance(limit, bool) or not isinstance(limit, Integral) or limit < 0:
        raise InvalidArgument(f"limit must be a non-negative int or None, got {describe(limit)}")
    return int(limit)


def check_force(force):
    """``force`` as a bool; anything but True or False is refused (so ``force="no"`` is not taken as true).

    >>> check_force(False)
    False
    """
    if not isinstance(force, bool):
        raise InvalidArgument(f"force must be True or False, got {describe(force)}")
    return force


def refuse_if_over(what, estimate, key, *, limit=None, force=False, hint=None):
    """Raise TooExpensive when ``estimate`` exceeds the bound (``limit``, else ``LIMITS[key]``), unless ``force``.

    ``what`` names the work ("enumerating the 512 images of 3x3"); the unit comes
    from the table.  Hard limits are not lifted by ``force``; ``force`` and ``limit``
    are checked on every call, refusal or not.  ``hint``: a cheaper way to the answer,
    appended to the message ("method='auto' answers it by ...").
    """
    force = check_force(force)
    entry = LIMITS[key]
    bound = limit_value(key, limit)
    if estimate <= bound or (force and not entry.hard):
        return
    how = ("refused even with force=True (a hard limit of exactorbit)" if entry.hard
           else f"pass {FLAG} to allow it")
    raise TooExpensive(
        f"{what} is estimated at {int_short(estimate, 60)} {entry.unit}, over limit={int_short(bound, 60)} {entry.unit}; {how}"
        + (f"; {hint}" if hint else ""),
        estimate=estimate, limit=bound, unit=entry.unit, flag=None if entry.hard else FLAG,
    )


#: Share of the machine's available memory one computation may plan to use, even with force.
MEMORY_SHARE = (3, 4)


def available_memory():
    """Bytes of memory available now (Linux ``MemAvailable``), or None where the system does not say.

    >>> m = available_memory(); m is None or m > 0
    True
    """
    try:
        with open("/proc/meminfo", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


def refuse_if_over_memory(what, nbytes):
    """Raise TooExpensive when ``nbytes`` would not fit in 3/4 of the machine's available memory.

    A hard limit: ``force=True`` lifts the package's limits, never the machine's
    (a computation that cannot fit would end in a ``MemoryError`` or the
    system's out-of-memory killer after minutes of work).

    >>> refuse_if_over_memory("a small table", 1000)
    """
    avail = available_memory()
    if avail is None:
        return
    cap = avail * MEMORY_SHARE[0] // MEMORY_SHARE[1]
    if nbytes > cap:
        raise TooExpensive(
            f"{what} needs about {int_short(nbytes, 60)} bytes of memory, over the {cap} bytes this machine can give it "
            f"(3/4 of {avail} available); refused even with force=True (the machine's limit)",
            estimate=nbytes, limit=cap, unit="bytes", flag=None)


def progress(total=None, desc="", *, show=None, default=False, unit="it"):
    """A tqdm progress bar (``tqdm.auto``) on stderr: shown when ``show``, or (``show`` None) when ``default``; silent when off.

    Callers pass ``default`` from their own estimate (e.g. "more than two seconds").

    >>> with progress(3, "steps", show=False) as bar:
    ...     _ = bar.update(3)
    >>> bar.disable
    True
    """
    from tqdm.auto import tqdm  # a widget in Jupyter (when ipywidgets is there), text on a terminal

    from ._validation import check_flag

    on = default if show is None else check_flag("progress", show, allow_none=True)
    # on a terminal the bar is erased when done; in a file (stderr redirected) it is left, its line ended
    # (a refusal or an error ends the bar erased, so that its one line is the last line of stderr)
    interactive = bool(getattr(sys.stderr, "isatty", lambda: False)())

    class Bar(tqdm):
        def __exit__(self, exc_type, exc, tb):
            if exc_type is not None:
                self.leave = False
            return super().__exit__(exc_type, exc, tb)

    return Bar(total=total, desc=desc, file=sys.stderr, disable=not on, leave=not interactive, unit=unit,
               mininterval=0.1 if interactive else 1.0)


def say(message, quiet):
    """Print one line of progress on stderr unless ``quiet``."""
    if not quiet:
        print(message, file=sys.stderr, flush=True)
