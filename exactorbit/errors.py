"""Exceptions of exactorbit: one root, which is also a ``ValueError``.

Every error the API raises on bad input is an :class:`ExactOrbitError`, so
``except ValueError`` catches them too.  The CLI turns them into one line on
stderr and exit code 2.
"""

from __future__ import annotations

__all__ = [
    "ExactOrbitError",
    "InvalidArgument",
    "TooExpensive",
    "CertificateError",
]


class ExactOrbitError(ValueError):
    """Root of every exactorbit error (subclasses :class:`ValueError`)."""


class InvalidArgument(ExactOrbitError):
    """An argument has the wrong type, size or value.

    >>> raise InvalidArgument("grid must be positive, got 0")
    Traceback (most recent call last):
    ...
    exactorbit.errors.InvalidArgument: grid must be positive, got 0
    """


class TooExpensive(ExactOrbitError):
    """A computation was refused because its estimated cost is over the limit.

    The message carries the estimate, the limit, the unit and the flag (or
    keyword) that allows it; so do the attributes ``estimate``, ``limit``,
    ``unit`` and ``flag`` (None where the refusal has no number, e.g. work that
    is refused even with force).  Raised by :func:`exactorbit._budget.refuse_if_over`.

    >>> exc = TooExpensive("too big", estimate=10, limit=5, unit="entries")
    >>> exc.estimate, exc.limit, exc.unit, exc.flag
    (10, 5, 'entries', 'force=True (CLI: --force)')
    """

    def __init__(self, message: str, *, estimate: int | None = None, limit: int | None = None, unit: str | None = None,
                 flag: str | None = "force=True (CLI: --force)") -> None:
        super().__init__(message)
        self.estimate = estimate
        self.limit = limit
        self.unit = unit
        self.flag = flag


class CertificateError(ExactOrbitError):
    """A certificate is malformed (not: it is well-formed but false)."""
