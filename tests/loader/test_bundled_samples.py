"""Every vendor's bundled sample (what `make run` loads) lands without a rejected file, and is
rejected by name when loaded as any other vendor."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from tests.e2e.warehouse import PROJECT, SAMPLE_LOAD_OPTIONS

from ccw.cli import EXIT_OK, EXIT_REJECTED, main
from ccw.vendors import VENDORS


@pytest.mark.parametrize("source_system", sorted(VENDORS))
def test_the_bundled_sample_loads_without_rejects(source_system: str, tmp_path: Path) -> None:
    sample = PROJECT / "sample_data" / source_system
    assert sample.is_dir(), f"no bundled sample for {source_system}"
    options = SAMPLE_LOAD_OPTIONS[source_system]
    db = tmp_path / "w.duckdb"
    assert main(["load", source_system, str(sample), *options, "--db", str(db)]) == EXIT_OK


@pytest.mark.parametrize(
    ("sample_vendor", "loaded_as"),
    [(a, b) for a in sorted(VENDORS) for b in sorted(VENDORS) if a != b],
)
def test_another_vendors_files_are_rejected_by_name(
    sample_vendor: str, loaded_as: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every bundled file of one vendor, loaded as another, is rejected with a reason naming the
    vendor it looks like, and nothing lands."""
    sample = PROJECT / "sample_data" / sample_vendor
    files = sorted(p for p in sample.rglob("*") if p.is_file())
    options = SAMPLE_LOAD_OPTIONS[loaded_as]
    db = tmp_path / "w.duckdb"

    assert main(["load", loaded_as, str(sample), *options, "--db", str(db)]) == EXIT_REJECTED

    rejected = [line for line in capsys.readouterr().out.splitlines() if "REJECTED" in line]
    assert len(rejected) == len(files)
    expected = (
        f"looks like {VENDORS[sample_vendor].document_name}, "
        f"not {VENDORS[loaded_as].document_name}: load it with `ccw load {sample_vendor}`"
    )
    assert all(expected in line for line in rejected), rejected[0]
    with duckdb.connect(str(db), read_only=True) as con:
        statuses = con.execute("select distinct status from raw._load_files").fetchall()
        landed = sum(
            con.execute(f'select count(*) from raw."{spec.raw_table(entity)}"').fetchone()[0]
            for spec in VENDORS.values()
            for entity in spec.entities
        )
    assert statuses == [("rejected",)]
    assert landed == 0
