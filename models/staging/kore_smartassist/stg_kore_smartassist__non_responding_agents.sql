-- One row per agent a SmartAssist queue entry was offered to who did not respond.

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
            'assumed_utc_offset',
            'loaded_at',
        ],
    ) }}

),

agents as (

    {{ unnest_with_index(
        'destinations',
        'destination.nonRespondingAgents',
        'agent',
        'agent_index',
        columns=[
            'session_id',
            'assumed_utc_offset',
            'loaded_at',
            'destination_index',
        ],
    ) }}

),

renamed as (

    select
        -- ids
        session_id || ':' || destination_index || ':' || agent_index as non_responding_agent_id,
        session_id,
        destination_index,
        agent_index,
        {{ blank_as_null('agent.agentId') }} as agent_id,

        -- dimensions
        agent.name as agent_name,
        agent.email as agent_email,

        -- timestamps (UTC)
        {{ local_to_utc('agent.assignedAt', 'assumed_utc_offset') }} as assigned_at,

        -- lineage
        loaded_at

    from agents
    -- an entry that names nobody (null, or empty) is no offer; one that names an agent without
    -- the agent's id quarantines its session (base_kore_smartassist__sessions)
    where {{ blank_as_null('agent.agentId') }} is not null

)

select * from renamed
