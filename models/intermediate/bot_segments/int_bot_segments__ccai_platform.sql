-- Each stretch a CCAI Platform virtual agent handled a session is a bot segment. It escalated
-- when it names an escalation reason, finishes by escalating or hands over by a transfer;
-- otherwise it completed, unless its finish reason says it failed.

with

stretches as (

    select * from {{ ref('stg_ccai_platform__virtual_agent_handle_durations') }}

),

mapped as (

    select
        'ccai_platform' as source_system,
        virtual_agent_handle_id as bot_segment_id,
        session_id as interaction_id,
        virtual_agent_name as bot_name,
        'virtual_agent' as bot_type,
        started_at,
        ended_at,
        coalesce(handle_seconds, {{ seconds_between('started_at', 'ended_at') }})
            as duration_seconds,
        case
            when escalation_reason is not null then 'escalated'
            when finish_reason ilike '%escalat%' or transfer_id is not null then 'escalated'
            when finish_reason ilike '%fail%' then 'failed'
            else 'completed'
        end as outcome,
        coalesce(escalation_reason, finish_reason) as outcome_raw,
        loaded_at
    from stretches

)

select * from mapped
