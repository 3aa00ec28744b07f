with

cxengage as (

    select * from {{ ref('int_queues__cxengage') }}

),

buzzeasy as (

    select * from {{ ref('int_queues__buzzeasy') }}

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

    union all

    select
        source_system,
        queue_id,
        queue_name
    from buzzeasy

)

select * from unioned
