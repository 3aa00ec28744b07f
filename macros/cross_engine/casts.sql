{#- A value converted to `type` ('bigint', 'integer', 'double', 'boolean', 'timestamp', 'date'
    or 'varchar') as DuckDB's try_cast converts it, on every engine; NULL when it cannot be
    converted, never an error. On Spark: numeric text with a fraction becomes a whole number
    rounded half away from zero (Spark's try_cast would give NULL, its cast truncates), and a
    timestamp's trailing offset or Z is dropped rather than applied (utc_timestamp applies it). -#}
{% macro safe_cast(expression, type) -%}
    {{ return(adapter.dispatch('safe_cast_to')(expression, type | lower)) }}
{%- endmacro %}

{% macro default__safe_cast_to(expression, type) -%}
    try_cast({{ expression }} as {{ type }})
{%- endmacro %}

{% macro spark__safe_cast_to(expression, type) -%}
    {%- if type in ('bigint', 'integer', 'int') -%}
        try_cast(round(try_cast({{ expression }} as decimal(38, 9))) as {{ type }})
    {%- elif type == 'timestamp' -%}
        try_cast(
            regexp_replace(cast({{ expression }} as string), '(Z|[+-][0-9]{2}:?[0-9]{2})$', '')
            as timestamp
        )
    {%- elif type == 'varchar' -%}
        cast({{ expression }} as string)
    {%- else -%}
        try_cast({{ expression }} as {{ type }})
    {%- endif -%}
{%- endmacro %}


{#- Whether text contains a match of a regular expression (anchor it with ^ and $ for a whole
    match); NULL for NULL text. -#}
{% macro regexp_matches(text_expression, pattern) -%}
    {{ return(adapter.dispatch('regexp_matches')(text_expression, pattern)) }}
{%- endmacro %}

{% macro default__regexp_matches(text_expression, pattern) -%}
    regexp_matches({{ text_expression }}, '{{ pattern }}')
{%- endmacro %}

{% macro spark__regexp_matches(text_expression, pattern) -%}
    ({{ text_expression }} rlike '{{ pattern }}')
{%- endmacro %}
