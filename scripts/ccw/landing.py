"""Landing vendor files in the warehouse's `raw` schema, verbatim, with a load manifest.

DuckDB parses the files (its JSON reader is far faster than Python's); Python decides what to read,
fingerprints files, and keeps the manifest. Each file lands atomically: all its records or none.
Files are read in groups for speed; a group that fails is retried file by file, so one broken file
is rejected by name and the good files beside it still load.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Literal

import duckdb

from ccw.files import (
    InputFile,
    fingerprint,
    holds_an_empty_array,
    is_supported,
)
from ccw.spec import VendorSpec
from ccw.warehouse import attach, sql_string

RAW_SCHEMA = "raw"
MANIFEST_TABLE = "_load_files"
# Largest single JSON value (a whole envelope file, or one array element) the reader accepts,
# and the size it reads array elements and lines with first (see _value_limit).
MAX_JSON_VALUE_BYTES = 256 * 1024 * 1024
DEFAULT_JSON_VALUE_BYTES = 16 * 1024 * 1024
MIN_JSON_VALUE_BYTES = 1024 * 1024
# A group of files read and committed together: at most this many files or bytes.
GROUP_MAX_FILES = 500
GROUP_MAX_BYTES = 64 * 1024 * 1024
# The manifest's columns, in the order the loader writes them.
MANIFEST_COLUMNS = (
    "file_path",
    "file_sha256",
    "file_size_bytes",
    "source_system",
    "entity",
    "status",
    "reason",
    "record_count",
    "batch_id",
    "loaded_at",
    "assumed_timezone",
    "unloaded_at",
)
# The loader's DuckDB memory limit; the process stays within about 1 GB whatever the file sizes.
LOADER_MEMORY_LIMIT_MB = 512
# Rows per row group of the raw tables (DuckDB's default is 122,880).
RAW_ROW_GROUP_SIZE = 16_384
# The name the loader's session gives the warehouse file.
WAREHOUSE_ALIAS = "ccw_warehouse"
# Documents per file whose keys are compared with each vendor's signature keys.
FINGERPRINT_DOCUMENTS = 20

# What became of a file: the first three are written to the manifest by `ccw load`, `unloaded`
# by `ccw unload` over a `loaded` row. `still_rejected` (content rejected before, unchanged) is
# reported and not written again.
Status = Literal["loaded", "skipped", "rejected", "unloaded", "still_rejected"]


# Every top-level JSON value of the files `$paths` (a top-level array gives one per element), in
# file order, numbered from 0 across them: the relation `documents` of VendorSpec.records_sql.
_DOCUMENTS_SQL = """
    select filename as file_path, row_number() over () - 1 as doc_index, json as doc
    from read_json_objects(
        $paths, format = $format, filename = true, maximum_object_size = $max_bytes
    )
