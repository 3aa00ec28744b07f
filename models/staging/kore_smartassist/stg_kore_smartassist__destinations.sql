-- One row per destination of a SmartAssist session, in order: a QueueEntry (the session
-- entered a queue) or an AgentSegment (the bot transferred it straight to an agent).

with

base as (

    select * from {{ ref('base_kore_smartassist__sessions') }}

),

destinations as (

    select
        session_id,
        assumed_utc_offset,
        unnest(smartassist_session.destinations) as destination,
        generate_subscripts(smartassist_session.destinations, 1) - 1 as destination_index
    from base

),

timed as (

    select
        *,
        -- a queue's entry, or a direct transfer's assignment
        coalesce(destination.EnterTime, destination.assignedAt) as entered_local_text
    from destinations

),

renamed as (

    select
        -- ids
        session_id || ':' || destination_index as destination_id,
        session_id,
        destination_index,
        destination.queueId as queue_id,
        coalesce(destination.respondingAgent.agentId, destination.agentId) as responding_agent_id,

        -- dimensions
        destination.destinationType as destination_type,
        destination.queueName as queue_name,

        -- measures
        coalesce(len(destination.nonRespondingAgents), 0) as non_responding_agent_count,

        -- booleans
        coalesce(destination.respondingAgent.agentId, destination.agentId) is not null
            as has_responding_agent,

        -- timestamps (UTC)
        {{ local_to_utc('entered_local_text', 'assumed_utc_offset') }} as entered_at

    from timed

)

select * from renamed
