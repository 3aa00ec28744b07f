"""The raw bridge to other engines: every raw table of the warehouse as Parquet.

The loaders land into DuckDB on every target. An engine that cannot read a DuckDB file (Spark)
reads the raw schema from the folder this writes instead: one sub-folder per raw table
(`<DIR>/<table>/part-0.parquet`), with every column in a type both engines agree on. JSON
documents become text (Spark parses them itself), UUIDs become text, and naive timestamps,
which the loader writes in UTC, become timestamps with time zone, so Spark reads them as instants
rather than as `timestamp_ntz`. A table is written to a hidden sibling folder and renamed into
place, so a reader never sees half of one and an interrupted export leaves the previous one.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import duckdb

from ccw.landing import quote_identifier
from ccw.warehouse import WarehouseError, attach, check_path, sql_string

RAW_SCHEMA = "raw"


@dataclass(frozen=True)
class ExportedTable:
    table: str
    rows: int


def _column_expression(name: str, data_type: str) -> str:
    """The column in the type it is exported as."""
    column = quote_identifier(name)
    if data_type in ("JSON", "UUID"):
        return f"cast({column} as varchar) as {column}"
    if data_type == "TIMESTAMP":
        return f"timezone('UTC', {column}) as {column}"
    return column


def export_raw(warehouse: Path, folder: Path) -> list[ExportedTable]:
    """Write every base table of the warehouse's raw schema to `folder`/<table>/ as Parquet."""
    check_path(warehouse, create=False)
    if folder.exists() and not folder.is_dir():
        raise WarehouseError(f"{folder} is a file; --to takes a folder")
    folder.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect()
    try:
        attach(con, warehouse, "warehouse", read_only=True)
        con.execute("set TimeZone = 'UTC'")
        columns: dict[str, list[str]] = {}
        for table, name, data_type in con.execute(
            "select c.table_name, c.column_name, c.data_type"
            " from information_schema.columns as c"
            " join information_schema.tables as t using (table_catalog, table_schema, table_name)"
            " where c.table_catalog = 'warehouse' and c.table_schema = ?"
            " and t.table_type = 'BASE TABLE'"
            " order by c.table_name, c.ordinal_position",
            [RAW_SCHEMA],
        ).fetchall():
            columns.setdefault(table, []).append(_column_expression(name, data_type))
        if not columns:
            raise WarehouseError(f"{warehouse} has no {RAW_SCHEMA} tables; load some exports first")
        exported = []
        for table, expressions in columns.items():
            final = folder / table
            pending = folder / f".{table}.exporting"
            shutil.rmtree(pending, ignore_errors=True)
            pending.mkdir()
            con.execute(
                f"copy (select {', '.join(expressions)}"
                f" from warehouse.{RAW_SCHEMA}.{quote_identifier(table)})"
                f" to {sql_string(str(pending / 'part-0.parquet'))} (format parquet)"
            )
            (rows,) = con.execute(
                f"select count(*) from warehouse.{RAW_SCHEMA}.{quote_identifier(table)}"
            ).fetchone() or (0,)
            replaced = folder / f".{table}.replaced"
            shutil.rmtree(replaced, ignore_errors=True)
            if final.exists():
                final.rename(replaced)
            pending.rename(final)
            shutil.rmtree(replaced, ignore_errors=True)
            exported.append(ExportedTable(table, rows))
        return exported
    finally:
        con.close()
