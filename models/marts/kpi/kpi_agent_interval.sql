-- Agent KPIs per reporting interval (var kpi_interval_minutes) and agent, with the daily
-- model's attribution at interval grain: offers, misses and rejections in the interval of the
-- offer, handled work and its times in the interval the handling ended. State time and occupancy
-- stay daily: a state spans intervals, and counting it where it began would misstate both
-- (DECISIONLOG.md).

with

workitems as (

    select * from {{ ref('fct_workitems') }}

),

agents as (

    select * from {{ ref('dim_agents') }}

),

agent_events as (

    select
        {{ interval_start('offered_at') }} as interval_start,
        source_system,
        agent_key,
        1 as offered_count,
        0 as handled_count,
        case when result = 'missed' then 1 else 0 end as missed_count,
        case when result = 'rejected' then 1 else 0 end as rejected_count,
        cast(null as double) as handle_seconds,
        cast(null as double) as talk_seconds,
        cast(null as double) as hold_seconds,
        cast(null as double) as wrap_up_seconds
    from workitems
    where agent_key is not null
    union all
    select
        {{ interval_start('coalesce(ended_at, accepted_at, offered_at)') }} as interval_start,
        source_system,
        agent_key,
        0 as offered_count,
        1 as handled_count,
        0 as missed_count,
        0 as rejected_count,
        handle_seconds,
        talk_seconds,
        hold_seconds,
        wrap_up_seconds
    from workitems
    where agent_key is not null and result = 'handled'

),

intervals as (

    select
        interval_start,
        source_system,
        agent_key,
        sum(offered_count) as offered_count,
        sum(handled_count) as handled_count,
        sum(missed_count) as missed_count,
        sum(rejected_count) as rejected_count,
        sum(handle_seconds) as handle_seconds,
        sum(talk_seconds) as talk_seconds,
        sum(hold_seconds) as hold_seconds,
        sum(wrap_up_seconds) as wrap_up_seconds
    from agent_events
    where interval_start is not null
    group by interval_start, source_system, agent_key

),

final as (

    select
        {{ dbt.hash(dbt.concat([
            'cast(intervals.interval_start as ' ~ dbt.type_string() ~ ')', "'|'",
            'intervals.agent_key'
        ])) }} as kpi_agent_interval_key,
        cast(intervals.interval_start as timestamp) as interval_start,
        cast(intervals.interval_start as date) as activity_date,
        cast({{ kpi_interval_minutes() }} as integer) as interval_minutes,
        intervals.source_system,
        intervals.agent_key,
        agents.agent_name,
        cast(intervals.offered_count as bigint) as offered_count,
        cast(intervals.handled_count as bigint) as handled_count,
        cast(intervals.missed_count as bigint) as missed_count,
        cast(intervals.rejected_count as bigint) as rejected_count,
        intervals.handle_seconds,
        intervals.talk_seconds,
        intervals.hold_seconds,
        intervals.wrap_up_seconds,
        intervals.handle_seconds / nullif(intervals.handled_count, 0) as average_handle_seconds
    from intervals
    left join agents
        on intervals.agent_key = agents.agent_key

)

select
    kpi_agent_interval_key,
    interval_start,
    activity_date,
    interval_minutes,
    source_system,
    agent_key,
    agent_name,
    offered_count,
    handled_count,
    missed_count,
    rejected_count,
    handle_seconds,
    talk_seconds,
    hold_seconds,
    wrap_up_seconds,
    average_handle_seconds
from final
