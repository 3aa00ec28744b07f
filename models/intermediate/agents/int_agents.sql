with

cxengage as (

    select * from {{ ref('int_agents__cxengage') }}

),

ccai_platform as (

    select * from {{ ref('int_agents__ccai_platform') }}

),

kore_smartassist as (

    select * from {{ ref('int_agents__kore_smartassist') }}

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

    union all

    select
        source_system,
        agent_id,
        agent_name
    from kore_smartassist

    union all

    select
        source_system,
        agent_id,
        agent_name
    from ccai_platform

)

select * from unioned
