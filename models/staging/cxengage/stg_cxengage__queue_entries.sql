-- One row per time an interaction entered a queue (`queues[]`). An entry without its
-- interactionQueueId gets one from its position (`<interactionId>:queue:<n>`); an entry listed
-- twice is kept once. A queue named but not identified (no queueId) is identified by its name.
-- A missing entry time is the exit time less the vendor's queueTime, else the start of its
-- segment, else the interaction's start; the reported wait stays as sent (DECISIONLOG.md).

{{ config(incremental_scope={'from': 'base_cxengage__interactions', 'key': 'interaction_id'}) }}

with

base as (

    select * from {{ ref('base_cxengage__interactions') }}
    where quarantine_reason is null and {{ in_incremental_scope() }}

),

queue_entries as (

    {{ unnest_with_index(
        'base',
        'base.interaction.queues',
        'queue_entry',
        'queue_entry_index',
        columns=[
            'base.interaction_id',
            'base.loaded_at',
            'base.started_at as interaction_started_at',
        ],
    ) }}

),

segments as (

    {{ unnest_with_index(
        'base',
        'base.interaction.segments',
        'segment',
        none,
        columns=[
            'base.interaction_id',
        ],
    ) }}

),

segment_starts as (

    select
        interaction_id,
        {{ blank_as_null('segment.interactionSegmentId') }} as segment_id,
        min({{ utc_timestamp('segment.startTimestamp') }}) as segment_started_at
    from segments
    group by all

),

renamed as (

    select
        -- ids
        coalesce(
            {{ blank_as_null('queue_entry.interactionQueueId') }},
            queue_entries.interaction_id || ':queue:' || queue_entries.queue_entry_index
        ) as queue_entry_id,
        queue_entries.interaction_id,
        {{ blank_as_null('queue_entry.interactionSegmentId') }} as segment_id,
        coalesce(
            {{ blank_as_null('queue_entry.queueId') }}, {{ blank_as_null('queue_entry.queueName') }}
        ) as queue_id,
        {{ blank_as_null('queue_entry.platformQueueId') }} as platform_queue_id,
        {{ blank_as_null('queue_entry.agentId') }} as answering_agent_id,
        queue_entries.queue_entry_index,

        -- dimensions
        {{ blank_as_null('queue_entry.queueName') }} as queue_name,
        queue_entry.queueType as queue_type,
        queue_entry.queueEntryType as queue_entry_type,
        {{ blank_as_null('queue_entry.queueExitType') }} as queue_exit_type,
        queue_entry.queueEntryLength as queue_entry_length,
        coalesce(queue_entry.queueAbandoned, false) as is_queue_abandoned,
        coalesce(queue_entry.slaAbandoned, false) as is_sla_abandoned,

        -- measures (seconds)
        queue_entry.queueTime as queue_seconds,
        queue_entry.queueAbandonTime as queue_abandon_seconds,
        queue_entry.slaTime as sla_seconds,

        -- timestamps (UTC)
        coalesce(
            {{ utc_timestamp('queue_entry.startTimestamp') }},
            {{ add_seconds(
                utc_timestamp('queue_entry.endTimestamp'), '-1 * queue_entry.queueTime'
            ) }},
            segment_starts.segment_started_at,
            queue_entries.interaction_started_at
        ) as entered_at,
        {{ utc_timestamp('queue_entry.endTimestamp') }} as exited_at,

        -- lineage
        queue_entries.loaded_at

    from queue_entries
    left join segment_starts
        on queue_entries.interaction_id = segment_starts.interaction_id
            and {{ blank_as_null('queue_entry.interactionSegmentId') }} = segment_starts.segment_id

)

select * from renamed
qualify row_number() over (partition by queue_entry_id order by queue_entry_index) = 1
