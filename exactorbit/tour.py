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
from ._version import __version__
from ._validation import clip, describe
from .errors import InvalidArgument, TooExpensive
from .certificates import count_certificate, dump_certificate, orbit_certificate, shadow_certificate
from .claims import Case, evaluate
from .images import render_block
from .networks import network_table, random_network
from .shadows import nearest_elements

__all__ = ["TourReport", "run_tour", "format_tour", "write_certificates", "prepare_certificate_directory",
           "other_certificates"]


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


def format_tour(report, grid=None):
    """Readable text of a tour report, with the images of each claim drawn."""
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
    if not os.access(path, os.W_OK | os.X_OK):
        raise InvalidArgument(f"cannot write to the certificate directory {shown}")
    return path


def _write_atomic(path, text):
    """Write ``text`` to ``path`` through a temporary file and a rename: never a partial file, even on Ctrl-C."""
    import tempfile

    folder, name = os.path.split(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder or ".")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.remove(tmp)
        raise


def write_certificates(report, directory):
    """Write the report's certificates as JSON files (byte-identical on every run); returns their paths.

    Each file is written atomically (a temporary file renamed into place), so an
    interrupted run leaves every certificate whole or absent.
    """
    path = prepare_certificate_directory(directory)
    paths = []
    for name in sorted(report["certificates"]):
        target = os.path.join(path, name)
        _write_atomic(target, dump_certificate(report["certificates"][name]))
        paths.append(target)
    return paths


def other_certificates(directory, written):
    """The ``*.json`` files of ``directory`` besides ``written`` (names): certificates of other runs, left alone.

    >>> other_certificates("/nonexistent", [])
    []
    """
    keep = {os.path.basename(p) for p in written}
    try:
        names = sorted(os.listdir(directory))
    except OSError:
        return []
    return [name for name in names if name.endswith(".json") and name not in keep]
