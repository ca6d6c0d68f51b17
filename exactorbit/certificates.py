"""Certificates: JSON documents that state a result and carry what an independent checker needs.

Every certificate is a dict of plain JSON values (ints, bools, strings, lists,
dicts; never a float)::

    {"format": "exactorbit-certificate", "version": 1, "kind": KIND,
     "input": {"grid": [h, w], "group": NAME, "generators": [[...], ...], ...},
     "claim": {...}, "witness": {...}}

Kinds: ``orbit``, ``minimal-orbit``, ``count``, ``shadow``; ``proofs/certificates.md``
documents every field and what :mod:`exactorbit.checker` re-derives.  Group
elements are array forms (``g[i]`` = where pixel i goes), masks are ints (pixel
(r, c) is bit ``r*w + c``).  The producers here use the fast machinery
(:mod:`exactorbit.actions`, sympy); the checker uses none of it.

:func:`dump_certificate` writes sorted keys with a fixed layout, so regenerating
a certificate is byte-identical.

>>> from exactorbit.groups import named_group
>>> from exactorbit.checker import verify_certificate
>>> cert = orbit_certificate(named_group("translations", "1x4"), 0b0101)
>>> cert["claim"]
{'image': 5, 'orbit_size': 2, 'stabilizer_order': 2, 'group_order': 4}
>>> verify_certificate(cert)[0]
True
"""

from __future__ import annotations

import hashlib
import json
import math
import os
from collections.abc import Mapping
from typing import TYPE_CHECKING

import numpy as np

from ._budget import refuse_if_over
from ._validation import check_int, check_int_list, check_items, check_mask, describe, int_text
from .images import as_mask
from .stabilizers import orbit_size, stabilizer
from .counting import fixed_by_weight
from .errors import InvalidArgument
from ._perm.cycles import cycle_lengths as _cycle_lengths
from .groups import _check_array_form
from .groups import check_group as _check_group
from .orbits import orbit_classes

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from typing import Any

    from numpy.typing import ArrayLike

    from .groups import PixelGroup
    from .images import Image
    from .orbits import OrbitDecomposition

__all__ = [
    "Certificate",
    "FORMAT",
    "VERSION",
    "orbit_certificate",
    "minimal_orbit_certificate",
    "count_certificate",
    "shadow_certificate",
    "table_digest",
    "dump_certificate",
    "write_certificate",
]

FORMAT = "exactorbit-certificate"
VERSION = 1


def table_digest(values: Sequence[int]) -> str:
    """sha256 (hex) of a function table, as stored in shadow certificates.

    It hashes the ASCII text ``"[v0,v1,...]"`` (decimal, no spaces); the checker
    keeps its own copy under the same name.

    >>> table_digest([0, 1]) == table_digest((0, 1))
    True
    >>> table_digest(None)
    Traceback (most recent call last):
    ...
    exactorbit.errors.InvalidArgument: values must be a list or tuple, got None (type NoneType)
    """
    values = check_int_list("values", values)
    text = "[" + ",".join(int_text(v) for v in values) + "]"
    return hashlib.sha256(text.encode("ascii")).hexdigest()


def _perm_list(p):
    return [int(v) for v in p]


def _input(group, **extra):
    out = {
        "grid": [group.grid.h, group.grid.w],
        "group": str(group.name),
        "generators": [_perm_list(g) for g in group.generators],
    }
    out.update(extra)
    return out


