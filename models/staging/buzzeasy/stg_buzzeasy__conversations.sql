-- One row per Buzzeasy conversation of any medium (Conversations: like Calls, Chats and Emails,
-- without their filtering). Fills in conversations a dump has no media table for. The latest
-- delivery of each row wins.

{{ config(unique_key='conversation_id') }}

with

source as (

    {{ unquarantined(
        source('buzzeasy', 'conversations'),
        ref('base_buzzeasy__record_checks'),
        'buzzeasy__conversations',
        since_last_build=true,
    ) }}

),

renamed as (

    select
        -- ids
        {{ json_text('record', 'id') }} as conversation_id,
        {{ json_text('record', ['nextConversationID', 'nextConversationId']) }}
            as next_conversation_id,
        {{ json_text('record', ['channelId', 'channelID']) }} as channel_id,
        {{ json_text('record', ['businessUnitId', 'businessUnitID']) }} as business_unit_id,
        {{ json_text('record', ['customerId', 'customerID']) }} as customer_id,

        -- dimensions
        {{ json_text('record', 'channelType') }} as channel_type,
        {{ json_text('record', 'conversationEndedReason') }} as conversation_ended_reason,
        {{ json_text('record', 'openingCheckResult') }} as opening_check_result,
        {{ json_text('record', 'customerFirstName') }} as customer_first_name,
        {{ json_text('record', 'customerLastName') }} as customer_last_name,

        -- measures
        {{ cast_or_null(json_text('record', 'durationInSeconds'), 'double') }} as duration_seconds,

        -- booleans
        {{ cast_or_null(json_text('record', 'isConsult'), 'boolean') }} as is_consult,
        {{ cast_or_null(json_text('record', 'isOutbound'), 'boolean') }} as is_outbound,

        -- timestamps (UTC; *_local as the tenant's wall clock)
        {{ utc_timestamp(json_text('record', ['startedAtUTC', 'startedAtUtc'])) }} as started_at,
        {{ utc_timestamp(json_text('record', ['endedAtUTC', 'endedAtUtc'])) }} as ended_at,
        {{ cast_or_null(json_text('record', 'startedAt'), 'timestamp') }} as started_at_local,
        {{ cast_or_null(json_text('record', 'endedAt'), 'timestamp') }} as ended_at_local,

        -- lineage
        {{ raw_lineage_columns() }}

    from source

),

latest as (

    {{ latest_delivery('renamed', 'conversation_id') }}

)

select * from latest
