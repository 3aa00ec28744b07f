with

queue_entries as (

    select * from {{ ref('stg_cxengage__queue_entries') }}

),

mapped as (

    select
        'cxengage' as source_system,
        queue_entry_id as queue_segment_id,
        interaction_id,
        segment_id,
        queue_id,
        entered_at,
        exited_at,
        coalesce(queue_seconds, {{ seconds_between('entered_at', 'exited_at') }}) as wait_seconds,
        case queue_exit_type
            when 'success' then 'answered'
            when 'abandon' then 'abandoned'
            when 'timeout' then 'timeout'
            when 'callback' then 'callback'
            else 'other'
        end as exit_reason,
        queue_exit_type as exit_reason_raw,
        is_queue_abandoned or queue_exit_type = 'abandon' as is_abandoned,
        case when queue_exit_type = 'success' then answering_agent_id end as answered_by_agent_id
    from queue_entries

)

select * from mapped
