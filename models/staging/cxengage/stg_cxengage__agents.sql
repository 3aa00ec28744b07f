-- One row per agent allocation (interactionAgentId). The vendor's parameter list puts agents at
-- the top level, its sample under details.agents; a document may carry either or both, so both
-- are read and an allocation listed in both places is kept once (top level first).

with

base as (

    select * from {{ ref('base_cxengage__interactions') }}

),

top_level as (

    select
        base.interaction_id,
        'agents' as listed_under,
        unnested.agent
    from base
    cross join unnest(base.interaction.agents) as unnested (agent)

),

under_details as (

    select
        base.interaction_id,
        'details.agents' as listed_under,
        unnested.agent
    from base
    cross join unnest(base.interaction.details.agents) as unnested (agent)

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
            agent.interactionAgentId,
            interaction_id || ':' || agent.agentId || ':' || agent.startTimestamp
        ) as interaction_agent_id,
        interaction_id,
        agent.interactionSegmentId as segment_id,
        agent.agentId as agent_id,
        agent.platformAgentId as platform_agent_id,
        agent.tenantAgentId as tenant_agent_id,
        agent.sessionId as agent_session_id,
        agent.queueId as queue_id,

        -- dimensions
        agent.agentName as agent_name,
        listed_under,

        -- timestamps (UTC)
        {{ utc_timestamp('agent.startTimestamp') }} as allocated_at,
        {{ utc_timestamp('agent.endTimestamp') }} as deallocated_at

    from allocations

)

select * from renamed
qualify row_number() over (
        partition by interaction_agent_id
        order by case listed_under when 'agents' then 0 else 1 end
    ) = 1
