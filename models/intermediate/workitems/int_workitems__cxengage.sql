-- Each CxEngage agent allocation is an offer the agent accepted. The interaction API reports
-- allocations only, so every CxEngage workitem is handled, offered when it was accepted, and
-- carries no per-agent talk, hold or wrap-up time (the vendor reports those per interaction).

with

agents as (

    select * from {{ ref('stg_cxengage__agents') }}

),

mapped as (

    select
        'cxengage' as source_system,
        interaction_agent_id as workitem_id,
        interaction_id,
        segment_id,
        agent_id,
        queue_id,
        allocated_at as offered_at,
        allocated_at as accepted_at,
        deallocated_at as ended_at,
        {{ seconds_between('allocated_at', 'deallocated_at') }} as handle_seconds,
        cast(null as double) as talk_seconds,
        cast(null as double) as hold_seconds,
        cast(null as bigint) as hold_count,
        cast(null as double) as wrap_up_seconds,
        'handled' as result,
        cast(null as {{ dbt.type_string() }}) as result_raw
    from agents

)

select * from mapped
