-- One row per Buzzeasy bot segment: a conversation's pass through one bot node (menu, auto-
-- attendant, QnA, custom bot ...). The feed documents only local times for it; UTC is resolved in
-- int_bot_segments__buzzeasy from the conversation's own offset. The latest delivery of each row
-- wins. Every delivered row that passed its record checks, also one whose conversation is not
-- in the feed yet: stg_buzzeasy__bot_segments keeps the rows whose conversation is, and
-- stg_buzzeasy__quarantined_records lists the others, so a conversation arriving later brings
-- its bot segments into staging without re-reading them.

{{ config(unique_key='bot_segment_id') }}

with

source as (

    {{ unquarantined(
        source('buzzeasy', 'bot_segments'),
        ref('base_buzzeasy__record_checks'),
        'buzzeasy__bot_segments',
        since_last_build=true,
    ) }}

),

renamed as (

    select
        -- ids
        {{ json_text('record', 'id') }} as bot_segment_id,
        {{ json_text('record', ['conversationID', 'conversationId', 'ConversationId']) }}
            as conversation_id,
        {{ json_text('record', ['botStepId', 'botStepID']) }} as bot_step_id,
        {{ json_text('record', ['channelId', 'channelID']) }} as channel_id,

        -- dimensions
        {{ json_text('record', 'result') }} as result,
        {{ json_text('record', 'botFinishedResult') }} as bot_finished_result,
        {{ json_text('record', 'botFinishedInfo') }} as bot_finished_info,
        {{ json_text('record', 'botInfo') }} as bot_info,

        -- measures
        {{ cast_or_null(json_text('record', 'durationInSeconds'), 'double') }} as duration_seconds,

        -- timestamps (UTC; *_local as the tenant's wall clock)
        {{ utc_timestamp(json_text('record', ['startedAtUTC', 'startedAtUtc'])) }} as started_at,
        {{ utc_timestamp(json_text('record', ['endedAtUTC', 'endedAtUtc'])) }} as ended_at,
        {{ cast_or_null(json_text('record', 'startedAt'), 'timestamp') }} as started_at_local,
        {{ cast_or_null(json_text('record', 'endedAt'), 'timestamp') }} as ended_at_local,

        -- lineage
        _file_sha256 as loaded_from_file_sha256,
        {{ raw_lineage_columns() }}

    from source

),

latest as (

    {{ latest_delivery('renamed', 'bot_segment_id') }}

)

select * from latest
