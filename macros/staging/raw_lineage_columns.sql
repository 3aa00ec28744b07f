{#- The raw landing columns every staging model carries forward, renamed: where and when the kept
    record was landed. Used inside a staging select that reads a raw source. -#}
{% macro raw_lineage_columns() -%}
        _loaded_at as loaded_at,
        _file_path as loaded_from_file_path,
        _record_index as loaded_from_record_index,
        _batch_id as load_batch_id
{%- endmacro %}
