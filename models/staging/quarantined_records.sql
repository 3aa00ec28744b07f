-- Every raw record the staging layer could not stage, with the reason, one row per record: it is
-- in no other staging model and in no mart, and every other record (and every other vendor)
-- builds. Each vendor decides in the first model that reads its raw records (its base_ model,
-- or for Buzzeasy stg_buzzeasy__quarantined_records). Together with staging this accounts for
-- every raw record: it reaches staging or is listed here.

{#- The vendors whose base_ model keeps quarantined rows: source system, base model, the raw
    table's name (SQL), the record's own id column. -#}
{% set base_models = [
    ('cxengage', 'base_cxengage__interactions', "'cxengage__interactions'", 'interaction_id'),
    ('nice_cxone', 'base_nice_cxone__segments', "'nice_cxone__segments'", 'record_id'),
    (
        'ccai_platform', 'base_ccai_platform__sessions',
        "'ccai_platform__' || session_kind || 's'", 'record_id'
    ),
    (
        'kore_smartassist', 'base_kore_smartassist__sessions',
        "'kore_smartassist__sessions'", 'session_id'
    ),
] %}

with

unioned as (

    {% for source_system, model, raw_table, record_id in base_models %}
        select
            '{{ source_system }}' as source_system,
            {{ raw_table }} as raw_table,
            loaded_from_file_path as file_path,
            loaded_from_record_index as record_index,
            loaded_from_file_sha256 as file_sha256,
            load_batch_id as batch_id,
            loaded_at,
            {{ record_id }} as record_id,
            quarantine_reason as reason
        from {{ ref(model) }}
        where quarantine_reason is not null
        union all
    {% endfor %}
    select
        source_system,
        raw_table,
        file_path,
        record_index,
        file_sha256,
        batch_id,
        loaded_at,
        record_id,
        reason
    from {{ ref('stg_buzzeasy__quarantined_records') }}

)

select
    {{ dbt.concat(['raw_table', "':'", 'file_sha256', "':'", 'cast(record_index as varchar)']) }}
        as quarantined_record_id,
    *
from unioned
