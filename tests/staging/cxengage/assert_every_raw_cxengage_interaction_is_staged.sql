-- Nothing is lost between raw and staging: every raw CxEngage record is quarantined or its
-- interactionId is staged (exactly once), and nothing is staged that was not landed.

with

raw_ids as (

    select distinct
        {{ blank_as_null(json_text_at('record', '$.interactionId')) }} as interaction_id
    from (
        {{ unquarantined(
            source('cxengage', 'interactions'),
            ref('quarantined_records'),
            'cxengage__interactions',
        ) }}
    ) as raw_records

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
