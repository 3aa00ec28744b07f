"""Publish the marts to a serving file BI tools can hold open.

DuckDB allows one writer per file, and a BI tool holding the warehouse open would block the next
load or build. So after a successful build the marts (and only the marts) are copied into a new
file, written in an older storage format that the DuckDB releases bundled in BI drivers can read,
and moved over the serving file in one atomic rename. A reader that already has the serving file
open keeps reading the version it opened; a reader that opens it afterwards sees the new one;
nobody ever sees half of each.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from ccw.landing import quote_identifier
from ccw.warehouse import WarehouseError, attach, check_path, sql_string

MARTS_SCHEMA = "marts"
# Marts tables that hold personal data stay in the warehouse: BI tools read the serving file, and
# transcript text is what customers said, names and numbers included.
PERSONAL_TABLES = ("fct_transcript_turns",)
# Storage format 64: readable by every DuckDB release from 0.10 on (DuckDB 2.0's own default is
# not readable before 2.0).
SERVING_STORAGE_VERSION = "v1.0.0"


class PublishError(WarehouseError):
    """The serving file could not be published; the previous one is untouched."""


@dataclass(frozen=True)
class Published:
    path: Path
    tables: tuple[str, ...]
    rows: int
    seconds: float
    # Comments written from dbt's descriptions: tables and columns.
    table_comments: int = 0
    column_comments: int = 0


@dataclass(frozen=True)
class Descriptions:
    """dbt's descriptions of one marts table and its columns."""

    table: str
    columns: dict[str, str] = field(default_factory=dict)


def read_descriptions(manifest: Path) -> dict[str, Descriptions]:
    """Per marts table (by the name it is built under), the descriptions dbt's manifest holds,
    docs blocks rendered. Empty descriptions are left out."""
    data: dict[str, Any] = json.loads(manifest.read_text(encoding="utf-8"))
    found: dict[str, Descriptions] = {}
    for node in data.get("nodes", {}).values():
        if node.get("resource_type") != "model" or node.get("schema") != MARTS_SCHEMA:
            continue
        columns = {
            str(column.get("name") or name): str(column["description"]).strip()
            for name, column in (node.get("columns") or {}).items()
            if str(column.get("description") or "").strip()
        }
        name = str(node.get("alias") or node["name"])
        found[name] = Descriptions(str(node.get("description") or "").strip(), columns)
    return found


def default_serving_path(warehouse: Path) -> Path:
    """$SERVING_PATH, else serving.duckdb beside the warehouse."""
    configured = os.environ.get("SERVING_PATH")
    return Path(configured) if configured else warehouse.with_name("serving.duckdb")


def publish(
    warehouse: Path, serving: Path, descriptions: dict[str, Descriptions] | None = None
) -> Published:
    """Copy the warehouse's marts tables (all but PERSONAL_TABLES) to `serving`, replacing it
    atomically, each table and column with its dbt description as a comment (COMMENT ON), which
    BI tools show beside the names."""
    started = time.monotonic()
    if not warehouse.exists():
        raise PublishError(f"{warehouse} does not exist; build the warehouse first (make run)")
    check_path(warehouse, create=False)
    serving.parent.mkdir(parents=True, exist_ok=True)
    staging = serving.with_name(f".{serving.name}.{os.getpid()}.publishing")
    for leftover in (staging, staging.with_name(staging.name + ".wal")):
        leftover.unlink(missing_ok=True)
    source = duckdb.connect()
    try:
        attach(source, warehouse, "warehouse", read_only=True)
    except BaseException:
        source.close()
        raise
    try:
        tables = tuple(
            name
            for (name,) in source.execute(
                "select table_name from information_schema.tables where table_catalog ="
                " 'warehouse' and table_schema = ? and table_type = 'BASE TABLE'"
                " and not list_contains(?, table_name)"
                " order by table_name",
                [MARTS_SCHEMA, list(PERSONAL_TABLES)],
            ).fetchall()
        )
        if not tables:
            raise PublishError(f"{warehouse} has no {MARTS_SCHEMA} tables; run dbt build first")
        source.execute(
            f"attach {sql_string(str(staging))} as serving"
            f" (storage_version '{SERVING_STORAGE_VERSION}')"
        )
        source.execute(f"create schema serving.{MARTS_SCHEMA}")
        rows = table_comments = column_comments = 0
        for table in tables:
            target = f"serving.{MARTS_SCHEMA}.{quote_identifier(table)}"
            source.execute(
                f"create table {target} as"
                f" select * from warehouse.{MARTS_SCHEMA}.{quote_identifier(table)}"
            )
            (count,) = source.execute(f"select count(*) from {target}").fetchone() or (0,)
            rows += int(count)
            described = (descriptions or {}).get(table)
            if described is None:
                continue
            if described.table:
                source.execute(f"comment on table {target} is {sql_string(described.table)}")
                table_comments += 1
            present = {
                name
                for (name,) in source.execute(
                    "select column_name from information_schema.columns where table_catalog ="
                    " 'serving' and table_schema = ? and table_name = ?",
                    [MARTS_SCHEMA, table],
                ).fetchall()
            }
            for column, text in described.columns.items():
                if column in present:
                    source.execute(
                        f"comment on column {target}.{quote_identifier(column)}"
                        f" is {sql_string(text)}"
                    )
                    column_comments += 1
        source.execute("detach serving")
    except BaseException:
        staging.unlink(missing_ok=True)
        raise
    finally:
        source.close()
    _fsync(staging)
    os.replace(staging, serving)
    _fsync_directory(serving.parent)
    return Published(
        serving, tables, rows, time.monotonic() - started, table_comments, column_comments
    )


def _fsync(path: Path) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def _fsync_directory(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:  # pragma: no cover - platforms without directory handles
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
