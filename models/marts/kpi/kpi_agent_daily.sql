-- Agent KPIs per day and agent. Offers (and misses, rejections) land on the day they were
-- offered; handled work and its times on the day the handling ended; state time on the day the
-- state began. Occupancy only where the vendor reports agent states (DECISIONLOG.md).

with

workitems as (

    select * from {{ ref('fct_workitems') }}

),

agent_states as (

    select * from {{ ref('fct_agent_states') }}

),

agents as (

    select * from {{ ref('dim_agents') }}

),

agent_events as (

    select
        cast(offered_at as date) as activity_date,
        source_system,
        agent_key,
        1 as offered_count,
        0 as handled_count,
        case when result = 'missed' then 1 else 0 end as missed_count,
        case when result = 'rejected' then 1 else 0 end as rejected_count,
        cast(null as double) as handle_seconds,
        cast(null as double) as talk_seconds,
        cast(null as double) as hold_seconds,
        cast(null as double) as wrap_up_seconds,
        cast(null as double) as busy_seconds,
        cast(null as double) as available_seconds
    from workitems
    where agent_key is not null
    union all
    select
        cast(coalesce(ended_at, accepted_at, offered_at) as date) as activity_date,
        source_system,
        agent_key,
        0 as offered_count,
        1 as handled_count,
        0 as missed_count,
        0 as rejected_count,
        handle_seconds,
        talk_seconds,
        hold_seconds,
        wrap_up_seconds,
        cast(null as double) as busy_seconds,
        cast(null as double) as available_seconds
    from workitems
    where agent_key is not null and result = 'handled'
    union all
    select
        cast(started_at as date) as activity_date,
        source_system,
        agent_key,
        0 as offered_count,
        0 as handled_count,
        0 as missed_count,
        0 as rejected_count,
        cast(null as double) as handle_seconds,
        cast(null as double) as talk_seconds,
        cast(null as double) as hold_seconds,
        cast(null as double) as wrap_up_seconds,
        case when state = 'busy' then duration_seconds else 0 end as busy_seconds,
        case when state = 'available' then duration_seconds else 0 end as available_seconds
    from agent_states

),

daily as (

    select
        activity_date,
        source_system,
        agent_key,
        sum(offered_count) as offered_count,
        sum(handled_count) as handled_count,
        sum(missed_count) as missed_count,
        sum(rejected_count) as rejected_count,
        sum(handle_seconds) as handle_seconds,
        sum(talk_seconds) as talk_seconds,
        sum(hold_seconds) as hold_seconds,
        sum(wrap_up_seconds) as wrap_up_seconds,
        sum(busy_seconds) as busy_seconds,
        sum(available_seconds) as available_seconds
    from agent_events
    where activity_date is not null
    group by activity_date, source_system, agent_key

)

select
    {{ dbt.hash(dbt.concat([
        'cast(daily.activity_date as ' ~ dbt.type_string() ~ ')', "'|'", 'daily.agent_key'
    ])) }} as kpi_agent_daily_key,
    daily.activity_date,
    daily.source_system,
    daily.agent_key,
    agents.agent_name,
    cast(daily.offered_count as bigint) as offered_count,
    cast(daily.handled_count as bigint) as handled_count,
    cast(daily.missed_count as bigint) as missed_count,
    cast(daily.rejected_count as bigint) as rejected_count,
    daily.handle_seconds,
    daily.talk_seconds,
    daily.hold_seconds,
    daily.wrap_up_seconds,
    daily.handle_seconds / nullif(daily.handled_count, 0) as average_handle_seconds,
    daily.busy_seconds,
    daily.available_seconds,
    daily.busy_seconds / nullif(daily.busy_seconds + daily.available_seconds, 0) as occupancy_rate
from daily
left join agents
    on daily.agent_key = agents.agent_key
