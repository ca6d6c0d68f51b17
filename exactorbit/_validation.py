"""Validation helpers: every message names the argument, its value and its type."""

from numbers import Integral

from .errors import InvalidArgument


def describe(value):
    """Return ``value!r`` with its type, shortened."""
    text = repr(value)
    if len(text) > 80:
        text = text[:77] + "..."
    return f"{text} (type {type(value).__name__})"


def check_int(name, value, *, min_value=None, max_value=None):
    """Return ``value`` as an int, or raise InvalidArgument naming ``name``."""
    if isinstance(value, bool) or not isinstance(value, Integral):
        raise InvalidArgument(f"{name} must be an int, got {describe(value)}")
    value = int(value)
    if min_value is not None and value < min_value:
        raise InvalidArgument(f"{name} must be >= {min_value}, got {describe(value)}")
    if max_value is not None and value > max_value:
        raise InvalidArgument(f"{name} must be <= {max_value}, got {describe(value)}")
    return value


def check_mask(name, value, n):
    """Return ``value`` as an image mask on ``n`` pixels (0 <= mask < 2**n)."""
    value = check_int(name, value, min_value=0)
    if value >> n:
        raise InvalidArgument(
            f"{name} must be a mask of {n} pixels (0 <= mask < 2**{n}), got {describe(value)}"
        )
    return value
