"""Mutate genuine certificates and compare the checker with an independent brute-force classifier.

Genuine certificates come from the library (``exactorbit.certificates`` and the tour) on tiny grids.
Hypothesis applies one to three mutations (numbers moved or replaced by huge, negative, float, bool or
string values; list items dropped, duplicated, swapped, reordered; keys deleted, added, renamed;
types changed; grid, format, version, kind and class replaced).

:func:`classify` re-derives, from the mutated document alone and by brute force, whether it is a
well-formed true certificate (``proofs/certificates.md``): "valid", "invalid" (malformed or false)
or "unknown" (too big to decide here; then only "no crash, bounded time" is asserted).  It imports
nothing from exactorbit.  The checker runs in a forked child (``_fuzzutil.run_forked``) with a time
bound and a memory cap.  Asserted:

* no accepted-invalid certificate: the checker never returns True when the classifier says invalid;
* no rejected-valid certificate: when the classifier says valid, the checker does not return False
  nor raise CertificateError (a TooExpensive refusal is allowed);
* only CertificateError or TooExpensive escape; no call runs past its bound or crashes.

The explicit cases at the end are hostile documents and files named in the review: a 265-byte orbit
certificate on a 100000 x 100000 grid, class "all" on 2^40 pixels, the symmetric group on 4096
points, the tour's minimal-orbit certificate of a symmetric group with one generator altered,
/dev/zero, a 100,000-deep JSON file, ``check_file(2)``.
"""

import copy
import hashlib
import itertools
import json
import math
import os
import re

import pytest
from hypothesis import HealthCheck, event, given, note, settings
from hypothesis import strategies as st

from exactorbit.checker import check_file, load_certificate, verify_certificate


import _fuzzutil as util  # noqa: E402 - tests/fuzz/conftest.py puts it on the path

short = util.short

#: Seconds the checker may take on one mutated tiny certificate.
CHECK_BOUND = 5

MUTATE = settings(
    max_examples=400,
    deadline=None,
    database=None,
    phases=util.PHASES,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)

# ==========================================================================
# the independent classifier (no exactorbit import below this line until the bank)

FORMAT = "exactorbit-certificate"
KINDS = ("orbit", "minimal-orbit", "count", "shadow")
ENVELOPE = {"format", "version", "kind", "input", "claim", "witness"}
INPUT_FIELDS = {  # kind -> (required beyond grid/group/generators, optional)
    "orbit": (set(), set()),
    "minimal-orbit": ({"class"}, {"features"}),
    "count": (set(), set()),
    "shadow": ({"complement", "table"}, {"inputs"}),
}
#: Grids over this many pixels are never judged "valid" (the package's documented grid limit).
MAX_JUDGED_PIXELS = 4096
#: Largest group / class / image space the classifier enumerates.
MAX_ELEMENTS = 50_000
MAX_CLASS = 1 << 16
MAX_COUNT_PIXELS = 12


class Invalid(Exception):
    """Malformed or false: the reason."""


class Unknown(Exception):
    """Too big to decide here."""


def need(condition, reason):
    if not condition:
        raise Invalid(reason)


def is_int(v):
    return type(v) is int


def json_only(doc):
    """Only JSON values (no floats), str keys; iterative (mutations may nest)."""
    stack = [(doc, "certificate")]
    while stack:
        v, where = stack.pop()
        if type(v) is float:
            raise Invalid(f"{where}: a float")
        if type(v) is dict:
            for k, x in v.items():
                need(type(k) is str, f"{where}: a non-string key")
                stack.append((x, f"{where}.{k}"))
        elif type(v) is list:
            stack.extend((x, f"{where}[{i}]") for i, x in enumerate(v))
        else:
            need(v is None or type(v) in (bool, int, str), f"{where}: not a JSON value")


def fields(obj, where, required, optional=()):
    need(type(obj) is dict, f"{where} is not an object")
    keys = set(obj)
    need(set(required) <= keys, f"{where} lacks {sorted(set(required) - keys)}")
    need(keys <= set(required) | set(optional), f"{where} has unknown {sorted(keys - set(required) - set(optional))}")
    return obj


def integer(v, where, lo=None):
    need(is_int(v), f"{where} is not an int")
    need(lo is None or v >= lo, f"{where} < {lo}")
    return v


def mask(v, where, n):
    need(is_int(v) and v >= 0 and v.bit_length() <= n, f"{where} is not a mask of {n} pixels")
    return v


def perm(v, where, n):
    need(type(v) is list and len(v) == n, f"{where} is not a list of {n} entries")
    need(all(is_int(e) for e in v) and sorted(v) == list(range(n)), f"{where} is not a permutation of 0..{n - 1}")
    return tuple(v)


def perms(v, where, n):
    need(type(v) is list, f"{where} is not a list")
    return [perm(p, f"{where}[{k}]", n) for k, p in enumerate(v)]


def masks_increasing(v, where, n):
    need(type(v) is list, f"{where} is not a list")
    out = [mask(x, f"{where}[{k}]", n) for k, x in enumerate(v)]
    need(all(a < b for a, b in itertools.pairwise(out)), f"{where} is not strictly increasing")
    return out


def apply(g, x):
    """Bit g[p] of the result is bit p of x (the definition)."""
    out = 0
    for p, q in enumerate(g):
        if x >> p & 1:
            out |= 1 << q
    return out


def compose(a, b):
    """a first, then b."""
    return tuple(b[i] for i in a)


def closure(gens, n, cap=MAX_ELEMENTS):
    """Every product of the generators (BFS from the identity), as a set of tuples."""
    identity = tuple(range(n))
    seen = {identity}
    frontier = [identity]
    while frontier:
        nxt = []
        for p in frontier:
            for s in gens:
                q = compose(p, s)
                if q not in seen:
                    seen.add(q)
                    nxt.append(q)
        if len(seen) > cap:
            raise Unknown(f"group of more than {cap} elements")
        frontier = nxt
    return seen


