"""The lines `ccw load` and `ccw pull` end with, and their exit statuses."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from ccw.landing import LoadSummary

EXIT_OK = 0
EXIT_REJECTED = 1
EXIT_USAGE = 2


def plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}" + ("" if count == 1 else "s")


def print_summary(
    summary: LoadSummary,
    elapsed: float,
    stream: TextIO,
    name: Callable[[Path], str] = str,
) -> None:
    """The files rejected (and loaded with a note) by `name` (their path, or the URL a copy was
    made from), then one line of counts."""
    loaded, skipped = summary.of("loaded"), summary.of("skipped")
    rejected, still_rejected = summary.of("rejected"), summary.of("still_rejected")
    for outcome in rejected:
        print(f"REJECTED {name(outcome.path)}: {outcome.reason}", file=stream)
    for outcome in still_rejected:
        print(
            f"STILL REJECTED {name(outcome.path)}: {outcome.reason}; {outcome.note}",
            file=stream,
        )
    for outcome in loaded:
        if outcome.note:
            print(f"NOTE {name(outcome.path)}: {outcome.note}", file=stream)
    unchanged = (
        f", {len(still_rejected):,} still rejected (unchanged; --retry-rejected reads them again)"
        if still_rejected
        else ""
    )
    print(
        f"{summary.source_system}: {len(loaded):,} files loaded ({summary.records_loaded:,} "
        f"records), {len(skipped):,} skipped as already loaded, {len(rejected):,} rejected"
        f"{unchanged} in {elapsed:.1f}s; batch {summary.batch_id}",
        file=stream,
    )
