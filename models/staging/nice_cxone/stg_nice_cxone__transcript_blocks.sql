-- One row per block of a NICE CXone segment's interwoven transcript, in transcript order: who
-- spoke or wrote (CLIENT or AGENT), the text, whether analysis ignored the block, and the
-- block's voice, chat or email metadata. Voice offsets are milliseconds from the start of the
-- recording; chat and email times are epoch milliseconds (DECISIONLOG.md).

{{ config(
    incremental_scope={'from': 'base_nice_cxone__segments', 'key': 'segment_id'},
) }}

with

base as (

    select * from {{ ref('base_nice_cxone__segments') }}
    where quarantine_reason is null and {{ in_incremental_scope() }}

),

blocks as (

    {{ unnest_with_index(
        'base',
        'segment.interwovenTranscript.transcriptBlock',
        'block',
        'block_index',
        columns=[
            'segment_id',
            'loaded_at',
            'segment.interwovenTranscript.transcriptType as transcript_type',
        ],
    ) }}

),

renamed as (

    select
        -- ids
        segment_id || ':' || block_index as segment_block_id,
        segment_id,
        block_index,
        block.blockId as block_id,

        -- dimensions
        transcript_type,
        upper(block.channelName) as channel_name,
        block.text as block_text,
        block.channelMetadata.emailMetadata.subject as email_subject,
        block.channelMetadata.emailMetadata.from as email_from,
        block.channelMetadata.emailMetadata.to as email_to,

        -- measures
        block.offset as character_offset,
        block.length as character_length,
        block.channelMetadata.voiceMetadata.startTime / 1000.0 as voice_start_offset_seconds,
        block.channelMetadata.voiceMetadata.endTime / 1000.0 as voice_end_offset_seconds,
        block.channelMetadata.voiceMetadata.confidence as voice_confidence,

        -- booleans
        coalesce(block.ignored, false) as is_ignored,

        -- timestamps (UTC)
        coalesce(
            {{ utc_timestamp('block.channelMetadata.chatMetadata.timestamp') }},
            {{ epoch_milliseconds('block.channelMetadata.chatMetadata.timestamp') }}
        ) as chat_sent_at,
        coalesce(
            {{ utc_timestamp('block.channelMetadata.emailMetadata.sentDate') }},
            {{ epoch_milliseconds('block.channelMetadata.emailMetadata.sentDate') }}
        ) as email_sent_at,

        -- lineage
        loaded_at

    from blocks

)

select * from renamed
