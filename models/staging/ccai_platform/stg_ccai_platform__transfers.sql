-- One row per transfer of a CCAI Platform session, in order: from which agent, menu (queue) or
-- virtual agent to which. Menus arrive as `from_menu` / `to_menu` (schema example) or
-- `from_menu_path` / `to_menu_path` (API objects); both are read.

{{ config(incremental_scope={'from': 'base_ccai_platform__sessions', 'key': 'session_id'}) }}

with

base as (

    select * from {{ ref('base_ccai_platform__sessions') }}
    where quarantine_reason is null and {{ in_incremental_scope() }}

),

transfers as (

    {{ unnest_with_index(
        'base',
        'ccai_session.transfers',
        'transfer',
        'transfer_index',
        columns=[
            'session_id',
            'loaded_at',
        ],
    ) }}

),

renamed as (

    select
        -- ids
        session_id || ':' || transfer_index as session_transfer_id,
        session_id,
        transfer_index,
        transfer.id as transfer_id,
        {{ blank_as_null('transfer.from_agent.id') }} as from_agent_id,
        {{ blank_as_null('transfer.to_agent.id') }} as to_agent_id,
        {{ blank_as_null('transfer.from_virtual_agent.id') }} as from_virtual_agent_id,
        {{ blank_as_null('transfer.to_virtual_agent.id') }} as to_virtual_agent_id,
        {{ blank_as_null(list_element(split_text(coalesce_text([
            'transfer.from_menu.materialized_path', 'transfer.from_menu_path.materialized_path'
        ]), '/'), -1)) }} as from_queue_id,
        {{ blank_as_null(list_element(split_text(coalesce_text([
            'transfer.to_menu.materialized_path', 'transfer.to_menu_path.materialized_path'
        ]), '/'), -1)) }} as to_queue_id,

        -- dimensions
        transfer.status as transfer_status,
        transfer.fail_reason,
        transfer.deflection,
        transfer.from_agent.name as from_agent_name,
        transfer.to_agent.name as to_agent_name,
        transfer.from_virtual_agent.name as from_virtual_agent_name,
        transfer.to_virtual_agent.name as to_virtual_agent_name,
        coalesce(transfer.from_menu.name, transfer.from_menu_path.name) as from_menu_name,
        coalesce(transfer.to_menu.name, transfer.to_menu_path.name) as to_menu_name,
        coalesce(
            transfer.to_menu.materialized_path, transfer.to_menu_path.materialized_path
        ) as to_menu_path,

        -- timestamps (UTC)
        {{ utc_timestamp('transfer.created_at') }} as created_at,
        -- when the transfer happened: its creation, else its assignment or connection
        {{ utc_timestamp([
            'transfer.created_at', 'transfer.assigned_at', 'transfer.connected_at'
        ]) }} as transferred_at,
        {{ utc_timestamp('transfer.assigned_at') }} as assigned_at,
        {{ utc_timestamp('transfer.connected_at') }} as connected_at,

        -- lineage
        loaded_at

    from transfers

)

select * from renamed
