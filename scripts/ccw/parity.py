"""Mart parity between the DuckDB warehouse and the same project built on Spark.

`make spark-parity` (python -m ccw.parity): export the DuckDB warehouse's raw tables as Parquet
(the raw bridge), run `dbt build --target spark` on them in a fresh Spark warehouse folder, then
compare every table of the DuckDB marts schema, row for row, with the table Spark wrote. The
comparison runs in DuckDB, which reads Spark's Parquet folders directly. Values are compared in
one normal form: DECIMAL and floating values as DOUBLE rounded to 6 decimal places (the engines
sum in different orders), timestamps as UTC instants, everything else as it is. Rows are
compared as multisets (EXCEPT ALL both ways), so order does not matter but duplicates do.

Prints one line per mart and `N/N marts identical`; exit status 0 only when all are.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb

from ccw.export_raw import export_raw
from ccw.landing import quote_identifier
from ccw.warehouse import attach, check_path, sql_string

MARTS_SCHEMA = "marts"
SAMPLE_DIFFERENCES = 3


@dataclass(frozen=True)
class MartComparison:
    table: str
    duckdb_rows: int
    spark_rows: int
    only_in_duckdb: int
    only_in_spark: int
    problem: str = ""
    examples: tuple[str, ...] = ()

    @property
    def identical(self) -> bool:
        return not self.problem and not self.only_in_duckdb and not self.only_in_spark


def _normal_form(column: str, data_type: str) -> str:
    quoted = quote_identifier(column)
    upper = data_type.upper()
    if upper.startswith(("DECIMAL", "DOUBLE", "FLOAT", "REAL")):
        return f"round(cast({quoted} as double), 6) as {quoted}"
    if upper.startswith("TIMESTAMP"):
        # Both engines' timestamps are UTC instants; compare them without a time zone.
        return f"cast(timezone('UTC', cast({quoted} as timestamptz)) as timestamp) as {quoted}"
    if upper in ("INTEGER", "BIGINT", "SMALLINT", "TINYINT", "HUGEINT"):
        return f"cast({quoted} as bigint) as {quoted}"
    return quoted


def spark_table_folder(spark_warehouse: Path, schema: str, table: str) -> Path:
    return spark_warehouse / f"{schema}.db" / table


def compare_marts(
    warehouse: Path,
    spark_warehouse: Path,
    schema: str = MARTS_SCHEMA,
    only: tuple[str, ...] = (),
) -> list[MartComparison]:
    """Compare every base table of a schema of the DuckDB warehouse (the marts by default;
    `only` those whose names start with one of its prefixes) with the table Spark wrote."""
    check_path(warehouse, create=False)
    con = duckdb.connect()
    try:
        con.execute("set TimeZone = 'UTC'")
        attach(con, warehouse, "warehouse", read_only=True)
        columns: dict[str, list[tuple[str, str]]] = {}
        for table, column, data_type in con.execute(
            "select c.table_name, c.column_name, c.data_type"
            " from information_schema.columns as c"
            " join information_schema.tables as t using (table_catalog, table_schema, table_name)"
            " where c.table_catalog = 'warehouse' and c.table_schema = ?"
            " and t.table_type = 'BASE TABLE' order by c.table_name, c.ordinal_position",
            [schema],
        ).fetchall():
            if not only or table.startswith(only):
                columns.setdefault(table, []).append((column, data_type))
        return [
            _compare_one(con, schema, table, table_columns, spark_warehouse)
            for table, table_columns in columns.items()
        ]
    finally:
        con.close()


def _compare_one(
    con: duckdb.DuckDBPyConnection,
    schema: str,
    table: str,
    table_columns: list[tuple[str, str]],
    spark_warehouse: Path,
) -> MartComparison:
    folder = spark_table_folder(spark_warehouse, schema, table)
    duck_relation = f"warehouse.{schema}.{quote_identifier(table)}"
    (duck_rows,) = con.execute(f"select count(*) from {duck_relation}").fetchone() or (0,)
    if not folder.is_dir():
        return MartComparison(table, duck_rows, 0, duck_rows, 0, f"Spark wrote no {folder}")
    spark_relation = f"read_parquet({sql_string(str(folder / '**' / '*.parquet'))})"
    spark_types = dict(
        (name, data_type)
        for name, data_type, *_ in con.execute(
            f"describe select * from {spark_relation}"
        ).fetchall()
    )
    (spark_rows,) = con.execute(f"select count(*) from {spark_relation}").fetchone() or (0,)
    missing = [name for name, _ in table_columns if name not in spark_types]
    extra = sorted(set(spark_types) - {name for name, _ in table_columns})
    if missing or extra:
        return MartComparison(
            table,
            duck_rows,
            spark_rows,
            duck_rows,
            spark_rows,
            f"columns differ: missing on Spark {missing}, only on Spark {extra}",
        )
    duck_select = ", ".join(_normal_form(name, data_type) for name, data_type in table_columns)
    spark_select = ", ".join(_normal_form(name, spark_types[name]) for name, _ in table_columns)
    duck_side = f"select {duck_select} from {duck_relation}"
    spark_side = f"select {spark_select} from {spark_relation}"
    only_duck = f"({duck_side} except all {spark_side})"
    only_spark = f"({spark_side} except all {duck_side})"
    (only_in_duckdb,) = con.execute(f"select count(*) from {only_duck}").fetchone() or (0,)
    (only_in_spark,) = con.execute(f"select count(*) from {only_spark}").fetchone() or (0,)
    examples: list[str] = []
    for side, query in (("duckdb", only_duck), ("spark", only_spark)):
        for row in con.execute(f"select * from {query} limit {SAMPLE_DIFFERENCES}").fetchall():
            described = ", ".join(
                f"{name}={value!r}" for (name, _), value in zip(table_columns, row, strict=True)
            )
            examples.append(f"only on {side}: {described}")
    return MartComparison(
        table, duck_rows, spark_rows, only_in_duckdb, only_in_spark, examples=tuple(examples)
    )


def build_on_spark(project: Path, raw: Path, spark_warehouse: Path, dbt_args: list[str]) -> int:
    """Run `dbt build --target spark` over the exported raw tables, into a fresh folder."""
    shutil.rmtree(spark_warehouse, ignore_errors=True)
    spark_warehouse.mkdir(parents=True)
    environment = dict(
        os.environ,
        CCW_SPARK_RAW=str(raw.resolve()),
        CCW_SPARK_WAREHOUSE=str(spark_warehouse.resolve()),
        DBT_PROFILES_DIR=os.environ.get("DBT_PROFILES_DIR", str(project)),
    )
    dbt = Path(sys.executable).with_name("dbt")
    command = [str(dbt), "build", "--target", "spark", *dbt_args]
    print(f"spark-parity: {' '.join(command)}", file=sys.stderr, flush=True)
    return subprocess.run(command, cwd=project, env=environment, check=False).returncode


def render(results: list[MartComparison], noun: str = "marts") -> str:
    lines = []
    for result in results:
        if result.identical:
            lines.append(f"  identical  {result.table} ({result.duckdb_rows:,} rows)")
            continue
        detail = result.problem or (
            f"{result.only_in_duckdb:,} rows only on DuckDB, {result.only_in_spark:,} only on Spark"
        )
        lines.append(
            f"  DIFFERENT  {result.table} (DuckDB {result.duckdb_rows:,} rows, Spark "
            f"{result.spark_rows:,}): {detail}"
        )
        lines.extend(f"             {example}" for example in result.examples)
    same = sum(result.identical for result in results)
    lines.append(f"{same}/{len(results)} {noun} identical")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m ccw.parity",
        description=(
            "Build the project on Spark from a DuckDB warehouse's raw tables and compare every "
            "mart with the DuckDB one. Exit status 0 only when all are identical."
        ),
    )
    parser.add_argument("--db", type=Path, default=Path(os.environ.get("WAREHOUSE_PATH", "")))
    parser.add_argument("--work", type=Path, default=Path("target/spark"))
    parser.add_argument(
        "--compare-only", action="store_true", help="compare what the last Spark build wrote"
    )
    parser.add_argument(
        "--schema", default=MARTS_SCHEMA, help="compare this schema's tables (default: marts)"
    )
    parser.add_argument(
        "--only", action="append", default=[], metavar="PREFIX", help="tables starting so"
    )
    parser.add_argument("dbt_args", nargs="*", help="more arguments for dbt build")
    args = parser.parse_args(argv)
    if not str(args.db) or not args.db.is_file():
        print(
            "spark-parity: set WAREHOUSE_PATH (or --db) to a warehouse built on DuckDB, for "
            "example by `make run`",
            file=sys.stderr,
        )
        return 2
    raw, spark_warehouse = args.work / "raw", args.work / "warehouse"
    started = time.monotonic()
    if not args.compare_only:
        tables = export_raw(args.db, raw)
        print(f"spark-parity: exported {len(tables)} raw tables to {raw}", file=sys.stderr)
        status = build_on_spark(Path.cwd(), raw, spark_warehouse, args.dbt_args)
        if status != 0:
            print(f"spark-parity: dbt build --target spark failed ({status})", file=sys.stderr)
            return 1
    results = compare_marts(args.db, spark_warehouse, args.schema, tuple(args.only))
    if not results:
        print(
            f"spark-parity: {args.db} has no {args.schema} tables to compare; build it on DuckDB "
            "first (make run)",
            file=sys.stderr,
        )
        return 1
    print(render(results, "marts" if args.schema == MARTS_SCHEMA else f"{args.schema} tables"))
    print(f"spark-parity: {time.monotonic() - started:.0f}s", file=sys.stderr)
    return 0 if results and all(result.identical for result in results) else 1


if __name__ == "__main__":
    sys.exit(main())
