-- One row per Buzzeasy queue segment: a conversation's stay in one queue node, from entering to
-- leaving it. The latest delivery of each row wins.
-- Every delivered row that passed its record checks, also one whose conversation is not in the
-- feed yet: stg_buzzeasy__queue_segments keeps the rows whose conversation is, and
-- stg_buzzeasy__quarantined_records lists the others, so a conversation arriving later brings
-- its queue segments into staging without re-reading them.

{{ config(unique_key='queue_segment_id') }}

with

source as (

    {{ unquarantined(
        source('buzzeasy', 'queue_segments'),
        ref('base_buzzeasy__record_checks'),
        'buzzeasy__queue_segments',
        since_last_build=true,
    ) }}

),

renamed as (

    select
        -- ids
        {{ json_text('record', 'id') }} as id,
        {{ json_text('record', ['conversationId', 'conversationID', 'ConversationId']) }}
            as conversation_id,
        {{ json_text('record', ['queueId', 'queueID']) }} as queue_id,
        {{ json_text('record', ['channelId', 'channelID']) }} as channel_id,

        -- dimensions
        {{ json_text('record', 'dequeuedReason') }} as dequeued_reason,

        -- measures
        {{ cast_or_null(json_text('record', 'durationInSeconds'), 'double') }} as duration_seconds,

        -- timestamps (UTC; *_local as the tenant's wall clock)
        {{ utc_timestamp(json_text('record', ['queuedAtUTC', 'queuedAtUtc'])) }} as queued_at,
        {{ utc_timestamp(json_text('record', ['dequeuedAtUTC', 'dequeuedAtUtc'])) }} as dequeued_at,
        {{ cast_or_null(json_text('record', 'queuedAt'), 'timestamp') }} as queued_at_local,
        {{ cast_or_null(json_text('record', 'dequeuedAt'), 'timestamp') }} as dequeued_at_local,

        -- lineage
        _file_sha256 as loaded_from_file_sha256,
        {{ raw_lineage_columns() }}

    from source

),

keyed as (

    select
        coalesce(
            id,
            conversation_id || ':' || queue_id || ':' || {{ cast_or_null('queued_at', 'varchar') }}
        ) as queue_segment_id,
        *
    from renamed

),

latest as (

    {{ latest_delivery('keyed', 'queue_segment_id') }}

)

select * from latest
