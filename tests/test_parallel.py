"""The parallel routes (exactorbit._parallel on a dask.distributed LocalCluster of 2 workers)
give byte-identical answers to the serial routes."""

import numpy as np
import pytest

from exactorbit.errors import InvalidArgument
from exactorbit._parallel import check_parallel, map_tasks, wants_parallel
from exactorbit.groups import named_group
from exactorbit.networks import NetworkFamily
from exactorbit.networks.distinct import count_distinct_functions, enumerate_functions, function_keys
from exactorbit.orbits import decompose
from exactorbit.orbits._enumerate import enumerate_orbits, orbit_labels

distributed = pytest.importorskip("distributed", reason="the parallel routes need the extra exactorbit[dask]")


@pytest.fixture(scope="module")
def client():
    """One LocalCluster of 2 single-threaded worker processes for the module."""

    from exactorbit._parallel import _client

    c = _client(distributed, 2, None)  # the LocalCluster that workers=2 starts
    cluster = c.cluster
    yield c
    c.close()
    cluster.close()


def _add(item, shared):
    return item + shared


def test_map_tasks_keeps_task_order(client):
    items = list(range(40))
    assert map_tasks(_add, items, shared=5, scheduler=client) == [i + 5 for i in items]
    assert map_tasks(_add, items, shared=5) == [i + 5 for i in items]


GROUPS = [("translations", "1x1"), ("translations", "2x2"), ("translations+dihedral", "3x3"),
          ("translations+reflections", "4x5"), ("rotations", "3x4"), ("symmetric", "2x3")]


@pytest.mark.parametrize("spec,grid", GROUPS)
def test_orbit_labels_and_counts_equal_serial(client, spec, grid):
    G = named_group(spec, grid)
    serial = orbit_labels(G)
    parallel = orbit_labels(G, scheduler=client)
    assert serial.dtype == parallel.dtype and np.array_equal(serial, parallel)
    for weight in (None, G.n // 2):
        for labels in (False, True):
            a = enumerate_orbits(G, weight, labels=labels)
            b = enumerate_orbits(G, weight, labels=labels, scheduler=client)
            assert (a.orbit_sizes, a.minimal_orbit_features, a.smallest_nonconstant_orbit_size) == \
                   (b.orbit_sizes, b.minimal_orbit_features, b.smallest_nonconstant_orbit_size)


def test_decompose_front_door_passes_workers_on(client):
    G = named_group("translations+dihedral", "4x4")
    a = decompose(G, method="enumerate")
    b = decompose(G, method="enumerate", scheduler=client)
    assert a.orbit_sizes == b.orbit_sizes and b.method == "enumerate"


FAMILIES = [NetworkFamily("1x2", 2, tied=False), NetworkFamily("1x2", 2, tied=True),
            NetworkFamily("2x2", 1, tied=True), NetworkFamily("1x3", 2, tied=True)]


@pytest.mark.parametrize("fam", FAMILIES, ids=lambda f: f.describe())
def test_distinct_functions_equal_serial(client, fam):
    keys, counts = function_keys(fam)
    pkeys, pcounts = function_keys(fam, scheduler=client)
    assert keys.tobytes() == pkeys.tobytes() and counts.tobytes() == pcounts.tobytes()
    assert count_distinct_functions(fam, scheduler=client) == len(keys)
    listed = enumerate_functions(fam, scheduler=client)
    assert [(t.tolist(), m) for t, m in listed] == [(t.tolist(), m) for t, m in enumerate_functions(fam)]


def test_a_local_cluster_of_two_workers_runs():
    """workers=2 starts and closes its own LocalCluster (as `--workers 2` does)."""
    G = named_group("translations", "3x3")
    assert np.array_equal(orbit_labels(G, workers=2), orbit_labels(G))


@pytest.mark.parametrize("workers,scheduler,message", [
    (0, None, "workers must be >= 1"),
    (1.5, None, "workers must be an int"),
    (None, "", "scheduler must be"),
    (None, 7, "scheduler must be"),
    (2, "tcp://localhost:1", "not both"),
])
def test_bad_parallel_arguments_name_the_argument(workers, scheduler, message):
    with pytest.raises(InvalidArgument, match=message):
        check_parallel(workers, scheduler)
    with pytest.raises(InvalidArgument, match=message):
        orbit_labels(named_group("translations", "2x2"), workers=workers, scheduler=scheduler)


def test_serial_when_neither_is_given():
    assert not wants_parallel(None, None)


def test_routes_that_do_not_scale_out_say_so():
    fam = NetworkFamily("1x5", 1, tied=False)  # more than 4 pixels: the dictionary route
    with pytest.raises(InvalidArgument, match="packed_keys"):
        enumerate_functions(fam, workers=2)


@pytest.mark.parametrize("address", ["bogus", "tcp://", "inproc://x", "file:///tmp/x", "tcp://127.0.0.1:0",
                                     " tcp://127.0.0.1:8786"])
def test_bad_scheduler_addresses_are_exactorbit_errors_at_every_door(address):
    """Issue 20, item 9: ValueError from dask (after 20 s) before; InvalidArgument at once now."""
    from exactorbit.errors import ExactOrbitError

    G = named_group("translations", "2x2")
    fam = NetworkFamily("1x2", 1, tied=True)
    for call in (lambda: decompose(G, method="enumerate", scheduler=address),
                 lambda: enumerate_functions(fam, scheduler=address),
                 lambda: count_distinct_functions(fam, scheduler=address),
                 lambda: orbit_labels(G, scheduler=address)):
        with pytest.raises(ExactOrbitError, match="scheduler"):
            call()


@pytest.mark.parametrize("address, parsed", [
    ("tcp://127.0.0.1:8786", ("tcp", "127.0.0.1", 8786)),
    ("127.0.0.1:8786", ("tcp", "127.0.0.1", 8786)),
    ("tls://scheduler.example.org:443", ("tls", "scheduler.example.org", 443)),
    ("tcp://[::1]:8786", ("tcp", "::1", 8786)),
    ("ws://localhost:8786", ("ws", "localhost", 8786)),
])
def test_scheduler_address_grammar(address, parsed):
    from exactorbit._parallel import parse_scheduler_address

    assert parse_scheduler_address(address) == parsed


def test_refused_scheduler_is_one_exactorbit_error_quickly():
    import time

    start = time.perf_counter()
    with pytest.raises(InvalidArgument, match="could not reach the Dask scheduler at 'tcp://127.0.0.1:1'"):
        orbit_labels(named_group("translations", "2x2"), scheduler="tcp://127.0.0.1:1")
    assert time.perf_counter() - start < 5


def test_a_running_scheduler_by_its_address(client):
    """The address grammar and the connection probe let a real (loopback) scheduler through."""
    address = client.scheduler.address
    assert address.startswith("tcp://127.0.0.1:")
    assert map_tasks(_add, [1, 2, 3], shared=1, scheduler=address) == [2, 3, 4]