"""


class OffsetConflictError(Exception):
    """Files of this run were loaded before with another --assume-timezone."""


@dataclass(frozen=True)
class FileOutcome:
    path: Path
    status: Status
    sha256: str | None = None
    size_bytes: int = 0
    entity: str | None = None
    record_count: int = 0
    reason: str | None = None
    # Records landed without the vendor's key: staging quarantines them (a note for the user);
    # for a file still rejected, when and in which batch it was rejected first.
    note: str | None = None


@dataclass
class LoadSummary:
    source_system: str
    batch_id: str
    outcomes: list[FileOutcome] = field(default_factory=list)

    def of(self, status: Status) -> list[FileOutcome]:
        return [outcome for outcome in self.outcomes if outcome.status == status]

    @property
    def records_loaded(self) -> int:
        return sum(outcome.record_count for outcome in self.of("loaded"))


ProgressCallback = Callable[[FileOutcome], None]


def quote_identifier(name: str) -> str:
    """A SQL identifier, double-quoted."""
    return '"' + name.replace('"', '""') + '"'


def raw_table_name(spec: VendorSpec, entity: str) -> str:
    return f"{RAW_SCHEMA}.{quote_identifier(spec.raw_table(entity))}"


def connect(db_path: Path) -> duckdb.DuckDBPyConnection:
    """Open the warehouse for writing, with the settings landing relies on. Creates the file
    when it does not exist: callers decide whether that is allowed (ccw.warehouse.check_path)."""
    con = duckdb.connect()
    try:
        # Small row groups: a checkpoint after each group of files then compresses that
        # group's rows, not a row group of ~120,000 records, which kept the loader's memory
        # growing with the batch (DECISIONLOG.md, 2026-11-23).
        attach(con, db_path, WAREHOUSE_ALIAS, options=f"row_group_size {RAW_ROW_GROUP_SIZE}")
    except BaseException:
        con.close()
        raise
    con.execute(f"use {WAREHOUSE_ALIAS}")
    # DuckDB's default memory limit (80% of RAM) lets its buffer pool keep every block a large
    # load writes: a 2 GB file held 1.2 GB. Under a limit it evicts them (they are on disk),
    # and spills what must be kept to a folder beside the warehouse, created only if needed.
    con.execute(f"set memory_limit = '{LOADER_MEMORY_LIMIT_MB}MB'")
    con.execute(f"set temp_directory = {sql_string(str(db_path) + '.tmp')}")
    # Verbatim JSON is large text: zstd writes it several times faster, and smaller, than the
    # default string compression.
    con.execute("set force_compression = 'zstd'")
    con.execute("set preserve_insertion_order = true")
    return con


def ensure_raw_schema(con: duckdb.DuckDBPyConnection, specs: Sequence[VendorSpec]) -> None:
    """Create the manifest and every vendor's raw tables, so dbt finds all sources even when
    only some vendors have been loaded."""
    con.execute(f"create schema if not exists {RAW_SCHEMA}")
    con.execute(
        f"""
        create table if not exists {RAW_SCHEMA}.{MANIFEST_TABLE} (
            file_path varchar not null,
            file_sha256 varchar,
            file_size_bytes bigint,
            source_system varchar not null,
            entity varchar,
            status varchar not null,
            reason varchar,
            record_count bigint not null,
            batch_id varchar not null,
            loaded_at timestamp not null,
            assumed_timezone varchar,
            unloaded_at timestamp
        )
        """
    )
    for spec in specs:
        for entity in spec.entities:
            con.execute(
                f"""
                create table if not exists {raw_table_name(spec, entity)} (
                    record json not null,
                    _file_path varchar not null,
                    _file_sha256 varchar not null,
                    _record_index bigint not null,
                    _batch_id varchar not null,
                    _loaded_at timestamp not null,
                    _assumed_timezone varchar
                )
                """
            )
    _add_manifest_columns(con, specs)


def _add_manifest_columns(con: duckdb.DuckDBPyConnection, specs: Sequence[VendorSpec]) -> None:
    """Bring a manifest written by an earlier release up to date: the load option of each
    loaded file (taken from its raw rows) and the time `ccw unload` took a file back."""
    manifest = f"{RAW_SCHEMA}.{MANIFEST_TABLE}"
    present = {
        name
        for (name,) in con.execute(
            "select column_name from information_schema.columns"
            " where table_catalog = current_database() and table_schema = ? and table_name = ?",
            [RAW_SCHEMA, MANIFEST_TABLE],
        ).fetchall()
    }
    if "unloaded_at" not in present:
        con.execute(f"alter table {manifest} add column unloaded_at timestamp")
    if "assumed_timezone" in present:
        return
    con.execute(f"alter table {manifest} add column assumed_timezone varchar")
    # Earlier releases kept the offset on the raw rows only.
    for spec in specs:
        if not spec.needs_timezone:
            continue
        for entity in spec.entities:
            con.execute(
                f"""
                update {manifest} as m
                set assumed_timezone = r.assumed_timezone
                from (
                    select _batch_id, _file_sha256, any_value(_assumed_timezone) as assumed_timezone
                    from {raw_table_name(spec, entity)}
                    group by all
                ) as r
                where m.batch_id = r._batch_id and m.file_sha256 = r._file_sha256
                """
            )


def next_stamp(con: duckdb.DuckDBPyConnection) -> datetime:
    """Now (UTC, naive), or just after the newest load or unload the manifest holds if the
    clock says otherwise: incremental dbt builds compare these times, so they only move on."""
    now = datetime.now(UTC).replace(tzinfo=None)
    row = con.execute(
        f"select greatest(max(loaded_at), max(unloaded_at)) from {RAW_SCHEMA}.{MANIFEST_TABLE}"
    ).fetchone()
    latest = row[0] if row else None
    if isinstance(latest, datetime) and latest >= now:
        return latest + timedelta(microseconds=1)
    return now


class Loader:
    """Lands one vendor's files into an open warehouse connection as one batch."""

    def __init__(
        self,
        con: duckdb.DuckDBPyConnection,
        spec: VendorSpec,
        assumed_timezone: str | None = None,
        on_file: ProgressCallback | None = None,
        rivals: Sequence[VendorSpec] = (),
        retry_rejected: bool = False,
        origins: Mapping[str, str] | None = None,
    ) -> None:
        self.con = con
        # Where a local copy came from (an object storage URL), recorded instead of the copy's
        # path in the manifest and the raw rows.
        self.origins = dict(origins or {})
        self.spec = spec
        # The other vendors, whose files this loader must recognise and refuse by name.
        self.rivals = [rival for rival in rivals if rival.source_system != spec.source_system]
        self.assumed_timezone = assumed_timezone
        self.on_file = on_file
        # Read files again whose unchanged content was rejected before (after a loader upgrade).
        self.retry_rejected = retry_rejected
        self.batch_id = str(uuid.uuid4())
        self.loaded_at = datetime.now(UTC).replace(tzinfo=None)

    def load(self, paths: Sequence[Path]) -> LoadSummary:
        """Land `paths` as one batch. Raises OffsetConflictError, having written nothing, when
        some of them were loaded before under another --assume-timezone."""
        summary = LoadSummary(source_system=self.spec.source_system, batch_id=self.batch_id)
        # Incremental dbt builds take what was loaded after the newest load time they hold, so
        # a batch is never stamped earlier than a load or unload already in the warehouse.
        self.loaded_at = next_stamp(self.con)
        earlier = _Earlier(self._previously_loaded(), self._previously_rejected())
        seen_in_run: dict[str, Path] = {}
        screened_out: list[FileOutcome] = []
        to_land: list[InputFile] = []
        for path in paths:
            outcome, input_file = self._screen(path, seen_in_run, earlier)
            if outcome is not None:
                screened_out.append(outcome)
            if input_file is not None:
                to_land.append(input_file)
        self._refuse_offset_conflicts(screened_out, earlier)
        self._write_manifest([o for o in screened_out if o.status != "still_rejected"])
        self._report(summary, screened_out)
        for group in _groups(to_land):
            self._report(summary, self._land_group_or_each(group))
        return summary

    def _refuse_offset_conflicts(self, outcomes: Sequence[FileOutcome], earlier: _Earlier) -> None:
        conflicts = [
            (outcome, earlier.loaded[outcome.sha256])
            for outcome in outcomes
            if outcome.status == "skipped"
            and outcome.sha256 in earlier.loaded
            and earlier.loaded[outcome.sha256].assumed_timezone != self.assumed_timezone
            # Content that landed no records (an empty window) has no times to be wrong about.
            and earlier.loaded[outcome.sha256].record_count > 0
        ]
        if not conflicts:
            return
        first, load = conflicts[0]
        batches = sorted({load.batch_id for _, load in conflicts})
        others = f" (and {len(conflicts) - 1} more)" if len(conflicts) > 1 else ""
        unload = " ".join(f"--batch {batch}" for batch in batches)
        raise OffsetConflictError(
            f"{first.path}{others} was loaded before with --assume-timezone "
            f"{load.assumed_timezone or '(none)'} (batch {load.batch_id}), not "
            f"{self.assumed_timezone or '(none)'}; nothing was loaded. To load it again with "
            f"{self.assumed_timezone or 'no offset'}, first take the earlier load back with "
            f"`ccw unload {unload}`; to keep it, repeat its offset."
        )

    def _report(self, summary: LoadSummary, outcomes: Sequence[FileOutcome]) -> None:
        for outcome in outcomes:
            summary.outcomes.append(outcome)
            if self.on_file is not None:
                self.on_file(outcome)

    # -- screening: unreadable, unsupported, already loaded ---------------------------------

    def _previously_loaded(self) -> dict[str, _EarlierLoad]:
        rows = self.con.execute(
            f"""
            select file_sha256, any_value(file_path), any_value(batch_id),
                any_value(assumed_timezone), max(record_count)
            from {RAW_SCHEMA}.{MANIFEST_TABLE}
            where source_system = ? and status = 'loaded'
            group by file_sha256
            """,
            [self.spec.source_system],
        ).fetchall()
        return {sha: _EarlierLoad(*rest) for sha, *rest in rows}

    def _previously_rejected(self) -> dict[str, _EarlierRejection]:
        """Content this vendor's loads rejected, with the latest reason (none if retrying)."""
        if self.retry_rejected:
            return {}
        rows = self.con.execute(
            f"""
            select file_sha256, arg_max(reason, loaded_at), arg_max(batch_id, loaded_at),
                max(loaded_at)
            from {RAW_SCHEMA}.{MANIFEST_TABLE}
            where source_system = ? and status = 'rejected' and file_sha256 is not null
            group by file_sha256
            """,
            [self.spec.source_system],
        ).fetchall()
        return {sha: _EarlierRejection(*rest) for sha, *rest in rows}

    def _screen(
        self,
        path: Path,
        seen_in_run: dict[str, Path],
        earlier: _Earlier,
    ) -> tuple[FileOutcome | None, InputFile | None]:
        if not is_supported(path):
            reason = "not a .json, .jsonl or .ndjson file (optionally .gz): rename it or convert it"
            return FileOutcome(path=path, status="rejected", reason=reason), None
        try:
            input_file = fingerprint(path)
        except OSError as exc:
            reason = f"cannot be read: {exc.strerror or exc}; check the file and its permissions"
            return FileOutcome(path=path, status="rejected", reason=reason), None
        if input_file.sha256 in earlier.loaded:
            load = earlier.loaded[input_file.sha256]
            reason = f"same content already loaded from {load.file_path} (batch {load.batch_id})"
            return self._outcome(input_file, "skipped", reason=reason), None
        if input_file.sha256 in earlier.rejected:
            rejection = earlier.rejected[input_file.sha256]
            outcome = self._outcome(input_file, "still_rejected", reason=rejection.reason)
            note = (
                f"unchanged since rejected on {rejection.rejected_at:%Y-%m-%d %H:%M} UTC in "
                f"batch {rejection.batch_id}, not read again"
            )
            return replace(outcome, note=note), None
        if input_file.size_bytes == 0:
            outcome = self._outcome(input_file, "rejected", reason="the file is empty (0 bytes)")
            return outcome, None
        if input_file.unclosed_array:
            reason = "not valid JSON: its array is never closed with ] (the file looks truncated)"
            return self._outcome(input_file, "rejected", reason=reason), None
        if input_file.sha256 in seen_in_run:
            reason = f"same content as {seen_in_run[input_file.sha256]} in this run"
            return self._outcome(input_file, "skipped", reason=reason), None
        seen_in_run[input_file.sha256] = path
        return None, input_file

    def _outcome(
        self,
        input_file: InputFile,
        status: Status,
        *,
        reason: str | None = None,
        entity: str | None = None,
        record_count: int = 0,
    ) -> FileOutcome:
        return FileOutcome(
            path=input_file.path,
            status=status,
            sha256=input_file.sha256,
            size_bytes=input_file.size_bytes,
            entity=entity,
            record_count=record_count,
            reason=reason,
        )

    def origin(self, path: Path) -> str:
        """The path or URL a file is recorded under."""
        return self.origins.get(str(path), str(path))

    def _write_manifest(self, outcomes: Sequence[FileOutcome]) -> None:
        """Manifest rows for files that land nothing, in a transaction of their own."""
        if not outcomes:
            return
        self.con.execute("begin")
        self._insert_manifest(outcomes)
        self.con.execute("commit")

    def _insert_manifest(self, outcomes: Sequence[FileOutcome]) -> None:
        insert_rows(
            self.con,
            f"{RAW_SCHEMA}.{MANIFEST_TABLE}",
            [
                (
                    self.origin(outcome.path),
                    outcome.sha256,
                    outcome.size_bytes,
                    self.spec.source_system,
                    outcome.entity,
                    outcome.status,
                    outcome.reason,
                    outcome.record_count,
                    self.batch_id,
                    self.loaded_at,
                    self.assumed_timezone,
                    None,
                )
                for outcome in outcomes
            ],
            MANIFEST_COLUMNS,
        )

    # -- landing ------------------------------------------------------------------------------

    def _land_group_or_each(
        self, group: list[InputFile], value_limit: int | None = None
    ) -> list[FileOutcome]:
        limit = value_limit or _value_limit(group)
        try:
            return self._land_group(group, limit)
        except duckdb.Error as exc:
            if len(group) > 1 and isinstance(exc, duckdb.OutOfMemoryException):
                # Too much read at once: land each half, splitting further only if need be.
                half = len(group) // 2
                return [
                    outcome
                    for part in (group[:half], group[half:])
                    for outcome in self._land_group_or_each(part)
                ]
            if len(group) > 1:
                # One file broke the shared read: land each alone to find it.
                return [outcome for one in group for outcome in self._land_group_or_each([one])]
            needs_room = "maximum_object_size" in str(exc) or isinstance(
                exc, duckdb.OutOfMemoryException
            )
            if needs_room and limit < MAX_JSON_VALUE_BYTES:
                # Values larger than the reader's usual buffer (its buffers grow with them):
                # read the file again with the largest buffer and the memory to go with it.
                return self._land_group_or_each(group, MAX_JSON_VALUE_BYTES)
            outcome = self._outcome(group[0], "rejected", reason=describe_read_error(exc))
            self._write_manifest([outcome])
            return [outcome]

    def _land_group(self, group: list[InputFile], value_limit: int) -> list[FileOutcome]:
        """Read the group's files twice, streaming, so memory does not grow with their size:
        first to check each against the vendor's shape, then to insert the records of every
        file that passed. Returns one outcome per file."""
        con = self.con
        # A whole-file JSON value is parsed, copied and searched in memory at once: allow
        # room for a few copies of it beyond the usual limit.
        extra_mb = 0 if value_limit <= DEFAULT_JSON_VALUE_BYTES else 12 * value_limit >> 20
        con.execute(f"set memory_limit = '{LOADER_MEMORY_LIMIT_MB + extra_mb}MB'")
        con.execute("begin")
        try:
            summaries = self._summaries(group, value_limit)
            outcomes = [self._checked_outcome(f, summary) for f, summary in summaries]
            counts = {str(f.path): summary.record_count for f, summary in summaries}
            self._insert_records(outcomes, counts, group[0].reader_format, value_limit)
            self._insert_manifest(outcomes)
            con.execute("commit")
        except BaseException:
            con.execute("rollback")
            raise
        return outcomes

    def _records_query(self) -> str:
        """Every record of the files `$paths`, in file order, numbered from 0 across them
        (`position`). It streams: the window has no partition and nothing is materialised."""
        return f"""
            with documents as not materialized ({_DOCUMENTS_SQL}),
            records as ({self.spec.records_sql})
            select file_path, row_number() over () - 1 as position, entity, record
            from records
        """

    def _insert_records(
        self,
        outcomes: Sequence[FileOutcome],
        record_counts: dict[str, int],
        reader_format: str,
        value_limit: int,
    ) -> None:
        """Insert the records of the files that passed, one entity at a time, reading only
        the files that hold it. A record's index is its place in its own file: its position
        in the read less the records of the files read before its file."""
        for entity in self.spec.entities:
            files = [
                outcome
                for outcome in outcomes
                if outcome.status == "loaded"
                and outcome.record_count
                and entity in (outcome.entity or "").split(",")
            ]
            if not files:
                continue
            offsets, offset = [], 0
            for outcome in files:
                offsets.append(offset)
                offset += record_counts[str(outcome.path)]
            self.con.execute(
                "create or replace temp table _ccw_landing "
                "(file_path varchar, origin varchar, sha varchar, first_position bigint)"
            )
            insert_rows(
                self.con,
                "_ccw_landing",
                [
                    (str(o.path), self.origin(o.path), o.sha256, first)
                    for o, first in zip(files, offsets, strict=True)
                ],
            )
            self.con.execute(
                f"""
                insert into {raw_table_name(self.spec, entity)}
                select
                    r.record, l.origin, l.sha, r.position - l.first_position,
                    $batch_id, $loaded_at, $assumed_timezone
                from ({self._records_query()}) as r
                inner join _ccw_landing as l on r.file_path = l.file_path
                where r.entity = $entity
                """,
                {
                    "paths": [str(o.path) for o in files],
                    "format": reader_format,
                    "max_bytes": value_limit,
                    "batch_id": self.batch_id,
                    "loaded_at": self.loaded_at,
                    "assumed_timezone": self.assumed_timezone,
                    "entity": entity,
                },
            )
            self.con.execute("drop table _ccw_landing")

    def _summaries(
        self, group: list[InputFile], value_limit: int
    ) -> list[tuple[InputFile, _FileSummary]]:
        """What each file of the group holds, in one streaming pass over its records."""
        spec = self.spec
        missing_key_checks = (
            " or ".join(
                f"(entity = '{entity}' and "
                f"nullif(trim(json_extract_string(record, '$.\"{key}\"')), '') is null)"
                for entity, keys in spec.required_keys.items()
                for key in keys
            )
            or "false"
        )
        known = ", ".join(f"'{entity}'" for entity in spec.entities)
        scores = ", ".join(
            f"len(list_intersect(json_keys(doc), {_sql_list(vendor.signature_keys)}))"
            for vendor in (spec, *self.rivals)
        )
        rows = self.con.execute(
            f"""
            with files as (select unnest($paths::varchar[]) as file_path),
            documents as ({_DOCUMENTS_SQL}),
            -- the top-level keys of each file's first documents, to tell the vendor's files
            -- (their text is kept by the aggregate, so only those few documents are parsed)
            fingerprints as (
                select
                    file_path,
                    count(*) as doc_count,
                    list_transform(
                        min_by(doc, doc_index, {FINGERPRINT_DOCUMENTS}),
                        lambda doc: [{scores}]
                    ) as scores
                from documents
                group by file_path
            ),
            checked as (
                select
                    file_path,
                    position,
                    entity,
                    not_object,
                    entity is null or entity not in ({known}) as unknown_entity,
                    not not_object and ({missing_key_checks}) as missing_key
                from (
                    -- the reader has checked the JSON: a value is an object when it opens so
                    select
                        *,
                        not starts_with(ltrim(record::varchar, e' \\t\\r\\n'), '{{')
                            as not_object
                    from ({self._records_query()})
                )
            ),
            per_file as (
                select
                    file_path,
                    count(*) as record_count,
                    string_agg(distinct entity, ',' order by entity) as entities,
                    count(*) filter (where not_object) as not_object,
                    min(position) filter (where not_object) - min(position) as first_not_object,
                    count(*) filter (where unknown_entity) as unknown_entity,
                    min(entity) filter (where unknown_entity) as first_unknown_entity,
                    count(*) filter (where missing_key) as missing_key,
                    min(position) filter (where missing_key) - min(position) as first_missing_key
                from checked
                group by file_path
            )
            select
                files.file_path,
                coalesce(fingerprints.doc_count, 0),
                coalesce(per_file.record_count, 0),
                per_file.entities,
                coalesce(per_file.not_object, 0),
                per_file.first_not_object,
                coalesce(per_file.unknown_entity, 0),
                per_file.first_unknown_entity,
                coalesce(per_file.missing_key, 0),
                per_file.first_missing_key,
                coalesce(fingerprints.scores, [])
            from files
            left join fingerprints on files.file_path = fingerprints.file_path
            left join per_file on files.file_path = per_file.file_path
            """,
            {
                "paths": [str(f.path) for f in group],
                "format": group[0].reader_format,
                "max_bytes": value_limit,
            },
        ).fetchall()
        by_path = {row[0]: _FileSummary(*row[1:]) for row in rows}
        return [(f, by_path[str(f.path)]) for f in group]

    def _checked_outcome(self, input_file: InputFile, summary: _FileSummary) -> FileOutcome:
        """Loaded, or rejected with the first reason the file is not the vendor's shape."""
        spec = self.spec
        reason: str | None = None
        if summary.doc_count == 0:
            if spec.empty_export_entity and holds_an_empty_array(input_file.path):
                return self._outcome(input_file, "loaded", entity=spec.empty_export_entity)
            reason = "holds no JSON value (whitespace only, or an empty array)"
        elif (mismatch := self._fingerprint_mismatch(summary.scores)) is not None:
            reason = mismatch
        elif summary.not_object:
            reason = (
                f"{summary.not_object} of {summary.record_count} records are not JSON objects "
                f"(first: record {summary.first_not_object}); expected {spec.shape_hint}"
            )
        elif summary.unknown_entity:
            reason = spec.unknown_entity_reason
            if summary.first_unknown_entity:
                reason += f": {summary.first_unknown_entity}"
        if reason is not None:
            return self._outcome(input_file, "rejected", reason=reason)
        note = None
        if summary.missing_key:
            required = ", ".join(
                sorted({key for keys in spec.required_keys.values() for key in keys})
            )
            note = (
                f"{summary.missing_key} of {summary.record_count} records lack {required} "
                f"(first: record {summary.first_missing_key}); they are landed, and staging "
                "lists them in staging.quarantined_records"
            )
        outcome = self._outcome(
            input_file, "loaded", entity=summary.entities, record_count=summary.record_count
        )
        return replace(outcome, note=note)

    def _fingerprint_mismatch(self, scores: Sequence[int]) -> str | None:
        """Why a file is not this vendor's, by the keys of its first documents: another
        vendor's documents (named), or nothing recognisable at all. None when it is."""
        if not scores:
            return None
        own, rival_scores = scores[0], scores[1:]
        best = max(range(len(rival_scores)), key=lambda i: rival_scores[i], default=None)
        if best is not None and rival_scores[best] > own:
            rival = self.rivals[best]
            return (
                f"looks like {rival.document_name}, not {self.spec.document_name}: "
                f"load it with `ccw load {rival.source_system}`"
            )
        if own == 0:
            examples = ", ".join(self.spec.signature_keys[:6])
            return (
                f"carries none of the keys of {self.spec.document_name} ({examples}, ...); "
                f"expected {self.spec.shape_hint}"
            )
        return None


