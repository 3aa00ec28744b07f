-- A CCAI Platform interaction is the session (one metadata document): from its creation (for a
-- scheduled call, its scheduled time) to its end, with the channel and direction of its session
-- type and the disposition code the agent applied.

with

sessions as (

    select * from {{ ref('stg_ccai_platform__sessions') }}

),

segments as (

    select * from {{ ref('int_segments__ccai_platform') }}

),

mapped as (

    select
        'ccai_platform' as source_system,
        sessions.session_id as interaction_id,
        segments.channel,
        segments.channel_raw,
        segments.direction,
        segments.direction_raw,
        sessions.disposition_code as disposition_name,
        segments.started_at,
        sessions.ended_at,
        {{ customer_identifier(
            ['sessions.end_user_identifier'], 'sessions.end_user_id', 'ccai_platform'
        ) }} as customer_identifier,
        sessions.loaded_at
    from sessions
    inner join segments
        on sessions.session_id = segments.interaction_id and segments.segment_sequence = 0

)

select * from mapped
