"""The dispatched macros give the same values on DuckDB and on Spark, and the right ones.

One query applies each engine-specific macro (macros/cross_engine, macros/json, macros/timestamps,
and dbt's cross-database macros the project overrides for Spark) to the edge cases where the
engines were measured to differ: sub-second durations, numeric text with fractions, UTC offsets,
empty, absent and single-value lists, JSON numbers sent as text, ordering inside an aggregate.
It runs through `dbt show` on the DuckDB target and on the Spark target; every value must equal
the one worked out by hand below, on both.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

pytestmark = pytest.mark.spark

PROJECT = Path(__file__).resolve().parents[2]

DOCUMENT = (
    '{"id": 42, "score": "1.5", "count": 2.5, "countText": "2.5", "flag": "true",'
    ' "items": [{"name": "b", "n": "3"}, {"name": "a", "n": 1}], "single": {"name": "only"},'
    ' "empty": [], "ids": ["x", " y ", "", "x"], "oneId": "z", "nested": {"deep": {"v": "w"}},'
    ' "quoted": "[1, 2]", "blank": " ", "rating": 4.0, "score2": 1.50, "nothing": null}'
)
STRUCTURE = (
    '{"id": "VARCHAR", "score": "DOUBLE", "count": "BIGINT", "countText": "BIGINT",'
    ' "flag": "BOOLEAN", "items": [{"name": "VARCHAR", "n": "BIGINT"}],'
    ' "single": [{"name": "VARCHAR"}], "empty": [{"name": "VARCHAR"}],'
    ' "absent": [{"name": "VARCHAR"}], "nested": {"deep": {"v": "VARCHAR"}}, "ids": "JSON",'
    ' "oneId": "JSON", "quoted": "JSON", "rating": "VARCHAR", "nothing": "JSON"}'
)

# (name, Jinja expression over the columns of `inputs`, expected text on both engines; None
# for NULL)
CHECKS: list[tuple[str, str, str | None]] = [
    ("seconds_between_sub_second", "seconds_between('started_at', 'ended_at')", "1.5"),
    ("datediff_millisecond", "dbt.datediff('started_at', 'ended_at', 'millisecond')", "1500"),
    ("add_seconds_fraction", "add_seconds('started_at', '1.25')", "2024-03-10 10:00:01.25"),
    ("add_seconds_millisecond", "add_seconds('started_at', '0.001')", "2024-03-10 10:00:00.001"),
    ("add_seconds_infinite", "add_seconds('started_at', \"cast('inf' as double)\")", None),
    (
        "dateadd_millisecond",
        "dbt.dateadd('millisecond', 1500, 'started_at')",
        "2024-03-10 10:00:01.5",
    ),
    ("cast_or_null_fraction_text_bigint", "cast_or_null(\"'1.5'\", 'bigint')", "2"),
    ("cast_or_null_half_text_bigint", "cast_or_null(\"'2.5'\", 'bigint')", "3"),
    ("cast_or_null_padded_bigint", "cast_or_null(\"' 12 '\", 'bigint')", "12"),
    ("cast_or_null_garbage_bigint", "cast_or_null(\"'12x'\", 'bigint')", None),
    ("cast_or_null_text_double", "cast_or_null(\"'1.5'\", 'double')", "1.5"),
    ("cast_or_null_separated_double", "cast_or_null(\"'1_000.5'\", 'double')", "1000.5"),
    ("cast_or_null_java_suffix_double", "cast_or_null(\"'4d'\", 'double')", None),
    ("cast_or_null_plus_minus_double", "cast_or_null(\"' +-2.5 '\", 'double')", "-2.5"),
    ("cast_or_null_text_boolean", "cast_or_null(\"'t'\", 'boolean')", "true"),
    (
        "cast_or_null_timestamp_with_offset",
        "cast_or_null(\"'2024-03-10T10:00:00+05:30'\", 'timestamp')",
        "2024-03-10 10:00:00",
    ),
    (
        "utc_timestamp_offset",
        "utc_timestamp(\"'2024-03-10T10:00:00.250+05:30'\")",
        "2024-03-10 04:30:00.25",
    ),
    ("utc_timestamp_z", "utc_timestamp(\"'2024-03-10T10:00:00Z'\")", "2024-03-10 10:00:00"),
    ("utc_timestamp_no_offset", "utc_timestamp(\"'2024-03-10 10:00:00'\")", "2024-03-10 10:00:00"),
    ("utc_timestamp_garbage", "utc_timestamp(\"'not a time'\")", None),
    (
        "utc_timestamp_first_usable",
        "utc_timestamp([\"'garbage'\", \"'2024-03-10T01:00:00Z'\"])",
        "2024-03-10 01:00:00",
    ),
    (
        "local_to_utc_east",
        "local_to_utc(\"'2024-03-10 10:00:00'\", \"'+05:30'\")",
        "2024-03-10 04:30:00",
    ),
    (
        "local_to_utc_west",
        "local_to_utc(\"'2024-03-10 22:00:00'\", \"'-04:00'\")",
        "2024-03-11 02:00:00",
    ),
    (
        "local_to_utc_own_offset",
        "local_to_utc(\"'2024-03-10T10:00:00Z'\", \"'+05:30'\")",
        "2024-03-10 10:00:00",
    ),
    (
        "epoch_milliseconds_text",
        "epoch_milliseconds(\"'1700000000123'\")",
        "2023-11-14 22:13:20.123",
    ),
    ("epoch_milliseconds_out_of_range", "epoch_milliseconds(\"'99999999999999999'\")", None),
    ("duration_clock", "duration_seconds(\"'00:01:05'\")", "65.0"),
    ("duration_days_clock", "duration_seconds(\"'1 day 02:00:00'\")", "93600.0"),
    ("duration_iso", "duration_seconds(\"'PT1M5.5S'\")", "65.5"),
    ("duration_iso_days", "duration_seconds(\"'P1DT2H'\")", "93600.0"),
    ("duration_number_text", "duration_seconds(\"'1.5'\")", "1.5"),
    ("duration_garbage", "duration_seconds(\"'soon'\")", None),
    ("regexp_matches_anchored", "regexp_matches(\"'abc123'\", '^[a-z]+[0-9]+$')", "true"),
    ("regexp_matches_end_is_the_end", "regexp_matches(\"'12' || chr(10)\", '^[0-9]+$')", "false"),
    ("parsed_text_id", "'parsed_id'", "42"),
    ("parsed_double_from_text", "'parsed_score'", "1.5"),
    ("parsed_bigint_half_even", "'parsed_count'", "2"),
    ("parsed_bigint_text_half_up", "'parsed_count_text'", "3"),
    ("parsed_boolean_from_text", "'parsed_flag'", "true"),
    ("parsed_nested", "'parsed_nested'", "w"),
    ("list_length_items", "list_length('parsed_items')", "2"),
    ("list_length_single_value_list", "list_length('parsed_single')", "1"),
    ("list_length_empty", "list_length('parsed_empty')", "0"),
    ("list_length_absent", "list_length('parsed_absent')", None),
    ("list_filter_count", "list_length(list_filter('parsed_items', 'item', 'item.n > 1'))", "1"),
    ("list_min_names", "list_min('parsed_items', 'item', 'item.name')", "a"),
    ("list_element_last", "list_element(split_text(\"'a/b/c'\", '/'), -1)", "c"),
    ("list_element_first", "list_element(split_text(\"'a/b/c'\", '/'), 1)", "a"),
    ("list_element_missing", "list_element(split_text(\"'a'\", '/'), 3)", None),
    ("json_text_list_ids", "JOINED json_text_list('parsed_ids')", "x,y"),
    ("json_text_list_single", "JOINED json_text_list('parsed_one_id')", "z"),
    ("json_type_object", "json_type_of(json_at('document', '$.nested'))", "OBJECT"),
    ("json_type_array", "json_type_of(json_at('document', '$.items'))", "ARRAY"),
    ("json_type_text", "json_type_of(json_at('document', '$.oneId'))", "VARCHAR"),
    ("json_text_at_nested", "json_text_at('document', '$.nested.deep.v')", "w"),
    ("json_text_at_whole_decimal", "json_text_at('document', '$.rating')", "4.0"),
    ("json_text_at_decimal", "json_text_at('document', '$.score2')", "1.5"),
    ("parsed_text_from_whole_decimal", "'parsed_rating'", "4.0"),
    ("parsed_json_null_is_null", "'parsed_nothing'", None),
    ("json_type_whole_number", "json_type_of(json_at('document', '$.id'))", "UBIGINT"),
    ("json_text_blank", "json_text('document', ['blank', 'oneId'])", "z"),
    ("json_object_value_parses_text", "json_type_of(json_object_value('parsed_quoted'))", "ARRAY"),
    (
        "json_object_value_keeps_text",
        "json_type_of(json_object_value(json_at('document', '$.oneId')))",
        "VARCHAR",
    ),
    ("listagg_ordered", "'ordered_names'", "c,b,a"),
    (
        "customer_identifier_phone",
        "customer_identifier([\"'+1 (555) 010-0199'\"])",
        "phone:15550100199",
    ),
    (
        "customer_identifier_email",
        "customer_identifier([\"' Ana@Example.com'\"])",
        "email:ana@example.com",
    ),
    (
        "customer_key_phone",
        "customer_key(customer_identifier([\"'+1 (555) 010-0199'\"]))",
        "SALTED phone:15550100199",
    ),
]


def _sql(expression: str) -> str:
    """The Jinja of one check; `JOINED <list>` joins a list's items with commas."""
    if expression.startswith("JOINED "):
        listed = expression.removeprefix("JOINED ")
        return (
            "{% if target.type == 'spark' %}array_join({{ " + listed + " }}, ',')"
            "{% else %}array_to_string({{ " + listed + " }}, ','){% endif %}"
        )
    return "{{ " + expression + " }}"


