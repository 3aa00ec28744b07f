-- Buzzeasy queue segments are the vendor's own (Queue Segments): one per stay of a conversation
-- in a queue node, with dequeuedReason as the exit. The answering agent is the agent of the first
-- handled workitem created from that queue for that conversation. Rejected enqueue attempts never
-- entered a queue and are not queue segments (DECISIONLOG.md).

with

queue_segments as (

    select * from {{ ref('stg_buzzeasy__queue_segments') }}

),

chains as (

    select * from {{ ref('int_conversation_chains__buzzeasy') }}

),

workitems as (

    select * from {{ ref('stg_buzzeasy__workitems') }}

),

ranked_answers as (

    select
        primary_conversation_id as conversation_id,
        queue_id,
        agent_id,
        row_number() over (
            partition by primary_conversation_id, queue_id order by started_at, workitem_id
        ) as answer_rank
    from workitems
    where result = 'Handled'

),

mapped as (

    select
        'buzzeasy' as source_system,
        queue_segments.queue_segment_id,
        chains.interaction_id,
        queue_segments.conversation_id as segment_id,
        queue_segments.queue_id,
        queue_segments.queued_at as entered_at,
        queue_segments.dequeued_at as exited_at,
        coalesce(
            queue_segments.duration_seconds,
            {{ seconds_between('queue_segments.queued_at', 'queue_segments.dequeued_at') }}
        ) as wait_seconds,
        case queue_segments.dequeued_reason
            when 'AgentConnected' then 'answered'
            when 'CustomerDisconnected' then 'abandoned'
            when 'QueueTimedOut' then 'timeout'
            when 'CallbackRequested' then 'callback'
            else 'other'
        end as exit_reason,
        queue_segments.dequeued_reason as exit_reason_raw,
        coalesce(queue_segments.dequeued_reason = 'CustomerDisconnected', false) as is_abandoned,
        case
            when queue_segments.dequeued_reason = 'AgentConnected' then ranked_answers.agent_id
        end as answered_by_agent_id,
        queue_segments.loaded_at
    from queue_segments
    left join chains
        on queue_segments.conversation_id = chains.conversation_id
    left join ranked_answers
        on queue_segments.conversation_id = ranked_answers.conversation_id
            and queue_segments.queue_id = ranked_answers.queue_id
            and ranked_answers.answer_rank = 1

)

select * from mapped
