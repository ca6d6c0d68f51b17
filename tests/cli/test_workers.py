"""--workers and --scheduler (Dask) on the chunked enumerations: the same JSON as the serial run."""

import json

import pytest

from exactorbit.cli import main

pytest.importorskip("distributed", reason="--workers needs the extra exactorbit[dask]")


@pytest.mark.parametrize("argv", [
    ["orbits", "--grid", "4x4", "--group", "translations+dihedral", "--method", "enumerate", "--json"],
    ["networks", "--grid", "1x3", "--hidden", "2", "--tied", "--json"],
])
def test_workers_give_the_serial_answer(capsys, argv):
    assert main(argv) == 0
    serial = json.loads(capsys.readouterr().out)
    assert main(argv + ["--workers", "2"]) == 0
    parallel = json.loads(capsys.readouterr().out)
    assert parallel == serial


@pytest.mark.parametrize("extra,needle", [
    (["--workers", "0"], "workers must be >= 1"),
    (["--workers", "2", "--scheduler", "tcp://localhost:1"], "not allowed with argument"),
    (["--scheduler", ""], "scheduler must be"),
])
def test_bad_workers_one_line_exit_2(capsys, extra, needle):
    assert main(["orbits", "--grid", "2x2", "--method", "enumerate"] + extra) == 2
    err = capsys.readouterr().err
    assert needle in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


# issue 20, item 9: a bad --scheduler address is one line, quickly (was "internal error", a 9-line traceback
# from dask's Client.__del__, and 22 s).  Only loopback addresses are contacted.

BAD_ADDRESSES = [
    ("bogus", "missing the port"),
    ("tcp://", "missing the host"),
    ("inproc://x", "inproc"),
    ("file:///tmp/scheduler.json", "file"),
    ("tcp://127.0.0.1", "missing the port"),
    ("tcp://:8786", "missing the host"),
    ("tcp://127.0.0.1:0", "port"),
    ("tcp://127.0.0.1:65536", "port"),
    ("tcp://127.0.0.1:87x6", "port"),
    ("tcp://127.0.0.1:8786/path", "tcp://HOST:PORT"),
    ("http://127.0.0.1:8786", "http"),
    ("tcp://bad host:8786", "host"),
]


@pytest.mark.parametrize("address, needle", BAD_ADDRESSES)
def test_bad_scheduler_address_is_refused_before_any_connection(capsys, address, needle):
    import time

    start = time.perf_counter()
    assert main(["orbits", "--grid", "2x2", "--method", "enumerate", "--scheduler", address]) == 2
    err = capsys.readouterr().err
    assert time.perf_counter() - start < 2, "a connection was tried"
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("exactorbit: error: scheduler") and needle in lines[0], err
    assert "internal error" not in err


def _exactorbit(*argv, timeout=60):
    import subprocess
    import sys
    import time

    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "exactorbit", *argv], capture_output=True, text=True,
                          timeout=timeout)
    return proc, time.perf_counter() - start


@pytest.mark.parametrize("address", ["tcp://127.0.0.1:1", "tls://127.0.0.1:1", "127.0.0.1:1"])
def test_refused_connection_fails_fast_with_one_line(address):
    proc, elapsed = _exactorbit("orbits", "--grid", "2x2", "--method", "enumerate", "--scheduler", address)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.strip().splitlines() == [proc.stderr.strip()], proc.stderr   # no __del__ traceback after it
    assert "could not reach the Dask scheduler" in proc.stderr and "Connection refused" in proc.stderr
    assert elapsed < 10, elapsed   # the interpreter's start included; the connection itself is refused at once


def test_a_listener_that_is_no_scheduler_ends_in_one_line():
    """Something answers on the port but never speaks Dask: the short connect timeout, then one line."""
    import socket

    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(8)
        port = server.getsockname()[1]
        proc, elapsed = _exactorbit("networks", "--grid", "1x2", "--scheduler", f"tcp://127.0.0.1:{port}")
    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "could not reach the Dask scheduler" in lines[0], proc.stderr
    assert "Traceback" not in proc.stderr and "Exception ignored" not in proc.stderr
    assert elapsed < 20, elapsed
