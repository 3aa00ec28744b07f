"""Reading a warehouse back in tests: the one query helper every test uses."""

from __future__ import annotations

from pathlib import Path

import duckdb


def query(db: Path, sql: str, params: list[object] | None = None) -> list[tuple[object, ...]]:
    """Rows of `sql` against the warehouse file `db`, opened read-only."""
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()
