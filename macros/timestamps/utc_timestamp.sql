{#- Vendor timestamp text with a UTC offset or Z suffix (ISO 8601) as a UTC TIMESTAMP. Given a
    list of expressions, the first that is a timestamp wins (a blank or garbled first candidate
    does not hide a good second one). Text that is not a timestamp becomes NULL, never an error.
    Text without an offset is read as UTC (both targets run their sessions in UTC). -#}
{% macro utc_timestamp(text_expression) -%}
    {%- if text_expression is string -%}
        {{ adapter.dispatch('text_to_utc_timestamp')(text_expression) }}
    {%- else -%}
        coalesce(
            {%- for candidate in text_expression %}
            {{ adapter.dispatch('text_to_utc_timestamp')(candidate) }}
            {%- if not loop.last %},{% endif %}
            {%- endfor %}
        )
    {%- endif -%}
{%- endmacro %}

{% macro default__text_to_utc_timestamp(text_expression) -%}
    timezone('UTC', try_cast({{ text_expression }} as timestamptz))
{%- endmacro %}

{% macro spark__text_to_utc_timestamp(text_expression) -%}
    try_cast({{ text_expression }} as timestamp)
{%- endmacro %}
