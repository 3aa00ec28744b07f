{#- A value converted to `type` ('bigint', 'integer', 'double', 'boolean', 'timestamp', 'date'
    or 'varchar') as DuckDB's try_cast converts it, on every engine; NULL when it cannot be
    converted, never an error. (Not named safe_cast: dbt's own safe_cast casts unit-test
    fixtures, and a project macro of that name would replace it.) On Spark: numeric text with a
    fraction becomes a whole number rounded half away from zero (Spark's try_cast would give
    NULL, its cast truncates); text becomes a DOUBLE only when it is a number in DuckDB's syntax
    (Java's also takes '4d' and '0x1p3', and refuses '1_000', '+-1' and '-nan'); a timestamp's
    trailing offset or Z is dropped rather than applied (utc_timestamp applies it). -#}
{% macro cast_or_null(expression, type) -%}
    {{ return(adapter.dispatch('cast_or_null_to')(expression, type)) }}
{%- endmacro %}

{% macro default__cast_or_null_to(expression, type) -%}
    try_cast({{ expression }} as {{ type }})
{%- endmacro %}

{% macro spark__cast_or_null_to(expression, type) -%}
    {%- set type = type | lower -%}
    {%- if type in ('bigint', 'integer', 'int') -%}
        try_cast(round(try_cast({{ expression }} as decimal(38, 9))) as {{ type }})
    {%- elif type == 'timestamp' -%}
        try_cast(
            regexp_replace(cast({{ expression }} as string), '(Z|[+-][0-9]{2}:?[0-9]{2})$', '')
            as timestamp
        )
    {%- elif type == 'varchar' -%}
        cast({{ expression }} as string)
    {%- elif type == 'double' -%}
        {{ spark_text_to_double(expression) }}
    {%- else -%}
        try_cast({{ expression }} as {{ type }})
    {%- endif -%}
{%- endmacro %}


{#- Spark: text as a DOUBLE as DuckDB reads it. The text must match DuckDB's number syntax:
    whitespace, an optional sign ('+', '-' or '+-', which is minus), digits (single underscores
    between digits) with an optional fraction and exponent, or inf, infinity or nan in any case,
    then whitespace; the number is rebuilt from its parts before Spark casts it. -#}
{% macro spark_text_to_double(expression) -%}
    {%- set text = 'cast(' ~ expression ~ ' as string)' -%}
    {%- set digits = '[0-9]+(?:_[0-9]+)*' -%}
    {%- set pattern = (
        '^\\\\s*(\\\\+-|[+-])?((?:' ~ digits ~ '(?:[.](?:' ~ digits ~ ')?)?|[.]' ~ digits ~ ')'
        ~ '(?:[eE][+-]?' ~ digits ~ ')?|(?i:inf|infinity|nan))\\\\s*$'
    ) -%}
    case
        when {{ text }} rlike '{{ pattern }}'
            then
                (case when regexp_extract({{ text }}, '{{ pattern }}', 1) in ('-', '+-') then -1 else 1 end)
                * case lower(regexp_extract({{ text }}, '{{ pattern }}', 2))
                    when 'nan' then cast('NaN' as double)
                    when 'inf' then cast('Infinity' as double)
                    when 'infinity' then cast('Infinity' as double)
                    else cast(replace(regexp_extract({{ text }}, '{{ pattern }}', 2), '_', '') as double)
                end
    end
{%- endmacro %}


{#- Text with every match of a regular expression replaced (DuckDB replaces only the first
    without its 'g' flag; Spark replaces all). -#}
{% macro regexp_replace_all(text_expression, pattern, replacement) -%}
    {{ return(adapter.dispatch('regexp_replace_all')(text_expression, pattern, replacement)) }}
{%- endmacro %}

{% macro default__regexp_replace_all(text_expression, pattern, replacement) -%}
    regexp_replace({{ text_expression }}, '{{ pattern }}', '{{ replacement }}', 'g')
{%- endmacro %}

{% macro spark__regexp_replace_all(text_expression, pattern, replacement) -%}
    regexp_replace({{ text_expression }}, '{{ pattern }}', '{{ replacement }}')
{%- endmacro %}


{#- Whether text contains a match of a regular expression (anchor it with ^ and $ for a whole
    match); NULL for NULL text. -#}
{% macro regexp_matches(text_expression, pattern) -%}
    {{ return(adapter.dispatch('regexp_matches')(text_expression, pattern)) }}
{%- endmacro %}

{% macro default__regexp_matches(text_expression, pattern) -%}
    regexp_matches({{ text_expression }}, '{{ pattern }}')
{%- endmacro %}

{#- Spark: Java's `$` also matches before a final line break, DuckDB's does not; a pattern's
    closing `$` becomes `\z` (the very end). -#}
{% macro spark__regexp_matches(text_expression, pattern) -%}
    {%- if pattern.endswith('$') and not pattern.endswith('\\$') -%}
        {%- set pattern = pattern[:-1] ~ '\\\\z' -%}
    {%- endif -%}
    ({{ text_expression }} rlike '{{ pattern }}')
{%- endmacro %}
