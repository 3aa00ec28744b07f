-- Every vendor's interaction segments in one conformed shape: the int_segments__<source_system>
-- mapping of each vendor the registry (dbt_project.yml, var source_systems) lists for this concept,
-- with the same columns.

{%- set columns = [
    'source_system',
    'segment_id',
    'interaction_id',
    'segment_sequence',
    'channel',
    'direction',
    'started_at',
    'ended_at',
    'agent_id',
    'queue_id',
    'start_reason',
    'start_reason_raw',
    'end_reason',
    'end_reason_raw',
    'is_transfer',
    'loaded_at',
] %}

{% for source_system in source_systems('segments') %}
    select {{ columns | join(', ') }}
    from {{ ref('int_segments__' ~ source_system) }}
    {% if not loop.last %}union all{% endif %}
{% endfor %}
