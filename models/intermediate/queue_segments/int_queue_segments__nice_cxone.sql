-- The NICE export holds analyzed (recorded) segments only, each routed through at most one ACD
-- skill: an inbound segment with a skill waited in that skill's queue for `inQueueSeconds`
-- before its agent answered. The queue entry is not timestamped by the vendor; it is derived as
-- the segment start minus the wait (DECISIONLOG.md). Outbound segments and internal consults
-- do not queue. Abandoned contacts are never analyzed, so NICE queue segments are answered.

with

segments as (

    select * from {{ ref('int_segments__nice_cxone') }}

),

mapped as (

    select
        'nice_cxone' as source_system,
        segment_id as queue_segment_id,
        interaction_id,
        segment_id,
        queue_id,
        -- a wait the export leaves out is unknown: the entry is then the answer, the wait NULL
        coalesce({{ add_seconds('started_at', '-1 * in_queue_seconds') }}, started_at)
            as entered_at,
        started_at as exited_at,
        in_queue_seconds as wait_seconds,
        case
            when was_abandoned then 'abandoned'
            when agent_id is not null then 'answered'
            else 'other'
        end as exit_reason,
        cast(null as {{ dbt.type_string() }}) as exit_reason_raw,
        coalesce(was_abandoned, false) as is_abandoned,
        case when not coalesce(was_abandoned, false) then agent_id end as answered_by_agent_id,
        loaded_at
    from segments
    where queue_id is not null and direction = 'inbound'

)

select * from mapped
