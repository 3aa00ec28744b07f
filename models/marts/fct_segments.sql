{{ config(
    materialized='incremental',
    incremental_strategy='replace_scope',
    incremental_scope='nice_cxone_interactions',
    on_schema_change='fail',
) }}

-- depends_on: {{ ref('stg_nice_cxone__segments') }}

with

segments as (

    select * from {{ ref('int_segments') }}
    {% if is_incremental() -%}
        where {{ incremental_scope() }}
    {%- endif %}

)

select
    {{ surrogate_key('source_system', 'segment_id') }} as segment_key,
    {{ surrogate_key('source_system', 'interaction_id') }} as interaction_key,
    source_system,
    segment_id,
    segment_sequence,
    channel,
    direction,
    started_at,
    ended_at,
    {{ seconds_between('started_at', 'ended_at') }} as duration_seconds,
    {{ surrogate_key('source_system', 'agent_id') }} as agent_key,
    {{ surrogate_key('source_system', 'queue_id') }} as queue_key,
    start_reason,
    start_reason_raw,
    end_reason,
    end_reason_raw,
    is_transfer,
    loaded_at
from segments
