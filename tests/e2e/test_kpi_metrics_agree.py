"""The MetricFlow metrics and the SQL KPI marts give the same numbers, per day and vendor.

Every vendor's bundled sample is loaded into a scratch warehouse and built; then every metric of
models/semantic/_semantic__models.yml is queried with `mf query`, grouped by day and vendor, and
compared with the same KPI computed in SQL from the KPI marts. The marts hold one row per day,
vendor and queue (or agent, or bot) and store their rates per row, so the SQL side rolls each rate
up from the marts' counts and seconds, as DECISIONLOG.md ("KPI definitions and the day a contact
counts on") says roll-ups must be computed; test_the_rollups_are_the_marts_own_formulas checks
that each roll-up, taken over a single mart row, is the rate the mart stores on it.
"""

from __future__ import annotations

import math
import shutil
import subprocess
from collections.abc import Iterator
from csv import DictReader
from dataclasses import dataclass, field

import pytest
import yaml  # type: ignore[import-untyped]
from tests.e2e.warehouse import BIN, PROJECT, Warehouse

from ccw.registry import read_registry

pytestmark = pytest.mark.dbt

REGISTRY = read_registry(PROJECT)
VENDORS = frozenset(vendor.source_system for vendor in REGISTRY)
SEMANTIC_MODELS = PROJECT / "models" / "semantic" / "_semantic__models.yml"


def feeding(concept: str) -> frozenset[str]:
    """The vendors whose registry entry lists `concept`."""
    return frozenset(vendor.source_system for vendor in REGISTRY if concept in vendor.concepts)


@dataclass(frozen=True)
class Comparison:
    """One semantic model's metrics, each with the SQL that computes it per day and vendor from
    `source` (rows with activity_date and source_system), and for a rate the mart column that
    stores it per row."""

    semantic_model: str
    vendor_dimension: str
    vendors: frozenset[str]
    source: str
    metrics: dict[str, str]
    stored: dict[str, str] = field(default_factory=dict)

    def sql(self, *grain: str) -> str:
        """The metrics' SQL per day, vendor and any further `grain` columns (and the stored
        columns then)."""
        selected = [
            "cast(activity_date as varchar) as day",
            "source_system",
            *grain,
            *(f"{expression} as {metric}" for metric, expression in self.metrics.items()),
        ]
        return f"select {', '.join(selected)} from {self.source} group by all"


QUEUE_DAYS = Comparison(
    semantic_model="queue_days",
    vendor_dimension="queue_day__source_system",
    vendors=feeding("queue_segments"),
    source="marts.kpi_queue_daily",
    metrics={
        "offered": "sum(offered_count)",
        "answered": "sum(answered_count)",
        "abandoned": "sum(abandoned_count)",
        "answered_within_threshold": "sum(answered_within_threshold_count)",
        "answered_or_abandoned": "sum(answered_count) + sum(abandoned_count)",
        "answered_wait_seconds": "sum(answered_wait_seconds)",
        "queue_handled": "sum(handled_count)",
        "queue_handle_seconds": "sum(handle_seconds)",
        "transferred": "sum(transferred_count)",
        "abandon_rate": "cast(sum(abandoned_count) as double) / nullif(sum(offered_count), 0)",
        "average_speed_of_answer": "sum(answered_wait_seconds) / nullif(sum(answered_count), 0)",
        "service_level": (
            "cast(sum(answered_within_threshold_count) as double)"
            " / nullif(sum(answered_count) + sum(abandoned_count), 0)"
        ),
        "average_handle_time": "sum(handle_seconds) / nullif(sum(handled_count), 0)",
        "transfer_rate": "cast(sum(transferred_count) as double) / nullif(sum(answered_count), 0)",
    },
    stored={
        "abandon_rate": "abandon_rate",
        "average_speed_of_answer": "average_speed_of_answer_seconds",
        "service_level": "service_level_rate",
        "average_handle_time": "average_handle_seconds",
        "transfer_rate": "transfer_rate",
    },
)

# kpi_agent_daily's average_handle_seconds (all handled work of an agent) has no metric: the
# semantic layer's average_handle_time is the queue AHT of queue_days, compared above.
AGENT_DAYS = Comparison(
    semantic_model="agent_days",
    vendor_dimension="agent_day__source_system",
    vendors=feeding("workitems"),
    source="marts.kpi_agent_daily",
    metrics={
        "busy_seconds": "sum(busy_seconds)",
        "available_seconds": "sum(available_seconds)",
        "occupancy": "sum(busy_seconds) / nullif(sum(busy_seconds) + sum(available_seconds), 0)",
    },
    stored={"occupancy": "occupancy_rate"},
)

BOT_DAYS = Comparison(
    semantic_model="bot_days",
    vendor_dimension="bot_day__source_system",
    vendors=feeding("bot_segments"),
    source="marts.kpi_bot_daily",
    metrics={
        "bot_sessions": "sum(session_count)",
        "bot_contained": "sum(contained_count)",
        "containment_rate": "cast(sum(contained_count) as double) / nullif(sum(session_count), 0)",
    },
    stored={"containment_rate": "containment_rate"},
)

SENTIMENT_DAYS = Comparison(
    semantic_model="sentiment_days",
    vendor_dimension="sentiment_day__source_system",
    vendors=feeding("sentiment"),
    source="marts.kpi_sentiment_daily",
    metrics={
        "csat_responses": "sum(csat_response_count)",
        "csat_scored_responses": "sum(csat_scored_count)",
        "csat_score_total": "sum(csat_score_total)",
        # the average over the responses with a score: an off-scale rating has none
        "csat_score": "sum(csat_score_total) / nullif(sum(csat_scored_count), 0)",
    },
    stored={"csat_score": "csat_score"},
)

