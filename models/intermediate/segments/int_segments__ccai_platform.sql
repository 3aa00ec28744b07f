-- A CCAI Platform session starts one segment; each transfer starts another (from the transfer's
-- creation to the next transfer or the session's end). A segment's agent is the transfer's
-- receiving agent (for the first segment: the first transfer's sending agent, else the first
-- human agent participant); its queue is the transfer's target menu (for the first segment: the
-- selected menu). Carries each segment's assignment time for the workitem mapping.

with

sessions as (

    select * from {{ ref('stg_ccai_platform__sessions') }}

),

transfers as (

    select * from {{ ref('stg_ccai_platform__transfers') }}

),

participants as (

    select * from {{ ref('stg_ccai_platform__participants') }}

),

first_agents as (

    select
        session_id,
        user_id,
        row_number() over (partition by session_id order by connected_at, participant_index)
            as agent_rank
    from participants
    where participant_type = 'agent' and user_id is not null

),

first_transfers as (

    select * from transfers
    where transfer_index = 0

),

legs as (

    select
        sessions.session_id,
        0 as segment_sequence,
        -- a scheduled call starts at its scheduled time, not when it was booked
        greatest(sessions.created_at, coalesce(sessions.scheduled_at, sessions.created_at))
            as started_at,
        coalesce(first_transfers.created_at, sessions.ended_at) as ended_at,
        coalesce(first_transfers.from_agent_id, first_agents.user_id) as agent_id,
        sessions.selected_menu_id as queue_id,
        sessions.assigned_at,
        first_transfers.session_id is not null as is_followed_by_transfer
    from sessions
    left join first_transfers
        on sessions.session_id = first_transfers.session_id
    left join first_agents
        on sessions.session_id = first_agents.session_id and first_agents.agent_rank = 1
    union all
    select
        transfers.session_id,
        transfers.transfer_index + 1 as segment_sequence,
        transfers.created_at as started_at,
        coalesce(
            lead(transfers.created_at) over (
                partition by transfers.session_id order by transfers.transfer_index
            ),
            sessions.ended_at
        ) as ended_at,
        transfers.to_agent_id as agent_id,
        transfers.to_queue_id as queue_id,
        transfers.assigned_at,
        lead(transfers.transfer_index) over (
            partition by transfers.session_id order by transfers.transfer_index
        ) is not null as is_followed_by_transfer
    from transfers
    inner join sessions
        on transfers.session_id = sessions.session_id

),

mapped as (

    select
        'ccai_platform' as source_system,
        {{ dbt.concat(['legs.session_id', "':'", 'cast(legs.segment_sequence as varchar)']) }}
            as segment_id,
        legs.session_id as interaction_id,
        legs.segment_sequence,
        case
            when sessions.session_kind = 'call' then 'voice'
            when sessions.session_type ilike '%sms%' then 'sms'
            when sessions.session_type ilike '%whatsapp%' then 'messaging'
            else 'chat'
        end as channel,
        sessions.session_type as channel_raw,
        case
            when sessions.session_type ilike '%internal%' then 'internal'
            when sessions.session_type ilike '%outbound%' then 'outbound'
            when sessions.session_type ilike '%campaign%' then 'outbound'
            else 'inbound'
        end as direction,
        sessions.session_type as direction_raw,
        legs.started_at,
        legs.ended_at,
        legs.agent_id,
        legs.queue_id,
        legs.assigned_at,
        case
            when legs.segment_sequence > 0 then 'transfer'
            when sessions.scheduled_at is not null then 'callback'
            else 'new_interaction'
        end as start_reason,
        case
            when legs.segment_sequence > 0 then 'transfer'
            when sessions.scheduled_at is not null then 'scheduled'
        end as start_reason_raw,
        case
            when legs.is_followed_by_transfer then 'transferred'
            when sessions.status = 'failed' then 'failed'
            when sessions.status in ('canceled', 'no_response') then 'abandoned'
            when sessions.status in ('finished', 'recovered') then 'completed'
            else 'other'
        end as end_reason,
        case
            when legs.is_followed_by_transfer then 'transfer'
            else sessions.status
        end as end_reason_raw,
        legs.segment_sequence > 0 as is_transfer
    from legs
    inner join sessions
        on legs.session_id = sessions.session_id

)

select * from mapped
