-- One row per skill associated with a SmartAssist smartassist_session.

{{ config(incremental_scope={'from': 'base_kore_smartassist__sessions', 'key': 'session_id'}) }}

with

base as (

    select * from {{ ref('base_kore_smartassist__sessions') }}
    where quarantine_reason is null and {{ in_incremental_scope() }}

),

skills as (

    {{ unnest_with_index(
        'base',
        'smartassist_session.skills',
        'skill',
        'skill_index',
        columns=[
            'session_id',
            'loaded_at',
        ],
    ) }}

),

renamed as (

    select
        session_id || ':' || skill_index as session_skill_id,
        session_id,
        skill_index,
        skill.id as skill_id,
        skill.name as skill_name,

        -- lineage
        loaded_at

    from skills

)

select * from renamed
