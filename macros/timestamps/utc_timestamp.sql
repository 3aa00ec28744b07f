{#- Vendor timestamp text with a UTC offset or Z suffix (ISO 8601) as a UTC TIMESTAMP. Given a
    list of expressions, the first that is a timestamp wins (a blank or garbled first candidate
    does not hide a good second one). Text that is not a timestamp becomes NULL, never an error.
    DuckDB-specific: used in staging only. -#}
{% macro utc_timestamp(text_expression) -%}
    {%- if text_expression is string -%}
        timezone('UTC', try_cast({{ text_expression }} as timestamptz))
    {%- else -%}
        coalesce(
            {%- for candidate in text_expression %}
            timezone('UTC', try_cast({{ candidate }} as timestamptz))
            {%- if not loop.last %},{% endif %}
            {%- endfor %}
        )
    {%- endif -%}
{%- endmacro %}
