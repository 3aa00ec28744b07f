-- Every vendor's sentiment and satisfaction measurements in one conformed shape: the
-- int_sentiment__<source_system> mapping of each vendor the registry (dbt_project.yml, var
-- source_systems) lists for this concept, with the same columns.

{%- set columns = [
    'source_system',
    'sentiment_id',
    'interaction_id',
    'segment_id',
    'participant_role',
    'measure',
    'label',
    'score',
    'raw_value',
    'entity_name',
    'loaded_at',
] %}

{% for source_system in source_systems('sentiment') %}
    select {{ columns | join(', ') }}
    from {{ ref('int_sentiment__' ~ source_system) }}
    {% if not loop.last %}union all{% endif %}
{% endfor %}
