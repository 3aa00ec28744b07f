-- A SmartAssist interaction is every session sharing a conversationId; a session that never
-- left the bot has none and is an interaction of its own (DECISIONLOG.md). It runs from its
-- first segment's start to its last one's end, with the channel and direction of its first
-- segment; its disposition is the first disposition code of its latest session.

with

segments as (

    select * from {{ ref('int_segments__kore_smartassist') }}

),

sessions as (

    select * from {{ ref('stg_kore_smartassist__sessions') }}

),

dispositions as (

    select * from {{ ref('stg_kore_smartassist__dispositions') }}

),

spans as (

    select
        interaction_id,
        min(started_at) as started_at,
        max(ended_at) as ended_at,
        -- every session of the interaction has a segment: its newest session's load time
        max(loaded_at) as loaded_at
    from segments
    group by interaction_id

),

customers as (

    select
        interaction_id,
        min(
            {{ customer_identifier(
                ['customer_phone', 'customer_email'], 'user_id', 'kore_smartassist'
            ) }}
        ) as customer_identifier
    from sessions
    group by interaction_id

),

ranked_codes as (

    select
        sessions.interaction_id,
        dispositions.disposition_text,
        row_number() over (
            partition by sessions.interaction_id
            order by sessions.started_at desc, dispositions.item_index asc
        ) as code_rank
    from dispositions
    inner join sessions
        on dispositions.session_id = sessions.session_id
    where dispositions.kind = 'code'

),

mapped as (

    select
        'kore_smartassist' as source_system,
        spans.interaction_id,
        first_segments.channel,
        first_segments.channel_raw,
        first_segments.direction,
        first_segments.direction_raw,
        ranked_codes.disposition_text as disposition_name,
        spans.started_at,
        spans.ended_at,
        customers.customer_identifier,
        spans.loaded_at
    from spans
    inner join segments as first_segments
        on
            spans.interaction_id = first_segments.interaction_id
            and first_segments.segment_sequence = 0
    left join ranked_codes
        on
            spans.interaction_id = ranked_codes.interaction_id
            and ranked_codes.code_rank = 1
    left join customers
        on spans.interaction_id = customers.interaction_id

)

select * from mapped
