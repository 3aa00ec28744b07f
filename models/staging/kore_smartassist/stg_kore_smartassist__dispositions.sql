-- One row per disposition code or disposition remark of a SmartAssist session, in the order
-- the agent gave them (`kind` tells which).

{{ config(incremental_scope={'from': 'base_kore_smartassist__sessions', 'key': 'session_id'}) }}

with

base as (

    select * from {{ ref('base_kore_smartassist__sessions') }}
    where quarantine_reason is null and {{ in_incremental_scope() }}

),

items as (

    {{ unnest_with_index(
        'base',
        'smartassist_session.dispositions',
        'item_value',
        'item_index',
        columns=[
            'session_id',
            'loaded_at',
            "'code' as kind",
        ],
    ) }}
    union all
    {{ unnest_with_index(
        'base',
        'smartassist_session.dispositionRemarks',
        'item_value',
        'item_index',
        columns=[
            'session_id',
            'loaded_at',
            "'remark' as kind",
        ],
    ) }}

),

renamed as (

    select
        session_id || ':' || kind || ':' || item_index as session_disposition_id,
        session_id,
        kind,
        item_index,
        trim(item_value) as disposition_text,

        -- lineage
        loaded_at

    from items

)

select * from renamed
