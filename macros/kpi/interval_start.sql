{#- The start of the reporting interval (var kpi_interval_minutes: 15, 30 or 60) a UTC timestamp
    falls in: the hour, plus the whole intervals its minutes have passed. -#}
{% macro interval_start(timestamp_expression) -%}
    {%- set minutes = kpi_interval_minutes() -%}
    {{ dbt.dateadd(
        'minute',
        'cast(floor(extract(minute from ' ~ timestamp_expression ~ ') / ' ~ minutes ~ ') * '
            ~ minutes ~ ' as integer)',
        dbt.date_trunc('hour', timestamp_expression)
    ) }}
{%- endmacro %}


{#- var kpi_interval_minutes, checked: the interval lengths that divide an hour evenly and that
    workforce management reports use. -#}
{% macro kpi_interval_minutes() -%}
    {%- set minutes = var('kpi_interval_minutes') | int -%}
    {%- if minutes not in [15, 30, 60] -%}
        {{ exceptions.raise_compiler_error(
            "var kpi_interval_minutes is " ~ var('kpi_interval_minutes')
            ~ ": give 15, 30 or 60 (minutes that divide an hour)"
        ) }}
    {%- endif -%}
    {{ return(minutes) }}
{%- endmacro %}
