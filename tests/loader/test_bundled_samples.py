"""Every vendor's bundled sample (what `make run` loads) lands without a rejected file."""

from __future__ import annotations

from pathlib import Path

import pytest

from ccw.cli import EXIT_OK, main
from ccw.vendors import VENDORS

PROJECT = Path(__file__).resolve().parents[2]
# The bundled SmartAssist responses were requested with timeZoneOffset -330 (as in the Makefile).
SAMPLE_OFFSET = "+05:30"


@pytest.mark.parametrize("source_system", sorted(VENDORS))
def test_the_bundled_sample_loads_without_rejects(source_system: str, tmp_path: Path) -> None:
    sample = PROJECT / "sample_data" / source_system
    assert sample.is_dir(), f"no bundled sample for {source_system}"
    options = ["--assume-timezone", SAMPLE_OFFSET] if VENDORS[source_system].needs_timezone else []
    db = tmp_path / "w.duckdb"
    assert main(["load", source_system, str(sample), *options, "--db", str(db)]) == EXIT_OK
