"""An independent checker of exactorbit certificates: ``exactorbit verify FILE...``.

A certificate (see :mod:`exactorbit.certificates` and ``proofs/certificates.md``)
states a result and carries a witness.  This module re-derives every claimed
number by its own, simpler route and shares **no** search code with the
producer: it does not import :mod:`exactorbit.actions`, :mod:`exactorbit.counting`
or sympy.  Its only tools are

* a breadth-first closure of permutations (plain tuples) that lists every
  element of the group, refused (:class:`~exactorbit.errors.TooExpensive`) past
  ``max_group_order`` elements;
* the bit permutation ``g.x``: bit ``g[p]`` of ``g.x`` is bit ``p`` of ``x``.

Conventions: a group element is an array-form tuple ``g`` (``g[i]`` is the pixel
that pixel ``i`` moves to); pixel (r, c) is bit ``r*w + c`` of a mask.
:func:`verify_certificate` returns ``(True, summary)`` when the certificate
checks and ``(False, reason)`` when it is well formed but false; it raises
:class:`~exactorbit.errors.CertificateError` when the document is malformed
(missing or unknown fields, wrong types, floats anywhere, wrong format or
version, generators that are not permutations of the h*w pixels, masks out of
range, a table of the wrong length).

>>> doc = {"format": "exactorbit-certificate", "version": 1, "kind": "orbit",
...        "input": {"grid": [1, 3], "group": "translations", "generators": [[1, 2, 0]]},
...        "claim": {"image": 1, "orbit_size": 3, "stabilizer_order": 1, "group_order": 3},
...        "witness": {"stabilizer_generators": []}}
>>> verify_certificate(doc)
(True, 'orbit of 1: size 3 x stabilizer order 1 = |G| = 3')
>>> doc["claim"]["orbit_size"] = 2
>>> verify_certificate(doc)
(False, 'orbit of 1 has size 3, certificate claims 2')
"""

import hashlib
import itertools
import json
import math

from operator import itemgetter
import os

from ._validation import clip, describe, int_short, short
from .errors import CertificateError, TooExpensive

__all__ = [
    "FORMAT",
    "VERSION",
    "KINDS",
    "MAX_GROUP_ORDER",
    "verify_certificate",
    "check_file",
    "load_certificate",
    "table_digest",
]

FORMAT = "exactorbit-certificate"
VERSION = 1
KINDS = ("orbit", "minimal-orbit", "count", "shadow")

#: Largest group the checker lists element by element (flag: max_group_order= / --max-group-order).
MAX_GROUP_ORDER = 500_000
#: Largest class of features a minimal-orbit certificate may range over.
MAX_CLASS_SIZE = 1 << 20
#: Largest grid (in pixels) of a shadow certificate's function table (2^n entries).
MAX_TABLE_PIXELS = 20
#: Largest grid of any certificate (exactorbit's grids hold at most 4096 pixels).
MAX_PIXELS = 4096
#: Largest certificate file read (bytes); a larger file is refused before it is parsed.
MAX_FILE_BYTES = 64 * 1024 * 1024
#: Deepest nesting of lists and objects in a certificate (the formats need 6).
MAX_DEPTH = 12
#: Most decimal digits of a number in a certificate (a 4096-pixel mask has 1234).
MAX_DIGITS = 4000
#: Most (element, input) comparisons of a shadow certificate: |G| x (number of inputs).
MAX_SHADOW_STEPS = 10**8


# --------------------------------------------------------------------------
# the checker's own tiny toolbox (no shared code with the producer)


def table_digest(values):
    """sha256 (hex) of a function table: of the text ``"[v0,v1,...]"`` (decimal, no spaces).

    >>> table_digest([0, 1])[:16]
    '463f2998327eb3a6'
    """
    text = "[" + ",".join(str(int(v)) for v in values) + "]"
    return hashlib.sha256(text.encode("ascii")).hexdigest()


def _bits_apply(g, x):
    """g.x by the definition: bit g[p] of the result is bit p of x."""
    out = 0
    p = 0
    while x:
        if x & 1:
            out |= 1 << g[p]
        x >>= 1
        p += 1
    return out


