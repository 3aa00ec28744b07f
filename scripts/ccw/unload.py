"""Taking a load back: `ccw unload --batch ID` or `--file PATH`.

The raw rows the batch (or file) landed are deleted and its manifest rows become `unloaded`, in
one transaction, so the same files can be loaded again (with the right vendor or offset). The
next `dbt build` reflects it: staging reads raw, and the incremental models rebuild in full once
they find an unload newer than anything they hold (macros/incremental/should_full_refresh.sql).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from ccw.files import fingerprint
from ccw.landing import MANIFEST_TABLE, RAW_SCHEMA, insert_rows, next_stamp, raw_table_name
from ccw.spec import VendorSpec

MANIFEST = f"{RAW_SCHEMA}.{MANIFEST_TABLE}"
# The shortest batch id prefix accepted (ids are UUIDs; `ccw status` shows their first 8).
MIN_BATCH_PREFIX = 8


class UnloadError(Exception):
    """Nothing matches what was asked to unload; the message says what to do."""


@dataclass
class Unloaded:
    """What an unload took back (files: manifest rows now `unloaded`)."""

    batch_ids: list[str] = field(default_factory=list)
    files: int = 0
    records: int = 0
    # raw table (raw.<source_system>__<entity>) -> rows deleted
    rows_deleted: dict[str, int] = field(default_factory=dict)
    assumed_timezones: list[str] = field(default_factory=list)
    # When nothing was loaded any more: the earlier unload's time, if any.
    already_unloaded_at: str | None = None


def unload(
    con: duckdb.DuckDBPyConnection,
    specs: Mapping[str, VendorSpec],
    *,
    batch: str | None = None,
    file: Path | None = None,
) -> Unloaded:
    """Delete the raw rows of a batch's (or a file's) loaded files and mark their manifest rows
    `unloaded`, all in one transaction. Raises UnloadError when nothing matches."""
    if (batch is None) == (file is None):
        raise UnloadError("name exactly one of --batch ID or --file PATH")
    if batch is not None:
        batch_id = resolve_batch(con, batch)
        where, params = "batch_id = ?", [batch_id]
        what = f"batch {batch_id}"
    else:
        assert file is not None
        where, params, what = _file_match(con, file)
    targets = con.execute(
        f"""
        select source_system, batch_id, file_sha256, record_count, assumed_timezone
        from {MANIFEST}
        where status = 'loaded' and {where}
        """,
        params,
    ).fetchall()
    result = Unloaded()
    if not targets:
        row = con.execute(
            f"select max(unloaded_at) from {MANIFEST} where status = 'unloaded' and {where}",
            params,
        ).fetchone()
        if row and row[0] is not None:
            result.already_unloaded_at = f"{row[0]:%Y-%m-%d %H:%M:%S} UTC"
            return result
        raise UnloadError(
            f"{what} loaded no file (only skipped or rejected ones): nothing to unload"
        )
    unloaded_at = next_stamp(con)
    con.execute("begin")
    try:
        con.execute(
            "create or replace temp table _ccw_unload"
            " (source_system varchar, batch_id varchar, file_sha256 varchar)"
        )
        insert_rows(con, "_ccw_unload", [tuple(target[:3]) for target in targets])
        for source_system in sorted({target[0] for target in targets}):
            spec = specs[source_system]
            for entity in spec.entities:
                table = raw_table_name(spec, entity)
                deleted = con.execute(
                    f"""
                    delete from {table} as r
                    using _ccw_unload as u
                    where u.source_system = ? and r._batch_id = u.batch_id
                        and r._file_sha256 = u.file_sha256
                    """,
                    [source_system],
                ).fetchone()
                if deleted and deleted[0]:
                    result.rows_deleted[f"{RAW_SCHEMA}.{spec.raw_table(entity)}"] = int(deleted[0])
        con.execute(
            f"""
            update {MANIFEST} as m
            set status = 'unloaded', unloaded_at = ?
            from _ccw_unload as u
            where m.status = 'loaded' and m.source_system = u.source_system
                and m.batch_id = u.batch_id and m.file_sha256 = u.file_sha256
            """,
            [unloaded_at],
        )
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise
    finally:
        con.execute("drop table if exists _ccw_unload")
    result.batch_ids = sorted({str(target[1]) for target in targets})
    result.files = len(targets)
    result.records = sum(int(target[3]) for target in targets)
    result.assumed_timezones = sorted({str(target[4]) for target in targets if target[4]})
    return result


def resolve_batch(con: duckdb.DuckDBPyConnection, batch: str) -> str:
    """The batch id `batch` names: the whole id, or a prefix of at least 8 characters that
    only one batch starts with."""
    text = batch.strip().lower()
    if len(text) < MIN_BATCH_PREFIX:
        raise UnloadError(
            f"batch {batch!r} is too short: give the id `ccw status` shows, at least "
            f"{MIN_BATCH_PREFIX} characters"
        )
    matches = [
        batch_id
        for (batch_id,) in con.execute(
            f"select distinct batch_id from {MANIFEST} where starts_with(lower(batch_id), ?)"
            " order by 1",
            [text],
        ).fetchall()
    ]
    if not matches:
        raise UnloadError(f"no load batch {batch} in this warehouse; `ccw status` lists them")
    if len(matches) > 1:
        raise UnloadError(
            f"batch {batch} is ambiguous ({', '.join(matches[:5])}); give more of its id"
        )
    return str(matches[0])


def _file_match(con: duckdb.DuckDBPyConnection, file: Path) -> tuple[str, list[str], str]:
    """The manifest condition for `--file`: the path as loaded (the loader records resolved
    paths), else the file's current content under any name."""
    path = str(file.resolve())
    known = con.execute(
        f"select count(*) from {MANIFEST} where file_path = ? and status in ('loaded', 'unloaded')",
        [path],
    ).fetchone()
    if known and known[0]:
        return "file_path = ?", [path], f"file {path}"
    if file.is_file():
        sha = fingerprint(file).sha256
        return "file_sha256 = ?", [sha], f"the content of {path}"
    raise UnloadError(
        f"{path} was never loaded into this warehouse and does not exist; `ccw status` lists "
        "loaded batches"
    )
