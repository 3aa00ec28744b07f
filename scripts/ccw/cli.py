"""The `ccw` command."""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from ccw import __version__
from ccw.files import InputPathError, discover
from ccw.landing import (
    FileOutcome,
    Loader,
    LoadSummary,
    WarehouseBusyError,
    connect,
    ensure_raw_schema,
)
from ccw.lineage import report
from ccw.publish import PublishError, default_serving_path, publish
from ccw.vendors import VENDORS

EXIT_OK = 0
EXIT_REJECTED = 1
EXIT_USAGE = 2

_OFFSET = re.compile(r"^([+-])(\d{2}):(\d{2})$")
PROGRESS_EVERY_SECONDS = 2.0


def default_db_path() -> Path:
    return Path(os.environ.get("WAREHOUSE_PATH") or "warehouse.duckdb")


def parse_offset(text: str) -> str:
    """Validate a UTC offset such as +05:30 or -04:00 and return it normalised."""
    match = _OFFSET.match(text.strip())
    if not match:
        raise argparse.ArgumentTypeError(f"{text!r} is not a UTC offset like +05:30 or -04:00")
    sign, hours, minutes = match.groups()
    if int(hours) > 14 or int(minutes) > 59 or (int(hours) == 14 and int(minutes) > 0):
        raise argparse.ArgumentTypeError(f"{text!r} is outside the UTC offsets in use (±14:00)")
    return f"{sign}{hours}:{minutes}"


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
        type=Path,
        metavar="PATH",
        help="files, or directories searched recursively for *.json, *.jsonl, *.ndjson (+ .gz)",
    )
    load.add_argument(
        "--db",
        type=Path,
        default=None,
        help="warehouse file (default: $WAREHOUSE_PATH, else warehouse.duckdb)",
    )
    load.add_argument(
        "--assume-timezone",
        type=parse_offset,
        default=None,
        metavar="+HH:MM",
        help="UTC offset of the export's local times, for vendors that send times without one",
    )
    publish_command = commands.add_parser(
        "publish",
        help="copy the marts to the serving file BI tools open",
        description=(
            "Copy every table of the warehouse's marts schema to a separate serving file, in a "
            "storage format DuckDB 0.10 and later can read, replacing the previous serving file "
            "atomically: readers that have it open keep their version, new readers get the new "
            "one. Run it after a successful dbt build (make run does)."
        ),
    )
    publish_command.add_argument(
        "--db",
        type=Path,
        default=None,
        help="warehouse file (default: $WAREHOUSE_PATH, else warehouse.duckdb)",
    )
    publish_command.add_argument(
        "--serving",
        type=Path,
        default=None,
        help="serving file (default: $SERVING_PATH, else serving.duckdb beside the warehouse)",
    )
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
    lineage_command.add_argument(
        "--db",
        type=Path,
        default=None,
        help="warehouse file (default: $WAREHOUSE_PATH, else warehouse.duckdb)",
    )
    lineage_command.add_argument(
        "--target",
        type=Path,
        default=Path("target"),
        help="dbt target directory holding manifest.json; the report is written there",
    )
    return parser


def run_lineage(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    manifest = args.target / "manifest.json"
    if not manifest.exists():
        print(f"ccw lineage: {manifest} not found; run dbt build or dbt compile first", file=err)
        return EXIT_USAGE
    results = report(manifest, args.db or default_db_path(), args.target)
    traced = sum(1 for r in results if r.raw_sources)
    print(
        f"lineage: {len(results)} mart columns, {traced} traced to raw records; "
        f"{args.target / 'column_lineage.html'}",
        file=out,
    )
    return EXIT_OK


def run_publish(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    warehouse = args.db or default_db_path()
    serving = args.serving or default_serving_path(warehouse)
    try:
        published = publish(warehouse, serving)
    except PublishError as exc:
        print(f"ccw publish: {exc}", file=err)
        return EXIT_USAGE
    print(
        f"published {len(published.tables)} marts tables ({published.rows:,} rows) to "
        f"{published.path} in {published.seconds:.1f}s",
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


def print_summary(summary: LoadSummary, elapsed: float, stream: TextIO) -> None:
    loaded, skipped, rejected = summary.of("loaded"), summary.of("skipped"), summary.of("rejected")
    for outcome in rejected:
        print(f"REJECTED {outcome.path}: {outcome.reason}", file=stream)
    for outcome in loaded:
        if outcome.note:
            print(f"NOTE {outcome.path}: {outcome.note}", file=stream)
    print(
        f"{summary.source_system}: {len(loaded):,} files loaded ({summary.records_loaded:,} "
        f"records), {len(skipped):,} skipped as already loaded, {len(rejected):,} rejected "
        f"in {elapsed:.1f}s; batch {summary.batch_id}",
        file=stream,
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
    try:
        paths = discover(args.paths)
    except InputPathError as exc:
        print(f"ccw load: {exc}", file=err)
        return EXIT_USAGE
    if not paths:
        print("ccw load: no .json, .jsonl or .ndjson files (optionally .gz) found", file=err)
        return EXIT_USAGE
    db_path = args.db or default_db_path()
    started = time.monotonic()
    try:
        con = connect(db_path)
    except WarehouseBusyError as exc:
        print(f"ccw load: {exc}", file=err)
        return EXIT_USAGE
    try:
        ensure_raw_schema(con, list(VENDORS.values()))
        loader = Loader(
            con,
            spec,
            assumed_timezone=args.assume_timezone,
            on_file=ProgressPrinter(len(paths), err),
            rivals=list(VENDORS.values()),
        )
        print(f"{spec.source_system}: {len(paths):,} files into {db_path}", file=err)
        summary = loader.load(paths)
    finally:
        con.close()
    print_summary(summary, time.monotonic() - started, out)
    return EXIT_REJECTED if summary.of("rejected") else EXIT_OK


def _attach_offsets(argv: Sequence[str]) -> list[str]:
    """`--assume-timezone -04:00` as `--assume-timezone=-04:00`: argparse would otherwise take a
    negative offset for an option of its own."""
    joined: list[str] = []
    pending = False
    for arg in argv:
        if pending and _OFFSET.match(arg.strip()):
            joined[-1] = f"--assume-timezone={arg}"
        else:
            joined.append(arg)
        pending = arg == "--assume-timezone"
    return joined


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(_attach_offsets(sys.argv[1:] if argv is None else argv))
    if args.command == "load":
        return run_load(args, sys.stdout, sys.stderr)
    if args.command == "publish":
        return run_publish(args, sys.stdout, sys.stderr)
    if args.command == "lineage":
        return run_lineage(args, sys.stdout, sys.stderr)
    return EXIT_USAGE  # pragma: no cover - argparse rejects unknown commands first


if __name__ == "__main__":
    sys.exit(main())
