{{ config(
    materialized='incremental',
    incremental_strategy='replace_scope',
    incremental_scope='nice_cxone_interactions',
    on_schema_change='fail',
) }}

-- depends_on: {{ ref('stg_nice_cxone__segments') }}

with

sentiment as (

    select * from {{ ref('int_sentiment') }}
    {% if is_incremental() -%}
        where {{ incremental_scope() }}
    {%- endif %}

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
    entity_name,
    loaded_at
from sentiment
