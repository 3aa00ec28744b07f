"""Reading a warehouse back in tests: the one query helper every test uses."""

from __future__ import annotations

from pathlib import Path

import duckdb


def query(db: Path, sql: str, params: list[object] | None = None) -> list[tuple[object, ...]]:
    """Rows of `sql` against the warehouse file `db`, opened read-only."""
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


# The manifest as releases before load options and unloads were recorded wrote it.
EARLIER_MANIFEST_DDL = """
    create table raw._load_files (
        file_path varchar not null, file_sha256 varchar, file_size_bytes bigint,
        source_system varchar not null, entity varchar, status varchar not null,
        reason varchar, record_count bigint not null, batch_id varchar not null,
        loaded_at timestamp not null)
"""
