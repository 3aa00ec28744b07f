with

-- the interactions this build rebuilds (all of them on a full build), with the load time of
-- the newest record behind each
interaction_loads as (

    select * from {{ ref('int_interaction_loads') }}
    where {{ in_incremental_scope() }}

),

workitems as (

    select
        conformed.*,
        interaction_loads.loaded_at as interaction_loaded_at
    from {{ ref('int_workitems') }} as conformed
    inner join interaction_loads
        on
            conformed.source_system = interaction_loads.source_system
            and conformed.interaction_id = interaction_loads.interaction_id

)

select
    {{ surrogate_key('source_system', 'workitem_id') }} as workitem_key,
    {{ surrogate_key('source_system', 'interaction_id') }} as interaction_key,
    {{ surrogate_key('source_system', 'segment_id') }} as segment_key,
    source_system,
    workitem_id,
    {{ surrogate_key('source_system', 'agent_id') }} as agent_key,
    {{ surrogate_key('source_system', 'queue_id') }} as queue_key,
    offered_at,
    accepted_at,
    ended_at,
    handle_seconds,
    talk_seconds,
    hold_seconds,
    hold_count,
    wrap_up_seconds,
    result,
    result_raw,
    interaction_loaded_at as loaded_at
from workitems
