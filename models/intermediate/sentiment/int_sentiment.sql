with

cxengage as (

    select * from {{ ref('int_sentiment__cxengage') }}

),

unioned as (

    select
        source_system,
        sentiment_id,
        interaction_id,
        segment_id,
        participant_role,
        measure,
        label,
        score,
        raw_value
    from cxengage

)

select * from unioned
