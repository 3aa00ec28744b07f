-- One row per stretch of a CCAI Platform session handled by a virtual agent.

with

base as (

    select * from {{ ref('base_ccai_platform__sessions') }}

),

stretches as (

    select
        session_id,
        unnest(ccai_session.virtual_agent_handle_durations) as stretch,
        generate_subscripts(ccai_session.virtual_agent_handle_durations, 1) - 1 as stretch_index
    from base

),

renamed as (

    select
        -- ids
        session_id || ':' || stretch_index as virtual_agent_handle_id,
        session_id,
        stretch_index,
        stretch.virtual_agent.id as virtual_agent_id,
        stretch.transfer_id,

        -- dimensions
        stretch.virtual_agent.name as virtual_agent_name,
        stretch.escalation_reason,
        stretch.finish_reason,

        -- measures
        coalesce(stretch.call_duration, stretch.chat_duration) as handle_seconds,

        -- timestamps (UTC)
        {{ utc_timestamp('stretch.started_at') }} as started_at,
        {{ utc_timestamp('stretch.ended_at') }} as ended_at

    from stretches

)

select * from renamed
