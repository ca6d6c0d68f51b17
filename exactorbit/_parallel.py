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

__all__ = ["check_parallel", "wants_parallel", "map_tasks"]

#: Most local worker processes one call may start.
MAX_WORKERS = 256


def check_parallel(workers, scheduler):
    """Validate the ``workers``/``scheduler`` pair of a parallel route; returns it.

    >>> check_parallel(2, None)
    (2, None)
    """
    if workers is not None:
        workers = check_int("workers", workers, min_value=1, max_value=MAX_WORKERS)
    if scheduler is not None:
        is_client = not isinstance(scheduler, str) and all(hasattr(scheduler, a) for a in ("map", "scatter", "gather"))
        if not is_client and (not isinstance(scheduler, str) or not scheduler.strip() or len(scheduler) > 500):
            raise InvalidArgument(f"scheduler must be a Dask scheduler address such as 'tcp://host:8786' "
                                  f"or a dask.distributed.Client, got {describe(scheduler)}")
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
        try:
            return distributed.Client(scheduler, timeout="10s", set_as_default=False)
        except (OSError, TimeoutError) as exc:
            raise InvalidArgument(f"could not reach the Dask scheduler at {scheduler!r}: {exc}") from None
    import dask

    # Dask's workers trim freed memory past 64 KiB by default, so every big temporary array
    # is mapped afresh (page faults): our tasks allocate many; trim past 1 GiB instead
    with dask.config.set({"distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": 1 << 30}):
        cluster = distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                           dashboard_address=":0", silence_logs=logging.ERROR)
    return distributed.Client(cluster, set_as_default=False)


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
