-- Queue KPIs per day, vendor, channel and queue. Each count lands on the day its event happened:
-- offered on the day the contact entered the queue, answered and abandoned on the day it left
-- the queue, handle time on the day the agent's handling ended (DECISIONLOG.md).

with

queue_segments as (

    select * from {{ ref('fct_queue_segments') }}

),

workitems as (

    select * from {{ ref('fct_workitems') }}

),

segments as (

    select * from {{ ref('fct_segments') }}

),

interactions as (

    select * from {{ ref('fct_interactions') }}

),

queues as (

    select * from {{ ref('dim_queues') }}

),

queue_events as (

    select
        cast(queue_segments.entered_at as date) as activity_date,
        queue_segments.source_system,
        interactions.channel,
        queue_segments.queue_key,
        1 as offered_count,
        0 as answered_count,
        0 as abandoned_count,
        0 as answered_within_threshold_count,
        cast(null as double) as answered_wait_seconds,
        0 as handled_count,
        cast(null as double) as handle_seconds,
        0 as transferred_count
    from queue_segments
    inner join interactions
        on queue_segments.interaction_key = interactions.interaction_key
    union all
    select
        cast(queue_segments.exited_at as date) as activity_date,
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
        0 as handled_count,
        cast(null as double) as handle_seconds,
        0 as transferred_count
    from queue_segments
    inner join interactions
        on queue_segments.interaction_key = interactions.interaction_key
    where queue_segments.exited_at is not null
    union all
    select
        cast(workitems.ended_at as date) as activity_date,
        workitems.source_system,
        interactions.channel,
        workitems.queue_key,
        0 as offered_count,
        0 as answered_count,
        0 as abandoned_count,
        0 as answered_within_threshold_count,
        cast(null as double) as answered_wait_seconds,
        1 as handled_count,
        workitems.handle_seconds,
        0 as transferred_count
    from workitems
    inner join interactions
        on workitems.interaction_key = interactions.interaction_key
    where workitems.result = 'handled' and workitems.queue_key is not null
    union all
    select
        cast(segments.ended_at as date) as activity_date,
        segments.source_system,
        segments.channel,
        segments.queue_key,
        0 as offered_count,
        0 as answered_count,
        0 as abandoned_count,
        0 as answered_within_threshold_count,
        cast(null as double) as answered_wait_seconds,
        0 as handled_count,
        cast(null as double) as handle_seconds,
        1 as transferred_count
    from segments
    where segments.end_reason = 'transferred' and segments.queue_key is not null

),

daily as (

    select
        activity_date,
        source_system,
        channel,
        queue_key,
        sum(offered_count) as offered_count,
        sum(answered_count) as answered_count,
        sum(abandoned_count) as abandoned_count,
        sum(answered_within_threshold_count) as answered_within_threshold_count,
        sum(answered_wait_seconds) as answered_wait_seconds,
        sum(handled_count) as handled_count,
        sum(handle_seconds) as handle_seconds,
        sum(transferred_count) as transferred_count
    from queue_events
    where activity_date is not null
    group by activity_date, source_system, channel, queue_key

)

select
    {{ dbt.hash(dbt.concat([
        'cast(daily.activity_date as ' ~ dbt.type_string() ~ ')', "'|'", 'daily.source_system', "'|'",
        'daily.channel', "'|'", "coalesce(daily.queue_key, '')"
    ])) }} as kpi_queue_daily_key,
    daily.activity_date,
    daily.source_system,
    daily.channel,
    daily.queue_key,
    queues.queue_name,
    cast(daily.offered_count as bigint) as offered_count,
    cast(daily.answered_count as bigint) as answered_count,
    cast(daily.abandoned_count as bigint) as abandoned_count,
    cast(daily.answered_within_threshold_count as bigint) as answered_within_threshold_count,
    cast(daily.handled_count as bigint) as handled_count,
    cast(daily.transferred_count as bigint) as transferred_count,
    daily.answered_wait_seconds,
    daily.handle_seconds,
    cast(daily.abandoned_count as double) / nullif(daily.offered_count, 0) as abandon_rate,
    daily.answered_wait_seconds / nullif(daily.answered_count, 0)
        as average_speed_of_answer_seconds,
    cast(daily.answered_within_threshold_count as double)
    / nullif(daily.answered_count + daily.abandoned_count, 0) as service_level_rate,
    daily.handle_seconds / nullif(daily.handled_count, 0) as average_handle_seconds,
    cast(daily.transferred_count as double) / nullif(daily.answered_count, 0) as transfer_rate
from daily
left join queues
    on daily.queue_key = queues.queue_key
