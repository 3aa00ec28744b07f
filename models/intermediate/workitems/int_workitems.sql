with

cxengage as (

    select * from {{ ref('int_workitems__cxengage') }}

),

ccai_platform as (

    select * from {{ ref('int_workitems__ccai_platform') }}

),

kore_smartassist as (

    select * from {{ ref('int_workitems__kore_smartassist') }}

),

buzzeasy as (

    select * from {{ ref('int_workitems__buzzeasy') }}

),

nice_cxone as (

    select * from {{ ref('int_workitems__nice_cxone') }}

),

unioned as (

    select
        source_system,
        workitem_id,
        interaction_id,
        segment_id,
        agent_id,
        queue_id,
        offered_at,
        accepted_at,
        ended_at,
        handle_seconds,
        talk_seconds,
        hold_seconds,
        hold_count,
        wrap_up_seconds,
        result,
        result_raw,
        cast(null as {{ dbt.type_timestamp() }}) as loaded_at
    from cxengage

    union all

    select
        source_system,
        workitem_id,
        interaction_id,
        segment_id,
        agent_id,
        queue_id,
        offered_at,
        accepted_at,
        ended_at,
        handle_seconds,
        talk_seconds,
        hold_seconds,
        hold_count,
        wrap_up_seconds,
        result,
        result_raw,
        loaded_at
    from nice_cxone

    union all

    select
        source_system,
        workitem_id,
        interaction_id,
        segment_id,
        agent_id,
        queue_id,
        offered_at,
        accepted_at,
        ended_at,
        handle_seconds,
        talk_seconds,
        hold_seconds,
        hold_count,
        wrap_up_seconds,
        result,
        result_raw,
        cast(null as {{ dbt.type_timestamp() }}) as loaded_at
    from buzzeasy

    union all

    select
        source_system,
        workitem_id,
        interaction_id,
        segment_id,
        agent_id,
        queue_id,
        offered_at,
        accepted_at,
        ended_at,
        handle_seconds,
        talk_seconds,
        hold_seconds,
        hold_count,
        wrap_up_seconds,
        result,
        result_raw,
        cast(null as {{ dbt.type_timestamp() }}) as loaded_at
    from kore_smartassist

    union all

    select
        source_system,
        workitem_id,
        interaction_id,
        segment_id,
        agent_id,
        queue_id,
        offered_at,
        accepted_at,
        ended_at,
        handle_seconds,
        talk_seconds,
        hold_seconds,
        hold_count,
        wrap_up_seconds,
        result,
        result_raw,
        cast(null as {{ dbt.type_timestamp() }}) as loaded_at
    from ccai_platform

)

select * from unioned
