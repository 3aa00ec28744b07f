-- Nothing is lost between raw and staging: every raw call and chat document is quarantined or
-- its session is staged, exactly once, holding the newest updated_at of its stageable
-- documents; nothing else is staged.

with

raw_documents as (

    select
        'call-' || {{ blank_as_null("json_extract_string(record, '$.id')") }} as session_id,
        {{ utc_timestamp("json_extract_string(record, '$.updated_at')") }} as updated_at,
        'ccai_platform__calls' as raw_table,
        _file_sha256,
        _record_index
    from {{ source('ccai_platform', 'calls') }}
    union all
    select
        'chat-' || {{ blank_as_null("json_extract_string(record, '$.id')") }} as session_id,
        {{ utc_timestamp("json_extract_string(record, '$.updated_at')") }} as updated_at,
        'ccai_platform__chats' as raw_table,
        _file_sha256,
        _record_index
    from {{ source('ccai_platform', 'chats') }}

),

quarantined as (

    select
        raw_table,
        file_sha256,
        record_index
    from {{ ref('quarantined_records') }}
    where source_system = 'ccai_platform'

),

raw_sessions as (

    select
        raw_documents.session_id,
        max(raw_documents.updated_at) as newest_updated_at
    from raw_documents
    where not exists (
            select 1
            from quarantined
            where
                quarantined.raw_table = raw_documents.raw_table
                and quarantined.file_sha256 = raw_documents._file_sha256
                and quarantined.record_index = raw_documents._record_index
        )
    group by raw_documents.session_id

),

staged as (

    select
        session_id,
        updated_at
    from {{ ref('stg_ccai_platform__sessions') }}

)

select
    coalesce(raw_sessions.session_id, staged.session_id) as session_id,
    raw_sessions.newest_updated_at,
    staged.updated_at as staged_updated_at
from raw_sessions
full outer join staged
    on raw_sessions.session_id = staged.session_id
where
    raw_sessions.session_id is null
    or staged.session_id is null
    or raw_sessions.newest_updated_at is distinct from staged.updated_at
