-- The day's intervals sum to the daily KPIs: per day, vendor, channel and queue (and per day
-- and agent), every count and every seconds total of kpi_queue_interval and kpi_agent_interval
-- equals kpi_queue_daily's and kpi_agent_daily's. A full outer join, so a row on one side only
-- fails too (daily rows that hold only transfers or agent state time have nothing to match).

with

queue_intervals as (

    select
        activity_date,
        source_system,
        channel,
        coalesce(queue_key, '') as queue_key,
        sum(offered_count) as offered_count,
        sum(answered_count) as answered_count,
        sum(abandoned_count) as abandoned_count,
        sum(answered_within_threshold_count) as answered_within_threshold_count,
        sum(handled_count) as handled_count,
        sum(answered_wait_seconds) as answered_wait_seconds,
        sum(handle_seconds) as handle_seconds
    from {{ ref('kpi_queue_interval') }}
    group by activity_date, source_system, channel, coalesce(queue_key, '')

),

queue_days as (

    select
        activity_date,
        source_system,
        channel,
        coalesce(queue_key, '') as queue_key,
        offered_count,
        answered_count,
        abandoned_count,
        answered_within_threshold_count,
        handled_count,
        answered_wait_seconds,
        handle_seconds
    from {{ ref('kpi_queue_daily') }}
    where
        offered_count + answered_count + abandoned_count + handled_count > 0

),

queue_differences as (

    select
        'kpi_queue' as kpi,
        coalesce(d.activity_date, i.activity_date) as activity_date,
        coalesce(d.source_system, i.source_system) as source_system,
        coalesce(d.queue_key, i.queue_key) as grain_key
    from queue_days as d
    full outer join queue_intervals as i
        on
            d.activity_date = i.activity_date
            and d.source_system = i.source_system
            and d.channel = i.channel
            and d.queue_key = i.queue_key
    where
        d.activity_date is null
        or i.activity_date is null
        or d.offered_count != i.offered_count
        or d.answered_count != i.answered_count
        or d.abandoned_count != i.abandoned_count
        or d.answered_within_threshold_count != i.answered_within_threshold_count
        or d.handled_count != i.handled_count
        or abs(coalesce(d.answered_wait_seconds, 0) - coalesce(i.answered_wait_seconds, 0)) > 0.001
        or abs(coalesce(d.handle_seconds, 0) - coalesce(i.handle_seconds, 0)) > 0.001

),

agent_intervals as (

    select
        activity_date,
        agent_key,
        sum(offered_count) as offered_count,
        sum(handled_count) as handled_count,
        sum(missed_count) as missed_count,
        sum(rejected_count) as rejected_count,
        sum(handle_seconds) as handle_seconds,
        sum(talk_seconds) as talk_seconds
    from {{ ref('kpi_agent_interval') }}
    group by activity_date, agent_key

),

agent_days as (

    select
        activity_date,
        agent_key,
        offered_count,
        handled_count,
        missed_count,
        rejected_count,
        handle_seconds,
        talk_seconds
    from {{ ref('kpi_agent_daily') }}
    where offered_count + handled_count > 0

),

agent_differences as (

    select
        'kpi_agent' as kpi,
        coalesce(d.activity_date, i.activity_date) as activity_date,
        cast(null as {{ dbt.type_string() }}) as source_system,
        coalesce(d.agent_key, i.agent_key) as grain_key
    from agent_days as d
    full outer join agent_intervals as i
        on d.activity_date = i.activity_date and d.agent_key = i.agent_key
    where
        d.activity_date is null
        or i.activity_date is null
        or d.offered_count != i.offered_count
        or d.handled_count != i.handled_count
        or d.missed_count != i.missed_count
        or d.rejected_count != i.rejected_count
        or abs(coalesce(d.handle_seconds, 0) - coalesce(i.handle_seconds, 0)) > 0.001
        or abs(coalesce(d.talk_seconds, 0) - coalesce(i.talk_seconds, 0)) > 0.001

)

select * from queue_differences
union all
select * from agent_differences
