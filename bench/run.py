"""`make bench`: the warehouse at contact-center scale, timed on this machine, in one run.

On deterministic generated exports (bench/generate.py) it measures what users run:

- the fixed cost: `dbt parse` cold and warm, and `dbt build` with every test (the headline) and
  `dbt run` on the bundled samples, as a first build and as a daily build with nothing new;
- the loader at every file size: NICE exports in files of 1 MB, 10 MB and 100 MB and one file of
  2 GB (MB/s and peak memory each, beside DuckDB's bare parse of the same files), and a 10 GB
  batch for the memory claim (generated, loaded, deleted);
- end to end: `ccw load` plus `dbt build` with every test on 1 GB and on 2 GB of NICE exports
  (`dbt run` beside it); the difference is the marginal cost per GB;
- the incremental build after a 1% batch (new segments and reprocessed versions of old ones) on
  that history and on one ten times smaller, with the dedup checked; the same for every vendor;
- the other four vendors' `ccw load` at 1 GB each (CCAI Platform as one document per file);
- the peers on the same subset: a naive Python loader, and dlt with its defaults and with parquet
  staging (installed by `make bench` from bench/requirements.txt).

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
    "ccw_load_mb_per_second": 60.0,
    "loader_peak_memory_mb": 1024.0,
    "marginal_seconds_per_gb": 20.0,
    "samples_dbt_build_seconds": 20.0,
    "incremental_10x_history_ratio": 1.3,
    "vs_dlt_defaults": 40.0,
    "vs_dlt_parquet": 8.0,
}
# NICE export file sizes the loader is measured at, with the records per file that give them
# (a generated record weighs about 8.4 KB) and the megabytes generated of each.
FILE_SIZES = {"1_mb": (119, 200.0), "10_mb": (1_190, 500.0), "100_mb": (11_900, 0.0)}


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
    """DuckDB reading every element of the files' arrays, and nothing else: the ceiling."""
    with duckdb.connect() as con:
        started = time.monotonic()
        con.execute(
            "select count(*) from read_json_objects($files, format = 'array')",
            {"files": [str(f) for f in files]},
        ).fetchall()
        return time.monotonic() - started


def one_file(parts: list[Path], to: Path) -> Path:
    """The records of several NICE export files as one export file (one JSON array)."""
    with to.open("wb") as out:
        out.write(b"[")
        for index, part in enumerate(parts):
            body = part.read_bytes().strip()
            if index:
                out.write(b",")
            out.write(body[1:-1])
        out.write(b"]")
    return to


def redeliveries(export: Path, copies: int) -> list[Path]:
    """The export and `copies` re-deliveries of it, each made a file of its own content by
    leading whitespace (JSON allows it), so the loader reads every one."""
    made = [export]
    for copy in range(1, copies + 1):
        twin = export.with_name(f"redelivery-{copy}-{export.name}")
        with export.open("rb") as source, twin.open("wb") as out:
            out.write(b" " * copy)
            shutil.copyfileobj(source, out, 16 * 1024 * 1024)
        made.append(twin)
    return made


def timed_load(warehouse: Warehouse, files: list[Path], what: str) -> dict[str, float]:
    """A `ccw load` of NICE files: seconds, MB/s and the process's peak memory."""
    size = megabytes(files)
    timed = warehouse.load("nice_cxone", files, what)
    return {
        "megabytes": round(size, 1),
        "files": len(files),
        "seconds": round(timed.seconds, 2),
        "mb_per_second": round(size / timed.seconds, 1),
        "peak_memory_mb": round(timed.peak_mb),
    }


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


