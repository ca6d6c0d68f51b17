"""Fuzz the public API: every callable of ``exactorbit.__all__`` (and the checker's three entry points)
called with hostile arguments.

The contract (README: "Errors are ExactOrbitError (a ValueError) subclasses that name the argument"):
a call returns normally or raises an :class:`exactorbit.errors.ExactOrbitError`; nothing else
escapes (no TypeError, AttributeError, OverflowError, MemoryError, RecursionError, numpy errors...),
and it ends within a bound.

Each call runs in a forked child (see ``_fuzzutil.run_forked``): a hang inside C code is killed at
the bound, a memory blow-up meets a cap, and a call that mutates a shared argument or closes a file
descriptor cannot disturb the next one.  A timeout counts as a failure.  ``limit=`` (where a function
takes it) is always passed, small or hostile, and ``force`` is never True, so that the refusal path
is what a valid-looking call meets.  The failure message names the function, the arguments and what
escaped.
"""

import inspect
import json
import math
import sys
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import exactorbit
from exactorbit import checker


import _fuzzutil as util  # noqa: E402 - tests/fuzz/conftest.py puts it on the path

short = util.short

#: Seconds one call may take (calls that run a whole toy case get SLOW_BOUND).
CALL_BOUND = 5
SLOW_BOUND = 15
SLOW = {"run_tour", "evaluate", "Case"}

API = settings(
    max_examples=30,
    deadline=None,
    database=None,
    phases=util.PHASES,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)


# --------------------------------------------------------------------------
# the functions


def _public_functions():
    out = {}
    for name in exactorbit.__all__:
        value = getattr(exactorbit, name)
        if callable(value):
            out[name] = value
    for name in ("verify_certificate", "check_file", "load_certificate"):
        fn = getattr(checker, name)
        if all(fn is not other for other in out.values()):  # the face re-exports the first two
            out[f"checker.{name}"] = fn
    return out


FUNCTIONS = _public_functions()


# --------------------------------------------------------------------------
# hostile values (plus a few valid small objects, so that calls get past the first check)


class DeepList(list):
    """[[[...]]] nested ``depth`` deep, with a short repr (reprs of the real thing recurse too deep)."""

    def __init__(self, depth):
        v = []
        for _ in range(depth - 1):
            v = [v]
        super().__init__([v])
        self.depth = depth

    def __repr__(self):
        return f"DeepList({self.depth})"

    def _repr_pretty_(self, p, cycle):
        p.text(repr(self))


