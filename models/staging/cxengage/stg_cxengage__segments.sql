-- One row per segment of each interaction. A segment without its interactionSegmentId gets one
-- from its position (`<interactionId>:segment:<n>`); a segment listed twice is kept once (its
-- first listing). A missing start time is the interaction's start for segment 0, else the end of
-- the segment before it; a missing end is the interaction's start plus the vendor's
-- segmentTime (or segmentCancelTime), both seconds from the interaction's start.

{{ config(incremental_scope={'from': 'base_cxengage__interactions', 'key': 'interaction_id'}) }}

with

base as (

    select * from {{ ref('base_cxengage__interactions') }}
    where quarantine_reason is null and {{ in_incremental_scope() }}

),

segments as (

    {{ unnest_with_index(
        'base',
        'base.interaction.segments',
        'segment',
        'segment_index',
        columns=[
            'base.interaction_id',
            'base.loaded_at',
            'base.started_at as interaction_started_at',
        ],
    ) }}

),

renamed as (

    select
        -- ids
        coalesce(
            {{ blank_as_null('segment.interactionSegmentId') }},
            interaction_id || ':segment:' || segment_index
        ) as segment_id,
        interaction_id,
        {{ blank_as_null('segment.segmentAgentId') }} as initiating_agent_id,
        {{ blank_as_null('segment.segmentToAgentId') }} as accepting_agent_id,

        -- dimensions
        coalesce(segment.segmentNumber, segment_index) as segment_number,
        segment_index,
        {{ blank_as_null('segment.segmentStartType') }} as segment_start_type,
        {{ blank_as_null('segment.segmentEndType') }} as segment_end_type,
        coalesce(segment.segmentCancelled, false) as is_cancelled,

        -- measures (seconds from the interaction's start, as the vendor reports them)
        segment.segmentTime as completed_after_seconds,
        segment.segmentCancelTime as cancelled_after_seconds,

        -- timestamps (UTC)
        {{ utc_timestamp('segment.startTimestamp') }} as reported_started_at,
        {{ utc_timestamp('segment.endTimestamp') }} as reported_ended_at,
        interaction_started_at,

        -- lineage
        loaded_at

    from segments

),

deduplicated as (

    select * from renamed
    qualify row_number() over (partition by segment_id order by segment_index) = 1

),

timed as (

    select
        {{ star_except(['reported_started_at', 'reported_ended_at', 'interaction_started_at']) }},
        coalesce(
            reported_started_at,
            case when segment_number = 0 then interaction_started_at end,
            lag(reported_ended_at) over (
                partition by interaction_id order by segment_number, segment_index
            ),
            interaction_started_at
        ) as started_at,
        coalesce(
            reported_ended_at,
            {{ add_seconds(
                'interaction_started_at',
                'coalesce(completed_after_seconds, cancelled_after_seconds)'
            ) }}
        ) as ended_at
    from deduplicated

)

select * from timed