def fixed_cost(work: Path) -> dict[str, Any]:
    """What every run pays whatever its size: dbt parsing the project, and building the
    bundled samples, first in full and then as a daily build with nothing new."""
    print("\nfixed cost: the bundled samples", flush=True)
    samples = Warehouse(work, "samples")
    cold = samples.dbt("dbt parse, cold (no parse cache)", "parse", "--no-partial-parse")
    warm = samples.dbt("dbt parse, warm (project unchanged)", "parse")
    for vendor, options in SAMPLE_LOAD_OPTIONS.items():
        samples.load(vendor, [PROJECT / "sample_data" / vendor], f"ccw load {vendor}", options)
    build = samples.dbt("dbt build, every test (first build)", "build")
    again = samples.dbt("dbt build, every test (nothing new)", "build")
    runs = samples.dbt("dbt run (nothing new)", "run")
    nodes = json.loads((samples.work / "target" / "run_results.json").read_text())["results"]
    return {
        "seconds": {
            "dbt_parse_cold": round(cold.seconds, 2),
            "dbt_parse_warm": round(warm.seconds, 2),
            "dbt_build_first": round(build.seconds, 2),
            "dbt_build_nothing_new": round(again.seconds, 2),
            "dbt_run_nothing_new": round(runs.seconds, 2),
        },
        "models_run": len(nodes),
    }


def loader_file_sizes(
    data: Path, work: Path, hundreds: list[Path], single: Path, scale: float
) -> dict[str, Any]:
    """`ccw load` of NICE exports in files of 1, 10 and 100 MB and one of 2 GB, each into a
    warehouse of its own, beside DuckDB's bare parse of the same files. `scale`: the share of
    the default sizes generated (BENCH_MB / 1000)."""
    print("\nloader at every file size", flush=True)
    series: dict[str, dict[str, float]] = {}
    for label, (per_file, size) in FILE_SIZES.items():
        if size:
            folder = data / f"nice_{label}"
            nice_cxone.generate(folder, size * scale, seed=11, records_per_file=per_file)
            files = sorted(folder.glob("*.json"))
        else:
            files = hundreds
        series[label] = timed_load(Warehouse(work, f"files_{label}"), files, f"ccw load, {label}")
        series[label]["bare_parse_seconds"] = round(bare_parse_seconds(files), 2)
        if size:
            shutil.rmtree(data / f"nice_{label}")
    label = f"one_{megabytes([single]) / 1000:.0f}_gb_file"
    series[label] = timed_load(Warehouse(work, "files_single"), [single], f"ccw load, {label}")
    series[label]["bare_parse_seconds"] = round(bare_parse_seconds([single]), 2)
    return series


def loader_memory(work: Path, single: Path, gigabytes: float) -> dict[str, float]:
    """The loader's peak memory on a batch of about `gigabytes`: the single-file export and
    re-deliveries of it, loaded in one run, then deleted."""
    copies = max(0, round(gigabytes * 1000 / megabytes([single])) - 1)
    print(f"\nloader memory: {copies + 1} files of {megabytes([single]):,.0f} MB", flush=True)
    files = redeliveries(single, copies)
    warehouse = Warehouse(work, "memory")
    try:
        return timed_load(warehouse, files, f"ccw load, {megabytes(files) / 1000:.0f} GB")
    finally:
        for twin in files[1:]:
            twin.unlink()
        shutil.rmtree(warehouse.work, ignore_errors=True)


def end_to_end(work: Path, label: str, files: list[Path]) -> tuple[Warehouse, dict[str, Any]]:
    """`ccw load` then `dbt build` with every test on a fresh warehouse (parsed beforehand, as a
    daily run finds it), and `dbt run --full-refresh` beside it (models only)."""
    warehouse = Warehouse(work, f"end_to_end_{label}")
    warehouse.dbt("dbt parse", "parse")
    load = warehouse.load("nice_cxone", files, f"ccw load, {label}")
    build = warehouse.dbt(f"dbt build, every test, {label}", "build")
    runs = warehouse.dbt(f"dbt run --full-refresh, {label}", "run", "--full-refresh")
    total = load.seconds + build.seconds
    size = megabytes(files)
    return warehouse, {
        "megabytes": round(size, 1),
        "seconds": {
            "ccw_load": round(load.seconds, 2),
            "dbt_build": round(build.seconds, 2),
            "dbt_run_full_refresh": round(runs.seconds, 2),
        },
        "files_to_marts_with_tests_seconds": round(total, 1),
        "files_to_marts_with_tests_seconds_per_gb": round(total / size * 1000, 1),
        "files_to_marts_with_tests_vs_bare_parse": round(total / bare_parse_seconds(files), 1),
        "warehouse_mb": round(warehouse.db.stat().st_size / 1e6, 1),
    }


