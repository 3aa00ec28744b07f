with

-- the interactions this build rebuilds (all of them on a full build), with the load time of
-- the newest record behind each
interaction_loads as (

    select * from {{ ref('int_interaction_loads') }}
    where {{ in_incremental_scope() }}

),

queue_segments as (

    select
        conformed.*,
        interaction_loads.loaded_at as interaction_loaded_at
    from {{ ref('int_queue_segments') }} as conformed
    inner join interaction_loads
        on
            conformed.source_system = interaction_loads.source_system
            and conformed.interaction_id = interaction_loads.interaction_id

)

select
    {{ surrogate_key('source_system', 'queue_segment_id') }} as queue_segment_key,
    {{ surrogate_key('source_system', 'interaction_id') }} as interaction_key,
    {{ surrogate_key('source_system', 'segment_id') }} as segment_key,
    source_system,
    queue_segment_id,
    {{ surrogate_key('source_system', 'queue_id') }} as queue_key,
    entered_at,
    exited_at,
    wait_seconds,
    exit_reason,
    exit_reason_raw,
    is_abandoned,
    {{ surrogate_key('source_system', 'answered_by_agent_id') }} as answered_by_agent_key,
    interaction_loaded_at as loaded_at
from queue_segments
