-- Buzzeasy workitems are the vendor's own agent tasks, answered or not: offered when the task
-- was created, accepted after its preview time when handled. Handle time is active plus wrap-up
-- time as the vendor rounds them; holds come from the workitem's conversation sessions, and talk
-- time is active time less hold time.

with

workitems as (

    select * from {{ ref('stg_buzzeasy__workitems') }}

),

sessions as (

    select * from {{ ref('stg_buzzeasy__workitem_conversation_sessions') }}

),

chains as (

    select * from {{ ref('int_conversation_chains__buzzeasy') }}

),

holds as (

    select
        workitem_id,
        cast(sum(hold_count) as bigint) as hold_count,
        sum(total_hold_seconds) as hold_seconds,
        max(loaded_at) as loaded_at
    from sessions
    group by workitem_id

),

mapped as (

    select
        'buzzeasy' as source_system,
        workitems.workitem_id,
        chains.interaction_id,
        workitems.primary_conversation_id as segment_id,
        workitems.agent_id,
        workitems.queue_id,
        workitems.started_at as offered_at,
        case
            when workitems.result = 'Handled'
                then {{ add_seconds(
                    'workitems.started_at', 'coalesce(workitems.preview_seconds, 0)'
                ) }}
        end as accepted_at,
        workitems.ended_at,
        coalesce(workitems.active_seconds, 0) + coalesce(workitems.wrap_up_seconds, 0)
            as handle_seconds,
        workitems.active_seconds - coalesce(holds.hold_seconds, 0) as talk_seconds,
        holds.hold_seconds,
        holds.hold_count,
        workitems.wrap_up_seconds,
        case workitems.result
            when 'Handled' then 'handled'
            when 'Missed' then 'missed'
            when 'Rejected' then 'rejected'
            when 'Abandoned' then 'abandoned'
            when 'Cancelled' then 'cancelled'
            else 'other'
        end as result,
        workitems.result as result_raw,
        greatest(workitems.loaded_at, holds.loaded_at) as loaded_at
    from workitems
    left join holds
        on workitems.workitem_id = holds.workitem_id
    -- an outbound task the agent closed without starting a conversation is no offer of an
    -- interaction: it stays in staging
    inner join chains
        on workitems.primary_conversation_id = chains.conversation_id

)

select * from mapped
