"""Before and after a refactor, side by side in one script: times, answers, certificates and CLI output.

    python3 benchmarks/before_after.py [--before REF] [--after PATH_OR_REF] [--runs N] [--rounds R]
                                       [--only SUBSTR] [--tolerance 1.25] [--cold-tolerance 1.5]
                                       [--no-cli] [--json]

``--before`` (default 533f1e5, the state before issue 21) and ``--after`` (default:
this checkout's working tree) are each a directory holding ``exactorbit/`` or a git
ref; a ref is materialised once with ``git worktree add --detach
/tmp/eo_before_<sha> <sha>`` and reused afterwards (the main checkout is not
touched).  This script never imports :mod:`exactorbit` itself.

Timings.  Every case of ``benchmarks/_before_after_cases.py`` (public calls that
exist on both sides: every route of ``cycle_types``, ``decompose`` and the
stabilizer doors, the issue's T x| D4 group on 4x4 from r.d, r.d^2 and the
dihedral generators, per-call overhead on 3x3, ...) runs in a fresh process per
side, ``python3 -c ...`` with ``PYTHONPATH=<side>`` first and the working
directory a scratch directory; the child prints ``exactorbit.__file__`` and the
script checks it imported the right side.  In the child:

* cold: ``build()`` (the group, the image) and the first call, the first thing
  the process does after ``import exactorbit`` (so it includes the lazy imports
  and everything the group caches on first use);
* fresh: build and call again on a new group (nothing cached), at least
  ``--fresh-runs`` times and more while within ``--budget`` seconds;
* warm: the call again on the built group (the cold call was its warm-up), at
  least ``--runs`` times the case's scale and more while within ``--budget``
  seconds (tiny calls get hundreds of runs).

Sides alternate per round as before, after, after, before, ... (ABBA: a linear
drift of the shared machine cancels); the table gives the medians over all the
rounds' samples (cold: the minimum over the rounds).  Each child also reduces its
answer to plain data (a count, the orbit sizes, the order of a stabilizer and
whether its generators fix the image, whether a transporter maps a to b) and
digests it; an answer that differs between the sides is printed loudly and fails
the run.  The route (``.method``) is shown as ``before -> after`` when it changed.

Certificates and CLI.  ``python3 -m exactorbit tour --certificates DIR --quiet
--json`` runs once per side; every certificate is compared byte for byte
(identical / differing / missing), and so is the tour's JSON.  A few CLI
commands (``count``, ``orbits``, ``orbit``, ``group`` with ``--json``, including
the T x| D4 group from ``--generators`` and ``--gap``) are compared byte for
byte, then, if they differ, as JSON without timing fields, then without
``method`` (a route change the issue allows where the group now gets the
better route: a note, not a failure).  Their wall times are shown, one run each,
for information.

Exit status 1 when a case is slower after than before: its after/before ratio
of wall-clock medians (warm or fresh) over ``--tolerance`` (1.25 by default)
and the ratio of its CPU-time medians (``time.process_time``) over it too; for
the cold time (one sample a round, mostly imports) the ratios of the minima over
the rounds and ``--cold-tolerance`` (1.5).  Wall clock is what a user waits, but
on a shared 2-core machine another process's load moves it by 50% and more;
the CPU time of the call hardly moves, and a real slowdown raises both (a row
slower by the wall clock alone gets a note, "load").  Also exit status 1 when
an answer differs, a certificate or CLI output differs, or one side fails where
the other does not.  ``--json`` prints the whole report as JSON instead of
tables.
"""

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

from _timing import fmt

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
BEFORE = "533f1e5ad7cac00c4a98b617017ab34340c6370e"
sys.path.insert(0, HERE)
import _before_after_cases as cases  # noqa: E402  (no exactorbit import: the cases import it lazily)