class Certificate(dict):
    """A certificate document: a plain dict (JSON as it stands) that draws itself in Jupyter.

    >>> from exactorbit.groups import reflections
    >>> cert = orbit_certificate(reflections("1x3"), 0b010)
    >>> isinstance(cert, dict), cert["kind"], "orbit certificate" in cert._repr_html_()
    (True, 'orbit', True)
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if len(args) > 1:
            raise InvalidArgument(f"Certificate takes at most one positional argument (a dict), got {len(args)}")
        if args and not isinstance(args[0], Mapping):
            items = check_items("Certificate contents", args[0])
            if not all(isinstance(kv, (tuple, list)) and len(kv) == 2 for kv in items):
                raise InvalidArgument(
                    f"Certificate contents must be a dict or (key, value) pairs, got {describe(args[0])}"
                )
            args = (items,)
        try:
            super().__init__(*args, **kwargs)
        except TypeError as exc:  # an unhashable key
            raise InvalidArgument(f"Certificate contents: {exc}") from None

    def _repr_html_(self):
        from ._display import certificate_html

        return certificate_html(self)


def _document(kind, inp, claim, witness):
    return Certificate({
        "format": FORMAT,
        "version": VERSION,
        "kind": kind,
        "input": inp,
        "claim": claim,
        "witness": witness,
    })


def _stabilizer_generators(group, x):
    return sorted(_perm_list(g) for g in stabilizer(group, x).generators)


def orbit_certificate(group: PixelGroup, image: int | str | Image | ArrayLike) -> Certificate:
    """Certificate of the orbit size and stabilizer (with generators) of one image.

    >>> from exactorbit.groups import reflections
    >>> orbit_certificate(reflections("1x3"), 0b010)["witness"]
    {'stabilizer_generators': [[2, 1, 0]]}
    """
    group = _check_group(group)
    x = as_mask(image, group.grid)
    size = orbit_size(group, x)
    order = group.order()
    return _document(
        "orbit",
        _input(group),
        {"image": x, "orbit_size": size, "stabilizer_order": order // size, "group_order": order},
        {"stabilizer_generators": _stabilizer_generators(group, x)},
    )


def _feature_class(features, n, force, limit):
    """(class name, explicit feature list or None, iterable of the features)."""
    if isinstance(features, str):
        spec = features.strip()
        if spec in ("all", "nonconstant"):
            size = 2**n if spec == "all" else 2**n - 2
            refuse_if_over(f"class {spec!r} on {n} pixels", size, "certificate_class", limit=limit, force=force)
            return spec, None, range(2**n) if spec == "all" else range(1, 2**n - 1)
        if spec.startswith("weight:"):
            try:
                k = int(spec[len("weight:"):])
            except ValueError:
                k = -1
            if not 0 <= k <= n or spec != f"weight:{k}":
                raise InvalidArgument(f"features must be 'weight:K' with K in 0..{n}, got {describe(features)}")
            refuse_if_over(f"class {spec!r} on {n} pixels", math.comb(n, k), "certificate_class", limit=limit,
                           force=force)
            return spec, None, (x for x in range(2**n) if x.bit_count() == k)
        raise InvalidArgument(
            "features must be 'all', 'nonconstant', 'weight:K' or a list of masks, "
            f"got {describe(features)}"
        )
    try:
        items = list(features)
    except TypeError:
        raise InvalidArgument(f"features must be a class name or a list of masks, got {describe(features)}") from None
    masks = sorted({check_mask(f"features[{k}]", v, n) for k, v in enumerate(items)})
    return "explicit", masks, masks


def minimal_orbit_certificate(group: PixelGroup, features: str | Iterable[int] = "nonconstant", *,
                              decomposition: OrbitDecomposition | None = None, force: bool = False,
                              limit: int | None = None) -> Certificate:
    """Certificate of the orbits of a class of features and of which orbits are minimal.

    ``features``: ``"nonconstant"`` (every image but empty and full), ``"all"``,
    ``"weight:K"``, or a list of masks (a union of orbits, else InvalidArgument).
    The orbits come from :func:`exactorbit.orbits.orbit_classes` (pass a labelled
    ``decomposition`` of G to reuse it); the checker re-derives them on its own.

    >>> from exactorbit.groups import named_group
    >>> cert = minimal_orbit_certificate(named_group("translations", "1x4"), "weight:2")
    >>> cert["claim"]["min_orbit_size"], cert["claim"]["minimal_representatives"]
    (2, [5])
    """
    group = _check_group(group)
    n = group.n
    spec, explicit, items = _feature_class(features, n, force, limit)
    members = set(items) if explicit is None else set(explicit)
    if not members:
        raise InvalidArgument(f"the feature class {spec!r} is empty on the {group.grid} grid")
    order = group.order()
    if spec in ("all", "nonconstant"):
        classes = [c for c in orbit_classes(group, decomposition=decomposition, force=force)
                   if c.representative in members]
    else:
        classes = orbit_classes(group, members, name="features")
    orbits = [{
        "representative": c.representative,
        "orbit_size": c.size,
        "stabilizer_order": order // c.size,
        "stabilizer_generators": _stabilizer_generators(group, c.representative),
    } for c in classes]
    smallest = min(o["orbit_size"] for o in orbits)
    inp = _input(group, **{"class": spec})
    if explicit is not None:
        inp["features"] = explicit
    claim = {
        "group_order": order,
        "orbit_count": len(orbits),
        "min_orbit_size": smallest,
        "minimal_representatives": [o["representative"] for o in orbits if o["orbit_size"] == smallest],
    }
    return _document("minimal-orbit", inp, claim, {"orbits": orbits})


def count_certificate(group: PixelGroup, *, force: bool = False, limit: int | None = None) -> Certificate:
    """Certificate of the number of orbits of all images (Burnside, and by weight: Polya).

    One entry per conjugacy class (sympy's ``conjugacy_classes``): its smallest
    element, size, cycle count c, fixed images 2^c and fixed images by weight.

    >>> from exactorbit.groups import named_group
    >>> cert = count_certificate(named_group("translations+dihedral", "3x3"))
    >>> cert["claim"]["orbit_count"], len(cert["witness"]["classes"])
    (26, 9)
    """
    group = _check_group(group)
    n = group.n
    order = group.order()
    refuse_if_over(f"listing the conjugacy classes of a group of order {order}", order, "certificate_conjugacy",
                   limit=limit, force=force)
    classes = []
    for cls in group.sympy.conjugacy_classes():
        rep = min(tuple(int(v) for v in p.array_form) + tuple(range(p.size, n)) for p in cls)
        fbw = fixed_by_weight(rep)
        cycles = len(_cycle_lengths(rep))
        classes.append({
            "representative": list(rep),
            "size": len(cls),
            "cycles": cycles,
            "fixed_images": 2**cycles,
            "fixed_by_weight": fbw,
        })
    classes.sort(key=lambda c: c["representative"])
    burnside = sum(c["size"] * c["fixed_images"] for c in classes)
    by_weight = [sum(c["size"] * c["fixed_by_weight"][k] for c in classes) // order for k in range(n + 1)]
    claim = {"group_order": order, "orbit_count": burnside // order, "orbits_by_weight": by_weight}
    return _document("count", _input(group), claim, {"classes": classes})


def shadow_certificate(group: PixelGroup, table: Iterable[int],
                       elements: Iterable[Sequence[int] | tuple[Sequence[int], bool]], distance: int,
                       complement: bool = False, inputs: Iterable[int] | None = None) -> Certificate:
    """Package shadow data: a function table, its nearest group elements and their distance.

    ``table``: the 2^n values F(0), ..., F(2^n - 1) (masks).  ``elements``: array
    forms, or pairs ``(array_form, complemented)`` when ``complement`` is true
    (the ambient element then acts as x -> ~(g.x)).  ``inputs``: the feature set D
    over which distance counts (default: all inputs).  Nothing is searched here:
    the checker confirms that the elements are exactly the nearest ones.

    >>> from exactorbit.groups import reflections
    >>> cert = shadow_certificate(reflections("1x2"), [0, 2, 1, 3], [(1, 0)], 0)
    >>> cert["claim"]
    {'distance': 0, 'elements': [{'permutation': [1, 0], 'complement': False}]}
    """
    group = _check_group(group)
    n = group.n
    if not isinstance(complement, bool):
        raise InvalidArgument(f"complement must be True or False, got {describe(complement)}")
    try:
        values = list(table)
    except TypeError:
        raise InvalidArgument(f"table must be a sequence of 2**{n} masks, got {describe(table)}") from None
    if len(values) != 2**n:
        raise InvalidArgument(f"table must have 2**{n} = {2**n} entries, got {len(values)}")
    values = [check_mask(f"table[{x}]", int(v) if hasattr(v, "__index__") else v, n) for x, v in enumerate(values)]
    pairs = []
    for k, e in enumerate(check_items("elements", elements)):
        if isinstance(e, (tuple, list)) and len(e) == 2 and isinstance(e[0], (tuple, list, np.ndarray)):
            perm, c = e  # a pair (array form, complemented)
            if not isinstance(c, (bool, np.bool_)):
                raise InvalidArgument(f"elements[{k}]: the complement flag must be a bool, got {describe(c)}")
        else:
            perm, c = e, False
        perm = _check_array_form(f"elements[{k}]", perm, n)  # a permutation of 0..n-1 (sympy ones too)
        if c and not complement:
            raise InvalidArgument(f"elements[{k}] uses the complement, but complement=False")
        pairs.append((perm, bool(c)))
    pairs = sorted(set(pairs), key=lambda pc: (pc[1], pc[0]))
    distance = check_int("distance", distance, min_value=0)
    inp = _input(group, complement=complement, table={"values": values, "sha256": table_digest(values)})
    if inputs is not None:
        try:
            masks = check_int_list("inputs", inputs, min_value=0, max_value=(1 << n) - 1, limit=4 << n)
        except InvalidArgument as exc:
            raise InvalidArgument(f"inputs must be a list of masks in [0, 2^{n}): {exc}") from None
        inp["inputs"] = sorted(set(masks))
    claim = {
        "distance": distance,
        "elements": [{"permutation": _perm_list(p), "complement": c} for p, c in pairs],
    }
    witness = {"ambient_order": group.order() * (2 if complement else 1)}
    return _document("shadow", inp, claim, witness)


def _dump(value, indent, out):
    pad = " " * indent
    if isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        out.append("{\n")
        keys = sorted(value)
        for i, key in enumerate(keys):
            out.append(pad + "  " + json.dumps(key) + ": ")
            _dump(value[key], indent + 2, out)
            out.append(",\n" if i < len(keys) - 1 else "\n")
        out.append(pad + "}")
    elif isinstance(value, (list, tuple)):
        if all(not isinstance(v, (dict, list, tuple)) for v in value):
            out.append("[" + ", ".join(_scalar(v) for v in value) + "]")
            return
        out.append("[\n")
        for i, v in enumerate(value):
            out.append(pad + "  ")
            _dump(v, indent + 2, out)
            out.append(",\n" if i < len(value) - 1 else "\n")
        out.append(pad + "]")
    else:
        out.append(_scalar(value))


def _scalar(value):
    if isinstance(value, float):
        raise InvalidArgument(f"certificates hold no floats, got {value!r}")
    if not (value is None or isinstance(value, (bool, int, str))):
        raise InvalidArgument(f"certificates hold only JSON values, got {describe(value)}")
    return json.dumps(value)


def dump_certificate(cert: dict[str, Any]) -> str:
    """The certificate as JSON text: sorted keys, two-space indent, flat lists on one line, final newline.

    >>> print(dump_certificate({"b": [1, 2], "a": {"c": True}}), end="")
    {
      "a": {
        "c": true
      },
      "b": [1, 2]
    }
    """
    if not isinstance(cert, dict):
        raise InvalidArgument(f"certificate must be a dict, got {describe(cert)}")
    out: list[str] = []
    _dump(cert, 0, out)
    return "".join(out) + "\n"


def write_certificate(cert: dict[str, Any], path: str | os.PathLike[str]) -> str | os.PathLike[str]:
    """Write :func:`dump_certificate` text to ``path`` (creating its directory); returns the path.

    >>> import tempfile, os
    >>> d = tempfile.mkdtemp()
    >>> p = write_certificate({"a": 1}, os.path.join(d, "sub", "c.json"))
    >>> open(p).read()
    '{\\n  "a": 1\\n}\\n'
    """
    if not isinstance(path, (str, os.PathLike)) or not isinstance(os.fspath(path), str):
        raise InvalidArgument(f"path must be a str or os.PathLike naming a file, got {describe(path)}")
    if not os.fspath(path) or "\0" in os.fspath(path):
        raise InvalidArgument(f"path must be a non-empty file name without NUL bytes, got {describe(path)}")
    text = dump_certificate(cert)
    folder = os.path.dirname(os.fspath(path))
    if folder:
        try:
            os.makedirs(folder, exist_ok=True)
        except OSError as exc:
            from ._files import cannot

            raise cannot("create the directory", folder, exc) from None
    from ._files import write_file

    write_file(path, text)  # atomic: a temporary file renamed into place; the umask applies
    return path
