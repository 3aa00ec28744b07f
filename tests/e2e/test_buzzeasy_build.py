"""Load the Buzzeasy sample OData dump, run a real `dbt build`, and check staging and marts.

Expected values are worked out by hand from the files in sample_data/buzzeasy.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from csv import DictReader
from pathlib import Path

import pytest
from tests.e2e.warehouse import PROJECT, Warehouse

from ccw.vendors.buzzeasy import ENTITY_SETS

BIN = Path(sys.executable).parent

pytestmark = pytest.mark.dbt


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Warehouse]:
    warehouse = Warehouse(tmp_path_factory.mktemp("buzzeasy"))
    load = warehouse.load("buzzeasy", PROJECT / "sample_data" / "buzzeasy")
    assert load.returncode == 0, load.stdout + load.stderr
    assert "29 files loaded (114 records)" in load.stdout
    warehouse.build()
    yield warehouse
    shutil.rmtree(warehouse.work, ignore_errors=True)


def test_every_entity_set_lands_and_is_queryable_from_staging(warehouse: Warehouse) -> None:
    sizes = dict(
        warehouse.rows(
            """
            select table_name, estimated_size from duckdb_tables()
            where schema_name = 'staging' and table_name like 'stg_buzzeasy__%'
            """
        )
    )
    # one staging model per entity set, and the vendor's quarantine, empty for the samples
    assert sizes.pop("stg_buzzeasy__quarantined_records") == 0
    assert sorted(sizes) == sorted(f"stg_buzzeasy__{entity}" for entity in ENTITY_SETS.values())
    assert all(size > 0 for size in sizes.values()), sizes
    # Paginated sets: both pages of Calls and of AgentStates landed.
    assert warehouse.rows(
        """
        select count(distinct _file_path), count(*) from raw.buzzeasy__agent_states
        union all
        select count(distinct _file_path), count(*) from raw.buzzeasy__calls
        """
    ) == [(2, 14), (2, 6)]


def test_a_two_conversation_transfer_chain_is_one_interaction(warehouse: Warehouse) -> None:
    assert warehouse.rows(
        """
        select segment_count, was_transferred, started_at::varchar, ended_at::varchar,
            duration_seconds, queue_segment_count, queue_wait_seconds, workitem_count,
            handle_seconds, bot_segment_count, disposition_name
        from marts.fct_interactions
        where source_system = 'buzzeasy' and interaction_id = 'cv-1001'
        """
    ) == [
        (
            2,
            True,
            "2026-03-02 08:00:00",
            "2026-03-02 08:21:00",
            1260.0,
            2,
            55.0,
            3,
            1175.0,
            2,
            "Resolved",
        )
    ]
    assert warehouse.rows(
        """
        select s.segment_id, s.segment_sequence, s.start_reason, s.end_reason, s.end_reason_raw,
            a.agent_name, q.queue_name
        from marts.fct_segments as s
        inner join marts.fct_interactions as i on s.interaction_key = i.interaction_key
        left join marts.dim_agents as a on s.agent_key = a.agent_key
        left join marts.dim_queues as q on s.queue_key = q.queue_key
        where i.source_system = 'buzzeasy' and i.interaction_id = 'cv-1001'
        order by s.segment_sequence
        """
    ) == [
        (
            "cv-1001",
            0,
            "new_interaction",
            "transferred",
            "TransferToChannel",
            "Anna Kovacs",
            "Support",
        ),
        ("cv-1002", 1, "transfer", "completed", "Default", "Bence Toth-Varga", "Billing"),
    ]
    # No conversation of the chain is an interaction of its own.
    assert warehouse.rows(
        "select count(*) from marts.fct_interactions where interaction_id = 'cv-1002'"
    ) == [(0,)]


def test_queue_exits_callback_abandon_and_refused_enqueue(warehouse: Warehouse) -> None:
    assert warehouse.rows(
        """
        select i.interaction_id, q.exit_reason, q.exit_reason_raw, q.wait_seconds,
            i.was_abandoned
        from marts.fct_queue_segments as q
        inner join marts.fct_interactions as i on q.interaction_key = i.interaction_key
        where i.interaction_id in ('cv-1003', 'cv-1004')
        order by 1
        """
    ) == [
        ("cv-1003", "callback", "CallbackRequested", 110.0, False),
        ("cv-1004", "abandoned", "CustomerDisconnected", 150.0, True),
    ]
    # The refused chat never entered a queue; its attempt stays in staging, and the bot that
    # failed afterwards does not count as containment. The Viber chat the bot answered does.
    assert warehouse.rows(
        "select conversation_id, queue_id, reject_reason, rejected_at::varchar"
        " from staging.stg_buzzeasy__rejected_enqueue_attempts"
    ) == [("cv-1006", "q-chat", "NoStaffedAgentLoggedIn", "2026-03-02 07:10:42")]
    assert warehouse.rows(
        """
        select interaction_id, queue_segment_count, was_contained_by_bot
        from marts.fct_interactions where interaction_id in ('cv-1006', 'cv-1009', 'cv-1010')
        order by 1
        """
    ) == [("cv-1006", 0, False), ("cv-1009", 0, True), ("cv-1010", 0, False)]


def test_bot_segments_get_utc_from_local_times_and_their_step(warehouse: Warehouse) -> None:
    assert warehouse.rows(
        """
        select b.bot_name, b.bot_type, b.started_at::varchar, b.ended_at::varchar, b.outcome
        from marts.fct_bot_segments as b
        inner join marts.fct_interactions as i on b.interaction_key = i.interaction_key
        where i.interaction_id in ('cv-1001', 'cv-1006', 'cv-1010')
        order by b.started_at
        """
    ) == [
        (
            "Identify Customer",
            "identifyCustomer",
            "2026-03-02 07:10:01",
            "2026-03-02 07:10:41",
            "completed",
        ),
        ("Order Status Bot", "customBot", "2026-03-02 07:10:45", "2026-03-02 07:13:45", "failed"),
        (
            "Language Select",
            "autoAttendant",
            "2026-03-02 08:00:02",
            "2026-03-02 08:00:10",
            "completed",
        ),
        ("Main Menu", "menuSelection", "2026-03-02 08:00:10", "2026-03-02 08:00:25", "completed"),
        ("FAQ Bot", "qna", "2026-03-02 14:00:01", "2026-03-02 14:01:29", "abandoned"),
    ]
    # The feed sent them in tenant time (UTC+01:00).
    assert warehouse.rows(
        "select started_at_local::varchar from staging.stg_buzzeasy__bot_segments"
        " where bot_segment_id = 'bt-1'"
    ) == [("2026-03-02 09:00:02",)]


def test_workitems_missed_rejected_and_holds(warehouse: Warehouse) -> None:
    assert warehouse.rows(
        """
        select w.workitem_id, a.agent_name, w.result, w.accepted_at::varchar, w.handle_seconds,
            w.talk_seconds, w.hold_seconds, w.hold_count, w.wrap_up_seconds
        from marts.fct_workitems as w
        inner join marts.dim_agents as a on w.agent_key = a.agent_key
        where w.workitem_id in ('wi-2002', 'wi-2003', 'wi-2005')
        order by 1
        """
    ) == [
        ("wi-2002", "Csilla Nagy", "missed", None, 0.0, 0.0, None, None, 0.0),
        (
            "wi-2003",
            "Bence Toth-Varga",
            "handled",
            "2026-03-02 08:09:54",
            645.0,
            535.0,
            65.0,
            2,
            45.0,
        ),
        ("wi-2005", "Csilla Nagy", "rejected", None, 0.0, 0.0, None, None, 0.0),
    ]


def test_agent_states_with_logins_and_logouts(warehouse: Warehouse) -> None:
    assert warehouse.rows(
        """
        select s.state, s.state_raw, s.break_name, s.started_at::varchar, s.ended_at::varchar,
            s.is_login, s.is_logout, s.logout_reason
        from marts.fct_agent_states as s
        inner join marts.dim_agents as a on s.agent_key = a.agent_key
        where a.agent_name = 'Anna Kovacs'
        order by s.started_at
        """
    ) == [
        (
            "break",
            "Break",
            "Login",
            "2026-03-02 07:50:00",
            "2026-03-02 07:55:00",
            True,
            False,
            None,
        ),
        (
            "available",
            "Idle",
            None,
            "2026-03-02 07:55:00",
            "2026-03-02 08:01:00",
            False,
            False,
            None,
        ),
        ("busy", "Busy", None, "2026-03-02 08:01:00", "2026-03-02 08:09:54", False, False, None),
        (
            "available",
            "Idle",
            None,
            "2026-03-02 08:09:54",
            "2026-03-02 10:05:00",
            False,
            False,
            None,
        ),
        (
            "break",
            "Break",
            "Lunch",
            "2026-03-02 10:05:00",
            "2026-03-02 10:35:00",
            False,
            False,
            None,
        ),
        (
            "logged_out",
            "Logged out",
            None,
            "2026-03-02 16:00:00",
            "2026-03-02 16:00:00",
            False,
            True,
            "AgentLogout",
        ),
    ]
    assert warehouse.rows(
        "select logout_reason from marts.fct_agent_states where is_logout order by 1"
    ) == [("AgentLogout",), ("ConnectionTimeout",), ("ForceLogout",)]


def test_lookups_keep_the_latest_snapshot_and_deleted_rows(warehouse: Warehouse) -> None:
    assert warehouse.rows(
        "select agent_id, agent_name, is_deleted from staging.stg_buzzeasy__agents order by 1"
    ) == [
        ("ag-anna", "Anna Kovacs", False),
        ("ag-bence", "Bence Toth-Varga", False),
        ("ag-csilla", "Csilla Nagy", True),
    ]
    assert warehouse.rows(
        "select agent_name from marts.dim_agents where source_system = 'buzzeasy' order by 1"
    ) == [("Anna Kovacs",), ("Bence Toth-Varga",), ("Csilla Nagy",)]


def test_each_spelling_of_a_field_is_read(warehouse: Warehouse) -> None:
    # Conversations spells startedAtUtc / nextConversationId, Calls startedAtUTC /
    # nextConversationID; Queues has a key with a space; the campaign detail pages have no
    # @odata.context and were placed by file name.
    assert warehouse.rows(
        """
        select count(*), count(started_at), count(next_conversation_id)
        from staging.stg_buzzeasy__conversations
        union all
        select count(*), count(started_at), count(next_conversation_id)
        from staging.stg_buzzeasy__calls
        """
    ) == [(11, 11, 1), (6, 6, 1)]
    assert warehouse.rows(
        "select queue_name, routing_mode from staging.stg_buzzeasy__queues order by 1"
    ) == [
        ("Billing", "Automatic"),
        ("Email Inbox", "Manual"),
        ("Support", "Automatic"),
        ("Web Chat", "Automatic"),
    ]
    assert warehouse.rows(
        """
        select campaign_record_id, custom_field_name, custom_field_values
        from staging.stg_buzzeasy__campaign_record_custom_fields order by 1
        """
    ) == [("rec-1", "PreferredTime", "afternoon"), ("rec-2", "ContractEnd", "2026-04-30")]


def test_mf_query_answers_a_kpi_from_the_semantic_layer(warehouse: Warehouse) -> None:
    """`mf query` (MetricFlow) computes the abandon rate the same way the queue facts give it."""
    parsed = subprocess.run(
        [BIN / "dbt", "parse", "--quiet"],
        cwd=PROJECT,
        env=warehouse.env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert parsed.returncode == 0, parsed.stdout[-3000:]
    csv = warehouse.work / "abandon_rate.csv"
    query = subprocess.run(
        [
            BIN / "mf",
            "query",
            "--metrics",
            "abandon_rate,offered",
            "--group-by",
            "queue_day__source_system",
            "--where",
            "{{ Dimension('queue_day__source_system') }} = 'buzzeasy'",
            "--csv",
            str(csv),
        ],
        cwd=PROJECT,
        env=warehouse.env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert query.returncode == 0, query.stdout[-3000:] + query.stderr[-3000:]
    with csv.open() as handle:
        rows = list(DictReader(handle))
    assert len(rows) == 1, rows
    expected_offered, expected_abandoned = warehouse.rows(
        "select count(*), count(*) filter (where exit_reason = 'abandoned')"
        " from marts.fct_queue_segments where source_system = 'buzzeasy'"
    )[0]
    assert int(float(rows[0]["offered"])) == expected_offered
    assert float(rows[0]["abandon_rate"]) == pytest.approx(expected_abandoned / expected_offered)
