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