class Group:
    """The group generated by ``gens`` on n pixels, listed (the trivial group on any n)."""

    def __init__(self, gens, n):
        self.n = n
        if not gens and n > 16:
            self.elements = None  # trivial: only the identity, never written out
            self.size = 1
            return
        if n > 16:
            raise Unknown(f"a non-trivial group on {n} pixels")
        self.elements = closure(gens, n)
        self.size = len(self.elements)

    def __contains__(self, g):
        if self.elements is None:
            return all(i == v for i, v in enumerate(g))
        return g in self.elements

    def images(self, x):
        if self.elements is None:
            return [x]
        return [apply(g, x) for g in self.elements]

    def fixers(self, x):
        if self.elements is None:
            return 1
        return sum(1 for g in self.elements if apply(g, x) == x)


def check_stabilizer(G, x, stab_order, stab_gens, where):
    fix = G.fixers(x)
    need(fix == stab_order, f"{where}: {fix} elements fix {x}, claimed {stab_order}")
    for k, s in enumerate(stab_gens):
        need(s in G, f"{where}: stabilizer generator {k} not in G")
        need(apply(s, x) == x, f"{where}: stabilizer generator {k} moves {x}")
    generated = len(closure(stab_gens, G.n)) if stab_gens else 1
    need(generated == fix, f"{where}: stabilizer generators generate {generated}, stabilizer has {fix}")


def _header(doc):
    need(type(doc) is dict, "not an object")
    json_only(doc)
    fields(doc, "certificate", ENVELOPE)
    need(type(doc["format"]) is str and doc["format"] == FORMAT, "format")
    need(is_int(doc["version"]) and doc["version"] == 1, "version")
    kind = doc["kind"]
    need(type(kind) is str and kind in KINDS, "kind")
    required, optional = INPUT_FIELDS[kind]
    inp = fields(doc["input"], "input", {"grid", "group", "generators"} | required, optional)
    grid = inp["grid"]
    need(type(grid) is list and len(grid) == 2, "grid is not [h, w]")
    h, w = integer(grid[0], "grid[0]", 1), integer(grid[1], "grid[1]", 1)
    need(type(inp["group"]) is str, "group name is not a string")
    n = h * w
    gens = perms(inp["generators"], "input.generators", n)
    return kind, inp, n, gens


def _judge_orbit(doc, inp, n, gens):
    claim = fields(doc["claim"], "claim", {"image", "orbit_size", "stabilizer_order", "group_order"})
    witness = fields(doc["witness"], "witness", {"stabilizer_generators"})
    x = mask(claim["image"], "claim.image", n)
    size = integer(claim["orbit_size"], "claim.orbit_size", 1)
    stab = integer(claim["stabilizer_order"], "claim.stabilizer_order", 1)
    order = integer(claim["group_order"], "claim.group_order", 1)
    stab_gens = perms(witness["stabilizer_generators"], "witness.stabilizer_generators", n)
    G = Group(gens, n)
    need(G.size == order, f"|G| = {G.size}, claimed {order}")
    orbit = set(G.images(x))
    need(len(orbit) == size, f"|Orb({x})| = {len(orbit)}, claimed {size}")
    check_stabilizer(G, x, stab, stab_gens, "orbit")


def _feature_class(inp, n):
    spec = inp["class"]
    need(type(spec) is str, "input.class is not a string")
    if spec == "explicit":
        need("features" in inp, "explicit class without features")
        feats = masks_increasing(inp["features"], "input.features", n)
        need(feats, "empty explicit class")
        return spec, len(feats), lambda: set(feats)
    need("features" not in inp, "features with a named class")
    if n > MAX_JUDGED_PIXELS and (spec in ("all", "nonconstant") or spec.startswith("weight:")):
        raise Unknown(f"class {short(spec)} on {n} pixels")
    if spec in ("all", "nonconstant"):
        need(not (spec == "nonconstant" and n == 1), "empty class nonconstant on 1 pixel")
        if n > 16:
            raise Unknown(f"class {spec} on {n} pixels")
        size = 2**n if spec == "all" else 2**n - 2
        return spec, size, (lambda: set(range(2**n))) if spec == "all" else (lambda: set(range(1, 2**n - 1)))
    need(spec.startswith("weight:"), f"unknown class {spec!r}")
    text = spec[len("weight:"):]
    need(re.fullmatch(r"0|[1-9][0-9]*", text, re.ASCII) is not None, f"bad weight {text!r}")
    need(len(text) <= len(str(n)) and int(text) <= n, f"weight {text} > {n}")
    k = int(text)
    size = math.comb(n, k)
    if size > MAX_CLASS:
        raise Unknown(f"class {spec} has {size} features")
    return spec, size, lambda: {sum(1 << p for p in c) for c in itertools.combinations(range(n), k)}


def _judge_minimal_orbit(doc, inp, n, gens):
    claim = fields(doc["claim"], "claim", {"group_order", "orbit_count", "min_orbit_size", "minimal_representatives"})
    witness = fields(doc["witness"], "witness", {"orbits"})
    order = integer(claim["group_order"], "claim.group_order", 1)
    count = integer(claim["orbit_count"], "claim.orbit_count", 0)
    min_size = integer(claim["min_orbit_size"], "claim.min_orbit_size", 1)
    reps_claimed = claim["minimal_representatives"]
    need(type(reps_claimed) is list, "minimal_representatives is not a list")
    reps_claimed = [mask(v, "minimal_representatives", n) for v in reps_claimed]
    need(type(witness["orbits"]) is list, "witness.orbits is not a list")
    entries = []
    for k, e in enumerate(witness["orbits"]):
        where = f"witness.orbits[{k}]"
        fields(e, where, {"representative", "orbit_size", "stabilizer_order", "stabilizer_generators"})
        entries.append((mask(e["representative"], where, n), integer(e["orbit_size"], where, 1),
                        integer(e["stabilizer_order"], where, 1), perms(e["stabilizer_generators"], where, n)))
    _, size, members = _feature_class(inp, n)
    if size > MAX_CLASS:
        raise Unknown(f"class of {size} features")
    C = members()
    G = Group(gens, n)
    need(G.size == order, f"|G| = {G.size}, claimed {order}")
    covered = set()
    for k, (x, osize, stab, stab_gens) in enumerate(entries):
        need(x in C, f"orbit {k}: representative {x} not in the class")
        need(x not in covered, f"orbit {k}: {x} already covered")
        orbit = set(G.images(x))
        need(len(orbit) == osize, f"orbit {k}: size {len(orbit)}, claimed {osize}")
        need(orbit <= C, f"orbit {k} leaves the class")
        check_stabilizer(G, x, stab, stab_gens, f"orbit {k}")
        covered |= orbit
    need(covered == C, f"{len(C - covered)} features in no listed orbit")
    need(count == len(entries), f"{len(entries)} orbits, claimed {count}")
    smallest = min(s for _, s, _, _ in entries)
    need(min_size == smallest, f"min orbit size {smallest}, claimed {min_size}")
    expected = sorted(x for x, s, _, _ in entries if s == smallest)
    need(reps_claimed == expected, f"minimal representatives {expected}, claimed {reps_claimed}")


