{{ config(incremental_scope={
    'from': 'int_agent_states',
    'key': ['source_system', 'agent_state_id'],
    'per': 'source_system',
    'target_key': 'agent_state_key',
    'reconcile': true,
}) }}

with

agent_states as (

    select * from {{ ref('int_agent_states') }}
    where {{ in_incremental_scope() }}

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
    logout_reason,
    loaded_at
from agent_states