def _byte_tables(g):
    """Per byte b, a 256-entry table: the image of (v << 8b) under g."""
    n = len(g)
    tables = []
    for b in range((n + 7) // 8):
        t = [0] * 256
        for v in range(1, 256):
            low = v & -v
            p = 8 * b + low.bit_length() - 1
            t[v] = t[v ^ low] | ((1 << g[p]) if p < n else 0)
        tables.append(t)
    return tables


def _reachable(start, moves, limit=None, what=None):
    """Everything reachable from ``start`` by ``moves`` (item -> its neighbours), by BFS.

    Past ``limit`` items, TooExpensive naming ``what``.
    """
    seen = {start}
    frontier = [start]
    while frontier:
        nxt = []
        for x in frontier:
            for y in moves(x):
                if y not in seen:
                    seen.add(y)
                    nxt.append(y)
                    if limit is not None and len(seen) > limit:
                        raise TooExpensive(
                            f"{what} has more than {limit} elements, which the checker lists one by one; "
                            "pass max_group_order= (CLI: --max-group-order) to allow more"
                        )
        frontier = nxt
    return seen


def _compose_moves(generators, n):
    """p -> [p then s for each generator s] (tuples; ``itemgetter`` does the composition at C speed)."""
    gens = [tuple(s) for s in generators]
    if n == 1:
        return lambda p: [p for _ in gens]
    return lambda p: [itemgetter(*p)(s) for s in gens]


def _closure(generators, n, limit, what="the group"):
    """Every element generated by ``generators`` (BFS from the identity), as a set of tuples."""
    return _reachable(tuple(range(n)), _compose_moves(generators, n), limit, what)


def _group_elements(generators, n, claimed_order, limit, what="the group"):
    """The elements of the group, listed only up to the claimed order: ``(elements, None)`` or ``(None, reason)``.

    Refused before any work (TooExpensive) when the claimed order is over ``limit``
    or would not fit in the machine's memory; a listing that passes the claimed
    order stops at once (the claim is false).
    """
    if claimed_order > limit:
        raise TooExpensive(
            f"{what} is claimed to have order {int_short(claimed_order)}, more than the checker lists one by one "
            f"(max_group_order={limit}); pass max_group_order= (CLI: --max-group-order) to allow more",
            estimate=claimed_order, limit=limit, unit="elements",
            flag="max_group_order= (CLI: --max-group-order)")
    need = claimed_order * (8 * n + 120)  # a tuple of n pointers and its place in a set
    avail = _available_memory()
    if avail is not None and need > avail // 2:
        raise TooExpensive(
            f"listing {what} (claimed order {int_short(claimed_order)} on {n} pixels) needs about {need} bytes, "
            f"over half of the {avail} bytes this machine has available; refused (a hard limit)",
            estimate=need, limit=avail // 2, unit="bytes", flag=None)
    seen = {tuple(range(n))}
    frontier = list(seen)
    moves = _compose_moves(generators, n)
    while frontier:
        nxt = []
        for x in frontier:
            for y in moves(x):
                if y not in seen:
                    seen.add(y)
                    nxt.append(y)
                    if len(seen) > claimed_order:
                        return None, (f"the generators generate a group of order more than {claimed_order}, "
                                      f"which the certificate claims")
        frontier = nxt
    if len(seen) != claimed_order:
        return None, f"the generators generate a group of order {len(seen)}, certificate claims {claimed_order}"
    return seen, None


def _available_memory():
    """Bytes of memory available to this process (Linux /proc/meminfo), or None where unknown.

    (The checker's own copy of ``_budget.available_memory``: it imports nothing of the producers.)
    """
    try:
        with open("/proc/meminfo", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


def _orbit(generators, x):
    """The orbit of mask x under the group generated by ``generators`` (BFS)."""
    return _reachable(x, lambda y: [_bits_apply(s, y) for s in generators])


def _inverse(p):
    inv = [0] * len(p)
    for i, j in enumerate(p):
        inv[j] = i
    return tuple(inv)


def _conjugacy_class(generators, g):
    """{h^-1 g h : h in G} by closing {g} under conjugation by the generators."""
    pairs = [(tuple(s), _inverse(s)) for s in generators]
    # s^-1 x s, maps applied left to right: i -> si[i] -> x[.] -> s[.]
    return _reachable(g, lambda x: [tuple(s[x[si[i]]] for i in range(len(x))) for s, si in pairs])


def _cycle_lengths(g):
    seen = [False] * len(g)
    lengths = []
    for i in range(len(g)):
        if not seen[i]:
            k = 0
            j = i
            while not seen[j]:
                seen[j] = True
                j = g[j]
                k += 1
            lengths.append(k)
    return lengths


def _fixed_by_weight(g, n):
    """Coefficients of prod over cycles of (1 + t^length): fixed images by weight."""
    poly = [1] + [0] * n
    for length in _cycle_lengths(g):
        new = poly[:]
        for i in range(n + 1 - length):
            new[i + length] += poly[i]
        poly = new
    return poly


# --------------------------------------------------------------------------
# schema validation (malformed -> CertificateError)


def _reject_foreign(value, where):
    """Every value is JSON (no float, no NaN), nested at most MAX_DEPTH deep (checked without recursion)."""
    stack = [(value, where, 0)]
    while stack:
        value, where, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise CertificateError(f"{clip(where, 120)}: nested more than {MAX_DEPTH} deep; no certificate is")
        if isinstance(value, float):
            raise CertificateError(f"{clip(where, 120)}: floats are not allowed in a certificate, got {short(value)}")
        if isinstance(value, dict):
            for key, v in value.items():
                if not isinstance(key, str):
                    raise CertificateError(f"{clip(where, 120)}: keys must be strings, got {describe(key)}")
                stack.append((v, f"{where}.{clip(key, 40)}", depth + 1))
        elif isinstance(value, (list, tuple)):
            stack.extend((v, f"{where}[{i}]", depth + 1) for i, v in enumerate(value))
        elif isinstance(value, int) and not isinstance(value, bool):
            if value.bit_length() > 3.33 * MAX_DIGITS:
                raise TooExpensive(f"{clip(where, 120)} is {short(value)}; the checker reads numbers of at most "
                                   f"{MAX_DIGITS} digits", flag=None)
        elif not (value is None or isinstance(value, (bool, str))):
            raise CertificateError(f"{clip(where, 120)}: not a JSON value: {describe(value)}")


def _obj(value, where, required, optional=()):
    if not isinstance(value, dict):
        raise CertificateError(f"{where} must be an object, got {describe(value)}")
    for key in required:
        if key not in value:
            raise CertificateError(f"{where} lacks the field {key!r}")
    extra = sorted(set(value) - set(required) - set(optional))
    if extra:
        raise CertificateError(f"{where} has an unknown field {short(extra[0], 40)}")
    return value


def _int(value, where, min_value=None):
    if isinstance(value, bool) or not isinstance(value, int):
        raise CertificateError(f"{where} must be an int, got {describe(value)}")
    if min_value is not None and value < min_value:
        raise CertificateError(f"{where} must be >= {min_value}, got {describe(value)}")
    return value


def _bool(value, where):
    if not isinstance(value, bool):
        raise CertificateError(f"{where} must be true or false, got {describe(value)}")
    return value


def _str(value, where):
    if not isinstance(value, str):
        raise CertificateError(f"{where} must be a string, got {describe(value)}")
    return value


def _list(value, where, length=None):
    if not isinstance(value, (list, tuple)):
        raise CertificateError(f"{where} must be a list, got {describe(value)}")
    if length is not None and len(value) != length:
        raise CertificateError(f"{where} must have {length} entries, got {len(value)}")
    return list(value)


def _mask(value, where, n):
    _int(value, where, 0)
    if value >> n:
        raise CertificateError(f"{where} must be a mask of {n} pixels (0 <= mask < 2**{n}), got {describe(value)}")
    return value


def _perm(value, where, n):
    items = _list(value, where, n)
    for i, v in enumerate(items):
        _int(v, f"{where}[{i}]")
    if set(items) != set(range(n)):
        raise CertificateError(f"{where} is not a permutation of the {n} pixels 0..{n - 1}: {describe(value)}")
    return tuple(items)


def _perms(value, where, n):
    return [_perm(p, f"{where}[{k}]", n) for k, p in enumerate(_list(value, where))]


def _masks_increasing(value, where, n):
    items = _list(value, where)
    out = [_mask(v, f"{where}[{k}]", n) for k, v in enumerate(items)]
    if any(a >= b for a, b in zip(out, out[1:])):
        raise CertificateError(f"{where} must be strictly increasing (a set of masks)")
    return out


_INPUT_FIELDS = {
    "orbit": ((), ()),
    "minimal-orbit": (("class",), ("features",)),
    "count": ((), ()),
    "shadow": (("complement", "table"), ("inputs",)),
}


def _parse_header(doc):
    _reject_foreign(doc, "certificate")
    _obj(doc, "certificate", ("format", "version", "kind", "input", "claim", "witness"))
    if doc["format"] != FORMAT:
        raise CertificateError(f"certificate format must be {FORMAT!r}, got {describe(doc['format'])}")
    if _int(doc["version"], "version") != VERSION:
        raise CertificateError(f"certificate version {doc['version']} is not supported (this checker reads {VERSION})")
    kind = _str(doc["kind"], "kind")
    if kind not in KINDS:
        raise CertificateError(f"unknown certificate kind {short(kind, 40)}; known: {', '.join(KINDS)}")
    required, optional = _INPUT_FIELDS[kind]
    inp = _obj(doc["input"], "input", ("grid", "group", "generators") + required, optional)
    grid = _list(inp["grid"], "input.grid", 2)
    h = _int(grid[0], "input.grid[0]", 1)
    w = _int(grid[1], "input.grid[1]", 1)
    _str(inp["group"], "input.group")
    n = h * w
    if n > MAX_PIXELS:
        raise CertificateError(f"input.grid {int_short(h)}x{int_short(w)} has more than {MAX_PIXELS} pixels; "
                               "no exactorbit certificate does")
    gens = _perms(inp["generators"], "input.generators", n)
    return kind, inp, n, gens


# --------------------------------------------------------------------------
# the four kinds


def _check_stabilizer(gens_g, elements, x, stab_gens, claimed_order, where, limit):
    """Shared by orbit and minimal-orbit: (ok, reason) for a claimed stabilizer."""
    for k, s in enumerate(stab_gens):
        if s not in elements:
            return False, f"{where} stabilizer generator {k} is not in the group"
        if _bits_apply(s, x) != x:
            return False, f"{where} stabilizer generator {k} does not fix {x}"
    fixing = sum(1 for g in elements if _bits_apply(g, x) == x)
    if fixing != claimed_order:
        return False, f"{where}: {fixing} elements of the group fix {x}, certificate claims stabilizer order {claimed_order}"
    generated = len(_closure(stab_gens, len(next(iter(elements))), limit, "the stabilizer"))
    if generated != fixing:
        return False, (
            f"{where}: the stabilizer generators generate a subgroup of order {generated}, "
            f"but the stabilizer of {x} has order {fixing}"
        )
    return True, ""


def _verify_orbit(doc, inp, n, gens, limit):
    claim = _obj(doc["claim"], "claim", ("image", "orbit_size", "stabilizer_order", "group_order"))
    witness = _obj(doc["witness"], "witness", ("stabilizer_generators",))
    x = _mask(claim["image"], "claim.image", n)
    size = _int(claim["orbit_size"], "claim.orbit_size", 1)
    stab = _int(claim["stabilizer_order"], "claim.stabilizer_order", 1)
    order = _int(claim["group_order"], "claim.group_order", 1)
    stab_gens = _perms(witness["stabilizer_generators"], "witness.stabilizer_generators", n)
    elements, reason = _group_elements(gens, n, order, limit)
    if elements is None:
        return False, reason
    orb = _orbit(gens, x)
    if len(orb) != size:
        return False, f"orbit of {x} has size {len(orb)}, certificate claims {size}"
    ok, reason = _check_stabilizer(gens, elements, x, stab_gens, stab, f"image {x}:", limit)
    if not ok:
        return ok, reason
    if size * stab != order:  # pragma: no cover - orbit-stabilizer theorem
        return False, f"orbit size {size} x stabilizer order {stab} != |G| = {order}"
    return True, f"orbit of {x}: size {size} x stabilizer order {stab} = |G| = {order}"


def _feature_class(inp, n):
    spec = _str(inp["class"], "input.class")
    has_features = "features" in inp
    if spec == "explicit":
        if not has_features:
            raise CertificateError("input.class 'explicit' needs the field 'features'")
        features = _masks_increasing(inp["features"], "input.features", n)
        return spec, set(features)
    if has_features:
        raise CertificateError(f"input.features is only allowed with class 'explicit', not {short(spec, 40)}")
    if spec in ("all", "nonconstant"):
        size = 2**n if spec == "all" else 2**n - 2
        if size > MAX_CLASS_SIZE:
            raise TooExpensive(f"class {spec!r} on {n} pixels has {size} features; the checker lists at most {MAX_CLASS_SIZE}")
        return spec, set(range(2**n)) if spec == "all" else set(range(1, 2**n - 1))
    if spec.startswith("weight:"):
        text = spec[len("weight:"):]
        if not (text.isascii() and text.isdigit()) or len(text) > 5 or str(int(text)) != text or int(text) > n:
            raise CertificateError(f"input.class {short(spec, 40)}: the weight must be an int 0..{n}")
        k = int(text)
        size = math.comb(n, k)
        if size > MAX_CLASS_SIZE:
            raise TooExpensive(f"class {spec!r} on {n} pixels has {size} features; the checker lists at most {MAX_CLASS_SIZE}")
        return spec, {sum(1 << p for p in c) for c in itertools.combinations(range(n), k)}
    raise CertificateError(
        f"input.class must be 'all', 'nonconstant', 'weight:K' or 'explicit', got {describe(spec)}"
    )


def _verify_minimal_orbit(doc, inp, n, gens, limit):
    claim = _obj(
        doc["claim"], "claim", ("group_order", "orbit_count", "min_orbit_size", "minimal_representatives")
    )
    witness = _obj(doc["witness"], "witness", ("orbits",))
    spec, features = _feature_class(inp, n)
    if not features:
        raise CertificateError(f"the class {spec!r} is empty on {n} pixels")
    order = _int(claim["group_order"], "claim.group_order", 1)
    count = _int(claim["orbit_count"], "claim.orbit_count", 0)
    min_size = _int(claim["min_orbit_size"], "claim.min_orbit_size", 1)
    min_reps = [_mask(v, f"claim.minimal_representatives[{k}]", n)
                for k, v in enumerate(_list(claim["minimal_representatives"], "claim.minimal_representatives"))]
    entries = []
    for k, entry in enumerate(_list(witness["orbits"], "witness.orbits")):
        where = f"witness.orbits[{k}]"
        _obj(entry, where, ("representative", "orbit_size", "stabilizer_order", "stabilizer_generators"))
        entries.append((
            _mask(entry["representative"], f"{where}.representative", n),
            _int(entry["orbit_size"], f"{where}.orbit_size", 1),
            _int(entry["stabilizer_order"], f"{where}.stabilizer_order", 1),
            _perms(entry["stabilizer_generators"], f"{where}.stabilizer_generators", n),
        ))
    elements, reason = _group_elements(gens, n, order, limit)
    if elements is None:
        return False, reason
    covered = {}
    for k, (x, size, stab, stab_gens) in enumerate(entries):
        where = f"orbit {k} (representative {x})"
        if x not in features:
            return False, f"{where}: the representative is not in the class {spec!r}"
        if x in covered:
            return False, f"{where}: {x} already lies in the orbit of representative {covered[x]}"
        orb = _orbit(gens, x)
        if len(orb) != size:
            return False, f"{where}: the orbit has size {len(orb)}, certificate claims {size}"
        outside = sorted(orb - features)
        if outside:
            return False, f"{where}: the orbit leaves the class {spec!r} (it contains {outside[0]})"
        ok, reason = _check_stabilizer(gens, elements, x, stab_gens, stab, where, limit)
        if not ok:
            return ok, reason
        if size * stab != order:  # pragma: no cover - orbit-stabilizer theorem
            return False, f"{where}: orbit size {size} x stabilizer order {stab} != |G| = {order}"
        for y in orb:
            covered[y] = x
    missing = sorted(features - set(covered))
    if missing:
        return False, f"{len(missing)} features of the class {spec!r} lie in no listed orbit, e.g. {missing[0]}"
    if count != len(entries):
        return False, f"the class splits into {len(entries)} orbits, certificate claims {count}"
    true_min = min(size for _, size, _, _ in entries)
    if min_size != true_min:
        return False, f"the minimal orbit size is {true_min}, certificate claims {min_size}"
    expected = sorted(x for x, size, _, _ in entries if size == true_min)
    if min_reps != expected:
        return False, f"the representatives of minimal orbits are {expected}, certificate claims {min_reps}"
    return True, (
        f"class {spec!r}: {len(features)} features in {count} orbits, minimal orbit size {true_min} "
        f"({len(expected)} orbit{'s' if len(expected) != 1 else ''}), |G| = {order}"
    )


def _verify_count(doc, inp, n, gens, limit):
    claim = _obj(doc["claim"], "claim", ("group_order", "orbit_count", "orbits_by_weight"))
    witness = _obj(doc["witness"], "witness", ("classes",))
    order = _int(claim["group_order"], "claim.group_order", 1)
    total = _int(claim["orbit_count"], "claim.orbit_count", 0)
    by_weight = [_int(v, f"claim.orbits_by_weight[{k}]", 0)
                 for k, v in enumerate(_list(claim["orbits_by_weight"], "claim.orbits_by_weight", n + 1))]
    classes = []
    for k, entry in enumerate(_list(witness["classes"], "witness.classes")):
        where = f"witness.classes[{k}]"
        _obj(entry, where, ("representative", "size", "cycles", "fixed_images", "fixed_by_weight"))
        classes.append((
            _perm(entry["representative"], f"{where}.representative", n),
            _int(entry["size"], f"{where}.size", 1),
            _int(entry["cycles"], f"{where}.cycles", 0),
            _int(entry["fixed_images"], f"{where}.fixed_images", 0),
            [_int(v, f"{where}.fixed_by_weight[{i}]", 0)
             for i, v in enumerate(_list(entry["fixed_by_weight"], f"{where}.fixed_by_weight", n + 1))],
        ))
    elements, reason = _group_elements(gens, n, order, limit)
    if elements is None:
        return False, reason
    covered = set()
    burnside = 0
    polya = [0] * (n + 1)
    for k, (g, size, cycles, fixed, fbw) in enumerate(classes):
        where = f"class {k}"
        if g not in elements:
            return False, f"{where}: the representative is not in the group"
        cls = _conjugacy_class(gens, g)
        if g in covered or cls & covered:
            return False, f"{where}: the representative's class is already listed"
        if len(cls) != size:
            return False, f"{where}: the conjugacy class has {len(cls)} elements, certificate claims {size}"
        true_cycles = len(_cycle_lengths(g))
        if cycles != true_cycles:
            return False, f"{where}: the representative has {true_cycles} cycles, certificate claims {cycles}"
        if fixed != 2**true_cycles:
            return False, f"{where}: the representative fixes 2^{true_cycles} = {2**true_cycles} images, certificate claims {fixed}"
        true_fbw = _fixed_by_weight(g, n)
        if fbw != true_fbw:
            return False, f"{where}: fixed images by weight are {true_fbw}, certificate claims {fbw}"
        covered |= cls
        burnside += size * fixed
        for i in range(n + 1):
            polya[i] += size * true_fbw[i]
    if len(covered) != order:
        return False, f"the listed classes cover {len(covered)} of the {order} elements"
    q, r = divmod(burnside, order)
    if r:  # pragma: no cover - Burnside's lemma
        return False, f"the Burnside sum {burnside} is not divisible by |G| = {order}"
    if q != total:
        return False, f"the Burnside sum gives {q} orbits, certificate claims {total}"
    for i in range(n + 1):
        qi, ri = divmod(polya[i], order)
        if ri or qi != by_weight[i]:
            return False, f"weight {i}: the Polya sum gives {polya[i]}/{order} orbits, certificate claims {by_weight[i]}"
    return True, f"{len(classes)} conjugacy classes, |G| = {order}, {total} orbits of images (Burnside), by weight {by_weight}"


def _verify_shadow(doc, inp, n, gens, limit):
    claim = _obj(doc["claim"], "claim", ("distance", "elements"))
    witness = _obj(doc["witness"], "witness", ("ambient_order",))
    complement = _bool(inp["complement"], "input.complement")
    if n > MAX_TABLE_PIXELS:
        raise TooExpensive(f"a function table on {n} pixels has 2^{n} entries; the checker reads at most {MAX_TABLE_PIXELS} pixels")
    table = _obj(inp["table"], "input.table", ("values", "sha256"))
    size = 2**n
    values = _list(table["values"], "input.table.values", size)
    for x, v in enumerate(values):
        _mask(v, f"input.table.values[{x}]", n)
    digest = _str(table["sha256"], "input.table.sha256")
    if "inputs" in inp:
        domain = _masks_increasing(inp["inputs"], "input.inputs", n)
        domain_text = f"{len(domain)} inputs"
    else:
        domain = range(size)
        domain_text = "all inputs"
    d = _int(claim["distance"], "claim.distance", 0)
    claimed = []
    for k, entry in enumerate(_list(claim["elements"], "claim.elements")):
        where = f"claim.elements[{k}]"
        _obj(entry, where, ("permutation", "complement"))
        claimed.append((_perm(entry["permutation"], f"{where}.permutation", n), _bool(entry["complement"], f"{where}.complement")))
    ambient = _int(witness["ambient_order"], "witness.ambient_order", 1)

    true_digest = table_digest(values)
    if digest != true_digest:
        return False, f"the table's sha256 is {true_digest}, certificate says {clip(digest, 80)}"
    factor = 2 if complement else 1
    if ambient % factor:
        return False, f"the ambient group has even order (G x complement), certificate claims {ambient}"
    elements, reason = _group_elements(gens, n, ambient // factor, limit)
    if elements is None:
        return False, reason.replace("certificate claims", f"certificate claims ambient order {ambient} = {factor} x")
    true_ambient = len(elements) * factor
    steps = len(elements) * len(domain)
    if steps > MAX_SHADOW_STEPS:
        raise TooExpensive(f"comparing the table with every element means {steps} comparisons; the checker "
                           f"makes at most {MAX_SHADOW_STEPS} (a hard limit)", estimate=steps,
                           limit=MAX_SHADOW_STEPS, unit="comparisons", flag=None)
    if len(set(claimed)) != len(claimed):
        return False, "an element is listed twice among the shadow elements"
    for k, (g, c) in enumerate(claimed):
        if g not in elements:
            return False, f"shadow element {k} is not in the group"
        if c and not complement:
            return False, f"shadow element {k} uses the colour complement, which the ambient group lacks"
    full = size - 1
    f_values = [values[x] for x in domain]
    xs = list(domain)
    nearest = set()
    for g in sorted(elements):
        tables = _byte_tables(g)
        # mismatches of (g, plain) and (g, complemented), stopping once both exceed d
        m0 = 0
        m1 = 0 if complement else d + 1
        for x, fx in zip(xs, f_values):
            gx = 0
            b = 0
            y = x
            while y:
                gx |= tables[b][y & 255]
                y >>= 8
                b += 1
            if fx != gx:
                m0 += 1
            if complement and fx != gx ^ full:
                m1 += 1
            if m0 > d and m1 > d:
                break
        for c, m in ((False, m0), (True, m1)):
            if c and not complement:
                continue
            if m < d:
                return False, f"element {list(g)}{' with complement' if c else ''} has distance {m} < claimed {d}"
            if m == d:
                nearest.add((g, c))
    claimed_set = set(claimed)
    for k, e in enumerate(claimed):
        if e not in nearest:
            return False, f"shadow element {k} is at distance > {d} from the table"
    if nearest != claimed_set:
        g, c = min(nearest - claimed_set)
        return False, f"element {list(g)}{' with complement' if c else ''} is also at distance {d} but is not listed"
    return True, (
        f"shadow at distance {d} over {domain_text}: {len(claimed)} nearest element"
        f"{'s' if len(claimed) != 1 else ''} in an ambient group of order {true_ambient}"
    )


_VERIFIERS = {
    "orbit": _verify_orbit,
    "minimal-orbit": _verify_minimal_orbit,
    "count": _verify_count,
    "shadow": _verify_shadow,
}


def verify_certificate(doc, max_group_order=MAX_GROUP_ORDER):
    """Check one certificate: ``(True, summary)`` or ``(False, reason)``; CertificateError if malformed.

    >>> verify_certificate({"format": "exactorbit-certificate"})
    Traceback (most recent call last):
    ...
    exactorbit.errors.CertificateError: certificate lacks the field 'version'
    """
    kind, inp, n, gens = _parse_header(doc)
    return _VERIFIERS[kind](doc, inp, n, gens, max_group_order)


def _no_constant(text):
    raise CertificateError(f"{text} is not allowed in a certificate (not an exact number)")


def _bounded_int(text):
    """JSON's int hook: at most MAX_DIGITS digits, read before Python's own digit limit applies."""
    digits = len(text) - (text[:1] == "-")
    if digits > MAX_DIGITS:
        raise TooExpensive(f"a number of {digits} digits; the checker reads numbers of at most {MAX_DIGITS} digits",
                           flag=None)
    return int(text)


def load_certificate(path, *, max_bytes=MAX_FILE_BYTES):
    """Read a certificate file as JSON; CertificateError if it is not a bounded JSON document.

    Refused before parsing: a path that is not a file name (an int is not taken
    for a file descriptor), a file of more than ``max_bytes`` bytes (e.g.
    ``/dev/zero``), text that is not UTF-8.  Refused while parsing: NaN,
    Infinity, nesting deeper than MAX_DEPTH, numbers of more than MAX_DIGITS digits.

    >>> load_certificate("/nonexistent.json")
    Traceback (most recent call last):
    ...
    exactorbit.errors.CertificateError: cannot read /nonexistent.json: No such file or directory
    >>> load_certificate(2)
    Traceback (most recent call last):
    ...
    exactorbit.errors.CertificateError: path must be a file name (str or os.PathLike), got 2 (type int)
    """
    if not isinstance(path, (str, os.PathLike)):
        raise CertificateError(f"path must be a file name (str or os.PathLike), got {describe(path)}")
    name = clip(os.fspath(path), 200)
    try:
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise CertificateError(f"cannot read {name}: {exc.strerror or exc}") from None
    except ValueError as exc:  # e.g. an embedded NUL byte in the name
        raise CertificateError(f"cannot read {name}: {exc}") from None
    if len(data) > max_bytes:
        raise CertificateError(f"{name} is larger than {max_bytes} bytes; no certificate is (refused unread)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise CertificateError(f"{name} is not a JSON file (not UTF-8 text)") from None
    try:
        return json.loads(text, parse_constant=_no_constant, parse_int=_bounded_int)
    except json.JSONDecodeError as exc:
        raise CertificateError(f"{name} is not valid JSON: {exc}") from None
    except RecursionError:
        raise CertificateError(f"{name} is nested too deeply to be a certificate (at most {MAX_DEPTH} levels)") from None
    except TooExpensive as exc:
        raise CertificateError(f"{name}: {exc}") from None


def check_file(path, max_group_order=MAX_GROUP_ORDER):
    """Load and check one certificate file: ``(ok, reason)``; CertificateError if malformed.

    >>> check_file("/nonexistent.json")
    Traceback (most recent call last):
    ...
    exactorbit.errors.CertificateError: cannot read /nonexistent.json: No such file or directory
    """
    return verify_certificate(load_certificate(path), max_group_order=max_group_order)
