{{ config(
    materialized='incremental',
    incremental_strategy='replace_scope',
    incremental_scope='nice_cxone_interactions',
    on_schema_change='fail',
) }}

-- depends_on: {{ ref('stg_nice_cxone__segments') }}

with

turns as (

    select * from {{ ref('int_transcript_turns') }}
    {% if is_incremental() -%}
        where {{ incremental_scope() }}
    {%- endif %}

)

select
    {{ surrogate_key('source_system', 'transcript_turn_id') }} as transcript_turn_key,
    {{ surrogate_key('source_system', 'interaction_id') }} as interaction_key,
    {{ surrogate_key('source_system', 'segment_id') }} as segment_key,
    source_system,
    transcript_turn_id,
    turn_sequence,
    participant_role,
    participant_role_raw,
    turn_text,
    length(turn_text) as character_count,
    started_at,
    ended_at,
    {{ seconds_between('started_at', 'ended_at') }} as duration_seconds,
    is_ignored,
    loaded_at
from turns
