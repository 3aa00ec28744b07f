-- One row per CRM or ticketing record linked to an interaction (`hooks[]`). A hook without its
-- interactionHookId gets one from its position (`<interactionId>:hook:<n>`); a hook listed twice
-- is kept once.

{{ config(incremental_scope={'from': 'base_cxengage__interactions', 'key': 'interaction_id'}) }}

with

base as (

    select * from {{ ref('base_cxengage__interactions') }}
    where quarantine_reason is null and {{ in_incremental_scope() }}

),

hooks as (

    {{ unnest_with_index(
        'base',
        'base.interaction.hooks',
        'hook',
        'hook_index',
        columns=[
            'base.interaction_id',
            'base.loaded_at',
        ],
    ) }}

),

renamed as (

    select
        -- ids
        coalesce(
            {{ blank_as_null('hook.interactionHookId') }},
            interaction_id || ':hook:' || hook_index
        ) as interaction_hook_id,
        interaction_id,
        hook_index,
        {{ blank_as_null('hook.hookId') }} as external_record_id,
        {{ blank_as_null('hook.agentId') }} as agent_id,
        {{ blank_as_null('hook.hookedBy') }} as linked_by_external_user_id,

        -- dimensions
        hook.hookType as hook_type,
        hook.hookSubType as hook_sub_type,
        hook.hookName as hook_name,

        -- timestamps (UTC)
        {{ utc_timestamp('hook.timestamp') }} as linked_at,

        -- lineage
        loaded_at

    from hooks

)

select * from renamed
qualify row_number() over (partition by interaction_hook_id order by hook_index) = 1
