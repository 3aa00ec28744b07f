-- Every vendor's offers to human agents in one conformed shape: the int_workitems__<source_system>
-- mapping of each vendor the registry (dbt_project.yml, var source_systems) lists for this concept,
-- with the same columns.

{%- set columns = [
    'source_system',
    'workitem_id',
    'interaction_id',
    'segment_id',
    'agent_id',
    'queue_id',
    'offered_at',
    'accepted_at',
    'ended_at',
    'handle_seconds',
    'talk_seconds',
    'hold_seconds',
    'hold_count',
    'wrap_up_seconds',
    'result',
    'result_raw',
    'loaded_at',
] %}

{% for source_system in source_systems('workitems') %}
    select {{ columns | join(', ') }}
    from {{ ref('int_workitems__' ~ source_system) }}
    {% if not loop.last %}union all{% endif %}
{% endfor %}
