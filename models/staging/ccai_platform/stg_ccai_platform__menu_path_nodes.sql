-- One row per node of a CCAI Platform session's materialized menu path (`2420/4563/6205`):
-- each node is a queue (menu) id, from the root (depth 0) to the selected leaf.

{{ config(incremental_scope={'from': 'base_ccai_platform__sessions', 'key': 'session_id'}) }}

with

base as (

    select * from {{ ref('base_ccai_platform__sessions') }}
    where quarantine_reason is null and {{ in_incremental_scope() }}

),

paths as (

    select
        session_id,
        loaded_at,
        ccai_session.menu_path.materialized_path as menu_path
    from base
    where ccai_session.menu_path.materialized_path is not null

),

nodes as (

    {{ unnest_with_index(
        'paths',
        split_text('menu_path', '/'),
        'queue_id',
        'node_depth',
        columns=[
            'session_id',
            'loaded_at',
            list_length(split_text('menu_path', '/')) ~ ' as node_count',
        ],
    ) }}

),

renamed as (

    select
        session_id || ':' || node_depth as menu_path_node_id,
        session_id,
        node_depth as path_depth,
        queue_id,
        node_depth = node_count - 1 as is_leaf,

        -- lineage
        loaded_at

    from nodes

)

select * from renamed
