-- One row per stretch of a CCAI Platform session handled by a virtual agent.

{{ config(incremental_scope={'from': 'base_ccai_platform__sessions', 'key': 'session_id'}) }}

with

base as (

    select * from {{ ref('base_ccai_platform__sessions') }}
    where quarantine_reason is null and {{ in_incremental_scope() }}

),

stretches as (

    {{ unnest_with_index(
        'base',
        'ccai_session.virtual_agent_handle_durations',
        'stretch',
        'stretch_index',
        columns=[
            'session_id',
            'loaded_at',
            'started_at as session_started_at',
        ],
    ) }}

),

renamed as (

    select
        -- ids
        session_id || ':' || stretch_index as virtual_agent_handle_id,
        session_id,
        stretch_index,
        {{ blank_as_null('stretch.virtual_agent.id') }} as virtual_agent_id,
        {{ blank_as_null('stretch.transfer_id') }} as transfer_id,

        -- dimensions
        coalesce(
            {{ blank_as_null('stretch.virtual_agent.name') }},
            {{ blank_as_null('stretch.virtual_agent.id') }}
        ) as virtual_agent_name,
        {{ blank_as_null('stretch.escalation_reason') }} as escalation_reason,
        {{ blank_as_null('stretch.finish_reason') }} as finish_reason,

        -- measures
        coalesce(stretch.call_duration, stretch.chat_duration)
            as handle_seconds,

        -- timestamps (UTC)
        {{ utc_timestamp('stretch.started_at') }} as reported_started_at,
        {{ utc_timestamp('stretch.ended_at') }} as reported_ended_at,
        session_started_at,
        coalesce(
            sum(coalesce(stretch.call_duration, stretch.chat_duration)) over (
                partition by session_id
                order by stretch_index
                rows between unbounded preceding and 1 preceding
            ),
            0
        ) as earlier_handle_seconds,

        -- lineage
        loaded_at

    from stretches

),

timed as (

    -- A stretch sent with only its agent and duration starts where the stretches before it
    -- end (the first at the session's start), or its duration before its end.
    select
        {{ star_except([
            'reported_started_at', 'reported_ended_at', 'session_started_at',
            'earlier_handle_seconds',
        ]) }},
        coalesce(
            reported_started_at,
            {{ add_seconds('reported_ended_at', '-1 * handle_seconds') }},
            {{ add_seconds('session_started_at', 'earlier_handle_seconds') }}
        ) as started_at,
        reported_ended_at as ended_at
    from renamed

)

select
    {{ star_except(['ended_at', 'loaded_at']) }},
    coalesce(ended_at, {{ add_seconds('started_at', 'handle_seconds') }}) as ended_at,
    loaded_at
from timed
