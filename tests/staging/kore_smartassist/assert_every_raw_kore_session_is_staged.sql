-- Nothing is lost between raw and staging: every raw SmartAssist session is quarantined or its
-- sessionId is staged (exactly once), and nothing is staged that was not landed.

with

raw_records as (

    select
        {{ blank_as_null("json_extract_string(record, '$.sessionId')") }} as session_id,
        _file_sha256,
        _record_index
    from {{ source('kore_smartassist', 'sessions') }}

),

quarantined as (

    select
        file_sha256,
        record_index
    from {{ ref('quarantined_records') }}
    where raw_table = 'kore_smartassist__sessions'

),

raw_ids as (

    select distinct raw_records.session_id
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

    select session_id from {{ ref('stg_kore_smartassist__sessions') }}

)

select
    coalesce(raw_ids.session_id, staged_ids.session_id) as session_id,
    raw_ids.session_id is not null as is_in_raw,
    staged_ids.session_id is not null as is_staged
from raw_ids
full outer join staged_ids
    on raw_ids.session_id = staged_ids.session_id
where raw_ids.session_id is null or staged_ids.session_id is null
