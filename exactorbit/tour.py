"""``exactorbit tour``: every claim of the paper checked on one toy case, with computed verdicts.

Default case: 3x3 grid, translations+dihedral (order 72), tied threshold
autoencoders with one hidden unit and weights in {-1, 0, 1}.  The claims and
what their verdicts mean are stated in ``proofs/claims.md``; the shadow-group
definitions in ``proofs/shadow.md``.  The tour is a face: it builds one
:class:`~exactorbit.claims.Case`, evaluates every claim of
:data:`~exactorbit.claims.CLAIMS` on it, and collects the certificates; nothing
in the library imports it.  ``--certificates DIR`` writes the JSON certificates
that ``exactorbit verify`` re-derives (byte-identical on every run).

>>> report = run_tour("2x2", "translations", hidden=1, tied=True)
>>> report.verdicts["C4"], [c.id for c in report.claims][:3]
('holds', ['C1', 'C2', 'C3'])
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass, field
from typing import Any
from fractions import Fraction

from ._budget import say
from ._files import directory_lock, existing_content, prepare_directory, remove_quietly, write_file
from ._version import __version__
from ._validation import check_items, clip, describe
from .errors import InvalidArgument, TooExpensive
from .certificates import count_certificate, dump_certificate, orbit_certificate, shadow_certificate
from .claims import Case, evaluate
from .images import render_block, render_text
from .networks import network_table, random_network
from .shadows import nearest_elements

__all__ = ["TourReport", "run_tour", "format_tour", "write_certificates",
           "prepare_certificate_directory", "other_certificates"]


@dataclass
class TourReport:
    """The result of :func:`run_tour`: the case, the claims with their verdicts, the certificates.

    ``verdicts`` maps claim id -> verdict; :meth:`to_json` and :meth:`to_csv`
    export it with the package version and the case's parameters (exact numbers
    only), :meth:`classes_csv` the per-orbit-class table; ``group``, ``family``
    and ``probabilities`` (one exact Fraction per image) are the case's, for
    :func:`exactorbit.plots.plot_probability_vs_orbit_size`.  Its repr is a few
    lines; in Jupyter it draws the verdicts and each claim's pictures.  For
    compatibility it also reads as a mapping: ``report["claims"]``.
    """

    case: dict
    claims: list
    certificates: dict
    skipped_certificates: dict = field(default_factory=dict)
    grid: object = None
    version: str = ""
    group: object = field(default=None, repr=False, compare=False)
    family: object = field(default=None, repr=False, compare=False)
    probabilities: list | None = field(default=None, repr=False, compare=False)

    def __repr__(self):
        """A few lines: the case, the verdicts, the number of certificates (the evidence is in ``claims``).

        >>> print(repr(run_tour("1x2", "translations", layers=1)))  # doctest: +ELLIPSIS
        TourReport(grid 1x2, group translations of order 2, tied autoencoder 1x2 -> 1 -> 1x2, ...;
          verdicts C1 holds, C2 holds, C3 fails, C4 holds, C5 fails, C6 fails, C7 undecided, C8 undecided;
          5 certificates, 0 skipped)
        """
        verdicts = ", ".join(f"{c.id} {c.verdict}" for c in self.claims)
        return (f"TourReport(grid {_grid_text(self.case.get('grid'))}, group {self.case.get('group')} of order "
                f"{self.case.get('group_order')}, {clip(str(self.case.get('family')), 120)};\n  verdicts {verdicts};\n"
                f"  {len(self.certificates)} certificates, {len(self.skipped_certificates)} skipped)")

    @property
    def verdicts(self):
        """Claim id -> verdict ('holds', 'fails' or 'undecided')."""
        return {c.id: c.verdict for c in self.claims}

    def __getitem__(self, key):
        if key not in ("case", "claims", "certificates", "skipped_certificates"):
            raise KeyError(key)
        return getattr(self, key)

    def to_json(self):
        """A JSON-able dict: version, case parameters, every claim (id, statement, verdict, summary, evidence),
        skipped certificates.

        >>> import json
        >>> r = run_tour("1x2", "translations", layers=1)
        >>> sorted(json.loads(json.dumps(r.to_json())))
        ['case', 'claims', 'exactorbit_version', 'skipped_certificates', 'verdicts']
        """
        return {
            "exactorbit_version": self.version,
            "case": dict(self.case),
            "verdicts": self.verdicts,
            "claims": [c.as_dict() for c in self.claims],
            "skipped_certificates": dict(self.skipped_certificates),
        }

    def to_dict(self):
        """The same as :meth:`to_json` (the name the result types of exactorbit share)."""
        return self.to_json()

    def to_csv(self):
        """One CSV row per claim: id, verdict, statement, summary, then the case's parameters and the version.

        The grid is written ``HxW``, lists space-separated, booleans ``true``/``false``.

        >>> r = run_tour("1x2", "translations", layers=1)
        >>> rows = list(csv.DictReader(io.StringIO(r.to_csv())))
        >>> list(rows[0])[:5], rows[0]["grid"], rows[0]["alphabet"], rows[0]["tied"]
        (['claim', 'verdict', 'statement', 'summary', 'grid'], '1x2', '-1 0 1', 'true')
        """
        params = {k: _cell(k, v) for k, v in self.case.items()}
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["claim", "verdict", "statement", "summary", *params, "exactorbit_version"])
        for c in self.claims:
            writer.writerow([c.id, c.verdict, c.statement, c.summary, *params.values(), self.version])
        return out.getvalue()

    def classes_csv(self):
        """The per-orbit-class table as CSV: one row per orbit class of G on all 2^n images (C5's classes):
        its minimal image (mask and picture), orbit size, and exact reconstruction probability (``p/q``, and
        its numerator and denominator).

        >>> r = run_tour("1x2", "translations", layers=1)
        >>> print(r.classes_csv(), end="")
        image,picture,orbit_size,probability,numerator,denominator
        0,..,1,2/7,2,7
        1,#.,2,2/7,2,7
        3,##,1,2/7,2,7
        """
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["image", "picture", "orbit_size", "probability", "numerator", "denominator"])
        for row in self.classes():
            p = Fraction(row["probability"])
            writer.writerow([row["image"], render_text(row["image"], self.grid), row["orbit_size"],
                             row["probability"], p.numerator, p.denominator])
        return out.getvalue()

    def classes(self):
        """The orbit classes of G on all 2^n images with their reconstruction probabilities, as C5 ranks them:
        a list of ``{"image": mask, "orbit_size": int, "probability": "p/q"}``, by minimal image."""
        c5 = next((c for c in self.claims if c.id == "C5"), None)
        return list((c5.evidence if c5 is not None else {}).get("classes", []))

    def __str__(self):
        return format_tour(self, self.grid)

    def _repr_html_(self):
        from ._display import tour_html

        return tour_html(self)


def run_tour(grid: str = "3x3", group: str = "translations+dihedral", *, hidden: int = 1, tied: bool = True,
             alphabet: tuple[int, ...] = (-1, 0, 1), exclude_constant: bool = False, tolerance: Any = None,
             layers: int = 3, quiet: bool = True, force: bool = False) -> TourReport:
    """Run every claim on one toy case: a :class:`TourReport` (case, claims, certificates, verdicts).

    >>> r = run_tour("2x2", "dihedral", tied=True)
    >>> r.case["parameter_settings"]
    20480
    """
    case = Case(grid, group, hidden=hidden, tied=tied, alphabet=alphabet, exclude_constant=exclude_constant,
                tolerance=tolerance, layers=layers, force=force, quiet=quiet)
    G = case.group
    say(f"case: {case.family.describe()}; group {G.name} of order {G.order()}; {case.settings} parameter settings",
        quiet)
    if not quiet:  # a long run says first how long it will take, and on what the estimate rests
        estimate = _estimate(case)
        if estimate is not None and estimate[0] >= ESTIMATE_FROM:
            say(f"estimate: about {_duration(estimate[0])} ({estimate[1]})", quiet)
    claims = evaluate(case, say=lambda cid: say(f"{cid} ...", quiet))
    certs = {name: cert for c in claims for name, cert in c.certificates.items()}
    skipped = {}

    # certificates of the case itself: one minimal-orbit image, the orbit count, one network's shadow
    def orbit_g():
        return orbit_certificate(G, case.decomposition.minimal_orbit_features[0])

    def shadow_g():
        table = network_table(random_network(case.family, seed=0))
        sh = nearest_elements(G, table, force=force)
        return shadow_certificate(G, table, list(sh.elements), sh.distance)

    for name, make in (("orbit-G.json", orbit_g), ("count-G.json", lambda: count_certificate(G, force=force)),
                       ("shadow-network-seed0.json", shadow_g)):
        try:
            certs[name] = make()
        except TooExpensive as exc:
            skipped[name] = str(exc)
            say(f"{name}: not written: {exc}", quiet)
    return TourReport(case.describe(), claims, certs, skipped, case.grid, __version__, group=G, family=case.family,
                      probabilities=case.probabilities)


#: What a tour costs is dominated by one piece of work, whose size is known before it starts; these are its
#: rates, in CPU time on the 2-core machine of the README's timings (``/usr/bin/time exactorbit tour --quiet``).
#: When the family's distinct functions are listed, the claims then cost about this much per function listed:
#: 288,168 functions (--grid 2x2 --hidden 2, and 1x4) in 12.5 s, 496,576 (2x3) in 28 s, 25,936 (2x2 --untied) in
#: 1.5 s, 19,084 (2x2 --hidden 2 --alphabet 0,1) in 0.9 s, 4,432 (2x2) in 0.26 s: 17,000 to 23,000 a second.
FUNCTIONS_PER_SECOND = 20_000
#: Without a listing (one hidden unit, too many functions), the one-hidden-unit shadow route dominates: units of
#: work of its cost guard (encoder classes x thresholds x (4^n + |G| 2^n)) per second, by decoder (tied: True).
#: --untied on 3x3: 1,453,375,128 units in 74 s; the default 3x3 tour: the same units in 5.2 s.
ONE_HIDDEN_UNIT_PER_SECOND = {False: 20_000_000, True: 250_000_000}
#: A tour estimated at fewer seconds than this says nothing about its time.
ESTIMATE_FROM = 10


def _estimate(case):
    """(seconds, what the estimate rests on) of the tour of ``case``, or None when no piece of it is known to
    dominate (then it is quick, or a refusal makes it quick).  When the family's functions are listed, they are
    listed here (the claims reuse the list), and the estimate is of the claims after the listing.

    >>> _estimate(Case("2x2", "translations"))[1]
    'the claims after the listing: 4432 distinct functions at about 20000 a second, the rate measured on an idle 2-core machine'
    """
    from ._budget import LIMITS
    from .shadows._one_hidden_unit import estimate as one_hidden_unit_work

    if case.functions is not None:
        count = len(case.functions)
        return (-(-count // FUNCTIONS_PER_SECOND),
                f"the claims after the listing: {count} distinct functions at about {FUNCTIONS_PER_SECOND} a "
                "second, the rate measured on an idle 2-core machine")
    if case.family.hidden != 1:
        return None   # no listing and no one-hidden-unit route: the shadows are refused, the rest is quick
    work = one_hidden_unit_work(case.family, case.group)
    if work > LIMITS["one_hidden_unit"].value and not case.force:
        return None   # the route is refused (C3 says why): the rest is quick
    rate = ONE_HIDDEN_UNIT_PER_SECOND[case.family.tied]
    kind = "tied" if case.family.tied else "untied"
    return (-(-work // rate), f"{work} units of work of the one-hidden-unit shadow route, at about {rate} a second "
                              f"for {kind} decoders, the rate measured on an idle 2-core machine")


def _duration(seconds):
    """``seconds`` as a person reads it.

    >>> _duration(75), _duration(3600 * 5 + 60)
    ('75 s', '5 h 1 min')
    """
    if seconds < 100:
        return f"{seconds} s"
    if seconds < 6000:
        return f"{-(-seconds // 60)} min"
    hours, minutes = divmod(-(-seconds // 60), 60)
    return f"{hours} h {minutes} min"


def _grid_text(grid):
    """``[h, w]`` (as the JSON holds a grid) as ``HxW``; anything else as it is."""
    if isinstance(grid, (list, tuple)) and len(grid) == 2:
        return f"{grid[0]}x{grid[1]}"
    return str(grid)


def _cell(key, value):
    """A case parameter as one CSV cell: the grid ``HxW``, lists space-separated, booleans true/false."""
    if key == "grid":
        return _grid_text(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return " ".join(map(str, value))
    return value


def _check_report(report):
    if not isinstance(report, TourReport):
        raise InvalidArgument(f"report must be a TourReport (from run_tour), got {describe(report)}")


def _check_path(name, value):
    """``value`` (a str or os.PathLike naming a file system path, no NUL byte) as a str."""
    path = os.fspath(value) if isinstance(value, (str, os.PathLike)) else None
    if not isinstance(path, str) or "\0" in path:
        raise InvalidArgument(f"{name} must be a path (a str or os.PathLike), got {describe(value)}")
    return path


def format_tour(report, grid=None):
    """Readable text of a tour report, with the images of each claim drawn."""
    _check_report(report)
    grid = report.grid if grid is None else grid
    case = report["case"]
    lines = [
        f"exactorbit tour: {case['family']}",
        f"group {case['group']} (order {case['group_order']}) on the {grid} grid; "
        f"{case['parameter_settings']} parameter settings, every one counted once",
        "",
    ]
    for c in report["claims"]:
        lines.append(f"{c.id} [{c.verdict.upper()}] {c.statement}")
        lines.append(f"   {c.summary}")
        if c.pictures:
            lines.append("   " + render_block(c.pictures[:8], grid).replace("\n", "\n   "))
        lines.append("")
    verdicts = ", ".join(f"{c.id} {c.verdict}" for c in report["claims"])
    lines.append(f"verdicts: {verdicts}")
    return "\n".join(lines)


def prepare_certificate_directory(directory):
    """Create ``directory`` if needed and check that certificates can be written there, before any work.

    The check creates (and removes) a file there, so a directory that refuses files
    (``/proc``, a read-only mount) is said at once, not after the work.

    >>> prepare_certificate_directory("/dev/null")
    Traceback (most recent call last):
    ...
    exactorbit.errors.InvalidArgument: certificate directory /dev/null exists and is not a directory
    """
    if not isinstance(directory, (str, os.PathLike)):
        raise InvalidArgument(f"certificate directory must be a path, got {describe(directory)}")
    return prepare_directory(directory, "certificate directory")


def write_certificates(report, directory, *, overwrite=False):
    """Write the report's certificates as JSON files (byte-identical on every run); returns their paths.

    A certificate already there with the same bytes is left as it is; one with
    different bytes (another run, another case) is refused, and then nothing is
    written, unless ``overwrite=True``.  Each file is written atomically (a
    temporary file renamed or linked into place, mode 0666 less the umask), the
    directory is locked while its files are checked and written, so two runs at
    once never mix or silently replace each other's certificates; if one file
    cannot be written (a full disk), the files this call created are removed.

    >>> import tempfile
    >>> d = tempfile.mkdtemp()
    >>> r = run_tour("1x2", "translations", layers=1)
    >>> [os.path.basename(p) for p in write_certificates(r, d)][:2]
    ['count-G.json', 'minimal-orbit-G.json']
    >>> write_certificates(run_tour("1x3", "translations", layers=1), d)
    Traceback (most recent call last):
    ...
    exactorbit.errors.InvalidArgument: certificate directory ... already holds 5 certificates with different content ...
    """
    return [path for path, _ in certificate_files(report, directory, overwrite=overwrite)]


def certificate_files(report, directory, *, overwrite=False, flag="overwrite=True"):
    """:func:`write_certificates`, returning ``(path, status)`` pairs: status 'new', 'same' or 'replaced'.

    ``flag`` names the switch that allows replacing, in the refusal (the command line's ``--overwrite``).
    """
    _check_report(report)
    if not isinstance(overwrite, bool):
        raise InvalidArgument(f"overwrite must be True or False, got {describe(overwrite)}")
    path = prepare_certificate_directory(directory)
    texts = {name: dump_certificate(report["certificates"][name]).encode("utf-8")
             for name in sorted(report["certificates"])}
    with directory_lock(path):
        status = {}
        for name, data in texts.items():
            old = existing_content(os.path.join(path, name), len(data))
            status[name] = "new" if old is None else "same" if old == data else "replaced"
        clash = [name for name, s in status.items() if s == "replaced"]
        if clash and not overwrite:
            plural = "s" if len(clash) > 1 else ""
            raise InvalidArgument(
                f"certificate directory {clip(path, 200)} already holds {len(clash)} certificate{plural} with "
                f"different content ({', '.join(clash[:6])}{' ...' if len(clash) > 6 else ''}), from another "
                f"run or case; nothing was written; pass {flag} to replace them, or choose another directory")
        created = []
        try:
            for name, data in texts.items():
                if status[name] != "same":
                    target = os.path.join(path, name)
                    if write_file(target, data, overwrite=overwrite, flag=flag) == "new" and status[name] == "new":
                        created.append(target)
        except BaseException:
            for target in created:  # all or nothing: no run leaves half of its certificates
                remove_quietly(target)
            raise
    return [(os.path.join(path, name), status[name]) for name in texts]


def other_certificates(directory, written):
    """The ``*.json`` files of ``directory`` besides ``written`` (names): certificates of other runs, left alone.

    >>> other_certificates("/nonexistent", [])
    []
    """
    directory = _check_path("directory", directory)
    keep = {os.path.basename(_check_path("written entry", p)) for p in check_items("written", written)}
    try:
        names = sorted(os.listdir(directory))
    except OSError:
        return []
    return [name for name in names if name.endswith(".json") and name not in keep]
