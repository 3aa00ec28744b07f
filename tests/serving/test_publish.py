"""`ccw publish`: the serving file BI tools hold open while the warehouse is rebuilt."""

from __future__ import annotations

import json
import struct
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb
import pytest

from ccw.cli import EXIT_OK, EXIT_USAGE, main
from ccw.publish import publish


def warehouse(path: Path, version: int, interactions: int) -> Path:
    """A small warehouse: marts tables whose row counts and version tell publications apart."""
    with duckdb.connect(str(path)) as con:
        con.execute("create schema marts")
        con.execute("create schema staging")
        con.execute(
            "create table marts.fct_interactions as"
            f" select range as id, {version} as version from range({interactions})"
        )
        con.execute(
            "create table marts.fct_segments as"
            f" select range as id, {version} as version from range({2 * interactions})"
        )
        con.execute("create table staging.not_for_bi as select 1 as x")
    return path


def storage_version(path: Path) -> int:
    header = path.read_bytes()[:20]
    assert header[8:12] == b"DUCK"
    return int(struct.unpack("<Q", header[12:20])[0])


def test_only_the_marts_are_published_in_a_format_older_duckdb_reads(tmp_path: Path) -> None:
    source = warehouse(tmp_path / "warehouse.duckdb", version=1, interactions=10)
    serving = tmp_path / "serving.duckdb"

    assert main(["publish", "--db", str(source), "--serving", str(serving)]) == EXIT_OK

    with duckdb.connect(str(serving), read_only=True) as con:
        assert con.execute(
            "select table_schema, table_name from information_schema.tables order by 2"
        ).fetchall() == [("marts", "fct_interactions"), ("marts", "fct_segments")]
    # Storage format 64 is what DuckDB 0.10 to 1.x read; the warehouse itself is newer.
    assert storage_version(serving) == 64
    assert storage_version(source) > 64
    assert not [p.name for p in tmp_path.iterdir() if "publishing" in p.name]


def test_publishing_without_a_warehouse_says_what_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["publish", "--db", str(tmp_path / "missing.duckdb")]) == EXIT_USAGE
    assert "build the warehouse first" in capsys.readouterr().err


# A reader process: "hold" keeps one connection open and queries it; "reopen" opens a fresh
# connection for every query (a BI tool refreshing). Each reports the views it saw.
READER = textwrap.dedent(
    """
    import json, sys, time
    import duckdb

    serving, mode, seconds = sys.argv[1], sys.argv[2], float(sys.argv[3])
    query = (
        "select (select count(*) from marts.fct_interactions),"
        " (select count(*) from marts.fct_segments),"
        " (select min(version) from marts.fct_interactions),"
        " (select max(version) from marts.fct_segments)"
    )
    held = duckdb.connect(serving, read_only=True) if mode == "hold" else None
    print("ready", flush=True)
    seen, errors = set(), []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if held is not None:
                seen.add(held.execute(query).fetchone())
            else:
                with duckdb.connect(serving, read_only=True) as fresh:
                    seen.add(fresh.execute(query).fetchone())
        except Exception as exc:
            errors.append(repr(exc))
    print(json.dumps({"seen": sorted(seen), "errors": errors[:3]}))
    """
)


def start_reader(serving: Path, mode: str, seconds: float) -> subprocess.Popen[str]:
    reader = subprocess.Popen(
        [sys.executable, "-c", READER, str(serving), mode, str(seconds)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert reader.stdout is not None
    assert reader.stdout.readline().strip() == "ready"
    return reader


def finish(reader: subprocess.Popen[str]) -> dict[str, list[object]]:
    out, err = reader.communicate(timeout=60)
    assert reader.returncode == 0, err
    report: dict[str, list[object]] = json.loads(out)
    return report


def test_readers_never_error_or_see_a_mix_while_publishing(tmp_path: Path) -> None:
    old = warehouse(tmp_path / "old.duckdb", version=1, interactions=1000)
    new = warehouse(tmp_path / "new.duckdb", version=2, interactions=3000)
    serving = tmp_path / "serving.duckdb"
    publish(old, serving)
    holder = start_reader(serving, "hold", 4)
    reopener = start_reader(serving, "reopen", 4)

    publications = 0
    deadline = time.monotonic() + 3
    while time.monotonic() < deadline:
        publish(new if publications % 2 == 0 else old, serving)
        publications += 1
    held, reopened = finish(holder), finish(reopener)

    old_view, new_view = [1000, 2000, 1, 1], [3000, 6000, 2, 2]
    assert publications >= 4
    assert held["errors"] == [] and reopened["errors"] == []
    # The connection opened before the republishing kept its version throughout.
    assert held["seen"] == [old_view]
    # Fresh connections saw whole publications only, old and new, never a mix.
    assert sorted(reopened["seen"]) == [old_view, new_view]


def test_descriptions_from_the_manifest_become_comments_and_a_missing_one_is_said(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = warehouse(tmp_path / "warehouse.duckdb", version=1, interactions=3)
    target = tmp_path / "target"
    target.mkdir()
    serving = tmp_path / "serving.duckdb"
    arguments = ["publish", "--db", str(source), "--serving", str(serving)]
    assert main([*arguments, "--target", str(target)]) == EXIT_OK
    assert "without their descriptions" in capsys.readouterr().err
    manifest = {
        "nodes": {
            "model.ccw.fct_interactions": {
                "resource_type": "model",
                "schema": "marts",
                "name": "fct_interactions",
                "alias": "fct_interactions",
                "description": "One row per interaction; it's the grain.",
                "columns": {
                    "id": {"name": "id", "description": "The key."},
                    "not_built": {"name": "not_built", "description": "No such column."},
                },
            }
        }
    }
    (target / "manifest.json").write_text(json.dumps(manifest))
    assert main([*arguments, "--target", str(target)]) == EXIT_OK
    assert "1 table and 1 column descriptions as comments" in capsys.readouterr().out
    with duckdb.connect(str(serving), read_only=True) as con:
        assert con.execute(
            "select table_name, comment from duckdb_tables() order by 1"
        ).fetchall() == [
            ("fct_interactions", "One row per interaction; it's the grain."),
            ("fct_segments", None),
        ]
        assert con.execute(
            "select column_name, comment from duckdb_columns()"
            " where table_name = 'fct_interactions' and comment is not null"
        ).fetchall() == [("id", "The key.")]
