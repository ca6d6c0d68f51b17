"""Small random groups and images, exactorbit beside GAP: cold calls on a fresh group, median and worst ratios.

    python3 benchmarks/bench_small_groups.py [--cases 100] [--images 3] [--runs 5] [--quick] [--seed 2024]
                                             [--eo-cap 5] [--no-gap] [--gap-timeout 1800] [--chunks 10]
                                             [--json FILE]

What is measured.  About ``--cases`` groups drawn with a fixed seed, the way the GAP cross-check draws them:

* named groups (``named_group(spec, grid)`` for translations, rotations, reflections, dihedral and their
  sums with translations; ``rows_by_columns(grid)``) on the grids 3x3 .. 6x6 (h <= w), plus the symmetric
  group and the wreath product ``wreath_product(grid)`` on 3x3 and 3x4 only (GAP's ``CycleIndex`` of a
  symmetric group from generators takes 2 s on 12 points, 11 s on 16 and over 5 minutes on 25);
* random groups from 2 or 3 random permutations of degree n in 4..50, kept when their order is at
  most 1e5 (computed on exactorbit's side): uniform permutations (kept only for n <= 8 in practice: for
  larger n they give A_n or S_n), and, so that larger degrees appear, permutations drawn inside a random
  structure (powers of one cycle on each part of a random partition of the points; random permutations
  of each part; C_b wr S_m on m blocks of b points, relabelled at random);
* random subgroups of named groups: 1 to 3 random elements of translations+dihedral,
  translations+reflections or rows x columns on an h x w grid (4 <= hw <= 50), order <= 1e5;

each with ``--images`` random images (a random weight 0..n, then a random set of that many pixels) and,
for the transporter, a second image y = g(x) for a random element g of the group.

The questions, each one exactorbit public call, and GAP's counterpart (GAP code in the helper
``benchmarks/bench_small_groups.g``):

* the fresh group alone, the build included in every other row: one of the four calls above;
  ``Group(gens)`` (no answer to compare);
* group order: ``G.order()``; ``Size(G)``;
* orbit size: ``orbit_size(G, x)``; ``Length(Orbit(G, s, OnSets))``, or for an orbit over 1e4
  ``Size(G) / Size(Stabilizer(G, s, OnSets))``;
* minimal image: ``minimal_image(G, x)``; the ``Minimum`` of the orbit's int masks
  (``Sum(o, i -> 2^(i-1))``), exactorbit's order (``MinimalImage`` of the ``images`` package orders sets
  differently, and the package is not in Debian's GAP); skipped for an orbit over 1e4;
* transporter to another image of the orbit: ``transporter(G, x, y)``;
  ``RepresentativeAction(G, s, t, OnSets)``;
* transporter, same image: ``transporter(G, x, x)``; ``RepresentativeAction(G, s, s, OnSets)``;
* stabilizer order: ``stabilizer(G, x).order()``; ``Size(Stabilizer(G, s, OnSets))``;
* orbit-size spectrum of one weight k: ``decompose(G, weight=k, progress=False).orbit_sizes``;
  the lengths of ``OrbitsDomain(G, Combinations([1..n], k), OnSets)``.  k is drawn among the weights
  with C(n, k) <= 5000, so that GAP can list the k-subsets: no case is skipped for it;
* cycle index: ``cycle_index(G)``; ``CycleIndex(G, [1..n])`` (all n points, the fixed ones too).

GAP's points are the pixels + 1, images are sets acted on by ``OnSets``.

How.  Every timed run builds a fresh group inside the clock on both sides (exactorbit:
``from_generators(grid, gens)``, ``named_group(spec, grid)``, ``rows_by_columns(grid)`` or
``wreath_product(grid)``; GAP: ``Group(gens)`` from the same generators), then makes the call.  One
untimed warm-up call per (case, question) gives the answer and its duration; then ``--runs`` timed runs,
their median is the time (when the warm-up took over 1 s, its own time is the time: it too ran on a fresh
group).  exactorbit: ``time.perf_counter`` in this process, after every question once on a 2x2 group (so
no timed call loads a module); a call still running after ``--eo-cap`` seconds (default 5) is stopped by
``SIGALRM`` and enters the ratios at the cap, a lower bound (``>=`` in the output).  The two sides take
turns: the cases are dealt into ``--chunks`` chunks (default 10), and each chunk is timed by exactorbit and
then by GAP, so that the two times of one ratio are taken within seconds of each other (this VM's speed
drifted by 30-50% between minutes).  GAP: one process per chunk (the case file is written to a temporary
directory), ``NanosecondsSinceEpoch()``,
which ticks in microseconds here: a call under 0.1 ms is repeated 20 times per timed run (a fresh group
each time) and the run's time divided by 20.  A GAP time is floored at 0.1 us for the ratios.
exactorbit refusals (``TooExpensive``) and errors are counted, not timed.  Every answer both sides give
is compared (group order, orbit size, minimal image, that a transporter exists and maps x to y inside G,
stabilizer order, spectrum, cycle index as polynomials); the script stops with an error and exit status
1 on any difference.

Output: per question, the median and the worst (max) of exactorbit time / GAP time over the cases
(above 1: exactorbit is slower), the median times of both sides, the refusals where GAP answered, and
the same median ratio on the small cases (orbits under 1e3; for the group-level questions, groups of
order under 1e3), as a markdown table for the README; then the 5 worst ratios per question with what
reproduces them.  ``--json FILE`` saves every case and every timing.  GAP is ``gap`` on the PATH (here
/usr/bin/gap, GAP 4.12) or ``EXACTORBIT_GAP``; when it is absent the GAP side is skipped with a message.
Timings are floats: measurements, not results.
"""

