{#- A duration as seconds (DOUBLE), from the forms exports use: a number or numeric text
    (seconds), a clock duration ('00:01:05', '1 day 02:00:00'), or an ISO 8601 / OData
    Edm.Duration ('PT1M5S', 'P1DT2H'). NULL when the text is none of these, never an error. -#}
{% macro duration_seconds(text_expression) -%}
    {%- set iso_part = "coalesce(" ~ cast_or_null("regexp_extract(" ~ text_expression ~ ", '{}', 1)", 'double') ~ ", 0)" -%}
    coalesce(
        {{ cast_or_null(text_expression, 'double') }},
        {{ adapter.dispatch('clock_duration_seconds')(text_expression) }},
        case
            when
                {{ regexp_matches(
                    text_expression,
                    '^-?P(?:[0-9.]+D)?(?:T(?:[0-9.]+H)?(?:[0-9.]+M)?(?:[0-9.]+S)?)?$'
                ) }}
                and {{ text_expression }} not in ('P', 'PT', '-P', '-PT')
                then
                    (case when left({{ text_expression }}, 1) = '-' then -1 else 1 end) * (
                        {{ iso_part.replace('{}', '([0-9.]+)D') }} * 86400
                        + {{ iso_part.replace('{}', 'T(?:.*?)([0-9.]+)H') }} * 3600
                        + {{ iso_part.replace('{}', 'T(?:.*?)([0-9.]+)M') }} * 60
                        + {{ iso_part.replace('{}', 'T(?:.*?)([0-9.]+)S') }}
                    )
        end
    )
{%- endmacro %}

{#- Clock durations: DuckDB reads them as INTERVALs (which also takes '5 minutes'); Spark reads
    '[-][D day[s] ]HH:MM[:SS[.fff]]' by pattern. -#}
{% macro default__clock_duration_seconds(text_expression) -%}
    epoch(try_cast({{ text_expression }} as interval))
{%- endmacro %}

{% macro spark__clock_duration_seconds(text_expression) -%}
    {%- set pattern = '^(-?)(?:([0-9]+) days? )?([0-9]+):([0-9]{2})(?::([0-9]{2}(?:[.][0-9]+)?))?$' -%}
    case
        when {{ text_expression }} rlike '{{ pattern }}'
            then (case when regexp_extract({{ text_expression }}, '{{ pattern }}', 1) = '-' then -1 else 1 end) * (
                coalesce(cast(nullif(regexp_extract({{ text_expression }}, '{{ pattern }}', 2), '') as double), 0) * 86400
                + cast(regexp_extract({{ text_expression }}, '{{ pattern }}', 3) as double) * 3600
                + cast(regexp_extract({{ text_expression }}, '{{ pattern }}', 4) as double) * 60
                + coalesce(cast(nullif(regexp_extract({{ text_expression }}, '{{ pattern }}', 5), '') as double), 0)
            )
    end
{%- endmacro %}
