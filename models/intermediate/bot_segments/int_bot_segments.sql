with

cxengage as (

    select * from {{ ref('int_bot_segments__cxengage') }}

),

ccai_platform as (

    select * from {{ ref('int_bot_segments__ccai_platform') }}

),

kore_smartassist as (

    select * from {{ ref('int_bot_segments__kore_smartassist') }}

),

buzzeasy as (

    select * from {{ ref('int_bot_segments__buzzeasy') }}

),

unioned as (

    select
        source_system,
        bot_segment_id,
        interaction_id,
        bot_name,
        bot_type,
        started_at,
        ended_at,
        duration_seconds,
        outcome,
        outcome_raw
    from cxengage

    union all

    select
        source_system,
        bot_segment_id,
        interaction_id,
        bot_name,
        bot_type,
        started_at,
        ended_at,
        duration_seconds,
        outcome,
        outcome_raw
    from buzzeasy

    union all

    select
        source_system,
        bot_segment_id,
        interaction_id,
        bot_name,
        bot_type,
        started_at,
        ended_at,
        duration_seconds,
        outcome,
        outcome_raw
    from kore_smartassist

    union all

    select
        source_system,
        bot_segment_id,
        interaction_id,
        bot_name,
        bot_type,
        started_at,
        ended_at,
        duration_seconds,
        outcome,
        outcome_raw
    from ccai_platform

)

select * from unioned
