"""`ccw report`: the KPI dashboard a contact-center manager opens in a browser.

Built offline from the serving file: the KPI marts' rows are embedded in one static page with
Plotly's JavaScript (shipped inside the `plotly` package, copied beside the page), so the page
opens from file:// with no server and fetches nothing. Filters (day, vendor, queue) and every
number are computed in the page from the marts' counts and seconds, never by averaging rates;
each KPI's definition is the column's description the serving file carries (ccw publish).
"""

from __future__ import annotations

import datetime as dt
import decimal
import html
import importlib.util
import json
import shutil
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb

from ccw.warehouse import WarehouseError

PLOTLY_JS = "plotly.min.js"
# The marts the page reads, and the columns it needs of each.
TABLES: dict[str, tuple[str, ...]] = {
    "kpi_queue_daily": (
        "activity_date",
        "source_system",
        "queue_key",
        "queue_name",
        "offered_count",
        "answered_count",
        "abandoned_count",
        "answered_within_threshold_count",
        "handled_count",
        "answered_wait_seconds",
        "handle_seconds",
    ),
    "kpi_queue_interval": (
        "interval_start",
        "activity_date",
        "interval_minutes",
        "source_system",
        "queue_key",
        "offered_count",
        "answered_count",
        "abandoned_count",
        "answered_within_threshold_count",
        "answered_wait_seconds",
        "max_wait_seconds",
    ),
    "kpi_agent_daily": (
        "activity_date",
        "source_system",
        "agent_name",
        "agent_key",
        "handled_count",
        "handle_seconds",
        "busy_seconds",
        "available_seconds",
    ),
    "kpi_bot_daily": ("activity_date", "source_system", "session_count", "contained_count"),
    "kpi_sentiment_daily": (
        "activity_date",
        "source_system",
        "queue_key",
        "csat_scored_count",
        "csat_score_total",
        "sentiment_count",
        "positive_share",
        "neutral_share",
        "negative_share",
        "mixed_share",
    ),
}
# The KPI tiles: (id, label, the mart column whose description defines it).
TILES = (
    ("offered_count", "Offered", "kpi_queue_daily"),
    ("answered_count", "Answered", "kpi_queue_daily"),
    ("service_level_rate", "Service level", "kpi_queue_daily"),
    ("average_speed_of_answer_seconds", "ASA", "kpi_queue_daily"),
    ("abandon_rate", "Abandon rate", "kpi_queue_daily"),
    ("average_handle_seconds", "AHT", "kpi_queue_daily"),
    ("occupancy_rate", "Occupancy", "kpi_agent_daily"),
    ("containment_rate", "Bot containment", "kpi_bot_daily"),
    ("csat_score", "CSAT", "kpi_sentiment_daily"),
    ("positive_share", "Positive sentiment", "kpi_sentiment_daily"),
)


class ReportError(WarehouseError):
    """The dashboard cannot be built; the message says why and what to do."""


@dataclass(frozen=True)
class Report:
    path: Path
    days: int
    rows: int


def plotly_js() -> Path:
    """Plotly's bundled JavaScript, from the installed `plotly` package (not imported)."""
    spec = importlib.util.find_spec("plotly")
    locations = list(spec.submodule_search_locations or []) if spec else []
    for location in locations:
        candidate = Path(location) / "package_data" / PLOTLY_JS
        if candidate.exists():
            return candidate
    raise ReportError("the plotly package is not installed: run make setup")


def _value(value: object) -> object:
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return float(value)
    return value


def read_marts(serving: Path) -> tuple[dict[str, list[dict[str, Any]]], dict[str, str]]:
    """The rows the page needs, and each KPI's definition (the serving file's comments)."""
    if not serving.exists():
        raise ReportError(f"{serving} does not exist; run ccw publish (make run does) first")
    try:
        con = duckdb.connect(str(serving), read_only=True)
    except duckdb.Error as exc:
        raise ReportError(f"{serving} cannot be opened: {exc}") from exc
    try:
        present = {
            name
            for (name,) in con.execute(
                "select table_name from duckdb_tables() where schema_name = 'marts'"
            ).fetchall()
        }
        missing = sorted(set(TABLES) - present)
        if missing:
            raise ReportError(
                f"{serving} lacks {', '.join(missing)}; rebuild (dbt build) and ccw publish"
            )
        data: dict[str, list[dict[str, Any]]] = {}
        for table, columns in TABLES.items():
            cursor = con.execute(f"select {', '.join(columns)} from marts.{table} order by all")
            data[table] = [
                {column: _value(value) for column, value in zip(columns, row, strict=True)}
                for row in cursor.fetchall()
            ]
        definitions = {
            f"{table}.{column}": comment
            for table, column, comment in con.execute(
                "select table_name, column_name, comment from duckdb_columns()"
                " where schema_name = 'marts' and comment is not null"
            ).fetchall()
        }
    finally:
        con.close()
    return data, definitions


def build_report(serving: Path, out_dir: Path) -> Report:
    """Write out_dir/index.html and Plotly's script beside it."""
    data, definitions = read_marts(serving)
    days = sorted({row["activity_date"] for row in data["kpi_queue_daily"]})
    out_dir.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(plotly_js(), out_dir / PLOTLY_JS)
    tiles = [
        {
            "id": tile,
            "label": label,
            "definition": definitions.get(f"{table}.{tile}", ""),
        }
        for tile, label, table in TILES
    ]
    template = resources.files("ccw").joinpath("templates", "dashboard.html").read_text("utf-8")
    page = template.replace("__DATA__", _script_json(data)).replace(
        "__TILES__", _script_json(tiles)
    )
    page = page.replace("__SOURCE__", html.escape(str(serving)))
    index = out_dir / "index.html"
    pending = out_dir / ".index.html.partial"
    pending.write_text(page, encoding="utf-8")
    pending.replace(index)
    return Report(index, len(days), sum(len(rows) for rows in data.values()))


def _script_json(value: object) -> str:
    """JSON safe inside a <script> element."""
    return json.dumps(value, separators=(",", ":")).replace("</", "<\\/")
