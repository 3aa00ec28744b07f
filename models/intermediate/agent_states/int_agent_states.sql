-- Every vendor's agent state intervals in the conformed shape; each vendor that reports agent
-- states adds a `union all` branch.

with

buzzeasy as (

    select * from {{ ref('int_agent_states__buzzeasy') }}

),

unioned as (

    select
        source_system,
        agent_state_id,
        agent_id,
        state,
        state_raw,
        break_name,
        started_at,
        ended_at,
        duration_seconds,
        is_login,
        is_logout,
        logout_reason
    from buzzeasy

)

select * from unioned
