with

sentiment as (

    select * from {{ ref('int_sentiment') }}

)

select
    {{ surrogate_key('source_system', 'sentiment_id') }} as sentiment_key,
    {{ surrogate_key('source_system', 'interaction_id') }} as interaction_key,
    {{ surrogate_key('source_system', 'segment_id') }} as segment_key,
    source_system,
    sentiment_id,
    participant_role,
    measure,
    label,
    score,
    raw_value,
    entity_name
from sentiment
