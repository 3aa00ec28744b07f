with

-- the interactions this build rebuilds (all of them on a full build), with the load time of
-- the newest record behind each
interaction_loads as (

    select * from {{ ref('int_interaction_loads') }}
    where {{ in_incremental_scope() }}

),

turns as (

    select
        conformed.*,
        interaction_loads.loaded_at as interaction_loaded_at
    from {{ ref('int_transcript_turns') }} as conformed
    inner join interaction_loads
        on
            conformed.source_system = interaction_loads.source_system
            and conformed.interaction_id = interaction_loads.interaction_id

)

select
    {{ surrogate_key('source_system', 'transcript_turn_id') }} as transcript_turn_key,
    {{ surrogate_key('source_system', 'interaction_id') }} as interaction_key,
    {{ surrogate_key('source_system', 'segment_id') }} as segment_key,
    source_system,
    transcript_turn_id,
    turn_sequence,
    participant_role,
    participant_role_raw,
    turn_text,
    cast(length(turn_text) as bigint) as character_count,
    started_at,
    ended_at,
    {{ seconds_between('started_at', 'ended_at') }} as duration_seconds,
    is_ignored,
    interaction_loaded_at as loaded_at
from turns
