"""`make bench`: the warehouse at contact-center scale, timed on this machine, in one run.

On deterministic generated exports (bench/generate.py) it measures:

- DuckDB's bare parse of the NICE files: the ceiling;
- `ccw load` of every vendor (throughput) and the loader's peak memory at two input sizes;
- files to marts: `ccw load` plus a full `dbt build` of the NICE history;
- an incremental `dbt build` after a new batch of 1% (new segments and reprocessed versions of
  old ones), on that history and on a history ten times smaller, and checks the dedup;
- the peers on the same subset of files: a naive Python loader, and dlt with its defaults and
  with parquet staging (installed by `make bench` from bench/requirements.txt), against
  `ccw load` plus the NICE staging models (files to flattened, typed tables, as dlt makes);
- the warehouse size.

Results go to bench/results/<UTC time>.json, with each target and whether this run met it.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb

from ccw.registry import read_registry

PROJECT = Path(__file__).resolve().parents[1]
SAMPLE_LOAD_OPTIONS = {v.source_system: v.sample_load_options for v in read_registry(PROJECT)}
BIN = Path(sys.executable).parent
sys.path.insert(0, str(PROJECT / "bench"))
from generators import nice_cxone  # noqa: E402

# Each vendor of the registry whose generator exists (bench/generators/<source_system>.py).
GENERATORS = {
    vendor: importlib.import_module(f"generators.{vendor}").generate
    for vendor in SAMPLE_LOAD_OPTIONS
    if (PROJECT / "bench" / "generators" / f"{vendor}.py").is_file()
}

# The vendors other than NICE CXone, whose ccw load is measured on --other-megabytes each.
OTHER_VENDORS = [vendor for vendor in GENERATORS if vendor != "nice_cxone"]
TARGETS = {
    "files_to_marts_seconds_per_gb": 30.0,
    "ccw_load_mb_per_second": 60.0,
    "incremental_10x_history_ratio": 1.3,
    "vs_dlt_defaults": 40.0,
    "vs_dlt_parquet": 8.0,
    "loader_peak_memory_growth": 1.25,
}


@dataclass
class Timed:
    seconds: float
    peak_mb: float
    stdout: str


# Runs a command and reports its peak resident memory: the probe's only child is the command.
PROBE = """
import resource, subprocess, sys
code = subprocess.call(sys.argv[1:])
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
sys.stderr.write(f"\\nbench-peak-kb {peak}\\n")
sys.exit(code)
"""


def run(command: list[str], env: dict[str, str], what: str) -> Timed:
    """Run a command to completion: its wall time and peak resident memory."""
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *command],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.monotonic() - started
    if done.returncode != 0:
        raise SystemExit(
            f"{what} failed ({' '.join(command)}):\n{done.stdout[-4000:]}\n{done.stderr[-4000:]}"
        )
    peak_kb = int(done.stderr.rsplit("bench-peak-kb", 1)[1].split()[0])
    print(f"  {what:<46} {seconds:7.1f} s", flush=True)
    return Timed(seconds, peak_kb / 1024, done.stdout)


class Warehouse:
    def __init__(self, work: Path, name: str) -> None:
        self.work = work / name
        self.work.mkdir(parents=True)
        self.db = self.work / "warehouse.duckdb"
        self.env = {
            **os.environ,
            "WAREHOUSE_PATH": str(self.db),
            "DBT_PROFILES_DIR": str(PROJECT),
            "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
        }

    def load(
        self, vendor: str, paths: list[Path], what: str, options: tuple[str, ...] = ()
    ) -> Timed:
        command = [str(BIN / "ccw"), "load", vendor, *map(str, paths), *options]
        return run(command, self.env, what)

    def dbt(self, what: str, *args: str) -> Timed:
        command = [
            str(BIN / "dbt"),
            *args,
            "--target-path",
            str(self.work / "target"),
            "--log-path",
            str(self.work / "logs"),
        ]
        return run(command, self.env, what)

    def rows(self, sql: str) -> list[tuple[object, ...]]:
        with duckdb.connect(str(self.db), read_only=True) as con:
            return con.execute(sql).fetchall()


def megabytes(files: list[Path]) -> float:
    return sum(f.stat().st_size for f in files) / 1e6


def bare_parse_seconds(files: list[Path]) -> float:
    with duckdb.connect() as con:
        started = time.monotonic()
        con.execute(
            "select count(*) from read_json_objects($files, format = 'auto')",
            {"files": [str(f) for f in files]},
        ).fetchone()
        return time.monotonic() - started


def dedup_errors(warehouse: Warehouse) -> int:
    """Staged NICE segments that are not the newest delivered version, or missing."""
    [(wrong,)] = warehouse.rows(
        """
        with delivered as (
            select record ->> 'externalId' as segment_id,
                max(cast(record ->> 'versionId' as bigint)) as newest_version
            from raw.nice_cxone__segments group by all
        )
        select count(*)
        from delivered
        left join staging.base_nice_cxone__segments as staged using (segment_id)
        where staged.version_number is distinct from delivered.newest_version
        """
    )
    return int(str(wrong))


def peer_seconds(peer: list[str], files: list[Path], db: Path, env: dict[str, str]) -> float | str:
    command = [sys.executable, str(PROJECT / "bench" / "peers.py"), *peer, "--db", str(db)]
    done = subprocess.run(
        [*command, *map(str, files)], env=env, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        last = (done.stderr or done.stdout).strip().splitlines()[-1:]
        return f"failed: {last[0] if last else done.returncode}"
    return float(done.stdout.strip().splitlines()[-1])


def model_seconds_by_vendor(warehouse: Warehouse) -> dict[str, float]:
    """Seconds the last dbt run spent in each vendor's models (by name), and in the shared ones."""
    results = json.loads((warehouse.work / "target" / "run_results.json").read_text())
    totals: dict[str, float] = {}
    for result in results["results"]:
        if not result["unique_id"].startswith("model."):
            continue
        name = result["unique_id"].split(".")[-1]
        owner = next((v for v in GENERATORS if name.endswith(f"__{v}") or f"_{v}__" in name), None)
        key = owner or "shared (unions, facts, KPIs)"
        totals[key] = round(totals.get(key, 0.0) + float(result["execution_time"]), 2)
    return totals


