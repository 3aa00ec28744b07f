-- A CCAI Platform session waits in the queue of its selected menu from `queued_at` until an agent
-- is assigned. A chat has no queued_at: it waits from its creation, or from the end of its
-- virtual agent's handling, and a chat a virtual agent handled alone (no human agent joined)
-- never waited for one. A transfer to a menu waits from the transfer until its assignment.
-- Unassigned waits end with the session: a deflection to a scheduled call or a callback is
-- `callback`, any other deflection (voicemail, an after-hours message) `other`, otherwise the
-- wait was abandoned.

with

sessions as (

    select * from {{ ref('stg_ccai_platform__sessions') }}

),

transfers as (

    select * from {{ ref('stg_ccai_platform__transfers') }}

),

segments as (

    select * from {{ ref('int_segments__ccai_platform') }}

),

virtual_agent_handling as (

    select
        session_id,
        max(ended_at) as ended_at
    from {{ ref('stg_ccai_platform__virtual_agent_handle_durations') }}
    group by session_id

),

human_agents as (

    select distinct session_id
    from {{ ref('stg_ccai_platform__participants') }}
    where participant_type = 'agent'

),

waits as (

    select
        {{ dbt.concat(['sessions.session_id', "':queue:0'"]) }} as queue_segment_id,
        sessions.session_id,
        {{ dbt.concat(['sessions.session_id', "':0'"]) }} as segment_id,
        sessions.selected_menu_id as queue_id,
        coalesce(
            sessions.queued_at,
            case
                when sessions.session_kind = 'chat'
                    then coalesce(virtual_agent_handling.ended_at, sessions.started_at)
            end
        ) as entered_at,
        coalesce(sessions.assigned_at, sessions.ended_at) as exited_at,
        sessions.queue_seconds as reported_wait_seconds,
        sessions.assigned_at is not null as was_assigned,
        sessions.deflection,
        sessions.status,
        sessions.loaded_at
    from sessions
    left join virtual_agent_handling
        on sessions.session_id = virtual_agent_handling.session_id
    left join human_agents
        on sessions.session_id = human_agents.session_id
    where
        sessions.selected_menu_id is not null
        and (
            sessions.queued_at is not null
            or (
                sessions.session_kind = 'chat'
                and (
                    virtual_agent_handling.session_id is null
                    or human_agents.session_id is not null
                )
            )
        )
    union all
    select
        {{ dbt.concat([
            'transfers.session_id', "':queue:'", 'cast(transfers.transfer_index + 1 as ' ~ dbt.type_string() ~ ')'
        ]) }} as queue_segment_id,
        transfers.session_id,
        {{ dbt.concat([
            'transfers.session_id', "':'", 'cast(transfers.transfer_index + 1 as ' ~ dbt.type_string() ~ ')'
        ]) }} as segment_id,
        transfers.to_queue_id as queue_id,
        coalesce(transfers.transferred_at, sessions.started_at) as entered_at,
        coalesce(transfers.assigned_at, transfers.connected_at, sessions.ended_at) as exited_at,
        cast(null as double) as reported_wait_seconds,
        coalesce(transfers.assigned_at, transfers.connected_at) is not null as was_assigned,
        transfers.deflection,
        sessions.status,
        sessions.loaded_at
    from transfers
    inner join sessions
        on transfers.session_id = sessions.session_id
    where transfers.to_queue_id is not null

),

mapped as (

    select
        'ccai_platform' as source_system,
        waits.queue_segment_id,
        waits.session_id as interaction_id,
        waits.segment_id,
        waits.queue_id,
        waits.entered_at,
        waits.exited_at,
        coalesce(
            waits.reported_wait_seconds,
            {{ seconds_between('waits.entered_at', 'waits.exited_at') }}
        ) as wait_seconds,
        case
            when waits.was_assigned then 'answered'
            when waits.deflection ilike '%schedul%' or waits.deflection ilike '%callback%'
                then 'callback'
            when coalesce(waits.deflection, 'no_deflection') <> 'no_deflection' then 'other'
            when waits.status in ('deflected', 'voicemail', 'voicemail_received') then 'other'
            else 'abandoned'
        end as exit_reason,
        case
            when waits.was_assigned then 'assigned'
            when coalesce(waits.deflection, 'no_deflection') <> 'no_deflection'
                then {{ dbt.concat(["'deflection: '", 'waits.deflection']) }}
            else waits.status
        end as exit_reason_raw,
        not waits.was_assigned
        and coalesce(waits.deflection, 'no_deflection') = 'no_deflection'
        and coalesce(waits.status, '') not in ('deflected', 'voicemail', 'voicemail_received')
            as is_abandoned,
        case when waits.was_assigned then segments.agent_id end as answered_by_agent_id,
        waits.loaded_at
    from waits
    left join segments
        on waits.segment_id = segments.segment_id

)

select * from mapped
