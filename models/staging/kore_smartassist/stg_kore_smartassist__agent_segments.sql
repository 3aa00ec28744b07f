-- One row per responding agent of a SmartAssist session: the agent who answered a queue entry
-- (QueueEntry.respondingAgent), or the agent of a direct transfer (an AgentSegment
-- destination).

{{ config(incremental_scope={'from': 'base_kore_smartassist__sessions', 'key': 'session_id'}) }}

{#- A direct transfer's agent is the destination itself: its agent fields, as a STRUCT of the
    respondingAgent's type, so both can be one column (struct_of). -#}
{%- set destination_structure = kore_smartassist_session_structure()['destinations'] | first -%}
{%- set agent_fields = [] -%}
{%- for key in destination_structure['respondingAgent'] -%}
    {%- do agent_fields.append([key, 'destination.' ~ key]) -%}
{%- endfor %}

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

responding as (

    select
        session_id,
        assumed_utc_offset,
        loaded_at,
        destination_index,
        coalesce(
            {{ kore_smartassist_destination_type('destination') }} = 'AgentSegment', false
        ) as is_direct_transfer,
        case
            when {{ kore_smartassist_destination_type('destination') }} = 'AgentSegment'
                then {{ struct_of(agent_fields) }}
            else destination.respondingAgent
        end as agent
    from destinations

),

renamed as (

    select
        -- ids
        session_id || ':' || destination_index as agent_segment_id,
        session_id,
        destination_index,
        {{ blank_as_null('agent.agentId') }} as agent_id,

        -- dimensions
        agent.name as agent_name,
        agent.email as agent_email,
        agent.status as agent_status,
        -- notes: a list of texts, or one text
        {{ json_array_texts(json_as_list('agent.agentNotes')) }} as agent_notes,

        -- measures
        agent.firstResponseDuration as first_response_seconds,
        agent.interactionDuration as interaction_seconds,
        agent.afterCallWorkDuration as after_call_work_seconds,
        coalesce({{ list_length(json_array_items(json_as_list('agent.ConsultingAgents'))) }}, 0)
            as consulting_agent_count,
        coalesce({{ list_length(json_array_items(json_as_list('agent.JoinedUsers'))) }}, 0)
            as joined_user_count,

        -- booleans
        is_direct_transfer,

        -- timestamps (UTC)
        {{ local_to_utc('agent.assignedAt', 'assumed_utc_offset') }} as assigned_at,
        {{ local_to_utc('agent.acceptedTime', 'assumed_utc_offset') }} as accepted_at,
        {{ local_to_utc('agent.firstResponseTime', 'assumed_utc_offset') }} as first_response_at,
        {{ local_to_utc('agent.interactionEndTime', 'assumed_utc_offset') }}
            as interaction_ended_at,
        {{ local_to_utc('agent.afterCallWorkEndTime', 'assumed_utc_offset') }}
            as after_call_work_ended_at,

        -- lineage
        loaded_at

    from responding
    where {{ blank_as_null('agent.agentId') }} is not null

)

select * from renamed