def _cycles(g):
    seen, out = set(), []
    for i in range(len(g)):
        if i not in seen:
            c, j = [], i
            while j not in seen:
                seen.add(j)
                c.append(j)
                j = g[j]
            out.append(c)
    return out


def _judge_count(doc, inp, n, gens):
    claim = fields(doc["claim"], "claim", {"group_order", "orbit_count", "orbits_by_weight"})
    witness = fields(doc["witness"], "witness", {"classes"})
    order = integer(claim["group_order"], "claim.group_order", 1)
    total = integer(claim["orbit_count"], "claim.orbit_count", 0)
    bw = claim["orbits_by_weight"]
    need(type(bw) is list and len(bw) == n + 1, "orbits_by_weight has not n+1 entries")
    bw = [integer(v, "orbits_by_weight", 0) for v in bw]
    need(type(witness["classes"]) is list, "witness.classes is not a list")
    classes = []
    for k, e in enumerate(witness["classes"]):
        where = f"witness.classes[{k}]"
        fields(e, where, {"representative", "size", "cycles", "fixed_images", "fixed_by_weight"})
        fbw = e["fixed_by_weight"]
        need(type(fbw) is list and len(fbw) == n + 1, f"{where}.fixed_by_weight has not n+1 entries")
        classes.append((perm(e["representative"], where, n), integer(e["size"], where, 1),
                        integer(e["cycles"], where, 0), integer(e["fixed_images"], where, 0),
                        [integer(v, where, 0) for v in fbw]))
    if n > MAX_COUNT_PIXELS:
        raise Unknown(f"orbits of 2^{n} images")
    G = Group(gens, n)
    need(G.size == order, f"|G| = {G.size}, claimed {order}")
    elements = G.elements if G.elements is not None else {tuple(range(n))}
    covered = set()
    for k, (g, size, cycles, fixed, fbw) in enumerate(classes):
        need(g in G, f"class {k}: representative not in G")
        inverse = {h: tuple(sorted(range(n), key=lambda i: h[i])) for h in elements}
        cls = {tuple(h[g[inverse[h][i]]] for i in range(n)) for h in elements}
        need(not (cls & covered), f"class {k} already listed")
        need(len(cls) == size, f"class {k}: {len(cls)} elements, claimed {size}")
        cyc = _cycles(g)
        need(cycles == len(cyc), f"class {k}: {len(cyc)} cycles, claimed {cycles}")
        need(fixed == 2 ** len(cyc), f"class {k}: fixes {2 ** len(cyc)} images, claimed {fixed}")
        by_weight = [0] * (n + 1)
        for chosen in itertools.product((0, 1), repeat=len(cyc)):
            by_weight[sum(len(c) for c, b in zip(cyc, chosen) if b)] += 1
        need(fbw == by_weight, f"class {k}: fixed by weight {by_weight}, claimed {fbw}")
        covered |= cls
    need(len(covered) == G.size, f"classes cover {len(covered)} of {G.size} elements")
    # orbits of all images, by union-find over the generators (not Burnside)
    parent = list(range(2**n))

    def find(a):
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for x in range(2**n):
        for s in gens:
            a, b = find(x), find(apply(s, x))
            if a != b:
                parent[a] = b
    roots = {find(x) for x in range(2**n)}
    need(total == len(roots), f"{len(roots)} orbits, claimed {total}")
    weights = [0] * (n + 1)
    for r in roots:
        weights[r.bit_count()] += 1
    need(bw == weights, f"orbits by weight {weights}, claimed {bw}")


def _judge_shadow(doc, inp, n, gens):
    complement = inp["complement"]
    need(type(complement) is bool, "input.complement is not a bool")
    table = fields(inp["table"], "input.table", {"values", "sha256"})
    values = table["values"]
    need(type(values) is list and n <= 24 and len(values) == 2**n, "table has not 2^n entries")
    values = [mask(v, "table value", n) for v in values]
    digest = table["sha256"]
    need(type(digest) is str, "sha256 is not a string")
    domain = masks_increasing(inp["inputs"], "input.inputs", n) if "inputs" in inp else list(range(2**n))
    claim = fields(doc["claim"], "claim", {"distance", "elements"})
    witness = fields(doc["witness"], "witness", {"ambient_order"})
    d = integer(claim["distance"], "claim.distance", 0)
    need(type(claim["elements"]) is list, "claim.elements is not a list")
    pairs = []
    for k, e in enumerate(claim["elements"]):
        fields(e, f"claim.elements[{k}]", {"permutation", "complement"})
        need(type(e["complement"]) is bool, "element complement is not a bool")
        pairs.append((perm(e["permutation"], f"claim.elements[{k}]", n), e["complement"]))
    ambient = integer(witness["ambient_order"], "witness.ambient_order", 1)
    text = "[" + ",".join(str(v) for v in values) + "]"
    need(hashlib.sha256(text.encode("ascii")).hexdigest() == digest, "wrong sha256")
    G = Group(gens, n)
    elements = G.elements if G.elements is not None else {tuple(range(n))}
    need(ambient == G.size * (2 if complement else 1), "ambient order")
    need(len(set(pairs)) == len(pairs), "an element listed twice")
    for g, c in pairs:
        need(g in G, "listed element not in G")
        need(complement or not c, "complemented element without the complement")
    full = 2**n - 1
    dist = {}
    for g in elements:
        images = [apply(g, x) for x in domain]
        dist[(g, False)] = sum(1 for x, y in zip(domain, images) if values[x] != y)
        if complement:
            dist[(g, True)] = sum(1 for x, y in zip(domain, images) if values[x] != y ^ full)
    best = min(dist.values())
    need(d == best, f"minimal distance {best}, claimed {d}")
    nearest = {a for a, m in dist.items() if m == best}
    need(set(pairs) == nearest, "listed elements are not exactly the nearest ones")


