"""`dbt source freshness` warns when a vendor stops delivering.

Two vendors' samples are loaded; one vendor's records are then made three days old (as if it
had delivered nothing since), and `dbt source freshness` must warn for it and only for it.
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
from tests.e2e.warehouse import PROJECT, Warehouse

pytestmark = pytest.mark.dbt


def test_a_vendor_that_stopped_delivering_is_reported(tmp_path: Path) -> None:
    warehouse = Warehouse(tmp_path)
    samples = PROJECT / "sample_data"
    assert warehouse.load("cxengage", samples / "cxengage").returncode == 0
    kore = warehouse.load_sample("kore_smartassist")
    assert kore.returncode == 0
    with duckdb.connect(str(warehouse.db)) as con:
        con.execute(
            "update raw.cxengage__interactions set _loaded_at = _loaded_at - interval 3 day"
        )

    done = warehouse.dbt(
        "source", "freshness", "--select", "source:cxengage", "source:kore_smartassist"
    )
    assert done.returncode == 0, done.stdout[-3000:]
    results = json.loads((warehouse.target / "sources.json").read_text())["results"]
    status = {result["unique_id"].split(".", 2)[2]: result["status"] for result in results}
    assert status == {"cxengage.interactions": "warn", "kore_smartassist.sessions": "pass"}
