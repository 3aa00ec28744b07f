with

cxengage as (

    select * from {{ ref('int_queue_segments__cxengage') }}

),

ccai_platform as (

    select * from {{ ref('int_queue_segments__ccai_platform') }}

),

kore_smartassist as (

    select * from {{ ref('int_queue_segments__kore_smartassist') }}

),

buzzeasy as (

    select * from {{ ref('int_queue_segments__buzzeasy') }}

),

nice_cxone as (

    select * from {{ ref('int_queue_segments__nice_cxone') }}

),

unioned as (

    select
        source_system,
        queue_segment_id,
        interaction_id,
        segment_id,
        queue_id,
        entered_at,
        exited_at,
        wait_seconds,
        exit_reason,
        exit_reason_raw,
        is_abandoned,
        answered_by_agent_id,
        cast(null as {{ dbt.type_timestamp() }}) as loaded_at
    from cxengage

    union all

    select
        source_system,
        queue_segment_id,
        interaction_id,
        segment_id,
        queue_id,
        entered_at,
        exited_at,
        wait_seconds,
        exit_reason,
        exit_reason_raw,
        is_abandoned,
        answered_by_agent_id,
        loaded_at
    from nice_cxone

    union all

    select
        source_system,
        queue_segment_id,
        interaction_id,
        segment_id,
        queue_id,
        entered_at,
        exited_at,
        wait_seconds,
        exit_reason,
        exit_reason_raw,
        is_abandoned,
        answered_by_agent_id,
        cast(null as {{ dbt.type_timestamp() }}) as loaded_at
    from buzzeasy

    union all

    select
        source_system,
        queue_segment_id,
        interaction_id,
        segment_id,
        queue_id,
        entered_at,
        exited_at,
        wait_seconds,
        exit_reason,
        exit_reason_raw,
        is_abandoned,
        answered_by_agent_id,
        cast(null as {{ dbt.type_timestamp() }}) as loaded_at
    from kore_smartassist

    union all

    select
        source_system,
        queue_segment_id,
        interaction_id,
        segment_id,
        queue_id,
        entered_at,
        exited_at,
        wait_seconds,
        exit_reason,
        exit_reason_raw,
        is_abandoned,
        answered_by_agent_id,
        cast(null as {{ dbt.type_timestamp() }}) as loaded_at
    from ccai_platform

)

select * from unioned