def inline_query() -> str:
    columns = ",\n".join(
        f"    cast({_sql(expression)} as {{{{ dbt.type_string() }}}}) as {name}"
        for name, expression, _ in CHECKS
    )
    document = DOCUMENT.replace("'", "''")
    return f"""
with texts as (
    select '{document}' as document_text
),
inputs as (
    select
        cast('2024-03-10 10:00:00' as timestamp) as started_at,
        cast('2024-03-10 10:00:01.5' as timestamp) as ended_at,
        {{{{ try_parse_json_text('document_text') }}}} as document
    from texts
),
parsed as (
    select *, {{{{ parse_json_struct('document', fromjson('{STRUCTURE}'),
        single_value_lists=['single']) }}}} as doc
    from inputs
),
flat as (
    select
        *,
        doc.id as parsed_id, doc.score as parsed_score, doc.count as parsed_count,
        doc.countText as parsed_count_text, doc.flag as parsed_flag,
        doc.nested.deep.v as parsed_nested, doc.items as parsed_items,
        doc.single as parsed_single, doc.empty as parsed_empty, doc.absent as parsed_absent,
        doc.ids as parsed_ids, doc.oneId as parsed_one_id, doc.quoted as parsed_quoted,
        doc.rating as parsed_rating, doc.nothing as parsed_nothing,
        (
            select {{{{ dbt.listagg('name', "','", 'order by position desc') }}}}
            from (
                select 1 as position, 'a' as name union all select 3, 'c' union all select 2, 'b'
            ) as names
        ) as ordered_names
    from parsed
)
select
{columns}
from flat
"""


