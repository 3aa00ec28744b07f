-- Every vendor's queues in one conformed shape: the int_queues__<source_system> mapping of each
-- vendor the registry (dbt_project.yml, var source_systems) lists for this concept, with the same
-- columns.

{%- set columns = [
    'source_system',
    'queue_id',
    'queue_name',
] %}

{% for source_system in source_systems('queues') %}
    select {{ columns | join(', ') }}
    from {{ ref('int_queues__' ~ source_system) }}
    {% if not loop.last %}union all{% endif %}
{% endfor %}
