-- One row per destination of a SmartAssist session, in order: a QueueEntry (the session
-- entered a queue) or an AgentSegment (the bot transferred it straight to an agent).

{{ config(incremental_scope={'from': 'base_kore_smartassist__sessions', 'key': 'session_id'}) }}

with

base as (

    select * from {{ ref('base_kore_smartassist__sessions') }}
    where quarantine_reason is null and {{ in_incremental_scope() }}

),

destinations as (

    {{ unnest_with_index(
        'base',
        'smartassist_session.destinations',
        'destination',
        'destination_index',
        columns=[
            'session_id',
            'started_at as session_started_at',
            'assumed_utc_offset',
            'loaded_at',
        ],
    ) }}

),

timed as (

    select
        *,
        {{ kore_smartassist_destination_type('destination') }} as destination_kind
    from destinations

),

renamed as (

    select
        -- ids
        session_id || ':' || destination_index as destination_id,
        session_id,
        destination_index,
        coalesce(
            {{ blank_as_null('destination.queueId') }}, {{ blank_as_null('destination.queueName') }}
        ) as queue_id,
        case
            when destination_kind = 'AgentSegment' then {{ blank_as_null('destination.agentId') }}
            else {{ blank_as_null('destination.respondingAgent.agentId') }}
        end as responding_agent_id,

        -- dimensions
        destination_kind as destination_type,
        {{ blank_as_null('destination.queueName') }} as queue_name,

        -- measures
        coalesce({{ list_length('destination.nonRespondingAgents') }}, 0)
            as non_responding_agent_count,

        -- booleans
        case
            when destination_kind = 'AgentSegment' then {{ blank_as_null('destination.agentId') }}
            else {{ blank_as_null('destination.respondingAgent.agentId') }}
        end is not null as has_responding_agent,

        -- timestamps (UTC): a queue's entry, or a direct transfer's assignment; a queue entry
        -- sent without its time entered when it was first offered to an agent, else when the
        -- session started
        coalesce(
            {{ local_to_utc('destination.EnterTime', 'assumed_utc_offset') }},
            {{ local_to_utc('destination.assignedAt', 'assumed_utc_offset') }},
            {{ local_to_utc(
                list_min('destination.nonRespondingAgents', 'agent', 'agent.assignedAt'),
                'assumed_utc_offset'
            ) }},
            {{ local_to_utc('destination.respondingAgent.assignedAt', 'assumed_utc_offset') }},
            session_started_at
        ) as entered_at,

        -- lineage
        loaded_at

    from timed

)

select * from renamed
