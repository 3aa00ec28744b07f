with

-- the interactions this build rebuilds (all of them on a full build), with the load time of
-- the newest record behind each
interaction_loads as (

    select * from {{ ref('int_interaction_loads') }}
    where {{ in_incremental_scope() }}

),

segments as (

    select
        conformed.*,
        interaction_loads.loaded_at as interaction_loaded_at
    from {{ ref('int_segments') }} as conformed
    inner join interaction_loads
        on
            conformed.source_system = interaction_loads.source_system
            and conformed.interaction_id = interaction_loads.interaction_id

)

select
    {{ surrogate_key('source_system', 'segment_id') }} as segment_key,
    {{ surrogate_key('source_system', 'interaction_id') }} as interaction_key,
    source_system,
    segment_id,
    segment_sequence,
    channel,
    direction,
    started_at,
    ended_at,
    {{ seconds_between('started_at', 'ended_at') }} as duration_seconds,
    {{ surrogate_key('source_system', 'agent_id') }} as agent_key,
    {{ surrogate_key('source_system', 'queue_id') }} as queue_key,
    start_reason,
    start_reason_raw,
    end_reason,
    end_reason_raw,
    is_transfer,
    interaction_loaded_at as loaded_at
from segments
