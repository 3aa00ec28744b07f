-- Every SmartAssist agent: responding, non-responding and consulting agents, named from the
-- latest session that names them.

with

agent_segments as (

    select * from {{ ref('stg_kore_smartassist__agent_segments') }}

),

non_responding_agents as (

    select * from {{ ref('stg_kore_smartassist__non_responding_agents') }}

),

participants as (

    select * from {{ ref('stg_kore_smartassist__agent_participants') }}

),

sessions as (

    select * from {{ ref('stg_kore_smartassist__sessions') }}

),

named as (

    select
        session_id,
        agent_id,
        agent_name
    from agent_segments
    union all
    select
        session_id,
        agent_id,
        agent_name
    from non_responding_agents
    union all
    select
        session_id,
        participant_id as agent_id,
        participant_name as agent_name
    from participants
    where participant_type = 'consulting_agent'

),

ranked as (

    select
        named.agent_id,
        named.agent_name,
        row_number() over (
            partition by named.agent_id
            order by
                case when named.agent_name is null then 1 else 0 end asc,
                sessions.started_at desc,
                named.session_id asc
        ) as name_rank
    from named
    inner join sessions
        on named.session_id = sessions.session_id
    where named.agent_id is not null

),

mapped as (

    select
        'kore_smartassist' as source_system,
        agent_id,
        agent_name
    from ranked
    where name_rank = 1

)

select * from mapped
