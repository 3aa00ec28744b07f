-- Every NICE CXone agent (agentUserId, stable across inbound and outbound work, unlike
-- agentCommonId) the segments reference, named from the agent's latest segment.

with

segments as (

    select * from {{ ref('stg_nice_cxone__segments') }}

),

ranked as (

    select
        agent_user_id,
        agent_name,
        row_number() over (
            partition by agent_user_id
            order by
                case when agent_name is null then 1 else 0 end asc,
                started_at desc,
                segment_id asc
        ) as name_rank
    from segments
    where agent_user_id is not null

),

mapped as (

    select
        'nice_cxone' as source_system,
        agent_user_id as agent_id,
        agent_name
    from ranked
    where name_rank = 1

)

select * from mapped
