"""The `ccw` command."""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

import duckdb

from ccw import __version__
from ccw.export_raw import export_raw
from ccw.files import InputPathError, discover
from ccw.landing import (
    FileOutcome,
    Loader,
    OffsetConflictError,
    connect,
    ensure_raw_schema,
)
from ccw.lineage import report
from ccw.publish import default_serving_path, publish, read_descriptions
from ccw.pull.cli import add_pull_parser, run_pull
from ccw.pull.run import DEFAULT_LANDING, new_run_id
from ccw.report import build_report
from ccw.status import collect, render
from ccw.storage import copy_objects, is_url
from ccw.summary import EXIT_OK, EXIT_REJECTED, EXIT_USAGE, plural, print_summary
from ccw.unload import UnloadError, unload
from ccw.vendors import VENDORS
from ccw.warehouse import WarehouseError, check_path, open_read_only

_OFFSET = re.compile(r"^([+-])(\d{2}):(\d{2})$")
# Minutes as JavaScript's getTimezoneOffset() and Kore's timeZoneOffset give them: UTC minus
# local time, so -330 is UTC+05:30 and 300 is UTC-05:00.
_MINUTES = re.compile(r"^-?\d{1,3}$")
_OFFSET_LIKE = re.compile(r"^[+-]?\d")
MAX_OFFSET_MINUTES = 14 * 60
PROGRESS_EVERY_SECONDS = 2.0
# Set to see a Python traceback instead of the one-line message for warehouse and file errors.
DEBUG_VARIABLE = "CCW_DEBUG"


def default_db_path() -> Path:
    return Path(os.environ.get("WAREHOUSE_PATH") or "warehouse.duckdb")


def parse_offset(text: str) -> str:
    """A UTC offset as +HH:MM from `+05:30`, `-04:00`, or the vendor's minutes with the
    JavaScript sign (`-330` is +05:30, `300` is -05:00)."""
    value = text.strip()
    if _MINUTES.match(value):
        minutes = -int(value)
        if abs(minutes) > MAX_OFFSET_MINUTES:
            raise argparse.ArgumentTypeError(
                f"{text!r} minutes is outside the UTC offsets in use (±840 minutes, ±14:00)"
            )
        sign = "+" if minutes >= 0 else "-"
        return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    match = _OFFSET.match(value)
    if not match:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a UTC offset: give +HH:MM or -HH:MM (+05:30), or the export's "
            "timeZoneOffset in minutes with its own sign (-330 for +05:30)"
        )
    sign, hours, minutes_text = match.groups()
    if int(minutes_text) > 59 or int(hours) * 60 + int(minutes_text) > MAX_OFFSET_MINUTES:
        raise argparse.ArgumentTypeError(f"{text!r} is outside the UTC offsets in use (±14:00)")
    return f"{sign}{hours}:{minutes_text}"


def _add_db_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        type=Path,
        default=None,
        help="warehouse file (default: $WAREHOUSE_PATH, else warehouse.duckdb)",
    )


