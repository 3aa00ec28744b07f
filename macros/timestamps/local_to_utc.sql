{#- Local wall-clock timestamp text (no offset) as UTC, given the UTC offset it was local to, as
    text '+05:30' / '-04:00' (a raw table's _assumed_timezone). Text that carries its own offset
    or Z is converted by that instead. NULL when the text is not a timestamp. -#}
{% macro local_to_utc(text_expression, offset_expression) -%}
    {%- set offset_minutes -%}
        (case when left({{ offset_expression }}, 1) = '-' then -1 else 1 end)
        * (
            cast(substr({{ offset_expression }}, 2, 2) as integer) * 60
            + cast(substr({{ offset_expression }}, 5, 2) as integer)
        )
    {%- endset -%}
    case
        when {{ regexp_matches(text_expression, '(Z|[+-][0-9]{2}:?[0-9]{2})$') }}
            then {{ utc_timestamp(text_expression) }}
        else {{ adapter.dispatch('minus_minutes')(cast_or_null(text_expression, 'timestamp'), offset_minutes) }}
    end
{%- endmacro %}

{% macro default__minus_minutes(timestamp_expression, minutes_expression) -%}
    {{ timestamp_expression }} - to_minutes({{ minutes_expression }})
{%- endmacro %}

{% macro spark__minus_minutes(timestamp_expression, minutes_expression) -%}
    timestampadd(MINUTE, -({{ minutes_expression }}), {{ timestamp_expression }})
{%- endmacro %}