# The timing child: argv = cases dir, case name, warm runs, fresh runs, budget (s).  One JSON line out.
CHILD = r"""
import gc, hashlib, json, sys, time
cases_dir, name = sys.argv[1:3]
runs, fresh_runs, budget = int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5])
import exactorbit
sys.path.append(cases_dir)
import _before_after_cases as C
case = C.BY_NAME[name]
out = {"file": exactorbit.__file__, "fresh": [], "warm": [], "fresh_cpu": [], "warm_cpu": []}

def digest(obj):
    return hashlib.sha256(json.dumps(obj, sort_keys=True, default=repr).encode()).hexdigest()[:16]

def attempt(state):
    try:
        return case.call(state), None
    except Exception as exc:   # a refusal is an answer too: compared between the sides
        return None, exc

def answer(state, result, exc):
    if exc is not None:
        return ["error", type(exc).__name__, str(exc)]
    return case.answer_of(state, result)

start, cpu = time.perf_counter(), time.process_time()
state = case.build()
result, exc = attempt(state)
out["cold"], out["cold_cpu"] = time.perf_counter() - start, time.process_time() - cpu
first = answer(state, result, exc)
out["answer"], out["preview"] = digest(first), repr(first)[:160]
out["raw"] = digest(C.raw(result) if exc is None else first)
out["method"] = getattr(result, "method", None)
out["error"] = None if exc is None else f"{type(exc).__name__}: {str(exc)[:200]}"
for phase, minimum, cap in (("fresh", fresh_runs, 1000), ("warm", runs, 10000)):
    gc.collect()   # once a phase: collecting before every run would cost more than a tiny call
    begun = time.perf_counter()
    for k in range(cap):
        if k >= minimum and time.perf_counter() - begun > budget:
            break
        if phase == "fresh":
            t, c = time.perf_counter(), time.process_time()
            s = case.build()
            result, exc = attempt(s)
        else:
            s = state
            t, c = time.perf_counter(), time.process_time()
            result, exc = attempt(s)
        out[phase].append(time.perf_counter() - t)
        out[phase + "_cpu"].append(time.process_time() - c)
    last = answer(s, result, exc)   # the last run's answer: the same as the first?
    if digest(last) != out["answer"]:
        out["unstable"] = f"{phase} run {k}: {repr(last)[:160]}"
print("BEFORE_AFTER_JSON " + json.dumps(out))
"""

TIMING_KEY = re.compile(r"(^|_)(seconds|elapsed|time|timing|timings|duration|wall)s?($|_)")


# -- sides ---------------------------------------------------------------------------------------


def git(*argv, cwd=REPO):
    return subprocess.run(["git", *argv], cwd=cwd, capture_output=True, text=True, check=True).stdout.strip()


def materialise(spec):
    """A directory holding ``exactorbit/`` for a path or a git ref (a detached worktree in /tmp, reused)."""
    if os.path.isdir(spec):
        root = os.path.abspath(spec)
    else:
        try:
            sha = git("rev-parse", "--verify", f"{spec}^{{commit}}")
        except subprocess.CalledProcessError:
            sys.exit(f"before_after: {spec!r} is neither a directory nor a git ref of {REPO}")
        root = f"/tmp/eo_before_{sha}"
        if os.path.isdir(root):
            head = git("rev-parse", "HEAD", cwd=root)
            if head != sha:
                sys.exit(f"before_after: {root} exists at {head}, not {sha}: remove it or pass a directory")
        else:
            print(f"git worktree add --detach {root} {sha}", file=sys.stderr)
            subprocess.run(["git", "worktree", "add", "--detach", root, sha], cwd=REPO, check=True,
                           stdout=sys.stderr, stderr=sys.stderr)
    if not os.path.isfile(os.path.join(root, "exactorbit", "__init__.py")):
        sys.exit(f"before_after: {root} holds no exactorbit/__init__.py")
    return root


def side_env(root):
    env = dict(os.environ)
    env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env


def check_import(root, scratch):
    """The file ``import exactorbit`` finds with the side's PYTHONPATH from the scratch directory."""
    out = subprocess.run([sys.executable, "-c", "import exactorbit; print(exactorbit.__file__)"], cwd=scratch,
                         env=side_env(root), capture_output=True, text=True)
    found = out.stdout.strip()
    expected = os.path.realpath(os.path.join(root, "exactorbit", "__init__.py"))
    if out.returncode != 0 or os.path.realpath(found) != expected:
        sys.exit(f"before_after: PYTHONPATH={root} imported {found or out.stderr.strip()[-300:]!r}, not {expected}")
    return found


