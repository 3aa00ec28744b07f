"""Load the CxEngage sample exports, run a real `dbt build`, and check the marts.

Expected values are worked out by hand from the files in sample_data/cxengage.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.e2e.warehouse import PROJECT, Warehouse
from tests.queries import query

pytestmark = pytest.mark.dbt

SAMPLE = PROJECT / "sample_data" / "cxengage"


def ix(suffix: str) -> str:
    """A sample interaction id by its last two digits."""
    return f"1e0b6a10-16a1-11f1-8a2b-0242ac1200{suffix}"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path]]:
    warehouse = Warehouse(tmp_path_factory.mktemp("e2e"))
    broken = warehouse.work / "broken"
    broken.mkdir()
    (broken / "truncated.json").write_text('{"interactionId": "x", "segments": [')
    load = warehouse.load("cxengage", SAMPLE, broken)
    assert load.returncode == 1, load.stdout + load.stderr
    assert "REJECTED" in load.stdout and "truncated.json" in load.stdout
    warehouse.build()
    yield warehouse.db, warehouse.target
    shutil.rmtree(warehouse.work, ignore_errors=True)


def rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    return query(db, sql)


def test_every_interaction_reaches_the_marts_once(built: tuple[Path, Path]) -> None:
    db, _ = built
    # 8 interactions in 8 files (one .jsonl holds two); the SMS one is delivered twice.
    assert rows(db, "select count(*) from raw.cxengage__interactions") == [(9,)]
    assert rows(
        db, "select count(*), count(distinct interaction_id) from marts.fct_interactions"
    ) == [(8, 8)]


def test_a_transfer_between_queues(built: tuple[Path, Path]) -> None:
    db, _ = built
    (row,) = rows(
        db,
        f"""
        select channel, direction, started_at::varchar, duration_seconds, segment_count,
            queue_wait_seconds, handle_seconds, was_transferred, was_handled_by_agent,
            was_abandoned, was_contained_by_bot
        from marts.fct_interactions where interaction_id = '{ix("02")}'
        """,
    )
    # Queues: 30.0 s in Support + 22.5 s in Billing; agents: 09:10:42.5-09:15:02.5 (260 s)
    # and 09:15:02.5-09:21:10 (367.5 s).
    assert row == (
        "voice",
        "inbound",
        "2026-03-02 09:10:00",
        670.0,
        2,
        52.5,
        627.5,
        True,
        True,
        False,
        False,
    )
    segments = rows(
        db,
        f"""
        select s.segment_sequence, s.start_reason, s.end_reason, s.is_transfer, a.agent_name,
            q.queue_name
        from marts.fct_segments as s
        inner join marts.fct_interactions as i on s.interaction_key = i.interaction_key
        left join marts.dim_agents as a on s.agent_key = a.agent_key
        left join marts.dim_queues as q on s.queue_key = q.queue_key
        where i.interaction_id = '{ix("02")}'
        order by s.segment_sequence
        """,
    )
    assert segments == [
        (0, "new_interaction", "transferred", False, "Maria Lopez", "Support"),
        (1, "transfer", "completed", True, "Ken Ito", "Billing"),
    ]


def test_an_abandon_in_queue(built: tuple[Path, Path]) -> None:
    db, _ = built
    assert rows(
        db,
        f"""
        select i.was_abandoned, i.was_handled_by_agent, i.handle_seconds, q.exit_reason,
            q.is_abandoned, q.wait_seconds, q.answered_by_agent_key
        from marts.fct_interactions as i
        inner join marts.fct_queue_segments as q on i.interaction_key = q.interaction_key
        where i.interaction_id = '{ix("01")}'
        """,
    ) == [(True, False, None, "abandoned", True, 93.993, None)]


def test_ivr_self_service_is_contained_by_the_bot(built: tuple[Path, Path]) -> None:
    db, _ = built
    assert rows(
        db,
        f"""
        select i.was_contained_by_bot, b.bot_name, b.bot_type, b.outcome, b.duration_seconds
        from marts.fct_interactions as i
        inner join marts.fct_bot_segments as b on i.interaction_key = b.interaction_key
        where i.interaction_id = '{ix("06")}'
        """,
    ) == [(True, "Basic Flow", "ivr", "completed", 48.2)]


def test_the_redelivered_document_wins(built: tuple[Path, Path]) -> None:
    db, _ = built
    # The 2026-03-03 delivery adds CSAT 4 (scale 1-5: score 0.5) and a disposition.
    assert rows(
        db,
        f"""
        select s.measure, s.participant_role, s.score, s.raw_value, i.disposition_name
        from marts.fct_sentiment as s
        inner join marts.fct_interactions as i on s.interaction_key = i.interaction_key
        where i.interaction_id = '{ix("03")}'
        """,
    ) == [("csat", "customer", 0.5, "4", "Resolved - Order status")]


def test_agents_listed_in_both_places_count_once(built: tuple[Path, Path]) -> None:
    db, _ = built
    assert rows(
        db,
        f"""
        select i.direction, i.direction_raw, count(w.workitem_key), sum(w.handle_seconds)
        from marts.fct_interactions as i
        inner join marts.fct_workitems as w on i.interaction_key = w.interaction_key
        where i.interaction_id = '{ix("04")}'
        group by all
        """,
    ) == [("outbound", "agent-initiated", 1, 240.0)]


def test_agents_found_only_under_details_are_kept(built: tuple[Path, Path]) -> None:
    db, _ = built
    assert rows(
        db,
        f"""
        select a.agent_name, w.result, w.handle_seconds
        from marts.fct_workitems as w
        inner join marts.fct_interactions as i on w.interaction_key = i.interaction_key
        inner join marts.dim_agents as a on w.agent_key = a.agent_key
        where i.interaction_id = '{ix("03")}'
        """,
    ) == [("Priya Shah", "handled", 510.0)]


def test_dimensions_hold_each_agent_and_queue_once(built: tuple[Path, Path]) -> None:
    db, _ = built
    assert rows(db, "select agent_name from marts.dim_agents order by 1") == [
        ("Ken Ito",),
        ("Maria Lopez",),
        ("Priya Shah",),
    ]
    assert rows(db, "select queue_name from marts.dim_queues order by 1") == [
        ("Billing",),
        ("Email",),
        ("Sales",),
        ("Support",),
    ]


def test_transcripts_and_notes_are_queryable_in_staging(built: tuple[Path, Path]) -> None:
    db, _ = built
    assert rows(
        db,
        f"""
        select message_index, sender_type, sent_at::varchar
        from staging.stg_cxengage__messages where interaction_id = '{ix("03")}'
        order by message_index
        """,
    ) == [
        (0, "customer", "2026-03-02 10:00:00.5"),
        (1, "system", "2026-03-02 10:01:03.2"),
        (2, "agent", "2026-03-02 10:01:30"),
        (3, "customer", "2026-03-02 10:08:10"),
    ]
    assert rows(db, "select count(*) from staging.stg_cxengage__notes") == [(3,)]


def test_personal_contact_details_stay_out_of_the_marts(built: tuple[Path, Path]) -> None:
    db, _ = built
    columns = {
        name
        for (name,) in rows(
            db, "select column_name from information_schema.columns where table_schema = 'marts'"
        )
    }
    assert not columns & {"customer", "contact_point"}