def classify(doc):
    """("valid" | "invalid" | "unknown", reason), decided from the document alone."""
    try:
        kind, inp, n, gens = _header(doc)
        judge = {"orbit": _judge_orbit, "minimal-orbit": _judge_minimal_orbit, "count": _judge_count,
                 "shadow": _judge_shadow}[kind]
        judge(doc, inp, n, gens)
        if n > MAX_JUDGED_PIXELS:
            raise Unknown(f"a grid of {n} pixels (over the documented {MAX_JUDGED_PIXELS})")
    except Invalid as exc:
        return "invalid", str(exc)
    except Unknown as exc:
        return "unknown", str(exc)
    return "valid", ""


# ==========================================================================
# the bank of genuine certificates (made by the library)


def _bank():
    from exactorbit.certificates import (
        count_certificate,
        minimal_orbit_certificate,
        orbit_certificate,
        shadow_certificate,
    )
    from exactorbit.groups import named_group
    from exactorbit.shadows import nearest_elements
    from exactorbit.tour import run_tour

    g = named_group
    bank = {
        "orbit/translations-1x3/1": orbit_certificate(g("translations", "1x3"), 0b001),
        "orbit/dihedral-2x2/3": orbit_certificate(g("dihedral", "2x2"), 0b0011),
        "orbit/symmetric-2x2/5": orbit_certificate(g("symmetric", "2x2"), 0b0101),
        "orbit/trivial-1x3/2": orbit_certificate(g("trivial", "1x3"), 0b010),
        "orbit/translations+dihedral-2x3/3": orbit_certificate(g("translations+dihedral", "2x3"), 0b000011),
        "minimal/translations-1x3/nonconstant": minimal_orbit_certificate(g("translations", "1x3"), "nonconstant"),
        "minimal/dihedral-2x2/all": minimal_orbit_certificate(g("dihedral", "2x2"), "all"),
        "minimal/symmetric-2x2/weight:2": minimal_orbit_certificate(g("symmetric", "2x2"), "weight:2"),
        "minimal/translations-2x2/explicit": minimal_orbit_certificate(g("translations", "2x2"), [1, 2, 4, 8]),
        "minimal/trivial-1x3/weight:1": minimal_orbit_certificate(g("trivial", "1x3"), "weight:1"),
        "minimal/translations+dihedral-2x3/nonconstant": minimal_orbit_certificate(
            g("translations+dihedral", "2x3"), "nonconstant"),
        "count/translations-1x3": count_certificate(g("translations", "1x3")),
        "count/dihedral-2x2": count_certificate(g("dihedral", "2x2")),
        "count/trivial-1x3": count_certificate(g("trivial", "1x3")),
        "count/translations+dihedral-2x3": count_certificate(g("translations+dihedral", "2x3")),
    }
    G = g("dihedral", "2x2")
    table = [(x * 5 + 3) % 16 for x in range(16)]
    sh = nearest_elements(G, table, complement=True)
    bank["shadow/dihedral-2x2/complement"] = shadow_certificate(G, table, list(sh.elements), sh.distance, complement=True)
    domain = [1, 2, 4, 8, 15]
    sh = nearest_elements(G, table, inputs=domain)
    bank["shadow/dihedral-2x2/inputs"] = shadow_certificate(G, table, list(sh.elements), sh.distance, inputs=domain)
    tour = run_tour("2x2", "translations")
    for name in ("shadow-network-seed0.json", "minimal-orbit-S.json", "count-G.json"):
        bank[f"tour-2x2/{name}"] = tour["certificates"][name]
    return {name: json.loads(json.dumps(cert)) for name, cert in bank.items()}


BANK = _bank()
BANK_NAMES = sorted(BANK)


# ==========================================================================
# mutations

HOSTILE_VALUES = [None, True, False, 0, -1, 1, 2, 2**31, 2**64, 10**30, -(10**30), 10**400, 1.5, 1.0, -0.0, "", "x",
                  "1", [], [0], {}, {"a": 1}]
STRINGS = ["", "x", " ", FORMAT, FORMAT + " ", FORMAT.upper(), "exactorbit-certificat", *KINDS, "Orbit", "all",
           "nonconstant", "explicit", "weight:0", "weight:1", "weight:2", "weight:4", "weight:99", "weight:02",
           "weight:-1", "weight:+1", "weight: 1", "weight:1 ", "weight:²", "weight:٣", "weight:", "weight:1.0",
           "weight:" + "9" * 5000, "weight:" + "9" * 30, "x" * 5000, "0" * 64, "trivial"]
GRIDS = [[100000, 100000], [1099511627776, 1], [1, 1099511627776], [1, 1], [2, 2], [1, 4], [4, 1], [3, 2], [2, 3],
         [1, 6], [6, 1], [1, 3], [3, 1], [64, 64], [64, 65], [0, 4], [-2, -2], [2], [2, 2, 1], [2.0, 2.0], [True, 4],
         "2x2", None, [2**70, 2**70]]


def paths(value, prefix=()):
    """Every node of the document: (path, node)."""
    out = [(prefix, value)]
    if type(value) is dict:
        for k in value:
            out.extend(paths(value[k], prefix + (k,)))
    elif type(value) is list:
        for i, v in enumerate(value):
            out.extend(paths(v, prefix + (i,)))
    return out


def get(doc, path):
    for p in path:
        doc = doc[p]
    return doc


def put(doc, path, value):
    if not path:
        return value
    get(doc, path[:-1])[path[-1]] = value
    return doc


def show_path(path):
    return "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path) or "<root>"


def _is_perm(node):
    return (type(node) is list and len(node) >= 2 and all(is_int(v) for v in node)
            and sorted(node) == list(range(len(node))))


