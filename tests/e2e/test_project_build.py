"""Project-wide checks on a build of every vendor's bundled sample: the four schemas and the
marts they hold, every model and mart column described, the serving file BI tools read, and
column-level lineage from every mart column back to each vendor's raw records."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy
from tests.e2e.warehouse import BIN, PROJECT, Warehouse
from tests.queries import query

from ccw.registry import read_registry

pytestmark = pytest.mark.dbt

VENDORS = [vendor.source_system for vendor in read_registry(PROJECT)]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path]]:
    warehouse = Warehouse(tmp_path_factory.mktemp("project"))
    for vendor in VENDORS:
        load = warehouse.load_sample(vendor)
        assert load.returncode == 0, load.stdout + load.stderr
    warehouse.build()
    yield warehouse.db, warehouse.target
    shutil.rmtree(warehouse.work, ignore_errors=True)


def rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    return query(db, sql)


def test_the_layers_are_exactly_the_four_schemas(built: tuple[Path, Path]) -> None:
    db, _ = built
    schemas = {
        schema
        for (schema,) in rows(db, "select distinct table_schema from information_schema.tables")
    }
    assert schemas == {"raw", "staging", "intermediate", "marts"}
    marts = rows(
        db,
        "select table_name from information_schema.tables where table_schema = 'marts' order by 1",
    )
    assert [name for (name,) in marts] == [
        "dim_agents",
        "dim_queues",
        "dim_source_systems",
        "fct_agent_states",
        "fct_bot_segments",
        "fct_interactions",
        "fct_queue_segments",
        "fct_segments",
        "fct_sentiment",
        "fct_transcript_turns",
        "fct_workitems",
        "kpi_agent_daily",
        "kpi_bot_daily",
        "kpi_queue_daily",
        "kpi_sentiment_daily",
    ]


def test_every_model_and_mart_column_is_described(built: tuple[Path, Path]) -> None:
    _, target = built
    manifest = json.loads((target / "manifest.json").read_text())
    models = [n for n in manifest["nodes"].values() if n["resource_type"] == "model"]
    assert models
    undescribed_models = [m["name"] for m in models if not m["description"].strip()]
    assert undescribed_models == []
    undescribed_columns = [
        f"{m['name']}.{c['name']}"
        for m in models
        if m["fqn"][1] == "marts"
        for c in m["columns"].values()
        if not c["description"].strip()
    ]
    assert undescribed_columns == []
    for mart in (m for m in models if m["fqn"][1] == "marts"):
        assert mart["contract"]["enforced"], mart["name"]


def test_bi_clients_read_the_published_serving_file(
    built: tuple[Path, Path], tmp_path: Path
) -> None:
    """The path Superset and notebooks take: SQLAlchemy with duckdb-engine, read-only."""
    db, _ = built
    serving = tmp_path / "serving.duckdb"
    published = subprocess.run(
        [BIN / "ccw", "publish", "--db", db, "--serving", serving],
        capture_output=True,
        text=True,
        check=False,
    )
    assert published.returncode == 0, published.stderr
    engine = sqlalchemy.create_engine(f"duckdb:///{serving}", connect_args={"read_only": True})
    try:
        inspector = sqlalchemy.inspect(engine)
        # duckdb-engine names schemas <catalog>.<schema>; the catalog is the file's stem.
        assert "serving.marts" in inspector.get_schema_names()
        served = set(inspector.get_table_names(schema="serving.marts"))
        assert {"fct_interactions", "kpi_queue_daily", "dim_agents"} <= served
        assert "fct_transcript_turns" not in served  # transcript text stays in the warehouse
        with engine.connect() as connection:
            offered, answered = connection.execute(
                sqlalchemy.text(
                    "select sum(offered_count), sum(answered_count) from marts.kpi_queue_daily"
                )
            ).one()
    finally:
        engine.dispose()
    # The KPI read through SQLAlchemy agrees with the queue facts read directly.
    assert [(offered, answered)] == rows(
        db,
        "select count(*), count(*) filter (where exit_reason = 'answered')"
        " from marts.fct_queue_segments",
    )


def test_every_mart_column_has_a_column_level_lineage_entry(built: tuple[Path, Path]) -> None:
    db, target = built
    done = subprocess.run(
        [BIN / "ccw", "lineage", "--db", db, "--target", target],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    entries = {
        (entry["mart"], entry["column"]): entry
        for entry in json.loads((target / "column_lineage.json").read_text())
    }
    manifest = json.loads((target / "manifest.json").read_text())
    mart_columns = {
        (node["name"], column)
        for node in manifest["nodes"].values()
        if node["resource_type"] == "model" and node["fqn"][1] == "marts"
        for column in node["columns"]
    }
    assert set(entries) == mart_columns
    interaction_id = entries[("fct_interactions", "interaction_id")]
    # every vendor's interaction id is traced to its raw records
    traced = {source.split(".")[2].split("__")[0] for source in interaction_id["raw_sources"]}
    assert traced == set(VENDORS), traced
    assert "$.interactionId" in interaction_id["json_paths"]
    # NICE reads the queue wait from the record's inQueueSeconds.
    assert "$.inQueueSeconds" in entries[("fct_queue_segments", "wait_seconds")]["json_paths"]
    assert "column_lineage.json" in (target / "column_lineage.html").read_text()
