"""Loading Kore.ai SmartAssist interactionDetails responses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.loader.queries import query

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
