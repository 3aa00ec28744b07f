{#- A timestamp plus a number of seconds (millisecond precision), for times the vendors give as a
    start and a duration. NULL when either is NULL, or when the seconds are not a usable number
    (infinite, or so large the result leaves the timestamp range), rather than an error that
    would stop the build for every record. -#}
{% macro add_seconds(timestamp_expression, seconds_expression) -%}
    {{ return(adapter.dispatch('add_seconds')(timestamp_expression, seconds_expression)) }}
{%- endmacro %}

{% macro default__add_seconds(timestamp_expression, seconds_expression) -%}
    {{ dbt.dateadd(
        'millisecond',
        'cast(round(' ~ seconds_expression ~ ' * 1000) as bigint)',
        timestamp_expression
    ) }}
{%- endmacro %}

{% macro duckdb__add_seconds(timestamp_expression, seconds_expression) -%}
    try(
        {{ timestamp_expression }}
        + to_milliseconds(try_cast(round({{ seconds_expression }} * 1000) as bigint))
    )
{%- endmacro %}

{% macro spark__add_seconds(timestamp_expression, seconds_expression) -%}
    case
        when abs({{ seconds_expression }}) < 100000000000
            then {{ dbt.dateadd(
                'millisecond',
                'cast(round(' ~ seconds_expression ~ ' * 1000) as bigint)',
                timestamp_expression
            ) }}
    end
{%- endmacro %}
