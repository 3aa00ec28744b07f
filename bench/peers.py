"""The loaders `make bench` compares `ccw load` with, each run in a process of its own:

    python bench/peers.py naive --db /tmp/naive.duckdb FILE...
    python bench/peers.py dlt --db /tmp/dlt.duckdb [--parquet] FILE...

`naive` is what a first hand-written loader does: json.load each file, insert each record with
executemany. `dlt` is a dlt pipeline into DuckDB with dlt's own defaults (nested lists become
child tables), optionally with parquet staging files. Both print the seconds they took.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb


def naive(files: list[Path], db: Path) -> None:
    with duckdb.connect(str(db)) as con:
        con.execute("create table records (record json, file_path varchar)")
        for path in files:
            rows = [(json.dumps(r), str(path)) for r in json.loads(path.read_text())]
            con.executemany("insert into records values (?, ?)", rows)


def dlt_pipeline(files: list[Path], db: Path, parquet: bool) -> None:
    os.environ.setdefault("RUNTIME__DLTHUB_TELEMETRY", "false")
    import dlt  # optional: `make bench` installs it (bench/requirements.txt)

    def records() -> Iterator[dict[str, object]]:
        for path in files:
            yield from json.loads(path.read_text())

    pipeline = dlt.pipeline(
        pipeline_name="bench_nice_cxone",
        destination=dlt.destinations.duckdb(str(db)),
        dataset_name="nice_cxone",
        pipelines_dir=str(db.parent / "dlt-pipelines"),
    )
    resource = dlt.resource(records, name="segments", write_disposition="append")
    pipeline.run(resource, loader_file_format="parquet" if parquet else None)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("peer", choices=["naive", "dlt"])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--parquet", action="store_true", help="dlt: parquet staging files")
    parser.add_argument("files", type=Path, nargs="+")
    args = parser.parse_args()
    started = time.monotonic()
    if args.peer == "naive":
        naive(args.files, args.db)
    else:
        dlt_pipeline(args.files, args.db, args.parquet)
    print(f"{time.monotonic() - started:.3f}")


if __name__ == "__main__":
    main()
