with

cxengage as (

    select * from {{ ref('int_agents__cxengage') }}

),

buzzeasy as (

    select * from {{ ref('int_agents__buzzeasy') }}

),

nice_cxone as (

    select * from {{ ref('int_agents__nice_cxone') }}

),

unioned as (

    select
        source_system,
        agent_id,
        agent_name
    from cxengage

    union all

    select
        source_system,
        agent_id,
        agent_name
    from nice_cxone

    union all

    select
        source_system,
        agent_id,
        agent_name
    from buzzeasy

)

select * from unioned
