-- Every vendor's agents in one conformed shape: the int_agents__<source_system> mapping of each
-- vendor the registry (dbt_project.yml, var source_systems) lists for this concept, with the same
-- columns.

{%- set columns = [
    'source_system',
    'agent_id',
    'agent_name',
] %}

{% for source_system in source_systems('agents') %}
    select {{ columns | join(', ') }}
    from {{ ref('int_agents__' ~ source_system) }}
    {% if not loop.last %}union all{% endif %}
{% endfor %}
