-- One row per Buzzeasy voice conversation (Calls). A transfer ends a conversation and starts the
-- one named by next_conversation_id. The latest delivery of each row wins.

{{ config(unique_key='conversation_id') }}

with

source as (

    {{ unquarantined(
        source('buzzeasy', 'calls'),
        ref('base_buzzeasy__record_checks'),
        'buzzeasy__calls',
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
        {{ json_text('record', 'channelPhoneNumber') }} as channel_phone_number,
        {{ json_text('record', 'customerPhoneNumber') }} as customer_phone_number,
        {{ json_text('record', ['TransferInitiatedBy', 'transferInitiatedBy']) }}
            as transfer_initiated_by,
        {{ json_text('record', [
            'TransferToExternalDestinationPhoneNumber',
            'transferToExternalDestinationPhoneNumber',
        ]) }}
            as transfer_to_external_phone_number,

        -- measures
        {{ cast_or_null(json_text('record', 'durationInSeconds'), 'double') }} as duration_seconds,
        {{ duration_seconds(json_text('record', 'customerRingDuration')) }}
            as customer_ring_seconds,
        {{ cast_or_null(json_text('record', 'holdCount'), 'bigint') }} as hold_count,
        {{ duration_seconds(json_text('record', 'holdDurationInSeconds')) }} as hold_seconds,
        {{ cast_or_null(json_text('record', 'isChannelClosed'), 'double') }}
            as channel_closed_seconds,
        {{ cast_or_null(json_text('record', 'isChannelOpen'), 'double') }} as channel_open_seconds,

        -- booleans
        {{ cast_or_null(json_text('record', 'isConsult'), 'boolean') }} as is_consult,
        {{ cast_or_null(json_text('record', 'isOutbound'), 'boolean') }} as is_outbound,

        -- timestamps (UTC; *_local as the tenant's wall clock)
        {{ utc_timestamp(json_text('record', ['startedAtUTC', 'startedAtUtc'])) }} as started_at,
        {{ utc_timestamp(json_text('record', ['endedAtUTC', 'endedAtUtc'])) }} as ended_at,
        {{ cast_or_null(json_text('record', 'startedAt'), 'timestamp') }} as started_at_local,
        {{ cast_or_null(json_text('record', 'endedAt'), 'timestamp') }} as ended_at_local,
        {{ utc_timestamp(json_text('record', ['customerJoinedAtUTC', 'customerJoinedAtUtc'])) }}
            as customer_joined_at,
        {{ cast_or_null(json_text('record', 'customerJoinedAt'), 'timestamp') }}
            as customer_joined_at_local,

        -- lineage
        {{ raw_lineage_columns() }}

    from source

),

latest as (

    {{ latest_delivery('renamed', 'conversation_id') }}

)

select * from latest
