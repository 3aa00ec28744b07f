-- One row per transfer of a CCAI Platform session, in order: from which agent, menu (queue) or
-- virtual agent to which. Menus arrive as `from_menu` / `to_menu` (schema example) or
-- `from_menu_path` / `to_menu_path` (API objects); both are read.

with

base as (

    select * from {{ ref('base_ccai_platform__sessions') }}

),

transfers as (

    select
        session_id,
        unnest(ccai_session.transfers) as transfer,
        generate_subscripts(ccai_session.transfers, 1) - 1 as transfer_index
    from base

),

renamed as (

    select
        -- ids
        session_id || ':' || transfer_index as session_transfer_id,
        session_id,
        transfer_index,
        transfer.id as transfer_id,
        transfer.from_agent.id as from_agent_id,
        transfer.to_agent.id as to_agent_id,
        transfer.from_virtual_agent.id as from_virtual_agent_id,
        transfer.to_virtual_agent.id as to_virtual_agent_id,
        string_split(
            coalesce(
                transfer.from_menu.materialized_path, transfer.from_menu_path.materialized_path
            ),
            '/'
        )[-1] as from_queue_id,
        string_split(
            coalesce(transfer.to_menu.materialized_path, transfer.to_menu_path.materialized_path),
            '/'
        )[-1] as to_queue_id,

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
        {{ utc_timestamp('transfer.assigned_at') }} as assigned_at,
        {{ utc_timestamp('transfer.connected_at') }} as connected_at

    from transfers

)

select * from renamed
