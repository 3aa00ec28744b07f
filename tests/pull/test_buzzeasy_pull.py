"""`ccw pull buzzeasy` against a local OData fake: paging by @odata.nextLink (relative and
absolute links), faults, a stopped pull resuming at its first page not landed."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import duckdb
import pytest
from tests.pull.fakes import FakeBuzzeasy

from ccw.cli import main

TOKEN = "buzzeasy-token"


def calls(count: int) -> list[dict[str, Any]]:
    """Call rows with the fields of the documentation's Calls table."""
    began = datetime(2026, 3, 2, 9, 0)
    return [
        {
            "id": f"call-{number:05d}",
            "businessUnitId": "bu-1",
            "channelId": "ch-voice",
            "channelType": "Voice",
            "customerPhoneNumber": f"+3620{number:07d}",
            "startedAt": (began + timedelta(minutes=number)).isoformat() + "Z",
            "endedAt": (began + timedelta(minutes=number, seconds=200)).isoformat() + "Z",
            "durationInSeconds": 200,
            "conversationEndedReason": "CustomerDisconnected",
        }
        for number in range(count)
    ]


def queues() -> list[dict[str, Any]]:
    return [
        {"id": "q-1", "Name": "Sales", "deletedAt": None, "channelID": "ch-voice"},
        {"id": "q-2", "Name": "Support", "deletedAt": None, "channelID": "ch-voice"},
    ]


@pytest.fixture(autouse=True)
def token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BUZZEASY_TOKEN", TOKEN)


def pull(api: FakeBuzzeasy, tmp_path: Path, *options: str) -> int:
    return main(
        [
            "pull",
            "buzzeasy",
            "--url",
            f"{api.url}/odata",
            "--db",
            str(tmp_path / "w.duckdb"),
            "--landing",
            str(tmp_path / "landing"),
            "--timeout",
            "2",
            *options,
        ]
    )


def landed(tmp_path: Path, table: str) -> Counter[str]:
    with duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True) as con:
        rows = con.execute(f"select record->>'id' from raw.buzzeasy__{table}").fetchall()
    return Counter(row[0] for row in rows)


def test_every_page_of_each_set_lands_once_and_a_rerun_adds_nothing(tmp_path: Path) -> None:
    with FakeBuzzeasy({"Calls": calls(23), "Queues": queues()}, TOKEN, page_size=5) as api:
        api.faults = {3: "429", 5: "truncated", 7: "500"}
        assert pull(api, tmp_path, "--entity-sets", "Calls,queues") == 0
        assert pull(api, tmp_path, "--entity-sets", "Calls,Queues") == 0
    calls_landed = landed(tmp_path, "calls")
    assert len(calls_landed) == 23 and set(calls_landed.values()) == {1}
    assert landed(tmp_path, "queues") == Counter({"q-1": 1, "q-2": 1})


def test_an_unknown_entity_set_is_refused_with_the_documented_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with FakeBuzzeasy({}, TOKEN, page_size=5) as api:
        assert pull(api, tmp_path, "--entity-sets", "Calls,Callz") == 2
        assert api.requests == 0
    assert "'Callz' is not an entity set" in capsys.readouterr().err


def test_a_stopped_pull_resumes_at_the_first_page_not_landed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with FakeBuzzeasy({"Calls": calls(23)}, TOKEN, page_size=5) as api:
        api.faults = {4: "expired"}
        assert pull(api, tmp_path, "--entity-sets", "Calls") == 2
        assert "BUZZEASY_TOKEN" in capsys.readouterr().err
        assert sum(landed(tmp_path, "calls").values()) == 10
        api.log.clear()
        assert pull(api, tmp_path, "--entity-sets", "Calls") == 0
        assert [r["skip"] for r in api.log] == [10, 15, 20]
    counts = landed(tmp_path, "calls")
    assert len(counts) == 23 and set(counts.values()) == {1}


def test_the_service_document_finds_sets_spelled_otherwise_and_names_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workitems = [
        {"id": f"wi-{n}", "conversationId": f"c-{n}", "result": "Handled"} for n in range(4)
    ]
    sets = {"Calls": calls(3), "Workitem": workitems, "AgentSkills": [{"id": "s-1"}]}
    with FakeBuzzeasy(sets, TOKEN, page_size=5) as api:
        assert pull(api, tmp_path) == 0
        requested = {r["set"] for r in api.log}
    assert requested == {"Calls", "Workitem"}
    assert len(landed(tmp_path, "calls")) == 3
    assert len(landed(tmp_path, "workitems")) == 4
    out = capsys.readouterr().out
    assert "NOTE the feed also offers AgentSkills" in out
    assert "NOTE Chats: not in the feed's service document" in out


def test_without_a_service_document_the_documented_names_are_tried(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with FakeBuzzeasy(
        {"Calls": calls(7), "Queues": queues()}, TOKEN, 5, service_document=False
    ) as api:
        assert pull(api, tmp_path) == 0
    assert len(landed(tmp_path, "calls")) == 7
    assert len(landed(tmp_path, "queues")) == 2
    assert "NOTE Chats: the feed answers 404" in capsys.readouterr().out


def test_a_named_set_the_feed_lacks_is_reported_and_the_others_land(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with FakeBuzzeasy({"Calls": calls(2)}, TOKEN, 5, service_document=False) as api:
        assert pull(api, tmp_path, "--entity-sets", "Chats,Calls") == 1
    assert len(landed(tmp_path, "calls")) == 2
    assert "NOT FOUND (404): entity set Chats" in capsys.readouterr().out


def test_a_resumed_link_the_feed_refuses_reads_the_set_again_from_its_start(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with FakeBuzzeasy({"Calls": calls(12)}, TOKEN, page_size=5) as api:
        api.faults = {3: "expired"}
        assert pull(api, tmp_path, "--entity-sets", "Calls") == 2
        api.expire_tokens()
        api.log.clear()
        assert pull(api, tmp_path, "--entity-sets", "Calls") == 0
        assert [r["skip"] for r in api.log] == [0, 5, 10]  # after the refused link
    assert "the saved next page was refused" in capsys.readouterr().out
    # Every call landed. The first page, read again, carries a new skip token in its nextLink,
    # so it is new content and lands again; staging keeps one row per call.
    counts = landed(tmp_path, "calls")
    assert sorted(counts) == [f"call-{n:05d}" for n in range(12)]
    assert [counts[f"call-{n:05d}"] for n in range(12)] == [2] * 5 + [1] * 7
