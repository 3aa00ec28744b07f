-- Every CCAI Platform human agent a session references (participants, transfers, the human
-- agent_info variant), named from the latest session that names them.

with

sessions as (

    select * from {{ ref('stg_ccai_platform__sessions') }}

),

participants as (

    select * from {{ ref('stg_ccai_platform__participants') }}

),

transfers as (

    select * from {{ ref('stg_ccai_platform__transfers') }}

),

named as (

    select
        session_id,
        user_id as agent_id,
        cast(null as {{ dbt.type_string() }}) as agent_name
    from participants
    where participant_type = 'agent'
    union all
    select
        session_id,
        agent_info_id as agent_id,
        agent_info_name as agent_name
    from sessions
    where agent_info_kind = 'human_agent'
    union all
    select
        session_id,
        from_agent_id as agent_id,
        from_agent_name as agent_name
    from transfers
    union all
    select
        session_id,
        to_agent_id as agent_id,
        to_agent_name as agent_name
    from transfers

),

ranked as (

    select
        named.agent_id,
        named.agent_name,
        row_number() over (
            partition by named.agent_id
            order by
                case when named.agent_name is null then 1 else 0 end asc,
                sessions.created_at desc,
                named.session_id asc
        ) as name_rank
    from named
    inner join sessions
        on named.session_id = sessions.session_id
    where named.agent_id is not null

),

mapped as (

    select
        'ccai_platform' as source_system,
        agent_id,
        agent_name
    from ranked
    where name_rank = 1

)

select * from mapped
