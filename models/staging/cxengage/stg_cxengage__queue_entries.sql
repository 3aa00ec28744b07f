with

base as (

    select * from {{ ref('base_cxengage__interactions') }}

),

queue_entries as (

    select
        base.interaction_id,
        unnested.queue_entry
    from base
    cross join unnest(base.interaction.queues) as unnested (queue_entry)

),

renamed as (

    select
        -- ids
        queue_entry.interactionQueueId as queue_entry_id,
        interaction_id,
        queue_entry.interactionSegmentId as segment_id,
        queue_entry.queueId as queue_id,
        queue_entry.platformQueueId as platform_queue_id,
        queue_entry.agentId as answering_agent_id,

        -- dimensions
        queue_entry.queueName as queue_name,
        queue_entry.queueType as queue_type,
        queue_entry.queueEntryType as queue_entry_type,
        queue_entry.queueExitType as queue_exit_type,
        queue_entry.queueEntryLength as queue_entry_length,
        coalesce(queue_entry.queueAbandoned, false) as is_queue_abandoned,
        coalesce(queue_entry.slaAbandoned, false) as is_sla_abandoned,

        -- measures (seconds)
        queue_entry.queueTime as queue_seconds,
        queue_entry.queueAbandonTime as queue_abandon_seconds,
        queue_entry.slaTime as sla_seconds,

        -- timestamps (UTC)
        {{ utc_timestamp('queue_entry.startTimestamp') }} as entered_at,
        {{ utc_timestamp('queue_entry.endTimestamp') }} as exited_at

    from queue_entries

)

select * from renamed
