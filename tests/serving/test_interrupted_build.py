"""A `dbt build` that dies half way (killed by a signal) leaves the serving file BI tools read
untouched and the warehouse readable, and the next build completes."""

from __future__ import annotations

import hashlib
import signal
import subprocess
import time
from pathlib import Path

import duckdb
import pytest
from tests.e2e.warehouse import BIN, PROJECT, Warehouse

pytestmark = pytest.mark.dbt


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_killed_build_leaves_the_serving_file_and_marts_intact(tmp_path: Path) -> None:
    warehouse = Warehouse(tmp_path)
    samples = PROJECT / "sample_data"
    assert warehouse.load("cxengage", samples / "cxengage").returncode == 0
    warehouse.build()
    serving = tmp_path / "serving.duckdb"
    published = subprocess.run(
        [BIN / "ccw", "publish", "--db", warehouse.db, "--serving", serving],
        env=warehouse.env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert published.returncode == 0, published.stderr
    before = digest(serving)
    interactions = warehouse.rows("select count(*) from marts.fct_interactions")

    assert warehouse.load("nice_cxone", samples / "nice_cxone").returncode == 0
    build = subprocess.Popen(
        warehouse.dbt_command("build", "--full-refresh"),
        cwd=PROJECT,
        env=warehouse.env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(8)  # the sample build takes 15-25 s: well inside it
    build.send_signal(signal.SIGKILL)
    assert build.wait() == -signal.SIGKILL

    assert digest(serving) == before
    with duckdb.connect(str(serving), read_only=True) as con:
        assert con.execute("select count(*) from marts.fct_interactions").fetchall() == interactions
    marts = warehouse.rows(
        "select table_name from information_schema.tables where table_schema = 'marts'"
    )
    assert marts, "the marts are gone"
    for (table,) in marts:
        warehouse.rows(f"select count(*) from marts.{table}")  # every one still readable

    warehouse.build()
    assert warehouse.rows(
        "select count(*) from marts.fct_interactions where source_system = 'nice_cxone'"
    ) != [(0,)]
