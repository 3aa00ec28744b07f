-- A Buzzeasy interaction is a whole transfer chain of conversations: channel and direction of
-- its first conversation, from the first conversation's start to the last one's end. Its
-- disposition is the completion code of the last workitem an agent handled in it.

with

segments as (

    select * from {{ ref('int_segments__buzzeasy') }}

),

workitems as (

    select * from {{ ref('stg_buzzeasy__workitems') }}

),

spans as (

    select
        interaction_id,
        min(started_at) as started_at,
        max(ended_at) as ended_at
    from segments
    group by interaction_id

),

ranked_completion_codes as (

    select
        segments.interaction_id,
        workitems.completion_code,
        row_number() over (
            partition by segments.interaction_id
            order by workitems.ended_at desc, workitems.workitem_id desc
        ) as code_rank
    from workitems
    inner join segments
        on workitems.primary_conversation_id = segments.segment_id
    where workitems.result = 'Handled' and workitems.completion_code is not null

),

mapped as (

    select
        'buzzeasy' as source_system,
        spans.interaction_id,
        first_segments.channel,
        first_segments.channel_raw,
        first_segments.direction,
        first_segments.direction_raw,
        ranked_completion_codes.completion_code as disposition_name,
        spans.started_at,
        spans.ended_at
    from spans
    inner join segments as first_segments
        on spans.interaction_id = first_segments.interaction_id
            and first_segments.segment_sequence = 0
    left join ranked_completion_codes
        on spans.interaction_id = ranked_completion_codes.interaction_id
            and ranked_completion_codes.code_rank = 1

)

select * from mapped