# -- timings -------------------------------------------------------------------------------------


def run_child(root, scratch, case, args):
    runs = max(3, args.runs * case.scale)
    proc = subprocess.run([sys.executable, "-c", CHILD, HERE, case.name, str(runs), str(args.fresh_runs),
                           str(args.budget)], cwd=scratch, env=side_env(root), capture_output=True, text=True)
    lines = [line for line in proc.stdout.splitlines() if line.startswith("BEFORE_AFTER_JSON ")]
    if proc.returncode != 0 or not lines:
        return {"crash": (proc.stderr.strip().splitlines() or ["no output"])[-1][:300]}
    data = json.loads(lines[-1].split(" ", 1)[1])
    expected = os.path.realpath(os.path.join(root, "exactorbit", "__init__.py"))
    if os.path.realpath(data["file"]) != expected:
        sys.exit(f"before_after: the child of {case.name!r} imported {data['file']}, not {expected}")
    return data


def summarise(children):
    """One side's children (rounds) -> medians, cold minimum, answer."""
    if any("crash" in c for c in children):
        return {"crash": next(c["crash"] for c in children if "crash" in c)}
    answers = {c["answer"] for c in children}
    return {
        "warm": statistics.median([t for c in children for t in c["warm"]]),
        "fresh": statistics.median([t for c in children for t in c["fresh"]]),
        "cold": min(c["cold"] for c in children),
        # the second witness of each time: CPU time (time.process_time), which other processes hardly move
        "warm_cpu": statistics.median([t for c in children for t in c["warm_cpu"]]),
        "fresh_cpu": statistics.median([t for c in children for t in c["fresh_cpu"]]),
        "cold_cpu": min(c["cold_cpu"] for c in children),
        "answer": children[0]["answer"] if len(answers) == 1 else "unstable",
        "preview": children[0]["preview"],
        "raw": {c["raw"] for c in children},
        "method": children[0]["method"],
        "error": children[0]["error"],
        "unstable": next((c["unstable"] for c in children if "unstable" in c), None)
        or (None if len(answers) == 1 else "the answer differs between rounds"),
    }


def compare_case(case, before, after, tolerance, cold_tolerance):
    row = {"case": case.name, "before": before, "after": after, "problems": [], "notes": []}
    for side, s in (("before", before), ("after", after)):
        if "crash" in s:
            row["problems"].append(f"{side} crashed: {s['crash']}")
        elif s["unstable"]:
            row["problems"].append(f"{side}: answer not reproducible ({s['unstable']})")
    if row["problems"]:
        return row
    if before["answer"] != after["answer"]:
        row["problems"].append(f"ANSWER DIFFERS: before {before['preview']} / after {after['preview']}")
    elif before["raw"] != after["raw"]:
        row["notes"].append("same answer, another representation (generators or element)")
    if before["method"] != after["method"]:
        row["notes"].append(f"route {before['method']} -> {after['method']}")
    for key in ("warm", "fresh", "cold"):
        ratio = after[key] / before[key] if before[key] > 0 else float("inf")
        cpu = after[f"{key}_cpu"] / before[f"{key}_cpu"] if before[f"{key}_cpu"] > 0 else float("inf")
        row[f"{key}_ratio"], row[f"{key}_cpu_ratio"] = ratio, cpu
        bound = cold_tolerance if key == "cold" else tolerance
        if ratio > bound and cpu > bound:   # a slowdown costs CPU time too; another process's load hardly does
            row["problems"].append(f"SLOWER ({key} x{ratio:.2f}, CPU time x{cpu:.2f})")
        elif ratio > bound:
            row["notes"].append(f"{key} x{ratio:.2f} but CPU time x{cpu:.2f}: load")
    return row


def route_text(row):
    b, a = row["before"].get("method"), row["after"].get("method")
    if "crash" in row["before"] or "crash" in row["after"]:
        return "crash"
    if b == a:
        return str(b or "-")
    return f"**{b} -> {a}**"


