-- Each NICE CXone segment with an agent is that agent's handling of the contact: one workitem,
-- accepted (and offered; the export has no offer time) when the segment starts. Hold count and
-- time are the segment's; talk time is the rest of the segment. The export's acwSeconds is a
-- documented placeholder (always 0), so wrap-up time is unknown (NULL).

with

segments as (

    select * from {{ ref('int_segments__nice_cxone') }}

),

mapped as (

    select
        'nice_cxone' as source_system,
        segment_id as workitem_id,
        interaction_id,
        segment_id,
        agent_id,
        queue_id,
        started_at as offered_at,
        started_at as accepted_at,
        ended_at,
        {{ seconds_between('started_at', 'ended_at') }} as handle_seconds,
        {{ seconds_between('started_at', 'ended_at') }} - coalesce(hold_seconds, 0) as talk_seconds,
        hold_seconds,
        hold_count,
        cast(null as double) as wrap_up_seconds,
        case
            when was_refused then 'rejected'
            when was_abandoned then 'abandoned'
            else 'handled'
        end as result,
        cast(null as {{ dbt.type_string() }}) as result_raw,
        loaded_at
    from segments
    where agent_id is not null

)

select * from mapped
