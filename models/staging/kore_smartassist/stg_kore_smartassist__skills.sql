-- One row per skill associated with a SmartAssist smartassist_session.

{{ config(incremental_scope={'from': 'base_kore_smartassist__sessions', 'key': 'session_id'}) }}

with

base as (

    select * from {{ ref('base_kore_smartassist__sessions') }}
    where quarantine_reason is null and {{ in_incremental_scope() }}

),

skills as (

    select
        session_id,
        loaded_at,
        unnest(smartassist_session.skills) as skill,
        generate_subscripts(smartassist_session.skills, 1) - 1 as skill_index
    from base

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
