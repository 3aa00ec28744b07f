-- One row per agent allocation (interactionAgentId). The vendor's parameter list puts agents at
-- the top level, its sample under details.agents; a document may carry either or both, so both
-- are read and an allocation listed in both places is kept once (top level first). An
-- allocation without interactionAgentId is identified by its agent and start, else by its
-- position (`<interactionId>:agent:<list>:<n>`).

{{ config(incremental_scope={'from': 'base_cxengage__interactions', 'key': 'interaction_id'}) }}

with

base as (

    select * from {{ ref('base_cxengage__interactions') }}
    where quarantine_reason is null and {{ in_incremental_scope() }}

),

top_level as (

    {{ unnest_with_index(
        'base',
        'interaction.agents',
        'agent',
        'agent_index',
        columns=[
            'interaction_id',
            'loaded_at',
            "'agents' as listed_under",
        ],
    ) }}

),

under_details as (

    {{ unnest_with_index(
        'base',
        'interaction.details.agents',
        'agent',
        'agent_index',
        columns=[
            'interaction_id',
            'loaded_at',
            "'details.agents' as listed_under",
        ],
    ) }}

),

allocations as (

    select * from top_level
    union all
    select * from under_details

),

renamed as (

    select
        -- ids
        coalesce(
            {{ blank_as_null('agent.interactionAgentId') }},
            interaction_id || ':' || {{ blank_as_null('agent.agentId') }} || ':'
            || {{ blank_as_null('agent.startTimestamp') }},
            interaction_id || ':agent:' || listed_under || ':' || agent_index
        ) as interaction_agent_id,
        interaction_id,
        agent_index,
        {{ blank_as_null('agent.interactionSegmentId') }} as segment_id,
        {{ blank_as_null('agent.agentId') }} as agent_id,
        {{ blank_as_null('agent.platformAgentId') }} as platform_agent_id,
        {{ blank_as_null('agent.tenantAgentId') }} as tenant_agent_id,
        {{ blank_as_null('agent.sessionId') }} as agent_session_id,
        {{ blank_as_null('agent.queueId') }} as queue_id,

        -- dimensions
        agent.agentName as agent_name,
        listed_under,

        -- timestamps (UTC)
        {{ utc_timestamp('agent.startTimestamp') }} as allocated_at,
        {{ utc_timestamp('agent.endTimestamp') }} as deallocated_at,

        -- lineage
        loaded_at

    from allocations

)

select * from renamed
qualify row_number() over (
        partition by interaction_agent_id
        order by case listed_under when 'agents' then 0 else 1 end, agent_index
    ) = 1
