-- A CxEngage segment is the vendor's own: segment 0 starts with the interaction, each transfer
-- or add-participant starts another. Its agent is the one who accepted it (or, for segment 0,
-- the first agent allocated in it); its queue is the last queue it passed through. A transfer
-- that was cancelled is not a transfer (is_transfer false, end reason failed).

with

segments as (

    select * from {{ ref('stg_cxengage__segments') }}

),

interactions as (

    select * from {{ ref('int_interactions__cxengage') }}

),

agents as (

    select * from {{ ref('stg_cxengage__agents') }}

),

queue_entries as (

    select * from {{ ref('stg_cxengage__queue_entries') }}

),

ranked_agents as (

    select
        segment_id,
        agent_id,
        row_number() over (partition by segment_id order by allocated_at, agent_id) as agent_rank
    from agents

),

first_agent_per_segment as (

    select
        segment_id,
        agent_id
    from ranked_agents
    where agent_rank = 1

),

ranked_queue_entries as (

    select
        segment_id,
        queue_id,
        row_number() over (
            partition by segment_id order by entered_at desc, queue_id asc
        ) as queue_entry_rank
    from queue_entries

),

last_queue_per_segment as (

    select
        segment_id,
        queue_id
    from ranked_queue_entries
    where queue_entry_rank = 1

),

mapped as (

    select
        'cxengage' as source_system,
        segments.segment_id,
        segments.interaction_id,
        row_number() over (
            partition by segments.interaction_id
            order by segments.segment_number, segments.started_at, segments.segment_index
        ) - 1 as segment_sequence,
        interactions.channel,
        interactions.direction,
        segments.started_at,
        segments.ended_at,
        coalesce(segments.accepting_agent_id, first_agent_per_segment.agent_id) as agent_id,
        last_queue_per_segment.queue_id,
        case segments.segment_start_type
            when 'interaction' then 'new_interaction'
            when 'transfer' then 'transfer'
            when 'addParticipant' then 'conference'
            when 'addParticant' then 'conference'
            else 'other'
        end as start_reason,
        segments.segment_start_type as start_reason_raw,
        case
            when segments.segment_end_type = 'interaction-end' then 'completed'
            when segments.segment_end_type = 'customer-disconnect' then 'abandoned'
            when segments.segment_end_type = 'cancelled' then 'failed'
            when segments.segment_end_type = 'success' and segments.segment_start_type in (
                    'addParticipant', 'addParticant'
                ) then 'conferenced'
            when segments.segment_end_type = 'success' then 'transferred'
            else 'other'
        end as end_reason,
        segments.segment_end_type as end_reason_raw,
        -- a transfer the agent cancelled (or the customer abandoned) did not happen
        coalesce(
            segments.segment_start_type = 'transfer'
            and not segments.is_cancelled
            and segments.segment_end_type is distinct from 'cancelled',
            false
        ) as is_transfer,
        segments.loaded_at
    from segments
    inner join interactions
        on segments.interaction_id = interactions.interaction_id
    left join first_agent_per_segment
        on segments.segment_id = first_agent_per_segment.segment_id
    left join last_queue_per_segment
        on segments.segment_id = last_queue_per_segment.segment_id

)

select * from mapped
