"""Loading NICE CXone Interaction Analytics export files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.queries import query

from ccw.cli import EXIT_OK, EXIT_REJECTED, main

RAW = "raw.nice_cxone__segments"


def segment(segment_id: str, **extra: object) -> dict[str, object]:
    return {"externalId": segment_id, "masterExternalId": "m-1", "versionId": 1, **extra}


def load(*args: object) -> int:
    return main(["load", "nice_cxone", *map(str, args)])


def test_an_export_list_lands_one_row_per_segment_record(tmp_path: Path) -> None:
    db = tmp_path / "warehouse.duckdb"
    export = tmp_path / "export.json"
    records = [segment("s-2"), segment("s-1", channels=[{"name": "CLIENT"}]), segment("s-2")]
    export.write_text(json.dumps(records, indent=2))

    assert load(export, "--db", db) == EXIT_OK

    assert query(db, f"select _record_index, record ->> 'externalId' from {RAW} order by 1") == [
        (0, "s-2"),
        (1, "s-1"),
        (2, "s-2"),
    ]
    # Verbatim: nested structures survive as JSON.
    assert query(db, f"select record -> '$.channels[0].name' from {RAW} where _record_index = 1")
    assert query(
        db, "select entity, status, record_count from raw._load_files where status = 'loaded'"
    ) == [("segments", "loaded", 3)]


def test_a_record_without_external_id_is_landed_for_staging_to_quarantine(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "warehouse.duckdb"
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.json").write_text(json.dumps([segment("s-1")]))
    (tmp_path / "in" / "partly.json").write_text(
        json.dumps([segment("s-2"), {"masterExternalId": "m-2"}])
    )
    # A whole-file object is not the export's shape: none of its keys is an export record's.
    (tmp_path / "in" / "wrapped.json").write_text(json.dumps({"records": [segment("s-3")]}))

    assert load(tmp_path / "in", "--db", db) == EXIT_REJECTED

    out = capsys.readouterr().out
    rejected = [line for line in out.splitlines() if line.startswith("REJECTED")]
    assert len(rejected) == 1 and "wrapped.json" in rejected[0] and "externalId" in rejected[0]
    # The record without externalId lands beside the good one; the loader says staging will
    # quarantine it, naming the file and the record.
    note = next(line for line in out.splitlines() if line.startswith("NOTE"))
    assert "partly.json" in note and "1 of 2 records lack externalId" in note
    assert "record 1" in note and "staging.quarantined_records" in note
    assert query(
        db, f"select record ->> 'externalId' from {RAW} order by _file_path, _record_index"
    ) == [
        ("s-1",),
        ("s-2",),
        (None,),
    ]


def test_an_empty_export_loads_with_no_records(tmp_path: Path) -> None:
    db = tmp_path / "warehouse.duckdb"
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "quiet-night.json").write_text("[\n]\n")
    (tmp_path / "in" / "blank.json").write_text("  \n")

    assert load(tmp_path / "in", "--db", db) == EXIT_REJECTED

    assert query(
        db,
        "select regexp_extract(file_path, '[^/]+$'), status, entity, record_count"
        " from raw._load_files order by 1",
    ) == [
        ("blank.json", "rejected", None, 0),
        ("quiet-night.json", "loaded", "segments", 0),
    ]
