"""The pieces of the Spark path that run without Spark: the raw bridge (ccw export-raw), the
mart comparer behind `make spark-parity`, and the portability check in `make lint`."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from ccw.cli import main as ccw
from ccw.export_raw import export_raw
from ccw.parity import compare_marts, render, spark_table_folder
from ccw.parity import main as parity_main
from ccw.portability import main as portability_main
from ccw.portability import violations
from ccw.warehouse import WarehouseError

PROJECT = Path(__file__).resolve().parents[2]


@pytest.fixture
def warehouse(tmp_path: Path) -> Path:
    path = tmp_path / "w.duckdb"
    con = duckdb.connect(str(path))
    con.execute("create schema raw")
    con.execute(
        "create table raw.vendor__things (record json, _batch_id uuid, _record_index bigint,"
        " _loaded_at timestamp)"
    )
    con.execute(
        "insert into raw.vendor__things values"
        ' (\'{"id": 1, "when": "2024-01-01T00:00:00Z"}\', uuid(), 0,'
        "  timestamp '2024-03-10 10:00:00.123'),"
        " ('[1, {\"a\": null}]', uuid(), 1, timestamp '2024-03-10 11:00:00')"
    )
    con.execute("create table raw.vendor__empty (record json, _loaded_at timestamp)")
    con.execute("create schema marts")
    con.execute(
        "create table marts.fct_things as select * from (values"
        " ('a', 1.5::decimal(10, 3), timestamp '2024-03-10 10:00:00', 2::bigint),"
        " ('b', 0.1 + 0.2, timestamp '2024-03-10 11:00:00', null)) as t(k, amount, happened_at, n)"
    )
    con.close()
    return path


def test_export_raw_writes_every_raw_table_as_parquet_in_portable_types(
    warehouse: Path, tmp_path: Path
) -> None:
    out = tmp_path / "raw"
    exported = {table.table: table.rows for table in export_raw(warehouse, out)}
    assert exported == {"vendor__things": 2, "vendor__empty": 0}
    con = duckdb.connect()
    con.execute("set TimeZone = 'UTC'")
    parquet = str(out / "vendor__things" / "*.parquet")
    types = dict(
        con.execute(f"select column_name, column_type from (describe '{parquet}')").fetchall()
    )
    assert types == {
        "record": "VARCHAR",
        "_batch_id": "VARCHAR",
        "_record_index": "BIGINT",
        "_loaded_at": "TIMESTAMP WITH TIME ZONE",
    }
    rows = con.execute(
        f"select record, cast(_loaded_at as varchar) from '{parquet}' order by _record_index"
    ).fetchall()
    # The record is the landed JSON text, the load time the same instant in UTC.
    assert [row[0] for row in rows] == [
        '{"id": 1, "when": "2024-01-01T00:00:00Z"}',
        '[1, {"a": null}]',
    ]
    assert rows[0][1] == "2024-03-10 10:00:00.123+00"
    empty = con.execute(f"select count(*) from '{out / 'vendor__empty' / '*.parquet'}'").fetchone()
    assert empty == (0,)


def test_export_raw_replaces_a_table_whole_and_leaves_no_partial_folder(
    warehouse: Path, tmp_path: Path
) -> None:
    out = tmp_path / "raw"
    export_raw(warehouse, out)
    con = duckdb.connect(str(warehouse))
    con.execute("delete from raw.vendor__things where _record_index = 1")
    con.close()
    export_raw(warehouse, out)
    assert sorted(path.name for path in out.iterdir()) == ["vendor__empty", "vendor__things"]
    count = duckdb.sql(f"select count(*) from '{out / 'vendor__things' / '*.parquet'}'").fetchall()
    assert count == [(1,)]


def test_export_raw_command_reports_and_refuses_a_missing_warehouse(
    warehouse: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert ccw(["export-raw", "--db", str(warehouse), "--to", str(tmp_path / "raw")]) == 0
    assert "exported 2 raw tables (2 rows)" in capsys.readouterr().out
    with pytest.raises(WarehouseError, match="no warehouse at"):
        export_raw(tmp_path / "missing.duckdb", tmp_path / "raw")


def _write_spark_side(warehouse: Path, spark: Path, select: str) -> None:
    folder = spark_table_folder(spark, "marts", "fct_things")
    folder.mkdir(parents=True)
    con = duckdb.connect()
    con.execute(f"attach '{warehouse}' as w (read_only)")
    con.execute(f"copy ({select}) to '{folder / 'part-00000.parquet'}' (format parquet)")
    con.close()


def test_comparer_finds_identical_marts_identical_across_types(
    warehouse: Path, tmp_path: Path
) -> None:
    # Spark's forms of the same values: DOUBLE for DECIMAL, an instant for the timestamp, INT.
    _write_spark_side(
        warehouse,
        tmp_path / "spark",
        "select k, cast(amount as double) as amount, timezone('UTC', happened_at) as happened_at,"
        " cast(n as integer) as n from w.marts.fct_things",
    )
    results = compare_marts(warehouse, tmp_path / "spark")
    assert [result.identical for result in results] == [True]
    assert render(results).endswith("1/1 marts identical")


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (
            "select k, amount + (k = 'a')::int * 0.001 as amount, happened_at, n"
            " from w.marts.fct_things",
            "1 rows only",
        ),
        (
            "select * from w.marts.fct_things union all select * from w.marts.fct_things limit 3",
            "only on Spark",
        ),
        (
            "select k, amount, happened_at + (k = 'b')::int * interval 1 second as happened_at, n"
            " from w.marts.fct_things",
            "1 rows only",
        ),
        ("select k, amount, happened_at from w.marts.fct_things", "columns differ"),
    ],
)
def test_comparer_reports_any_difference(
    warehouse: Path, tmp_path: Path, change: str, problem: str
) -> None:
    _write_spark_side(warehouse, tmp_path / "spark", change)
    results = compare_marts(warehouse, tmp_path / "spark")
    assert not results[0].identical
    report = render(results)
    assert "DIFFERENT  fct_things" in report and problem in report
    assert report.endswith("0/1 marts identical")


def test_comparer_reports_a_mart_spark_did_not_write(warehouse: Path, tmp_path: Path) -> None:
    results = compare_marts(warehouse, tmp_path / "spark")
    assert not results[0].identical and "Spark wrote no" in results[0].problem


def test_models_and_tests_use_no_duckdb_only_construct(capsys: pytest.CaptureFixture[str]) -> None:
    assert portability_main([str(PROJECT / "models"), str(PROJECT / "tests")]) == 0, (
        capsys.readouterr().err
    )


@pytest.mark.parametrize(
    "sql",
    [
        "select try_cast(x as bigint) from t",
        "select record ->> '$.id' from t",
        "select * exclude (a) from t",
        'select {{ list_length("len(x)") }} from t',
        "select unnest(items) as item from t",
        "select x::varchar from t",
        "select regexp_replace(phone, '[^0-9]', '', 'g') from t",
        "{{ unnest_with_index('t', 'list_filter(xs, lambda x: x > 1)', 'x', 'i') }}",
    ],
)
def test_portability_check_finds_duckdb_only_sql_outside_and_inside_macro_calls(
    tmp_path: Path, sql: str
) -> None:
    model = tmp_path / "model.sql"
    model.write_text(f"-- a model\n{sql}\n", encoding="utf-8")
    found = violations(model)
    assert found and found[0].startswith(f"{model}:2:")


@pytest.mark.parametrize(
    "sql",
    [
        "select {{ cast_or_null('x', 'bigint') }} from t",
        "select {{ list_length(list_filter('xs', 'x', 'x > 1')) }} from t",
        "-- try_cast(x as bigint) is DuckDB's; safe_cast is both\nselect 1",
        "{# unnest(items) #}\nselect {{ star_except(['a']) }} from t",
        "{{ config(enabled=target.type == 'duckdb') }}\nselect try_cast(x as int)",
    ],
)
def test_portability_check_accepts_the_dispatched_macros(tmp_path: Path, sql: str) -> None:
    model = tmp_path / "model.sql"
    model.write_text(sql + "\n", encoding="utf-8")
    assert violations(model) == []


def test_parity_refuses_a_warehouse_without_marts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.duckdb"
    duckdb.connect(str(empty)).close()
    assert parity_main(["--db", str(empty), "--work", str(tmp_path), "--compare-only"]) == 1
    assert "has no marts tables to compare" in capsys.readouterr().err
    assert parity_main(["--db", str(tmp_path / "missing.duckdb"), "--compare-only"]) == 2
    assert "set WAREHOUSE_PATH" in capsys.readouterr().err