import argparse
import json
import math
import os
import platform
import random
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import exactorbit as eo  # noqa: E402
from exactorbit.errors import TooExpensive  # noqa: E402
from exactorbit.gap import gap_executable, gap_permutation  # noqa: E402
from exactorbit.groups import rows_by_columns, wreath_product  # noqa: E402

#: Random groups (generators, subgroups) are kept up to this order.
MAX_ORDER = 10 ** 5
#: The spectrum's weight k is drawn among those with C(n, k) at most this.
SPECTRUM_DOMAIN_MAX = 5000
#: GAP lists the orbit (orbit size, minimal image) up to this size.
LIST_MAX = 10 ** 4
#: GAP repeats a call under 0.1 ms this many times per timed run.
GAP_INNER = 20
#: Floor of a GAP time in the ratios (seconds).
GAP_FLOOR = 1e-7  # float-ok: a time
#: "Small" cases: orbits (per-image questions) or groups (group-level questions) under this size.
SMALL = 10 ** 3

#: (key, label, level): level "group" for the questions on the group alone, "image" for one image.
QUESTIONS = (
    ("build", "fresh group alone (in every other row too)", "group"),
    ("order", "group order", "group"),
    ("orbit", "orbit size", "image"),
    ("minimal", "minimal image", "image"),
    ("transporter", "transporter to another image of the orbit", "image"),
    ("transporter_same", "transporter, same image", "image"),
    ("stabilizer", "stabilizer order", "image"),
    ("spectrum", "orbit-size spectrum of one weight", "group"),
    ("cycle_index", "cycle index", "group"),
)
LABEL = {key: label for key, label, _ in QUESTIONS}
LEVEL = {key: level for key, _, level in QUESTIONS}

NAMED_SPECS = ("translations", "rotations", "reflections", "dihedral", "translations+rotations",
               "translations+reflections", "translations+dihedral")
NAMED_GRIDS = tuple(f"{h}x{w}" for h in range(3, 7) for w in range(h, 7))
SUBGROUP_SPECS = ("translations+dihedral", "translations+reflections", "rows x columns")


# ----------------------------------------------------------------------------------------------- the cases

def build(case):
    """A fresh group for the case, the way a user builds it (the call timed with each question)."""
    grid, how = case["grid"], case["build"]
    if how == "named":
        return eo.named_group(case["spec"], grid)
    if how == "rows x columns":
        return rows_by_columns(grid)
    if how == "wreath":
        return wreath_product(grid)
    return eo.from_generators(grid, case["gens_tuples"])


