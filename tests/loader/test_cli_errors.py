"""Every command error is one line that says what and what to do, with the documented exit code:
never a traceback, and never a second, empty warehouse made by a mistyped path.

The commands run as a user runs them (the `ccw` and `dbt` executables), so what is checked is
exactly what a terminal shows.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.e2e.warehouse import BIN, PROJECT, Warehouse

EXIT_USAGE = 2
SAMPLE = PROJECT / "sample_data" / "cxengage"


def ccw(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [BIN / "ccw", *map(str, args)], capture_output=True, text=True, check=False, cwd=cwd
    )


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    """A working directory with a dbt manifest in target/, so that `ccw lineage` gets as far as
    opening the warehouse."""
    work = tmp_path / "work"
    (work / "target").mkdir(parents=True)
    (work / "target" / "manifest.json").write_text(json.dumps({"nodes": {}}))
    return work


def assert_one_line_error(done: subprocess.CompletedProcess[str], *expected: str) -> str:
    """The command failed with exit 2 and a last stderr line holding `expected`; no traceback."""
    assert done.returncode == EXIT_USAGE, (done.returncode, done.stdout, done.stderr)
    assert "Traceback" not in done.stderr + done.stdout
    last = done.stderr.strip().splitlines()[-1]
    for text in expected:
        assert text in last, (text, done.stderr)
    return last


@pytest.fixture
def loaded(tmp_path: Path) -> Path:
    db = tmp_path / "warehouse.duckdb"
    done = ccw("load", "cxengage", SAMPLE, "--db", db)
    assert done.returncode == 0, done.stderr
    assert f"creating new warehouse at {db}" in done.stderr
    return db


def test_load_creates_a_warehouse_and_says_so_only_the_first_time(loaded: Path) -> None:
    again = ccw("load", "cxengage", SAMPLE, "--db", loaded)
    assert again.returncode == 0 and "creating new warehouse" not in again.stderr


def test_load_into_a_folder_that_does_not_exist(tmp_path: Path) -> None:
    db = tmp_path / "no" / "such" / "dir" / "w.duckdb"
    done = ccw("load", "cxengage", SAMPLE, "--db", db)
    assert_one_line_error(done, f"the folder {db.parent} does not exist", "create it first")
    assert not db.parent.exists()


@pytest.mark.parametrize(
    "command",
    [["status"], ["unload", "--batch", "12345678"], ["publish"], ["lineage"]],
    ids=lambda command: command[0],
)
def test_commands_other_than_load_refuse_a_warehouse_that_does_not_exist(
    command: list[str], workdir: Path
) -> None:
    typo = workdir / "wareh0use.duckdb"
    done = ccw(*command, "--db", typo, cwd=workdir)
    assert_one_line_error(done, str(typo), "does not exist" if command == ["publish"] else "no ")
    assert sorted(p.name for p in workdir.iterdir()) == ["target"]


@pytest.mark.parametrize(
    "command",
    [
        ["load", "cxengage", str(SAMPLE)],
        ["status"],
        ["unload", "--batch", "12345678"],
        ["publish"],
        ["lineage"],
    ],
    ids=lambda command: command[0],
)
def test_a_folder_or_a_file_that_is_not_a_warehouse(command: list[str], workdir: Path) -> None:
    assert_one_line_error(ccw(*command, "--db", workdir, cwd=workdir), "is a directory")
    not_duckdb = workdir / "notes.duckdb"
    not_duckdb.write_text("these are my notes, not a warehouse\n" * 100)
    done = ccw(*command, "--db", not_duckdb, cwd=workdir)
    assert_one_line_error(done, "is not a DuckDB warehouse file")
    assert not_duckdb.read_text().startswith("these are my notes")


@pytest.fixture
def held(loaded: Path) -> Iterator[Path]:
    """The warehouse, held open for writing by another process (a notebook, say)."""
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                f"""
                import sys, duckdb
                con = duckdb.connect({str(loaded)!r})
                print("ready", flush=True)
                sys.stdin.readline()
                """
            ),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "ready"
    yield loaded
    holder.communicate("\n", timeout=30)


@pytest.mark.parametrize(
    "command",
    [
        ["load", "cxengage", str(SAMPLE)],
        ["status"],
        ["status", "--json"],
        ["unload", "--batch", "12345678"],
        ["publish"],
        ["lineage"],
    ],
    ids=lambda command: " ".join(command[:2]),
)
def test_a_warehouse_held_by_another_process(command: list[str], held: Path, workdir: Path) -> None:
    done = ccw(*command, "--db", held, cwd=workdir)

    last = assert_one_line_error(done, f"{held} is open in another process", "retry")
    assert "PID" in last


@pytest.mark.dbt
def test_dbt_build_on_a_held_or_missing_warehouse_says_so_in_one_line(
    held: Path, tmp_path: Path
) -> None:
    warehouse = Warehouse(tmp_path)
    assert warehouse.db == held

    done = warehouse.dbt("build")
    assert done.returncode == EXIT_USAGE
    assert "Traceback" not in done.stdout + done.stderr
    assert f"{held} is open in another process" in done.stdout

    missing = Warehouse(tmp_path / "elsewhere")
    missing.work.mkdir()
    done = missing.dbt("build")
    assert done.returncode == EXIT_USAGE
    assert "Traceback" not in done.stdout + done.stderr
    assert f"no warehouse at {missing.db}" in done.stdout
    assert not missing.db.exists()


def test_a_missing_input_path_is_one_line(loaded: Path, tmp_path: Path) -> None:
    done = ccw("load", "cxengage", tmp_path / "nowhere", "--db", loaded)
    assert_one_line_error(done, "nowhere: no such file or directory")
