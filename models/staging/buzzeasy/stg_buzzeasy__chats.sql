-- One row per Buzzeasy chat conversation (Chats: webchat, Viber, Facebook ...). The latest
-- delivery of each row wins.

{{ config(unique_key='conversation_id') }}

with

source as (

    {{ unquarantined(
        source('buzzeasy', 'chats'),
        ref('base_buzzeasy__record_checks'),
        'buzzeasy__chats',
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

        -- booleans
        {{ cast_or_null(json_text('record', 'isOutbound'), 'boolean') }} as is_outbound,

        -- measures
        {{ cast_or_null(json_text('record', 'durationInSeconds'), 'double') }} as duration_seconds,
        {{ cast_or_null(json_text('record', 'averageAgentAnswerSpeedInSeconds'), 'double') }}
            as average_agent_answer_seconds,
        {{ cast_or_null(json_text('record', 'averageBotAnswerSpeedInSeconds'), 'double') }}
            as average_bot_answer_seconds,
        {{ cast_or_null(json_text('record', 'averageCustomerAnswerSpeedInSeconds'), 'double') }}
            as average_customer_answer_seconds,
        {{ cast_or_null(json_text('record', 'firstCustomerAnswerSpeedInSeconds'), 'double') }}
            as first_customer_answer_seconds,
        {{ cast_or_null(json_text('record', 'isChannelClosed'), 'double') }}
            as channel_closed_seconds,
        {{ cast_or_null(json_text('record', 'isChannelOpen'), 'double') }} as channel_open_seconds,

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
