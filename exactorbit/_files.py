"""Writing output files: atomically, with the umask, never clobbering by surprise, one clear error.

Every file exactorbit writes (certificates, SVG galleries, plots) goes through
:func:`write_file`: the bytes go to a temporary file in the target's directory
(created with mode 0666, so the umask applies as it does to any other output),
which is then renamed into place (``os.replace``) or, when the caller must not
replace what is there, hard-linked into place (``os.link`` fails when the name
exists, so two writers at once cannot replace each other's file).  A refusal of
the operating system (a full disk, a directory in the way, a name too long,
``/proc``) becomes one :class:`~exactorbit.errors.InvalidArgument` naming the
path and the reason; a temporary file is never left behind, not even on Ctrl-C.

>>> import tempfile, os
>>> d = tempfile.mkdtemp()
>>> write_file(os.path.join(d, "a.txt"), b"one", overwrite=False)
'new'
>>> write_file(os.path.join(d, "a.txt"), b"one", overwrite=False)
'same'
>>> write_file(os.path.join(d, "a.txt"), b"two", overwrite=False)
Traceback (most recent call last):
...
exactorbit.errors.InvalidArgument: ... already exists with different content; pass overwrite=True to replace it
"""

import contextlib
import os
import secrets

from ._validation import clip
from .errors import InvalidArgument

__all__ = ["write_file", "existing_content", "directory_lock", "probe_directory", "prepare_directory",
           "remove_quietly", "cannot", "reason"]


def reason(exc):
    """The operating system's words for an OSError (``strerror``), else its text.

    >>> reason(OSError(28, "No space left on device"))
    'No space left on device'
    """
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__


def cannot(verb, path, exc):
    """The one-line error for a failed file operation: ``cannot write PATH: REASON``.

    >>> str(cannot("write", "/proc/a.svg", OSError(2, "No such file or directory")))
    'cannot write /proc/a.svg: No such file or directory'
    """
    return InvalidArgument(f"cannot {verb} {clip(os.fspath(path), 200)}: {reason(exc)}")


def existing_content(path, limit):
    """The bytes at ``path`` (at most ``limit + 1`` read), or None when nothing is there.

    A directory (or anything else that is not a regular file) in the way is an
    InvalidArgument: no file can be written at that name.
    """
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise cannot("write", path, exc) from None
    import stat

    if stat.S_ISDIR(st.st_mode):
        raise cannot("write", path, OSError(21, "Is a directory")) from None
    if not stat.S_ISREG(st.st_mode):
        raise cannot("write", path, OSError(22, "not a regular file")) from None
    try:
        with open(path, "rb") as fh:
            return fh.read(limit + 1)
    except OSError as exc:
        raise cannot("read", path, exc) from None


@contextlib.contextmanager
def directory_lock(folder):
    """Hold an exclusive advisory lock (``flock``) on ``folder`` itself, where the platform has one.

    Writers of the same directory take it in turn, so a check-then-write of several
    files is not interleaved with another exactorbit process's (no lock file is left).
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - no flock (Windows): os.link still refuses to clobber
        yield
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError as exc:
        raise cannot("write to", folder, exc) from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
        except OSError:  # a file system without flock (some network ones): link still refuses to clobber
            pass
        yield
    finally:
        os.close(fd)   # closing releases the lock


def _temporary(folder, name):
    """Create a new temporary file next to the target (mode 0666 & ~umask): ``(fd, path)``."""
    for _ in range(100):
        tmp = os.path.join(folder, f".{name[:80]}.{secrets.token_hex(4)}.tmp")
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o666), tmp
        except FileExistsError:
            continue
    raise FileExistsError(17, "File exists", os.path.join(folder, f".{name}.*.tmp"))  # pragma: no cover


def remove_quietly(path):
    """Remove ``path`` if it can be removed (cleaning up after a failed write)."""
    try:
        os.remove(path)
    except OSError:
        pass


def probe_directory(folder, what="directory"):
    """Create and remove a file in ``folder``: an InvalidArgument now if files cannot be created there.

    >>> probe_directory("/proc")
    Traceback (most recent call last):
    ...
    exactorbit.errors.InvalidArgument: cannot write to the directory /proc: No such file or directory
    """
    try:
        fd, tmp = _temporary(folder, "probe")
    except OSError as exc:
        raise cannot(f"write to the {what}", folder, exc) from None
    os.close(fd)
    remove_quietly(tmp)


def prepare_directory(path, what):
    """Create the directory ``path`` if needed and check that files can be written there, before any work.

    ``what`` names it in every refusal (one InvalidArgument: empty, a file in the way, not creatable, not
    writable).

    >>> prepare_directory("/dev/null", "certificate directory")
    Traceback (most recent call last):
    ...
    exactorbit.errors.InvalidArgument: certificate directory /dev/null exists and is not a directory
    """
    from ._validation import clip

    path = os.fspath(path)
    shown = clip(path, 200)
    if not path:
        raise InvalidArgument(f"{what} is empty: give a directory")
    if os.path.exists(path) and not os.path.isdir(path):
        raise InvalidArgument(f"{what} {shown} exists and is not a directory")
    try:
        os.makedirs(path, exist_ok=True)
    except (OSError, ValueError) as exc:
        raise InvalidArgument(f"cannot create the {what} {shown}: {getattr(exc, 'strerror', None) or exc}") from None
    probe_directory(path, what)
    return path


def write_file(path, data, *, overwrite=True, flag="overwrite=True"):
    """Write ``data`` (bytes or str, UTF-8) to ``path`` atomically; returns 'new', 'same' or 'replaced'.

    ``overwrite=False``: an existing file with the same bytes is left untouched
    ('same'); one with other bytes is refused (InvalidArgument naming ``flag``, the
    switch that allows it).  Every refusal of the operating system is one
    InvalidArgument ``cannot write PATH: REASON``.

    >>> import tempfile, os, stat
    >>> p = os.path.join(tempfile.mkdtemp(), "x.json")
    >>> write_file(p, "{}"), write_file(p, "[]"), open(p).read()
    ('new', 'replaced', '[]')
    >>> write_file(os.path.dirname(p), "x")
    Traceback (most recent call last):
    ...
    exactorbit.errors.InvalidArgument: cannot write ...: Is a directory
    """
    if isinstance(data, str):
        data = data.encode("utf-8")
    path = os.fspath(path)
    folder, name = os.path.split(os.path.abspath(path))
    old = existing_content(path, len(data))
    if old is not None and old == data:
        return "same"
    if old is not None and not overwrite:
        raise InvalidArgument(f"{clip(path, 200)} already exists with different content; pass {flag} to "
                              "replace it")
    tmp = None
    try:
        fd, tmp = _temporary(folder, name)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if old is None and not overwrite:
            try:
                os.link(tmp, path)   # fails if another writer got there first: nothing is clobbered
            except FileExistsError:
                now = existing_content(path, len(data))
                if now != data:
                    raise InvalidArgument(f"{clip(path, 200)} already exists with different content (written by "
                                          f"another process just now); pass {flag} to replace it") from None
                return "same"
            except OSError as exc:
                if exc.errno not in (1, 38, 95):  # EPERM, ENOSYS, EOPNOTSUPP: no hard links here
                    raise
                if os.path.lexists(path):
                    raise FileExistsError(17, "File exists", path) from None
                os.replace(tmp, path)
                tmp = None
            return "new"
        os.replace(tmp, path)
        tmp = None
        return "new" if old is None else "replaced"
    except OSError as exc:
        raise cannot("write", path, exc) from None
    finally:
        if tmp is not None:
            remove_quietly(tmp)
