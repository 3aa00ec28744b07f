"""Incremental builds give the marts a full refresh gives, for every vendor.

Every vendor's samples, a generated NICE CXone history and a few hand-made deliveries are built
once. Then a second delivery of every vendor arrives and the project is built incrementally:
re-delivered and reprocessed records (CxEngage and Kore by latest delivery, CCAI by a later
`updated_at`, Buzzeasy by key, NICE by version), new records, a Buzzeasy conversation that joins
an earlier chain to a later one, and one that brings a waiting workitem into staging. Then older
versions arrive late (NICE re-exports, a CCAI document with an earlier `updated_at`) and the
project is built incrementally again. Every mart and staging table is then compared, row for
row, with what `dbt build --full-refresh` makes of the same raw data.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest
from bench.generators.nice_cxone import generate
from tests.e2e.warehouse import (
    PROJECT,
    SAMPLE_LOAD_OPTIONS,
    Warehouse,
    differing_rows,
    snapshot,
)

pytestmark = pytest.mark.dbt

SAMPLES = PROJECT / "sample_data"
HISTORY_RECORDS = 300
BUZZEASY = "https://odata.buzzeasy.com/odata/v1/$metadata#"


@dataclass
class Run:
    warehouse: Warehouse
    incremental: Path
    full_refresh: Path
    compared_tables: list[str]
    incremental_runs: list[dict[str, object]]
    after_second: dict[str, list[tuple[object, ...]]]


def model_runs(warehouse: Warehouse) -> dict[str, object]:
    """How the last build ran each model: its compiled SQL."""
    results = json.loads((warehouse.target / "run_results.json").read_text())
    return {
        result["unique_id"].split(".")[-1]: result.get("compiled_code") or ""
        for result in results["results"]
        if result["unique_id"].startswith("model.")
    }


def write(path: Path, value: object) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(value), encoding="utf-8")
    return path


def page(entity_set: str, *records: dict[str, object]) -> dict[str, object]:
    return {"@odata.context": BUZZEASY + entity_set, "value": list(records)}


def call(conversation_id: str, minute: int, **extra: object) -> dict[str, object]:
    """A Buzzeasy call starting at 10:<minute> UTC on 2026-03-02 (Budapest local +1 h)."""
    return {
        "id": conversation_id,
        "channelType": "Voice",
        "conversationEndedReason": "Default",
        "startedAt": f"2026-03-02T11:{minute:02d}:00",
        "startedAtUTC": f"2026-03-02T10:{minute:02d}:00Z",
        "endedAtUTC": f"2026-03-02T10:{minute + 5:02d}:00Z",
        "customerId": f"cu-{conversation_id}",
        **extra,
    }


def sample_json(*parts: str) -> dict[str, object]:
    loaded: dict[str, object] = json.loads(SAMPLES.joinpath(*parts).read_text(encoding="utf-8"))
    return loaded


def deliveries(work: Path) -> tuple[Path, Path, Path]:
    """Hand-made deliveries for the first, second and third load of the vendors whose samples
    hold no re-delivery of their own."""
    first, second, third = work / "first", work / "second", work / "third"
    # Buzzeasy: a chain's second conversation and a workitem whose conversation comes later
    write(first / "buzzeasy" / "Calls.json", page("Calls", call("q-merge-2", 10)))
    write(
        first / "buzzeasy" / "Workitems.json",
        page(
            "Workitems",
            {
                "id": "q-late-wi",
                "agentId": "ag-anna",
                "primaryConversationID": "q-late-conv",
                "result": "Handled",
                "startTimeUTC": "2026-03-02T10:31:00Z",
                "endTimeUTC": "2026-03-02T10:34:00Z",
                "activeDurationInSeconds": 150,
            },
        ),
    )
    # ... then the chain's first conversation, the waiting workitem's conversation, and a call
    # delivered again with another end
    calls = sample_json("buzzeasy", "2026-03-02", "Calls-page-1.json")["value"]
    assert isinstance(calls, list)
    redelivered = {**calls[-1], "conversationEndedReason": "Abandoned"}
    write(
        second / "buzzeasy" / "Calls.json",
        page(
            "Calls",
            call("q-merge-1", 0, nextConversationID="q-merge-2"),
            call("q-late-conv", 30),
            redelivered,
        ),
    )
    # Kore: a session delivered again with a later end and a new one
    response = sample_json("kore_smartassist", "2024-09-26", "interaction-details-offset-0.json")
    sessions = response["data"]
    assert isinstance(sessions, list)
    changed = {**sessions[2], "sessionEndTime": "2024-09-26T20:42:00"}
    added = {
        **sessions[0],
        "sessionId": "66f4f3aa205c5afb97d3ffff",
        "sessionStartTime": "2024-09-26T21:00:00",
        "sessionEndTime": "2024-09-26T21:02:00",
    }
    write(second / "kore_smartassist" / "day-2.json", {"numResults": 2, "data": [changed, added]})
    # CCAI: the sample's second day rewrites call 1001 (a later updated_at); an older version of
    # it arrives late
    older = sample_json("ccai_platform", "2023-09-11", "call-1001.json")
    older["updated_at"] = "2023-09-11T00:00:00.000Z"
    older["status"] = "failed"
    write(third / "ccai_platform" / "call-1001-stale.json", older)
    return first, second, third


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Run]:
    work = tmp_path_factory.mktemp("incremental")
    warehouse = Warehouse(work)
    history, new, late = work / "history", work / "new", work / "late"
    records, _ = generate(history, 100, seed=11, records_per_file=100, max_records=300)
    assert records == HISTORY_RECORDS
    generate(new, 0.3, seed=11, records_per_file=20, start=records, reprocess=0.3)
    # The history again, split into other files: every record a second delivery of its
    # version 1, which must lose wherever the new batch brought a version 2.
    generate(late, 100, seed=11, records_per_file=70, max_records=300)
    first, second, third = deliveries(work)

    def load(vendor: str, *paths: Path) -> None:
        done = warehouse.load(vendor, *paths, *SAMPLE_LOAD_OPTIONS[vendor])
        assert done.returncode == 0, done.stdout + done.stderr

    load("cxengage", SAMPLES / "cxengage" / "2026-03-02")
    load("nice_cxone", SAMPLES / "nice_cxone" / "2026-03-02", history)
    load("buzzeasy", SAMPLES / "buzzeasy" / "2026-03-02", first / "buzzeasy")
    load("kore_smartassist", SAMPLES / "kore_smartassist")
    load("ccai_platform", SAMPLES / "ccai_platform" / "2023-09-11")
    warehouse.build()

    incremental_runs = []
    load("cxengage", SAMPLES / "cxengage" / "2026-03-03")
    load("nice_cxone", new, SAMPLES / "nice_cxone" / "2026-03-03")
    load("buzzeasy", SAMPLES / "buzzeasy" / "2026-03-03", second / "buzzeasy")
    load("kore_smartassist", second / "kore_smartassist")
    load("ccai_platform", SAMPLES / "ccai_platform" / "2023-09-12")
    warehouse.build()
    incremental_runs.append(model_runs(warehouse))
    after_second = {
        "buzzeasy_interactions": warehouse.rows(
            "select interaction_id from marts.fct_interactions"
            " where interaction_id like 'q-merge-%' order by 1"
        ),
        "waiting_workitem": warehouse.rows(
            "select (select count(*) from marts.fct_workitems where workitem_id = 'q-late-wi'),"
            " (select count(*) from staging.quarantined_records where record_id = 'q-late-wi')"
        ),
    }

    load("nice_cxone", late)
    load("ccai_platform", third / "ccai_platform")
    warehouse.build()
    incremental_runs.append(model_runs(warehouse))
    incremental = work / "incremental.duckdb"
    tables = snapshot(warehouse, incremental, staging_like="%")

    warehouse.build("--full-refresh")
    full_refresh = work / "full_refresh.duckdb"
    snapshot(warehouse, full_refresh, staging_like="%")
    yield Run(warehouse, incremental, full_refresh, tables, incremental_runs, after_second)
    shutil.rmtree(work, ignore_errors=True)


def test_incremental_and_full_refresh_builds_give_identical_tables(run: Run) -> None:
    for table in (
        "marts.fct_transcript_turns",
        "marts.fct_agent_states",
        "staging.base_nice_cxone__segments",
        "staging.base_cxengage__interactions",
        "staging.base_kore_smartassist__sessions",
        "staging.base_ccai_platform__sessions",
        "staging.stg_buzzeasy__calls",
        "staging.quarantined_records",
    ):
        assert table in run.compared_tables
    with duckdb.connect() as con:
        con.execute(f"attach '{run.incremental}' as incremental (read_only)")
        con.execute(f"attach '{run.full_refresh}' as full_refresh (read_only)")
        for table in run.compared_tables:
            counts = con.execute(
                f"select (select count(*) from incremental.{table}),"
                f" (select count(*) from full_refresh.{table})"
            ).fetchone()
            assert counts is not None and counts[0] == counts[1], (table, counts)
        # every vendor is in the marts compared
        assert {
            vendor
            for (vendor,) in con.execute(
                "select distinct source_system from incremental.marts.fct_interactions"
            ).fetchall()
        } == set(SAMPLE_LOAD_OPTIONS)
    assert differing_rows(run.incremental, run.full_refresh, run.compared_tables) == {}


def test_the_later_builds_ran_incrementally(run: Run) -> None:
    incremental_models = [
        "base_nice_cxone__segments",
        "base_cxengage__interactions",
        "base_kore_smartassist__sessions",
        "base_ccai_platform__sessions",
        "stg_buzzeasy__calls",
        "base_buzzeasy__record_checks",
        "stg_cxengage__segments",
        "fct_interactions",
        "fct_transcript_turns",
        "fct_agent_states",
    ]
    for compiled in run.incremental_runs:
        for model in incremental_models:
            # a watermark appears only in an incremental run's SQL
            assert "-infinity" in str(compiled[model]), model


def test_a_late_conversation_joins_its_chain_and_releases_its_workitem(run: Run) -> None:
    # q-merge-2 was an interaction of its own until q-merge-1, delivered later, pointed to it
    assert run.after_second["buzzeasy_interactions"] == [("q-merge-1",)]
    # the workitem waited in quarantine for its conversation, then reached the marts
    assert run.after_second["waiting_workitem"] == [(1, 0)]


def test_the_newest_ccai_document_won_over_the_late_older_one(run: Run) -> None:
    assert run.warehouse.rows(
        "select status from staging.stg_ccai_platform__sessions where session_id like '%1001'"
    ) != [("failed",)]


def test_reprocessed_versions_won_and_late_old_versions_did_not(run: Run) -> None:
    with duckdb.connect(str(run.incremental), read_only=True) as con:
        versions = dict(
            con.execute(
                """
                select version_number, count(*)
                from staging.base_nice_cxone__segments
                where segment_id in (
                    select segment_id from staging.base_nice_cxone__segments
                    where delivery_count >= 3
                )
                group by version_number
                """
            ).fetchall()
        )
        # generated history segments delivered three times (v1, v2 reprocessed, v1 again)
        # keep version 2
        assert versions.get(2, 0) > 0
        assert set(versions) == {2}
        assert con.execute(
            "select count(*) from staging.base_nice_cxone__segments where delivery_count = 0"
        ).fetchone() == (0,)


def test_customer_identities_reach_the_marts_only_as_salted_keys(run: Run) -> None:
    warehouse = run.warehouse
    identities = [
        str(identity)
        for (identity,) in warehouse.rows(
            "select distinct customer_identifier from intermediate.int_interactions"
            " where customer_identifier is not null"
        )
    ]
    # every vendor's samples name their customers
    assert {i.split(":")[0] for i in identities} == {"phone", "email", "id"}
    full_names = {
        f"{first} {last}"
        for first, last in warehouse.rows(
            """
            select customer_first_name, customer_last_name
            from staging.stg_kore_smartassist__sessions
            union
            select customer_first_name, customer_last_name
            from staging.stg_buzzeasy__calls
            """
        )
        if first and last
    }
    assert full_names
    phones = {i.removeprefix("phone:") for i in identities if i.startswith("phone:")}
    emails = {i.removeprefix("email:") for i in identities if i.startswith("email:")}
    text_columns = warehouse.rows(
        """
        select table_name, column_name from information_schema.columns
        where table_schema = 'marts' and data_type = 'VARCHAR'
            and not (table_name = 'fct_transcript_turns' and column_name = 'turn_text')
        """
    )
    leaks = []
    for table, column in text_columns:
        cells = {str(v) for (v,) in warehouse.rows(f"select distinct {column} from marts.{table}")}
        for cell in cells:
            digits = "".join(ch for ch in cell if ch.isdigit())
            found = [p for p in phones if p in digits]
            found += [e for e in emails if e in cell.lower()]
            found += [n for n in full_names if n.lower() in cell.lower()]
            leaks += [(table, column, value) for value in found]
    assert leaks == []

    # the key is the salted SHA-256 of the identity: same customer, same key, across vendors too
    salt = os.environ["CCW_CUSTOMER_KEY_SALT"]
    mismatched = warehouse.rows(
        f"""
        select count(*)
        from marts.fct_interactions as f
        inner join intermediate.int_interactions as i
            on f.source_system = i.source_system and f.interaction_id = i.interaction_id
        where f.customer_key is distinct from sha256('{salt}' || '|' || i.customer_identifier)
        """
    )
    assert mismatched == [(0,)]
    assert warehouse.rows(
        "select count(*) from marts.fct_interactions where customer_key is not null"
    ) != [(0,)]
    # the salt reaches DuckDB as a bound parameter: no compiled SQL, manifest or log holds it
    written = [*warehouse.target.rglob("*"), *(warehouse.work / "logs").rglob("*")]
    assert any(path.name == "manifest.json" for path in written)
    holding_salt = [p for p in written if p.is_file() and salt.encode() in p.read_bytes()]
    assert holding_salt == []
