"""Load the SmartAssist sample responses (requested with timeZoneOffset -330, so IST local
times), run a real `dbt build`, and check that every time reaches the marts in UTC.

Expected values are worked out by hand from the files in sample_data/kore_smartassist.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest
from tests.e2e.warehouse import PROJECT, Warehouse

pytestmark = pytest.mark.dbt

SAMPLE = PROJECT / "sample_data" / "kore_smartassist"


def session(n: str) -> str:
    """A sample sessionId by its last digit."""
    return {
        "1": "66f4f3aa205c5afb97d30001",
        "2": "66f55f1caca47e4a408a0002",
        "3": "66f57833aca47e4a408a0003",
        "4": "66f57e87aca47e4a408a0004",
        "5": "66f57e87aca47e4a408a0005",
        "6": "66f56a10aca47e4a408a0006",
        "8": "66f56c30aca47e4a408a0008",
    }[n]


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Warehouse]:
    warehouse = Warehouse(tmp_path_factory.mktemp("kore"))
    refused = warehouse.load("kore_smartassist", SAMPLE)
    assert refused.returncode == 2
    assert "--assume-timezone" in refused.stderr and "timeZoneOffset -330" in refused.stderr
    load = warehouse.load("kore_smartassist", SAMPLE, "--assume-timezone", "+05:30")
    assert load.returncode == 0, load.stdout + load.stderr
    assert "2 files loaded (9 records)" in load.stdout
    warehouse.build()
    yield warehouse
    shutil.rmtree(warehouse.work, ignore_errors=True)


def test_every_time_reaches_the_marts_in_utc(warehouse: Warehouse) -> None:
    # Session 3: started 20:35:23 IST, entered the Default Queue 20:35:24 IST, the queue
    # assigned Priya at 20:35:51 IST, session ended 20:41:00 IST.
    assert warehouse.rows(
        """
        select i.started_at::varchar, i.ended_at::varchar, q.entered_at::varchar,
            q.exited_at::varchar, q.wait_seconds, w.offered_at::varchar,
            w.accepted_at::varchar, w.ended_at::varchar
        from marts.fct_interactions as i
        inner join marts.fct_queue_segments as q on i.interaction_key = q.interaction_key
        inner join marts.fct_workitems as w on i.interaction_key = w.interaction_key
        where i.interaction_id = 'c-ec568a6-b300-41c6-a9c7-ea298e9c0003'
        """
    ) == [
        (
            "2024-09-26 15:05:23",
            "2024-09-26 15:11:00",
            "2024-09-26 15:05:24",
            "2024-09-26 15:05:51",
            27.0,
            "2024-09-26 15:05:51",
            "2024-09-26 15:05:55",
            "2024-09-26 15:07:05",
        )
    ]
    assert warehouse.rows(
        "select assumed_utc_offset, count(*) from staging.stg_kore_smartassist__sessions"
        " group by all"
    ) == [("+05:30", 8)]


def test_answered_and_unanswered_offers_are_workitems(warehouse: Warehouse) -> None:
    assert warehouse.rows(
        f"""
        select a.agent_name, w.result, w.offered_at::varchar, w.handle_seconds,
            w.talk_seconds, w.wrap_up_seconds, q.queue_name
        from marts.fct_workitems as w
        inner join marts.dim_agents as a on w.agent_key = a.agent_key
        left join marts.dim_queues as q on w.queue_key = q.queue_key
        inner join marts.fct_segments as s on w.segment_key = s.segment_key
        where s.segment_id like '{session("4")}:%' or s.segment_id like '{session("8")}:%'
        order by w.offered_at
        """
    ) == [
        ("Kavya Iyer", "missed", "2024-09-26 12:00:35", None, None, None, "Residential - Sales"),
        (
            "Arjun Mehta",
            "handled",
            "2024-09-26 12:04:00",
            598.0,
            598.0,
            None,
            "Residential - Billing",
        ),
        ("Arjun Mehta", "missed", "2024-09-26 15:33:05", None, None, None, "Residential - Billing"),
        ("Rohan Das", "missed", "2024-09-26 15:33:40", None, None, None, "Residential - Billing"),
        (
            "Kavya Iyer",
            "handled",
            "2024-09-26 15:34:10",
            917.0,
            822.0,
            95.0,
            "Residential - Billing",
        ),
    ]


def test_bot_only_sessions_are_interactions_of_their_own(warehouse: Warehouse) -> None:
    assert warehouse.rows(
        f"""
        select i.interaction_id, i.segment_count, i.was_contained_by_bot, b.outcome,
            b.started_at::varchar, b.ended_at::varchar
        from marts.fct_interactions as i
        inner join marts.fct_bot_segments as b on i.interaction_key = b.interaction_key
        where i.interaction_id in ('{session("1")}', '{session("2")}')
        order by 1
        """
    ) == [
        (session("1"), 1, True, "completed", "2024-09-26 05:39:54", "2024-09-26 05:42:40"),
        (session("2"), 1, False, "abandoned", "2024-09-26 13:18:20", "2024-09-26 13:19:05"),
    ]
    # Terminated with no agents available: the bot could not hand over.
    assert warehouse.rows(
        f"""
        select b.outcome, b.outcome_raw, i.was_contained_by_bot, i.disposition_name
        from marts.fct_bot_segments as b
        inner join marts.fct_interactions as i on b.interaction_key = i.interaction_key
        where b.bot_segment_id = '{session("5")}:bot'
        """
    ) == [("failed", "TERMINATED / CLOSED / NO AGENTS AVAILABLE", False, "DROP-OFF")]


def test_transfers_to_queues_and_straight_to_an_agent(warehouse: Warehouse) -> None:
    assert warehouse.rows(
        f"""
        select s.segment_sequence, s.start_reason, s.end_reason, a.agent_name, q.queue_name
        from marts.fct_segments as s
        left join marts.dim_agents as a on s.agent_key = a.agent_key
        left join marts.dim_queues as q on s.queue_key = q.queue_key
        where s.segment_id like '{session("8")}:%' or s.segment_id like '{session("6")}:%'
        order by s.started_at
        """
    ) == [
        (0, "new_interaction", "transferred", None, None),
        (1, "transfer", "transferred", None, "Residential - Sales"),
        (2, "transfer", "completed", "Arjun Mehta", "Residential - Billing"),
        (0, "new_interaction", "transferred", None, None),
        (1, "transfer", "completed", "Arjun Mehta", None),
    ]
    assert warehouse.rows(
        f"""
        select q.exit_reason, q.wait_seconds
        from marts.fct_queue_segments as q
        where q.queue_segment_id like '{session("8")}:%'
        order by q.entered_at
        """
    ) == [("transferred", 150.0), ("answered", 60.0)]


def test_csat_is_scored_and_the_latest_delivery_wins(warehouse: Warehouse) -> None:
    assert warehouse.rows(
        """
        select raw_value, score from marts.fct_sentiment
        where source_system = 'kore_smartassist' order by score
        """
    ) == [("2", -0.5), ("4", 0.5), ("5", 1.0)]
    # Session 6 came in both responses; the second carries its feedback.
    assert warehouse.rows(
        f"""
        select csat_feedback, loaded_from_file_path like '%offset-1.json'
        from staging.stg_kore_smartassist__sessions where session_id = '{session("6")}'
        """
    ) == [("Sorted in one call", True)]


def test_every_nested_structure_is_queryable_in_staging(warehouse: Warehouse) -> None:
    assert warehouse.rows(
        """
        select 'participants', count(*) from staging.stg_kore_smartassist__agent_participants
        union all select 'non_responding', count(*)
            from staging.stg_kore_smartassist__non_responding_agents
        union all select 'skills', count(*) from staging.stg_kore_smartassist__skills
        union all select 'codes', count(*) from staging.stg_kore_smartassist__dispositions
            where kind = 'code'
        union all select 'remarks', count(*) from staging.stg_kore_smartassist__dispositions
            where kind = 'remark'
        union all select 'tags', count(*) from staging.stg_kore_smartassist__tags
        """
    ) == [
        ("participants", 2),
        ("non_responding", 3),
        ("skills", 2),
        ("codes", 7),
        ("remarks", 4),
        ("tags", 6),
    ]
    assert warehouse.rows(
        """
        select participant_type, participant_name, started_at::varchar
        from staging.stg_kore_smartassist__agent_participants order by 1
        """
    ) == [
        ("consulting_agent", "Rohan Das", "2024-09-26 10:40:00"),
        ("joined_user", "Deepa Nair", "2024-09-26 10:45:00"),
    ]
    # metaInfo of differing shapes: kept whole, recurring keys extracted where present.
    assert warehouse.rows(
        """
        select count(*), count(meta_info), count(meta_caller), count(meta_last_intent_name)
        from staging.stg_kore_smartassist__sessions
        """
    ) == [(8, 8, 5, 6)]


def test_customer_contact_details_stay_out_of_the_marts(warehouse: Warehouse) -> None:
    columns = {
        name
        for (name,) in warehouse.rows(
            "select column_name from information_schema.columns where table_schema = 'marts'"
        )
    }
    clear = {c for c in columns if c.startswith("customer_") or "phone" in c or "email" in c}
    assert clear == {"customer_key"}  # the salted hash, not the identity
    text_columns = warehouse.rows(
        """
        select table_name, column_name from information_schema.columns
        where table_schema = 'marts' and data_type = 'VARCHAR'
        """
    )
    leaks = [
        (table, column)
        for table, column in text_columns
        if warehouse.rows(
            f"select count(*) from marts.{table} where {column} like '%+9198%'"
            f" or {column} like '%@example.com%'"
        )[0][0]
    ]
    assert leaks == []
