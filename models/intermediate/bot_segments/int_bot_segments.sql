-- Every vendor's bot, IVR and flow steps in one conformed shape: the
-- int_bot_segments__<source_system> mapping of each vendor the registry (dbt_project.yml, var
-- source_systems) lists for this concept, with the same columns.

{%- set columns = [
    'source_system',
    'bot_segment_id',
    'interaction_id',
    'bot_name',
    'bot_type',
    'started_at',
    'ended_at',
    'duration_seconds',
    'outcome',
    'outcome_raw',
    'loaded_at',
] %}

{% for source_system in source_systems('bot_segments') %}
    select {{ columns | join(', ') }}
    from {{ ref('int_bot_segments__' ~ source_system) }}
    {% if not loop.last %}union all{% endif %}
{% endfor %}
