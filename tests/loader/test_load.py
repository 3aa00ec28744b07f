"""The loader against real files and a real DuckDB warehouse."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import duckdb
import pytest
from tests.queries import EARLIER_MANIFEST_DDL, query

from ccw.cli import EXIT_OK, EXIT_REJECTED, EXIT_USAGE, main
from ccw.files import fingerprint
from ccw.landing import connect

RAW = "raw.cxengage__interactions"


def interaction(interaction_id: str, **extra: object) -> dict[str, object]:
    return {"interactionId": interaction_id, "channelType": "voice", **extra}


def write_json(path: Path, value: object) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(value), encoding="utf-8")
    return path


def load(*args: object) -> int:
    return main(["load", "cxengage", *map(str, args)])


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "warehouse.duckdb"


@pytest.fixture
def good_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "exports"
    write_json(folder / "one.json", interaction("i-1", ivrTime=1.5))
    write_json(folder / "day" / "array.json", [interaction("i-2"), interaction("i-3")])
    (folder / "day" / "lines.jsonl").write_text(
        json.dumps(interaction("i-4")) + "\n" + json.dumps(interaction("i-5")) + "\n"
    )
    with gzip.open(folder / "zipped.json.gz", "wt", encoding="utf-8") as handle:
        json.dump(interaction("i-6"), handle)
    (folder / "notes.txt").write_text("not an export")
    return folder


def test_each_record_lands_verbatim_with_its_position(good_dir: Path, db: Path) -> None:
    assert load(good_dir, "--db", db) == EXIT_OK

    rows = query(
        db,
        f"select record ->> 'interactionId', _record_index, _file_path from {RAW} order by 1",
    )
    assert [(r[0], r[1]) for r in rows] == [
        ("i-1", 0),
        ("i-2", 0),
        ("i-3", 1),
        ("i-4", 0),
        ("i-5", 1),
        ("i-6", 0),
    ]
    assert rows[1][2].endswith("day/array.json")
    (record,) = query(db, f"select record from {RAW} where record ->> 'interactionId' = 'i-1'")[0]
    assert json.loads(record) == interaction("i-1", ivrTime=1.5)
    manifest = query(
        db, "select status, count(*), sum(record_count) from raw._load_files group by status"
    )
    assert manifest == [("loaded", 4, 6)]


def test_loading_the_same_folder_twice_adds_nothing(
    good_dir: Path, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert load(good_dir, "--db", db) == EXIT_OK
    first = query(db, f"select count(*) from {RAW}")
    capsys.readouterr()

    assert load(good_dir, "--db", db) == EXIT_OK

    assert query(db, f"select count(*) from {RAW}") == first
    statuses = query(
        db,
        "select status, count(*) from raw._load_files group by status order by status",
    )
    assert statuses == [("loaded", 4), ("skipped", 4)]
    assert "0 files loaded (0 records), 4 skipped" in capsys.readouterr().out


def test_the_same_content_under_another_name_is_skipped(tmp_path: Path, db: Path) -> None:
    first = write_json(tmp_path / "a" / "x.json", interaction("i-1"))
    second = tmp_path / "b" / "copy-of-x.json"
    second.parent.mkdir()
    second.write_bytes(first.read_bytes())

    assert load(first.parent, second.parent, "--db", db) == EXIT_OK

    assert query(db, f"select count(*) from {RAW}") == [(1,)]
    (reason,) = query(db, "select reason from raw._load_files where status = 'skipped'")[0]
    assert "x.json" in reason


BAD_FILES: dict[str, tuple[bytes, str]] = {
    "empty.json": (b"", "empty (0 bytes)"),
    "blank.json": (b"  \n\t\n", "no JSON value"),
    "empty-array.json": (b"[]", "no JSON value"),
    "not-json.json": (b"interactionId,channel\ni-9,voice\n", "not valid JSON"),
    "truncated.json": (b'{"interactionId": "i-9", "segments": [', "looks truncated"),
    # cut off right after a complete element: the JSON reader alone would take the first record
    "truncated-array.json": (b'[{"interactionId": "i-8"},\n', "looks truncated"),
    "latin1.json": ('{"interactionId": "i-9", "customer": "Jos\xe9"}'.encode("latin-1"), "UTF-8"),
    "wrong-vendor.json": (
        b'{"numResults": 1, "data": []}',
        "looks like a Kore.ai SmartAssist interactionDetails response, not a CxEngage interaction",
    ),
    "no-vendor.json": (b'{"report": "daily", "rows": []}', "carries none of the keys"),
    "scalars.json": (b'[{"interactionId": "i-9"}, 42]', "not JSON objects"),
    "fake.json.gz": (b'{"interactionId": "i-9"}', "not gzip"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_a_bad_file_is_rejected_by_name_and_the_good_one_still_loads(
    name: str, tmp_path: Path, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content, expected_reason = BAD_FILES[name]
    folder = tmp_path / "exports"
    write_json(folder / "good.json", interaction("i-1"))
    bad = folder / name
    bad.write_bytes(content)

    assert load(folder, "--db", db) == EXIT_REJECTED

    out = capsys.readouterr().out
    rejected_line = next(line for line in out.splitlines() if line.startswith("REJECTED"))
    assert str(bad.resolve()) in rejected_line
    assert expected_reason in rejected_line
    assert query(db, f"select record ->> 'interactionId' from {RAW}") == [("i-1",)]
    manifest = query(db, "select file_path, status, reason from raw._load_files order by 1")
    assert [(Path(p).name, s) for p, s, _ in manifest] == sorted(
        [("good.json", "loaded"), (name, "rejected")]
    )
    assert expected_reason in next(r for _, s, r in manifest if s == "rejected")


READER_FORMATS: dict[str, tuple[bytes, str]] = {
    "array.json": (b'\n  [{"interactionId": "i-1"}]', "array"),
    "bom-array.json": ('\ufeff[{"interactionId": "i-1"}]'.encode(), "array"),
    "object.json": (b'{"interactionId": "i-1"}', "unstructured"),
    "lines.json": (b'{"interactionId": "i-1"}\n{"interactionId": "i-2"}\n', "unstructured"),
    "lines.jsonl": (b'{"interactionId": "i-1"}\n', "newline_delimited"),
    "array.json.gz": (gzip.compress(b'[{"interactionId": "i-1"}]'), "array"),
}


@pytest.mark.parametrize("name", sorted(READER_FORMATS))
def test_the_reader_format_follows_the_content(name: str, tmp_path: Path) -> None:
    content, expected = READER_FORMATS[name]
    path = tmp_path / name
    path.write_bytes(content)

    assert fingerprint(path).reader_format == expected


def test_a_file_named_on_the_command_line_with_another_ending_is_rejected(
    tmp_path: Path, db: Path
) -> None:
    odd = tmp_path / "export.csv"
    odd.write_text("a,b\n")

    assert load(odd, "--db", db) == EXIT_REJECTED

    assert query(db, "select status, reason from raw._load_files") == [
        (
            "rejected",
            "not a .json, .jsonl or .ndjson file (optionally .gz): rename it or convert it",
        )
    ]


@pytest.mark.parametrize(
    "lines",
    [
        [json.dumps(interaction("i-1")), "42"],
        [json.dumps(interaction("i-1")), '{"interactionId": "i-2", '],
    ],
    ids=["record-not-an-object", "broken-line"],
)
def test_a_file_lands_all_its_records_or_none(lines: list[str], tmp_path: Path, db: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines) + "\n")

    assert load(path, "--db", db) == EXIT_REJECTED

    assert query(db, f"select count(*) from {RAW}") == [(0,)]
    assert query(db, "select status from raw._load_files") == [("rejected",)]


def test_records_without_the_key_are_landed_with_a_note_for_staging_to_quarantine(
    tmp_path: Path, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "mixed.jsonl"
    lines = [interaction("i-1"), {"interactionId": None, "channelType": "voice"}, {"no": "id"}]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))

    assert load(path, "--db", db) == EXIT_OK

    out = capsys.readouterr().out
    assert f"NOTE {path.resolve()}: 2 of 3 records lack interactionId (first: record 1)" in out
    assert query(db, f"select count(*) from {RAW}") == [(3,)]
    assert query(db, "select status, record_count from raw._load_files") == [("loaded", 3)]


def test_record_positions_follow_the_file_across_a_large_array(tmp_path: Path, db: Path) -> None:
    records = [interaction(f"i-{n}", n=n) for n in range(5000)]
    path = write_json(tmp_path / "big.json", records)

    assert load(path, "--db", db) == EXIT_OK

    mismatched = query(
        db, f"select count(*) from {RAW} where cast(record ->> 'n' as bigint) <> _record_index"
    )
    assert mismatched == [(0,)]
    assert query(db, f"select count(*) from {RAW}") == [(5000,)]


def test_every_vendor_table_exists_after_any_load(good_dir: Path, db: Path) -> None:
    assert load(good_dir, "--db", db) == EXIT_OK

    tables = query(
        db,
        "select table_name from information_schema.tables where table_schema = 'raw' order by 1",
    )
    assert ("_load_files",) in tables
    assert ("cxengage__interactions",) in tables


def test_the_warehouse_path_defaults_to_the_environment(
    good_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "from-env.duckdb"
    monkeypatch.setenv("WAREHOUSE_PATH", str(target))

    assert load(good_dir) == EXIT_OK

    assert query(target, f"select count(*) from {RAW}") == [(6,)]


def test_a_missing_path_stops_before_touching_the_warehouse(
    tmp_path: Path, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert load(tmp_path / "nowhere", "--db", db) == EXIT_USAGE

    assert "nowhere: no such file or directory" in capsys.readouterr().err
    assert not db.exists()


def test_a_time_zone_is_refused_for_an_export_that_carries_offsets(
    good_dir: Path, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert load(good_dir, "--db", db, "--assume-timezone", "+05:30") == EXIT_USAGE

    assert "does not apply" in capsys.readouterr().err


def test_a_malformed_time_zone_is_refused(good_dir: Path, db: Path) -> None:
    with pytest.raises(SystemExit) as exit_info:
        load(good_dir, "--db", db, "--assume-timezone", "IST")
    assert exit_info.value.code == EXIT_USAGE


def test_a_warehouse_held_by_another_process_is_reported_not_corrupted(
    good_dir: Path, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    holder_code = textwrap.dedent(
        f"""
        import sys, time, duckdb
        con = duckdb.connect({str(db)!r})
        print("ready", flush=True)
        sys.stdin.readline()
        """
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", holder_code],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "ready"

        assert load(good_dir, "--db", db) == EXIT_USAGE

        assert "open in another process" in capsys.readouterr().err
    finally:
        holder.communicate("\n", timeout=30)
    assert load(good_dir, "--db", db) == EXIT_OK
    assert query(db, f"select count(*) from {RAW}") == [(6,)]


def test_long_runs_report_progress_on_stderr(
    good_dir: Path, db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("ccw.cli.PROGRESS_EVERY_SECONDS", 0.0)

    assert load(good_dir, "--db", db) == EXIT_OK

    captured = capsys.readouterr()
    progress = [line for line in captured.err.splitlines() if "/4 files" in line]
    assert progress[-1].startswith("  4/4 files, 6 records")
    assert "/4 files" not in captured.out


def test_the_loader_writes_with_zstd_compression(db: Path) -> None:
    con = connect(db)
    try:
        setting = con.execute(
            "select value from duckdb_settings() where name = 'force_compression'"
        ).fetchall()
    finally:
        con.close()
    assert setting == [("zstd",)]


def test_a_rejected_file_whose_content_has_not_changed_is_reported_as_still_rejected(
    tmp_path: Path, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "exports"
    write_json(folder / "good.json", interaction("i-1"))
    bad = folder / "bad.json"
    bad.write_text('{"interactionId": "i-2", ')
    assert load(folder, "--db", db) == EXIT_REJECTED
    capsys.readouterr()

    assert load(folder, "--db", db) == EXIT_REJECTED

    out = capsys.readouterr().out
    assert not [line for line in out.splitlines() if line.startswith("REJECTED")]
    still = [line for line in out.splitlines() if line.startswith("STILL REJECTED")]
    assert len(still) == 1 and str(bad.resolve()) in still[0] and "not valid JSON" in still[0]
    assert "unchanged since rejected on" in still[0]
    assert "0 rejected, 1 still rejected" in out and "1 skipped as already loaded" in out
    # reported, not logged again as new work
    assert query(db, "select status, count(*) from raw._load_files group by 1 order by 1") == [
        ("loaded", 1),
        ("rejected", 1),
        ("skipped", 1),
    ]

    # asked to, the loader reads it again; once fixed (new content), it loads
    assert load(folder, "--db", db, "--retry-rejected") == EXIT_REJECTED
    assert "1 rejected" in capsys.readouterr().out
    write_json(bad, interaction("i-2"))
    assert load(folder, "--db", db) == EXIT_OK
    assert "1 files loaded (1 records)" in capsys.readouterr().out


def test_a_warehouse_loaded_by_an_earlier_release_gains_the_new_manifest_columns(
    tmp_path: Path, db: Path
) -> None:
    """Manifests written before load options and unloads were recorded: the columns are added,
    and the offset of each loaded file is taken from its raw rows."""
    with duckdb.connect(str(db)) as con:
        con.execute("create schema raw")
        con.execute(EARLIER_MANIFEST_DDL)
        con.execute(
            """
            create table raw.kore_smartassist__sessions (
                record json not null, _file_path varchar not null,
                _file_sha256 varchar not null, _record_index bigint not null,
                _batch_id varchar not null, _loaded_at timestamp not null,
                _assumed_timezone varchar)
            """
        )
        con.execute(
            "insert into raw._load_files values ('/old/r.json', 'abc', 10, 'kore_smartassist',"
            " 'sessions', 'loaded', null, 1, 'b-old', '2026-01-01 00:00:00')"
        )
        con.execute(
            "insert into raw.kore_smartassist__sessions values"
            " ('{\"sessionId\": \"s-0\"}', '/old/r.json', 'abc', 0, 'b-old',"
            " '2026-01-01 00:00:00', '-04:00')"
        )

    good = write_json(tmp_path / "new" / "i.json", interaction("i-1"))
    assert load(good, "--db", db) == EXIT_OK

    assert query(
        db,
        "select file_path, assumed_timezone, unloaded_at from raw._load_files order by 1",
    ) == [("/old/r.json", "-04:00", None), (str(good.resolve()), None, None)]


def test_a_directory_that_cannot_be_read_stops_the_load_by_name(
    good_dir: Path, db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    unreadable = good_dir / "day"
    real_scandir = os.scandir

    def scandir(path: Any) -> Any:
        if Path(path) == unreadable:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)

    assert load(good_dir, "--db", db) == EXIT_USAGE

    err = capsys.readouterr().err.strip()
    assert err == f"ccw load: cannot read the folder {unreadable}: Permission denied"
    assert not db.exists()


def test_a_file_that_cannot_be_read_is_rejected_by_name(
    good_dir: Path, db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    unreadable = (good_dir / "one.json").resolve()
    real_open = Path.open

    def path_open(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self == unreadable:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", path_open)

    assert load(good_dir, "--db", db) == EXIT_REJECTED

    out = capsys.readouterr().out
    assert (
        f"REJECTED {unreadable}: cannot be read: Permission denied; check the file and its "
        "permissions"
    ) in out
    assert "3 files loaded (5 records)" in out
