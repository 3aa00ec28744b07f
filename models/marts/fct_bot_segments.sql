with

-- the interactions this build rebuilds (all of them on a full build), with the load time of
-- the newest record behind each
interaction_loads as (

    select * from {{ ref('int_interaction_loads') }}
    where {{ in_incremental_scope() }}

),

bot_segments as (

    select
        conformed.*,
        interaction_loads.loaded_at as interaction_loaded_at
    from {{ ref('int_bot_segments') }} as conformed
    inner join interaction_loads
        on
            conformed.source_system = interaction_loads.source_system
            and conformed.interaction_id = interaction_loads.interaction_id

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
    outcome_raw,
    interaction_loaded_at as loaded_at
from bot_segments