def _add_landing_argument(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument(
        "--landing",
        type=Path,
        default=DEFAULT_LANDING,
        metavar="DIR",
        help=f"folder for {what}, under <source_system>/<run id>/ (default: landing)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ccw",
        description="Contact-center warehouse: land vendor exports in DuckDB for dbt to conform.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    load = commands.add_parser(
        "load",
        help="land a vendor's export files in the warehouse's raw schema",
        description=(
            "Land each record of the given files verbatim in raw.<source_system>__<entity>, with "
            "one manifest row per file in raw._load_files. Files already loaded (same content) "
            "are skipped; files that are not the vendor's JSON are rejected with a reason and "
            "the rest still load. Exit status: 0 all loaded or skipped, 1 some file rejected, "
            "2 nothing could be done."
        ),
    )
    load.add_argument("source_system", choices=sorted(VENDORS), help="which vendor's export")
    load.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help=(
            "files, or directories searched recursively for *.json, *.jsonl, *.ndjson (+ .gz); "
            "or object storage URLs (s3://bucket/prefix/, gs://bucket/prefix/), each object "
            "copied to the landing folder first"
        ),
    )
    _add_db_argument(load)
    _add_landing_argument(load, "copies of objects read from s3:// or gs://")
    load.add_argument(
        "--assume-timezone",
        type=parse_offset,
        default=None,
        metavar="OFFSET",
        help=(
            "UTC offset of the export's local times, for vendors that send times without one: "
            "+HH:MM or -HH:MM, or the request's timeZoneOffset in minutes with its JavaScript "
            "sign (-330 is +05:30, 300 is -05:00)"
        ),
    )
    load.add_argument(
        "--retry-rejected",
        action="store_true",
        help="read files again whose unchanged content an earlier load rejected",
    )
    status_command = commands.add_parser(
        "status",
        help="what the warehouse holds: loads, batches, rejects, quarantine, freshness",
        description=(
            "Per vendor and entity: files loaded, skipped and rejected, records, the last load "
            "and its batch, and freshness (stale after 36 hours without a delivery); then the "
            "recent batches, the rejected files with their reasons, and the records the last "
            "dbt build quarantined. Read-only."
        ),
    )
    _add_db_argument(status_command)
    status_command.add_argument(
        "--json", action="store_true", help="print the status as JSON, for scripts"
    )
    unload_command = commands.add_parser(
        "unload",
        help="take a load back: delete a batch's (or a file's) raw rows",
        description=(
            "Delete the raw rows a load batch (or one file) landed and mark its manifest rows "
            "'unloaded', in one transaction, so the same files can be loaded again, for "
            "example with the right --assume-timezone. The next dbt build reflects it; its "
            "incremental models rebuild in full by themselves. Batch ids: ccw status."
        ),
    )
    _add_db_argument(unload_command)
    which = unload_command.add_mutually_exclusive_group(required=True)
    which.add_argument(
        "--batch", metavar="ID", help="a batch id, or its first 8 or more characters"
    )
    which.add_argument(
        "--file", type=Path, metavar="PATH", help="one loaded file, by its path or content"
    )
    publish_command = commands.add_parser(
        "publish",
        help="copy the marts to the serving file BI tools open",
        description=(
            "Copy every table of the warehouse's marts schema to a separate serving file, in a "
            "storage format DuckDB 0.10 and later can read, replacing the previous serving file "
            "atomically: readers that have it open keep their version, new readers get the new "
            "one. Each table and column carries its dbt description as a comment (COMMENT ON), "
            "read from the dbt manifest, which BI tools show. Run it after a successful dbt "
            "build (make run does)."
        ),
    )
    _add_db_argument(publish_command)
    publish_command.add_argument(
        "--serving",
        type=Path,
        default=None,
        help="serving file (default: $SERVING_PATH, else serving.duckdb beside the warehouse)",
    )
    publish_command.add_argument(
        "--target",
        type=Path,
        default=Path("target"),
        help="dbt target directory holding manifest.json, for the descriptions (default: target)",
    )
    export_command = commands.add_parser(
        "export-raw",
        help="write every raw table as Parquet, for engines that cannot read DuckDB (Spark)",
        description=(
            "Write each table of the warehouse's raw schema to DIR/<table>/ as Parquet: records "
            "as JSON text, load times as UTC instants. The dbt target `spark` reads them as "
            "raw.<table> (README, 'Run on Spark'). Each table is replaced atomically."
        ),
    )
    _add_db_argument(export_command)
    export_command.add_argument(
        "--to", type=Path, required=True, metavar="DIR", help="folder to write the tables under"
    )
    report_command = commands.add_parser(
        "report",
        help="write the KPI dashboard (a static page) from the serving file",
        description=(
            "Build the KPI dashboard a manager opens in a browser: queue service level, ASA, "
            "abandon rate and volume by interval and day, AHT and occupancy per agent, bot "
            "containment, CSAT and sentiment mix, filterable by day, vendor and queue, each KPI "
            "with its definition. One page and Plotly's script, from the serving file; it opens "
            "from file:// and fetches nothing. Run it after ccw publish (make run does)."
        ),
    )
    _add_db_argument(report_command)
    report_command.add_argument(
        "--serving",
        type=Path,
        default=None,
        help="serving file (default: $SERVING_PATH, else serving.duckdb beside the warehouse)",
    )
    report_command.add_argument(
        "--out",
        type=Path,
        default=Path("target") / "dashboard",
        metavar="DIR",
        help="folder for index.html and plotly.min.js (default: target/dashboard)",
    )
    add_pull_parser(commands, _add_db_argument, _add_landing_argument)
    lineage_command = commands.add_parser(
        "lineage",
        help="write the column-level lineage report of every mart column",
        description=(
            "Trace every mart column through dbt's compiled SQL back to the raw tables and the "
            "JSON paths it reads, and write column_lineage.html and column_lineage.json (the "
            "docs site links to them). Needs a manifest with compiled SQL: run after dbt build "
            "or dbt compile."
        ),
    )
    _add_db_argument(lineage_command)
    lineage_command.add_argument(
        "--target",
        type=Path,
        default=Path("target"),
        help="dbt target directory holding manifest.json; the report is written there",
    )
    return parser


