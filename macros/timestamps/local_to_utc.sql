{#- Local wall-clock timestamp text (no offset) as UTC, given the UTC offset it was local to, as
    text '+05:30' / '-04:00' (a raw table's _assumed_timezone). Text that carries its own offset
    or Z is converted by that instead. NULL when the text is not a timestamp. DuckDB-specific:
    staging only. -#}
{% macro local_to_utc(text_expression, offset_expression) -%}
    case
        when regexp_matches({{ text_expression }}, '(Z|[+-][0-9]{2}:?[0-9]{2})$')
            then {{ utc_timestamp(text_expression) }}
        else
            try_cast({{ text_expression }} as timestamp)
            - to_minutes(
                (case when left({{ offset_expression }}, 1) = '-' then -1 else 1 end)
                * (
                    cast(substr({{ offset_expression }}, 2, 2) as integer) * 60
                    + cast(substr({{ offset_expression }}, 5, 2) as integer)
                )
            )
    end
{%- endmacro %}
