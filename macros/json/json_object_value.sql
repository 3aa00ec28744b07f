{#- A JSON value that may arrive as an object or as its JSON text (free-form blocks an automation
    fills, such as Kore's metaInfo): text holding a JSON object or array is parsed, any other
    value is returned as it is. Never raises on text that is not JSON. -#}
{% macro json_object_value(json_expression) -%}
    case
        when
            json_type({{ json_expression }}) = 'VARCHAR'
            and json_type(try_cast({{ json_expression }} ->> '$' as json)) in ('OBJECT', 'ARRAY')
            then try_cast({{ json_expression }} ->> '$' as json)
        else {{ json_expression }}
    end
{%- endmacro %}
