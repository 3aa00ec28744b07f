-- Customer sentiment and satisfaction per day, vendor and queue. A measurement lands on the day
-- its interaction ended; its queue is its segment's queue, else the interaction's last queue
-- (DECISIONLOG.md). Shares are over the customer's measurements of that kind.

with

sentiment as (

    select * from {{ ref('fct_sentiment') }}

),

interactions as (

    select * from {{ ref('fct_interactions') }}

),

segments as (

    select * from {{ ref('fct_segments') }}

),

queue_segments as (

    select * from {{ ref('fct_queue_segments') }}

),

queues as (

    select * from {{ ref('dim_queues') }}

),

last_queues as (

    select
        interaction_key,
        queue_key,
        row_number() over (
            partition by interaction_key order by entered_at desc, queue_segment_key desc
        ) as queue_rank
    from queue_segments

),

measured as (

    select
        cast(coalesce(interactions.ended_at, interactions.started_at) as date) as activity_date,
        sentiment.source_system,
        coalesce(segments.queue_key, last_queues.queue_key) as queue_key,
        sentiment.measure,
        sentiment.label,
        sentiment.score
    from sentiment
    inner join interactions
        on sentiment.interaction_key = interactions.interaction_key
    left join segments
        on sentiment.segment_key = segments.segment_key
    left join last_queues
        on sentiment.interaction_key = last_queues.interaction_key and last_queues.queue_rank = 1
    where sentiment.participant_role = 'customer'

),

daily as (

    select
        activity_date,
        source_system,
        queue_key,
        count(case when measure = 'csat' then 1 end) as csat_response_count,
        count(case when measure = 'csat' then score end) as csat_scored_count,
        sum(case when measure = 'csat' then score end) as csat_score_total,
        avg(case when measure = 'csat' then score end) as csat_score,
        count(case when measure = 'overall' then 1 end) as sentiment_count,
        count(case when measure = 'overall' and label = 'positive' then 1 end) as positive_count,
        count(case when measure = 'overall' and label = 'negative' then 1 end) as negative_count,
        count(case when measure = 'overall' and label = 'neutral' then 1 end) as neutral_count,
        count(case when measure = 'overall' and label = 'mixed' then 1 end) as mixed_count,
        count(case when measure = 'frustration' then 1 end) as frustration_measured_count,
        count(case when measure = 'frustration' and label in ('low', 'high') then 1 end)
            as frustrated_count
    from measured
    where activity_date is not null
    group by activity_date, source_system, queue_key

)

select
    {{ dbt.hash(dbt.concat([
        'cast(daily.activity_date as ' ~ dbt.type_string() ~ ')', "'|'", 'daily.source_system', "'|'",
        "coalesce(daily.queue_key, '')"
    ])) }} as kpi_sentiment_daily_key,
    daily.activity_date,
    daily.source_system,
    daily.queue_key,
    queues.queue_name,
    cast(daily.csat_response_count as bigint) as csat_response_count,
    cast(daily.csat_scored_count as bigint) as csat_scored_count,
    daily.csat_score_total,
    daily.csat_score,
    cast(daily.sentiment_count as bigint) as sentiment_count,
    cast(daily.positive_count as double) / nullif(daily.sentiment_count, 0) as positive_share,
    cast(daily.negative_count as double) / nullif(daily.sentiment_count, 0) as negative_share,
    cast(daily.neutral_count as double) / nullif(daily.sentiment_count, 0) as neutral_share,
    cast(daily.mixed_count as double) / nullif(daily.sentiment_count, 0) as mixed_share,
    cast(daily.frustration_measured_count as bigint) as frustration_measured_count,
    cast(daily.frustrated_count as double) / nullif(daily.frustration_measured_count, 0)
        as frustration_share
from daily
left join queues
    on daily.queue_key = queues.queue_key
