-- A NICE CXone interaction is every segment sharing a `masterExternalId`. It starts when its
-- customer entered the queue (the first queue entry, before the first agent answered), else
-- with its first segment, and ends with its last segment; its channel and direction are those of
-- its first segment that is not an internal consult. The export carries no disposition name.
-- The customer is the caller's number or address on that first customer segment (NICE's
-- customerId is the tenant, not the customer).

with

segments as (

    select * from {{ ref('int_segments__nice_cxone') }}

),

queue_segments as (

    select * from {{ ref('int_queue_segments__nice_cxone') }}

),

contacts as (

    select * from {{ ref('stg_nice_cxone__segments') }}

),

customers as (

    select
        segments.interaction_id,
        {{ customer_identifier(
            ['contacts.client_ani', 'contacts.client_phone_number', 'contacts.from_address']
        ) }} as customer_identifier,
        segments.is_consult,
        segments.segment_sequence
    from segments
    inner join contacts
        on segments.segment_id = contacts.segment_id

),

first_customers as (

    select
        interaction_id,
        customer_identifier
    from customers
    where customer_identifier is not null
    qualify row_number() over (
            partition by interaction_id order by is_consult, segment_sequence
        ) = 1

),

queued as (

    select
        interaction_id,
        min(entered_at) as first_entered_at
    from queue_segments
    group by interaction_id

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

ranked as (

    select
        interaction_id,
        channel,
        channel_raw,
        direction,
        direction_raw,
        row_number() over (
            partition by interaction_id order by is_consult, segment_sequence
        ) as customer_leg_rank
    from segments

),

mapped as (

    select
        'nice_cxone' as source_system,
        spans.interaction_id,
        ranked.channel,
        ranked.channel_raw,
        ranked.direction,
        ranked.direction_raw,
        cast(null as {{ dbt.type_string() }}) as disposition_name,
        least(spans.started_at, queued.first_entered_at) as started_at,
        spans.ended_at,
        spans.loaded_at,
        first_customers.customer_identifier
    from spans
    inner join ranked
        on spans.interaction_id = ranked.interaction_id and ranked.customer_leg_rank = 1
    left join queued
        on spans.interaction_id = queued.interaction_id
    left join first_customers
        on spans.interaction_id = first_customers.interaction_id

)

select * from mapped
