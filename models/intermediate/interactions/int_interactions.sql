-- Every vendor's interactions in one conformed shape: the int_interactions__<source_system> mapping
-- of each vendor the registry (dbt_project.yml, var source_systems) lists for this concept, with
-- the same columns.

{%- set columns = [
    'source_system',
    'interaction_id',
    'channel',
    'channel_raw',
    'direction',
    'direction_raw',
    'disposition_name',
    'started_at',
    'ended_at',
    'loaded_at',
    'customer_identifier',
] %}

{% for source_system in source_systems('interactions') %}
    select {{ columns | join(', ') }}
    from {{ ref('int_interactions__' ~ source_system) }}
    {% if not loop.last %}union all{% endif %}
{% endfor %}
