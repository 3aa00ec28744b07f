with

cxengage as (

    select * from {{ ref('int_sentiment__cxengage') }}

),

ccai_platform as (

    select * from {{ ref('int_sentiment__ccai_platform') }}

),

kore_smartassist as (

    select * from {{ ref('int_sentiment__kore_smartassist') }}

),

nice_cxone as (

    select * from {{ ref('int_sentiment__nice_cxone') }}

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
        raw_value,
        entity_name,
        cast(null as {{ dbt.type_timestamp() }}) as loaded_at
    from cxengage

    union all

    select
        source_system,
        sentiment_id,
        interaction_id,
        segment_id,
        participant_role,
        measure,
        label,
        score,
        raw_value,
        entity_name,
        loaded_at
    from nice_cxone

    union all

    select
        source_system,
        sentiment_id,
        interaction_id,
        segment_id,
        participant_role,
        measure,
        label,
        score,
        raw_value,
        entity_name,
        cast(null as {{ dbt.type_timestamp() }}) as loaded_at
    from kore_smartassist

    union all

    select
        source_system,
        sentiment_id,
        interaction_id,
        segment_id,
        participant_role,
        measure,
        label,
        score,
        raw_value,
        entity_name,
        cast(null as {{ dbt.type_timestamp() }}) as loaded_at
    from ccai_platform

)

select * from unioned
