{#- The rows a vendor's base model keeps with a quarantine_reason, in the columns of
    staging.quarantined_records: the body of stg_<source_system>__quarantined_records for a vendor
    whose base model decides. The caller passes the base model, so its ref stays in the model. -#}
{% macro quarantined_base_rows(source_system, raw_table, base) -%}
    select
        '{{ source_system }}' as source_system,
        {{ raw_table }} as raw_table,
        loaded_from_file_path as file_path,
        loaded_from_record_index as record_index,
        loaded_from_file_sha256 as file_sha256,
        load_batch_id as batch_id,
        loaded_at,
        record_id,
        quarantine_reason as reason
    from {{ base }}
    where quarantine_reason is not null
{%- endmacro %}
