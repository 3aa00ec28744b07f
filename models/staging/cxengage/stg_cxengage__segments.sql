with

base as (

    select * from {{ ref('base_cxengage__interactions') }}

),

segments as (

    select
        base.interaction_id,
        unnested.segment
    from base
    cross join unnest(base.interaction.segments) as unnested (segment)

),

renamed as (

    select
        -- ids
        segment.interactionSegmentId as segment_id,
        interaction_id,
        segment.segmentAgentId as initiating_agent_id,
        segment.segmentToAgentId as accepting_agent_id,

        -- dimensions
        segment.segmentNumber as segment_number,
        segment.segmentStartType as segment_start_type,
        segment.segmentEndType as segment_end_type,
        coalesce(segment.segmentCancelled, false) as is_cancelled,

        -- measures (seconds from the interaction's start, as the vendor reports them)
        segment.segmentTime as completed_after_seconds,
        segment.segmentCancelTime as cancelled_after_seconds,

        -- timestamps (UTC)
        {{ utc_timestamp('segment.startTimestamp') }} as started_at,
        {{ utc_timestamp('segment.endTimestamp') }} as ended_at

    from segments

)

select * from renamed
