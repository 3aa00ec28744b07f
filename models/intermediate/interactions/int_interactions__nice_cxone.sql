-- A NICE CXone interaction is every segment sharing a `masterExternalId`. It starts with its
-- first segment and ends with its last; its channel and direction are those of its first
-- segment that is not an internal consult. The export carries no disposition name.

with

segments as (

    select * from {{ ref('int_segments__nice_cxone') }}

),

customers as (

    select
        interaction_id,
        min(
            {{ customer_identifier(
                ['client_ani', 'client_phone_number', 'from_address'], 'customer_id', 'nice_cxone'
            ) }}
        ) as customer_identifier
    from {{ ref('stg_nice_cxone__segments') }}
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
        spans.started_at,
        spans.ended_at,
        spans.loaded_at,
        customers.customer_identifier
    from spans
    inner join ranked
        on spans.interaction_id = ranked.interaction_id and ranked.customer_leg_rank = 1
    left join customers
        on spans.interaction_id = customers.interaction_id

)

select * from mapped
