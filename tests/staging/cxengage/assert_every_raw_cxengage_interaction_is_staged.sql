-- Nothing is lost between raw and staging: every raw CxEngage record is quarantined or its
-- interactionId is staged (exactly once), and nothing is staged that was not landed.

with

raw_records as (

    select
        {{ blank_as_null("json_extract_string(record, '$.interactionId')") }} as interaction_id,
        _file_sha256,
        _record_index
    from {{ source('cxengage', 'interactions') }}

),

quarantined as (

    select
        file_sha256,
        record_index
    from {{ ref('quarantined_records') }}
    where raw_table = 'cxengage__interactions'

),

raw_ids as (

    select distinct raw_records.interaction_id
    from raw_records
    where not exists (
            select 1
            from quarantined
            where
                quarantined.file_sha256 = raw_records._file_sha256
                and quarantined.record_index = raw_records._record_index
        )

),

staged_ids as (

    select interaction_id from {{ ref('stg_cxengage__interactions') }}

)

select
    coalesce(raw_ids.interaction_id, staged_ids.interaction_id) as interaction_id,
    raw_ids.interaction_id is not null as is_in_raw,
    staged_ids.interaction_id is not null as is_staged
from raw_ids
full outer join staged_ids
    on raw_ids.interaction_id = staged_ids.interaction_id
where raw_ids.interaction_id is null or staged_ids.interaction_id is null
