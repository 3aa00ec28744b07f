{#- A JSON document parsed once into a typed STRUCT, from one structure definition (a dict of key
    to type: 'VARCHAR', 'DOUBLE', 'BIGINT', 'BOOLEAN', 'JSON', a nested dict, or a one-item list
    for a list of that type), the form DuckDB's json_transform takes. Keys missing from the
    document, or holding a value that is not of their type, become NULL; nothing raises.
    `single_value_lists`: top-level keys whose list may arrive as a single value (one object
    instead of a list of one); they are read as lists either way.

    DuckDB: json_transform. Spark: the document is a VARIANT (raw records are parsed once when
    registered, macros/cross_engine/register_raw_tables.sql) and every leaf is read with
    try_variant_get, converted the way json_transform converts it (numbers to BIGINT rounded
    half to even, numeric text half away from zero, numbers to text as spark_variant_text);
    'JSON' leaves stay VARIANT, a JSON null in one becomes NULL as on DuckDB. -#}
{% macro parse_json_struct(json_expression, structure, single_value_lists=[]) -%}
    {{ return(adapter.dispatch('parse_json_struct')(json_expression, structure, single_value_lists)) }}
{%- endmacro %}

{% macro default__parse_json_struct(json_expression, structure, single_value_lists=[]) -%}
    {%- if single_value_lists -%}
        {%- set json_expression = json_with_lists(json_expression, single_value_lists) -%}
    {%- endif -%}
    json_transform({{ json_expression }}, '{{ tojson(structure) }}')
{%- endmacro %}

{% macro spark__parse_json_struct(json_expression, structure, single_value_lists=[]) -%}
    {{ spark_variant_as(json_expression, structure, 0, single_value_lists) }}
{%- endmacro %}


{#- Spark: the VARIANT `value` read as `shape` (a structure as above). `depth` names the lambda
    variables of nested lists apart. -#}
{% macro spark_variant_as(value, shape, depth=0, single_value_lists=[]) -%}
    {%- if shape is mapping -%}
        case when schema_of_variant({{ value }}) like 'OBJECT%' then named_struct(
        {%- for key, inner in shape.items() %}
            '{{ key }}',
            {%- set member = "try_variant_get(" ~ value ~ ", '$[\"" ~ key ~ "\"]', 'variant')" %}
            {%- if key in single_value_lists and inner is sequence and inner is not string %}
            {%- set member = spark_variant_list(member) %}
            {%- endif %}
            {{ spark_variant_as(member, inner, depth) }}
            {%- if not loop.last %},{% endif %}
        {%- endfor %}
        ) end
    {%- elif shape is sequence and shape is not string -%}
        {%- set item = 'item_' ~ depth -%}
        transform(
            try_variant_get({{ value }}, '$', 'array<variant>'),
            {{ item }} -> {{ spark_variant_as(item, shape[0], depth + 1) }}
        )
    {%- elif shape == 'JSON' -%}
        case when schema_of_variant({{ value }}) <> 'VOID' then {{ value }} end
    {%- elif shape in ('BIGINT', 'INTEGER') -%}
        case
            when schema_of_variant({{ value }}) = 'STRING'
                then try_cast(round(try_variant_get({{ value }}, '$', 'decimal(38,9)')) as bigint)
            else try_cast(bround(try_variant_get({{ value }}, '$', 'decimal(38,9)')) as bigint)
        end
    {%- elif shape == 'VARCHAR' -%}
        {{ spark_variant_text(value) }}
    {%- else -%}
        try_variant_get({{ value }}, '$', '{{ {"DOUBLE": "double", "BOOLEAN": "boolean"}[shape] }}')
    {%- endif -%}
{%- endmacro %}


{#- Spark: a VARIANT as a VARIANT array: an array stays, a single value becomes a list of one,
    a missing or JSON null value stays NULL. -#}
{% macro spark_variant_list(value) -%}
    case
        when schema_of_variant({{ value }}) like 'ARRAY%' then {{ value }}
        when schema_of_variant({{ value }}) <> 'VOID'
            then try_parse_json(concat('[', to_json({{ value }}), ']'))
    end
{%- endmacro %}
