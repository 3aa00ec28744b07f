-- Every vendor's agent state intervals in one conformed shape: the
-- int_agent_states__<source_system> mapping of each vendor the registry (dbt_project.yml, var
-- source_systems) lists for this concept, with the same columns.

{%- set columns = [
    'source_system',
    'agent_state_id',
    'agent_id',
    'state',
    'state_raw',
    'break_name',
    'started_at',
    'ended_at',
    'duration_seconds',
    'is_login',
    'is_logout',
    'logout_reason',
    'loaded_at',
] %}

{% for source_system in source_systems('agent_states') %}
    select {{ columns | join(', ') }}
    from {{ ref('int_agent_states__' ~ source_system) }}
    {% if not loop.last %}union all{% endif %}
{% endfor %}
