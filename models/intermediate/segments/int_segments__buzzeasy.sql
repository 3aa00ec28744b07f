-- A Buzzeasy segment is one conversation of a transfer chain (int_conversation_chains__buzzeasy):
-- the first starts the interaction (a consult call starts as a conference), each later one
-- starts with a transfer. The segment's agent is the first agent who handled a workitem of the
-- conversation; its queue is the last queue the conversation entered.

with

chains as (

    select * from {{ ref('int_conversation_chains__buzzeasy') }}

),

workitems as (

    select * from {{ ref('stg_buzzeasy__workitems') }}

),

queue_segments as (

    select * from {{ ref('stg_buzzeasy__queue_segments') }}

),

ranked_handlers as (

    select
        primary_conversation_id as conversation_id,
        agent_id,
        row_number() over (
            partition by primary_conversation_id order by started_at, workitem_id
        ) as handler_rank
    from workitems
    where result = 'Handled' and agent_id is not null

),

ranked_queues as (

    select
        conversation_id,
        queue_id,
        row_number() over (
            partition by conversation_id order by queued_at desc, queue_segment_id desc
        ) as queue_rank
    from queue_segments

),

mapped as (

    select
        'buzzeasy' as source_system,
        chains.conversation_id as segment_id,
        chains.interaction_id,
        chains.segment_sequence,
        case
            when lower(chains.channel_type) = 'voice' then 'voice'
            when lower(chains.channel_type) in ('webchat', 'chat') then 'chat'
            when lower(chains.channel_type) = 'email' then 'email'
            when lower(chains.channel_type) = 'sms' then 'sms'
            when lower(chains.channel_type) in (
                    'viber', 'facebook', 'messenger', 'whatsapp', 'instagram'
                ) then 'messaging'
            else 'other'
        end as channel,
        chains.channel_type as channel_raw,
        case
            when chains.is_consult then 'internal'
            when chains.is_outbound then 'outbound'
            else 'inbound'
        end as direction,
        case
            when chains.is_consult then 'consult'
            when chains.is_outbound then 'outbound'
            else 'inbound'
        end as direction_raw,
        chains.started_at,
        chains.ended_at,
        ranked_handlers.agent_id,
        ranked_queues.queue_id,
        case
            when chains.segment_sequence > 0 then 'transfer'
            when chains.is_consult then 'conference'
            else 'new_interaction'
        end as start_reason,
        case
            when chains.segment_sequence > 0 then 'nextConversationID'
            when chains.is_consult then 'isConsult'
        end as start_reason_raw,
        case
            -- a customer who hangs up after an agent handled the conversation completed it
            when
                chains.conversation_ended_reason = 'CustomerDisconnected'
                and ranked_handlers.agent_id is not null
                then 'completed'
            when chains.conversation_ended_reason = 'Default' then 'completed'
            when chains.conversation_ended_reason in (
                    'TransferToChannel', 'TransferredToQueue', 'TransferToExternal'
                ) then 'transferred'
            when chains.conversation_ended_reason in ('Abandoned', 'CustomerDisconnected')
                then 'abandoned'
            when chains.conversation_ended_reason in (
                    'TransferToAgentFailed',
                    'TransferToExternalFailed',
                    'AgentJoinFailed',
                    'CustomerJoinFailed',
                    'InternalError'
                ) then 'failed'
            else 'other'
        end as end_reason,
        chains.conversation_ended_reason as end_reason_raw,
        chains.segment_sequence > 0 as is_transfer,
        chains.loaded_at
    from chains
    left join ranked_handlers
        on chains.conversation_id = ranked_handlers.conversation_id
            and ranked_handlers.handler_rank = 1
    left join ranked_queues
        on chains.conversation_id = ranked_queues.conversation_id
            and ranked_queues.queue_rank = 1

)

select * from mapped