def show(target: str, query: str, tmp_path: Path) -> dict[str, str | None]:
    """The one row `query` gives on `target`, every value as text."""
    from dbt.cli.main import dbtRunner

    os.environ.setdefault("DBT_PROFILES_DIR", str(PROJECT))
    os.environ["WAREHOUSE_PATH"] = ":memory:"
    os.environ["CCW_SPARK_WAREHOUSE"] = str(tmp_path / "spark-warehouse")
    os.environ["CCW_SPARK_RAW"] = str(tmp_path / "raw")
    result = dbtRunner().invoke(
        [
            "show",
            "--inline",
            query,
            "--target",
            target,
            "--project-dir",
            str(PROJECT),
            "--target-path",
            str(tmp_path / f"target-{target}"),
            "--log-path",
            str(tmp_path / "logs"),
            "--limit",
            "1",
            "--quiet",
        ]
    )
    assert result.success, f"dbt show on {target} failed: {result.exception}"
    table = result.result.results[0].agate_table
    row = table.rows[0]
    return {name: (None if row[name] is None else str(row[name])) for name in table.column_names}


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, str | None]]:
    tmp_path = tmp_path_factory.mktemp("macro_parity")
    query = inline_query()
    return {target: show(target, query, tmp_path) for target in ("dev", "spark")}


@pytest.mark.parametrize(("name", "expected"), [(name, expected) for name, _, expected in CHECKS])
def test_macro_gives_the_expected_value_on_both_engines(
    results: dict[str, dict[str, str | None]], name: str, expected: str | None
) -> None:
    if expected is not None and expected.startswith("SALTED "):
        # customer_key: SHA-256 of the environment's salt, '|' and the identifier
        salted = f"{os.environ['CCW_CUSTOMER_KEY_SALT']}|{expected.removeprefix('SALTED ')}"
        expected = hashlib.sha256(salted.encode()).hexdigest()
    assert results["dev"][name] == expected, f"DuckDB: {name}"
    assert results["spark"][name] == expected, f"Spark: {name}"
