"""Validation helpers: every message names the argument, its value and its type."""

import itertools
from numbers import Integral

from .errors import InvalidArgument


#: Longest text of a value that a message echoes (hostile input may be megabytes long).
ECHO = 80


def short(value, width=ECHO):
    """``repr(value)`` cut to ``width`` characters; safe on huge ints and deeply nested lists.

    >>> short("x" * 200, 12)
    "'xxxxxxxx..."
    >>> short(10 ** 5000)
    'an int of 5001 digits'
    """
    if isinstance(value, Integral) and not isinstance(value, bool) and int(value).bit_length() > 3 * width:
        return f"an int of {_digits(int(value))} digits"
    if isinstance(value, str) and len(value) > width:
        value = value[:width]  # repr of a prefix: the message stays short and linear-time
    try:
        text = repr(value)
    except RecursionError:
        return f"a {type(value).__name__} nested deeper than Python prints"
    except ValueError:  # e.g. an int-like numpy or nested big int past Python's digit limit
        return f"a {type(value).__name__} too large to print"
    if "\n" in text:  # reprs of arrays span lines; a str's repr never holds a raw newline
        text = " ".join(text.split())
    if len(text) > width:
        text = text[: width - 3] + "..."
    return text


def clip(text, width=ECHO):
    """``text`` (a str) cut to ``width`` characters, unquoted.

    >>> clip("abcdef", 5)
    'ab...'
    """
    text = str(text)
    return text if len(text) <= width else text[: width - 3] + "..."


def _digits(value):
    """Number of decimal digits of ``value`` without converting it to text (exact)."""
    value = abs(value)
    if value == 0:
        return 1
    guess = max(1, int(value.bit_length() * 0.30102999566398120))  # within one of the truth
    while 10 ** guess <= value:
        guess += 1
    while guess > 1 and 10 ** (guess - 1) > value:
        guess -= 1
    return guess


def int_text(value):
    """The exact decimal text of an int of any size (Python's 4300-digit limit does not apply).

    >>> len(int_text(10 ** 5000)), int_text(-12)
    (5001, '-12')
    """
    value = int(value)
    if value < 0:
        return "-" + int_text(-value)
    if value.bit_length() < 10_000:  # under 3010 digits: below the limit
        return str(value)
    k = _digits(value) // 2
    high, low = divmod(value, 10 ** k)
    return int_text(high) + int_text(low).rjust(k, "0")


def int_short(value, width=40):
    """``value`` in decimal if it has at most ``width`` digits, else 'an int of N digits'.

    >>> int_short(120), int_short(2 ** 400)
    ('120', 'an int of 121 digits')
    """
    value = int(value)
    if value.bit_length() <= 3.3 * width and len(str(value)) <= width:
        return str(value)
    return f"an int of {_digits(value)} digits"


def parse_int_text(text, *, max_digits=20_000, what="a number"):
    """Parse a decimal int of at most ``max_digits`` digits, whatever Python's digit limit.

    >>> parse_int_text("-" + "9" * 5000) == 1 - 10 ** 5000
    True
    """
    body = text[1:] if text[:1] in "+-" else text
    if not body or not body.isascii() or not body.isdigit():
        raise InvalidArgument(f"{what} must be a decimal int, got {short(text)}")
    if len(body) > max_digits:
        raise InvalidArgument(f"{what} has {len(body)} digits; at most {max_digits} are read")
    value = 0
    for start in range(0, len(body), 4000):
        chunk = body[start:start + 4000]
        value = value * 10 ** len(chunk) + int(chunk)
    return -value if text[:1] == "-" else value


def describe(value):
    """Return a short ``repr`` of ``value`` with its type (see :func:`short`).

    >>> describe(3)
    '3 (type int)'
    """
    return f"{short(value)} (type {type(value).__name__})"


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


def check_items(name, value, *, limit=None):
    """Return ``value`` as a list (a list, tuple, range, set or other iterable that is not a string).

    >>> check_items("masks", (1, 2))
    [1, 2]
    """
    if isinstance(value, (str, bytes, Integral)) or value is None or not hasattr(value, "__iter__") \
            or getattr(value, "ndim", 1) == 0 or isinstance(value, dict):
        raise InvalidArgument(f"{name} must be a list or tuple, got {describe(value)}")
    items = list(value) if limit is None else list(itertools.islice(value, limit + 1))
    if limit is not None and len(items) > limit:
        raise InvalidArgument(f"{name} holds more than {limit} items")
    return items


