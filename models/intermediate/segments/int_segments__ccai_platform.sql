-- A CCAI Platform session starts one segment; each transfer starts another (from the transfer's
-- creation to the next transfer or the session's end). A segment's agent is the transfer's
-- receiving agent (for the first segment: the first transfer's sending agent, else the first
-- human agent participant); its queue is the transfer's target menu (for the first segment: the
-- selected menu); a first segment a virtual agent transferred has no human agent. A transfer
-- without its creation time starts at its assignment or connection. Carries each segment's
-- assignment time for the workitem mapping.

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

first_transfers as (

    select * from transfers
    where transfer_index = 0

),

first_agents as (

    -- the first human agent of the session, among those who connected before its first transfer
    select
        participants.session_id,
        participants.user_id,
        row_number() over (
            partition by participants.session_id
            order by participants.connected_at, participants.participant_index
        ) as agent_rank
    from participants
    left join first_transfers
        on participants.session_id = first_transfers.session_id
    where
        participants.participant_type = 'agent'
        and participants.user_id is not null
        and (
            first_transfers.transferred_at is null
            or participants.connected_at is null
            or participants.connected_at < first_transfers.transferred_at
        )

),

legs as (

    select
        sessions.session_id,
        0 as segment_sequence,
        sessions.started_at,
        coalesce(first_transfers.transferred_at, sessions.ended_at) as ended_at,
        -- a first leg a virtual agent handled and transferred has no human agent
        case
            when first_transfers.from_virtual_agent_id is null
                then coalesce(first_transfers.from_agent_id, first_agents.user_id)
        end as agent_id,
        sessions.selected_menu_id as queue_id,
        sessions.assigned_at,
        sessions.queued_at is not null and sessions.assigned_at is null
        and coalesce(sessions.deflection, 'no_deflection') = 'no_deflection' as was_unanswered,
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
        coalesce(transfers.transferred_at, sessions.started_at) as started_at,
        coalesce(
            lead(transfers.transferred_at) over (
                partition by transfers.session_id order by transfers.transfer_index
            ),
            sessions.ended_at
        ) as ended_at,
        transfers.to_agent_id as agent_id,
        transfers.to_queue_id as queue_id,
        transfers.assigned_at,
        transfers.to_queue_id is not null
        and coalesce(transfers.assigned_at, transfers.connected_at) is null
        and coalesce(transfers.deflection, 'no_deflection') = 'no_deflection' as was_unanswered,
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
        {{ dbt.concat([
            'legs.session_id', "':'", 'cast(legs.segment_sequence as ' ~ dbt.type_string() ~ ')'
        ]) }} as segment_id,
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
            when sessions.session_type ilike '%callback%' then 'callback'
            else 'new_interaction'
        end as start_reason,
        case
            when legs.segment_sequence > 0 then 'transfer'
            when sessions.scheduled_at is not null then 'scheduled'
            when sessions.session_type ilike '%callback%' then sessions.session_type
        end as start_reason_raw,
        case
            when legs.is_followed_by_transfer then 'transferred'
            when sessions.status = 'failed' then 'failed'
            -- queued, never assigned, not deflected: the customer left the queue
            when legs.was_unanswered then 'abandoned'
            when sessions.status in ('canceled', 'no_response') then 'abandoned'
            -- "completed with a deflection", or with the caller's voicemail recorded
            when sessions.status in ('finished', 'recovered', 'deflected', 'voicemail_received')
                then 'completed'
            else 'other'
        end as end_reason,
        case
            when legs.is_followed_by_transfer then 'transfer'
            else sessions.status
        end as end_reason_raw,
        legs.segment_sequence > 0 as is_transfer,
        sessions.loaded_at
    from legs
    inner join sessions
        on legs.session_id = sessions.session_id

)

select * from mapped
