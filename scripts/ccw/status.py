"""`ccw status`: what the warehouse holds, at a glance.

Per vendor and entity: files loaded, skipped and rejected, records, the last load and its batch,
and whether deliveries are fresh; then the recent batches (the ids `ccw unload` takes), the files
whose content is rejected, and the records the last `dbt build` quarantined. Read-only: it never
changes the warehouse, and works while nothing else writes to it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from ccw.landing import MANIFEST_TABLE, RAW_SCHEMA, quote_identifier
from ccw.spec import VendorSpec

# `dbt source freshness` warns after this many hours without a delivery (the raw sources' YAML
# says the same; a test keeps the two equal).
FRESHNESS_WARN_HOURS = 36
# Batches the text report lists (the JSON lists all).
RECENT_BATCHES = 10
SHORT_ID = 8


@dataclass
class EntityStatus:
    entity: str
    raw_table: str
    files: int
    records: int
    last_loaded_at: datetime | None
    last_batch_id: str | None
    # ok | stale | snapshot (delivered when it changes: no schedule expected)
    freshness: str


@dataclass
class VendorStatus:
    source_system: str
    files_loaded: int = 0
    files_skipped: int = 0
    files_rejected: int = 0
    files_unloaded: int = 0
    records: int = 0
    last_loaded_at: datetime | None = None
    last_batch_id: str | None = None
    # ok | stale | never loaded; from the newest delivery of an entity with a schedule
    freshness: str = "never loaded"
    hours_since_last_delivery: float | None = None
    entities: list[EntityStatus] = field(default_factory=list)


@dataclass
class BatchStatus:
    batch_id: str
    source_system: str
    loaded_at: datetime
    files_loaded: int
    files_skipped: int
    files_rejected: int
    files_unloaded: int
    records: int
    assumed_timezone: str | None
    unloaded_at: datetime | None

    @property
    def state(self) -> str:
        if self.files_unloaded and self.files_loaded:
            return "partly unloaded"
        if self.files_unloaded:
            return "unloaded"
        return "loaded" if self.files_loaded else "nothing loaded"


@dataclass
class RejectedFile:
    source_system: str
    file_path: str
    reason: str
    rejected_at: datetime
    batch_id: str


@dataclass
class QuarantineCount:
    source_system: str
    reason: str
    records: int


@dataclass
class PullStatus:
    """Where `ccw pull` stands for one source system, endpoint and scope (raw._pull_state)."""

    source_system: str
    endpoint: str
    scope: str
    range_end: str | None
    position: str | None
    finished: bool
    run_id: str
    updated_at: datetime


@dataclass
class WarehouseStatus:
    warehouse: str
    size_bytes: int
    checked_at: datetime
    freshness_warn_after_hours: int
    vendors: list[VendorStatus]
    batches: list[BatchStatus]
    rejected_files: list[RejectedFile]
    # None: staging.quarantined_records does not exist yet (no dbt build).
    quarantine: list[QuarantineCount] | None
    pulls: list[PullStatus] = field(default_factory=list)

    def as_json(self) -> str:
        data = asdict(self)
        for batch, raw in zip(self.batches, data["batches"], strict=True):
            raw["state"] = batch.state
        return json.dumps(data, indent=2, default=_json_value)


def collect(
    con: duckdb.DuckDBPyConnection,
    warehouse: Path,
    specs: Mapping[str, VendorSpec],
    now: datetime,
) -> WarehouseStatus:
    """The status of the warehouse attached to `con` (current database), as of `now` (UTC)."""
    tables = {
        (schema, name)
        for schema, name in con.execute(
            "select table_schema, table_name from information_schema.tables"
            " where table_catalog = current_database()"
        ).fetchall()
    }
    manifest = _manifest_relation(con) if (RAW_SCHEMA, MANIFEST_TABLE) in tables else None
    rejected = _rejected_files(con, manifest) if manifest else []
    vendors = [
        _vendor_status(con, manifest, tables, spec, now) for _, spec in sorted(specs.items())
    ]
    for vendor in vendors:
        vendor.files_rejected = sum(1 for r in rejected if r.source_system == vendor.source_system)
    return WarehouseStatus(
        warehouse=str(warehouse),
        size_bytes=warehouse.stat().st_size,
        checked_at=now,
        freshness_warn_after_hours=FRESHNESS_WARN_HOURS,
        vendors=vendors,
        batches=_batches(con, manifest) if manifest else [],
        rejected_files=rejected,
        quarantine=(_quarantine(con) if ("staging", "quarantined_records") in tables else None),
        pulls=_pulls(con) if (RAW_SCHEMA, "_pull_state") in tables else [],
    )


def _pulls(con: duckdb.DuckDBPyConnection) -> list[PullStatus]:
    rows = con.execute(
        f"select source_system, endpoint, scope, range_end, position, finished, run_id,"
        f" updated_at"
        f" from {RAW_SCHEMA}._pull_state order by source_system, endpoint, scope"
    ).fetchall()
    return [PullStatus(*row) for row in rows]


def _manifest_relation(con: duckdb.DuckDBPyConnection) -> str:
    """The manifest as a relation with every current column (a warehouse last loaded by an
    earlier release lacks some; status never changes the warehouse to add them)."""
    present = {
        name
        for (name,) in con.execute(
            "select column_name from information_schema.columns where table_catalog ="
            " current_database() and table_schema = ? and table_name = ?",
            [RAW_SCHEMA, MANIFEST_TABLE],
        ).fetchall()
    }
    added = [
        f"cast(null as {kind}) as {name}"
        for name, kind in (("assumed_timezone", "varchar"), ("unloaded_at", "timestamp"))
        if name not in present
    ]
    extra = "".join(f", {column}" for column in added)
    return f"(select *{extra} from {RAW_SCHEMA}.{MANIFEST_TABLE})"


def _vendor_status(
    con: duckdb.DuckDBPyConnection,
    manifest: str | None,
    tables: set[tuple[str, str]],
    spec: VendorSpec,
    now: datetime,
) -> VendorStatus:
    status = VendorStatus(spec.source_system)
    if manifest is not None:
        row = con.execute(
            f"""
            select
                count(*) filter (where status = 'loaded'),
                count(distinct file_path) filter (where status = 'skipped'),
                count(*) filter (where status = 'unloaded'),
                coalesce(sum(record_count) filter (where status = 'loaded'), 0),
                max(loaded_at) filter (where status = 'loaded'),
                arg_max(batch_id, loaded_at) filter (where status = 'loaded')
            from {manifest}
            where source_system = ?
            """,
            [spec.source_system],
        ).fetchone()
        assert row is not None
        (
            status.files_loaded,
            status.files_skipped,
            status.files_unloaded,
            status.records,
            status.last_loaded_at,
            status.last_batch_id,
        ) = row
    scheduled: list[datetime] = []
    for entity in spec.entities:
        if (RAW_SCHEMA, spec.raw_table(entity)) not in tables:
            continue
        table = f"{RAW_SCHEMA}.{quote_identifier(spec.raw_table(entity))}"
        files, records, last, batch = con.execute(
            f"select count(distinct _file_sha256), count(*), max(_loaded_at),"
            f" arg_max(_batch_id, _loaded_at) from {table}"
        ).fetchone() or (0, 0, None, None)
        if not records:
            continue
        snapshot = entity in spec.snapshot_entities
        if not snapshot:
            scheduled.append(last)
        status.entities.append(
            EntityStatus(
                entity=entity,
                raw_table=spec.raw_table(entity),
                files=files,
                records=records,
                last_loaded_at=last,
                last_batch_id=batch,
                freshness="snapshot" if snapshot else _freshness(last, now),
            )
        )
    if scheduled:
        newest = max(scheduled)
        status.hours_since_last_delivery = round((now - newest).total_seconds() / 3600, 2)
        status.freshness = _freshness(newest, now)
    return status


def _freshness(last: datetime, now: datetime) -> str:
    return "ok" if (now - last).total_seconds() < FRESHNESS_WARN_HOURS * 3600 else "stale"


def _batches(con: duckdb.DuckDBPyConnection, manifest: str) -> list[BatchStatus]:
    rows = con.execute(
        f"""
        select
            batch_id,
            any_value(source_system),
            min(loaded_at),
            count(*) filter (where status = 'loaded'),
            count(*) filter (where status = 'skipped'),
            count(*) filter (where status = 'rejected'),
            count(*) filter (where status = 'unloaded'),
            coalesce(sum(record_count) filter (where status in ('loaded', 'unloaded')), 0),
            any_value(assumed_timezone),
            max(unloaded_at)
        from {manifest}
        group by batch_id
        order by min(loaded_at) desc, batch_id
        """
    ).fetchall()
    return [BatchStatus(*row) for row in rows]


def _rejected_files(con: duckdb.DuckDBPyConnection, manifest: str) -> list[RejectedFile]:
    """Files whose latest outcome was a rejection and whose content was not loaded since."""
    rows = con.execute(
        f"""
        with rejected as (
            select
                source_system,
                arg_max(file_path, loaded_at) as file_path,
                arg_max(reason, loaded_at) as reason,
                max(loaded_at) as rejected_at,
                arg_max(batch_id, loaded_at) as batch_id,
                any_value(file_sha256) as file_sha256
            from {manifest}
            where status = 'rejected'
            group by source_system, coalesce(file_sha256, file_path)
        )
        select source_system, file_path, reason, rejected_at, batch_id
        from rejected
        where not exists (
            select 1 from {manifest} as m
            where m.status = 'loaded' and m.source_system = rejected.source_system
                and m.file_sha256 = rejected.file_sha256
        )
        order by rejected_at desc, file_path
        """
    ).fetchall()
    return [RejectedFile(*row) for row in rows]


def _quarantine(con: duckdb.DuckDBPyConnection) -> list[QuarantineCount]:
    rows = con.execute(
        "select source_system, reason, count(*) from staging.quarantined_records"
        " group by all order by 1, 2"
    ).fetchall()
    return [QuarantineCount(*row) for row in rows]


def _json_value(value: object) -> str:
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC).isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


# -- text -------------------------------------------------------------------------------------


def render(status: WarehouseStatus) -> str:
    """The report as text for a terminal."""
    lines = [
        f"Warehouse {status.warehouse} ({status.size_bytes / 1e6:,.1f} MB), "
        f"{status.checked_at:%Y-%m-%d %H:%M} UTC",
        "",
    ]
    rows: list[Sequence[str]] = [
        (
            "source system / entity",
            "files",
            "records",
            "skipped",
            "rejected",
            "last load UTC",
            "batch",
            "freshness",
        )
    ]
    for vendor in status.vendors:
        rows.append(
            (
                vendor.source_system,
                f"{vendor.files_loaded:,}",
                f"{vendor.records:,}",
                f"{vendor.files_skipped:,}",
                f"{vendor.files_rejected:,}",
                _when(vendor.last_loaded_at),
                _short(vendor.last_batch_id),
                _vendor_freshness(vendor),
            )
        )
        for entity in vendor.entities:
            rows.append(
                (
                    f"  {entity.entity}",
                    f"{entity.files:,}",
                    f"{entity.records:,}",
                    "",
                    "",
                    _when(entity.last_loaded_at),
                    _short(entity.last_batch_id),
                    entity.freshness,
                )
            )
    lines += _table(rows, right=(1, 2, 3, 4))

    lines += [
        "",
        f"Freshness: stale after {status.freshness_warn_after_hours} h without a delivery"
        " (as `dbt source freshness`); lookup snapshots have no schedule.",
    ]
    stale = [
        f"{vendor.source_system}.{entity.entity}"
        for vendor in status.vendors
        for entity in vendor.entities
        if entity.freshness == "stale"
    ]
    if stale:
        lines.append(f"  stale: {', '.join(stale)}")

    lines += ["", "Recent batches (`ccw unload --batch ID` takes one back):"]
    if status.batches:
        batch_rows: list[Sequence[str]] = [
            ("  batch", "source system", "loaded (UTC)", "files", "records", "offset", "state")
        ]
        for batch in status.batches[:RECENT_BATCHES]:
            files = batch.files_loaded + batch.files_unloaded
            batch_rows.append(
                (
                    f"  {_short(batch.batch_id)}",
                    batch.source_system,
                    _when(batch.loaded_at),
                    f"{files:,}",
                    f"{batch.records:,}",
                    batch.assumed_timezone or "",
                    batch.state,
                )
            )
        lines += _table(batch_rows, right=(3, 4))
        if len(status.batches) > RECENT_BATCHES:
            lines.append(f"  ... {len(status.batches) - RECENT_BATCHES} earlier (see --json)")
    else:
        lines.append("  none: load exports with `ccw load`")

    lines += ["", f"Rejected files: {len(status.rejected_files)}"]
    for rejected in status.rejected_files:
        lines.append(
            f"  {rejected.source_system}  {rejected.file_path}  (batch "
            f"{_short(rejected.batch_id)}, {_when(rejected.rejected_at)} UTC)"
        )
        lines.append(f"      {rejected.reason}")

    if status.pulls:
        lines += ["", "API pulls (`ccw pull`; an unfinished one resumes where it stopped):"]
        pull_rows: list[Sequence[str]] = [
            ("  source system", "endpoint", "reached", "state", "updated (UTC)", "run")
        ]
        for pull in status.pulls:
            pull_rows.append(
                (
                    f"  {pull.source_system}",
                    pull.endpoint,
                    _reached(pull),
                    "finished" if pull.finished else "unfinished",
                    _when(pull.updated_at),
                    pull.run_id,
                )
            )
        lines += _table(pull_rows)

    if status.quarantine is None:
        lines += ["", "Quarantined records: not known yet (no dbt build has run)"]
    else:
        total = sum(count.records for count in status.quarantine)
        lines += ["", f"Quarantined records (staging.quarantined_records, last dbt build): {total}"]
        lines += _table(
            [("  " + c.source_system, c.reason, f"{c.records:,}") for c in status.quarantine],
            right=(2,),
        )
    return "\n".join(lines)


def _reached(pull: PullStatus) -> str:
    """The position in words: a window end, or 'end of set' for a finished page chain."""
    if pull.position is None:
        return "end" if pull.finished else "-"
    if pull.position.isdigit() and pull.range_end and pull.range_end.isdigit():
        return f"{int(pull.position):,} of {int(pull.range_end):,} ids"
    if len(pull.position) > 60:
        return pull.position[:57] + "..."
    return pull.position


def _vendor_freshness(vendor: VendorStatus) -> str:
    if vendor.hours_since_last_delivery is None:
        return vendor.freshness
    return f"{vendor.freshness}, {_age(vendor.hours_since_last_delivery)} ago"


def _age(hours: float) -> str:
    if hours < 1:
        return f"{max(hours * 60, 0):.0f} min"
    if hours < 48:
        return f"{hours:.0f} h"
    return f"{hours / 24:.0f} d"


def _when(moment: datetime | None) -> str:
    return f"{moment:%Y-%m-%d %H:%M}" if moment else "-"


def _short(batch_id: str | None) -> str:
    return batch_id[:SHORT_ID] if batch_id else "-"


def _table(rows: Sequence[Sequence[str]], right: Sequence[int] = ()) -> list[str]:
    if not rows:
        return []
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        "  ".join(
            cell.rjust(width) if i in right else cell.ljust(width)
            for i, (cell, width) in enumerate(zip(row, widths, strict=True))
        ).rstrip()
        for row in rows
    ]
