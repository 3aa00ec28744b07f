{#- The rows of a raw table that are not quarantined: for staging models that read a raw source
    directly (Buzzeasy's flat records), the records `quarantine` lists for `raw_table` left out.
    The caller passes both relations, so its refs stay visible in the model. -#}
{% macro unquarantined(raw_relation, quarantine, raw_table) -%}
    select raw_records.*
    from {{ raw_relation }} as raw_records
    where not exists (
        select 1
        from {{ quarantine }} as quarantined
        where
            quarantined.raw_table = '{{ raw_table }}'
            and quarantined.file_sha256 = raw_records._file_sha256
            and quarantined.record_index = raw_records._record_index
    )
{%- endmacro %}
