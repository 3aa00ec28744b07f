-- One row per consulting agent or joined user of a SmartAssist responding agent's segment. The
-- vendor documents these lists but not their fields: the common ones are extracted (an agent or
-- user id, name, email, start and end) and the whole entry is kept as JSON.

{{ config(incremental_scope={'from': 'base_kore_smartassist__sessions', 'key': 'session_id'}) }}

with

base as (

    select * from {{ ref('base_kore_smartassist__sessions') }}
    where quarantine_reason is null and {{ in_incremental_scope() }}

),

destinations as (

    {{ unnest_with_index(
        'base',
        'smartassist_session.destinations',
        'destination',
        'destination_index',
        columns=[
            'session_id',
            'assumed_utc_offset',
            'loaded_at',
        ],
    ) }}

),

lists as (

    select
        session_id,
        assumed_utc_offset,
        loaded_at,
        destination_index,
        'consulting_agent' as participant_type,
        {{ json_array_items(json_as_list(
            'coalesce(destination.respondingAgent.ConsultingAgents, destination.ConsultingAgents)'
        )) }} as participants
    from destinations
    union all
    select
        session_id,
        assumed_utc_offset,
        loaded_at,
        destination_index,
        'joined_user' as participant_type,
        {{ json_array_items(json_as_list(
            'coalesce(destination.respondingAgent.JoinedUsers, destination.JoinedUsers)'
        )) }} as participants
    from destinations

),

participants as (

    {{ unnest_with_index(
        'lists',
        'participants',
        'participant',
        'participant_index',
        columns=[
            'session_id',
            'assumed_utc_offset',
            'loaded_at',
            'destination_index',
            'participant_type',
        ],
    ) }}

),

renamed as (

    select
        -- ids
        session_id || ':' || destination_index || ':' || participant_type || ':'
        || participant_index as agent_participant_id,
        session_id,
        destination_index,
        participant_index,
        coalesce(
            {{ json_text_at('participant', '$.agentId') }},
            {{ json_text_at('participant', '$.userId') }}
        ) as participant_id,

        -- dimensions
        participant_type,
        {{ json_text_at('participant', '$.name') }} as participant_name,
        {{ json_text_at('participant', '$.email') }} as participant_email,
        participant as participant_json,

        -- timestamps (UTC)
        {{ local_to_utc(
            'coalesce('
            ~ json_text_at('participant', '$.consultStartTime') ~ ', '
            ~ json_text_at('participant', '$.joinedTime') ~ ', '
            ~ json_text_at('participant', '$.acceptedTime') ~ ', '
            ~ json_text_at('participant', '$.assignedAt') ~ ')',
            'assumed_utc_offset',
        ) }} as started_at,
        {{ local_to_utc(
            'coalesce('
            ~ json_text_at('participant', '$.consultEndTime') ~ ', '
            ~ json_text_at('participant', '$.leftTime') ~ ', '
            ~ json_text_at('participant', '$.interactionEndTime') ~ ')',
            'assumed_utc_offset',
        ) }} as ended_at,

        -- lineage
        loaded_at

    from participants

)

select * from renamed
