"""`ccw unload`: a batch (or a file) taken back in one transaction, so it can be loaded again."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import duckdb
import pytest
from tests.queries import query

from ccw.cli import EXIT_OK, EXIT_USAGE, main
from ccw.landing import connect
from ccw.unload import unload
from ccw.vendors import VENDORS

RAW = "raw.cxengage__interactions"


def write_interactions(path: Path, *ids: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps([{"interactionId": i, "channelType": "voice"} for i in ids]))
    return path


def batch_of(out: str) -> str:
    match = re.search(r"batch ([0-9a-f-]{36})", out)
    assert match, out
    return match.group(1)


@pytest.fixture
def loaded(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, str, str, Path]:
    """A warehouse with two CxEngage batches: the first of two files, the second of one."""
    db = tmp_path / "w.duckdb"
    first = tmp_path / "first"
    write_interactions(first / "a.json", "i-1", "i-2")
    write_interactions(first / "b.json", "i-3")
    second = write_interactions(tmp_path / "second" / "c.json", "i-4")
    assert main(["load", "cxengage", str(first), "--db", str(db)]) == EXIT_OK
    first_batch = batch_of(capsys.readouterr().out)
    assert main(["load", "cxengage", str(second), "--db", str(db)]) == EXIT_OK
    second_batch = batch_of(capsys.readouterr().out)
    return db, first_batch, second_batch, first


def ids(db: Path) -> list[str]:
    return [
        str(r[0]) for r in query(db, f"select record ->> 'interactionId' from {RAW} order by 1")
    ]


def test_a_batch_is_taken_back_and_its_files_load_again(
    loaded: tuple[Path, str, str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    db, first_batch, second_batch, first = loaded

    # the first 8 characters, as `ccw status` shows them, are enough
    assert main(["unload", "--batch", first_batch[:8], "--db", str(db)]) == EXIT_OK

    out = capsys.readouterr().out
    assert f"unloaded batch {first_batch}" in out and "2 files, 3 records deleted" in out
    assert ids(db) == ["i-4"]
    assert query(
        db,
        f"select batch_id = '{first_batch}', status, unloaded_at is not null"
        " from raw._load_files order by 1, 2",
    ) == [(False, "loaded", False), (True, "unloaded", True), (True, "unloaded", True)]

    # the same files are new again: loaded, not skipped
    assert main(["load", "cxengage", str(first), "--db", str(db)]) == EXIT_OK
    assert "2 files loaded (3 records), 0 skipped" in capsys.readouterr().out
    assert ids(db) == ["i-1", "i-2", "i-3", "i-4"]
    assert second_batch != first_batch


def test_one_file_is_taken_back_by_its_path_or_by_its_content(
    loaded: tuple[Path, str, str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, _, _, first = loaded

    assert main(["unload", "--file", str(first / "b.json"), "--db", str(db)]) == EXIT_OK
    assert ids(db) == ["i-1", "i-2", "i-4"]

    # a copy elsewhere, never loaded by that name, names the loaded content
    copy = tmp_path / "elsewhere" / "copy-of-a.json"
    copy.parent.mkdir()
    shutil.copy(first / "a.json", copy)
    assert main(["unload", "--file", str(copy), "--db", str(db)]) == EXIT_OK
    assert ids(db) == ["i-4"]
    assert "1 file, 2 records deleted" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--batch", "0000"], "too short"),
        (["--batch", "00000000-0000"], "no load batch 00000000-0000"),
        (["--file", "/no/such/export.json"], "was never loaded into this warehouse"),
    ],
)
def test_what_matches_nothing_is_refused_and_nothing_changes(
    loaded: tuple[Path, str, str, Path],
    args: list[str],
    message: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db = loaded[0]
    before = query(db, "select * from raw._load_files order by all")

    assert main(["unload", *args, "--db", str(db)]) == EXIT_USAGE

    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1
    assert ids(db) == ["i-1", "i-2", "i-3", "i-4"]
    assert query(db, "select * from raw._load_files order by all") == before


def test_unloading_twice_says_so_and_a_batch_that_loaded_nothing_is_refused(
    loaded: tuple[Path, str, str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    db, first_batch, _, first = loaded
    assert main(["unload", "--batch", first_batch, "--db", str(db)]) == EXIT_OK
    capsys.readouterr()

    assert main(["unload", "--batch", first_batch, "--db", str(db)]) == EXIT_OK
    assert "already unloaded" in capsys.readouterr().out

    # a load of content already loaded skips every file: its batch loaded nothing
    assert main(["load", "cxengage", str(first), "--db", str(db)]) == EXIT_OK
    assert main(["load", "cxengage", str(first), "--db", str(db)]) == EXIT_OK
    skipping_batch = batch_of(capsys.readouterr().out.splitlines()[-1])
    assert main(["unload", "--batch", skipping_batch, "--db", str(db)]) == EXIT_USAGE
    assert "loaded no file" in capsys.readouterr().err


class FailingUpdate:
    """A connection that fails on the manifest update, after the raw rows were deleted."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con

    def execute(self, sql: str, *args: Any) -> duckdb.DuckDBPyConnection:
        if sql.strip().startswith("update"):
            raise duckdb.IOException("disk full (simulated)")
        return self.con.execute(sql, *args)


def test_an_unload_that_fails_half_way_changes_nothing(
    loaded: tuple[Path, str, str, Path],
) -> None:
    db, first_batch, _, _ = loaded
    before = query(db, "select * from raw._load_files order by all")

    con = connect(db)
    try:
        with pytest.raises(duckdb.IOException, match="simulated"):
            unload(FailingUpdate(con), VENDORS, batch=first_batch)  # type: ignore[arg-type]
    finally:
        con.close()

    assert ids(db) == ["i-1", "i-2", "i-3", "i-4"]
    assert query(db, "select * from raw._load_files order by all") == before
