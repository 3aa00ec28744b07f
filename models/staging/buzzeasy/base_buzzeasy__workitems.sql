-- One row per Buzzeasy workitem: an agent task, offered when the system began routing the
-- conversation to the agent, answered or not. The latest delivery of each row wins.
-- Every delivered row that passed its record checks, also one whose conversation is not in the
-- feed yet: stg_buzzeasy__workitems keeps the rows whose conversation is, and
-- stg_buzzeasy__quarantined_records lists the others, so a conversation arriving later brings
-- its workitems into staging without re-reading them.

{{ config(unique_key='workitem_id') }}

with

source as (

    {{ unquarantined(
        source('buzzeasy', 'workitems'),
        ref('base_buzzeasy__record_checks'),
        'buzzeasy__workitems',
        since_last_build=true,
    ) }}

),

renamed as (

    select
        -- ids
        {{ json_text('record', 'id') }} as workitem_id,
        {{ json_text('record', ['agentId', 'agentID']) }} as agent_id,
        {{ json_text('record', ['queueID', 'queueId']) }} as queue_id,
        {{ json_text('record', ['primaryConversationID', 'primaryConversationId']) }}
            as primary_conversation_id,
        {{ json_text('record', ['primaryChannelId', 'primaryChannelID']) }} as primary_channel_id,
        {{ json_text('record', ['businessUnitId', 'businessUnitID']) }} as business_unit_id,
        {{ json_text('record', ['customerId', 'customerID']) }} as customer_id,
        {{ json_text('record', ['scriptId', 'scriptID']) }} as script_id,

        -- dimensions
        {{ json_text('record', 'mediaType') }} as media_type,
        {{ json_text('record', 'result') }} as result,
        {{ json_text('record', 'completionCode') }} as completion_code,
        {{ json_text('record', 'notes') }} as notes,
        {{ json_text('record', 'agentPhoneNumber') }} as agent_phone_number,

        -- measures
        {{ cast_or_null(json_text('record', 'durationInSeconds'), 'double') }} as duration_seconds,
        {{ duration_seconds(json_text('record', 'activeDurationInSeconds')) }} as active_seconds,
        {{ duration_seconds(json_text('record', 'previewDuration')) }} as preview_seconds,
        {{ duration_seconds(json_text('record', 'wrapUpDuration')) }} as wrap_up_seconds,
        {{ duration_seconds(json_text('record', 'lookupDuration')) }} as lookup_seconds,

        -- timestamps (UTC; *_local as the tenant's wall clock)
        {{ utc_timestamp(json_text('record', ['startTimeUTC', 'startTimeUtc'])) }} as started_at,
        {{ utc_timestamp(json_text('record', ['endTimeUTC', 'endTimeUtc'])) }} as ended_at,
        {{ cast_or_null(json_text('record', 'startTime'), 'timestamp') }} as started_at_local,
        {{ cast_or_null(json_text('record', 'endTime'), 'timestamp') }} as ended_at_local,

        -- lineage
        _file_sha256 as loaded_from_file_sha256,
        {{ raw_lineage_columns() }}

    from source

),

latest as (

    {{ latest_delivery('renamed', 'workitem_id') }}

)

select * from latest
