{#- Epoch milliseconds (a number, or its text) as a UTC TIMESTAMP, for vendors that send times
    that way (NICE transcript block metadata, CxEngage transcript messages). NULL when the value
    is not a number or lies outside the timestamp range, never an error. DuckDB-specific:
    staging only. -#}
{% macro epoch_milliseconds(number_expression) -%}
    try(make_timestamp(try_cast({{ number_expression }} as bigint) * 1000))
{%- endmacro %}
