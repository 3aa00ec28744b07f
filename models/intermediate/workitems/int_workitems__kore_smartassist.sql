-- A SmartAssist responding agent is a handled workitem (offered when assigned, accepted when
-- accepted, ended after its after-call work; talk time is interactionDuration, wrap-up
-- afterCallWorkDuration). An agent a queue entry was offered to who did not respond is a missed
-- workitem. The vendor reports no holds.

with

agent_segments as (

    select * from {{ ref('stg_kore_smartassist__agent_segments') }}

),

non_responding_agents as (

    select * from {{ ref('stg_kore_smartassist__non_responding_agents') }}

),

destinations as (

    select * from {{ ref('stg_kore_smartassist__destinations') }}

),

sessions as (

    select * from {{ ref('stg_kore_smartassist__sessions') }}

),

offers as (

    select
        agent_segments.agent_segment_id as workitem_id,
        agent_segments.session_id,
        agent_segments.destination_index,
        agent_segments.agent_id,
        agent_segments.assigned_at as offered_at,
        agent_segments.accepted_at,
        coalesce(agent_segments.after_call_work_ended_at, agent_segments.interaction_ended_at)
            as ended_at,
        agent_segments.interaction_seconds + coalesce(agent_segments.after_call_work_seconds, 0)
            as handle_seconds,
        agent_segments.interaction_seconds as talk_seconds,
        agent_segments.after_call_work_seconds as wrap_up_seconds,
        case when agent_segments.agent_status = 'Answered' then 'handled' else 'other' end
            as result,
        agent_segments.agent_status as result_raw
    from agent_segments
    union all
    select
        non_responding_agents.non_responding_agent_id as workitem_id,
        non_responding_agents.session_id,
        non_responding_agents.destination_index,
        non_responding_agents.agent_id,
        non_responding_agents.assigned_at as offered_at,
        cast(null as timestamp) as accepted_at,
        cast(null as timestamp) as ended_at,
        cast(null as double) as handle_seconds,
        cast(null as double) as talk_seconds,
        cast(null as double) as wrap_up_seconds,
        'missed' as result,
        'nonRespondingAgents' as result_raw
    from non_responding_agents

),

mapped as (

    select
        'kore_smartassist' as source_system,
        offers.workitem_id,
        sessions.interaction_id,
        destinations.destination_id as segment_id,
        offers.agent_id,
        destinations.queue_id,
        offers.offered_at,
        offers.accepted_at,
        offers.ended_at,
        offers.handle_seconds,
        offers.talk_seconds,
        cast(null as double) as hold_seconds,
        cast(null as bigint) as hold_count,
        offers.wrap_up_seconds,
        offers.result,
        offers.result_raw,
        -- the offer, its destination and its session are read from one session
        sessions.loaded_at
    from offers
    inner join sessions
        on offers.session_id = sessions.session_id
    left join destinations
        on
            offers.session_id = destinations.session_id
            and offers.destination_index = destinations.destination_index

)

select * from mapped
