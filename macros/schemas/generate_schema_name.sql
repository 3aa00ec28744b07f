{#- Schemas are exactly the layer names (raw, staging, intermediate, marts), not dbt's default
    <target schema>_<custom schema>, so analysts and BI tools see marts.fct_segments. -#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}
        {{ target.schema }}
    {%- else -%}
        {{ custom_schema_name | trim }}
    {%- endif -%}
{%- endmacro %}