def nice_incremental(
    work: Path, history: Warehouse, small_files: list[Path], batch: list[Path]
) -> dict[str, Any]:
    """The incremental build after the batch, on the history and on one ten times smaller."""
    print("\nNICE incremental build after a 1% batch", flush=True)
    history.load("nice_cxone", batch, f"ccw load batch ({megabytes(batch):,.1f} MB)")
    incremental = history.dbt("dbt build (incremental), history", "build")
    small = Warehouse(work, "small_history")
    small.dbt("dbt parse", "parse")
    small.load(
        "nice_cxone", small_files, f"ccw load history / 10 ({megabytes(small_files):,.0f} MB)"
    )
    small.dbt("dbt build, history / 10", "build")
    small.load("nice_cxone", batch, "ccw load batch")
    small_incremental = small.dbt("dbt build (incremental), history / 10", "build")
    return {
        "batch_megabytes": round(megabytes(batch), 1),
        "seconds": {
            "history": round(incremental.seconds, 2),
            "history_over_10": round(small_incremental.seconds, 2),
        },
        "ratio": round(incremental.seconds / small_incremental.seconds, 2),
        "staged_segments_not_at_newest_version": dedup_errors(history),
    }


def other_vendors(work: Path, data: Path, size: float) -> dict[str, dict[str, float]]:
    """Each other vendor's `ccw load` of `size` MB of its exports."""
    print(f"\nother vendors: ccw load of {size:,.0f} MB each", flush=True)
    loads = {}
    warehouse = Warehouse(work, "others")
    for vendor in OTHER_VENDORS:
        folder = data / vendor
        GENERATORS[vendor](folder, size, seed=7)
        files = [p for p in folder.rglob("*") if p.is_file()]
        timed = warehouse.load(vendor, [folder], vendor, SAMPLE_LOAD_OPTIONS[vendor])
        loads[vendor] = {
            "megabytes": round(megabytes(files), 1),
            "files": len(files),
            "seconds": round(timed.seconds, 2),
            "mb_per_second": round(megabytes(files) / timed.seconds, 1),
            "peak_memory_mb": round(timed.peak_mb),
        }
        shutil.rmtree(folder)
    shutil.rmtree(warehouse.work, ignore_errors=True)
    return loads


def peers(work: Path, history: list[Path], size: float) -> dict[str, Any]:
    """ccw and the peers on the same subset of the NICE history."""
    print("\npeers on the same subset", flush=True)
    subset: list[Path] = []
    for f in history:
        if subset and megabytes(subset) >= size:
            break
        subset.append(f)
    subset_mb = megabytes(subset)
    warehouse = Warehouse(work, "peers")
    warehouse.dbt("dbt parse", "parse")
    load = warehouse.load("nice_cxone", subset, f"ccw load ({subset_mb:,.0f} MB)")
    stage = warehouse.dbt(
        "dbt run NICE staging (flattened tables)", "run", "--select", "staging.nice_cxone"
    )
    end_to_end_seconds = load.seconds + stage.seconds
    seconds: dict[str, float | str] = {}
    for name, peer in {
        "naive_python": ["naive"],
        "dlt_defaults": ["dlt"],
        "dlt_parquet": ["dlt", "--parquet"],
    }.items():
        seconds[name] = peer_seconds(peer, subset, warehouse.work / f"{name}.duckdb", warehouse.env)
        shown = f"{seconds[name]:7.1f} s" if isinstance(seconds[name], float) else seconds[name]
        print(f"  {name:<46} {shown}", flush=True)

    def ratio(peer: str, ccw_seconds: float) -> float | None:
        value = seconds[peer]
        return round(value / ccw_seconds, 1) if isinstance(value, float) else None

    return {
        "subset_megabytes": round(subset_mb, 1),
        "ccw_load_seconds": round(load.seconds, 2),
        "ccw_nice_staging_seconds": round(stage.seconds, 2),
        "ccw_end_to_end_seconds": round(end_to_end_seconds, 2),
        "seconds": seconds,
        "naive_python_vs_ccw_load": ratio("naive_python", load.seconds),
        "dlt_defaults_vs_ccw_end_to_end": ratio("dlt_defaults", end_to_end_seconds),
        "dlt_parquet_vs_ccw_end_to_end": ratio("dlt_parquet", end_to_end_seconds),
        "dlt_defaults_vs_ccw_load_only": ratio("dlt_defaults", load.seconds),
        "dlt_parquet_vs_ccw_load_only": ratio("dlt_parquet", load.seconds),
    }


