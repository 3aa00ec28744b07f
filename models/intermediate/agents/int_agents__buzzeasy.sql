-- Every Buzzeasy agent: the Agents lookup, users of type Agent, and any agent id a workitem or
-- agent state references, named from Agents, else Users. Deleted agents stay (their history
-- still needs a name).

with

agents as (

    select * from {{ ref('stg_buzzeasy__agents') }}

),

users as (

    select * from {{ ref('stg_buzzeasy__users') }}

),

workitems as (

    select * from {{ ref('stg_buzzeasy__workitems') }}

),

agent_states as (

    select * from {{ ref('stg_buzzeasy__agent_states') }}

),

referenced_ids as (

    select agent_id from agents
    union
    select user_id as agent_id from users
    where lower(user_type) = 'agent'
    union
    select agent_id from workitems
    union
    select agent_id from agent_states

),

mapped as (

    select
        'buzzeasy' as source_system,
        referenced_ids.agent_id,
        coalesce(agents.agent_name, users.user_name) as agent_name
    from referenced_ids
    left join agents
        on referenced_ids.agent_id = agents.agent_id
    left join users
        on referenced_ids.agent_id = users.user_id
    where referenced_ids.agent_id is not null

)

select * from mapped
