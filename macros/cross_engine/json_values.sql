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
    try_variant_get({{ json_expression }}, '{{ spark_json_path(path) }}', 'string')
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
    'BIGINT', 'DOUBLE' or 'NULL' (a JSON null); SQL NULL when the value is missing. -#}
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
            then 'BIGINT'
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


{#- A JSON value as JSON text (for digests of whole records). -#}
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