def targets(results: dict[str, Any]) -> dict[str, bool]:
    """Each target of the results, met or not."""
    loads = results["loader_file_sizes"]
    memory = results["loader_memory_10_gb"]
    fixed = results["fixed_cost"]["seconds"]
    every = results["every_vendor_incremental"]
    peer = results["peers"]
    fastest = TARGETS["ccw_load_mb_per_second"]
    checks = {
        f"ccw load >= {fastest:g} MB/s at every file size ({', '.join(loads)})": all(
            load["mb_per_second"] >= fastest for load in loads.values()
        ),
        "loader peak memory <= 1 GB at every file size and on the 10 GB batch": all(
            load["peak_memory_mb"] <= TARGETS["loader_peak_memory_mb"]
            for load in [*loads.values(), memory]
        ),
        "marginal cost, ccw load + dbt build with every test, <= 20 s/GB": results[
            "marginal_seconds_per_gb"
        ]
        <= TARGETS["marginal_seconds_per_gb"],
        "dbt build on the samples (first build) <= 20 s": fixed["dbt_build_first"]
        <= TARGETS["samples_dbt_build_seconds"],
        "dbt build on the samples (nothing new) <= 20 s": fixed["dbt_build_nothing_new"]
        <= TARGETS["samples_dbt_build_seconds"],
        "NICE incremental build, 10x history <= 1.3x": results["nice_incremental"]["ratio"]
        <= TARGETS["incremental_10x_history_ratio"],
        "dedup correct after incremental": results["nice_incremental"][
            "staged_segments_not_at_newest_version"
        ]
        == 0,
        "every vendor incremental build, 10x history <= 1.3x": every["ratio"]
        <= TARGETS["incremental_10x_history_ratio"],
        "dlt_defaults / ccw end to end >= 40": (peer["dlt_defaults_vs_ccw_end_to_end"] or 0)
        >= TARGETS["vs_dlt_defaults"],
        "dlt_parquet / ccw end to end >= 8": (peer["dlt_parquet_vs_ccw_end_to_end"] or 0)
        >= TARGETS["vs_dlt_parquet"],
    }
    return checks


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--megabytes", type=float, default=1000.0, help="NICE history; end to end runs on 1x, 2x"
    )
    parser.add_argument(
        "--vendor-megabytes", type=float, default=1000.0, help="each other vendor's ccw load"
    )
    parser.add_argument(
        "--memory-gigabytes", type=float, default=10.0, help="the loader memory batch"
    )
    parser.add_argument(
        "--other-megabytes", type=float, default=25.0, help="per vendor, every-vendor incremental"
    )
    parser.add_argument("--peer-megabytes", type=float, default=100.0, help="the peers' subset")
    parser.add_argument("--batch-share", type=float, default=0.01, help="new batch / history")
    parser.add_argument("--reprocess", type=float, default=0.2, help="reprocessed share of batch")
    parser.add_argument("--keep", action="store_true", help="keep generated files and warehouses")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="ccw-bench-"))
    print(f"working in {work}", flush=True)
    data = work / "data"
    started = time.monotonic()
    # The NICE history in files of about 100 MB, and as much again after it (new records).
    per_file = FILE_SIZES["100_mb"][0]
    first, _ = nice_cxone.generate(
        data / "nice_1x", args.megabytes, seed=7, records_per_file=per_file
    )
    second, _ = nice_cxone.generate(
        data / "nice_2x", args.megabytes, seed=7, start=first, records_per_file=per_file
    )
    batch_records, _ = nice_cxone.generate(
        data / "nice_batch",
        args.megabytes * args.batch_share,
        seed=7,
        start=first + second,
        records_per_file=100,
        reprocess=args.reprocess,
    )
    history = sorted((data / "nice_1x").glob("*.json"))
    doubled = history + sorted((data / "nice_2x").glob("*.json"))
    batch = sorted((data / "nice_batch").glob("*.json"))
    single = one_file(doubled, data / "nice-single-export.json")
    print(f"generated in {time.monotonic() - started:.0f} s", flush=True)

    results: dict[str, Any] = {
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": f"make bench BENCH_MB={args.megabytes:g}",
        "machine": {
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
            "python": platform.python_version(),
            "duckdb": duckdb.__version__,
        },
    }
    results["fixed_cost"] = fixed_cost(work)
    results["loader_file_sizes"] = loader_file_sizes(
        data, work, history, single, args.megabytes / 1000
    )
    results["loader_memory_10_gb"] = loader_memory(work, single, args.memory_gigabytes)
    single.unlink()

    print("\nend to end: NICE history 1x and 2x", flush=True)
    warehouse_1x, results["end_to_end_1x"] = end_to_end(work, "1x", history)
    warehouse_2x, results["end_to_end_2x"] = end_to_end(work, "2x", doubled)
    shutil.rmtree(warehouse_2x.work, ignore_errors=True)
    one, two = results["end_to_end_1x"], results["end_to_end_2x"]
    results["marginal_seconds_per_gb"] = round(
        (two["files_to_marts_with_tests_seconds"] - one["files_to_marts_with_tests_seconds"])
        / ((two["megabytes"] - one["megabytes"]) / 1000),
        1,
    )
    results["nice_incremental"] = nice_incremental(
        work, warehouse_1x, history[: max(1, len(history) // 10)], batch
    )
    results["nice_incremental"]["batch_records"] = batch_records
    shutil.rmtree(warehouse_1x.work, ignore_errors=True)

    results["other_vendors_ccw_load"] = other_vendors(work, data, args.vendor_megabytes)
    print("\nevery vendor: incremental build after a 1% batch, history 10x vs 1x", flush=True)
    results["every_vendor_incremental"] = incremental_every_vendor(work, data, args)
    results["peers"] = peers(work, history, args.peer_megabytes)
    checks = targets(results)
    results["targets_met"] = checks

    out_dir = PROJECT / "bench" / "results"
    out_dir.mkdir(parents=True, exist_ok=True)
    out = out_dir / f"{str(results['measured_at']).replace(':', '')}.json"
    out.write_text(json.dumps(results, indent=2) + "\n")

    print("\ntargets")
    for name, met in checks.items():
        print(f"  {'met    ' if met else 'NOT met'}  {name}")
    fixed = results["fixed_cost"]["seconds"]
    print(
        f"\n  samples: dbt build {fixed['dbt_build_first']} s first,"
        f" {fixed['dbt_build_nothing_new']} s with nothing new;"
        f" dbt parse {fixed['dbt_parse_cold']} s cold, {fixed['dbt_parse_warm']} s warm"
    )
    for label, load in results["loader_file_sizes"].items():
        print(
            f"  ccw load {label}: {load['mb_per_second']} MB/s, peak {load['peak_memory_mb']} MB"
            f" (bare parse {load['bare_parse_seconds']} s for {load['megabytes']:,.0f} MB)"
        )
    memory = results["loader_memory_10_gb"]
    print(f"  ccw load {memory['megabytes']:,.0f} MB: peak {memory['peak_memory_mb']} MB")
    print(
        f"  end to end with every test: {one['files_to_marts_with_tests_seconds']} s for"
        f" {one['megabytes']:,.0f} MB, {two['files_to_marts_with_tests_seconds']} s for"
        f" {two['megabytes']:,.0f} MB: {results['marginal_seconds_per_gb']} s per more GB"
    )
    print(f"  NICE incremental 10x history: {results['nice_incremental']['ratio']}x")
    print(
        f"  every vendor incremental 10x history: {results['every_vendor_incremental']['ratio']}x"
    )
    for vendor, load in results["other_vendors_ccw_load"].items():
        print(f"  ccw load {vendor}: {load['mb_per_second']} MB/s ({load['files']:,} files)")
    print(f"results: {out.relative_to(PROJECT)}")
    if args.keep:
        print(f"kept: {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
