{#- Vendor timestamp text with a UTC offset or Z suffix (ISO 8601) as a UTC TIMESTAMP.
    Text that is not a timestamp becomes NULL (staging tests flag it). DuckDB-specific:
    used in staging only. -#}
{% macro utc_timestamp(text_expression) -%}
    timezone('UTC', try_cast({{ text_expression }} as timestamptz))
{%- endmacro %}
