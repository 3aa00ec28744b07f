{#- A duration as seconds (DOUBLE), from the forms exports use: a number or numeric text
    (seconds), a clock duration ('00:01:05', '1 day 02:00:00'), or an ISO 8601 / OData
    Edm.Duration ('PT1M5S', 'P1DT2H'). NULL when the text is none of these, never an error.
    DuckDB-specific: staging only. -#}
{% macro duration_seconds(text_expression) -%}
    {%- set iso_part = "coalesce(try_cast(regexp_extract(" ~ text_expression ~ ", '{}', 1) as double), 0)" -%}
    coalesce(
        try_cast({{ text_expression }} as double),
        epoch(try_cast({{ text_expression }} as interval)),
        case
            when
                regexp_full_match(
                    {{ text_expression }},
                    '-?P(?:[0-9.]+D)?(?:T(?:[0-9.]+H)?(?:[0-9.]+M)?(?:[0-9.]+S)?)?'
                )
                and {{ text_expression }} not in ('P', 'PT', '-P', '-PT')
                then
                    (case when starts_with({{ text_expression }}, '-') then -1 else 1 end) * (
                        {{ iso_part.replace('{}', '([0-9.]+)D') }} * 86400
                        + {{ iso_part.replace('{}', 'T(?:.*?)([0-9.]+)H') }} * 3600
                        + {{ iso_part.replace('{}', 'T(?:.*?)([0-9.]+)M') }} * 60
                        + {{ iso_part.replace('{}', 'T(?:.*?)([0-9.]+)S') }}
                    )
        end
    )
{%- endmacro %}