def call_text(case):
    """The Python that builds the case's group (for reproducing a case)."""
    grid, how = case["grid"], case["build"]
    if how == "named":
        return f'named_group("{case["spec"]}", "{grid}")'
    if how == "rows x columns":
        return f'rows_by_columns("{grid}")'
    if how == "wreath":
        return f'wreath_product("{grid}")'
    return f'from_generators("{grid}", {json.dumps(case["generators"], separators=(",", ":"))})'


def _relabel(gens, n, rng):
    """The generators conjugated by a random relabelling of the n points."""
    sigma = rng.sample(range(n), n)
    out = []
    for g in gens:
        h = [0] * n
        for p in range(n):
            h[sigma[p]] = sigma[g[p]]
        out.append(tuple(h))
    return out


def _parts(n, rng):
    points = rng.sample(range(n), n)
    parts, i = [], 0
    while i < n:
        size = rng.randint(1, 6)
        parts.append(points[i:i + size])
        i += size
    return parts


def _structured_generators(n, count, style, rng):
    """``count`` random permutations of n points drawn inside a random structure (see the docstring)."""
    if style == "uniform":
        return n, [tuple(rng.sample(range(n), n)) for _ in range(count)]
    if style == "imprimitive":
        b = rng.randint(2, 5)
        m = max(2, n // b)
        n = b * m
        gens = []
        for _ in range(count):
            sigma = rng.sample(range(m), m) if rng.random() < 0.7 else list(range(m))
            shift = [rng.randrange(b) for _ in range(m)]
            gens.append(tuple(sigma[p // b] * b + (p % b + shift[p // b]) % b for p in range(n)))
        return n, _relabel(gens, n, rng)
    parts = _parts(n, rng)
    gens = []
    for _ in range(count):
        g = list(range(n))
        for part in parts:
            if style == "cyclic parts":
                e = rng.randrange(len(part))
                image = part[e:] + part[:e]
            else:
                image = rng.sample(part, len(part)) if rng.random() < 0.6 else part
            for p, q in zip(part, image):
                g[p] = q
        gens.append(tuple(g))
    return n, gens


def _random_generator_case(rng):
    while True:
        n, count = rng.randint(4, 50), rng.randint(2, 3)
        style = "uniform" if n <= 8 else rng.choice(("uniform", "cyclic parts", "cyclic parts", "random parts",
                                                      "random parts", "imprimitive"))
        n, gens = _structured_generators(n, count, style, rng)
        gens = [g for g in gens if g != tuple(range(n))]
        if not gens:
            continue
        order = eo.from_generators(f"1x{n}", gens).order()
        if order <= MAX_ORDER:
            return {"kind": "random generators", "label": f"{len(gens)} random perms ({style}) on {n}",
                    "grid": f"1x{n}", "build": "generators", "gens_tuples": gens}


def _random_subgroup_case(rng):
    while True:
        h, w = rng.randint(2, 7), rng.randint(2, 7)
        if not 4 <= h * w <= 50:
            continue
        spec, grid = rng.choice(SUBGROUP_SPECS), f"{h}x{w}"
        G = rows_by_columns(grid) if spec == "rows x columns" else eo.named_group(spec, grid)
        identity = tuple(range(G.n))
        gens = [g for g in (G.random_element(rng) for _ in range(rng.randint(1, 3))) if g != identity]
        if gens and eo.from_generators(grid, gens).order() <= MAX_ORDER:
            return {"kind": "random subgroup", "label": f"{len(gens)} random elements of {spec} on {grid}",
                    "grid": grid, "build": "generators", "gens_tuples": gens}


def _named_pool():
    pool = [("named", spec, grid) for spec in NAMED_SPECS for grid in NAMED_GRIDS]
    pool += [("rows x columns", "rows x columns", grid) for grid in NAMED_GRIDS]
    pool += [("named", "symmetric", grid) for grid in ("3x3", "3x4")]
    pool += [("wreath", "wreath", grid) for grid in ("3x3", "3x4")]
    return pool


def make_cases(count, images, seed):
    """The suite: about 40% named groups, 40% random generators, 20% random subgroups, with their images."""
    rng = random.Random(seed)
    n_named, n_sub = round(0.4 * count), round(0.2 * count)
    pool = _named_pool()
    cases = []
    for how, spec, grid in rng.sample(pool, min(n_named, len(pool))):
        cases.append({"kind": "named", "label": f"{spec} on {grid}", "grid": grid, "build": how, "spec": spec})
    cases += [_random_subgroup_case(rng) for _ in range(n_sub)]
    cases += [_random_generator_case(rng) for _ in range(count - len(cases))]
    for i, case in enumerate(cases, 1):
        G = build(case)
        n = G.n
        case.update(id=i, n=n, order=G.order(), gens_tuples=[tuple(g) for g in G.generators])
        case["generators"] = [list(g) for g in case["gens_tuples"]]
        ks = [k for k in range(1, n) if math.comb(n, k) <= SPECTRUM_DOMAIN_MAX]
        case["weight"] = rng.choice(ks)
        case["images"] = []
        for _ in range(images):
            x = sum(1 << p for p in rng.sample(range(n), rng.randint(0, n)))
            case["images"].append([x, eo.apply(G.random_element(rng), x)])
    return cases


# ------------------------------------------------------------------------------------------ exactorbit side

def _spectrum_text(sizes):
    return ",".join(f"{size}:{count}" for size, count in sorted(sizes.items()))


def eo_call(key, case, x, y):
    """(call on a fresh group, answer -> comparable text) for one question."""
    k = case["weight"]
    calls = {
        "build": lambda G: True,
        "order": lambda G: G.order(),
        "orbit": lambda G: eo.orbit_size(G, x),
        "minimal": lambda G: eo.minimal_image(G, x),
        "transporter": lambda G: eo.transporter(G, x, y),
        "transporter_same": lambda G: eo.transporter(G, x, x),
        "stabilizer": lambda G: eo.stabilizer(G, x).order(),
        "spectrum": lambda G: eo.decompose(G, weight=k, progress=False).orbit_sizes,
        "cycle_index": lambda G: eo.cycle_index(G),
    }
    return calls[key]


def _eo_answer(key, case, answer, x, y):
    if key in ("transporter", "transporter_same"):
        target = y if key == "transporter" else x
        if answer is None:
            return "false"
        ok = eo.apply(answer, x) == target and build(case).contains(answer)
        return "true" if ok else "WRONG:" + ",".join(map(str, answer))
    if key == "spectrum":
        return _spectrum_text(answer)
    if key == "build":
        return "true"
    return str(answer)


class OverCap(BaseException):
    """Raised by the alarm in a call over ``--eo-cap`` seconds (a BaseException: no ``except Exception`` eats it)."""


def _alarm(signum, frame):
    raise OverCap


def capped(fn, cap):
    """fn() stopped by SIGALRM after ``cap`` seconds (no cap where there is no SIGALRM)."""
    if not cap or not hasattr(signal, "setitimer"):
        return fn()
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, cap)
    try:
        return fn()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def time_eo(key, case, j, runs, cap):
    """{'status', 'seconds', 'answer', ...} for one question on one case (image j, 0 for the group)."""
    x, y = case["images"][j - 1] if j else (None, None)
    fn = eo_call(key, case, x, y)
    start = time.perf_counter()
    try:
        answer = capped(lambda: fn(build(case)), cap)
    except OverCap:
        return {"status": "over cap", "seconds": cap, "note": f"stopped after {cap} s (--eo-cap)"}
    except TooExpensive as exc:
        return {"status": "refused", "note": str(exc)[:300]}
    except Exception as exc:  # noqa: BLE001 - a benchmark records the failure and goes on
        return {"status": "error", "note": f"{type(exc).__name__}: {str(exc)[:300]}"}
    warm = time.perf_counter() - start
    times = [warm] if warm > 1 else []  # over 1 s: the warm-up (on its own fresh group) is the time
    for _ in range(0 if warm > 1 else runs):
        start = time.perf_counter()
        fn(build(case))
        times.append(time.perf_counter() - start)
    out = {"status": "ok", "seconds": statistics.median(times), "answer": _eo_answer(key, case, answer, x, y)}
    if key == "cycle_index":
        out["expr"] = answer
    return out


def warm_imports():
    """Every question once on a tiny group, so that no timed call pays for loading exactorbit's modules."""
    case = {"grid": "2x2", "build": "named", "spec": "translations+dihedral", "weight": 2, "images": [[3, 5]]}
    for key, _, level in QUESTIONS:
        fn = eo_call(key, case, 3, 5)
        _eo_answer(key, case, fn(build(case)), 3, 5)


def run_eo(cases, runs, cap):
    warm_imports()
    results = {}
    for case in cases:
        for key, _, level in QUESTIONS:
            for j in ([0] if level == "group" else range(1, len(case["images"]) + 1)):
                results[(case["id"], j, key)] = {"eo": time_eo(key, case, j, runs, cap)}
        if case["id"] % 10 == 0:
            print(f"  exactorbit: group {case['id']}", file=sys.stderr, flush=True)
    return results


# ------------------------------------------------------------------------------------------------ GAP side

def _gap_list(gens):
    return "[" + ",".join(gap_permutation(g) for g in gens) + "]" if gens else "[()]"


def _gap_set(mask):
    return "[" + ",".join(str(p + 1) for p in range(mask.bit_length()) if mask >> p & 1) + "]"


def gap_script(cases, runs):
    here = os.path.dirname(os.path.abspath(__file__))
    lines = [f"BSG_RUNS := {runs};; BSG_INNER := {GAP_INNER};; BSG_LIST_MAX := {LIST_MAX};;",
             f'Read("{os.path.join(here, "bench_small_groups.g")}");']
    for case in cases:
        gens = _gap_list(case["gens_tuples"])
        lines.append(f"gens := {gens};;")
        lines.append(f"BSG_Group({case['id']}, gens, {case['n']}, {case['weight']});")
        for j, (x, y) in enumerate(case["images"], 1):
            lines.append(f"BSG_Image({case['id']}, {j}, gens, {_gap_set(x)}, {_gap_set(y)});")
    lines.append("QUIT;")
    return "\n".join(lines) + "\n"


def run_gap_side(cases, runs, gap, timeout):
    """{(id, j, key): {...}} from one GAP process, and GAP's stderr (an error ends GAP: --quitonbreak)."""
    with tempfile.TemporaryDirectory(prefix="bench_small_groups_") as tmp:
        path = os.path.join(tmp, "cases.g")
        with open(path, "w") as f:
            f.write(gap_script(cases, runs))
        try:
            done = subprocess.run([gap, "-q", "-b", "--quitonbreak", "-o", "8g", path], stdin=subprocess.DEVNULL,
                                  capture_output=True, text=True, timeout=timeout)
            out, err = done.stdout, done.stderr
        except subprocess.TimeoutExpired as exc:
            out = exc.stdout.decode() if isinstance(exc.stdout, bytes) else (exc.stdout or "")
            err = f"GAP stopped after {timeout} s (--gap-timeout); the cases after that have no GAP time"
    rows = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 7 and parts[0] == "R":
            _, i, j, key, inner, total, answer = parts
            rows[(int(i), int(j), key)] = {"status": "ok", "seconds": int(total) / int(inner) / 1e9,  # float-ok
                                           "inner": int(inner), "answer": answer}
        elif len(parts) == 5 and parts[0] == "S":
            rows[(int(parts[1]), int(parts[2]), parts[3])] = {"status": "skipped", "note": parts[4]}
    return rows, err.strip()


def gap_version(gap):
    try:
        return subprocess.run([gap, "-q", "-b"], input='Print(GAPInfo.Version, "\\n"); QUIT;\n',
                              capture_output=True, text=True, timeout=120).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "?"


# ------------------------------------------------------------------------------------------- the comparison

def _same_cycle_index(expr, text):
    import sympy

    theirs = sympy.sympify(re.sub(r"x_(\d+)", r"a\1", text).replace("^", "**"))
    return sympy.expand(expr - theirs) == 0


def compare(cases, results):
    """The disagreements, as text lines (none: every answer both sides gave is the same)."""
    by_id = {case["id"]: case for case in cases}
    bad = []
    for (i, j, key), row in sorted(results.items()):
        ours, theirs = row["eo"], row.get("gap", {})
        if ours.get("status") != "ok" or theirs.get("status") != "ok":
            continue
        if key == "cycle_index":
            same = _same_cycle_index(ours["expr"], theirs["answer"])
        else:
            same = ours["answer"] == theirs["answer"]
        if not same:
            case = by_id[i]
            image = f" image {case['images'][j - 1]}" if j else f" weight {case['weight']}"
            bad.append(f"case {i} ({call_text(case)}){image}: {LABEL[key]}: exactorbit {ours['answer'][:200]}, "
                       f"GAP {theirs['answer'][:200]}")
    return bad


# -------------------------------------------------------------------------------------------------- output

def fmt_time(seconds):
    if seconds is None:
        return "n/a"
    if seconds < 1e-3:
        return f"{seconds * 1e6:.3g} us"
    return f"{seconds * 1e3:.3g} ms" if seconds < 1 else f"{seconds:.2f} s"


def fmt_ratio(r):
    if r is None:
        return "n/a"
    return f"{r:.0f}x" if r >= 10 else f"{r:.2g}x"


def _size(case, j, results):
    """The case's size for the small/large split: the orbit size (per image) or the group order."""
    if not j:
        return case["order"]
    for side in ("eo", "gap"):
        row = results[(case["id"], j, "orbit")].get(side, {})
        if row.get("status") == "ok":
            return int(row["answer"])
    return None


def summarise(cases, results):
    """Per question: the rows with both times, their ratios, the refusals where GAP answered."""
    by_id = {case["id"]: case for case in cases}
    summary = {}
    for key, _, _ in QUESTIONS:
        rows, refused, errors, over, gap_skipped = [], [], [], 0, 0
        for (i, j, k), row in results.items():
            if k != key:
                continue
            ours, theirs = row["eo"], row.get("gap", {})
            if ours["status"] in ("refused", "error") and theirs.get("status") == "ok":
                (refused if ours["status"] == "refused" else errors).append((i, j, ours["note"], theirs["seconds"]))
            if theirs.get("status") == "skipped":
                gap_skipped += 1
            if ours["status"] in ("ok", "over cap") and theirs.get("status") == "ok":
                # a call over the cap enters with the cap as its time: a lower bound
                over += ours["status"] == "over cap"
                size = _size(by_id[i], j, results)
                rows.append({"id": i, "j": j, "eo": ours["seconds"], "gap": theirs["seconds"], "size": size,
                             "ratio": ours["seconds"] / max(theirs["seconds"], GAP_FLOOR),
                             "capped": ours["status"] == "over cap"})
        summary[key] = {"rows": rows, "refused": refused, "errors": errors, "over": over, "gap_skipped": gap_skipped}
    return summary


def _median(values):
    return statistics.median(values) if values else None


def print_table(summary, cap):
    print("| quantity | cases | median eo/GAP | worst eo/GAP | median eo | median GAP | eo refusals where GAP "
          "answered | small cases: median eo/GAP (eo vs GAP medians) |")
    print("|---|---|---|---|---|---|---|---|")
    for key, label, level in QUESTIONS:
        s = summary[key]
        rows = s["rows"]
        ratios = [r["ratio"] for r in rows]
        small = [r for r in rows if r["size"] is not None and r["size"] < SMALL]
        small_cell = "n/a"
        if small:
            eo_s, gap_s = _median([r["eo"] for r in small]), _median([r["gap"] for r in small])
            small_cell = (f"{fmt_ratio(_median([r['ratio'] for r in small]))} ({fmt_time(eo_s)} vs {fmt_time(gap_s)}; "
                          f"{len(small)} cases)")
        refusals = str(len(s["refused"])) + (f" (+{len(s['errors'])} errors)" if s["errors"] else "")
        if s["over"]:
            refusals += f"; {s['over']} over {cap:g} s"
        worst = max(rows, key=lambda r: r["ratio"]) if rows else None
        worst_cell = (">=" if worst["capped"] else "") + fmt_ratio(worst["ratio"]) if worst else "n/a"
        print(f"| {label} | {len(rows)} | {fmt_ratio(_median(ratios))} | {worst_cell} | "
              f"{fmt_time(_median([r['eo'] for r in rows]))} | {fmt_time(_median([r['gap'] for r in rows]))} | "
              f"{refusals} | {small_cell} |")
    print(f"\nsmall cases: orbits under {SMALL} for the per-image questions, groups of order under {SMALL} for "
          f"group order, spectrum and cycle index.  A call stopped at the {cap:g} s cap (--eo-cap) counts {cap:g} s "
          "(a lower bound) in the ratios.")


def print_worst(cases, summary, count=5):
    by_id = {case["id"]: case for case in cases}
    print(f"\nWorst {count} ratios per question (eo time / GAP time; the case's group, its order, the image):")
    for key, label, level in QUESTIONS:
        rows = sorted(summary[key]["rows"], key=lambda r: -r["ratio"])[:count]
        print(f"\n{label}:")
        for r in rows:
            case = by_id[r["id"]]
            where = (f"x={case['images'][r['j'] - 1][0]}" + (f" y={case['images'][r['j'] - 1][1]}"
                                                              if key == "transporter" else "")
                     + f" (weight {case['images'][r['j'] - 1][0].bit_count()}, orbit {r['size']})"
                     if r["j"] else (f"weight {case['weight']}" if key == "spectrum" else ""))
            over = ">=" if r["capped"] else ""
            print(f"  {over}{fmt_ratio(r['ratio'])}: eo {over}{fmt_time(r['eo'])}, GAP {fmt_time(r['gap'])}; "
                  f"case {case['id']} {case['label']}, n={case['n']}, order {case['order']}; "
                  f"{call_text(case)} {where}".rstrip())
        for i, j, note, gap_s in summary[key]["refused"] + summary[key]["errors"]:
            case = by_id[i]
            where = f" x={case['images'][j - 1][0]}" if j else ""
            print(f"  REFUSED/ERROR (GAP {fmt_time(gap_s)}): case {i} {call_text(case)}{where}: {note[:160]}")


def save_json(path, cases, results, meta):
    out = {"meta": meta, "cases": [], "timings": []}
    for case in cases:
        out["cases"].append({k: case[k] for k in ("id", "kind", "label", "grid", "build", "n", "order", "weight",
                                                  "images", "generators")} | {"call": call_text(case)})
    for (i, j, key), row in sorted(results.items()):
        entry = {"case": i, "image": j, "question": key}
        for side in ("eo", "gap"):
            entry[side] = {k: v for k, v in row.get(side, {"status": "not run"}).items() if k != "expr"}
        out["timings"].append(entry)
    with open(path, "w") as f:
        json.dump(out, f, indent=1)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=None, help="number of groups (default 100; 20 with --quick)")
    parser.add_argument("--images", type=int, default=None, help="images per group (default 3; 2 with --quick)")
    parser.add_argument("--runs", type=int, default=None, help="timed runs per call (default 5; 3 with --quick)")
    parser.add_argument("--quick", action="store_true", help="a smaller suite")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--no-gap", action="store_true", help="exactorbit only")
    parser.add_argument("--eo-cap", type=float, default=5.0,
                        help="seconds after which an exactorbit call is stopped and counted at the cap (default 5; "
                             "0: no cap)")
    parser.add_argument("--gap-timeout", type=int, default=1800, help="seconds for the whole GAP run (default 1800)")
    parser.add_argument("--json", metavar="FILE", help="save every case and timing here")
    parser.add_argument("--chunks", type=int, default=10,
                        help="the cases in this many chunks, each timed by exactorbit and then by GAP, so that the two "
                             "sides take turns (default 10: the machine's speed drifts)")
    args = parser.parse_args(argv)
    count = args.cases if args.cases is not None else (20 if args.quick else 100)
    images = args.images if args.images is not None else (2 if args.quick else 3)
    runs = args.runs if args.runs is not None else (3 if args.quick else 5)
    if count < 1 or images < 1 or runs < 1 or args.chunks < 1:
        parser.error("--cases, --images, --runs and --chunks must be at least 1")
    args.chunks = min(args.chunks, count)
    gap = None if args.no_gap else gap_executable()
    load = os.getloadavg()
    print(f"bench_small_groups: {count} groups x {images} images, {runs} runs, seed {args.seed}; exactorbit "
          f"{eo.__version__}, Python {platform.python_version()}; load average {load[0]:.1f} {load[1]:.1f} "
          f"{load[2]:.1f} on {os.cpu_count()} cores", flush=True)
    t0 = time.perf_counter()
    cases = make_cases(count, images, args.seed)
    print(f"cases drawn in {time.perf_counter() - t0:.1f} s: " + ", ".join(
        f"{sum(c['kind'] == kind for c in cases)} {kind}" for kind in ("named", "random generators",
                                                                       "random subgroup")), flush=True)
    version = gap_version(gap) if gap is not None else None
    # the two sides take turns, chunk by chunk: this VM's speed drifts by tens of percent within a minute, and
    # a ratio should compare two times measured at about the same moment
    chunks = [cases[i::args.chunks] for i in range(args.chunks)] if gap is not None else [cases]
    results, eo_wall, gap_wall, errors = {}, 0.0, 0.0, []
    for chunk in chunks:
        t0 = time.perf_counter()
        part = run_eo(chunk, runs, args.eo_cap)
        eo_wall += time.perf_counter() - t0
        if gap is not None:
            t0 = time.perf_counter()
            gap_rows, err = run_gap_side(chunk, runs, gap, args.gap_timeout)
            gap_wall += time.perf_counter() - t0
            if err:
                errors.append(err)
            for k, row in gap_rows.items():
                if k in part:
                    part[k]["gap"] = row
        results.update(part)
    print(f"exactorbit side: {eo_wall:.1f} s", flush=True)
    meta = {"cases": count, "images": images, "runs": runs, "seed": args.seed, "eo_cap_s": args.eo_cap,
            "load_average": list(load), "chunks": len(chunks),
            "exactorbit": eo.__version__, "python": platform.python_version(), "eo_wall_s": eo_wall}
    if args.no_gap:
        print("GAP not run (--no-gap)")
    elif gap is None:
        print("GAP is not installed (Debian package gap, or set EXACTORBIT_GAP): exactorbit's times only")
    else:
        print(f"GAP {version} side ({gap}, one process per chunk, {len(chunks)} chunks taking turns with "
              f"exactorbit's): {gap_wall:.1f} s", flush=True)
        for err in errors:
            print(f"GAP said: {err[-1500:]}")
        meta.update(gap=version, gap_wall_s=gap_wall)
    bad = compare(cases, results) if gap else []
    if args.json:
        save_json(args.json, cases, results, meta)
        print(f"raw timings saved to {args.json}")
    if bad:
        print(f"\n{len(bad)} ANSWERS DIFFER between exactorbit and GAP:")
        for line in bad[:50]:
            print("  " + line)
        return 1
    summary = summarise(cases, results)
    if gap:
        pairs = sum(len(s["rows"]) for s in summary.values())
        print(f"\nevery answer both sides gave agrees ({pairs} questions timed on both sides)\n")
    if not gap:
        for key, label, _ in QUESTIONS:
            mine = [r["eo"]["seconds"] for (_, _, k), r in results.items() if k == key and "seconds" in r["eo"]]
            refused = sum(r["eo"]["status"] != "ok" for (_, _, k), r in results.items() if k == key)
            print(f"{label}: median {fmt_time(_median(mine))}, worst {fmt_time(max(mine) if mine else None)}, "
                  f"{refused} refused, failed or over the cap")
        return 0
    print_table(summary, args.eo_cap)
    print_worst(cases, summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
