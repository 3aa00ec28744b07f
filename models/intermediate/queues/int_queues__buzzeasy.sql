-- Every Buzzeasy queue: the Queues lookup and any queue id a queue segment, workitem or rejected
-- enqueue attempt references, named from the lookup. Deleted queues stay.

with

queues as (

    select * from {{ ref('stg_buzzeasy__queues') }}

),

queue_segments as (

    select * from {{ ref('stg_buzzeasy__queue_segments') }}

),

workitems as (

    select * from {{ ref('stg_buzzeasy__workitems') }}

),

rejected_enqueue_attempts as (

    select * from {{ ref('stg_buzzeasy__rejected_enqueue_attempts') }}

),

referenced_ids as (

    select queue_id from queues
    union
    select queue_id from queue_segments
    union
    select queue_id from workitems
    union
    select queue_id from rejected_enqueue_attempts

),

mapped as (

    select
        'buzzeasy' as source_system,
        referenced_ids.queue_id,
        queues.queue_name
    from referenced_ids
    left join queues
        on referenced_ids.queue_id = queues.queue_id
    where referenced_ids.queue_id is not null

)

select * from mapped
