{{ config(
    materialized='incremental',
    incremental_strategy='replace_scope',
    incremental_scope='nice_cxone_interactions',
    on_schema_change='fail',
) }}

-- depends_on: {{ ref('stg_nice_cxone__segments') }}

with

workitems as (

    select * from {{ ref('int_workitems') }}
    {% if is_incremental() -%}
        where {{ incremental_scope() }}
    {%- endif %}

)

select
    {{ surrogate_key('source_system', 'workitem_id') }} as workitem_key,
    {{ surrogate_key('source_system', 'interaction_id') }} as interaction_key,
    {{ surrogate_key('source_system', 'segment_id') }} as segment_key,
    source_system,
    workitem_id,
    {{ surrogate_key('source_system', 'agent_id') }} as agent_key,
    {{ surrogate_key('source_system', 'queue_id') }} as queue_key,
    offered_at,
    accepted_at,
    ended_at,
    handle_seconds,
    talk_seconds,
    hold_seconds,
    hold_count,
    wrap_up_seconds,
    result,
    result_raw,
    loaded_at
from workitems
