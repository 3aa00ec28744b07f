{#- Seconds (DOUBLE), with millisecond precision, from one timestamp to a later one: the
    difference of their whole epoch milliseconds, as DuckDB's datediff('millisecond') counts. -#}
{% macro seconds_between(started_at, ended_at) -%}
    {{ return(adapter.dispatch('seconds_between')(started_at, ended_at)) }}
{%- endmacro %}

{% macro default__seconds_between(started_at, ended_at) -%}
    ({{ dbt.datediff(started_at, ended_at, 'millisecond') }} / 1000.0)
{%- endmacro %}

{% macro spark__seconds_between(started_at, ended_at) -%}
    (cast({{ dbt.datediff(started_at, ended_at, 'millisecond') }} as double) / 1000)
{%- endmacro %}
