{#- The rows of a raw table that are not quarantined: for staging models that read a raw source
    directly (Buzzeasy's flat records), the records `quarantine` lists with a reason for
    `raw_table` left out. `quarantine` is staging.quarantined_records or a vendor's record checks
    (a row per raw record, reason NULL when it passed). The caller passes both relations, so its
    refs stay visible in the model. With `since_last_build`, an incremental build reads only the
    rows loaded after the newest load time the model holds. -#}
{% macro unquarantined(raw_relation, quarantine, raw_table, since_last_build=false) -%}
    select raw_records.*
    from {{ raw_relation }} as raw_records
    where
        not exists (
            select 1
            from {{ quarantine }} as quarantined
            where
                quarantined.raw_table = '{{ raw_table }}'
                and quarantined.file_sha256 = raw_records._file_sha256
                and quarantined.record_index = raw_records._record_index
                and quarantined.reason is not null
        )
        {%- if since_last_build %}
        and {{ loaded_since_last_build('raw_records._loaded_at') }}
        {%- endif %}
{%- endmacro %}
