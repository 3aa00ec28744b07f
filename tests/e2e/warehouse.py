"""Run the project's own commands against a scratch warehouse, as a user would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb

PROJECT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


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

    def load(self, source_system: str, *args: Path | str) -> subprocess.CompletedProcess[str]:
        """`ccw load` of files and folders (and any options) into this warehouse."""
        return subprocess.run(
            [BIN / "ccw", "load", source_system, *args],
            env=self.env,
            capture_output=True,
            text=True,
            check=False,
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

    def dbt(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            self.dbt_command(*args),
            cwd=PROJECT,
            env=self.env,
            capture_output=True,
            text=True,
            check=False,
        )

    def build(self, *options: str) -> None:
        """`dbt build` everything; fails the test with dbt's output when any node fails."""
        done = self.dbt("build", *options)
        assert done.returncode == 0, done.stdout[-5000:]

    def rows(self, sql: str) -> list[tuple[object, ...]]:
        with duckdb.connect(str(self.db), read_only=True) as con:
            return con.execute(sql).fetchall()
