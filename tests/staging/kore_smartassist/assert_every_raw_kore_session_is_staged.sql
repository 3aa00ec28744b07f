-- Nothing is lost between raw and staging: every distinct sessionId landed in raw has exactly
-- one staged session, and nothing is staged that was not landed.

with

raw_ids as (

    select distinct json_extract_string(record, '$.sessionId') as session_id
    from {{ source('kore_smartassist', 'sessions') }}

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
