{#- A mart key: deterministic text hash of the source system and the vendor's own id.
    NULL when the vendor id is NULL, so a missing reference stays missing. -#}
{% macro surrogate_key(source_system, vendor_id) -%}
    {{ dbt.hash(dbt.concat([source_system, "'|'", "cast(" ~ vendor_id ~ " as " ~ dbt.type_string() ~ ")"])) }}
{%- endmacro %}
