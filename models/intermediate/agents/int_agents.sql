with

cxengage as (

    select * from {{ ref('int_agents__cxengage') }}

),

unioned as (

    select
        source_system,
        agent_id,
        agent_name
    from cxengage

)

select * from unioned
