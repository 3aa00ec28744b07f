-- One row per Buzzeasy workitem conversation session: a conversation within a workitem, with its
-- holds. The latest delivery of each row wins.

{{ config(unique_key='workitem_conversation_session_id') }}

with

source as (

    {{ unquarantined(
        source('buzzeasy', 'workitem_conversation_sessions'),
        ref('base_buzzeasy__record_checks'),
        'buzzeasy__workitem_conversation_sessions',
        since_last_build=true,
    ) }}

),

renamed as (

    select
        -- ids
        {{ json_text('record', 'id') }} as workitem_conversation_session_id,
        {{ json_text('record', ['workitemId', 'workitemID']) }} as workitem_id,
        {{ json_text('record', ['conversationID', 'conversationId', 'ConversationId']) }}
            as conversation_id,

        -- dimensions
        {{ json_text('record', 'endedReason') }} as ended_reason,

        -- measures
        {{ cast_or_null(json_text('record', 'holdCount'), 'bigint') }} as hold_count,
        {{ duration_seconds(json_text('record', 'totalHoldDuration')) }} as total_hold_seconds,
        {{ duration_seconds(json_text('record', 'lastHoldDuration')) }} as last_hold_seconds,

        -- lineage
        {{ raw_lineage_columns() }}

    from source

),

latest as (

    {{ latest_delivery('renamed', 'workitem_conversation_session_id') }}

)

select * from latest
