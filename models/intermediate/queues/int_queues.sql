with

cxengage as (

    select * from {{ ref('int_queues__cxengage') }}

),

ccai_platform as (

    select * from {{ ref('int_queues__ccai_platform') }}

),

kore_smartassist as (

    select * from {{ ref('int_queues__kore_smartassist') }}

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

    union all

    select
        source_system,
        queue_id,
        queue_name
    from kore_smartassist

    union all

    select
        source_system,
        queue_id,
        queue_name
    from ccai_platform

)

select * from unioned
