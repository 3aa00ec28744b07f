-- One row per tag of a SmartAssist session: user-level tags (about the customer's profile) and
-- session-level tags (about this session), told apart by `tag_level`.

{{ config(incremental_scope={'from': 'base_kore_smartassist__sessions', 'key': 'session_id'}) }}

with

base as (

    select * from {{ ref('base_kore_smartassist__sessions') }}
    where quarantine_reason is null and {{ in_incremental_scope() }}

),

tags as (

    {{ unnest_with_index(
        'base',
        'smartassist_session.userleveltags',
        'tag',
        'tag_index',
        columns=[
            'session_id',
            'loaded_at',
            "'user' as tag_level",
        ],
    ) }}
    union all
    {{ unnest_with_index(
        'base',
        'smartassist_session.sessionleveltags',
        'tag',
        'tag_index',
        columns=[
            'session_id',
            'loaded_at',
            "'session' as tag_level",
        ],
    ) }}

),

renamed as (

    select
        session_id || ':' || tag_level || ':' || tag_index as session_tag_id,
        session_id,
        tag_level,
        tag_index,
        tag.name as tag_name,
        tag.value as tag_value,

        -- lineage
        loaded_at

    from tags

)

select * from renamed
