with

cxengage as (

    select * from {{ ref('int_segments__cxengage') }}

),

ccai_platform as (

    select * from {{ ref('int_segments__ccai_platform') }}

),

kore_smartassist as (

    select * from {{ ref('int_segments__kore_smartassist') }}

),

buzzeasy as (

    select * from {{ ref('int_segments__buzzeasy') }}

),

nice_cxone as (

    select * from {{ ref('int_segments__nice_cxone') }}

),

unioned as (

    select
        source_system,
        segment_id,
        interaction_id,
        segment_sequence,
        channel,
        direction,
        started_at,
        ended_at,
        agent_id,
        queue_id,
        start_reason,
        start_reason_raw,
        end_reason,
        end_reason_raw,
        is_transfer,
        cast(null as {{ dbt.type_timestamp() }}) as loaded_at
    from cxengage

    union all

    select
        source_system,
        segment_id,
        interaction_id,
        segment_sequence,
        channel,
        direction,
        started_at,
        ended_at,
        agent_id,
        queue_id,
        start_reason,
        start_reason_raw,
        end_reason,
        end_reason_raw,
        is_transfer,
        loaded_at
    from nice_cxone

    union all

    select
        source_system,
        segment_id,
        interaction_id,
        segment_sequence,
        channel,
        direction,
        started_at,
        ended_at,
        agent_id,
        queue_id,
        start_reason,
        start_reason_raw,
        end_reason,
        end_reason_raw,
        is_transfer,
        cast(null as {{ dbt.type_timestamp() }}) as loaded_at
    from buzzeasy

    union all

    select
        source_system,
        segment_id,
        interaction_id,
        segment_sequence,
        channel,
        direction,
        started_at,
        ended_at,
        agent_id,
        queue_id,
        start_reason,
        start_reason_raw,
        end_reason,
        end_reason_raw,
        is_transfer,
        cast(null as {{ dbt.type_timestamp() }}) as loaded_at
    from kore_smartassist

    union all

    select
        source_system,
        segment_id,
        interaction_id,
        segment_sequence,
        channel,
        direction,
        started_at,
        ended_at,
        agent_id,
        queue_id,
        start_reason,
        start_reason_raw,
        end_reason,
        end_reason_raw,
        is_transfer,
        cast(null as {{ dbt.type_timestamp() }}) as loaded_at
    from ccai_platform

)

select * from unioned
