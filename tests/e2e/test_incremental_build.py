"""Incremental builds give the marts a full refresh gives.

Every vendor's samples plus a generated NICE CXone history are built once; then a new NICE batch
arrives (new segments and reprocessed versions of old ones, plus the sample's reprocessing
export) and the project is built incrementally; then an old export is delivered again (older
versions arriving late) and built incrementally again. The marts and the NICE staging tables
are then compared, row for row, with what `dbt build --full-refresh` makes of the same raw data.
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
from tests.e2e.warehouse import PROJECT, Warehouse, differing_rows, snapshot

pytestmark = pytest.mark.dbt

SAMPLES = PROJECT / "sample_data"
OTHER_VENDORS = {
    "cxengage": [],
    "buzzeasy": [],
    "ccai_platform": [],
    "kore_smartassist": ["--assume-timezone", "+05:30"],
}
HISTORY_RECORDS = 300


@dataclass
class Run:
    warehouse: Warehouse
    incremental: Path
    full_refresh: Path
    compared_tables: list[str]
    incremental_runs: list[dict[str, object]]


def model_runs(warehouse: Warehouse) -> dict[str, object]:
    """How the last build ran each NICE-fed model: its materialization and compiled SQL."""
    results = json.loads((warehouse.target / "run_results.json").read_text())
    return {
        result["unique_id"].split(".")[-1]: result.get("compiled_code") or ""
        for result in results["results"]
        if result["unique_id"].startswith("model.")
    }


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

    for vendor, options in OTHER_VENDORS.items():
        assert warehouse.load(vendor, SAMPLES / vendor, *options).returncode == 0
    assert warehouse.load("nice_cxone", SAMPLES / "nice_cxone" / "2026-03-02").returncode == 0
    assert warehouse.load("nice_cxone", history).returncode == 0
    warehouse.build()

    incremental_runs = []
    assert warehouse.load("nice_cxone", new, SAMPLES / "nice_cxone" / "2026-03-03").returncode == 0
    warehouse.build()
    incremental_runs.append(model_runs(warehouse))
    assert warehouse.load("nice_cxone", late).returncode == 0
    warehouse.build()
    incremental_runs.append(model_runs(warehouse))
    incremental = work / "incremental.duckdb"
    tables = snapshot(warehouse, incremental)

    warehouse.build("--full-refresh")
    full_refresh = work / "full_refresh.duckdb"
    snapshot(warehouse, full_refresh)
    yield Run(warehouse, incremental, full_refresh, tables, incremental_runs)
    shutil.rmtree(work, ignore_errors=True)


def test_incremental_and_full_refresh_builds_give_identical_tables(run: Run) -> None:
    assert "marts.fct_transcript_turns" in run.compared_tables
    assert "staging.base_nice_cxone__segments" in run.compared_tables
    with duckdb.connect() as con:
        con.execute(f"attach '{run.incremental}' as incremental (read_only)")
        con.execute(f"attach '{run.full_refresh}' as full_refresh (read_only)")
        for table in run.compared_tables:
            counts = con.execute(
                f"select (select count(*) from incremental.{table}),"
                f" (select count(*) from full_refresh.{table})"
            ).fetchone()
            assert counts is not None and counts[0] == counts[1], (table, counts)
    assert differing_rows(run.incremental, run.full_refresh, run.compared_tables) == {}


def test_the_later_builds_ran_incrementally(run: Run) -> None:
    for compiled in run.incremental_runs:
        # the watermark filters appear only in an incremental run's SQL
        assert "last_delivered_at" in str(compiled["base_nice_cxone__segments"])
        assert "-infinity" in str(compiled["fct_transcript_turns"])


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
