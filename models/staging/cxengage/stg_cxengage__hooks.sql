with

base as (

    select * from {{ ref('base_cxengage__interactions') }}

),

hooks as (

    select
        base.interaction_id,
        unnested.hook
    from base
    cross join unnest(base.interaction.hooks) as unnested (hook)

),

renamed as (

    select
        -- ids
        hook.interactionHookId as interaction_hook_id,
        interaction_id,
        hook.hookId as external_record_id,
        hook.agentId as agent_id,
        hook.hookedBy as linked_by_external_user_id,

        -- dimensions
        hook.hookType as hook_type,
        hook.hookSubType as hook_sub_type,
        hook.hookName as hook_name,

        -- timestamps (UTC)
        {{ utc_timestamp('hook.timestamp') }} as linked_at

    from hooks

)

select * from renamed
