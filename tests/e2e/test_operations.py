"""Running the warehouse day to day: a build without the customer-key salt writes nothing, a load
with the wrong offset (or a bad NICE batch) is taken back with `ccw unload` and loaded again,
and the next build reflects it, incremental models included, with no --full-refresh.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from tests.e2e.warehouse import PROJECT, Warehouse, differing_rows, snapshot

pytestmark = pytest.mark.dbt

SAMPLES = PROJECT / "sample_data"
KORE = SAMPLES / "kore_smartassist"
NICE_DAY_1 = SAMPLES / "nice_cxone" / "2026-03-02"
# The NICE sample's second day: a reprocessing export (versionId 2 of a day-1 segment).
NICE_DAY_2 = SAMPLES / "nice_cxone" / "2026-03-03"
SALT_MISSING = "CCW_CUSTOMER_KEY_SALT is not set"
# The newest version staged, and the segments staged, from NICE CXone.
NICE_VERSIONS = "select max(version_number), count(*) from staging.base_nice_cxone__segments"


def without_salt(warehouse: Warehouse) -> dict[str, str]:
    return {k: v for k, v in warehouse.env.items() if k != "CCW_CUSTOMER_KEY_SALT"}


def batch_of(load_output: str) -> str:
    match = re.search(r"; batch ([0-9a-f-]{36})", load_output)
    assert match, load_output
    return match.group(1)


def kore_session_starts_in_utc(offset: timedelta) -> dict[str, datetime]:
    """Each sample session's start, read from the files as local time at `offset`, in UTC."""
    starts = {}
    for path in sorted(KORE.rglob("*.json")):
        for session in json.loads(path.read_text())["data"]:
            if session.get("sessionStartTime"):
                local = datetime.fromisoformat(session["sessionStartTime"])
                starts[session["sessionId"]] = local - offset
    return starts


def kore_bot_segment_starts(warehouse: Warehouse) -> dict[str, datetime]:
    return {
        str(segment_id).removesuffix(":bot"): started_at  # type: ignore[misc]
        for segment_id, started_at in warehouse.rows(
            "select segment_id, started_at from marts.fct_segments"
            " where source_system = 'kore_smartassist' and segment_id like '%:bot'"
        )
    }


def test_a_build_without_the_salt_stops_before_writing_anything(tmp_path: Path) -> None:
    warehouse = Warehouse(tmp_path)
    assert warehouse.load("cxengage", SAMPLES / "cxengage").returncode == 0

    done = warehouse.dbt("build", env=without_salt(warehouse))

    assert done.returncode != 0
    assert SALT_MISSING in done.stdout and "fct_interactions" in done.stdout
    assert warehouse.rows(
        "select count(*) from information_schema.tables"
        " where table_schema in ('staging', 'intermediate', 'marts')"
    ) == [(0,)]


