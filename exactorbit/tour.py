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

import csv
import io
import os
from dataclasses import dataclass, field

from ._budget import say
from ._files import directory_lock, existing_content, probe_directory, remove_quietly, write_file
from ._version import __version__
from ._validation import check_items, clip, describe
from .errors import InvalidArgument, TooExpensive
from .certificates import count_certificate, dump_certificate, orbit_certificate, shadow_certificate
from .claims import Case, evaluate
from .images import render_block
from .networks import network_table, random_network
from .shadows import nearest_elements

__all__ = ["TourReport", "run_tour", "format_tour", "write_certificates",
           "prepare_certificate_directory", "other_certificates"]


@dataclass
class TourReport:
    """The result of :func:`run_tour`: the case, the claims with their verdicts, the certificates.

    ``verdicts`` maps claim id -> verdict; :meth:`to_json` and :meth:`to_csv`
    export it with the package version and the case's parameters (exact numbers
    only); in Jupyter it draws the verdicts and each claim's pictures.  For
    compatibility it also reads as a mapping: ``report["claims"]``.
    """

    case: dict
    claims: list
    certificates: dict
    skipped_certificates: dict = field(default_factory=dict)
    grid: object = None
    version: str = ""

    @property
    def verdicts(self):
        """Claim id -> verdict ('holds', 'fails' or 'undecided')."""
        return {c.id: c.verdict for c in self.claims}

    def __getitem__(self, key):
        if key not in ("case", "claims", "certificates", "skipped_certificates"):
            raise KeyError(key)
        return getattr(self, key)

    def to_json(self):
        """A JSON-able dict: version, case parameters, every claim (id, statement, verdict, evidence), skipped certificates.

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

    def to_csv(self):
        """One CSV row per claim: id, verdict, statement, summary, then the case's parameters and the version.

        >>> r = run_tour("1x2", "translations", layers=1)
        >>> r.to_csv().splitlines()[0].split(",")[:4]
        ['claim', 'verdict', 'statement', 'summary']
        """
        params = {k: (" ".join(map(str, v)) if isinstance(v, list) else v) for k, v in self.case.items()}
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["claim", "verdict", "statement", "summary", *params, "exactorbit_version"])
        for c in self.claims:
            writer.writerow([c.id, c.verdict, c.statement, c.summary, *params.values(), self.version])
        return out.getvalue()

    def __str__(self):
        return format_tour(self, self.grid)

    def _repr_html_(self):
        from ._display import tour_html

        return tour_html(self)


def run_tour(grid="3x3", group="translations+dihedral", *, hidden=1, tied=True, alphabet=(-1, 0, 1),
             exclude_constant=False, tolerance=None, layers=3, quiet=True, force=False):
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
    return TourReport(case.describe(), claims, certs, skipped, case.grid, __version__)


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
    path = os.fspath(directory)
    shown = clip(path, 200)
    if not path:
        raise InvalidArgument("certificate directory is empty")
    if os.path.exists(path) and not os.path.isdir(path):
        raise InvalidArgument(f"certificate directory {shown} exists and is not a directory")
    try:
        os.makedirs(path, exist_ok=True)
    except (OSError, ValueError) as exc:
        raise InvalidArgument(f"cannot create the certificate directory {shown}: "
                              f"{getattr(exc, 'strerror', None) or exc}") from None
    probe_directory(path, "certificate directory")
    return path


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
