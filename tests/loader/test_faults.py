"""Faults: a loader killed by a signal mid-run leaves only whole files behind, and the rerun
loads the rest once."""

from __future__ import annotations

import signal
import subprocess
import time
from pathlib import Path

import pytest
from bench.generators.nice_cxone import generate
from tests.e2e.warehouse import BIN
from tests.queries import query

RAW = "raw.nice_cxone__segments"


def landed_per_file(db: Path) -> dict[str, tuple[int, int]]:
    """File -> (records the manifest says were loaded, raw rows from that file)."""
    rows = query(
        db,
        f"""
        with raw_rows as (select _file_path, count(*) as n from {RAW} group by all)
        select coalesce(m.file_path, r._file_path), coalesce(m.record_count, -1),
            coalesce(r.n, 0)
        from (select * from raw._load_files where status = 'loaded') as m
        full join raw_rows as r on m.file_path = r._file_path
        """,
    )
    return {str(path): (int(str(claimed)), int(str(landed))) for path, claimed, landed in rows}


def test_a_killed_load_leaves_whole_files_and_the_rerun_loads_the_rest_once(
    tmp_path: Path,
) -> None:
    exports = tmp_path / "exports"
    records, _ = generate(exports, 200, seed=3)  # about 24 files of 8 MB: four commits
    files = len(list(exports.glob("*.json")))
    command = [str(BIN / "ccw"), "load", "nice_cxone", str(exports), "--db"]

    for attempt, delay in enumerate((0.8, 1.2, 0.5, 1.6, 2.2, 0.3)):
        db = tmp_path / f"warehouse-{attempt}.duckdb"
        loader = subprocess.Popen(
            [*command, str(db)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        time.sleep(delay)
        loader.send_signal(signal.SIGKILL)
        loader.wait()
        if not db.exists():
            continue
        state = landed_per_file(db)
        if 0 < len(state) < files:
            break
    else:
        pytest.fail("the loader was never caught between its first and last commit")

    # every file the manifest calls loaded has all its records, and no record without it
    assert all(claimed == landed for claimed, landed in state.values()), state

    rerun = subprocess.run([*command, str(db)], capture_output=True, text=True, check=False)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{files - len(state)} files loaded" in rerun.stdout
    assert query(
        db, f"select count(*), count(distinct (_file_sha256, _record_index)) from {RAW}"
    ) == [(records, records)]
    final = landed_per_file(db)
    assert len(final) == files and all(c == n for c, n in final.values())


def test_two_loaders_started_at_once_load_each_file_once(tmp_path: Path) -> None:
    exports = tmp_path / "exports"
    records, _ = generate(exports, 40, seed=5)
    files = len(list(exports.glob("*.json")))
    db = tmp_path / "warehouse.duckdb"
    command = [str(BIN / "ccw"), "load", "nice_cxone", str(exports), "--db", str(db)]

    loaders = [
        subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    results = []
    for loader in loaders:
        out, err = loader.communicate()
        results.append((loader.returncode, out, err))

    # each one either loaded, found everything already loaded, or was told the warehouse is busy
    for code, out, err in results:
        busy = "is open in another process" in err
        assert (code == 0 and "files loaded" in out) or (code == 2 and busy), (code, out, err)
    assert any(code == 0 for code, _, _ in results)
    assert query(
        db, f"select count(*), count(distinct (_file_sha256, _record_index)) from {RAW}"
    ) == [(records, records)]
    final = landed_per_file(db)
    assert len(final) == files and all(c == n for c, n in final.values())