COMPARISONS = [QUEUE_DAYS, AGENT_DAYS, BOT_DAYS, SENTIMENT_DAYS]

Values = dict[tuple[str, str], dict[str, float | None]]


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Warehouse]:
    warehouse = Warehouse(tmp_path_factory.mktemp("kpi_metrics"))
    for vendor in sorted(VENDORS):
        load = warehouse.load_sample(vendor)
        assert load.returncode == 0, load.stdout + load.stderr
    warehouse.build()
    # mf reads the semantic manifest from <dbt project dir>/target. Parse into this warehouse's
    # target folder and make its work folder mf's project dir (the project's dbt_project.yml,
    # linked): mf then reads the manifest parsed here and logs here, never the project's target.
    parsed = warehouse.dbt("parse", "--quiet")
    assert parsed.returncode == 0, parsed.stdout[-3000:]
    (warehouse.work / "dbt_project.yml").symlink_to(PROJECT / "dbt_project.yml")
    yield warehouse
    shutil.rmtree(warehouse.work, ignore_errors=True)


def number(value: object) -> float | None:
    if value is None or value == "":
        return None
    return float(value)  # type: ignore[arg-type]


def agree(left: float | None, right: float | None) -> bool:
    """Equal as floats, up to rounding; both NULL is equal, one NULL is not."""
    if left is None or right is None:
        return left is None and right is None
    return math.isclose(left, right, rel_tol=1e-9, abs_tol=1e-9)


def from_metricflow(warehouse: Warehouse, comparison: Comparison) -> Values:
    """`mf query` of the comparison's metrics by day and vendor."""
    csv = warehouse.work / f"{comparison.semantic_model}.csv"
    query = subprocess.run(
        [
            BIN / "mf",
            "query",
            "--metrics",
            ",".join(comparison.metrics),
            "--group-by",
            f"metric_time__day,{comparison.vendor_dimension}",
            "--csv",
            str(csv),
        ],
        cwd=warehouse.work,
        env={**warehouse.env, "DBT_PROJECT_DIR": str(warehouse.work)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert query.returncode == 0, query.stdout[-3000:] + query.stderr[-3000:]
    with csv.open() as handle:
        return {
            (row["metric_time__day"][:10], row[comparison.vendor_dimension]): {
                metric: number(row[metric]) for metric in comparison.metrics
            }
            for row in DictReader(handle)
        }


def from_marts(warehouse: Warehouse, comparison: Comparison) -> Values:
    """The comparison's KPIs computed in SQL, by day and vendor."""
    return {
        (str(day), str(vendor)): {
            metric: number(value) for metric, value in zip(comparison.metrics, values, strict=True)
        }
        for day, vendor, *values in warehouse.rows(comparison.sql())
    }


@pytest.mark.parametrize("comparison", COMPARISONS, ids=lambda c: c.semantic_model)
def test_every_metric_agrees_with_its_sql_kpi_per_day_and_vendor(
    warehouse: Warehouse, comparison: Comparison
) -> None:
    metricflow = from_metricflow(warehouse, comparison)
    marts = from_marts(warehouse, comparison)

    assert sorted(metricflow) == sorted(marts), "the two sides have other days or vendors"
    disagreements = [
        f"{day} {vendor} {metric}: metric {value!r}, SQL {marts[day, vendor][metric]!r}"
        for (day, vendor), values in sorted(metricflow.items())
        for metric, value in values.items()
        if not agree(value, marts[day, vendor][metric])
    ]
    assert not disagreements, "\n".join(disagreements)

    # Not vacuous: every vendor that feeds the semantic model has days in it, every metric was
    # compared on each of them, and on some value that is not NULL.
    assert {vendor for _, vendor in marts} == comparison.vendors
    compared = len(metricflow) * len(comparison.metrics)
    assert compared >= len(comparison.vendors) * len(comparison.metrics)
    never_valued = [
        metric
        for metric in comparison.metrics
        if all(values[metric] is None for values in marts.values())
    ]
    assert not never_valued, f"compared only on NULL: {never_valued}"


def test_every_metric_and_every_vendor_is_compared(warehouse: Warehouse) -> None:
    """The comparisons cover every metric the semantic layer defines and every vendor, on a
    non-trivial number of values."""
    defined = {metric["name"] for metric in yaml.safe_load(SEMANTIC_MODELS.read_text())["metrics"]}
    assert {metric for c in COMPARISONS for metric in c.metrics} == defined
    assert frozenset().union(*(c.vendors for c in COMPARISONS)) == VENDORS
    values = sum(len(from_marts(warehouse, c)) * len(c.metrics) for c in COMPARISONS)
    # 6 vendor-days of queue metrics alone give 84 values with the bundled samples
    assert values >= 100


@pytest.mark.parametrize(
    "comparison", [c for c in COMPARISONS if c.stored], ids=lambda c: c.semantic_model
)
def test_the_rollups_are_the_marts_own_formulas(
    warehouse: Warehouse, comparison: Comparison
) -> None:
    """Taken over one mart row (grouped by the row's key), each rate's roll-up is the rate the
    mart stores on that row: the SQL side is the KPI's own formula, on every row."""
    key = f"{comparison.source.removeprefix('marts.')}_key"
    stored = [f"{column} as stored__{metric}" for metric, column in comparison.stored.items()]
    rows = warehouse.rows(
        f"select {', '.join(f'stored__{m}, {m}' for m in comparison.stored)}"
        f" from ({comparison.sql(key, *stored)})"
    )
    assert len(rows) >= len(comparison.vendors)
    wrong = [
        (metric, row[2 * index], row[2 * index + 1])
        for row in rows
        for index, metric in enumerate(comparison.stored)
        if not agree(number(row[2 * index]), number(row[2 * index + 1]))
    ]
    assert not wrong, wrong