def incremental_every_vendor(work: Path, data: Path, args: argparse.Namespace) -> dict[str, Any]:
    """Every vendor of the registry with a generator: a history of --other-megabytes each (and
    one ten times smaller), built; then a batch of new records of each vendor (--batch-share of
    the larger history) loaded into both, and the incremental dbt build timed on each."""
    sizes = {"10x": args.other_megabytes, "1x": args.other_megabytes / 10}
    seconds: dict[str, float] = {}
    by_vendor: dict[str, dict[str, float]] = {}
    batch_records: dict[str, int] = {}
    for label, size in sizes.items():
        warehouse = Warehouse(work, f"every_vendor_{label}")
        warehouse.dbt("dbt parse", "parse")
        for vendor, generate in GENERATORS.items():
            options = SAMPLE_LOAD_OPTIONS[vendor]
            history = data / "every_vendor" / label / vendor
            records, _ = generate(history, size, seed=13)
            batch = data / "every_vendor" / f"{label}_batch" / vendor
            batch_records[vendor], _ = generate(
                batch, args.other_megabytes * args.batch_share, seed=13, start=records + 10**7
            )
            warehouse.load(vendor, [history], f"ccw load {vendor} ({size:g} MB)", options)
        warehouse.dbt(f"dbt build, history {label}", "build")
        for vendor in GENERATORS:
            batch = data / "every_vendor" / f"{label}_batch" / vendor
            warehouse.load(vendor, [batch], f"ccw load {vendor} batch", SAMPLE_LOAD_OPTIONS[vendor])
        timed = warehouse.dbt(f"dbt build (incremental), history {label}", "build")
        seconds[label] = round(timed.seconds, 2)
        by_vendor[label] = model_seconds_by_vendor(warehouse)
    return {
        "history_megabytes_per_vendor": sizes,
        "batch_records": batch_records,
        "seconds": seconds,
        "model_seconds_by_vendor": by_vendor,
        "ratio": round(seconds["10x"] / seconds["1x"], 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--megabytes", type=float, default=1000.0, help="NICE history size")
    parser.add_argument("--other-megabytes", type=float, default=25.0, help="per other vendor")
    parser.add_argument("--peer-megabytes", type=float, default=100.0, help="the peers' subset")
    parser.add_argument("--batch-share", type=float, default=0.01, help="new batch / history")
    parser.add_argument("--reprocess", type=float, default=0.2, help="reprocessed share of batch")
    parser.add_argument("--keep", action="store_true", help="keep generated files and warehouses")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="ccw-bench-"))
    print(f"working in {work}", flush=True)
    data = work / "data"
    started = time.monotonic()
    history_records, _ = nice_cxone.generate(data / "nice_history", args.megabytes, seed=7)
    batch_records, _ = nice_cxone.generate(
        data / "nice_batch",
        args.megabytes * args.batch_share,
        seed=7,
        start=history_records,
        records_per_file=100,
        reprocess=args.reprocess,
    )
    for vendor in OTHER_VENDORS:
        GENERATORS[vendor](data / vendor, args.other_megabytes, seed=7)
    history = sorted((data / "nice_history").glob("*.json"))
    batch = sorted((data / "nice_batch").glob("*.json"))
    small_history = history[: max(1, len(history) // 10)]
    print(f"generated in {time.monotonic() - started:.0f} s", flush=True)

    history_mb, batch_mb, small_mb = megabytes(history), megabytes(batch), megabytes(small_history)
    print(f"\nNICE history {history_mb:,.0f} MB ({history_records:,} records)", flush=True)
    parse = bare_parse_seconds(history)
    print(f"  {'bare parse (DuckDB read_json_objects)':<46} {parse:7.1f} s", flush=True)

    big = Warehouse(work, "history")
    # dbt keeps its parsed project in the target folder; a daily run finds it there, so every
    # warehouse parses once, untimed except here, before the timed runs.
    cold_parse = big.dbt("dbt parse (once per checkout)", "parse")
    load = big.load("nice_cxone", history, "ccw load")
    models = big.dbt(
        "dbt build, tests excluded (files to marts)",
        "build",
        "--exclude-resource-type",
        "test",
        "--exclude-resource-type",
        "unit_test",
    )
    tests = big.dbt("dbt test", "test")
    build = big.dbt("dbt build --full-refresh (full build)", "build", "--full-refresh")
    batch_load = big.load("nice_cxone", batch, f"ccw load new batch ({batch_mb:,.1f} MB)")
    incremental = big.dbt("dbt build (incremental)", "build")
    wrong_versions = dedup_errors(big)
    warehouse_mb = big.db.stat().st_size / 1e6

    print(f"\nNICE history / 10 ({small_mb:,.0f} MB)", flush=True)
    small = Warehouse(work, "small_history")
    small.dbt("dbt parse", "parse")
    small_load = small.load("nice_cxone", small_history, "ccw load")
    small.dbt("dbt build (full)", "build")
    small.load("nice_cxone", batch, "ccw load new batch")
    small_incremental = small.dbt("dbt build (incremental)", "build")

    peak_big, peak_small = load.peak_mb, small_load.peak_mb
    print(
        f"\nloader peak memory: {peak_big:,.0f} MB for {history_mb:,.0f} MB of exports,"
        f" {peak_small:,.0f} MB for {small_mb:,.0f} MB",
        flush=True,
    )

    print("\nother vendors (ccw load)", flush=True)
    others = Warehouse(work, "others")
    vendor_loads = {}
    for vendor in OTHER_VENDORS:
        files = sorted(p for p in (data / vendor).rglob("*") if p.is_file())
        timed = others.load(vendor, [data / vendor], vendor, SAMPLE_LOAD_OPTIONS[vendor])
        vendor_loads[vendor] = {
            "megabytes": round(megabytes(files), 1),
            "files": len(files),
            "seconds": round(timed.seconds, 2),
            "mb_per_second": round(megabytes(files) / timed.seconds, 1),
        }

    print("\nevery vendor: incremental build after a 1% batch, history 10x vs 1x", flush=True)
    every_vendor = incremental_every_vendor(work, data, args)

    print("\npeers on the same subset", flush=True)
    subset: list[Path] = []
    for f in history:
        if megabytes(subset) >= args.peer_megabytes:
            break
        subset.append(f)
    subset_mb = megabytes(subset)
    peers = Warehouse(work, "peers")
    peers.dbt("dbt parse", "parse")
    ccw_subset_load = peers.load("nice_cxone", subset, f"ccw load ({subset_mb:,.0f} MB)")
    ccw_subset_stage = peers.dbt(
        "dbt run NICE staging (flattened tables)", "run", "--select", "staging.nice_cxone"
    )
    ccw_end_to_end = ccw_subset_load.seconds + ccw_subset_stage.seconds
    peer_results: dict[str, float | str] = {}
    for name, peer in {
        "naive_python": ["naive"],
        "dlt_defaults": ["dlt"],
        "dlt_parquet": ["dlt", "--parquet"],
    }.items():
        seconds = peer_seconds(peer, subset, peers.work / f"{name}.duckdb", peers.env)
        peer_results[name] = seconds
        shown = f"{seconds:7.1f} s" if isinstance(seconds, float) else seconds
        print(f"  {name:<46} {shown}", flush=True)

    def ratio(peer: str, ccw_seconds: float = ccw_end_to_end) -> float | None:
        value = peer_results[peer]
        return round(value / ccw_seconds, 1) if isinstance(value, float) else None

    def load_ratio(peer: str) -> float | None:
        return ratio(peer, ccw_subset_load.seconds)

    files_to_marts = load.seconds + models.seconds
    results = {
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": f"make bench BENCH_MB={args.megabytes:g}",
        "machine": {
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
            "python": platform.python_version(),
            "duckdb": duckdb.__version__,
        },
        "nice_cxone": {
            "history": {"megabytes": round(history_mb, 1), "records": history_records},
            "batch": {
                "megabytes": round(batch_mb, 1),
                "records": batch_records,
                "reprocessed_share": args.reprocess,
            },
            "seconds": {
                "bare_parse": round(parse, 2),
                "dbt_parse_cold": round(cold_parse.seconds, 2),
                "ccw_load": round(load.seconds, 2),
                "dbt_build_full_tests_excluded": round(models.seconds, 2),
                "dbt_test": round(tests.seconds, 2),
                "dbt_build_full_refresh": round(build.seconds, 2),
                "ccw_load_batch": round(batch_load.seconds, 2),
                "dbt_build_incremental": round(incremental.seconds, 2),
                "dbt_build_incremental_on_history_over_10": round(small_incremental.seconds, 2),
                "ccw_load_history_over_10": round(small_load.seconds, 2),
            },
            "ccw_load_mb_per_second": round(history_mb / load.seconds, 1),
            "files_to_marts": "ccw load + dbt build of every seed and model (tests excluded)",
            "files_to_marts_seconds": round(files_to_marts, 1),
            "files_to_marts_and_tests_seconds_per_gb": round(
                (load.seconds + build.seconds) / history_mb * 1000, 1
            ),
            "files_to_marts_seconds_per_gb": round(files_to_marts / history_mb * 1000, 1),
            "files_to_marts_vs_bare_parse": round(files_to_marts / parse, 1),
            "incremental_10x_history_ratio": round(
                incremental.seconds / small_incremental.seconds, 2
            ),
            "staged_segments_not_at_newest_version": wrong_versions,
            "loader_peak_memory_mb": {
                f"{history_mb:.0f}_mb": round(peak_big),
                f"{small_mb:.0f}_mb": round(peak_small),
            },
            "loader_peak_memory_growth": round(peak_big / peak_small, 2),
            "warehouse_mb": round(warehouse_mb, 1),
        },
        "other_vendors_ccw_load": vendor_loads,
        "every_vendor_incremental": every_vendor,
        "peers": {
            "subset_megabytes": round(subset_mb, 1),
            "ccw_load_seconds": round(ccw_subset_load.seconds, 2),
            "ccw_nice_staging_seconds": round(ccw_subset_stage.seconds, 2),
            "ccw_end_to_end_seconds": round(ccw_end_to_end, 2),
            "seconds": peer_results,
            "naive_python_vs_ccw_load": (
                round(peer_results["naive_python"] / ccw_subset_load.seconds, 1)
                if isinstance(peer_results["naive_python"], float)
                else None
            ),
            "dlt_defaults_vs_ccw_end_to_end": ratio("dlt_defaults"),
            "dlt_parquet_vs_ccw_end_to_end": ratio("dlt_parquet"),
            "dlt_defaults_vs_ccw_load_only": load_ratio("dlt_defaults"),
            "dlt_parquet_vs_ccw_load_only": load_ratio("dlt_parquet"),
        },
    }
    nice = results["nice_cxone"]
    peers_out = results["peers"]
    assert isinstance(nice, dict) and isinstance(peers_out, dict)
    checks = {
        "files_to_marts_seconds_per_gb <= 30": nice["files_to_marts_seconds_per_gb"]
        <= TARGETS["files_to_marts_seconds_per_gb"],
        "ccw_load_mb_per_second >= 60": nice["ccw_load_mb_per_second"]
        >= TARGETS["ccw_load_mb_per_second"],
        "incremental_10x_history_ratio <= 1.3": nice["incremental_10x_history_ratio"]
        <= TARGETS["incremental_10x_history_ratio"],
        "dedup correct after incremental": wrong_versions == 0,
        "every vendor: incremental_10x_history_ratio <= 1.3": every_vendor["ratio"]
        <= TARGETS["incremental_10x_history_ratio"],
        "dlt_defaults / ccw end to end >= 40": (peers_out["dlt_defaults_vs_ccw_end_to_end"] or 0)
        >= TARGETS["vs_dlt_defaults"],
        "dlt_parquet / ccw end to end >= 8": (peers_out["dlt_parquet_vs_ccw_end_to_end"] or 0)
        >= TARGETS["vs_dlt_parquet"],
        "loader peak memory flat (growth <= 1.25x for 10x input) and < 2 GB": (
            nice["loader_peak_memory_growth"] <= TARGETS["loader_peak_memory_growth"]
            and peak_big < 2048
        ),
    }
    results["targets_met"] = checks

    out_dir = PROJECT / "bench" / "results"
    out_dir.mkdir(parents=True, exist_ok=True)
    out = out_dir / f"{str(results['measured_at']).replace(':', '')}.json"
    out.write_text(json.dumps(results, indent=2) + "\n")

    print("\ntargets")
    for name, met in checks.items():
        print(f"  {'met    ' if met else 'NOT met'}  {name}")
    print(
        f"\n  files to marts (ccw load + every model) {files_to_marts:.1f} s"
        f" for {history_mb:,.0f} MB"
        f" = {nice['files_to_marts_seconds_per_gb']} s/GB"
        f" ({nice['files_to_marts_vs_bare_parse']}x bare parse);"
        f" with every test (dbt build) {nice['files_to_marts_and_tests_seconds_per_gb']} s/GB"
    )
    print(f"  ccw load {nice['ccw_load_mb_per_second']} MB/s")
    print(
        f"  incremental build {incremental.seconds:.1f} s vs {small_incremental.seconds:.1f} s"
        f" with 1/10 of the history = {nice['incremental_10x_history_ratio']}x"
    )
    print(
        f"  peers on {subset_mb:.0f} MB: ccw load + NICE staging {ccw_end_to_end:.1f} s;"
        f" dlt defaults {peers_out['dlt_defaults_vs_ccw_end_to_end']}x as long"
        f" ({peers_out['dlt_defaults_vs_ccw_load_only']}x ccw load alone),"
        f" dlt parquet {peers_out['dlt_parquet_vs_ccw_end_to_end']}x"
        f" ({peers_out['dlt_parquet_vs_ccw_load_only']}x);"
        f" naive loader {peers_out['naive_python_vs_ccw_load']}x ccw load"
    )
    print(
        f"  every vendor, incremental build after a 1% batch: {every_vendor['seconds']['10x']} s"
        f" vs {every_vendor['seconds']['1x']} s with 1/10 of the history"
        f" = {every_vendor['ratio']}x"
    )
    print(f"results: {out.relative_to(PROJECT)}")
    if args.keep:
        print(f"kept: {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
