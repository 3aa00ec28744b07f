-- One row per participant record of a CCAI Platform session: end users, human agents and
-- virtual agents. A participant who leaves and rejoins gets a new record.

{{ config(incremental_scope={'from': 'base_ccai_platform__sessions', 'key': 'session_id'}) }}

with

base as (

    select * from {{ ref('base_ccai_platform__sessions') }}
    where quarantine_reason is null and {{ in_incremental_scope() }}

),

participants as (

    {{ unnest_with_index(
        'base',
        'ccai_session.participants',
        'participant',
        'participant_index',
        columns=[
            'session_id',
            'loaded_at',
        ],
    ) }}

),

renamed as (

    select
        -- ids
        session_id || ':' || participant_index as session_participant_id,
        session_id,
        participant_index,
        {{ blank_as_null('participant.id') }} as participant_id,
        {{ blank_as_null('participant.user_id') }} as user_id,
        {{ blank_as_null('participant.end_user_id') }} as end_user_id,

        -- dimensions
        lower({{ blank_as_null('participant.type') }}) as participant_type,
        participant.status as participant_status,
        participant.fail_reason,

        -- measures
        coalesce(participant.call_duration, participant.chat_duration) as handle_seconds,
        participant.hold_duration as hold_seconds,

        -- timestamps (UTC)
        {{ utc_timestamp('participant.connected_at') }} as connected_at,
        {{ utc_timestamp(['participant.ended_at', 'participant.finished_at']) }} as ended_at,

        -- lineage
        loaded_at

    from participants

)

select * from renamed
