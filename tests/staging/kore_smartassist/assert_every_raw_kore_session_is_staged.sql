-- Nothing is lost between raw and staging: every raw SmartAssist session is quarantined or its
-- sessionId is staged (exactly once), and nothing is staged that was not landed.

with

raw_ids as (

    select distinct
        {{ blank_as_null(json_text_at('record', '$.sessionId')) }} as session_id
    from (
        {{ unquarantined(
            source('kore_smartassist', 'sessions'),
            ref('quarantined_records'),
            'kore_smartassist__sessions',
        ) }}
    ) as raw_records

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
