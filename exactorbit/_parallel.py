"""Independent tasks run here, or on a Dask cluster (the optional extra ``exactorbit[dask]``).

The chunked enumerations (whole-space orbit counts and labels, distinct functions
of network families) cut their work into tasks that do not talk to each other;
:func:`map_tasks` runs them in order here, or on all cores of this machine
(``workers=N``: a ``dask.distributed.LocalCluster`` of N single-threaded worker
processes, started and closed by the call), or on any running Dask scheduler
(``scheduler="tcp://host:8786"``, or a ``dask.distributed.Client`` the caller
keeps open; its workers need exactorbit installed).  Results come back in task order, so a
route that merges them in order gives byte-identical answers whatever ran it.

>>> def square(item, shared):
...     return item * item + shared
>>> map_tasks(square, [1, 2, 3], shared=10)
[11, 14, 19]
"""

import logging

from ._budget import progress as _progress_bar
from ._validation import check_int, describe
from .errors import InvalidArgument

__all__ = ["check_parallel", "wants_parallel", "map_tasks", "parse_scheduler_address"]

#: Most local worker processes one call may start.
MAX_WORKERS = 256
#: The schemes a scheduler address may name: Dask's network transports.  ``inproc://`` names a
#: scheduler inside this very process (no other process can reach it) and ``ucx://`` needs
#: hardware and a package exactorbit does not install: both are refused, as is any other scheme.
SCHEDULER_SCHEMES = ("tcp", "tls", "ws", "wss")
#: Seconds to wait for a scheduler's TCP port to accept, then for Dask's handshake.
CONNECT_TIMEOUT = 3
HANDSHAKE_TIMEOUT = 5


def parse_scheduler_address(address):
    """``(scheme, host, port)`` of a Dask scheduler address ``SCHEME://HOST:PORT`` (or ``HOST:PORT``: tcp).

    SCHEME is one of :data:`SCHEDULER_SCHEMES`; HOST a host name, an IPv4 address or
    ``[IPv6]``; PORT 1..65535.  Nothing else (no path, no spaces): InvalidArgument
    naming what is missing or wrong, before any connection is tried.

    >>> parse_scheduler_address("tcp://127.0.0.1:8786")
    ('tcp', '127.0.0.1', 8786)
    >>> parse_scheduler_address("bogus")
    Traceback (most recent call last):
    ...
    exactorbit.errors.InvalidArgument: scheduler 'bogus' is missing the port: expected tcp://HOST:PORT (or tls://, ws://, wss://)
    """
    from ._validation import clip

    if not isinstance(address, str):
        raise InvalidArgument(f"scheduler must be a Dask scheduler address such as 'tcp://host:8786' "
                              f"or a dask.distributed.Client, got {describe(address)}")
    shown = repr(clip(address, 120))
    grammar = "expected tcp://HOST:PORT (or tls://, ws://, wss://)"

    def bad(problem):
        return InvalidArgument(f"scheduler {shown} {problem}: {grammar}")

    if not address or len(address) > 300 or not address.isascii() or not address.isprintable() or " " in address:
        raise InvalidArgument(f"scheduler must be a Dask scheduler address such as 'tcp://host:8786' (no spaces, at "
                              f"most 300 characters), got {shown}")
    scheme, sep, rest = address.partition("://")
    if not sep:
        scheme, rest = "tcp", address
    scheme = scheme.lower()
    if scheme == "inproc":
        raise bad("names a scheduler inside this process (inproc), which no command can reach")
    if scheme not in SCHEDULER_SCHEMES:
        raise bad(f"has the scheme {clip(scheme, 20)!r}, not a network transport of Dask")
    if "/" in rest or "?" in rest or "#" in rest or "@" in rest:
        raise bad("has more than HOST:PORT after the scheme")
    if rest.startswith("["):
        host, bracket, tail = rest[1:].partition("]")
        if not bracket or not tail.startswith(":"):
            raise bad("is missing the port" if bracket else "has an unclosed [IPv6] host")
        port_text = tail[1:]
        if not host or not all(c in "0123456789abcdefABCDEF:." for c in host):
            raise bad("has a bad [IPv6] host")
    else:
        host, colon, port_text = rest.rpartition(":")
        if not colon:
            host, port_text = rest, ""
        if not port_text and colon == "" and rest:
            raise bad("is missing the port")
        if not host:
            raise bad("is missing the host")
        labels = host.split(".")
        if len(host) > 253 or not all(label and len(label) <= 63 and label[0] != "-" and label[-1] != "-"
                                      and all(c.isalnum() or c == "-" for c in label) for label in labels):
            raise bad("has a bad host name")
    if not port_text:
        raise bad("is missing the port")
    if not (port_text.isdigit() and len(port_text) <= 5 and 1 <= int(port_text) <= 65535):
        raise bad(f"has the port {clip(port_text, 20)!r}; a port is 1..65535")
    return scheme, host, int(port_text)


