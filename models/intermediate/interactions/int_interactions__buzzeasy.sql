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

-- the customer: a call's customer phone number, else the vendor's customer id of any of the
-- chain's conversations (calls, chats, emails or the generic conversation rows)
customer_ids as (

    select
        conversation_id,
        customer_phone_number as contact,
        customer_id
    from {{ ref('stg_buzzeasy__calls') }}
    union all
    select
        conversation_id,
        null as contact,
        customer_id
    from {{ ref('stg_buzzeasy__chats') }}
    union all
    select
        conversation_id,
        null as contact,
        customer_id
    from {{ ref('stg_buzzeasy__emails') }}
    union all
    select
        conversation_id,
        null as contact,
        customer_id
    from {{ ref('stg_buzzeasy__conversations') }}

),

customers as (

    select
        segments.interaction_id,
        min(
            {{ customer_identifier(
                ['customer_ids.contact'], 'customer_ids.customer_id', 'buzzeasy'
            ) }}
        ) as customer_identifier
    from segments
    inner join customer_ids
        on segments.segment_id = customer_ids.conversation_id
    group by segments.interaction_id

),

spans as (

    select
        interaction_id,
        min(started_at) as started_at,
        max(ended_at) as ended_at,
        max(loaded_at) as loaded_at
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
        spans.ended_at,
        customers.customer_identifier,
        spans.loaded_at
    from spans
    inner join segments as first_segments
        on spans.interaction_id = first_segments.interaction_id
            and first_segments.segment_sequence = 0
    left join ranked_completion_codes
        on spans.interaction_id = ranked_completion_codes.interaction_id
            and ranked_completion_codes.code_rank = 1
    left join customers
        on spans.interaction_id = customers.interaction_id

)

select * from mapped