def run_lineage(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    db_path = args.db or default_db_path()
    check_path(db_path, create=False)
    manifest = args.target / "manifest.json"
    if not manifest.exists():
        print(f"ccw lineage: {manifest} not found; run dbt build or dbt compile first", file=err)
        return EXIT_USAGE
    results = report(manifest, db_path, args.target)
    traced = sum(1 for r in results if r.raw_sources)
    print(
        f"lineage: {len(results)} mart columns, {traced} traced to raw records; "
        f"{args.target / 'column_lineage.html'}",
        file=out,
    )
    return EXIT_OK


def run_export_raw(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    warehouse = args.db or default_db_path()
    started = time.monotonic()
    tables = export_raw(warehouse, args.to)
    rows = sum(table.rows for table in tables)
    print(
        f"exported {len(tables)} raw tables ({rows:,} rows) to {args.to} in "
        f"{time.monotonic() - started:.1f}s",
        file=out,
    )
    return EXIT_OK


def run_publish(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    warehouse = args.db or default_db_path()
    serving = args.serving or default_serving_path(warehouse)
    manifest = args.target / "manifest.json"
    descriptions = None
    if manifest.exists():
        try:
            descriptions = read_descriptions(manifest)
        except (ValueError, KeyError, TypeError) as exc:
            print(f"ccw publish: {manifest} cannot be read ({exc}); no comments written", file=err)
    else:
        print(
            f"ccw publish: no {manifest}: the tables are published without their descriptions "
            "(run dbt build, or pass --target)",
            file=err,
        )
    published = publish(warehouse, serving, descriptions)
    comments = (
        f", {published.table_comments:,} table and {published.column_comments:,} column "
        "descriptions as comments"
        if descriptions is not None
        else ""
    )
    print(
        f"published {len(published.tables)} marts tables ({published.rows:,} rows{comments}) "
        f"to {published.path} in {published.seconds:.1f}s",
        file=out,
    )
    return EXIT_OK


def run_report(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    serving = args.serving or default_serving_path(args.db or default_db_path())
    built = build_report(serving, args.out)
    print(
        f"dashboard: {built.path} ({built.days} days of KPIs); open it in a browser: "
        f"{built.path.resolve().as_uri()}",
        file=out,
    )
    return EXIT_OK


def run_status(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    db_path = args.db or default_db_path()
    with open_read_only(db_path) as con:
        status = collect(con, db_path, VENDORS, datetime.now(UTC).replace(tzinfo=None))
    print(status.as_json() if args.json else render(status), file=out)
    return EXIT_OK


def run_unload(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    db_path = args.db or default_db_path()
    check_path(db_path, create=False)
    con = connect(db_path)
    try:
        ensure_raw_schema(con, list(VENDORS.values()))
        result = unload(con, VENDORS, batch=args.batch, file=args.file)
    except UnloadError as exc:
        print(f"ccw unload: {exc}", file=err)
        return EXIT_USAGE
    finally:
        con.close()
    if result.already_unloaded_at:
        print(f"nothing to unload: already unloaded at {result.already_unloaded_at}", file=out)
        return EXIT_OK
    tables = ", ".join(f"{table} {rows:,}" for table, rows in result.rows_deleted.items())
    offsets = (
        f" (loaded with --assume-timezone {', '.join(result.assumed_timezones)})"
        if result.assumed_timezones
        else ""
    )
    print(
        f"unloaded batch {', '.join(result.batch_ids)}{offsets}: {plural(result.files, 'file')}, "
        f"{plural(result.records, 'record')} deleted ({tables or 'no records'}). The files can be "
        "loaded again; the next dbt build reflects it (incremental models rebuild in full "
        "by themselves), then ccw publish.",
        file=out,
    )
    return EXIT_OK


class ProgressPrinter:
    """Prints a progress line now and then on long runs; quiet on short ones."""

    def __init__(self, total_files: int, stream: TextIO) -> None:
        self.total_files = total_files
        self.stream = stream
        self.started = time.monotonic()
        self.last_print = self.started
        self.done = 0
        self.records = 0
        self.bytes = 0

    def __call__(self, outcome: FileOutcome) -> None:
        self.done += 1
        self.records += outcome.record_count
        self.bytes += outcome.size_bytes
        now = time.monotonic()
        if now - self.last_print >= PROGRESS_EVERY_SECONDS:
            self.last_print = now
            elapsed = now - self.started
            rate = self.bytes / elapsed / 1e6 if elapsed else 0.0
            print(
                f"  {self.done:,}/{self.total_files:,} files, {self.records:,} records, "
                f"{self.bytes / 1e6:,.1f} MB ({rate:,.1f} MB/s)",
                file=self.stream,
                flush=True,
            )


class _ObjectProgress:
    """A line now and then while objects are copied from storage."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.last_print = time.monotonic()
        self.count = 0
        self.bytes = 0

    def __call__(self, url: str, size: int) -> None:
        self.count += 1
        self.bytes += size
        now = time.monotonic()
        if now - self.last_print >= PROGRESS_EVERY_SECONDS:
            self.last_print = now
            print(
                f"  {plural(self.count, 'object')} copied ({self.bytes / 1e6:,.1f} MB), last {url}",
                file=self.stream,
                flush=True,
            )


def run_load(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    spec = VENDORS[args.source_system]
    if spec.needs_timezone and args.assume_timezone is None:
        print(
            f"ccw load {spec.source_system}: its export gives local times with no UTC offset, "
            "and the warehouse does not guess one. Pass the offset the export was requested "
            f"in, e.g. --assume-timezone +05:30. {spec.timezone_hint}".rstrip(),
            file=err,
        )
        return EXIT_USAGE
    if not spec.needs_timezone and args.assume_timezone is not None:
        print(
            f"ccw load {spec.source_system}: --assume-timezone does not apply; this export "
            "carries UTC offsets in its own timestamps.",
            file=err,
        )
        return EXIT_USAGE
    urls = [text for text in args.paths if is_url(text)]
    db_path = args.db or default_db_path()
    started = time.monotonic()
    try:
        paths = discover(Path(text) for text in args.paths if not is_url(text))
        origins: dict[str, str] = {}
        if urls:
            check_path(db_path, create=True)
            folder = args.landing / spec.source_system / new_run_id()
            print(f"{spec.source_system}: copying objects to {folder}", file=err)
            copied = copy_objects(urls, folder, on_object=_ObjectProgress(err))
            print(
                f"  copied {plural(len(copied.paths), 'object')} ({copied.bytes / 1e6:,.1f} MB)",
                file=err,
            )
            paths += copied.paths
            origins = copied.origins
    except InputPathError as exc:
        print(f"ccw load: {exc}", file=err)
        return EXIT_USAGE
    if not paths:
        print("ccw load: no .json, .jsonl or .ndjson files (optionally .gz) found", file=err)
        return EXIT_USAGE
    if check_path(db_path, create=True):
        print(f"creating new warehouse at {db_path}", file=err)
    con = connect(db_path)
    try:
        ensure_raw_schema(con, list(VENDORS.values()))
        loader = Loader(
            con,
            spec,
            assumed_timezone=args.assume_timezone,
            on_file=ProgressPrinter(len(paths), err),
            rivals=list(VENDORS.values()),
            retry_rejected=args.retry_rejected,
            origins=origins,
        )
        local = f", local times read as UTC{args.assume_timezone}" if args.assume_timezone else ""
        print(f"{spec.source_system}: {len(paths):,} files into {db_path}{local}", file=err)
        summary = loader.load(paths)
    except OffsetConflictError as exc:
        print(f"ccw load {spec.source_system}: {exc}", file=err)
        return EXIT_USAGE
    finally:
        con.close()
    print_summary(summary, time.monotonic() - started, out, name=loader.origin)
    failed = summary.of("rejected") or summary.of("still_rejected")
    return EXIT_REJECTED if failed else EXIT_OK


OFFSET_OPTIONS = ("--assume-timezone", "--timezone-offset")


def _attach_offsets(argv: Sequence[str]) -> list[str]:
    """`--assume-timezone -04:00` as `--assume-timezone=-04:00` (and `--timezone-offset`):
    argparse would otherwise take a negative offset for an option of its own."""
    joined: list[str] = []
    pending: str | None = None
    for arg in argv:
        if pending and _OFFSET_LIKE.match(arg.strip()):
            joined[-1] = f"{pending}={arg}"
        else:
            joined.append(arg)
        pending = arg if arg in OFFSET_OPTIONS else None
    return joined


COMMANDS = {
    "load": run_load,
    "status": run_status,
    "unload": run_unload,
    "publish": run_publish,
    "lineage": run_lineage,
    "export-raw": run_export_raw,
    "pull": run_pull,
    "report": run_report,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(_attach_offsets(sys.argv[1:] if argv is None else argv))
    try:
        return COMMANDS[args.command](args, sys.stdout, sys.stderr)
    except (WarehouseError, InputPathError, duckdb.Error, OSError) as exc:
        # What went wrong with the warehouse or a file, in one line; a traceback only on request.
        if os.environ.get(DEBUG_VARIABLE):
            raise
        message = " ".join(str(exc).split()) or type(exc).__name__
        print(f"ccw {args.command}: {message}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print(
            f"ccw {args.command}: interrupted; files committed before this are kept",
            file=sys.stderr,
        )
        return 130


if __name__ == "__main__":
    sys.exit(main())