@dataclass
class Scenario:
    warehouse: Warehouse
    wrong_kore_starts: dict[str, datetime]
    refused_reload: str
    unsalted_build: str
    marts_before_unsalted: Path
    marts_after_unsalted: Path
    compared: list[str]
    unload_build: str
    after_unload: Path
    full_refresh: Path
    nice_versions_before: list[tuple[object, ...]]
    nice_versions_after_unload: list[tuple[object, ...]]
    reload_build_compiled_base: str
    nice_versions_after_reload: list[tuple[object, ...]]


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Scenario]:
    work = tmp_path_factory.mktemp("operations")
    warehouse = Warehouse(work)
    for vendor in ("cxengage", "buzzeasy", "ccai_platform"):
        assert warehouse.load(vendor, SAMPLES / vendor).returncode == 0
    # Kore loaded with the wrong offset (UTC instead of IST), NICE in two batches
    wrong = warehouse.load("kore_smartassist", KORE, "--assume-timezone", "+00:00")
    assert wrong.returncode == 0, wrong.stderr
    assert warehouse.load("nice_cxone", NICE_DAY_1).returncode == 0
    nice_day_2 = warehouse.load("nice_cxone", NICE_DAY_2)
    assert nice_day_2.returncode == 0
    warehouse.build()
    wrong_kore_starts = kore_bot_segment_starts(warehouse)
    nice_versions_before = warehouse.rows(NICE_VERSIONS)

    # the right offset, in the vendor's own minutes, is refused while the wrong load stands
    refused = warehouse.load("kore_smartassist", KORE, "--assume-timezone", "-330")
    assert refused.returncode == 2, refused.stdout + refused.stderr
    for batch_id in (batch_of(wrong.stdout), batch_of(nice_day_2.stdout)):
        unloaded = warehouse.ccw("unload", "--batch", batch_id)
        assert unloaded.returncode == 0, unloaded.stderr
    reloaded = warehouse.load("kore_smartassist", KORE, "--assume-timezone", "-330")
    assert reloaded.returncode == 0, reloaded.stderr

    # with changes waiting, a build without the salt stops and the marts stay as they were
    before = work / "before-unsalted.duckdb"
    compared = snapshot(warehouse, before)
    unsalted = warehouse.dbt("build", env=without_salt(warehouse))
    assert unsalted.returncode != 0
    after_unsalted = work / "after-unsalted.duckdb"
    snapshot(warehouse, after_unsalted)

    unload_build = warehouse.dbt("build")
    assert unload_build.returncode == 0, unload_build.stdout[-5000:]
    after_unload = work / "after-unload.duckdb"
    snapshot(warehouse, after_unload)
    nice_versions_after_unload = warehouse.rows(NICE_VERSIONS)
    warehouse.build("--full-refresh")
    full_refresh = work / "full-refresh.duckdb"
    snapshot(warehouse, full_refresh)

    # the reprocessing export again: a plain incremental build takes it
    assert warehouse.load("nice_cxone", NICE_DAY_2).returncode == 0
    warehouse.build()
    run_results = json.loads((warehouse.target / "run_results.json").read_text())
    compiled_base = next(
        r.get("compiled_code") or ""
        for r in run_results["results"]
        if r["unique_id"].endswith(".base_nice_cxone__segments")
    )
    yield Scenario(
        warehouse=warehouse,
        wrong_kore_starts=wrong_kore_starts,
        refused_reload=refused.stderr,
        unsalted_build=unsalted.stdout,
        marts_before_unsalted=before,
        marts_after_unsalted=after_unsalted,
        compared=compared,
        unload_build=unload_build.stdout,
        after_unload=after_unload,
        full_refresh=full_refresh,
        nice_versions_after_unload=nice_versions_after_unload,
        reload_build_compiled_base=compiled_base,
        nice_versions_before=nice_versions_before,
        nice_versions_after_reload=warehouse.rows(NICE_VERSIONS),
    )
    shutil.rmtree(work, ignore_errors=True)


def test_the_wrong_offset_put_local_times_in_the_marts_as_utc(scenario: Scenario) -> None:
    assert scenario.wrong_kore_starts == kore_session_starts_in_utc(timedelta(0))


def test_reloading_with_another_offset_names_the_earlier_one_and_unload(
    scenario: Scenario,
) -> None:
    last = scenario.refused_reload.strip().splitlines()[-1]
    assert "loaded before with --assume-timezone +00:00" in last
    assert "not +05:30" in last and "`ccw unload --batch " in last


def test_after_unload_and_reload_the_marts_show_the_right_utc_times(scenario: Scenario) -> None:
    ist = timedelta(hours=5, minutes=30)
    assert kore_bot_segment_starts(scenario.warehouse) == kore_session_starts_in_utc(ist)
    # session 3 by hand: started 20:35:23 IST
    assert kore_bot_segment_starts(scenario.warehouse)["66f57833aca47e4a408a0003"] == datetime(
        2024, 9, 26, 15, 5, 23
    )


def test_an_incremental_build_with_the_salt_unset_changes_no_mart(scenario: Scenario) -> None:
    assert SALT_MISSING in scenario.unsalted_build
    assert "marts.fct_interactions" in scenario.compared
    assert (
        differing_rows(
            scenario.marts_before_unsalted, scenario.marts_after_unsalted, scenario.compared
        )
        == {}
    )


def test_the_build_after_an_unload_rebuilds_incremental_models_without_being_asked(
    scenario: Scenario,
) -> None:
    assert "ccw unload took records back since their last build" in scenario.unload_build
    assert "base_nice_cxone__segments" in scenario.unload_build
    # the reprocessed version went with its batch, and so did the segment only it delivered
    assert scenario.nice_versions_after_unload[0][0] == 1
    assert scenario.nice_versions_after_unload[0][1] < scenario.nice_versions_before[0][1]
    assert differing_rows(scenario.after_unload, scenario.full_refresh, scenario.compared) == {}


def test_the_next_load_builds_incrementally_again(scenario: Scenario) -> None:
    assert "last_delivered_at" in scenario.reload_build_compiled_base
    assert scenario.nice_versions_before[0][0] == 2
    assert scenario.nice_versions_after_reload == scenario.nice_versions_before


def test_status_reports_the_quarantine_and_the_unloaded_batches(scenario: Scenario) -> None:
    done = scenario.warehouse.ccw("status", "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["quarantine"] == []
    states = sorted(
        (b["source_system"], b["state"]) for b in report["batches"] if b["state"] == "unloaded"
    )
    assert states == [("kore_smartassist", "unloaded"), ("nice_cxone", "unloaded")]
