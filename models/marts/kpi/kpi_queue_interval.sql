-- Queue KPIs per reporting interval (var kpi_interval_minutes), vendor, channel and queue, with
-- the daily model's attribution at interval grain: offered in the interval the contact entered
-- the queue, answered, abandoned and their waits in the interval it left the queue, handle time
-- in the interval the agent's handling ended (DECISIONLOG.md).

with

queue_segments as (

    select * from {{ ref('fct_queue_segments') }}

),

workitems as (

    select * from {{ ref('fct_workitems') }}

),

interactions as (

    select * from {{ ref('fct_interactions') }}

),

queues as (

    select * from {{ ref('dim_queues') }}

),

queue_events as (

    select
        {{ interval_start('queue_segments.entered_at') }} as interval_start,
        queue_segments.source_system,
        interactions.channel,
        queue_segments.queue_key,
        1 as offered_count,
        0 as answered_count,
        0 as abandoned_count,
        0 as answered_within_threshold_count,
        cast(null as double) as answered_wait_seconds,
        cast(null as double) as exited_wait_seconds,
        0 as handled_count,
        cast(null as double) as handle_seconds
    from queue_segments
    inner join interactions
        on queue_segments.interaction_key = interactions.interaction_key
    union all
    select
        {{ interval_start('queue_segments.exited_at') }} as interval_start,
        queue_segments.source_system,
        interactions.channel,
        queue_segments.queue_key,
        0 as offered_count,
        case when queue_segments.exit_reason = 'answered' then 1 else 0 end as answered_count,
        case when queue_segments.exit_reason = 'abandoned' then 1 else 0 end as abandoned_count,
        case
            when
                queue_segments.exit_reason = 'answered'
                and queue_segments.wait_seconds <= {{ var('service_level_threshold_seconds') }}
                then 1
            else 0
        end as answered_within_threshold_count,
        case
            when queue_segments.exit_reason = 'answered' then queue_segments.wait_seconds
        end as answered_wait_seconds,
        case
            when queue_segments.exit_reason in ('answered', 'abandoned')
                then queue_segments.wait_seconds
        end as exited_wait_seconds,
        0 as handled_count,
        cast(null as double) as handle_seconds
    from queue_segments
    inner join interactions
        on queue_segments.interaction_key = interactions.interaction_key
    where queue_segments.exited_at is not null
    union all
    select
        {{ interval_start('workitems.ended_at') }} as interval_start,
        workitems.source_system,
        interactions.channel,
        workitems.queue_key,
        0 as offered_count,
        0 as answered_count,
        0 as abandoned_count,
        0 as answered_within_threshold_count,
        cast(null as double) as answered_wait_seconds,
        cast(null as double) as exited_wait_seconds,
        1 as handled_count,
        workitems.handle_seconds
    from workitems
    inner join interactions
        on workitems.interaction_key = interactions.interaction_key
    where workitems.result = 'handled' and workitems.queue_key is not null

),

intervals as (

    select
        interval_start,
        source_system,
        channel,
        queue_key,
        sum(offered_count) as offered_count,
        sum(answered_count) as answered_count,
        sum(abandoned_count) as abandoned_count,
        sum(answered_within_threshold_count) as answered_within_threshold_count,
        sum(answered_wait_seconds) as answered_wait_seconds,
        max(exited_wait_seconds) as max_wait_seconds,
        sum(handled_count) as handled_count,
        sum(handle_seconds) as handle_seconds
    from queue_events
    where interval_start is not null
    group by interval_start, source_system, channel, queue_key

),

final as (

    select
        {{ dbt.hash(dbt.concat([
            'cast(intervals.interval_start as ' ~ dbt.type_string() ~ ')', "'|'",
            'intervals.source_system', "'|'", 'intervals.channel', "'|'",
            "coalesce(intervals.queue_key, '')"
        ])) }} as kpi_queue_interval_key,
        cast(intervals.interval_start as timestamp) as interval_start,
        cast(intervals.interval_start as date) as activity_date,
        cast({{ kpi_interval_minutes() }} as integer) as interval_minutes,
        intervals.source_system,
        intervals.channel,
        intervals.queue_key,
        queues.queue_name,
        cast(intervals.offered_count as bigint) as offered_count,
        cast(intervals.answered_count as bigint) as answered_count,
        cast(intervals.abandoned_count as bigint) as abandoned_count,
        cast(intervals.answered_within_threshold_count as bigint)
            as answered_within_threshold_count,
        cast(intervals.handled_count as bigint) as handled_count,
        intervals.answered_wait_seconds,
        intervals.max_wait_seconds,
        intervals.handle_seconds,
        cast(intervals.abandoned_count as double)
        / nullif(intervals.offered_count, 0) as abandon_rate,
        intervals.answered_wait_seconds
        / nullif(intervals.answered_count, 0) as average_speed_of_answer_seconds,
        cast(intervals.answered_within_threshold_count as double)
        / nullif(intervals.answered_count + intervals.abandoned_count, 0) as service_level_rate,
        intervals.handle_seconds / nullif(intervals.handled_count, 0) as average_handle_seconds
    from intervals
    left join queues
        on intervals.queue_key = queues.queue_key

)

select
    kpi_queue_interval_key,
    interval_start,
    activity_date,
    interval_minutes,
    source_system,
    channel,
    queue_key,
    queue_name,
    offered_count,
    answered_count,
    abandoned_count,
    answered_within_threshold_count,
    handled_count,
    answered_wait_seconds,
    max_wait_seconds,
    handle_seconds,
    abandon_rate,
    average_speed_of_answer_seconds,
    service_level_rate,
    average_handle_seconds
from final
