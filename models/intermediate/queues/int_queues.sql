with

cxengage as (

    select * from {{ ref('int_queues__cxengage') }}

),

unioned as (

    select
        source_system,
        queue_id,
        queue_name
    from cxengage

)

select * from unioned