def insert_rows(
    con: duckdb.DuckDBPyConnection,
    table: str,
    rows: Sequence[tuple[object, ...]],
    names: Sequence[str] = (),
) -> None:
    """Insert rows in one statement: a list parameter per column, unnested side by side
    (executemany runs one statement per row: seconds for a few thousand files). `names`: the
    table's columns the values go to, in order (default: all, in the table's order)."""
    if not rows:
        return
    columns = list(zip(*rows, strict=True))
    unnests = ", ".join(f"unnest(${i + 1})" for i in range(len(columns)))
    into = f" ({', '.join(names)})" if names else ""
    con.execute(f"insert into {table}{into} select {unnests}", [list(c) for c in columns])


@dataclass(frozen=True)
class _EarlierLoad:
    file_path: str
    batch_id: str
    assumed_timezone: str | None
    record_count: int


@dataclass(frozen=True)
class _EarlierRejection:
    reason: str
    batch_id: str
    rejected_at: datetime


@dataclass(frozen=True)
class _Earlier:
    """What the manifest says this vendor's loads did with each content hash before."""

    loaded: dict[str, _EarlierLoad]
    rejected: dict[str, _EarlierRejection]


@dataclass(frozen=True)
class _FileSummary:
    doc_count: int
    record_count: int
    entities: str | None
    not_object: int
    first_not_object: int | None
    unknown_entity: int
    first_unknown_entity: str | None
    missing_key: int
    first_missing_key: int | None
    # Per first document of the file, per vendor (this one first, then the rivals): the
    # vendor's signature keys the document carries.
    document_scores: list[list[int]]

    @property
    def scores(self) -> list[int]:
        """Per vendor, the signature keys found over the file's first documents."""
        columns = zip(*self.document_scores, strict=True)
        return [sum(column) for column in columns]


