-- Every vendor's transcript turns in one conformed shape: the int_transcript_turns__<source_system>
-- mapping of each vendor the registry (dbt_project.yml, var source_systems) lists for this concept,
-- with the same columns.

{%- set columns = [
    'source_system',
    'transcript_turn_id',
    'interaction_id',
    'segment_id',
    'turn_sequence',
    'participant_role',
    'participant_role_raw',
    'turn_text',
    'started_at',
    'ended_at',
    'is_ignored',
    'loaded_at',
] %}

{% for source_system in source_systems('transcript_turns') %}
    select {{ columns | join(', ') }}
    from {{ ref('int_transcript_turns__' ~ source_system) }}
    {% if not loop.last %}union all{% endif %}
{% endfor %}
