-- Each CxEngage agent allocation is an offer the agent accepted. The interaction API reports
-- allocations only, so every CxEngage workitem is handled, offered when it was accepted, and
-- carries no per-agent talk, hold or wrap-up time (the vendor reports those per interaction).

-- An allocation's segment is the one it names, when the document lists that segment.

with

agents as (

    select * from {{ ref('stg_cxengage__agents') }}

),

segments as (

    select * from {{ ref('stg_cxengage__segments') }}

),

mapped as (

    select
        'cxengage' as source_system,
        agents.interaction_agent_id as workitem_id,
        agents.interaction_id,
        segments.segment_id,
        agents.agent_id,
        agents.queue_id,
        agents.allocated_at as offered_at,
        agents.allocated_at as accepted_at,
        agents.deallocated_at as ended_at,
        {{ seconds_between('agents.allocated_at', 'agents.deallocated_at') }} as handle_seconds,
        cast(null as double) as talk_seconds,
        cast(null as double) as hold_seconds,
        cast(null as bigint) as hold_count,
        cast(null as double) as wrap_up_seconds,
        'handled' as result,
        cast(null as {{ dbt.type_string() }}) as result_raw,
        agents.loaded_at
    from agents
    left join segments
        on agents.interaction_id = segments.interaction_id
            and agents.segment_id = segments.segment_id

)

select * from mapped
