-- When the newest raw record behind each interaction was loaded, over every conformed concept that
-- carries it (its segments, queue entries, bot steps, offers, measurements and turns): the
-- incremental marts rebuild an interaction whose newest record is newer than what they hold, and
-- stamp each of its rows with this time. A table, built once per run: every fact reads it several
-- times to find its scope.

{{ config(materialized='table') }}

{%- set concepts = [
    'interactions', 'segments', 'queue_segments', 'bot_segments', 'workitems', 'sentiment',
    'transcript_turns',
] %}

with

loads as (

    {% for concept in concepts %}
        select
            source_system,
            interaction_id,
            loaded_at
        from {{ ref('int_' ~ concept) }}
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

)

select
    source_system,
    interaction_id,
    max(loaded_at) as loaded_at
from loads
group by source_system, interaction_id