def check_parallel(workers, scheduler):
    """Validate the ``workers``/``scheduler`` pair of a parallel route; returns it.

    >>> check_parallel(2, None)
    (2, None)
    """
    if workers is not None:
        workers = check_int("workers", workers, min_value=1, max_value=MAX_WORKERS)
    if scheduler is not None:
        is_client = not isinstance(scheduler, str) and all(hasattr(scheduler, a) for a in ("map", "scatter", "gather"))
        if not is_client:
            parse_scheduler_address(scheduler)
        if workers is not None:
            raise InvalidArgument("give workers (a local cluster) or scheduler (a running one), not both")
    return workers, scheduler


def wants_parallel(workers, scheduler):
    """Whether a call asked for Dask (after validating the pair).

    >>> wants_parallel(None, None), wants_parallel(1, None)
    (False, True)
    """
    workers, scheduler = check_parallel(workers, scheduler)
    return workers is not None or scheduler is not None


def _distributed():
    try:
        import distributed
    except ImportError:
        raise InvalidArgument("workers and scheduler need Dask: pip install 'exactorbit[dask]' "
                              "(dask and dask.distributed)") from None
    return distributed


def _realign(value, depth=0):
    """``value`` with every numpy array in it aligned (arrays unpickled on a worker may not be: numpy's
    gathers then take a slow path, 2-4x here).  Looks into tuples, lists, dicts and plain objects."""
    import numpy as np

    if isinstance(value, np.ndarray):
        return value if value.flags.aligned else value.copy()
    if depth > 4:
        return value
    if isinstance(value, tuple):
        return tuple(_realign(v, depth + 1) for v in value)
    if isinstance(value, list):
        return [_realign(v, depth + 1) for v in value]
    if isinstance(value, dict):
        return {k: _realign(v, depth + 1) for k, v in value.items()}
    if hasattr(value, "__dict__") and not isinstance(value, type):
        for key, item in list(vars(value).items()):
            fixed = _realign(item, depth + 1)
            if fixed is not item:
                object.__setattr__(value, key, fixed)
    return value


class _Box:
    """Shared data sent once to every worker (a plain object, so Dask does not split it)."""

    def __init__(self, value):
        self.value = value

    def __setstate__(self, state):  # on the worker, once: aligned arrays
        self.value = _realign(state["value"])


def _call(item, fn, box):
    return fn(item, box.value)


def _client(distributed, workers, scheduler):
    if scheduler is not None and not isinstance(scheduler, str):
        return scheduler  # the caller's own Client
    if scheduler is not None:
        return _connect(distributed, scheduler)
    import dask

    # Dask's workers trim freed memory past 64 KiB by default, so every big temporary array
    # is mapped afresh (page faults): our tasks allocate many; trim past 1 GiB instead
    with dask.config.set({"distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": 1 << 30}):
        cluster = distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                           dashboard_address=":0", silence_logs=logging.ERROR)
    return distributed.Client(cluster, set_as_default=False)


