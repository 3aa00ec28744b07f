-- One row per Buzzeasy rejected enqueue attempt: a conversation that could not enter a queue (no
-- agent logged in, queue full, ...). The latest delivery of each row wins.

{{ config(unique_key='rejected_enqueue_attempt_id') }}

with

source as (

    {{ unquarantined(
        source('buzzeasy', 'rejected_enqueue_attempts'),
        ref('base_buzzeasy__record_checks'),
        'buzzeasy__rejected_enqueue_attempts',
        since_last_build=true,
    ) }}

),

renamed as (

    select
        -- ids
        {{ json_text('record', 'id') }} as rejected_enqueue_attempt_id,
        {{ json_text('record', ['conversationId', 'conversationID', 'ConversationId']) }}
            as conversation_id,
        {{ json_text('record', ['queueId', 'queueID']) }} as queue_id,
        {{ json_text('record', ['channelId', 'channelID']) }} as channel_id,

        -- dimensions
        {{ json_text('record', ['rejectReason', 'rejectedReason']) }} as reject_reason,

        -- timestamps (UTC; *_local as the tenant's wall clock)
        {{ utc_timestamp(json_text('record', ['rejectedAtUTC', 'rejectedAtUtc'])) }} as rejected_at,
        {{ cast_or_null(json_text('record', 'rejectedAt'), 'timestamp') }} as rejected_at_local,

        -- lineage
        {{ raw_lineage_columns() }}

    from source

),

latest as (

    {{ latest_delivery('renamed', 'rejected_enqueue_attempt_id') }}

)

select * from latest
