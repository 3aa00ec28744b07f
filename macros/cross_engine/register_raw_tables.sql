{#- on-run-start, Spark only: the raw bridge. `ccw export-raw --to DIR` wrote each raw table of
    the DuckDB warehouse to DIR/<table>/ as Parquet; the `spark` profile names DIR in the session
    conf spark.ccw.raw_path. Each declared source table becomes the view raw.<table> over its
    folder, with `record` parsed once into a VARIANT (the JSON type staging reads on DuckDB) and
    the landed text kept as `_record_text` (raw_record_text).
    A missing folder stops the run (Spark's PATH_NOT_FOUND names it; `make spark-parity` checks
    first). Nothing on DuckDB, where the loader lands the raw tables directly. -#}
{% macro register_raw_tables() -%}
    {{ return(adapter.dispatch('register_raw_tables')()) }}
{%- endmacro %}

{% macro default__register_raw_tables() -%}
{%- endmacro %}

{% macro spark__register_raw_tables() -%}
    {%- if execute and flags.WHICH in ('build', 'run', 'test', 'seed', 'compile', 'show') -%}
        {%- set raw_path = run_query("select '${spark.ccw.raw_path}'").columns[0].values()[0] -%}
        {%- set identifiers = [] -%}
        {%- for source in graph.sources.values() if source.schema == 'raw' -%}
            {%- do identifiers.append(source.identifier) -%}
        {%- endfor -%}
        {%- do run_query('create database if not exists raw') -%}
        {%- for identifier in identifiers | unique | sort -%}
            {%- set folder = raw_path ~ '/' ~ identifier -%}
            {%- do run_query(
                'create or replace view raw.' ~ identifier ~ ' as select try_parse_json(record)'
                ~ ' as record, * except (record), record as _record_text'
                ~ ' from parquet.`' ~ folder ~ '`'
            ) -%}
        {%- endfor -%}
    {%- endif -%}
{%- endmacro %}
