with

agent_states as (

    select * from {{ ref('int_agent_states') }}

)

select
    {{ surrogate_key('source_system', 'agent_state_id') }} as agent_state_key,
    {{ surrogate_key('source_system', 'agent_id') }} as agent_key,
    source_system,
    agent_state_id,
    state,
    state_raw,
    break_name,
    started_at,
    ended_at,
    duration_seconds,
    is_login,
    is_logout,
    logout_reason
from agent_states
