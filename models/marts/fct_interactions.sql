with

interactions as (

    select {{ star_except(['loaded_at']) }} from {{ ref('int_interactions') }}
    where {{ in_incremental_scope() }}

),

interaction_loads as (

    select * from {{ ref('int_interaction_loads') }}
    where {{ in_incremental_scope() }}

),

segments as (

    select * from {{ ref('int_segments') }}
    where {{ in_incremental_scope() }}

),

queue_segments as (

    select * from {{ ref('int_queue_segments') }}
    where {{ in_incremental_scope() }}

),

workitems as (

    select * from {{ ref('int_workitems') }}
    where {{ in_incremental_scope() }}

),

bot_segments as (

    select * from {{ ref('int_bot_segments') }}
    where {{ in_incremental_scope() }}

),

segment_rollup as (

    select
        source_system,
        interaction_id,
        count(*) as segment_count,
        {{ dbt.bool_or('is_transfer') }} as was_transferred
    from segments
    group by source_system, interaction_id

),

queue_rollup as (

    select
        source_system,
        interaction_id,
        count(*) as queue_segment_count,
        sum(wait_seconds) as queue_wait_seconds,
        {{ dbt.bool_or('is_abandoned') }} as was_abandoned_in_queue
    from queue_segments
    group by source_system, interaction_id

),

workitem_rollup as (

    select
        source_system,
        interaction_id,
        count(*) as workitem_count,
        sum(case when result = 'handled' then handle_seconds end) as handle_seconds,
        {{ dbt.bool_or("result = 'handled'") }} as was_handled_by_agent
    from workitems
    group by source_system, interaction_id

),

bot_rollup as (

    select
        source_system,
        interaction_id,
        count(*) as bot_segment_count,
        -- every bot step completed: a failed or abandoned step is not containment
        not {{ dbt.bool_or("outcome <> 'completed'") }} as was_completed_by_bot
    from bot_segments
    group by source_system, interaction_id

)

select
    {{ surrogate_key('interactions.source_system', 'interactions.interaction_id') }}
        as interaction_key,
    interactions.source_system,
    interactions.interaction_id,
    interactions.channel,
    interactions.channel_raw,
    interactions.direction,
    interactions.direction_raw,
    interactions.disposition_name,
    interactions.started_at,
    interactions.ended_at,
    {{ seconds_between('interactions.started_at', 'interactions.ended_at') }}
        as duration_seconds,
    coalesce(segment_rollup.segment_count, 0) as segment_count,
    coalesce(queue_rollup.queue_segment_count, 0) as queue_segment_count,
    coalesce(workitem_rollup.workitem_count, 0) as workitem_count,
    coalesce(bot_rollup.bot_segment_count, 0) as bot_segment_count,
    queue_rollup.queue_wait_seconds,
    workitem_rollup.handle_seconds,
    coalesce(queue_rollup.was_abandoned_in_queue, false)
    and not coalesce(workitem_rollup.was_handled_by_agent, false) as was_abandoned,
    coalesce(segment_rollup.was_transferred, false) as was_transferred,
    coalesce(workitem_rollup.was_handled_by_agent, false) as was_handled_by_agent,
    coalesce(bot_rollup.was_completed_by_bot, false)
    and queue_rollup.interaction_id is null
    and not coalesce(workitem_rollup.was_handled_by_agent, false) as was_contained_by_bot,
    interaction_loads.loaded_at,
    {{ customer_key('interactions.customer_identifier') }} as customer_key
from interactions
inner join interaction_loads
    on
        interactions.source_system = interaction_loads.source_system
        and interactions.interaction_id = interaction_loads.interaction_id
left join segment_rollup
    on
        interactions.source_system = segment_rollup.source_system
        and interactions.interaction_id = segment_rollup.interaction_id
left join queue_rollup
    on
        interactions.source_system = queue_rollup.source_system
        and interactions.interaction_id = queue_rollup.interaction_id
left join workitem_rollup
    on
        interactions.source_system = workitem_rollup.source_system
        and interactions.interaction_id = workitem_rollup.interaction_id
left join bot_rollup
    on
        interactions.source_system = bot_rollup.source_system
        and interactions.interaction_id = bot_rollup.interaction_id