def time_cases(roots, scratch, args, emit):
    chosen = [c for c in cases.CASES if not args.only or args.only.lower() in c.name.lower()]
    if not chosen:
        sys.exit(f"before_after: no case matches --only {args.only!r}")
    emit("| case | route | before (median) | after (median) | after/before | before fresh | after fresh "
         "| after/before | before cold | after cold | after/before | notes |")
    emit("|---|---|---|---|---|---|---|---|---|---|---|---|")
    rows = []
    for i, case in enumerate(chosen, 1):
        start = time.perf_counter()
        children = {"before": [], "after": []}
        for r in range(args.rounds):
            for side in (("before", "after") if r % 2 == 0 else ("after", "before")):
                children[side].append(run_child(roots[side], scratch, case, args))
        row = compare_case(case, summarise(children["before"]), summarise(children["after"]), args.tolerance,
                           args.cold_tolerance)
        rows.append(row)
        print(f"[{i}/{len(chosen)}] {case.name}: {time.perf_counter() - start:.1f} s", file=sys.stderr, flush=True)
        emit(table_row(row))
    return rows


def table_row(row):
    flag = "; ".join([f"**{p}**" for p in row["problems"]] + row["notes"])
    if "crash" in row["before"] or "crash" in row["after"]:
        return f"| {row['case']} | crash | | | | | | | | | | {flag} |"
    cells = []
    for key in ("warm", "fresh", "cold"):
        cells += [fmt(row["before"][key]), fmt(row["after"][key]), f"{row[f'{key}_ratio']:.2f}"]
    return f"| {row['case']} | {route_text(row)} | " + " | ".join(cells) + f" | {flag} |"


# -- certificates and CLI output --------------------------------------------------------------------


def cli(root, scratch, argv):
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "exactorbit", *argv], cwd=scratch, env=side_env(root),
                          capture_output=True)
    return proc, time.perf_counter() - start


def strip(value, drop):
    if isinstance(value, dict):
        return {k: strip(v, drop) for k, v in value.items() if not drop(k)}
    if isinstance(value, list):
        return [strip(v, drop) for v in value]
    return value


def first_difference(a, b, path="$"):
    if type(a) is not type(b):
        return f"{path}: {short(a)} / {short(b)}"
    if isinstance(a, dict):
        for k in list(a) + [k for k in b if k not in a]:
            if k not in a or k not in b:
                return f"{path}.{k}: only in {'after' if k not in a else 'before'}"
            found = first_difference(a[k], b[k], f"{path}.{k}")
            if found:
                return found
        if list(a) != list(b):
            return f"{path}: the keys come in another order"
        return None
    if isinstance(a, list):
        if len(a) != len(b):
            return f"{path}: length {len(a)} / {len(b)}"
        for i, (x, y) in enumerate(zip(a, b)):
            found = first_difference(x, y, f"{path}[{i}]")
            if found:
                return found
        return None
    return None if a == b else f"{path}: {short(a)} / {short(b)}"


def short(value, n=70):
    text = json.dumps(value) if not isinstance(value, str) else repr(value)
    return text if len(text) <= n else text[:n] + "..."


def compare_output(before, after):
    """(verdict, is_problem) for two byte strings of JSON output."""
    if before == after:
        return "identical", False
    try:
        a, b = json.loads(before), json.loads(after)
    except ValueError:
        return "DIFFERS (not JSON)", True
    a, b = (strip(v, lambda k: bool(TIMING_KEY.search(str(k)))) for v in (a, b))
    if a == b and json.dumps(a) == json.dumps(b):
        return "identical after dropping timing fields", False
    where = first_difference(a, b)
    a2, b2 = (strip(v, lambda k: k == "method") for v in (a, b))
    if a2 == b2 and json.dumps(a2) == json.dumps(b2):
        return f"differs only in `method` ({where})", False
    return f"DIFFERS at {where or 'the key order'}", True