def check_flag(name, value, *, allow_none=False):
    """Return ``value`` as a bool (True, False or a numpy bool scalar; None too when ``allow_none``).

    Anything else is refused, numpy arrays included (their truth value is ambiguous), so that
    ``certify="no"`` or ``complement=np.array([1, 0])`` is not silently read as true.

    >>> check_flag("complement", False), check_flag("progress", None, allow_none=True)
    (False, None)
    >>> check_flag("quiet", "no")
    Traceback (most recent call last):
    ...
    exactorbit.errors.InvalidArgument: quiet must be True or False, got 'no' (type str)
    """
    if value is None and allow_none:
        return None
    if isinstance(value, bool):
        return value
    if type(value).__module__ == "numpy" and type(value).__name__ == "bool":  # np.bool_ (a scalar, not an array)
        return bool(value)
    what = "True, False or None" if allow_none else "True or False"
    raise InvalidArgument(f"{name} must be {what}, got {describe(value)}")


def check_choice(name, value, choices):
    """Return ``value`` if it is a str among ``choices`` (numpy strings and arrays are refused).

    >>> check_choice("kind", "synonym", ("synonym", "diffeomorphism"))
    'synonym'
    >>> check_choice("kind", 3, ("a", "b"))
    Traceback (most recent call last):
    ...
    exactorbit.errors.InvalidArgument: kind must be one of 'a', 'b', got 3 (type int)
    """
    if type(value) is not str or value not in choices:
        names = ", ".join(repr(c) for c in choices)
        raise InvalidArgument(f"{name} must be one of {names}, got {describe(value)}")
    return value


def check_name(name, value):
    """Return ``value`` if it is None or a str (a display name), else InvalidArgument.

    >>> check_name("name", None), check_name("name", "C4")
    (None, 'C4')
    """
    if value is None or isinstance(value, str):
        return value
    raise InvalidArgument(f"{name} must be a str or None, got {describe(value)}")


def check_permutation(name, g, n=None):
    """Return ``g`` (an array-form permutation of 0..n-1: a tuple, list or 1-d int array) as a tuple of ints.

    ``n``: the degree it must have (None: any degree of at least 1).  Numpy ints are accepted; bools,
    floats, repeated or missing points are refused with one line naming ``name``.

    >>> check_permutation("g", [1, 0, 2])
    (1, 0, 2)
    >>> check_permutation("g", (0, 0))
    Traceback (most recent call last):
    ...
    exactorbit.errors.InvalidArgument: g must be a permutation of 0..1 in array form, got (0, 0) (type tuple)
    """
    if type(g) is tuple and g and (n is None or len(g) == n) and set(map(type, g)) == {int} \
            and len(set(g)) == len(g) and min(g) == 0 and max(g) == len(g) - 1:
        return g  # the common case, checked at C speed
    if type(g).__module__ == "numpy" and getattr(g, "ndim", None) == 1:
        g = g.tolist()
    if not isinstance(g, (tuple, list)):
        raise InvalidArgument(f"{name} must be a permutation in array form (a tuple of ints), got {describe(g)}")
    if not g:
        raise InvalidArgument(f"{name} must be a permutation of at least one point, got {describe(g)}")
    if n is not None and len(g) != n:
        raise InvalidArgument(f"{name} must permute exactly {n} points, got length {len(g)}: {describe(g)}")
    if not all(isinstance(v, Integral) and not isinstance(v, bool) for v in g):
        raise InvalidArgument(f"{name} must be a permutation of 0..{len(g) - 1} in array form, got {describe(g)}")
    values = tuple(int(v) for v in g)
    if sorted(values) != list(range(len(values))):
        raise InvalidArgument(f"{name} must be a permutation of 0..{len(g) - 1} in array form, got {describe(g)}")
    return values


def check_int_list(name, value, *, min_value=None, max_value=None, limit=None):
    """Return ``value`` (a list, tuple, range, set or 1-d int array) as a list of ints, each checked.

    >>> check_int_list("inputs", (3, 1), min_value=0)
    [3, 1]
    >>> check_int_list("inputs", [2 ** 70], max_value=15)
    Traceback (most recent call last):
    ...
    exactorbit.errors.InvalidArgument: inputs entry must be <= 15, got 1180591620717411303424 (type int)
    """
    if type(value).__module__ == "numpy" and getattr(value, "ndim", None) != 1:
        raise InvalidArgument(f"{name} must be a list of ints, got {describe(value)}")
    items = check_items(name, value, limit=limit)
    return [check_int(f"{name} entry", v, min_value=min_value, max_value=max_value) for v in items]
