with

bot_segments as (

    select * from {{ ref('int_bot_segments') }}

)

select
    {{ surrogate_key('source_system', 'bot_segment_id') }} as bot_segment_key,
    {{ surrogate_key('source_system', 'interaction_id') }} as interaction_key,
    source_system,
    bot_segment_id,
    bot_name,
    bot_type,
    started_at,
    ended_at,
    duration_seconds,
    outcome,
    outcome_raw
from bot_segments
