-- Every CxEngage queue id the facts can reference, named from its latest queue entry.

with

queue_entries as (

    select * from {{ ref('stg_cxengage__queue_entries') }}

),

allocations as (

    select * from {{ ref('stg_cxengage__agents') }}

),

referenced_ids as (

    select queue_id from queue_entries
    union
    select queue_id from allocations

),

named as (

    select
        queue_id,
        queue_name,
        platform_queue_id,
        row_number() over (partition by queue_id order by entered_at desc) as name_rank
    from queue_entries
    where queue_name is not null

),

mapped as (

    select
        'cxengage' as source_system,
        referenced_ids.queue_id,
        named.queue_name
    from referenced_ids
    left join named
        on referenced_ids.queue_id = named.queue_id and named.name_rank = 1
    where referenced_ids.queue_id is not null

)

select * from mapped