def cli_commands(roots, scratch):
    """The CLI commands compared: the T x| D4 generators and GAP text come from the before side."""
    code = ("import json, sys; sys.path.append(sys.argv[1]); import _before_after_cases as C; "
            "from exactorbit.gap import to_gap; from exactorbit.groups import from_generators; "
            "g = C._t_d4_generators(); print(json.dumps([list(p) for p in g])); "
            "print(to_gap(from_generators('4x4', g)))")
    out = subprocess.run([sys.executable, "-c", code, HERE], cwd=scratch, env=side_env(roots["before"]),
                         capture_output=True, text=True, check=True).stdout.splitlines()
    gens, gap = out[0], out[1]
    m12 = "Group([(1,2,3,4,5,6,7,8,9,10,11),(3,7,11,8)(4,10,5,6),(1,12)(2,11)(3,6)(4,8)(5,9)(7,10)])"
    return [
        ["count", "--grid", "4x4", "--json"],
        ["count", "--grid", "4x4", "--generators", gens, "--json"],
        ["count", "--grid", "4x4", "--gap", gap, "--json"],
        ["count", "--grid", "3x3", "--colors", "3", "--by-content", "--json"],
        ["count", "--grid", "3x4", "--gap", m12, "--json"],
        ["count", "--grid", "28x28", "--json"],
        ["orbits", "--grid", "4x4", "--json"],
        ["orbits", "--grid", "4x4", "--generators", gens, "--json"],
        ["orbits", "--grid", "6x6", "--json"],
        ["orbits", "--grid", "5x5", "--group", "symmetric", "--json"],
        ["orbit", "--json"],
        ["orbit", "--grid", "4x4", "--generators", gens, "--image", "##../.#../..#./...#", "--json"],
        ["group", "--grid", "4x4", "--json"],
        ["group", "--grid", "4x4", "--generators", gens, "--json"],
        ["group", "--grid", "3x4", "--gap", m12, "--json"],
    ]


def label(argv):
    return "exactorbit " + " ".join(a if len(a) < 40 and " " not in a else "'" + a[:24] + "...'" for a in argv)


def certificates(roots, scratch, emit):
    """The tour's certificates and JSON, and the CLI commands' JSON, before against after."""
    problems, report = [], {"certificates": {}, "cli": []}
    dirs = {side: os.path.join(scratch, f"certificates-{side}") for side in roots}
    tour = {}
    for side in ("before", "after"):
        proc, took = cli(roots[side], scratch, ["tour", "--certificates", dirs[side], "--quiet", "--json"])
        tour[side] = (proc, took)
        if proc.returncode != 0:
            problems.append(f"tour failed on the {side} side: {proc.stderr.decode()[-300:]}")
    emit("")
    emit(f"Certificates (`exactorbit tour --certificates DIR --quiet --json`, one run a side: "
         f"before {fmt(tour['before'][1])}, after {fmt(tour['after'][1])}):")
    emit("")
    names = sorted(set().union(*(os.listdir(d) for d in dirs.values() if os.path.isdir(d))))
    for name in names:
        paths = {side: os.path.join(dirs[side], name) for side in dirs}
        if not all(os.path.isfile(p) for p in paths.values()):
            verdict = "MISSING on the " + " and ".join(s for s, p in paths.items() if not os.path.isfile(p)) + " side"
            problems.append(f"certificate {name}: {verdict}")
        else:
            data = {s: open(p, "rb").read() for s, p in paths.items()}
            verdict = "identical" if data["before"] == data["after"] else compare_output(data["before"],
                                                                                         data["after"])[0]
            if data["before"] != data["after"]:
                verdict = "DIFFERS: " + verdict
                problems.append(f"certificate {name}: {verdict}")
        report["certificates"][name] = verdict
        emit(f"- `{name}`: {verdict}")
    if not names:
        problems.append("no certificate written")
        emit("- no certificate written")
    verdict, bad = compare_output(tour["before"][0].stdout, tour["after"][0].stdout)
    report["tour_json"] = verdict
    emit(f"- tour JSON (stdout): {verdict}")
    if bad:
        problems.append(f"tour JSON: {verdict}")
    emit("")
    emit("| CLI command (`--json`) | before | after | output |")
    emit("|---|---|---|---|")
    for argv in cli_commands(roots, scratch):
        (pb, tb), (pa, ta) = cli(roots["before"], scratch, argv), cli(roots["after"], scratch, argv)
        if pb.returncode != pa.returncode:
            verdict, bad = f"EXIT STATUS {pb.returncode} / {pa.returncode}: {pa.stderr.decode()[-200:]}", True
        else:
            verdict, bad = compare_output(pb.stdout, pa.stdout)
            if pb.returncode != 0:
                verdict += f" (both exit {pb.returncode})"
        report["cli"].append({"command": argv, "before": tb, "after": ta, "output": verdict, "problem": bad})
        if bad:
            problems.append(f"{label(argv)}: {verdict}")
        emit(f"| `{label(argv)}` | {fmt(tb)} | {fmt(ta)} | {verdict} |")
    return problems, report


