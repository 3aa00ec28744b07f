"""Load the NICE CXone sample exports as a user would (the first day twice, then a later export
that reprocesses a segment), run a real `dbt build` after each, and check staging and marts.

Expected values are worked out by hand from the files in sample_data/nice_cxone.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from subprocess import CompletedProcess

import pytest
from tests.e2e.warehouse import PROJECT, Warehouse

pytestmark = pytest.mark.dbt

SAMPLE = PROJECT / "sample_data" / "nice_cxone"


def seg(n: str) -> str:
    """A sample segment id (externalId) by its last two digits."""
    return f"a7d1e2f0-0c3b-4e1a-9d2c-5b6f7e8a90{n}"


def ix(n: str) -> str:
    """A sample interaction id (masterExternalId) by its last two digits."""
    return f"5c9e1d3a-8f2b-4c7e-a1d0-3f6b2e9c71{n}"


CUSTOMER_SENTIMENT_OF_SEGMENT_01 = f"""
    select s.measure, s.label, s.score, s.raw_value
    from marts.fct_sentiment as s
    inner join marts.fct_segments as g on s.segment_key = g.segment_key
    where g.segment_id = '{seg("01")}' and s.participant_role = 'customer'
        and s.measure <> 'entity'
    order by s.measure
"""


@dataclass
class Run:
    warehouse: Warehouse
    loads: list[CompletedProcess[str]]
    sentiment_before_reprocessing: list[tuple[object, ...]]

    def rows(self, sql: str) -> list[tuple[object, ...]]:
        return self.warehouse.rows(sql)


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Run]:
    warehouse = Warehouse(tmp_path_factory.mktemp("nice"))
    first_day = SAMPLE / "2026-03-02"
    loads = [warehouse.load("nice_cxone", first_day), warehouse.load("nice_cxone", first_day)]
    warehouse.build()
    before = warehouse.rows(CUSTOMER_SENTIMENT_OF_SEGMENT_01)
    loads.append(warehouse.load("nice_cxone", SAMPLE / "2026-03-03"))
    warehouse.build()
    yield Run(warehouse, loads, before)
    shutil.rmtree(warehouse.work, ignore_errors=True)


def test_loading_twice_then_a_reprocessing_export(run: Run) -> None:
    first, again, later = run.loads
    assert [load.returncode for load in run.loads] == [0, 0, 0]
    assert "2 files loaded (8 records)" in first.stdout
    assert "0 files loaded (0 records), 2 skipped as already loaded" in again.stdout
    assert "1 files loaded (2 records)" in later.stdout
    # One raw row per segment record as delivered: 6 + 2 (one a duplicate) + 2 (one reprocessed).
    assert run.rows("select count(*) from raw.nice_cxone__segments") == [(10,)]
    assert run.rows(
        "select count(*), count(distinct segment_id) from staging.stg_nice_cxone__segments"
    ) == [(8, 8)]
    assert run.rows(
        "select count(*), count(distinct segment_id) from marts.fct_segments"
        " where source_system = 'nice_cxone'"
    ) == [(8, 8)]
    assert run.rows(
        """
        select segment_id, delivery_count, version_id
        from staging.stg_nice_cxone__segments
        where delivery_count > 1 order by segment_id
        """
    ) == [(seg("01"), 2, "2"), (seg("05"), 2, "1")]


def test_the_newest_analysis_wins_in_fct_sentiment(run: Run) -> None:
    assert run.sentiment_before_reprocessing == [
        ("begin", "negative", -1.0, "NEGATIVE"),
        ("end", "neutral", 0.0, "NEUTRAL"),
        ("frustration", "high", None, "HIGH"),
        ("overall", "negative", -1.0, "NEGATIVE"),
    ]
    assert run.rows(CUSTOMER_SENTIMENT_OF_SEGMENT_01) == [
        ("begin", "negative", -1.0, "NEGATIVE"),
        ("end", "positive", 1.0, "POSITIVE"),
        ("frustration", "low", None, "LOW"),
        ("overall", "mixed", 0.0, "MIXED"),
    ]
    # The reprocessed version dropped notableSilenceSeconds: the newest version wins whole.
    assert run.rows(
        f"""
        select notable_silence_seconds, acquired_at::varchar
        from staging.stg_nice_cxone__segments where segment_id = '{seg("01")}'
        """
    ) == [(None, "2026-03-03 02:15:41.208")]


def test_a_transfer_between_skills(run: Run) -> None:
    assert run.rows(
        f"""
        select channel, direction, started_at::varchar, ended_at::varchar, duration_seconds,
            segment_count, queue_segment_count, queue_wait_seconds, handle_seconds,
            was_transferred, was_handled_by_agent, was_abandoned
        from marts.fct_interactions where interaction_id = '{ix("01")}'
        """
    ) == [
        # The customer entered the Billing queue 42 s (inQueueSeconds) before segment 01's
        # agent answered at 14:03:12: the interaction starts at 14:02:30 and lasts to the end
        # of segment 02 at 14:16:58, 868 s.
        (
            "voice",
            "inbound",
            "2026-03-02 14:02:30",
            "2026-03-02 14:16:58",
            868.0,
            2,
            2,
            67.0,
            801.0,
            True,
            True,
            False,
        )
    ]
    # The export lists segment 02 before 01; sequence follows start time.
    assert run.rows(
        f"""
        select s.segment_sequence, s.segment_id, s.start_reason, s.end_reason, s.is_transfer,
            a.agent_name, q.queue_name
        from marts.fct_segments as s
        inner join marts.fct_interactions as i on s.interaction_key = i.interaction_key
        inner join marts.dim_agents as a on s.agent_key = a.agent_key
        inner join marts.dim_queues as q on s.queue_key = q.queue_key
        where i.interaction_id = '{ix("01")}'
        order by s.segment_sequence
        """
    ) == [
        (0, seg("01"), "new_interaction", "transferred", False, "Dana Whitfield", "Billing Voice"),
        (1, seg("02"), "transfer", "completed", True, "Omar Haddad", "Tech Support Voice"),
    ]
    assert run.rows(
        f"""
        select w.handle_seconds, w.talk_seconds, w.hold_seconds, w.hold_count, w.result
        from marts.fct_workitems as w
        inner join marts.fct_segments as s on w.segment_key = s.segment_key
        where s.segment_id = '{seg("01")}'
        """
    ) == [(388.0, 353.0, 35.0, 1, "handled")]
    assert run.rows(
        f"""
        select q.entered_at::varchar, q.exited_at::varchar, q.wait_seconds, q.exit_reason
        from marts.fct_queue_segments as q
        inner join marts.fct_segments as s on q.segment_key = s.segment_key
        where s.segment_id = '{seg("02")}'
        """
    ) == [("2026-03-02 14:09:40", "2026-03-02 14:10:05", 25.0, "answered")]


def test_a_consult_is_an_internal_leg_read_back_in_time_order(run: Run) -> None:
    assert run.rows(
        f"""
        select s.segment_sequence, s.direction, s.start_reason, s.end_reason, i.direction,
            i.was_transferred
        from marts.fct_segments as s
        inner join marts.fct_interactions as i on s.interaction_key = i.interaction_key
        where i.interaction_id = '{ix("02")}'
        order by s.segment_sequence
        """
    ) == [
        (0, "inbound", "new_interaction", "completed", "inbound", False),
        (1, "internal", "conference", "conferenced", "inbound", False),
    ]
    # The consult's two turns fall between the call's third and fourth turns; its CLIENT side
    # is the colleague, so both of its turns are agents'.
    turns = run.rows(
        f"""
        select t.turn_sequence, s.segment_id, t.participant_role, t.participant_role_raw
        from marts.fct_transcript_turns as t
        inner join marts.fct_segments as s on t.segment_key = s.segment_key
        inner join marts.fct_interactions as i on t.interaction_key = i.interaction_key
        where i.interaction_id = '{ix("02")}'
        order by t.turn_sequence
        """
    )
    assert [(n, s[-2:], role) for n, s, role, _ in turns] == [
        (0, "03", "agent"),
        (1, "03", "customer"),
        (2, "03", "agent"),
        (3, "04", "agent"),
        (4, "04", "agent"),
        (5, "03", "agent"),
        (6, "03", "customer"),
    ]
    assert turns[3][3] == "CLIENT"


def test_chat_with_enlighten_off_and_an_ignored_block(run: Run) -> None:
    assert run.rows(
        f"""
        select channel, direction, queue_wait_seconds from marts.fct_interactions
        where interaction_id = '{ix("03")}'
        """
    ) == [("chat", "inbound", 8.0)]
    assert run.rows(
        f"""
        select enlighten_metric_count,
            (select count(*) from staging.stg_nice_cxone__enlighten_metrics
             where segment_id = '{seg("05")}')
        from staging.stg_nice_cxone__segments where segment_id = '{seg("05")}'
        """
    ) == [(0, 0)]
    assert run.rows(
        f"""
        select t.turn_sequence, t.participant_role, t.is_ignored, t.started_at::varchar,
            t.turn_text
        from marts.fct_transcript_turns as t
        inner join marts.fct_interactions as i on t.interaction_key = i.interaction_key
        where i.interaction_id = '{ix("03")}' and t.turn_sequence <= 1
        order by t.turn_sequence
        """
    ) == [
        (0, "agent", True, "2026-03-02 16:45:10", "Sofia has joined the chat."),
        (
            1,
            "customer",
            False,
            "2026-03-02 16:45:14",
            "Hi, do you have a cheaper plan than Unlimited Plus?",
        ),
    ]


def test_outbound_and_email(run: Run) -> None:
    assert run.rows(
        f"""
        select i.interaction_id, i.channel, i.direction, i.queue_segment_count,
            i.was_handled_by_agent
        from marts.fct_interactions as i
        where i.interaction_id in ('{ix("04")}', '{ix("05")}')
        order by i.interaction_id
        """
    ) == [(ix("04"), "voice", "outbound", 0, True), (ix("05"), "email", "inbound", 1, True)]
    assert run.rows(
        f"""
        select block_index, channel_name, email_subject, email_sent_at::varchar
        from staging.stg_nice_cxone__transcript_blocks where segment_id = '{seg("07")}'
        order by block_index
        """
    ) == [
        (0, "CLIENT", "February invoice", "2026-03-02 18:00:00"),
        (1, "AGENT", "RE: February invoice", "2026-03-02 18:40:00"),
    ]


def test_entities_categories_and_datasets(run: Run) -> None:
    assert run.rows(
        f"""
        select s.participant_role, s.entity_name, s.label, s.score
        from marts.fct_sentiment as s
        inner join marts.fct_segments as g on s.segment_key = g.segment_key
        where g.segment_id = '{seg("01")}' and s.measure = 'entity'
        order by s.entity_name
        """
    ) == [("agent", "49 dollars", "neutral", 0.0), ("customer", "FiberMax 500", "negative", -1.0)]
    assert run.rows(
        f"""
        select category_name, channel_name, data_set_id
        from staging.stg_nice_cxone__category_matches where segment_id = '{seg("01")}'
        order by category_match_index, data_set_id
        """
    ) == [
        ("Contacted Multiple Times", "CLIENT", "101"),
        ("Contacted Multiple Times", "CLIENT", "104"),
        ("Duplicate Charge", "CLIENT", "104"),
        ("Apology", "AGENT", "101"),
    ]
    assert run.rows(
        f"""
        select data_set_scope, list(data_set_id order by data_set_id)
        from staging.stg_nice_cxone__matched_data_sets where segment_id = '{seg("01")}'
        group by all order by 1
        """
    ) == [("account_data_set", ["9001"]), ("data_set", ["101", "104", "107"])]
    assert run.rows(
        f"""
        select behavior_name, enlighten_package_models, index_score
        from staging.stg_nice_cxone__enlighten_metrics where segment_id = '{seg("01")}'
        order by metric_index
        """
    ) == [
        ("Acknowledge Loyalty", ["CustomerSatisfaction"], 5.2),
        ("Demonstrate Ownership", ["CustomerSatisfaction"], 7.4),
        ("Effective Questioning", ["CustomerSatisfaction", "SalesEffectiveness"], 6.0),
    ]


def test_agents_and_skills_in_the_dimensions(run: Run) -> None:
    assert run.rows(
        "select agent_name from marts.dim_agents where source_system = 'nice_cxone' order by 1"
    ) == [("Dana Whitfield",), ("Liam Chen",), ("Omar Haddad",), ("Sofia Marin",)]
    assert run.rows(
        "select queue_id, queue_name from marts.dim_queues"
        " where source_system = 'nice_cxone' order by 1"
    ) == [
        ("4101", "Billing Voice"),
        ("4102", "Tech Support Voice"),
        ("4201", "Sales Chat"),
        ("4301", "Outbound Renewals"),
        ("4401", "Billing Email"),
    ]


def test_every_nested_structure_is_queryable_in_staging(run: Run) -> None:
    counts = dict(
        run.rows(
            """
            select table_name, estimated_size from duckdb_tables()
            where schema_name = 'staging' and table_name like 'stg_nice_cxone__%'
            """
        )
    )
    # the sample has nothing to quarantine
    assert counts.pop("stg_nice_cxone__quarantined_records") == 0
    assert sorted(counts) == [
        "stg_nice_cxone__category_matches",
        "stg_nice_cxone__channels",
        "stg_nice_cxone__enlighten_metrics",
        "stg_nice_cxone__entities",
        "stg_nice_cxone__matched_data_sets",
        "stg_nice_cxone__segments",
        "stg_nice_cxone__transcript_blocks",
    ]
    assert all(count > 0 for count in counts.values()), counts
