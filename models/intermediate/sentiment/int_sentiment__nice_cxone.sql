-- NICE CXone measures, per segment and participant channel, the overall, begin and end
-- sentiment and (client only) frustration; and the sentiment of each entity a participant
-- mentioned (measure `entity`). The CLIENT channel of an internal consult is the other agent.
-- Frustration labels (none, low, high) carry no score.

with

channels as (

    select * from {{ ref('stg_nice_cxone__channels') }}

),

entities as (

    select * from {{ ref('stg_nice_cxone__entities') }}

),

segments as (

    select * from {{ ref('int_segments__nice_cxone') }}

),

channel_measures as (

    select
        segment_channel_id,
        segment_id,
        channel_name,
        'overall' as measure,
        sentiment as raw_value
    from channels
    union all
    select
        segment_channel_id,
        segment_id,
        channel_name,
        'begin' as measure,
        begin_sentiment as raw_value
    from channels
    union all
    select
        segment_channel_id,
        segment_id,
        channel_name,
        'end' as measure,
        end_sentiment as raw_value
    from channels
    union all
    select
        segment_channel_id,
        segment_id,
        channel_name,
        'frustration' as measure,
        frustration as raw_value
    from channels

),

measured as (

    select
        {{ dbt.concat(['segment_channel_id', "':'", 'measure']) }} as sentiment_id,
        segment_id,
        channel_name,
        measure,
        raw_value,
        cast(null as {{ dbt.type_string() }}) as entity_name
    from channel_measures
    where raw_value is not null
    union all
    select
        {{ dbt.concat(['segment_entity_id', "':entity'"]) }} as sentiment_id,
        segment_id,
        channel_name,
        'entity' as measure,
        sentiment as raw_value,
        display_text as entity_name
    from entities
    where sentiment is not null

),

mapped as (

    select
        'nice_cxone' as source_system,
        measured.sentiment_id,
        segments.interaction_id,
        measured.segment_id,
        case
            when measured.channel_name = 'AGENT' then 'agent'
            when measured.channel_name = 'CLIENT' and segments.is_consult then 'agent'
            when measured.channel_name = 'CLIENT' then 'customer'
            else 'other'
        end as participant_role,
        measured.measure,
        case
            when
                measured.measure = 'frustration'
                and lower(measured.raw_value) in ('none', 'low', 'high')
                then lower(measured.raw_value)
            when measured.measure <> 'frustration'
                and lower(measured.raw_value) in ('positive', 'negative', 'neutral', 'mixed')
                then lower(measured.raw_value)
            else 'other'
        end as label,
        case
            when measured.measure = 'frustration' then null
            when lower(measured.raw_value) = 'positive' then 1.0
            when lower(measured.raw_value) in ('neutral', 'mixed') then 0.0
            when lower(measured.raw_value) = 'negative' then -1.0
        end as score,
        measured.raw_value,
        measured.entity_name,
        segments.loaded_at
    from measured
    inner join segments
        on measured.segment_id = segments.segment_id

)

select * from mapped
