{#- A JSON value that may arrive as an object or as its JSON text (free-form blocks an automation
    fills, such as Kore's metaInfo): text holding a JSON object or array is parsed, any other
    value is returned as it is. Never raises on text that is not JSON. -#}
{% macro json_object_value(json_expression) -%}
    {%- set parsed = try_parse_json_text(json_text_at(json_expression, '$')) -%}
    case
        when
            {{ json_type_of(json_expression) }} = 'VARCHAR'
            and {{ json_type_of(parsed) }} in ('OBJECT', 'ARRAY')
            then {{ parsed }}
        else {{ json_expression }}
    end
{%- endmacro %}
