with

agents as (

    select * from {{ ref('int_agents') }}

),

final as (

    select
        {{ surrogate_key('source_system', 'agent_id') }} as agent_key,
        source_system,
        agent_id,
        agent_name
    from agents

)

select
    agent_key,
    source_system,
    agent_id,
    agent_name
from final
