"""Pull 2,500 Kore SmartAssist sessions over ten days from a local fake of interactionDetails
that answers 429 every few requests, run a real `dbt build`, and check that each session
reaches the marts exactly once, in UTC; then pull again with an overlap and build again."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import datetime

import pytest
from tests.e2e.warehouse import Warehouse
from tests.pull.fakes import FakeKore, kore_sessions

pytestmark = pytest.mark.dbt

TOKEN = "eyJhbGciOiJIUzI1NiJ9.e2e.token"
ACCOUNT = "66bc4a29bdaafdb08461beef"
SESSIONS = 2500


@pytest.fixture(scope="module")
def pulled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Warehouse, FakeKore]]:
    warehouse = Warehouse(tmp_path_factory.mktemp("kore_pull"))
    warehouse.env["KORE_SMARTASSIST_TOKEN"] = TOKEN
    with FakeKore(kore_sessions(SESSIONS, datetime(2024, 9, 1), days=10), TOKEN, ACCOUNT) as api:
        api.every_429 = 3
        api.retry_after = "1"
        yield warehouse, api
    shutil.rmtree(warehouse.work, ignore_errors=True)


def pull(warehouse: Warehouse, api: FakeKore, *range_options: str) -> str:
    done = warehouse.ccw(
        "pull",
        "kore_smartassist",
        "--url",
        api.url,
        "--account-id",
        ACCOUNT,
        "--timezone-offset",
        "-330",
        "--landing",
        str(warehouse.work / "landing"),
        *range_options,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout + done.stderr


def test_each_session_lands_once_and_builds(pulled: tuple[Warehouse, FakeKore]) -> None:
    warehouse, api = pulled
    output = pull(warehouse, api, "--since", "2024-09-01", "--until", "2024-09-10")
    assert "retry 1: HTTP 429" in output
    assert f"{SESSIONS:,} records received" in output
    assert warehouse.rows(
        "select count(*), count(distinct record->>'sessionId') from raw.kore_smartassist__sessions"
    ) == [(SESSIONS, SESSIONS)]
    warehouse.build()
    assert warehouse.rows(
        "select count(*), count(distinct interaction_id) from marts.fct_interactions"
        " where source_system = 'kore_smartassist'"
    ) == [(SESSIONS, SESSIONS)]
    # The first session began 2024-09-01 00:00:00 at UTC+05:30 (timeZoneOffset -330).
    assert warehouse.rows(
        "select min(started_at)::varchar from marts.fct_interactions"
        " where source_system = 'kore_smartassist'"
    ) == [("2024-08-31 18:30:00",)]


def test_an_overlapping_pull_and_rebuild_keep_each_session_once(
    pulled: tuple[Warehouse, FakeKore],
) -> None:
    warehouse, api = pulled
    api.every_429 = 0
    output = pull(warehouse, api, "--since", "2024-09-01", "--until", "2024-09-10")
    assert "0 files loaded" in output
    # Without --since: from the last pull's end, an hour back (the default overlap).
    output = pull(warehouse, api, "--until", "2024-09-12")
    assert "continuing after the last pull (up to 2024-09-10 23:59:59)" in output
    raw_rows = warehouse.rows("select count(*) from raw.kore_smartassist__sessions")[0][0]
    assert isinstance(raw_rows, int) and raw_rows > SESSIONS
    warehouse.build()
    assert warehouse.rows(
        "select count(*), count(distinct interaction_id) from marts.fct_interactions"
        " where source_system = 'kore_smartassist'"
    ) == [(SESSIONS, SESSIONS)]
