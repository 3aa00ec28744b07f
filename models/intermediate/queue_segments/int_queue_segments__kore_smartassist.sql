-- Each SmartAssist QueueEntry destination is a queue segment, entered at EnterTime. It ends
-- when the queue assigned the responding agent (answered); without one, when the next
-- destination began (transferred) or the session ended: abandoned, or `other` when SmartAssist
-- terminated the session (e.g. no agents available), when the caller went to voicemail, or
-- when the session was still active when exported (neither answered nor abandoned).

with

destinations as (

    select * from {{ ref('stg_kore_smartassist__destinations') }}

),

agent_segments as (

    select * from {{ ref('stg_kore_smartassist__agent_segments') }}

),

sessions as (

    select * from {{ ref('stg_kore_smartassist__sessions') }}

),

sequenced as (

    select
        destinations.*,
        lead(destinations.entered_at) over (
            partition by destinations.session_id order by destinations.destination_index
        ) as next_entered_at
    from destinations

),

timed as (

    select
        sequenced.destination_id,
        sequenced.session_id,
        sequenced.queue_id,
        sequenced.entered_at,
        sequenced.next_entered_at,
        agent_segments.agent_id as responding_agent_id,
        agent_segments.agent_status,
        coalesce(
            agent_segments.assigned_at,
            agent_segments.accepted_at,
            sequenced.next_entered_at,
            sessions.ended_at
        ) as exited_at,
        sessions.interaction_id,
        sessions.smart_status,
        sessions.final_status,
        sessions.status_detail,
        sessions.is_voicemail,
        coalesce(
            sessions.is_voicemail
            or upper(sessions.smart_status) = 'TERMINATED'
            or upper(sessions.final_status) = 'ACTIVE',
            false
        ) as left_for_other_reason,
        -- the destination, its agent and its session are read from one session
        sessions.loaded_at
    from sequenced
    inner join sessions
        on sequenced.session_id = sessions.session_id
    left join agent_segments
        on sequenced.destination_id = agent_segments.agent_segment_id
    where sequenced.destination_type = 'QueueEntry'

),

mapped as (

    select
        'kore_smartassist' as source_system,
        destination_id as queue_segment_id,
        interaction_id,
        destination_id as segment_id,
        queue_id,
        entered_at,
        exited_at,
        {{ seconds_between('entered_at', 'exited_at') }} as wait_seconds,
        case
            when responding_agent_id is not null then 'answered'
            when next_entered_at is not null then 'transferred'
            when left_for_other_reason then 'other'
            else 'abandoned'
        end as exit_reason,
        case
            when responding_agent_id is not null then agent_status
            when next_entered_at is not null then 'next destination'
            else concat_ws(
                    ' / ',
                    smart_status,
                    final_status,
                    status_detail,
                    case when is_voicemail then 'voicemail' end
                )
        end as exit_reason_raw,
        responding_agent_id is null and next_entered_at is null
        and not left_for_other_reason as is_abandoned,
        responding_agent_id as answered_by_agent_id,
        loaded_at
    from timed

)

select * from mapped
