{{ config(materialized='table') }}

with

agents as (

    select * from {{ ref('int_agents') }}

)

select
    {{ surrogate_key('source_system', 'agent_id') }} as agent_key,
    source_system,
    agent_id,
    agent_name
from agents