def semantic_sites(doc):
    """Where a mutation keeps the document well formed but may make it false: (kind, path)."""
    sites = []
    for path, node in paths(doc):
        if _is_perm(node) and path and path[-2:-1] != ("grid",):
            sites.append(("perm", path))
        elif is_int(node) and not (len(path) >= 2 and _is_perm(get(doc, path[:-1]))) and "grid" not in path:
            sites.append(("number", path))
        elif type(node) is bool:
            sites.append(("bool", path))
        elif type(node) is list and node and "grid" not in path and not _is_perm(node):
            sites.append(("list", path))
        if path[:3] == ("input", "table", "values") and len(path) == 4:
            sites.append(("table", path))
    return sites


def _rehash(doc):
    values = doc["input"]["table"]["values"]
    text = "[" + ",".join(str(v) for v in values) + "]"
    doc["input"]["table"]["sha256"] = hashlib.sha256(text.encode("ascii")).hexdigest()


def semantic_mutation(draw, doc):
    sites = semantic_sites(doc)
    if not sites:
        return None
    kind, path = draw(st.sampled_from(sites), label="site")
    node = get(doc, path)
    where = show_path(path)
    if kind == "perm":
        op = draw(st.sampled_from(["swap", "swap", "identity", "reverse", "rotate"]))
        if op == "swap":
            i = draw(st.integers(0, len(node) - 1))
            j = draw(st.integers(0, len(node) - 1))
            node[i], node[j] = node[j], node[i]
            return doc, f"{where}: entries {i} and {j} swapped"
        value = {"identity": sorted(node), "reverse": node[::-1], "rotate": node[1:] + node[:1]}[op]
        return put(doc, path, value), f"{where}: {op} -> {short(value)}"
    if kind == "number":
        op = draw(st.sampled_from(["+1", "-1", "+1", "-1", "0", "1", "*2", "//2"]))
        value = {"+1": node + 1, "-1": node - 1, "0": 0, "1": 1, "*2": node * 2, "//2": node // 2}[op]
        return put(doc, path, value), f"{where}: {short(node)} -> {short(value)}"
    if kind == "bool":
        return put(doc, path, not node), f"{where}: {node} -> {not node}"
    if kind == "table":
        value = draw(st.integers(0, 2 ** (len(doc["input"]["table"]["values"]).bit_length() - 1) - 1))
        put(doc, path, value)
        rehashed = draw(st.booleans())
        if rehashed:
            _rehash(doc)
        return doc, f"{where}: {node} -> {value}{' (sha256 recomputed)' if rehashed else ''}"
    op = draw(st.sampled_from(["drop", "duplicate", "swap", "move-last", "clear"]))
    if op == "clear":
        node.clear()
        return doc, f"{where}: emptied"
    i = draw(st.integers(0, len(node) - 1))
    if op == "drop":
        del node[i]
        return doc, f"{where}: item {i} dropped"
    if op == "duplicate":
        node.insert(i, copy.deepcopy(node[i]))
        return doc, f"{where}: item {i} duplicated"
    if op == "move-last":
        node.append(node.pop(i))
        return doc, f"{where}: item {i} moved last"
    j = draw(st.integers(0, len(node) - 1))
    node[i], node[j] = node[j], node[i]
    return doc, f"{where}: items {i} and {j} swapped"


@st.composite
def mutation(draw, doc):
    """Apply one mutation to doc (a fresh copy); returns (new doc, description)."""
    family = draw(st.sampled_from(["semantic", "semantic", "semantic", "targeted", "generic", "generic"]),
                  label="family")
    if family == "semantic":
        done = semantic_mutation(draw, doc)
        if done is not None:
            return done
    if family == "targeted" and type(doc) is dict:
        target = draw(st.sampled_from(["grid", "format", "version", "kind", "class", "generators", "trivial+grid"]))
        if target in ("grid", "trivial+grid") and type(doc.get("input")) is dict:
            value = draw(st.sampled_from(GRIDS))
            doc["input"]["grid"] = copy.deepcopy(value)
            if target == "trivial+grid":
                doc["input"]["generators"] = []
                return doc, f"input.grid := {short(value)} and input.generators := []"
            return doc, f"input.grid := {short(value)}"
        if target == "format":
            value = draw(st.sampled_from(STRINGS + [1, None]))
            doc["format"] = value
            return doc, f"format := {short(value)}"
        if target == "version":
            value = draw(st.sampled_from([0, 2, -1, "1", True, 1.0, None, 2**64, [1]]))
            doc["version"] = value
            return doc, f"version := {short(value)}"
        if target == "kind":
            value = draw(st.sampled_from(list(KINDS) + ["", "Orbit", "minimal_orbit", 1, None]))
            doc["kind"] = value
            return doc, f"kind := {short(value)}"
        if target == "class" and type(doc.get("input")) is dict and "class" in doc["input"]:
            value = draw(st.sampled_from(STRINGS + [None, 1, ["all"]]))
            doc["input"]["class"] = value
            return doc, f"input.class := {short(value)}"
        if target == "generators" and type(doc.get("input")) is dict:
            value = draw(st.sampled_from([[], [[0]], [[]], [list(range(4))] * 2, [[1, 0]], None, [[0, 0, 1, 2]]]))
            doc["input"]["generators"] = copy.deepcopy(value)
            return doc, f"input.generators := {short(value)}"
    nodes = paths(doc)
    path, node = draw(st.sampled_from(nodes), label="node")
    where = show_path(path)
    kind = type(node)
    ops = ["replace"]
    if kind is int:
        ops += ["+1", "-1", "+1", "-1", "negate", "float", "str", "bool", "wrap", "huge"]
    elif kind is bool:
        ops += ["not", "int"]
    elif kind is str:
        ops += ["string", "string", "append", "chop"]
    elif kind is list:
        ops += ["drop", "drop", "duplicate", "swap", "swap", "reverse", "clear", "append-copy", "append-hostile"]
    elif kind is dict:
        ops += ["delete", "delete", "add", "rename", "as-list"]
    op = draw(st.sampled_from(ops), label="op")
    if op == "replace":
        value = copy.deepcopy(draw(st.sampled_from(HOSTILE_VALUES)))
        return put(doc, path, value), f"{where} := {short(value)}"
    if kind is int:
        value = {"+1": node + 1, "-1": node - 1, "negate": -node - 1, "float": float(node) if abs(node) < 2**53 else 0.5,
                 "str": str(node), "bool": bool(node), "wrap": [node], "huge": node + 2**64}[op]
        return put(doc, path, value), f"{where}: {short(node)} -> {short(value)}"
    if kind is bool:
        value = (not node) if op == "not" else int(node)
        return put(doc, path, value), f"{where}: {node} -> {short(value)}"
    if kind is str:
        value = {"string": None, "append": node + "x", "chop": node[:-1]}[op]
        if value is None:
            value = draw(st.sampled_from(STRINGS))
        return put(doc, path, value), f"{where}: {short(node)} -> {short(value)}"
    if kind is list:
        if op in ("drop", "duplicate", "swap", "append-copy") and not node:
            op = "append-hostile"
        if op == "drop":
            i = draw(st.integers(0, len(node) - 1))
            del node[i]
            return doc, f"{where}: item {i} dropped"
        if op == "duplicate":
            i = draw(st.integers(0, len(node) - 1))
            node.insert(i, copy.deepcopy(node[i]))
            return doc, f"{where}: item {i} duplicated"
        if op == "swap":
            i = draw(st.integers(0, len(node) - 1))
            j = draw(st.integers(0, len(node) - 1))
            node[i], node[j] = node[j], node[i]
            return doc, f"{where}: items {i} and {j} swapped"
        if op == "reverse":
            node.reverse()
            return doc, f"{where}: reversed"
        if op == "clear":
            node.clear()
            return doc, f"{where}: emptied"
        if op == "append-copy":
            i = draw(st.integers(0, len(node) - 1))
            node.append(copy.deepcopy(node[i]))
            return doc, f"{where}: copy of item {i} appended"
        value = copy.deepcopy(draw(st.sampled_from(HOSTILE_VALUES)))
        node.append(value)
        return doc, f"{where}: {short(value)} appended"
    # dict
    keys = sorted(node)
    if op in ("delete", "rename") and not keys:
        op = "add"
    if op == "delete":
        k = draw(st.sampled_from(keys))
        del node[k]
        return doc, f"{where}: key {k!r} deleted"
    if op == "rename":
        k = draw(st.sampled_from(keys))
        new = draw(st.sampled_from([k + "_", k.upper(), " " + k, "extra"]))
        node[new] = node.pop(k)
        return doc, f"{where}: key {k!r} renamed {new!r}"
    if op == "add":
        k = draw(st.sampled_from(["extra", "features", "inputs", "class", "note", ""]))
        value = copy.deepcopy(draw(st.sampled_from(HOSTILE_VALUES)))
        node[k] = value
        return doc, f"{where}: key {k!r} := {short(value)} added"
    return put(doc, path, list(node.values())), f"{where}: object replaced by the list of its values"


def _summary(result):
    """What verify_certificate returned, made picklable."""
    if isinstance(result, tuple) and len(result) == 2:
        return (result[0] if isinstance(result[0], bool) else ("not a bool", repr(result[0])[:80]), str(result[1])[:300])
    return ("unexpected", repr(result)[:200])


def run_checker(call, bound):
    return util.run_forked(call, timeout=bound, summarise=_summary)


def assert_checker_agrees(doc, verdict, why, outcome, what, bound):
    """The assertions of this file, for one document."""
    text = f"{what}\n  classifier: {verdict}{': ' + why if why else ''}\n  checker: {outcome.describe()}"
    if outcome.kind in ("timeout", "crash"):
        util.fail(f"checker did not finish cleanly: {text}")
    if outcome.elapsed >= bound:
        util.fail(f"checker took {outcome.elapsed:.1f} s (bound {bound} s): {text}")
    if outcome.kind == "raise":
        if not (outcome.is_a("CertificateError") or outcome.is_a("TooExpensive")):
            util.fail(f"checker raised something else than CertificateError/TooExpensive: {text}")
        if verdict == "valid" and outcome.is_a("CertificateError"):
            util.fail(f"REJECTED A VALID certificate (as malformed): {text}")
        return
    ok, reason = outcome.value
    if not isinstance(ok, bool) or not reason:
        util.fail(f"checker returned {outcome.value!r}, not (bool, reason): {text}")
    if ok and verdict == "invalid":
        util.fail(f"ACCEPTED AN INVALID certificate: {text}")
    if not ok and verdict == "valid":
        util.fail(f"REJECTED A VALID certificate: {text}")


# ==========================================================================
# tests


def test_bank_is_genuine():
    """Every library certificate is judged valid by the classifier and accepted by the checker."""
    for name, cert in BANK.items():
        verdict, why = classify(cert)
        assert verdict == "valid", f"classifier on genuine {name}: {verdict}: {why}"
        ok, reason = verify_certificate(cert)
        assert ok, f"checker on genuine {name}: {reason}"


@pytest.mark.parametrize("edit, expected", [
    (lambda d: d["claim"].__setitem__("orbit_size", d["claim"]["orbit_size"] + 1), "invalid"),
    (lambda d: d["witness"].__setitem__("stabilizer_generators", []), "invalid"),
    (lambda d: d["input"].__setitem__("grid", [4, 1]), "valid"),
    (lambda d: d["input"].__setitem__("group", "any name"), "valid"),
    (lambda d: d["input"]["generators"].append(d["input"]["generators"][0]), "valid"),
    (lambda d: d["claim"].__setitem__("image", 1.0), "invalid"),
])
def test_classifier_sanity(edit, expected):
    doc = copy.deepcopy(BANK["orbit/dihedral-2x2/3"])
    edit(doc)
    assert classify(doc)[0] == expected


@MUTATE
@given(data=st.data())
def test_mutated_certificates(data):
    name = data.draw(st.sampled_from(BANK_NAMES), label="certificate")
    doc = copy.deepcopy(BANK[name])
    log = []
    for _ in range(data.draw(st.integers(1, 3), label="mutations")):
        doc, description = data.draw(mutation(doc), label="mutation")
        log.append(description)
    verdict, why = classify(doc)
    note(f"classifier: {verdict} {why}")
    outcome = run_checker(lambda: verify_certificate(doc), CHECK_BOUND)
    event(f"classifier {verdict}, checker " + (str(outcome.value[0]) if outcome.kind == "return" else
                                                outcome.exc_type.rsplit(".", 1)[-1] or outcome.kind))
    what = f"genuine {name} mutated: " + "; ".join(log)
    assert_checker_agrees(doc, verdict, why, outcome, what, CHECK_BOUND)


# --------------------------------------------------------------------------
# explicit hostile documents and files


def _doc(kind, inp, claim, witness):
    return {"format": FORMAT, "version": 1, "kind": kind, "input": inp, "claim": claim, "witness": witness}


def _write(name, text):
    path = util.tempdir("eo-fuzz-cert-") / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return str(path)


HUGE_GRID_ORBIT = _doc("orbit", {"grid": [100000, 100000], "group": "trivial", "generators": []},
                       {"image": 1, "orbit_size": 1, "stabilizer_order": 1, "group_order": 1},
                       {"stabilizer_generators": []})


def _symmetric_generators(n):
    transposition = [1, 0] + list(range(2, n))
    cycle = list(range(1, n)) + [0]
    return [transposition, cycle]


def _symmetric_minimal_orbit(h, w, generators):
    """The minimal-orbit certificate (class nonconstant) of the symmetric group on h*w pixels.

    The orbits of S_n on non-constant images are the weights 1..n-1; representative (1 << k) - 1,
    orbit size C(n, k), stabilizer S_k x S_(n-k) (generated by a transposition and a cycle on each
    side).  Built directly: the library's producer takes about 8 s on S_9 and the tour on
    ``--grid 3x3 --group symmetric`` more than 20 minutes; on 2x2 the test below uses the tour's own.
    """
    n = h * w
    orbits = []
    for k in range(1, n):
        stab = []
        for lo, hi in ((0, k), (k, n)):
            if hi - lo >= 2:
                t = list(range(n))
                t[lo], t[lo + 1] = lo + 1, lo
                stab.append(t)
            if hi - lo >= 3:
                c = list(range(n))
                for i in range(lo, hi):
                    c[i] = lo + (i - lo + 1) % (hi - lo)
                stab.append(c)
        orbits.append({"representative": (1 << k) - 1, "orbit_size": math.comb(n, k),
                       "stabilizer_order": math.factorial(k) * math.factorial(n - k),
                       "stabilizer_generators": sorted(stab)})
    smallest = min(o["orbit_size"] for o in orbits)
    claim = {"group_order": math.factorial(n), "orbit_count": n - 1, "min_orbit_size": smallest,
             "minimal_representatives": [o["representative"] for o in orbits if o["orbit_size"] == smallest]}
    return _doc("minimal-orbit", {"grid": [h, w], "group": "shadow group", "class": "nonconstant",
                                  "generators": generators}, claim, {"orbits": orbits})


def _swap_two_entries(doc, index, i, j):
    doc = copy.deepcopy(doc) if len(doc["input"]["generators"]) < 1000 else doc
    g = list(doc["input"]["generators"][index])
    g[i], g[j] = g[j], g[i]
    doc["input"]["generators"][index] = g
    return doc


def test_orbit_certificate_on_a_100000x100000_grid():
    """A 265-byte valid certificate (trivial group) on 10^10 pixels: decided or refused fast, no MemoryError."""
    path = _write("huge-grid.json", json.dumps(HUGE_GRID_ORBIT))
    assert os.path.getsize(path) < 300
    verdict, why = classify(HUGE_GRID_ORBIT)
    outcome = run_checker(lambda: check_file(path), 5)
    assert_checker_agrees(HUGE_GRID_ORBIT, verdict, why, outcome, f"check_file({path}) on {json.dumps(HUGE_GRID_ORBIT)}", 5)


def test_class_all_on_2_to_the_40_pixels():
    doc = _doc("minimal-orbit", {"grid": [1099511627776, 1], "group": "trivial", "class": "all", "generators": []},
               {"group_order": 1, "orbit_count": 1, "min_orbit_size": 1, "minimal_representatives": [0]},
               {"orbits": [{"representative": 0, "orbit_size": 1, "stabilizer_order": 1, "stabilizer_generators": []}]})
    verdict, why = "invalid", "class 'all' has 2^(2^40) features; the one listed orbit covers one of them"
    outcome = run_checker(lambda: verify_certificate(doc), 5)
    assert_checker_agrees(doc, verdict, why, outcome, f"verify_certificate({json.dumps(doc)})", 5)


@pytest.mark.parametrize("stabilizer_generators", ["none", "true"])
def test_symmetric_group_on_4096_points(stabilizer_generators):
    """S_4096 (a transposition and a 4096-cycle): refused or decided within seconds, never listed."""
    n = 4096
    gens = _symmetric_generators(n)
    stab = [] if stabilizer_generators == "none" else [
        [0, 2, 1] + list(range(3, n)), [0] + list(range(2, n)) + [1]]
    doc = _doc("orbit", {"grid": [64, 64], "group": "symmetric", "generators": gens},
               {"image": 1, "orbit_size": n, "stabilizer_order": math.factorial(n - 1), "group_order": math.factorial(n)},
               {"stabilizer_generators": stab})
    verdict = "invalid" if stabilizer_generators == "none" else "unknown"
    outcome = run_checker(lambda: verify_certificate(doc), 10)
    assert_checker_agrees(doc, verdict, "the stabilizer of pixel 0 is S_4095, not trivial" if verdict == "invalid" else "",
                          outcome, f"orbit certificate of image 1 under S_4096 (stabilizer generators: {stabilizer_generators})",
                          10)


def test_symmetric_builder_on_2x3():
    """The hand-built S_n certificate (used on 3x3 below) is genuine on 2x3, with either generating set."""
    for gens in (_symmetric_generators(6), [list(p) for p in itertools.permutations(range(6))][1:]):
        doc = _symmetric_minimal_orbit(2, 3, gens)
        assert classify(doc) == ("valid", "")
        assert verify_certificate(doc)[0] is True


def test_tour_minimal_orbit_S_2x2_with_a_generator_altered():
    """The tour's own minimal-orbit-S.json for --grid 2x2 --group symmetric (S_4, all 23 non-identity
    elements as generators), two entries of generator 0 swapped: the group is still S_4, so the
    certificate stays valid and must be accepted, quickly."""
    from exactorbit.tour import run_tour

    cert = json.loads(json.dumps(run_tour("2x2", "symmetric")["certificates"]["minimal-orbit-S.json"]))
    doc = _swap_two_entries(cert, 0, 0, 1)
    verdict, why = classify(doc)
    outcome = run_checker(lambda: verify_certificate(doc), 2)
    assert_checker_agrees(doc, verdict, why, outcome, "tour 2x2 symmetric minimal-orbit-S, generator 0 entries 0,1 swapped", 2)


def test_tour_minimal_orbit_S_3x3_with_a_generator_altered():
    """The tour's minimal-orbit-S.json for --grid 3x3 --group symmetric lists all 362,879 non-identity
    elements of S_9 as generators (as on 2x2 and 2x3).  With two entries of one generator swapped
    the group is still S_9 (the other generators include every transposition): the checker must
    decide or refuse (TooExpensive) within a couple of seconds, never grind |G| x |generators|."""
    n = 9
    gens = [list(p) for p in itertools.permutations(range(n)) if list(p) != list(range(n))]
    doc = _symmetric_minimal_orbit(3, 3, gens)
    doc = _swap_two_entries(doc, len(gens) // 2, 2, 7)  # a generator far from the transpositions
    outcome = run_checker(lambda: verify_certificate(doc), 3)
    assert_checker_agrees(doc, "valid", "", outcome, "S_9 minimal-orbit certificate with 362879 generators, "
                          f"generator {len(gens) // 2} entries 2,7 swapped", 3)


def test_symmetric_minimal_orbit_3x3_with_a_generator_altered():
    """S_9 from a transposition and a 9-cycle; the transposition's entries 0 and 2 swapped make it a
    3-cycle: both generators are then even, the group lies in A_9 (order <= 181440, not 362880), so
    the certificate is false and must be rejected within a couple of seconds."""
    doc = _symmetric_minimal_orbit(3, 3, _symmetric_generators(9))
    doc = _swap_two_entries(doc, 0, 0, 2)
    outcome = run_checker(lambda: verify_certificate(doc), 3)
    if outcome.kind == "return" and outcome.value[0] is True:
        util.fail(f"ACCEPTED a false S_9 certificate (generators generate a subgroup of A_9): {outcome.describe()}")
    assert_checker_agrees(doc, "invalid", "the generators lie in A_9", outcome,
                          "S_9 minimal-orbit certificate, transposition turned into a 3-cycle", 3)


def test_shadow_distance_below_the_minimum_with_no_elements():
    """distance lowered by one and the element list emptied: no element lies at that distance, so the
    'nearest elements' list is vacuously complete - but the claimed distance is not the minimum."""
    doc = copy.deepcopy(BANK["tour-2x2/shadow-network-seed0.json"])
    doc["claim"]["distance"] -= 1
    doc["claim"]["elements"] = []
    verdict, why = classify(doc)
    assert verdict == "invalid"
    outcome = run_checker(lambda: verify_certificate(doc), CHECK_BOUND)
    assert_checker_agrees(doc, verdict, why, outcome, "tour 2x2 shadow certificate, distance - 1, elements []", CHECK_BOUND)


@pytest.mark.parametrize("weight", ["²", "٣", "9" * 5000, "02", "-1", " 1"])
def test_weight_class_spellings(weight):
    doc = copy.deepcopy(BANK["minimal/symmetric-2x2/weight:2"])
    doc["input"]["class"] = f"weight:{weight}"
    verdict, why = classify(doc)
    assert verdict == "invalid"
    outcome = run_checker(lambda: verify_certificate(doc), CHECK_BOUND)
    assert_checker_agrees(doc, verdict, why, outcome, f"input.class := 'weight:{short(weight)}'", CHECK_BOUND)


@pytest.mark.parametrize("function", ["check_file", "load_certificate"])
def test_dev_zero(function):
    fn = {"check_file": check_file, "load_certificate": load_certificate}[function]
    outcome = run_checker(lambda: fn("/dev/zero"), 5)
    assert outcome.kind == "raise" and outcome.is_a("CertificateError") and outcome.elapsed < 5, (
        f"{function}('/dev/zero'): {outcome.describe()}")


def test_deeply_nested_file():
    path = _write("deep.json", "[" * 100_000 + "]" * 100_000)
    outcome = run_checker(lambda: check_file(path), 5)
    assert outcome.kind == "raise" and outcome.is_a("CertificateError") and outcome.elapsed < 5, (
        f"check_file(<100,000-deep [[[...]]] file>): {outcome.describe()}")


@pytest.mark.parametrize("fd", [2, True, 0])
@pytest.mark.parametrize("function", ["check_file", "load_certificate"])
def test_int_path_is_not_a_file_descriptor(function, fd):
    """check_file(2) must be refused: it must not read (and then close) file descriptor 2.

    In the forked child, descriptor ``int(fd)`` holds a genuine certificate, so a call that treats the
    int as a descriptor succeeds where it should raise."""
    good = _write("good.json", json.dumps(BANK["orbit/dihedral-2x2/3"]))
    fn = {"check_file": check_file, "load_certificate": load_certificate}[function]

    def setup():
        os.dup2(os.open(good, os.O_RDONLY), int(fd))

    def probe():
        try:
            result = fn(fd)
            outcome = f"returned {short(result, 80)}"
        except Exception as exc:  # noqa: BLE001 - reported
            outcome = f"raised {type(exc).__name__}: {exc}"
            if not isinstance(exc, ValueError) or type(exc).__module__ != "exactorbit.errors":
                outcome = "WRONG " + outcome
            else:
                outcome = "OK " + outcome
        try:
            os.fstat(int(fd))
            still_open = True
        except OSError:
            still_open = False
        return outcome, still_open

    result = util.run_forked(probe, timeout=5, setup=setup, summarise=lambda r: r)
    assert result.kind == "return", f"{function}({fd!r}): {result.describe()}"
    text, still_open = result.value
    assert text.startswith("OK raised") and still_open, (
        f"{function}({fd!r}) with a certificate on descriptor {int(fd)}: {text}; "
        f"descriptor {int(fd)} {'still open' if still_open else 'CLOSED by the call'}")
