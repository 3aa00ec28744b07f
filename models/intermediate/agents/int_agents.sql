with

cxengage as (

    select * from {{ ref('int_agents__cxengage') }}

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

)

select * from unioned
