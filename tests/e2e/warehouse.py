"""Run the project's own commands against a scratch warehouse, as a user would."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
from tests.queries import query

from ccw.registry import read_registry

PROJECT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
SAMPLES = PROJECT / "sample_data"
# What a dbt run of the project needs.
PROJECT_PARTS = (
    "dbt_project.yml",
    "selectors.yml",
    "profiles.yml",
    "models",
    "macros",
    "seeds",
    "tests",
)
# Each vendor's sample load options, from the vendor registry (dbt_project.yml).
SAMPLE_LOAD_OPTIONS = {
    vendor.source_system: vendor.sample_load_options for vendor in read_registry(PROJECT)
}
Completed = subprocess.CompletedProcess[str]


class Warehouse:
    """A DuckDB warehouse file in `work`, loaded with `ccw` and built with `dbt`."""

    def __init__(self, work: Path) -> None:
        self.work = work
        self.db = work / "warehouse.duckdb"
        self.target = work / "target"
        self.env = {
            **os.environ,
            "WAREHOUSE_PATH": str(self.db),
            "DBT_PROFILES_DIR": str(PROJECT),
            "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
        }

    def ccw(self, *args: Path | str, env: dict[str, str] | None = None) -> Completed:
        """A `ccw` command (load, status, unload, ...) on this warehouse."""
        return subprocess.run(
            [BIN / "ccw", *args],
            env=env or self.env,
            capture_output=True,
            text=True,
            check=False,
        )

    def load(self, source_system: str, *args: Path | str) -> Completed:
        """`ccw load` of files and folders (and any options) into this warehouse."""
        return self.ccw("load", source_system, *args)

    def load_sample(self, source_system: str, *more: Path | str) -> Completed:
        """`ccw load` of a vendor's bundled sample (and any more files), with the sample's load
        options from the registry."""
        return self.load(
            source_system, SAMPLES / source_system, *more, *SAMPLE_LOAD_OPTIONS[source_system]
        )

    def dbt_command(self, *args: str) -> list[str]:
        """A dbt command line for this warehouse, its target and log folders in `work`."""
        return [
            str(BIN / "dbt"),
            *args,
            "--target-path",
            str(self.target),
            "--log-path",
            str(self.work / "logs"),
        ]

    def dbt(self, *args: str, env: dict[str, str] | None = None) -> Completed:
        return subprocess.run(
            self.dbt_command(*args),
            cwd=PROJECT,
            env=env or self.env,
            capture_output=True,
            text=True,
            check=False,
        )

    def build(self, *options: str) -> None:
        """`dbt build` everything; fails the test with dbt's output when any node fails."""
        done = self.dbt("build", *options)
        assert done.returncode == 0, done.stdout[-5000:]

    def rows(self, sql: str) -> list[tuple[object, ...]]:
        return query(self.db, sql)


def copy_project(to: Path, parts: tuple[str, ...] = PROJECT_PARTS) -> Path:
    """A scratch copy of the project's dbt files (and any other `parts`) at `to`, with the
    bundled samples: for tests that change the project or run it from another folder."""
    to.mkdir(parents=True)
    for part in (*parts, "sample_data"):
        source = PROJECT / part
        if source.is_dir():
            ignore = shutil.ignore_patterns("__pycache__", "*.egg-info")
            shutil.copytree(source, to / part, ignore=ignore)
        else:
            shutil.copy(source, to / part)
    return to


def snapshot(warehouse: Warehouse, to: Path, staging_like: str = "%nice_cxone%") -> list[str]:
    """Copy the marts tables, and the staging tables named like `staging_like`, of `warehouse`
    to a new DuckDB file `to`; returns their names (schema.table)."""
    with duckdb.connect(str(to)) as con:
        con.execute(f"attach '{warehouse.db}' as built (read_only)")
        tables = [
            f"{schema}.{name}"
            for schema, name in con.execute(
                """
                select table_schema, table_name from information_schema.tables
                where table_catalog = 'built' and table_type = 'BASE TABLE'
                    and (table_schema = 'marts'
                        or (table_schema = 'staging' and table_name like ?))
                order by all
                """,
                [staging_like],
            ).fetchall()
        ]
        for table in tables:
            schema, _ = table.split(".")
            con.execute(f"create schema if not exists {schema}")
            con.execute(f"create table {table} as select * from built.{table}")
    return tables


def differing_rows(left: Path, right: Path, tables: list[str]) -> dict[str, int]:
    """Per table present in both snapshot files, the rows one holds and the other does not
    (as multisets); tables with none are left out."""
    differing: dict[str, int] = {}
    with duckdb.connect() as con:
        con.execute(f"attach '{left}' as lhs (read_only)")
        con.execute(f"attach '{right}' as rhs (read_only)")
        for table in tables:
            # STRUCT columns (a whole parsed record) are compared as JSON text
            columns = ", ".join(
                f"to_json({name})::varchar" if kind.startswith("STRUCT") else name
                for name, kind in con.execute(
                    f"select column_name, column_type from (describe lhs.{table})"
                ).fetchall()
            )
            row = con.execute(
                f"""
                select count(*) from (
                    (select {columns} from lhs.{table} except all select {columns} from rhs.{table})
                    union all
                    (select {columns} from rhs.{table} except all select {columns} from lhs.{table})
                )
                """
            ).fetchone()
            if row and row[0]:
                differing[table] = int(row[0])
    return differing
