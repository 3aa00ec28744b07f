-- A queue entry's segment is the one it names, when the document lists that segment (an entry
-- may name a segment the vendor left out of `segments`: its segment is then unknown).

with

queue_entries as (

    select * from {{ ref('stg_cxengage__queue_entries') }}

),

segments as (

    select * from {{ ref('stg_cxengage__segments') }}

),

mapped as (

    select
        'cxengage' as source_system,
        queue_entries.queue_entry_id as queue_segment_id,
        queue_entries.interaction_id,
        segments.segment_id,
        queue_entries.queue_id,
        queue_entries.entered_at,
        queue_entries.exited_at,
        coalesce(
            queue_entries.queue_seconds,
            {{ seconds_between('queue_entries.entered_at', 'queue_entries.exited_at') }}
        ) as wait_seconds,
        case
            when queue_entries.queue_exit_type = 'success' then 'answered'
            when
                queue_entries.queue_exit_type = 'abandon' or queue_entries.is_queue_abandoned
                then 'abandoned'
            when queue_entries.queue_exit_type = 'timeout' then 'timeout'
            when queue_entries.queue_exit_type = 'callback' then 'callback'
            else 'other'
        end as exit_reason,
        queue_entries.queue_exit_type as exit_reason_raw,
        coalesce(
            queue_entries.queue_exit_type = 'abandon' or queue_entries.is_queue_abandoned, false
        ) as is_abandoned,
        case
            when queue_entries.queue_exit_type = 'success' then queue_entries.answering_agent_id
        end as answered_by_agent_id,
        queue_entries.loaded_at
    from queue_entries
    left join segments
        on
            queue_entries.interaction_id = segments.interaction_id
            and queue_entries.segment_id = segments.segment_id

)

select * from mapped
