-- Every SmartAssist session starts with its bot: one bot segment per session, from the session's
-- start to its first destination (a queue entry or a direct transfer), or to the session's end
-- when it ended at the bot. Outcome: escalated when a destination followed; otherwise from
-- smartStatus / finalStatus: CLOSED AT BOT completed (Dropped: abandoned), TERMINATED failed
-- (the bot could not hand over, e.g. no agents available).

with

sessions as (

    select * from {{ ref('stg_kore_smartassist__sessions') }}

),

destinations as (

    select * from {{ ref('stg_kore_smartassist__destinations') }}

),

first_destinations as (

    select
        session_id,
        min(entered_at) as first_entered_at
    from destinations
    group by session_id

),

mapped as (

    select
        'kore_smartassist' as source_system,
        {{ dbt.concat(['sessions.session_id', "':bot'"]) }} as bot_segment_id,
        sessions.interaction_id,
        sessions.bot_id as bot_name,
        'virtual_agent' as bot_type,
        sessions.started_at,
        coalesce(first_destinations.first_entered_at, sessions.ended_at) as ended_at,
        {{ seconds_between(
            'sessions.started_at',
            'coalesce(first_destinations.first_entered_at, sessions.ended_at)',
        ) }} as duration_seconds,
        case
            when first_destinations.session_id is not null then 'escalated'
            when sessions.final_status = 'Dropped' then 'abandoned'
            when sessions.smart_status = 'TERMINATED' then 'failed'
            when sessions.smart_status = 'CLOSED AT BOT' then 'completed'
            else 'other'
        end as outcome,
        concat_ws(' / ', sessions.smart_status, sessions.final_status, sessions.status_detail)
            as outcome_raw,
        -- the session and its destinations share its load time
        sessions.loaded_at
    from sessions
    left join first_destinations
        on sessions.session_id = first_destinations.session_id

)

select * from mapped