# -- main ----------------------------------------------------------------------------------------


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", default=BEFORE, help="directory or git ref (default: %(default)s)")
    parser.add_argument("--after", default=REPO, help="directory or git ref (default: this checkout's working tree)")
    parser.add_argument("--runs", type=int, default=5,
                        help="warm runs per child at least (times the case's scale; more while within --budget)")
    parser.add_argument("--fresh-runs", type=int, default=2,
                        help="fresh (build + call) runs per child at least (more while within --budget)")
    parser.add_argument("--rounds", type=int, default=2, help="children per side and case, alternating sides")
    parser.add_argument("--budget", type=float, default=0.15,
                        help="seconds per child and phase (fresh, warm) once the minimum runs are done")
    parser.add_argument("--tolerance", type=float, default=1.25,
                        help="largest after/before ratio of the warm and fresh times that passes")
    parser.add_argument("--cold-tolerance", type=float, default=1.5,
                        help="largest after/before ratio of the cold times that passes (one sample a round)")
    parser.add_argument("--only", help="only the cases whose name contains this (case-insensitive)")
    parser.add_argument("--no-cli", action="store_true", help="skip the certificates and CLI comparison")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args(argv)
    if args.runs < 1 or args.fresh_runs < 1 or args.rounds < 1 or min(args.tolerance, args.cold_tolerance) < 1:
        parser.error("--runs >= 1, --fresh-runs >= 1, --rounds >= 1 and tolerances >= 1 are needed")
    started = time.perf_counter()
    roots = {"before": materialise(args.before), "after": materialise(args.after)}
    lines = []
    emit = (lambda text: lines.append(text)) if args.json else (lambda text: print(text, flush=True))
    with tempfile.TemporaryDirectory(prefix="eo_before_after_") as scratch:
        files = {}
        for side, root in roots.items():
            # compile each side once, so no child's cold time includes byte-compiling
            subprocess.run([sys.executable, "-m", "compileall", "-q", os.path.join(root, "exactorbit")],
                           cwd=scratch, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            files[side] = check_import(root, scratch)
        emit(f"before: {roots['before']} (`{files['before']}`)  ")
        emit(f"after: {roots['after']} (`{files['after']}`)  ")
        emit(f"at least {args.runs} warm runs (times the case's scale) and {args.fresh_runs} fresh runs per child, "
             f"more within {args.budget} s a phase; {args.rounds} rounds (children per side and case); "
             f"tolerance {args.tolerance} (cold {args.cold_tolerance})")
        emit("")
        rows = time_cases(roots, scratch, args, emit)
        problems = [f"{row['case']}: {p}" for row in rows for p in row["problems"]]
        notes = [f"{row['case']}: {n}" for row in rows for n in row["notes"]]
        report = {}
        if not args.no_cli:
            found, report = certificates(roots, scratch, emit)
            problems += found
    took = time.perf_counter() - started
    if args.json:
        print(json.dumps({"before": roots["before"], "after": roots["after"], "tolerance": args.tolerance,
                          "rows": rows, **report, "problems": problems, "notes": notes, "seconds": took},
                         indent=2, default=sorted))
    else:
        print("")
        for note in notes:
            print(f"note: {note}")
        for problem in problems:
            print(f"!!! {problem}")
        worst = max((row.get(f"{k}_ratio", 0) for row in rows for k in ("warm", "fresh", "cold")), default=0)
        print(f"\n{len(rows)} cases, worst after/before ratio {worst:.2f} (tolerance {args.tolerance}), "
              f"{len(problems)} problem(s); {took:.0f} s in all")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
