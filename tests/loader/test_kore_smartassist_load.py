"""Loading Kore.ai SmartAssist interactionDetails responses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.queries import query

from ccw.cli import EXIT_OK, EXIT_REJECTED, EXIT_USAGE, main


def load(*args: object) -> int:
    return main(["load", "kore_smartassist", *map(str, args)])


def response(path: Path, *session_ids: str) -> Path:
    data = [{"sessionId": sid, "sessionStartTime": "2024-09-26T20:35:23"} for sid in session_ids]
    path.write_text(json.dumps({"numResults": len(data), "data": data}))
    return path


def test_without_an_offset_the_loader_stops_and_explains(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "w.duckdb"
    assert load(response(tmp_path / "r.json", "s-1"), "--db", db) == EXIT_USAGE
    err = capsys.readouterr().err
    assert "does not guess" in err and "timeZoneOffset -330 is --assume-timezone +05:30" in err
    assert not db.exists()


def test_each_session_lands_with_the_offset_of_its_load(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    first = response(tmp_path / "ist.json", "s-1", "s-2")
    second = response(tmp_path / "ny.json", "s-3")

    assert load(first, "--assume-timezone", "+05:30", "--db", db) == EXIT_OK
    assert load(second, "--assume-timezone", "-04:00", "--db", db) == EXIT_OK

    assert query(
        db,
        "select record ->> 'sessionId', _record_index, _assumed_timezone"
        " from raw.kore_smartassist__sessions order by 1",
    ) == [("s-1", 0, "+05:30"), ("s-2", 1, "+05:30"), ("s-3", 0, "-04:00")]


def test_a_response_without_data_is_rejected_and_a_session_without_id_is_landed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "w.duckdb"
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "error.json").write_text(json.dumps({"error": "token expired"}))
    (tmp_path / "in" / "no-id.json").write_text(json.dumps({"numResults": 1, "data": [{"a": 1}]}))
    response(tmp_path / "in" / "good.json", "s-1")

    assert load(tmp_path / "in", "--assume-timezone", "+05:30", "--db", db) == EXIT_REJECTED

    out = capsys.readouterr().out
    rejected = [line for line in out.splitlines() if line.startswith("REJECTED")]
    assert len(rejected) == 1
    assert "error.json" in rejected[0] and "interactionDetails response" in rejected[0]
    # A session without sessionId is the response's own record: it lands, and staging lists it
    # in quarantine instead of losing the response's other sessions.
    note = next(line for line in out.splitlines() if line.startswith("NOTE"))
    assert "no-id.json" in note and "sessionId" in note
    assert query(
        db, "select record ->> 'sessionId' from raw.kore_smartassist__sessions order by 1"
    ) == [("s-1",), (None,)]


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("+05:30", "+05:30"),
        ("-04:00", "-04:00"),
        # the request's timeZoneOffset: minutes, UTC minus local (JavaScript's sign)
        ("-330", "+05:30"),
        ("300", "-05:00"),
        ("240", "-04:00"),
        ("-345", "+05:45"),
        ("0", "+00:00"),
        ("-840", "+14:00"),
    ],
)
def test_the_offset_is_given_as_hours_or_as_the_vendors_minutes(
    given: str, stored: str, tmp_path: Path
) -> None:
    db = tmp_path / "w.duckdb"
    assert load(response(tmp_path / "r.json", "s-1"), "--assume-timezone", given, "--db", db) == 0

    assert query(db, "select _assumed_timezone from raw.kore_smartassist__sessions") == [(stored,)]
    assert query(db, "select assumed_timezone from raw._load_files") == [(stored,)]


@pytest.mark.parametrize("given", ["+330", "IST", "5:30", "+05:60", "-15:00", "900", "-0530"])
def test_an_offset_in_no_documented_form_is_refused(
    given: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "w.duckdb"
    with pytest.raises(SystemExit) as stopped:
        load(response(tmp_path / "r.json", "s-1"), "--assume-timezone", given, "--db", db)

    assert stopped.value.code == EXIT_USAGE
    assert "--assume-timezone" in capsys.readouterr().err
    assert not db.exists()


def test_a_file_loaded_with_another_offset_is_refused_until_unloaded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "w.duckdb"
    folder = tmp_path / "in"
    folder.mkdir()
    response(folder / "a.json", "s-1")
    assert load(folder, "--assume-timezone", "+00:00", "--db", db) == EXIT_OK
    wrong_batch = capsys.readouterr().out.split("batch ")[-1].strip()
    response(folder / "b.json", "s-2")
    before = query(db, "select * from raw._load_files order by all")

    assert load(folder, "--assume-timezone", "-330", "--db", db) == EXIT_USAGE

    # the run's start line, then one line that says what happened and what to do
    err = capsys.readouterr().err.strip().splitlines()[-1]
    assert err.startswith("ccw load kore_smartassist: ")
    assert "a.json was loaded before with --assume-timezone +00:00" in err
    assert "not +05:30; nothing was loaded" in err
    assert f"`ccw unload --batch {wrong_batch}`" in err
    # nothing was written: not the new file, not a manifest row
    assert query(db, "select * from raw._load_files order by all") == before

    # the same offset again is the usual skip
    assert load(folder, "--assume-timezone", "+00:00", "--db", db) == EXIT_OK
    assert "1 files loaded (1 records), 1 skipped" in capsys.readouterr().out

    assert main(["unload", "--batch", wrong_batch, "--db", str(db)]) == EXIT_OK
    assert load(folder / "a.json", "--assume-timezone", "-330", "--db", db) == EXIT_OK
    assert query(
        db,
        "select record ->> 'sessionId', _assumed_timezone from raw.kore_smartassist__sessions"
        " order by 1",
    ) == [("s-1", "+05:30"), ("s-2", "+00:00")]
