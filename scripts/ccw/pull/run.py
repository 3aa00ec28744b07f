"""One pull run: its landing folder, its load batch, its progress lines and summary."""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

import duckdb

from ccw.landing import FileOutcome, Loader, LoadSummary
from ccw.pull.http import PullError
from ccw.pull.state import PullState, now_utc, read_state, write_state
from ccw.spec import VendorSpec

DEFAULT_LANDING = Path("landing")
PROGRESS_EVERY_SECONDS = 2.0


def new_run_id() -> str:
    """Sortable and unique: the UTC start time and a few random characters."""
    return f"{datetime.now(UTC):%Y%m%dT%H%M%SZ}-{uuid.uuid4().hex[:8]}"


def credential(variable: str) -> str:
    """A secret from the environment; never a flag, never a file in the repository."""
    value = os.environ.get(variable, "").strip()
    if not value:
        raise PullError(f"set {variable} in the environment (it is never read from a flag)")
    if not value.isascii():
        raise PullError(f"{variable} holds characters other than ASCII; check its value")
    return value


class PullRun:
    """Writes response bodies to the run's landing folder and lands them as one load batch."""

    def __init__(
        self,
        con: duckdb.DuckDBPyConnection,
        spec: VendorSpec,
        *,
        landing: Path,
        err: TextIO,
        rivals: Sequence[VendorSpec] = (),
        assumed_timezone: str | None = None,
    ) -> None:
        self.con = con
        self.spec = spec
        self.run_id = new_run_id()
        self.folder = landing / spec.source_system / self.run_id
        self.err = err
        self.loader = Loader(con, spec, assumed_timezone=assumed_timezone, rivals=rivals)
        self.outcomes: list[FileOutcome] = []
        self.requests = 0
        self.records = 0
        # Resources the API did not know (404), reported at the end.
        self.not_found: list[str] = []
        # Requests the API refused for themselves (a 4xx), with the reason, reported at the end.
        self.refused: list[str] = []
        # What the run noticed and went past, reported at the end.
        self.notes: list[str] = []
        self.started = time.monotonic()
        self.last_progress = self.started

    @property
    def summary(self) -> LoadSummary:
        return LoadSummary(self.spec.source_system, self.loader.batch_id, list(self.outcomes))

    def say(self, message: str) -> None:
        print(f"  {message}", file=self.err, flush=True)

    def progress(self, message: str) -> None:
        """A progress line, at most one every PROGRESS_EVERY_SECONDS on long runs."""
        now = time.monotonic()
        if now - self.last_progress >= PROGRESS_EVERY_SECONDS:
            self.last_progress = now
            self.say(message)

    def on_retry(self, what: str, attempt: int, seconds: float) -> None:
        self.say(f"retry {attempt}: {what}; trying again in {seconds:.1f}s")

    def write(self, name: str, body: bytes) -> Path:
        """Keep a response body as received, under a name unique in the run; written whole or
        not at all (a partial file never lands)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / name
        pending = path.with_name(f".{name}.partial")
        pending.write_bytes(body)
        pending.replace(path)
        return path

    def land(self, paths: Sequence[Path]) -> LoadSummary:
        summary = self.loader.load(paths)
        self.outcomes.extend(summary.outcomes)
        return summary

    def state(self, endpoint: str, scope: str) -> PullState | None:
        return read_state(self.con, self.spec.source_system, endpoint, scope)

    def save_state(
        self,
        endpoint: str,
        scope: str,
        *,
        range_start: str | None,
        range_end: str | None,
        position: str | None,
        finished: bool,
    ) -> None:
        write_state(
            self.con,
            PullState(
                source_system=self.spec.source_system,
                endpoint=endpoint,
                scope=scope,
                range_start=range_start,
                range_end=range_end,
                position=position,
                finished=finished,
                run_id=self.run_id,
                updated_at=now_utc(),
            ),
        )
