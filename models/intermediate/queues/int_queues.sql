with

cxengage as (

    select * from {{ ref('int_queues__cxengage') }}

),

nice_cxone as (

    select * from {{ ref('int_queues__nice_cxone') }}

),

unioned as (

    select
        source_system,
        queue_id,
        queue_name
    from cxengage

    union all

    select
        source_system,
        queue_id,
        queue_name
    from nice_cxone

)

select * from unioned
