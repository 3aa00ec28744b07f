-- Bot KPIs per day, vendor and bot: the bot's sessions on the day they started, how many were
-- contained (the interaction ended with its bots: every bot step completed, no queue, no agent),
-- escalated or abandoned, and the containment rate (DECISIONLOG.md).

with

bot_segments as (

    select * from {{ ref('fct_bot_segments') }}

),

interactions as (

    select * from {{ ref('fct_interactions') }}

),

daily as (

    select
        cast(bot_segments.started_at as date) as activity_date,
        bot_segments.source_system,
        bot_segments.bot_name,
        count(*) as session_count,
        count(case when interactions.was_contained_by_bot then 1 end) as contained_count,
        count(case when bot_segments.outcome = 'escalated' then 1 end) as escalated_count,
        count(case when bot_segments.outcome = 'abandoned' then 1 end) as abandoned_count,
        count(case when bot_segments.outcome = 'failed' then 1 end) as failed_count,
        sum(bot_segments.duration_seconds) as bot_seconds
    from bot_segments
    inner join interactions
        on bot_segments.interaction_key = interactions.interaction_key
    where bot_segments.started_at is not null
    group by
        cast(bot_segments.started_at as date),
        bot_segments.source_system,
        bot_segments.bot_name

)

select
    {{ dbt.hash(dbt.concat([
        'cast(activity_date as ' ~ dbt.type_string() ~ ')', "'|'", 'source_system', "'|'",
        "coalesce(bot_name, '')"
    ])) }} as kpi_bot_daily_key,
    activity_date,
    source_system,
    bot_name,
    cast(session_count as bigint) as session_count,
    cast(contained_count as bigint) as contained_count,
    cast(escalated_count as bigint) as escalated_count,
    cast(abandoned_count as bigint) as abandoned_count,
    cast(failed_count as bigint) as failed_count,
    bot_seconds,
    cast(contained_count as double) / nullif(session_count, 0) as containment_rate
from daily
