-- One row per escalation of a CCAI Platform session: a virtual agent handing the session to a
-- human (or another virtual agent), with its status and reason.

{{ config(incremental_scope={'from': 'base_ccai_platform__sessions', 'key': 'session_id'}) }}

with

base as (

    select * from {{ ref('base_ccai_platform__sessions') }}
    where quarantine_reason is null and {{ in_incremental_scope() }}

),

escalations as (

    {{ unnest_with_index(
        'base',
        'ccai_session.escalations',
        'escalation',
        'escalation_index',
        columns=[
            'session_id',
            'loaded_at',
        ],
    ) }}

),

renamed as (

    select
        -- ids
        session_id || ':' || escalation_index as session_escalation_id,
        session_id,
        escalation_index,
        escalation.id as escalation_id,
        {{ blank_as_null('escalation.from_virtual_agent.id') }} as from_virtual_agent_id,
        {{ blank_as_null('escalation.to_virtual_agent.id') }} as to_virtual_agent_id,

        -- dimensions
        escalation.status as escalation_status,
        {{ blank_as_null('escalation.reason') }} as escalation_reason,
        escalation.deflection,
        escalation.from_virtual_agent.name as from_virtual_agent_name,

        -- timestamps (UTC)
        {{ utc_timestamp(['escalation.escalated_at', 'escalation.created_at']) }} as escalated_at,

        -- lineage
        loaded_at

    from escalations

)

select * from renamed
