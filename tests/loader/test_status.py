"""`ccw status`: loads, batches, rejects and freshness per vendor and entity, as text and JSON."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import duckdb
import pytest
import yaml
from tests.e2e.warehouse import PROJECT
from tests.queries import EARLIER_MANIFEST_DDL

from ccw.cli import EXIT_OK, EXIT_REJECTED, EXIT_USAGE, main
from ccw.status import FRESHNESS_WARN_HOURS
from ccw.vendors import VENDORS

SAMPLES = PROJECT / "sample_data"


def status_json(db: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    capsys.readouterr()
    assert main(["status", "--db", str(db), "--json"]) == EXIT_OK
    report: dict[str, object] = json.loads(capsys.readouterr().out)
    return report


def vendor(report: dict[str, object], source_system: str) -> dict[str, object]:
    vendors = report["vendors"]
    assert isinstance(vendors, list)
    return next(v for v in vendors if v["source_system"] == source_system)


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """CxEngage and Buzzeasy samples loaded; a CxEngage folder loaded again with a broken file
    (one skip, one reject); a Kore batch loaded with a wrong offset and unloaded."""
    db = tmp_path / "w.duckdb"
    assert main(["load", "cxengage", str(SAMPLES / "cxengage"), "--db", str(db)]) == EXIT_OK
    assert main(["load", "buzzeasy", str(SAMPLES / "buzzeasy"), "--db", str(db)]) == EXIT_OK
    again = tmp_path / "again"
    again.mkdir()
    first_sample = sorted((SAMPLES / "cxengage").rglob("*.json"))[0]
    (again / "copy.json").write_bytes(first_sample.read_bytes())
    (again / "broken.json").write_text('{"interactionId": ')
    assert main(["load", "cxengage", str(again), "--db", str(db)]) == EXIT_REJECTED
    kore = SAMPLES / "kore_smartassist"
    assert (
        main(["load", "kore_smartassist", str(kore), "--assume-timezone", "0", "--db", str(db)])
        == EXIT_OK
    )
    batch = re.findall(r"batch ([0-9a-f-]{36})", capsys.readouterr().out)[-1]
    assert main(["unload", "--batch", batch, "--db", str(db)]) == EXIT_OK
    return db


def test_each_vendor_and_entity_shows_its_files_records_and_last_batch(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = status_json(db, capsys)

    cxengage = vendor(report, "cxengage")
    sample_files = sample_files_of("cxengage")
    assert (cxengage["files_loaded"], cxengage["files_skipped"], cxengage["files_rejected"]) == (
        sample_files,
        1,
        1,
    )
    (entity,) = cxengage["entities"]  # type: ignore[misc]
    assert entity["entity"] == "interactions" and entity["files"] == sample_files
    assert entity["records"] == cxengage["records"] == raw_count(db, "cxengage__interactions")
    assert entity["freshness"] == "ok" and cxengage["freshness"] == "ok"

    buzzeasy = vendor(report, "buzzeasy")
    entities = {e["entity"]: e for e in buzzeasy["entities"]}  # type: ignore[attr-defined]
    assert entities["calls"]["records"] == raw_count(db, "buzzeasy__calls")
    assert entities["agents"]["freshness"] == "snapshot"
    assert sum(e["records"] for e in entities.values()) == buzzeasy["records"]

    kore = vendor(report, "kore_smartassist")
    assert (kore["files_loaded"], kore["files_unloaded"], kore["entities"]) == (0, 2, [])
    assert kore["freshness"] == "never loaded"

    batches = report["batches"]
    assert isinstance(batches, list)
    unloaded = next(b for b in batches if b["source_system"] == "kore_smartassist")
    assert (unloaded["state"], unloaded["assumed_timezone"]) == ("unloaded", "+00:00")
    assert unloaded["unloaded_at"] is not None
    (rejected,) = report["rejected_files"]  # type: ignore[misc]
    assert rejected["file_path"].endswith("broken.json") and "not valid JSON" in rejected["reason"]
    assert report["quarantine"] is None  # no dbt build yet


def test_the_text_report_is_a_table_with_the_rejects_and_batches(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["status", "--db", str(db)]) == EXIT_OK
    text = capsys.readouterr().out
    lines = text.splitlines()

    header = next(line for line in lines if line.startswith("source system / entity"))
    for column in ("files", "records", "skipped", "rejected", "last load UTC", "batch"):
        assert column in header
    row = next(line for line in lines if line.startswith("cxengage "))
    sample_files = sample_files_of("cxengage")
    assert row.split()[1:5] == [
        str(sample_files),
        str(raw_count(db, "cxengage__interactions")),
        "1",
        "1",
    ]
    assert any(line.startswith("  interactions ") for line in lines)
    assert "Rejected files: 1" in text and "broken.json" in text
    assert re.search(r"  [0-9a-f]{8}  kore_smartassist .* \+00:00  unloaded", text), text
    assert "Quarantined records: not known yet" in text
    # the tables fit a terminal 120 columns wide
    table = lines[: lines.index("Rejected files: 1")]
    assert max(len(line) for line in table) <= 120


def test_a_vendor_without_a_delivery_for_36_hours_is_stale(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with duckdb.connect(str(db)) as con:
        for table in ("cxengage__interactions", "buzzeasy__agents"):
            con.execute(f"update raw.{table} set _loaded_at = _loaded_at - interval 3 day")

    report = status_json(db, capsys)

    cxengage = vendor(report, "cxengage")
    assert cxengage["freshness"] == "stale"
    assert float(cxengage["hours_since_last_delivery"]) >= 72  # type: ignore[arg-type]
    buzzeasy = {e["entity"]: e for e in vendor(report, "buzzeasy")["entities"]}  # type: ignore[attr-defined]
    # a lookup snapshot is never stale; the vendor's other sets were delivered just now
    assert buzzeasy["agents"]["freshness"] == "snapshot"
    assert vendor(report, "buzzeasy")["freshness"] == "ok"
    assert main(["status", "--db", str(db)]) == EXIT_OK
    assert "stale: cxengage.interactions" in capsys.readouterr().out


def test_status_never_changes_the_warehouse(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = hashlib.sha256(db.read_bytes()).hexdigest()

    status_json(db, capsys)
    assert main(["status", "--db", str(db)]) == EXIT_OK

    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def test_a_manifest_from_an_earlier_release_is_read_as_it_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "old.duckdb"
    with duckdb.connect(str(db)) as con:
        con.execute("create schema raw")
        con.execute(EARLIER_MANIFEST_DDL)
        con.execute(
            "insert into raw._load_files values ('/old/a.json', 'abc', 10, 'cxengage',"
            " 'interactions', 'loaded', null, 3, 'b-old', now()::timestamp)"
        )

    report = status_json(db, capsys)

    assert vendor(report, "cxengage")["files_loaded"] == 1
    assert report["batches"][0]["assumed_timezone"] is None  # type: ignore[index]


def test_freshness_agrees_with_the_sources_dbt_checks() -> None:
    """`ccw status` and `dbt source freshness` call the same tables stale after the same time."""
    for spec in VENDORS.values():
        (sources_file,) = (PROJECT / "models" / "staging" / spec.source_system).glob(
            "_*__sources.yml"
        )
        (source,) = yaml.safe_load(sources_file.read_text())["sources"]
        warn_after = source["config"]["freshness"]["warn_after"]
        assert (warn_after["count"], warn_after["period"]) == (FRESHNESS_WARN_HOURS, "hour")
        unscheduled = {
            table["identifier"].split("__", 1)[1]
            for table in source["tables"]
            if "freshness" in table.get("config", {}) and table["config"]["freshness"] is None
        }
        assert unscheduled == set(spec.snapshot_entities), spec.source_system


def sample_files_of(source_system: str) -> int:
    return sum(1 for path in (SAMPLES / source_system).rglob("*") if path.is_file())


def raw_count(db: Path, table: str) -> int:
    with duckdb.connect(str(db), read_only=True) as con:
        row = con.execute(f"select count(*) from raw.{table}").fetchone()
    assert row is not None
    return int(row[0])


def test_status_refuses_a_path_that_does_not_exist(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "typo.duckdb"

    assert main(["status", "--db", str(missing)]) == EXIT_USAGE

    assert f"no warehouse at {missing}" in capsys.readouterr().err
    assert not missing.exists()
