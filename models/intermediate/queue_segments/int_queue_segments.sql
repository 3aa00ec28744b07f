-- Every vendor's queue entries in one conformed shape: the int_queue_segments__<source_system>
-- mapping of each vendor the registry (dbt_project.yml, var source_systems) lists for this concept,
-- with the same columns.

{%- set columns = [
    'source_system',
    'queue_segment_id',
    'interaction_id',
    'segment_id',
    'queue_id',
    'entered_at',
    'exited_at',
    'wait_seconds',
    'exit_reason',
    'exit_reason_raw',
    'is_abandoned',
    'answered_by_agent_id',
    'loaded_at',
] %}

{% for source_system in source_systems('queue_segments') %}
    select {{ columns | join(', ') }}
    from {{ ref('int_queue_segments__' ~ source_system) }}
    {% if not loop.last %}union all{% endif %}
{% endfor %}
