-- One row per interaction whose customer is known (customer_key): the same customer's next
-- interaction on any vendor, and whether it came within var repeat_contact_window_days. The
-- first-contact-resolution proxy of kpi_repeat_contact_daily counts these (DECISIONLOG.md).

with

interactions as (

    select * from {{ ref('fct_interactions') }}

),

queue_segments as (

    select * from {{ ref('fct_queue_segments') }}

),

first_queues as (

    select
        interaction_key,
        queue_key
    from (
        select
            interaction_key,
            queue_key,
            row_number() over (
                partition by interaction_key
                order by entered_at, queue_segment_id
            ) as queue_order
        from queue_segments
    ) as ordered
    where queue_order = 1

),

-- the latest start the warehouse holds: a contact's window is closed once that is a whole
-- window after it, so a contact near the end of the data is not yet counted as not repeated
horizon as (

    select max(started_at) as latest_started_at
    from interactions

),

sequenced as (

    select
        interaction_key,
        source_system,
        channel,
        customer_key,
        started_at,
        lead(interaction_key) over (
            partition by customer_key order by started_at, interaction_key
        ) as next_interaction_key,
        lead(source_system) over (
            partition by customer_key order by started_at, interaction_key
        ) as next_source_system,
        lead(started_at) over (
            partition by customer_key order by started_at, interaction_key
        ) as next_started_at
    from interactions
    where customer_key is not null and started_at is not null

),

final as (

    select
        sequenced.interaction_key,
        sequenced.source_system,
        sequenced.channel,
        first_queues.queue_key,
        sequenced.customer_key,
        sequenced.started_at,
        cast(sequenced.started_at as date) as activity_date,
        sequenced.next_interaction_key,
        sequenced.next_source_system,
        sequenced.next_started_at,
        {{ seconds_between('sequenced.started_at', 'sequenced.next_started_at') }}
            as seconds_to_next_contact,
        coalesce(
            {{ seconds_between('sequenced.started_at', 'sequenced.next_started_at') }}
            <= {{ var('repeat_contact_window_days') }} * 86400,
            false
        ) as is_repeated,
        coalesce(
            {{ seconds_between('sequenced.started_at', 'sequenced.next_started_at') }}
            <= {{ var('repeat_contact_window_days') }} * 86400
            and sequenced.next_source_system != sequenced.source_system,
            false
        ) as is_repeated_on_other_vendor,
        {{ seconds_between('sequenced.started_at', 'horizon.latest_started_at') }}
        >= {{ var('repeat_contact_window_days') }} * 86400 as is_window_closed,
        cast({{ var('repeat_contact_window_days') }} as integer) as repeat_window_days
    from sequenced
    cross join horizon
    left join first_queues
        on sequenced.interaction_key = first_queues.interaction_key

)

select
    interaction_key,
    source_system,
    channel,
    queue_key,
    customer_key,
    started_at,
    activity_date,
    next_interaction_key,
    next_source_system,
    next_started_at,
    seconds_to_next_contact,
    is_repeated,
    is_repeated_on_other_vendor,
    is_window_closed,
    repeat_window_days
from final
