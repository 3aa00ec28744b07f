{#- Reading JSON values the same way on every engine. On DuckDB a JSON value is of type JSON; on
    Spark it is a VARIANT (raw records are parsed once, when the raw tables are registered). -#}

{#- The text at a JSONPath ('$.a.b') of a JSON value: a string without its quotes, any other
    value as its JSON text; NULL when the path is missing or holds null. -#}
{% macro json_text_at(json_expression, path) -%}
    {{ return(adapter.dispatch('json_text_at')(json_expression, path)) }}
{%- endmacro %}

{% macro default__json_text_at(json_expression, path) -%}
    ({{ json_expression }} ->> '{{ path }}')
{%- endmacro %}

{% macro spark__json_text_at(json_expression, path) -%}
    {%- if path == '$' -%}
        {{ spark_variant_text(json_expression) }}
    {%- else -%}
        {{ spark_variant_text(
            "try_variant_get(" ~ json_expression ~ ", '" ~ spark_json_path(path) ~ "', 'variant')"
        ) }}
    {%- endif -%}
{%- endmacro %}


{#- Spark: a VARIANT's text as DuckDB's ->> '$' gives it. The VARIANT holds a number written
    '4.0' as the DECIMAL 4 and prints '4' where DuckDB prints '4.0': a whole DECIMAL in the
    BIGINT range gets its '.0' back. Still printed differently: exponent forms ('1.5E-7',
    DuckDB '1.5e-7'), -0.0, more than 15 significant digits (DuckDB rounds them to a double),
    and objects (keys sorted). -#}
{% macro spark_variant_text(value) -%}
    case
        when
            schema_of_variant({{ value }}) like 'DECIMAL%'
            and try_variant_get({{ value }}, '$', 'string') not like '%.%'
            and try_variant_get({{ value }}, '$', 'bigint') is not null
            then concat(try_variant_get({{ value }}, '$', 'string'), '.0')
        else try_variant_get({{ value }}, '$', 'string')
    end
{%- endmacro %}


{#- The JSON value at a JSONPath of a JSON value (still JSON); NULL when the path is missing. -#}
{% macro json_at(json_expression, path) -%}
    {{ return(adapter.dispatch('json_at')(json_expression, path)) }}
{%- endmacro %}

{% macro default__json_at(json_expression, path) -%}
    ({{ json_expression }} -> '{{ path }}')
{%- endmacro %}

{% macro spark__json_at(json_expression, path) -%}
    try_variant_get({{ json_expression }}, '{{ spark_json_path(path) }}', 'variant')
{%- endmacro %}


{#- Spark: a JSONPath with DuckDB's quoted keys ('$."a b".c') in the bracket form variant paths
    take ('$["a b"].c'). -#}
{% macro spark_json_path(path) -%}
    {{ return(modules.re.sub('\\."([^"]*)"', '["\\1"]', path)) }}
{%- endmacro %}


{#- The JSON type of a value, in DuckDB's words: 'OBJECT', 'ARRAY', 'VARCHAR', 'BOOLEAN',
    'UBIGINT' (a whole number from 0), 'BIGINT' (a negative one), 'DOUBLE' or 'NULL' (a JSON
    null); SQL NULL when the value is missing. -#}
{% macro json_type_of(json_expression) -%}
    {{ return(adapter.dispatch('json_type_of')(json_expression)) }}
{%- endmacro %}

{% macro default__json_type_of(json_expression) -%}
    json_type({{ json_expression }})
{%- endmacro %}

{% macro spark__json_type_of(json_expression) -%}
    case
        when schema_of_variant({{ json_expression }}) like 'OBJECT%' then 'OBJECT'
        when schema_of_variant({{ json_expression }}) like 'ARRAY%' then 'ARRAY'
        when schema_of_variant({{ json_expression }}) = 'STRING' then 'VARCHAR'
        when schema_of_variant({{ json_expression }}) = 'VOID' then 'NULL'
        when schema_of_variant({{ json_expression }}) = 'BOOLEAN' then 'BOOLEAN'
        when schema_of_variant({{ json_expression }}) in ('BIGINT', 'INT', 'SMALLINT', 'TINYINT')
            then case
                when try_variant_get({{ json_expression }}, '$', 'bigint') < 0 then 'BIGINT'
                else 'UBIGINT'
            end
        when {{ json_expression }} is not null then 'DOUBLE'
    end
{%- endmacro %}


{#- A JSON array as a list of its JSON items; NULL when the value is not an array. -#}
{% macro json_array_items(json_expression) -%}
    {{ return(adapter.dispatch('json_array_items')(json_expression)) }}
{%- endmacro %}

{% macro default__json_array_items(json_expression) -%}
    try_cast({{ json_expression }} as json[])
{%- endmacro %}

{% macro spark__json_array_items(json_expression) -%}
    try_variant_get({{ json_expression }}, '$', 'array<variant>')
{%- endmacro %}


{#- A JSON array as a list of texts (json_text_at '$' of each item); NULL when not an array. -#}
{% macro json_array_texts(json_expression) -%}
    {{ return(adapter.dispatch('json_array_texts')(json_expression)) }}
{%- endmacro %}

{% macro default__json_array_texts(json_expression) -%}
    json_transform({{ json_expression }}, '["VARCHAR"]')
{%- endmacro %}

{% macro spark__json_array_texts(json_expression) -%}
    try_variant_get({{ json_expression }}, '$', 'array<string>')
{%- endmacro %}


{#- The raw `record` as the text that was landed, where a raw table's columns are in scope (for
    digests of records without ids). DuckDB: the JSON column as text. Spark: the raw view's
    `_record_text` (register_raw_tables), since the VARIANT's own text has its keys sorted and
    its numbers re-printed. -#}
{% macro raw_record_text() -%}
    {{ return(adapter.dispatch('raw_record_text')()) }}
{%- endmacro %}

{% macro default__raw_record_text() -%}
    cast(record as varchar)
{%- endmacro %}

{% macro spark__raw_record_text() -%}
    _record_text
{%- endmacro %}


{#- A JSON value as JSON text. On Spark objects have their keys sorted (raw_record_text gives a
    raw record as landed). -#}
{% macro json_to_text(json_expression) -%}
    {{ return(adapter.dispatch('json_to_text')(json_expression)) }}
{%- endmacro %}

{% macro default__json_to_text(json_expression) -%}
    cast({{ json_expression }} as varchar)
{%- endmacro %}

{% macro spark__json_to_text(json_expression) -%}
    to_json({{ json_expression }})
{%- endmacro %}


{#- Text that may hold JSON, parsed; NULL when it is not JSON. -#}
{% macro try_parse_json_text(text_expression) -%}
    {{ return(adapter.dispatch('try_parse_json_text')(text_expression)) }}
{%- endmacro %}

{% macro default__try_parse_json_text(text_expression) -%}
    try_cast({{ text_expression }} as json)
{%- endmacro %}

{% macro spark__try_parse_json_text(text_expression) -%}
    try_parse_json({{ text_expression }})
{%- endmacro %}
