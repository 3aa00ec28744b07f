"""Where a pull stands, kept in the warehouse (`raw._pull_state`).

One row per source system, endpoint and scope (the API and account, entity set or id list a pull
reads): the range asked for, the position reached (the end of the last window, the next page's
link, the ids done), whether the range was finished, and the run that wrote it. A position is
written only after what it covers has landed, so a pull stopped at any point resumes from the
last landed window or page and never skips one; what it reads again is skipped by content hash
or deduplicated by staging.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import duckdb

from ccw.landing import RAW_SCHEMA

STATE_TABLE = f"{RAW_SCHEMA}._pull_state"


@dataclass(frozen=True)
class PullState:
    source_system: str
    endpoint: str
    scope: str
    range_start: str | None
    range_end: str | None
    position: str | None
    finished: bool
    run_id: str
    updated_at: datetime


def ensure_state_table(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(f"create schema if not exists {RAW_SCHEMA}")
    con.execute(
        f"""
        create table if not exists {STATE_TABLE} (
            source_system varchar not null,
            endpoint varchar not null,
            scope varchar not null,
            range_start varchar,
            range_end varchar,
            position varchar,
            finished boolean not null,
            run_id varchar not null,
            updated_at timestamp not null
        )
        """
    )


def read_state(
    con: duckdb.DuckDBPyConnection, source_system: str, endpoint: str, scope: str
) -> PullState | None:
    row = con.execute(
        f"""
        select source_system, endpoint, scope, range_start, range_end, position, finished,
            run_id, updated_at
        from {STATE_TABLE}
        where source_system = ? and endpoint = ? and scope = ?
        """,
        [source_system, endpoint, scope],
    ).fetchone()
    return PullState(*row) if row else None


def write_state(con: duckdb.DuckDBPyConnection, state: PullState) -> None:
    """Replace the row of the state's source system, endpoint and scope, in one transaction."""
    con.execute("begin")
    try:
        con.execute(
            f"delete from {STATE_TABLE} where source_system = ? and endpoint = ? and scope = ?",
            [state.source_system, state.endpoint, state.scope],
        )
        con.execute(
            f"insert into {STATE_TABLE} values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                state.source_system,
                state.endpoint,
                state.scope,
                state.range_start,
                state.range_end,
                state.position,
                state.finished,
                state.run_id,
                state.updated_at,
            ],
        )
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise


def now_utc() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)
