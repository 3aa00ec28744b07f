"""Loading CCAI Platform session metadata documents."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.queries import query

from ccw.cli import EXIT_OK, EXIT_REJECTED, main


def load(*args: object) -> int:
    return main(["load", "ccai_platform", *map(str, args)])


def test_calls_and_chats_are_told_apart_by_their_type(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    folder = tmp_path / "metadata"
    folder.mkdir()
    (folder / "a.json").write_text(json.dumps({"id": 1, "call_type": "Voice Inbound"}))
    (folder / "b.json").write_text(json.dumps({"id": 1, "chat_type": "Messaging (Web)"}))
    (folder / "c.json").write_text(json.dumps({"id": 2, "session_type": "Messaging inbound (SMS)"}))
    (folder / "d.json").write_text(json.dumps({"id": 3, "session_type": "Voice outbound"}))

    assert load(folder, "--db", db) == EXIT_OK

    assert query(db, "select record ->> 'id' from raw.ccai_platform__calls order by 1") == [
        ("1",),
        ("3",),
    ]
    assert query(db, "select record ->> 'id' from raw.ccai_platform__chats order by 1") == [
        ("1",),
        ("2",),
    ]


def test_a_document_that_is_neither_is_rejected_by_its_type(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "w.duckdb"
    (tmp_path / "fax.json").write_text(json.dumps({"id": 9, "session_type": "Fax"}))
    (tmp_path / "no-id.json").write_text(json.dumps({"call_type": "Voice Inbound"}))

    assert load(tmp_path, "--db", db) == EXIT_REJECTED

    out = capsys.readouterr().out
    assert "fax.json: is neither a call nor a chat session" in out and ": Fax" in out
    assert "no-id.json" in out and "lack id" in out
