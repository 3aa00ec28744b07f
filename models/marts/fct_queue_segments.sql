{{ config(
    materialized='incremental',
    incremental_strategy='replace_scope',
    incremental_scope='nice_cxone_interactions',
    on_schema_change='fail',
) }}

-- depends_on: {{ ref('stg_nice_cxone__segments') }}

with

queue_segments as (

    select * from {{ ref('int_queue_segments') }}
    {% if is_incremental() -%}
        where {{ incremental_scope() }}
    {%- endif %}

)

select
    {{ surrogate_key('source_system', 'queue_segment_id') }} as queue_segment_key,
    {{ surrogate_key('source_system', 'interaction_id') }} as interaction_key,
    {{ surrogate_key('source_system', 'segment_id') }} as segment_key,
    source_system,
    queue_segment_id,
    {{ surrogate_key('source_system', 'queue_id') }} as queue_key,
    entered_at,
    exited_at,
    wait_seconds,
    exit_reason,
    exit_reason_raw,
    is_abandoned,
    {{ surrogate_key('source_system', 'answered_by_agent_id') }} as answered_by_agent_key,
    loaded_at
from queue_segments
