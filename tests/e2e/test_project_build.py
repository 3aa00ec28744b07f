"""Project-wide checks on a build of every vendor's bundled sample: the four schemas and the
marts they hold, every model and mart column described, the serving file BI tools read, and
column-level lineage from every mart column back to each vendor's raw records."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
import sqlalchemy
from tests.browser import render
from tests.e2e.warehouse import BIN, PROJECT, Warehouse
from tests.queries import query

from ccw.registry import read_registry

pytestmark = pytest.mark.dbt

VENDORS = [vendor.source_system for vendor in read_registry(PROJECT)]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Warehouse]:
    warehouse = Warehouse(tmp_path_factory.mktemp("project"))
    for vendor in VENDORS:
        load = warehouse.load_sample(vendor)
        assert load.returncode == 0, load.stdout + load.stderr
    warehouse.build()
    yield warehouse
    shutil.rmtree(warehouse.work, ignore_errors=True)


@pytest.fixture(scope="module")
def built(project: Warehouse) -> tuple[Path, Path]:
    return project.db, project.target


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
        "fct_repeat_contacts",
        "fct_segments",
        "fct_sentiment",
        "fct_transcript_turns",
        "fct_workitems",
        "kpi_agent_daily",
        "kpi_agent_interval",
        "kpi_bot_daily",
        "kpi_queue_daily",
        "kpi_queue_interval",
        "kpi_repeat_contact_daily",
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
        # Column reflection, which Superset's dataset editor needs (it fails with SQLAlchemy 2.1).
        reflected = [c["name"] for c in inspector.get_columns("kpi_queue_daily", "serving.marts")]
        assert reflected[:3] == ["kpi_queue_daily_key", "activity_date", "source_system"]
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


# The DuckDB that Superset's duckdb-engine path bundles: the oldest a BI reader is known to use.
BI_READER_DUCKDB = "1.1.3"
READ_COMMENTS = """
import json, sys, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
tables = con.execute(
    "select table_name, comment from duckdb_tables() where schema_name = 'marts'"
).fetchall()
columns = con.execute(
    "select table_name, column_name, comment from duckdb_columns() where schema_name = 'marts'"
).fetchall()
print(json.dumps({"version": duckdb.__version__, "tables": tables, "columns": columns}))
"""


def bi_reader_duckdb() -> Path:
    """A folder holding DuckDB BI_READER_DUCKDB for a separate Python process, installed once
    (beside the project's virtualenv) from PyPI."""
    folder = BIN.parent / f"duckdb-{BI_READER_DUCKDB}"
    if not (folder / "duckdb").is_dir():
        pending = folder.with_name(folder.name + ".installing")
        shutil.rmtree(pending, ignore_errors=True)
        subprocess.run(
            [
                BIN / "python",
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
                "--no-deps",
                "--target",
                str(pending),
                f"duckdb=={BI_READER_DUCKDB}",
            ],
            check=True,
            capture_output=True,
        )
        pending.rename(folder)
    return folder


def test_the_serving_file_describes_every_table_and_column_to_an_older_duckdb(
    built: tuple[Path, Path], tmp_path: Path
) -> None:
    """Superset, DBeaver and Evidence show DuckDB's comments; DuckDB 1.1.3 reads them back."""
    db, target = built
    serving = tmp_path / "serving.duckdb"
    published = subprocess.run(
        [BIN / "ccw", "publish", "--db", db, "--serving", serving, "--target", target],
        capture_output=True,
        text=True,
        check=False,
    )
    assert published.returncode == 0, published.stderr
    read = subprocess.run(
        [BIN / "python", "-c", READ_COMMENTS, str(serving)],
        env={"PYTHONPATH": str(bi_reader_duckdb()), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert read.returncode == 0, read.stderr
    served = json.loads(read.stdout)
    assert served["version"] == BI_READER_DUCKDB
    manifest = json.loads((target / "manifest.json").read_text())
    models = {
        node["alias"]: node
        for node in manifest["nodes"].values()
        if node["resource_type"] == "model" and node["schema"] == "marts"
    }
    # Every marts table but fct_transcript_turns, which stays in the warehouse.
    assert len(served["tables"]) == len(models) - 1
    for table, comment in served["tables"]:
        assert comment and comment == models[table]["description"].strip(), table
    assert len(served["columns"]) > 150
    for table, column, comment in served["columns"]:
        expected = models[table]["columns"][column]["description"].strip()
        assert comment and comment == expected, f"{table}.{column}"


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


def test_the_lineage_report_keeps_each_vendor_apart_searchable_and_without_sideways_scroll(
    built: tuple[Path, Path],
) -> None:
    db, target = built
    done = subprocess.run(
        [BIN / "ccw", "lineage", "--db", db, "--target", target],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    entries = json.loads((target / "column_lineage.json").read_text())
    # "Which NICE field feeds the queue wait?" has one answer, apart from the other vendors'.
    wait = next(
        e for e in entries if (e["mart"], e["column"]) == ("fct_queue_segments", "wait_seconds")
    )
    assert wait["vendors"]["nice_cxone"]["json_paths"] == ["$.inQueueSeconds"]
    assert not any(
        "$.inQueueSeconds" in sources["json_paths"]
        for vendor, sources in wait["vendors"].items()
        if vendor != "nice_cxone"
    )
    page = (target / "column_lineage.html").as_uri()
    words = ["nice_cxone", "inqueueseconds"]
    matching = sum(
        all(
            word
            in " ".join(
                [f"{e['mart']}.{e['column']}"]
                + [
                    " ".join([vendor, *s["raw_sources"], *s["json_paths"]])
                    for vendor, s in e["vendors"].items()
                ]
            ).lower()
            for word in words
        )
        for e in entries
    )
    assert 0 < matching < len(entries)
    for width in (1280, 800):
        rendered = render(f"{page}#q={'%20'.join(words)}", width=width)
        assert rendered.console == []
        assert 'data-overflows-sideways="false"' in rendered.dom, width
        assert f'<span id="shown">{matching}</span>' in rendered.dom
        shown_groups = re.findall(r'<tr class="column" data-group="g\d+">', rendered.dom)
        assert len(shown_groups) == matching


DASHBOARD_KPIS = """
    select
        sum(q.offered_count),
        sum(q.answered_count),
        sum(q.answered_within_threshold_count)
            / nullif(sum(q.answered_count) + sum(q.abandoned_count), 0),
        sum(q.answered_wait_seconds) / nullif(sum(q.answered_count), 0),
        sum(q.abandoned_count) / nullif(sum(q.offered_count), 0),
        sum(q.handle_seconds) / nullif(sum(q.handled_count), 0),
        (select sum(busy_seconds) / nullif(sum(busy_seconds) + sum(available_seconds), 0)
         from marts.kpi_agent_daily where activity_date = $day and source_system like $vendor),
        (select sum(contained_count) / nullif(sum(session_count), 0)
         from marts.kpi_bot_daily where activity_date = $day and source_system like $vendor),
        (select sum(csat_score_total) / nullif(sum(csat_scored_count), 0)
         from marts.kpi_sentiment_daily where activity_date = $day and source_system like $vendor),
        (select sum(positive_share * sentiment_count) / nullif(sum(sentiment_count), 0)
         from marts.kpi_sentiment_daily where activity_date = $day and source_system like $vendor)
    from marts.kpi_queue_daily as q
    where q.activity_date = $day and q.source_system like $vendor
"""
DASHBOARD_TILES = (
    "offered_count",
    "answered_count",
    "service_level_rate",
    "average_speed_of_answer_seconds",
    "abandon_rate",
    "average_handle_seconds",
    "occupancy_rate",
    "containment_rate",
    "csat_score",
    "positive_share",
)


def test_the_dashboard_shows_the_kpi_marts_numbers_for_a_sample_day(
    built: tuple[Path, Path], tmp_path: Path
) -> None:
    db, target = built
    serving = tmp_path / "serving.duckdb"
    for command in (
        ["publish", "--db", db, "--serving", serving, "--target", target],
        ["report", "--serving", serving, "--out", tmp_path / "dashboard"],
    ):
        done = subprocess.run([BIN / "ccw", *command], capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stderr
    page = (tmp_path / "dashboard" / "index.html").as_uri()
    day = "2026-03-02"  # three vendors' samples fall on it
    for vendor in (None, "nice_cxone", "buzzeasy"):
        rendered = render(f"{page}#day={day}" + (f"&vendor={vendor}" if vendor else ""))
        assert rendered.console == []
        assert rendered.dom.count('class="chart js-plotly-plot"') == 6  # every chart drew
        shown = dict(re.findall(r'data-kpi="(\w+)" data-value="([^"]*)"', rendered.dom))
        expected = rows(
            serving,
            DASHBOARD_KPIS.replace("$day", f"date '{day}'").replace(
                "$vendor", f"'{vendor or '%'}'"
            ),
        )[0]
        assert set(shown) == set(DASHBOARD_TILES)
        for tile, value in zip(DASHBOARD_TILES, expected, strict=True):
            if value is None:
                assert shown[tile] == "", (vendor, tile)
            else:
                assert float(shown[tile]) == pytest.approx(float(value), rel=1e-9), (vendor, tile)


def run_results(target: Path) -> list[dict[str, object]]:
    results: list[dict[str, object]] = json.loads((target / "run_results.json").read_text())[
        "results"
    ]
    return results


def test_a_plain_build_leaves_the_unit_tests_to_their_own_run(project: Warehouse) -> None:
    manifest = json.loads((project.target / "manifest.json").read_text())
    unit_tests = set(manifest["unit_tests"])
    assert len(unit_tests) >= 30
    # the fixture's plain `dbt build` (the default selector) ran every other node, no unit test
    built_ids = {str(result["unique_id"]) for result in run_results(project.target)}
    assert not built_ids & unit_tests
    assert sum(uid.startswith("model.") for uid in built_ids) == len(
        [uid for uid in manifest["nodes"] if uid.startswith("model.")]
    )

    done = project.dbt("test", "--select", "test_type:unit")

    assert done.returncode == 0, done.stdout[-5000:]
    results = [
        result
        for result in run_results(project.target)
        if str(result["unique_id"]).startswith("unit_test.")
    ]
    assert {str(result["unique_id"]) for result in results} == unit_tests
    assert {result["status"] for result in results} == {"pass"}


def test_column_checks_find_a_null_and_a_duplicate(project: Warehouse, tmp_path: Path) -> None:
    """The one query per model that replaced the per-column not_null and unique tests still
    fails on each: a NULL in a not_null column and a repeated key of a staging table."""
    broken = Warehouse(tmp_path)
    shutil.copy(project.db, broken.db)
    table = "staging.stg_cxengage__hooks"
    [(hooks,)] = rows(broken.db, f"select count(*) from {table}")
    assert hooks >= 2
    with duckdb.connect(str(broken.db)) as con:
        con.execute(f"update {table} set interaction_id = null")
        con.execute(f"insert into {table} select * from {table} limit 1")

    done = broken.dbt("test", "--select", "stg_cxengage__hooks,test_name:column_checks")

    assert done.returncode == 1, done.stdout[-3000:]
    [result] = [r for r in run_results(broken.target) if str(r["unique_id"]).startswith("test.")]
    assert result["status"] == "fail"
    # two findings: interaction_id holds NULLs, interaction_hook_id a duplicate
    assert result["failures"] == 2
    compiled = str(result["compiled_code"])
    assert "interaction_id is null" in compiled
    assert "count(distinct interaction_hook_id)" in compiled
