-- Every block of every NICE CXone segment's interwoven transcript is a turn. Its time is the
-- segment start plus the voice offset, or the chat or email send time; turns are ordered by that
-- time across the interaction's segments (so a consult's turns fall between the turns of the
-- call it interrupted), then by segment and block. The CLIENT side of an internal consult is the
-- other agent. Blocks the vendor's analysis ignored are kept and flagged.

with

blocks as (

    select * from {{ ref('stg_nice_cxone__transcript_blocks') }}

),

segments as (

    select * from {{ ref('int_segments__nice_cxone') }}

),

timed as (

    select
        blocks.segment_block_id,
        segments.interaction_id,
        blocks.segment_id,
        segments.segment_sequence,
        blocks.block_index,
        blocks.channel_name,
        segments.is_consult,
        blocks.block_text,
        blocks.is_ignored,
        coalesce(
            {{ add_seconds('segments.started_at', 'blocks.voice_start_offset_seconds') }},
            blocks.chat_sent_at,
            blocks.email_sent_at
        ) as started_at,
        {{ add_seconds('segments.started_at', 'blocks.voice_end_offset_seconds') }} as ended_at,
        segments.started_at as segment_started_at,
        segments.loaded_at
    from blocks
    inner join segments
        on blocks.segment_id = segments.segment_id

),

mapped as (

    select
        'nice_cxone' as source_system,
        segment_block_id as transcript_turn_id,
        interaction_id,
        segment_id,
        row_number() over (
            partition by interaction_id
            order by
                coalesce(started_at, segment_started_at),
                segment_sequence,
                block_index
        ) - 1 as turn_sequence,
        case
            when channel_name = 'AGENT' then 'agent'
            when channel_name = 'CLIENT' and is_consult then 'agent'
            when channel_name = 'CLIENT' then 'customer'
            else 'other'
        end as participant_role,
        channel_name as participant_role_raw,
        block_text as turn_text,
        started_at,
        ended_at,
        is_ignored,
        loaded_at
    from timed

)

select * from mapped
