-- Each human agent participant of a CCAI Platform session is a workitem (virtual agents are
-- bot segments, end users are not offers). It belongs to the segment that agent handled;
-- offered when that segment's agent was assigned (else when the agent connected). Handled when
-- the agent connected, missed otherwise. Talk time is the participant's handle time less hold.

with

participants as (

    select * from {{ ref('stg_ccai_platform__participants') }}

),

segments as (

    select * from {{ ref('int_segments__ccai_platform') }}

),

placed as (

    select
        participants.*,
        segments.segment_id,
        segments.queue_id,
        segments.assigned_at as segment_assigned_at,
        row_number() over (
            partition by participants.session_participant_id
            order by segments.segment_sequence
        ) as placement_rank
    from participants
    left join segments
        on
            participants.session_id = segments.interaction_id
            and participants.user_id = segments.agent_id
    where participants.participant_type = 'agent'

),

mapped as (

    select
        'ccai_platform' as source_system,
        session_participant_id as workitem_id,
        session_id as interaction_id,
        segment_id,
        user_id as agent_id,
        queue_id,
        coalesce(segment_assigned_at, connected_at) as offered_at,
        connected_at as accepted_at,
        ended_at,
        handle_seconds,
        handle_seconds - coalesce(hold_seconds, 0) as talk_seconds,
        hold_seconds,
        cast(null as bigint) as hold_count,
        cast(null as double) as wrap_up_seconds,
        case when connected_at is not null then 'handled' else 'missed' end as result,
        participant_status as result_raw,
        loaded_at
    from placed
    where placement_rank = 1

)

select * from mapped
