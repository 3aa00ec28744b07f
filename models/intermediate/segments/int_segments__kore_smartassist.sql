-- A SmartAssist session is a bot leg followed by one leg per destination (a queue entry, or a
-- direct transfer to an agent). Each is a segment: the bot leg from the session's start to the
-- first destination (or the session's end), each destination until the next one (or the
-- session's end). Segments are sequenced by start time within the interaction (conversationId,
-- else the session). A destination's agent is its responding agent and its queue the queue it
-- entered.

with

sessions as (

    select * from {{ ref('stg_kore_smartassist__sessions') }}

),

destinations as (

    select * from {{ ref('stg_kore_smartassist__destinations') }}

),

timed_destinations as (

    select
        destinations.*,
        lead(destinations.entered_at) over (
            partition by destinations.session_id order by destinations.destination_index
        ) as next_entered_at,
        min(destinations.entered_at) over (partition by destinations.session_id)
            as first_entered_at
    from destinations

),

first_destinations as (

    select distinct
        session_id,
        first_entered_at
    from timed_destinations

),

legs as (

    select
        {{ dbt.concat(['sessions.session_id', "':bot'"]) }} as segment_id,
        sessions.session_id,
        sessions.interaction_id,
        -1 as destination_index,
        sessions.started_at,
        coalesce(first_destinations.first_entered_at, sessions.ended_at) as ended_at,
        cast(null as {{ dbt.type_string() }}) as agent_id,
        cast(null as {{ dbt.type_string() }}) as queue_id,
        first_destinations.session_id is not null as has_next_leg
    from sessions
    left join first_destinations
        on sessions.session_id = first_destinations.session_id
    union all
    select
        timed_destinations.destination_id as segment_id,
        timed_destinations.session_id,
        sessions.interaction_id,
        timed_destinations.destination_index,
        timed_destinations.entered_at as started_at,
        coalesce(timed_destinations.next_entered_at, sessions.ended_at) as ended_at,
        timed_destinations.responding_agent_id as agent_id,
        timed_destinations.queue_id,
        timed_destinations.next_entered_at is not null as has_next_leg
    from timed_destinations
    inner join sessions
        on timed_destinations.session_id = sessions.session_id

),

mapped as (

    select
        'kore_smartassist' as source_system,
        legs.segment_id,
        legs.interaction_id,
        row_number() over (
            partition by legs.interaction_id
            order by legs.started_at, legs.session_id, legs.destination_index
        ) - 1 as segment_sequence,
        case
            when lower(sessions.channel) = 'voice' then 'voice'
            when
                lower(sessions.channel) in ('rtm', 'web', 'web / mobile client', 'chat')
                then 'chat'
            when lower(sessions.channel) = 'sms' then 'sms'
            when lower(sessions.channel) = 'email' then 'email'
            when
                lower(sessions.channel)
                in ('whatsapp', 'messenger', 'facebook', 'instagram', 'line', 'telegram')
                then 'messaging'
            else 'other'
        end as channel,
        sessions.channel as channel_raw,
        case lower(sessions.direction)
            when 'inbound' then 'inbound'
            when 'outbound' then 'outbound'
            else 'other'
        end as direction,
        sessions.direction as direction_raw,
        legs.started_at,
        legs.ended_at,
        legs.agent_id,
        legs.queue_id,
        case
            when legs.destination_index >= 0 then 'transfer'
            else 'new_interaction'
        end as start_reason,
        case when legs.destination_index >= 0 then 'destination' else 'session start' end
            as start_reason_raw,
        case
            when legs.has_next_leg then 'transferred'
            when sessions.final_status = 'Dropped' then 'abandoned'
            when sessions.smart_status = 'TERMINATED' then 'failed'
            when upper(sessions.final_status) = 'CLOSED' then 'completed'
            when sessions.smart_status = 'CLOSED AT BOT' then 'completed'
            else 'other'
        end as end_reason,
        case
            when legs.has_next_leg then 'next destination'
            else concat_ws(
                    ' / ', sessions.smart_status, sessions.final_status, sessions.status_detail
                )
        end as end_reason_raw,
        legs.destination_index >= 0 as is_transfer,
        -- a leg is read from one session (its destinations carry the session's load time)
        sessions.loaded_at
    from legs
    inner join sessions
        on legs.session_id = sessions.session_id

)

select * from mapped