def _connect(distributed, address):
    """A Client of the scheduler at ``address``: its port must accept within CONNECT_TIMEOUT seconds, then
    Dask's handshake must end within HANDSHAKE_TIMEOUT; else one InvalidArgument, and no Client is left
    half-made (its ``__del__`` would print a traceback at exit)."""
    import gc
    import socket

    from ._validation import clip

    scheme, host, port = parse_scheduler_address(address)
    shown = repr(clip(address, 120))
    try:  # a plain TCP connection first: a refused or unreachable port fails here at once
        socket.create_connection((host, port), timeout=CONNECT_TIMEOUT).close()
    except OSError as exc:
        why = "timed out" if isinstance(exc, TimeoutError) else (exc.strerror or str(exc) or type(exc).__name__)
        raise InvalidArgument(f"could not reach the Dask scheduler at {shown}: {why}") from None
    full = address if "://" in address else f"tcp://{address}"
    # Dask's own connect timeout does not cover its handshake: a port that accepts but never speaks
    # (not a scheduler) would hold Client() for ever; so the Client is made in a helper thread
    import threading

    made = {}

    def make():
        try:
            made["client"] = distributed.Client(full, timeout=f"{HANDSHAKE_TIMEOUT}s", set_as_default=False)
        except BaseException as exc:  # noqa: BLE001 - handed to the caller below
            made["error"] = exc

    thread = threading.Thread(target=make, name="exactorbit-dask-connect", daemon=True)
    thread.start()
    thread.join(HANDSHAKE_TIMEOUT + 2)
    if "client" in made:
        return made["client"]
    if thread.is_alive():
        why = f"the port answered but no Dask scheduler spoke within {HANDSHAKE_TIMEOUT + 2} s"
    else:
        error = made.get("error")
        why = clip(" ".join(str(error).split()) or type(error).__name__, 200)
    # Dask's half-made Client closes itself in __del__, which waits 20 s and then prints a traceback
    _quiet_half_made_clients(distributed, full)
    gc.collect()
    raise InvalidArgument(f"could not reach the Dask scheduler at {shown}: {why}")


def _quiet_half_made_clients(distributed, address):
    """Mark our Dask Clients of ``address`` that never connected as closed, so their ``__del__`` neither
    waits 20 s nor prints a traceback at exit."""
    import gc

    for obj in gc.get_objects():
        try:
            if (isinstance(obj, distributed.Client) and getattr(obj, "_start_arg", None) == address
                    and getattr(obj, "status", None) != "running"):
                obj.status = "closed"
        except Exception:  # noqa: BLE001 - best effort
            pass


def map_tasks(fn, items, *, shared=None, workers=None, scheduler=None, progress=None, label="tasks",
              default_progress=False):
    """``[fn(item, shared) for item in items]``, here or on Dask; results in task order.

    ``fn`` must be a module-level function (workers import it by name).  ``shared``
    is sent once to each worker.  A progress bar counts finished tasks.

    >>> map_tasks(pow, [2, 3], shared=2)
    [4, 9]
    """
    items = list(items)
    if not wants_parallel(workers, scheduler):
        out = []
        with _progress_bar(len(items), label, show=progress, default=default_progress) as bar:
            for item in items:
                out.append(fn(item, shared))
                bar.update(1)
        return out
    distributed = _distributed()
    client = _client(distributed, workers, scheduler)
    try:
        box = client.scatter(_Box(shared), broadcast=True, hash=False)  # a fresh key: never a released one
        futures = client.map(_call, items, fn=fn, box=box, pure=False)
        with _progress_bar(len(items), f"{label} (dask)", show=progress, default=default_progress) as bar:
            for _ in distributed.as_completed(futures, loop=client.loop):
                bar.update(1)
        return client.gather(futures)
    finally:
        if client is not scheduler:  # a Client the caller passed stays open
            cluster = client.cluster if scheduler is None else None
            client.close()
            if cluster is not None:
                cluster.close()