def _value_limit(group: Sequence[InputFile]) -> int:
    """The largest JSON value the reader takes in one go (it allocates buffers of twice this
    for every file it reads at once): no value is larger than its file, an object file's value
    is the whole file, and an array's or line-delimited file's values are its records, which a
    first read takes up to DEFAULT_JSON_VALUE_BYTES (a larger one makes the file be read again
    with MAX_JSON_VALUE_BYTES)."""
    largest = max(f.size_bytes for f in group) + 1
    if group[0].reader_format == "unstructured":
        return min(MAX_JSON_VALUE_BYTES, max(MIN_JSON_VALUE_BYTES, largest))
    return min(DEFAULT_JSON_VALUE_BYTES, max(MIN_JSON_VALUE_BYTES, largest))


def _sql_list(texts: Sequence[str]) -> str:
    return "[" + ", ".join(sql_string(text) for text in texts) + "]"


def _groups(files: Sequence[InputFile]) -> list[list[InputFile]]:
    """Files of the same reader format, in order, in groups bounded by count and bytes."""
    groups: list[list[InputFile]] = []
    current: list[InputFile] = []
    current_bytes = 0
    for input_file in files:
        starts_new = current and (
            len(current) >= GROUP_MAX_FILES
            or current_bytes + input_file.size_bytes > GROUP_MAX_BYTES
            or current[0].reader_format != input_file.reader_format
        )
        if starts_new:
            groups.append(current)
            current, current_bytes = [], 0
        current.append(input_file)
        current_bytes += input_file.size_bytes
    if current:
        groups.append(current)
    return groups


_MALFORMED = re.compile(r"Malformed JSON in file .*?, at byte (\d+) in record/value (\d+): (.*)")


def describe_read_error(exc: duckdb.Error) -> str:
    """A reason a person can act on, from DuckDB's error for one file."""
    message = str(exc).strip()
    malformed = _MALFORMED.search(message)
    if malformed:
        byte, _value, detail = malformed.groups()
        detail = detail.strip().rstrip(".")
        if "UTF-8" in detail:
            return f"not UTF-8 text: {detail} at byte {byte}; re-export the file as UTF-8"
        hint = " (the file looks truncated)" if "end of data" in detail else ""
        return f"not valid JSON: {detail} at byte {byte}{hint}"
    if "GZIP" in message.upper():
        return "named .gz but not gzip-compressed (or the compressed data is damaged)"
    if "maximum_object_size" in message:
        limit = MAX_JSON_VALUE_BYTES // (1024 * 1024)
        return f"holds a single JSON value larger than {limit} MiB; split the export"
    first_line = message.splitlines()[0] if message else type(exc).__name__
    return f"could not be read: {first_line}"
