"""`make bench`: NICE CXone exports at scale, from files to marts, on this machine.

Generates a deterministic NICE export of --megabytes, then measures on the same files: DuckDB's
bare parse (the ceiling), `ccw load` (throughput and peak memory), a full `dbt build` into a fresh
warehouse, a naive Python loader on a subset (the peer every hand-written loader starts as), and
the warehouse size. Results go to bench/results/<UTC time>.json and a summary is printed with the
targets of the performance issue.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import duckdb

PROJECT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
sys.path.insert(0, str(PROJECT / "bench"))
from generate import generate  # noqa: E402


def timed(
    command: list[str], env: dict[str, str]
) -> tuple[float, subprocess.CompletedProcess[str]]:
    started = time.monotonic()
    done = subprocess.run(
        command, cwd=PROJECT, env=env, capture_output=True, text=True, check=False
    )
    elapsed = time.monotonic() - started
    if done.returncode not in (0,):
        raise SystemExit(
            f"{' '.join(command)} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
        )
    return elapsed, done


def bare_parse_seconds(files: list[str]) -> float:
    with duckdb.connect() as con:
        started = time.monotonic()
        con.execute(
            "select count(*) from read_json_objects($files, format = 'auto',"
            " maximum_object_size = 134217728)",
            {"files": files},
        ).fetchone()
        return time.monotonic() - started


def naive_python_load_seconds(files: list[Path], db: Path) -> float:
    """What a first hand-written loader does: json.load each file, insert each record."""
    with duckdb.connect(str(db)) as con:
        con.execute("create table records (record json, file_path varchar)")
        started = time.monotonic()
        for path in files:
            rows = [(json.dumps(r), str(path)) for r in json.loads(path.read_text())]
            con.executemany("insert into records values (?, ?)", rows)
        return time.monotonic() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--megabytes", type=float, default=250.0)
    parser.add_argument(
        "--peer-megabytes",
        type=float,
        default=20.0,
        help="size of the subset the naive Python loader gets",
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the generated files and warehouse"
    )
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="ccw-bench-"))
    data, db = work / "nice", work / "warehouse.duckdb"
    env = {
        **os.environ,
        "WAREHOUSE_PATH": str(db),
        "DBT_PROFILES_DIR": str(PROJECT),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
    }
    print(f"generating {args.megabytes:,.0f} MB of NICE exports in {data} ...", flush=True)
    started = time.monotonic()
    records, size = generate(
        data, args.megabytes, seed=7, records_per_file=1000, start=0, reprocess=0
    )
    generate_seconds = time.monotonic() - started
    files = sorted(data.glob("*.json"))
    megabytes = size / 1e6

    parse = bare_parse_seconds([str(f) for f in files])
    print(f"bare parse {parse:.1f}s", flush=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    load, _ = timed([str(BIN / "ccw"), "load", "nice_cxone", str(data)], env)
    loader_peak_mb = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    print(f"ccw load {load:.1f}s", flush=True)
    build, _ = timed(
        [
            str(BIN / "dbt"),
            "build",
            "--target-path",
            str(work / "target"),
            "--log-path",
            str(work / "logs"),
        ],
        env,
    )
    print(f"dbt build {build:.1f}s", flush=True)
    warehouse_mb = db.stat().st_size / 1e6

    peer_files, peer_bytes = [], 0
    for f in files:
        if peer_bytes >= args.peer_megabytes * 1e6:
            break
        peer_files.append(f)
        peer_bytes += f.stat().st_size
    naive = naive_python_load_seconds(peer_files, work / "naive.duckdb")

    results = {
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
            "python": platform.python_version(),
            "duckdb": duckdb.__version__,
        },
        "input": {
            "vendor": "nice_cxone",
            "records": records,
            "megabytes": round(megabytes, 1),
            "files": len(files),
            "generate_seconds": round(generate_seconds, 1),
        },
        "seconds": {
            "bare_parse": round(parse, 2),
            "ccw_load": round(load, 2),
            "dbt_build_full": round(build, 2),
            "naive_python_loader_subset": round(naive, 2),
        },
        "ccw_load_mb_per_second": round(megabytes / load, 1),
        "naive_python_loader_mb_per_second": round(peer_bytes / 1e6 / naive, 1),
        "loader_peak_memory_mb": round(loader_peak_mb, 0),
        "warehouse_mb": round(warehouse_mb, 1),
        "files_to_marts_seconds_per_gb": round((load + build) / megabytes * 1000, 1),
        "files_to_marts_vs_bare_parse": round((load + build) / parse, 1),
        "not_measured": {
            "incremental_build": "no incremental models yet: every build is a full rebuild",
            "dlt_peers": "dlt is not in the project's dependencies; not run",
        },
    }
    out_dir = PROJECT / "bench" / "results"
    out_dir.mkdir(parents=True, exist_ok=True)
    out = out_dir / f"{results['measured_at'].replace(':', '')}.json"
    out.write_text(json.dumps(results, indent=2) + "\n")

    print(f"\n{records:,} NICE records, {megabytes:,.0f} MB, {len(files)} files")
    print(f"  bare parse (ceiling)        {parse:7.1f} s")
    print(
        f"  ccw load                    {load:7.1f} s  {results['ccw_load_mb_per_second']} MB/s"
        f"   target >= 60 MB/s"
    )
    print(f"  dbt build (full)            {build:7.1f} s")
    print(
        f"  files to marts              {results['files_to_marts_seconds_per_gb']:7.1f} s per GB"
        f"   target <= 30 s per GB ({results['files_to_marts_vs_bare_parse']}x bare parse)"
    )
    naive_rate = peer_bytes / 1e6 / naive
    speedup = (megabytes / load) / naive_rate
    print(f"  naive Python loader         {naive_rate:7.1f} MB/s   (ccw load is {speedup:.0f}x)")
    print(f"  loader peak memory          {loader_peak_mb:7.0f} MB")
    print(f"  warehouse                   {warehouse_mb:7.1f} MB")
    print(f"results: {out.relative_to(PROJECT)}")
    if args.keep:
        print(f"kept: {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
