"""Records that cannot be staged are quarantined, one by one, and everything else builds.

Every vendor's samples are loaded with, per vendor, a file of records written from the vendor's
field tables that staging cannot use (no id, no usable start time, a queue or agent nobody can
identify, a conversation missing from the feed) beside a good record in the same file. The build
must pass, warn, say what it quarantined, list exactly those records, and put the good records
of the same files in the marts.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.e2e.warehouse import PROJECT, Warehouse

pytestmark = pytest.mark.dbt

SAMPLES = PROJECT / "sample_data"

NICE = [
    {
        "externalId": "q-nice-good",
        "masterExternalId": "q-nice-contact",
        "mediaType": "PhoneCall",
        "direction": "Inbound",
        "startTime": "2026-03-04T10:00:00Z",
        "endTime": "2026-03-04T10:05:00Z",
        "agentUserId": "q-agent-1",
        "agentName": "Quinn Agent",
    },
    # neither externalId, segmentId nor id
    {"masterExternalId": "q-nice-contact", "startTime": "2026-03-04T10:06:00Z"},
    {"externalId": "q-nice-no-start", "masterExternalId": "q-nice-other", "startTime": "n/a"},
]
CXENGAGE = [
    {
        "interactionId": "q-cx-good",
        "channelType": "voice",
        "direction": "inbound",
        "startTimestamp": "2026-03-04T10:00:00Z",
        "endTimestamp": "2026-03-04T10:02:00Z",
    },
    {"interactionId": "", "startTimestamp": "2026-03-04T10:00:00Z"},
    {
        "interactionId": "q-cx-nameless-queue",
        "startTimestamp": "2026-03-04T10:00:00Z",
        "queues": [{"interactionQueueId": "q-cx-entry", "queueTime": 12.5}],
    },
]
CCAI_CALL = {"id": None, "call_type": "Voice Inbound", "created_at": "2023-09-11T09:42:01Z"}
CCAI_CHAT = {"id": 9135, "chat_type": "Messaging (Web)", "created_at": "soon", "status": "queued"}
KORE = {
    "numResults": 3,
    "data": [
        {
            "sessionId": "q-kore-good",
            "channel": "voice",
            "sessionStartTime": "2024-09-27T10:00:00",
            "sessionEndTime": "2024-09-27T10:01:00",
        },
        {"conversationId": "c-q", "sessionStartTime": "2024-09-27T10:00:00"},
        {
            "sessionId": "q-kore-nameless-agent",
            "sessionStartTime": "2024-09-27T10:00:00",
            "destinations": [
                {
                    "destinationType": "QueueEntry",
                    "queueId": "qu-q",
                    "EnterTime": "2024-09-27T10:00:10",
                    "nonRespondingAgents": [{"name": "Nameless", "assignedAt": "2024-09-27"}],
                }
            ],
        },
    ],
}
BUZZEASY_CONTEXT = "https://odata.buzzeasy.com/odata/v1/$metadata#"
BUZZEASY_CALLS = {
    "@odata.context": BUZZEASY_CONTEXT + "Calls",
    "value": [
        {"id": "q-cv-good", "channelType": "Voice", "startedAtUTC": "2026-03-04T09:00:00Z"},
        {"id": "q-cv-local-only", "channelType": "Voice", "startedAt": "2026-03-04T10:00:00"},
    ],
}
BUZZEASY_WORKITEMS = {
    "@odata.context": BUZZEASY_CONTEXT + "Workitems",
    "value": [
        {
            "id": "q-wi-orphan",
            "agentId": "ag-anna",
            "primaryConversationID": "q-cv-purged",
            "result": "Handled",
            "startTimeUTC": "2026-03-04T09:00:00Z",
        }
    ],
}

EXPECTED = {
    ("nice_cxone", "nice_cxone__segments", 1, None, "no segment id (externalId, segmentId, id)"),
    ("nice_cxone", "nice_cxone__segments", 2, "q-nice-no-start", "no usable startTime"),
    ("cxengage", "cxengage__interactions", 1, None, "no interactionId"),
    (
        "cxengage",
        "cxengage__interactions",
        2,
        "q-cx-nameless-queue",
        "a queue entry names no queue (neither queueId nor queueName)",
    ),
    ("ccai_platform", "ccai_platform__calls", 0, None, "no id"),
    (
        "ccai_platform",
        "ccai_platform__chats",
        0,
        "9135",
        "no usable start time (created_at, scheduled_at, queued_at, assigned_at, connected_at)",
    ),
    ("kore_smartassist", "kore_smartassist__sessions", 1, None, "no sessionId"),
    (
        "kore_smartassist",
        "kore_smartassist__sessions",
        2,
        "q-kore-nameless-agent",
        "an agent entry names no agent (agentId)",
    ),
    (
        "buzzeasy",
        "buzzeasy__calls",
        1,
        "q-cv-local-only",
        "no usable start time (startedAtUTC)",
    ),
    (
        "buzzeasy",
        "buzzeasy__workitems",
        0,
        "q-wi-orphan",
        "its conversation q-cv-purged is not in the feed (not delivered yet, or purged)",
    ),
}


def write(folder: Path, name: str, value: object) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    if isinstance(value, list) and name.endswith(".jsonl"):
        path.write_text("".join(json.dumps(item) + "\n" for item in value))
    else:
        path.write_text(json.dumps(value))
    return path


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Warehouse, str]]:
    warehouse = Warehouse(tmp_path_factory.mktemp("quarantine"))
    bad = warehouse.work / "bad"
    files = {
        "nice_cxone": [write(bad / "nice", "export.json", NICE)],
        "cxengage": [write(bad / "cxengage", "interactions.jsonl", CXENGAGE)],
        "ccai_platform": [
            write(bad / "ccai", "call-none.json", CCAI_CALL),
            write(bad / "ccai", "chat-9135.json", CCAI_CHAT),
        ],
        "kore_smartassist": [write(bad / "kore", "response.json", KORE)],
        "buzzeasy": [
            write(bad / "buzzeasy", "Calls.json", BUZZEASY_CALLS),
            write(bad / "buzzeasy", "Workitems.json", BUZZEASY_WORKITEMS),
        ],
    }
    for source_system, paths in files.items():
        done = warehouse.load_sample(source_system, *paths)
        # records the loader cannot vouch for land all the same: nothing is rejected
        assert done.returncode == 0, done.stdout + done.stderr
        assert "REJECTED" not in done.stdout
    build = warehouse.dbt("build")
    assert build.returncode == 0, build.stdout[-5000:]
    yield warehouse, build.stdout
    shutil.rmtree(warehouse.work, ignore_errors=True)


def test_the_build_passes_and_warns_about_what_it_quarantined(
    built: tuple[Warehouse, str],
) -> None:
    _, output = built
    results = [
        line
        for line in output.splitlines()
        if "assert_no_record_is_quarantined" in line and " START " not in line
    ]
    # one result per vendor, raw table and reason: ten
    assert any("WARN 10" in line for line in results), results
    assert "quarantined: 1 buzzeasy record(s): no usable start time (startedAtUTC)" in output
    assert "quarantined: 1 nice_cxone record(s): no usable startTime" in output


def test_exactly_the_unstageable_records_are_listed_with_their_reasons(
    built: tuple[Warehouse, str],
) -> None:
    warehouse, _ = built
    rows = warehouse.rows(
        """
        select source_system, raw_table, record_index, record_id, reason, file_path
        from staging.quarantined_records
        """
    )
    assert {row[:5] for row in rows} == EXPECTED
    assert all("/bad/" in row[5] for row in rows)


def test_the_good_records_beside_them_reach_the_marts(built: tuple[Warehouse, str]) -> None:
    warehouse, _ = built
    assert warehouse.rows(
        """
        select source_system, interaction_id from marts.fct_interactions
        where interaction_id in (
            'q-nice-contact', 'q-cx-good', 'q-kore-good', 'q-cv-good'
        )
        order by all
        """
    ) == [
        ("buzzeasy", "q-cv-good"),
        ("cxengage", "q-cx-good"),
        ("kore_smartassist", "q-kore-good"),
        ("nice_cxone", "q-nice-contact"),
    ]
    # the quarantined records are in no mart, and in no other staging model
    assert warehouse.rows(
        """
        select count(*) from marts.fct_interactions
        where interaction_id in (
            'q-nice-other', 'q-cx-nameless-queue', 'chat-9135', 'q-kore-nameless-agent',
            'q-cv-local-only'
        )
        """
    ) == [(0,)]
    assert warehouse.rows(
        "select count(*) from staging.stg_buzzeasy__workitems where workitem_id = 'q-wi-orphan'"
    ) == [(0,)]


def test_ccw_status_reports_what_the_build_quarantined(built: tuple[Warehouse, str]) -> None:
    warehouse, _ = built
    done = warehouse.ccw("status", "--json")
    assert done.returncode == 0, done.stderr

    counts: dict[tuple[str, str], int] = {}
    for source_system, _, _, _, reason in EXPECTED:
        counts[(source_system, reason)] = counts.get((source_system, reason), 0) + 1
    assert {
        (q["source_system"], q["reason"]): q["records"]
        for q in json.loads(done.stdout)["quarantine"]
    } == counts

    text = warehouse.ccw("status").stdout
    assert (
        f"Quarantined records (staging.quarantined_records, last dbt build): {len(EXPECTED)}"
        in text
    )
    assert re.search(r"  nice_cxone\s+no usable startTime\s+1", text), text
