"""Load the CCAI Platform sample session metadata documents, run a real `dbt build`, and check
staging and marts.

Expected values are worked out by hand from the files in sample_data/ccai_platform.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest
from tests.e2e.warehouse import PROJECT, Warehouse

pytestmark = pytest.mark.dbt


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Warehouse]:
    warehouse = Warehouse(tmp_path_factory.mktemp("ccai"))
    load = warehouse.load("ccai_platform", PROJECT / "sample_data" / "ccai_platform")
    assert load.returncode == 0, load.stdout + load.stderr
    assert "9 files loaded (9 records)" in load.stdout
    warehouse.build()
    yield warehouse
    shutil.rmtree(warehouse.work, ignore_errors=True)


def interaction(warehouse: Warehouse, session: str, columns: str) -> tuple[object, ...]:
    found = warehouse.rows(
        f"select {columns} from marts.fct_interactions"
        f" where source_system = 'ccai_platform' and interaction_id = '{session}'"
    )
    assert len(found) == 1, found
    return found[0]


def test_calls_and_chats_land_apart_and_offsets_become_utc(warehouse: Warehouse) -> None:
    assert warehouse.rows(
        "select (select count(*) from raw.ccai_platform__calls),"
        " (select count(*) from raw.ccai_platform__chats)"
    ) == [(8, 1)]
    # Created at 2023-09-11T09:42:01.000+03:00.
    assert interaction(
        warehouse, "call-1001", "started_at::varchar, ended_at::varchar, channel, direction"
    ) == ("2023-09-11 06:42:01", "2023-09-11 06:46:06", "voice", "inbound")
    assert interaction(warehouse, "chat-135", "channel, handle_seconds") == ("chat", 800.0)
    assert interaction(warehouse, "call-1002", "direction, queue_segment_count") == ("outbound", 0)


def test_the_newest_delivery_of_a_document_wins(warehouse: Warehouse) -> None:
    assert warehouse.rows(
        """
        select delivery_count, csat_rating, csat_comment, updated_at::varchar
        from staging.stg_ccai_platform__sessions where session_id = 'call-1001'
        """
    ) == [(2, 4.0, "Great job, I love my agent", "2023-09-11 07:30:00")]
    assert warehouse.rows(
        """
        select s.score, s.raw_value
        from marts.fct_sentiment as s
        inner join marts.fct_interactions as i on s.interaction_key = i.interaction_key
        where i.interaction_id = 'call-1001'
        """
    ) == [(1.0, "4")]


def test_a_virtual_agent_alone_is_not_agent_handling(warehouse: Warehouse) -> None:
    assert interaction(
        warehouse,
        "call-1005",
        "was_handled_by_agent, was_contained_by_bot, workitem_count, bot_segment_count",
    ) == (False, True, 0, 1)
    # The escalated call: the virtual agent, then Lena (agent_info is absent: both handled).
    assert interaction(
        warehouse, "call-1004", "was_handled_by_agent, was_contained_by_bot, queue_wait_seconds"
    ) == (True, False, 30.0)
    assert warehouse.rows(
        """
        select b.bot_name, b.outcome, b.outcome_raw, b.duration_seconds
        from marts.fct_bot_segments as b
        inner join marts.fct_interactions as i on b.interaction_key = i.interaction_key
        where i.interaction_id = 'call-1004'
        """
    ) == [("Billing Assistant", "escalated", "by_end_user_ask", 120.0)]
    assert warehouse.rows(
        """
        select agent_info_kind, count(*) from staging.stg_ccai_platform__sessions
        group by all order by 1 nulls first
        """
    ) == [(None, 2), ("human_agent", 5), ("virtual_agent", 1)]


def test_a_transfer_starts_a_new_segment(warehouse: Warehouse) -> None:
    assert warehouse.rows(
        """
        select s.segment_sequence, s.start_reason, s.end_reason, a.agent_name, q.queue_name,
            s.started_at::varchar
        from marts.fct_segments as s
        inner join marts.fct_interactions as i on s.interaction_key = i.interaction_key
        left join marts.dim_agents as a on s.agent_key = a.agent_key
        left join marts.dim_queues as q on s.queue_key = q.queue_key
        where i.interaction_id = 'call-1003'
        order by s.segment_sequence
        """
    ) == [
        (0, "new_interaction", "transferred", "Noam B", "Billing", "2023-09-11 09:00:00"),
        (1, "transfer", "completed", "Omar S", "Technical Support", "2023-09-11 09:05:00"),
    ]
    assert warehouse.rows(
        """
        select q.queue_segment_id, q.wait_seconds, q.exit_reason, w.handle_seconds, w.hold_seconds
        from marts.fct_queue_segments as q
        inner join marts.fct_workitems as w on q.segment_key = w.segment_key
        where q.queue_segment_id like 'call-1003:%'
        order by 1
        """
    ) == [
        ("call-1003:queue:0", 30.0, "answered", 245.0, 40.0),
        ("call-1003:queue:1", 35.0, "answered", 380.0, 0.0),
    ]


def test_voicemail_deflection_and_a_scheduled_callback(warehouse: Warehouse) -> None:
    assert warehouse.rows(
        """
        select status, status_raw, deflection from staging.stg_ccai_platform__sessions
        where session_id = 'call-1006'
        """
    ) == [("voicemail_received", "81", "voicemail")]
    assert interaction(
        warehouse, "call-1006", "was_abandoned, was_handled_by_agent, queue_wait_seconds"
    ) == (False, False, 85.0)
    assert warehouse.rows(
        """
        select s.start_reason, s.started_at::varchar, i.started_at::varchar
        from marts.fct_segments as s
        inner join marts.fct_interactions as i on s.interaction_key = i.interaction_key
        where i.interaction_id = 'call-1007'
        """
    ) == [("callback", "2023-09-11 12:30:00", "2023-09-11 12:30:00")]


def test_every_nested_structure_is_queryable_in_staging(warehouse: Warehouse) -> None:
    assert warehouse.rows(
        """
        select 'participants', count(*) from staging.stg_ccai_platform__participants
        union all select 'transfers', count(*) from staging.stg_ccai_platform__transfers
        union all select 'escalations', count(*) from staging.stg_ccai_platform__escalations
        union all select 'va stretches', count(*)
            from staging.stg_ccai_platform__virtual_agent_handle_durations
        union all select 'menu nodes', count(*) from staging.stg_ccai_platform__menu_path_nodes
        """
    ) == [
        ("participants", 16),
        ("transfers", 1),
        ("escalations", 1),
        ("va stretches", 2),
        ("menu nodes", 18),
    ]
    assert warehouse.rows(
        """
        select list(queue_id order by path_depth), list(is_leaf order by path_depth)
        from staging.stg_ccai_platform__menu_path_nodes where session_id = 'call-1001'
        """
    ) == [(["2420", "4563", "6205"], [False, False, True])]
    assert warehouse.rows(
        """
        select disposition_code, recording_permission, is_verified, photo_count
        from staging.stg_ccai_platform__sessions where session_id = 'call-1001'
        """
    ) == [("Resolved", "granted", True, 1)]