def _files():
    from exactorbit.certificates import dump_certificate, orbit_certificate
    from exactorbit.groups import named_group

    base = util.tempdir("eo-fuzz-api-")
    good = orbit_certificate(named_group("dihedral", "2x2"), 0b0011)
    (base / "good.json").write_text(dump_certificate(good))
    (base / "empty.json").write_text("")
    (base / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
    (base / "latin1.json").write_bytes(b"\xff\xfe\x00")
    return good, [str(base / "good.json"), str(base / "empty.json"), str(base / "deep.json"), str(base / "latin1.json"),
                  str(base), Path(base / "good.json"), str(base / "missing.json"), "/dev/null", b"/dev/null"]


GOOD_CERT, PATHS = _files()


def _pool():
    from exactorbit.groups import named_group
    from exactorbit.images import Grid
    from exactorbit.networks import NetworkFamily

    G = named_group("translations", "2x2")
    H = named_group("dihedral", "1x3")
    G.order(), H.order()  # computed once in the parent, inherited by every child
    fam = NetworkFamily(Grid(1, 2), 1)
    values = [
        None, -1, 0, 1, 2, 3, 4, 15, 16, 2**31, 2**63, 2**70, -(2**70), 10**400,
        "", " ", "abc", "2x2", "1x3", "1x2", "0x3", "3x", "4097x1", "1099511627776x1", "#./..", "#.#", "translations",
        "dihedral+", "symmetric", "nonconstant", "all", "weight:2", "weight:²", "weight:" + "9" * 5000, "auto", "listing",
        "9" * 5000, "x" * 5000, "(0 1)", "[[1,0,3,2]]", "[" * 2000,
        1.5, 2.0, -0.0, math.nan, math.inf, complex(1, 1), Fraction(1, 2), Decimal(2),
        True, False,
        [], [[]], [0], [1, 0], [0, 1, 2, 3], [[1, 0, 3, 2]], [[1, 0], [0, 1]], [0, 2, 1, 3], [[0, 1, 2, 3, 4]],
        [2**70], [-1, 0], [1.5], ["a"], [None], DeepList(3000),
        (), (1,), (2, 2), (1, 2, 3), (0, 1, 2, 3), ((1, 0),), ((1, 0, 3, 2), True),
        {}, {"a": 1}, {0: 1}, set(), frozenset({1}), range(4), range(2**70), b"2x2", bytearray(b"\x00"),
        np.array([0, 2, 1, 3]), np.array([[1, 0, 3, 2]]), np.array([]), np.array([1.5, 2.5]), np.array(["a"]),
        np.array([2**62, 0]), np.int64(3), np.int8(-1), np.uint64(2**63), np.float64(1.5), np.bool_(True),
        np.zeros((2, 2), dtype=bool), np.arange(16).reshape(4, 4),
        object(), print, type, Exception("x"),
        G, H, Grid(2, 2), fam, GOOD_CERT, {"format": "exactorbit-certificate"},
    ] + PATHS
    return values


POOL = _pool()
VALUES = st.sampled_from(POOL)
LIMITS = st.sampled_from([0, 1, 10, 1000, 100_000, -1, 1.5, "abc", None, np.int64(5), True])
FORCES = st.sampled_from([False, "yes", 1, 0, None, "False", np.bool_(False)])
METHODS = st.sampled_from(["auto", "listing", "vectorised", "backtrack", "natural", "enumerate", "symbolic", "direct",
                           "by_weight", "one_hidden_unit", "bogus", "", None, 1, "AUTO"])


@st.composite
def calls(draw, name):
    """(args, kwargs) for FUNCTIONS[name]: positional count within the signature, keyword-only by name."""
    fn = FUNCTIONS[name]
    try:
        params = list(inspect.signature(fn).parameters.values())
    except (TypeError, ValueError):  # builtin exception classes: (*args)
        return tuple(draw(st.lists(VALUES, max_size=2))), {}
    positional = [p for p in params if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    required = sum(1 for p in positional if p.default is p.empty)
    count = draw(st.integers(required, len(positional)))
    args = []
    for p in positional[:count]:
        args.append(draw(METHODS if p.name == "method" else VALUES))
    kwargs = {}
    for p in params:
        if p.kind == p.KEYWORD_ONLY:
            if p.name == "limit":
                kwargs["limit"] = draw(LIMITS)
            elif p.name == "force":
                if draw(st.booleans()):
                    kwargs["force"] = draw(FORCES)
            elif p.name == "method":
                if draw(st.booleans()):
                    kwargs["method"] = draw(METHODS)
            elif draw(st.booleans()):
                kwargs[p.name] = draw(VALUES)
        elif p.kind == p.VAR_POSITIONAL:
            args.extend(draw(st.lists(VALUES, max_size=2)))
    if name in SLOW and "force" in kwargs and kwargs["force"] is True:  # pragma: no cover - FORCES has no True
        kwargs["force"] = False
    return tuple(args), kwargs


def _call_text(name, args, kwargs):
    parts = [short(a, 100) for a in args] + [f"{k}={short(v, 100)}" for k, v in kwargs.items()]
    return f"{name}({', '.join(parts)})"


def _child_setup():
    sys.set_int_max_str_digits(4300)  # a library user's default (the CLI lifts it for its own process)


# --------------------------------------------------------------------------
# the test


@pytest.mark.parametrize("name", sorted(FUNCTIONS))
@API
@given(data=st.data())
def test_hostile_arguments(name, data):
    args, kwargs = data.draw(calls(name), label="call")
    fn = FUNCTIONS[name]
    bound = SLOW_BOUND if name in SLOW else CALL_BOUND
    outcome = util.run_forked(lambda: fn(*args, **kwargs), timeout=bound, setup=_child_setup)
    text = _call_text(name, args, kwargs)
    clean = outcome.kind == "return" or (outcome.kind == "raise" and outcome.is_a("ExactOrbitError"))
    assert clean, f"{text}: {outcome.describe()}"
    assert outcome.elapsed < bound, f"{text}: took {outcome.elapsed:.1f} s (bound {bound} s)"


def test_every_public_callable_is_fuzzed():
    """The list above is every callable name of the face (so a new front door is fuzzed too)."""
    names = {n for n in exactorbit.__all__ if callable(getattr(exactorbit, n))}
    assert names <= set(FUNCTIONS)
    assert json.loads(json.dumps(GOOD_CERT)) == GOOD_CERT
