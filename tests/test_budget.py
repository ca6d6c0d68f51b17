"""The one cost guard, the one table of limits, the one progress helper (exactorbit._budget)."""

import os

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exactorbit._budget import FLAG, LIMITS, limit_value, progress, refuse_if_over
from exactorbit.errors import ExactOrbitError, InvalidArgument, TooExpensive

README = os.path.join(os.path.dirname(__file__), "..", "README.md")
#: The tables of every limit and threshold live on the documentation site's benchmarks page (the README links there).
LIMITS_PAGE = os.path.join(os.path.dirname(__file__), "..", "docs", "benchmarks.md")


@given(st.sampled_from(sorted(LIMITS)), st.integers(0, 10**30), st.one_of(st.none(), st.integers(0, 10**30)))
def test_refusal_happens_exactly_past_the_bound_and_names_everything(key, estimate, limit):
    entry = LIMITS[key]
    bound = entry.value if limit is None else limit
    if estimate <= bound:
        refuse_if_over("the work", estimate, key, limit=limit)
        return
    with pytest.raises(TooExpensive) as info:
        refuse_if_over("the work", estimate, key, limit=limit)
    exc = info.value
    assert (exc.estimate, exc.limit, exc.unit) == (estimate, bound, entry.unit)
    message = str(exc)
    assert f"{estimate} {entry.unit}" in message and f"limit={bound}" in message and "the work" in message
    if entry.hard:
        assert exc.flag is None and "even with force" in message
        with pytest.raises(TooExpensive):
            refuse_if_over("the work", estimate, key, limit=limit, force=True)
    else:
        assert exc.flag == FLAG and FLAG in message
        refuse_if_over("the work", estimate, key, limit=limit, force=True)  # force lifts it
    assert isinstance(exc, ExactOrbitError) and isinstance(exc, ValueError)


@pytest.mark.parametrize("bad", [-1, 1.5, "10", True])
def test_limit_and_force_are_checked(bad):
    with pytest.raises(InvalidArgument, match="limit"):
        limit_value("orbit_points", bad)
    with pytest.raises(InvalidArgument, match="force"):
        refuse_if_over("x", 10, "orbit_points", limit=1, force="no")


def test_every_limit_is_documented_in_the_limits_table():
    text = open(LIMITS_PAGE, encoding="utf-8").read()
    missing = [key for key in LIMITS if f"`{key}`" not in text]
    assert missing == []


def test_progress_is_silent_when_asked(capsys):
    with progress(3, "steps", show=False) as bar:
        bar.update(3)
    with progress(3, "steps", default=False) as bar:
        bar.update(3)
    assert capsys.readouterr().err == ""
