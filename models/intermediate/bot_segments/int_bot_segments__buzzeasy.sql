-- Buzzeasy bot segments are the vendor's own (Bot Segments), named and typed by their Bot Step.
-- The feed documents only tenant-local times for them: when no UTC time is sent, the local time
-- is shifted by its conversation's own offset (startedAt minus startedAtUTC), which follows the
-- tenant's daylight saving time (DECISIONLOG.md). result maps to outcome.

with

bot_segments as (

    select * from {{ ref('stg_buzzeasy__bot_segments') }}

),

bot_steps as (

    select * from {{ ref('stg_buzzeasy__bot_steps') }}

),

chains as (

    select * from {{ ref('int_conversation_chains__buzzeasy') }}

),

offsets as (

    select
        conversation_id,
        interaction_id,
        {{ dbt.datediff('started_at', 'started_at_local', 'second') }}
            as tenant_offset_seconds
    from chains

),

mapped as (

    select
        'buzzeasy' as source_system,
        bot_segments.bot_segment_id,
        offsets.interaction_id,
        bot_steps.bot_step_name as bot_name,
        bot_steps.bot_step_type as bot_type,
        coalesce(
            bot_segments.started_at,
            {{ dbt.dateadd(
                'second', '-1 * offsets.tenant_offset_seconds', 'bot_segments.started_at_local'
            ) }}
        ) as started_at,
        coalesce(
            bot_segments.ended_at,
            {{ dbt.dateadd(
                'second', '-1 * offsets.tenant_offset_seconds', 'bot_segments.ended_at_local'
            ) }}
        ) as ended_at,
        bot_segments.duration_seconds,
        case bot_segments.result
            when 'Success' then 'completed'
            when 'CustomerDisconnect' then 'abandoned'
            when 'Failed' then 'failed'
            else 'other'
        end as outcome,
        bot_segments.result as outcome_raw
    from bot_segments
    left join bot_steps
        on bot_segments.bot_step_id = bot_steps.bot_step_id
    left join offsets
        on bot_segments.conversation_id = offsets.conversation_id

)

select * from mapped
