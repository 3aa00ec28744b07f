-- One row per disposition code or disposition remark of a SmartAssist session, in the order
-- the agent gave them (`kind` tells which).

{{ config(incremental_scope={'from': 'base_kore_smartassist__sessions', 'key': 'session_id'}) }}

with

base as (

    select * from {{ ref('base_kore_smartassist__sessions') }}
    where quarantine_reason is null and {{ in_incremental_scope() }}

),

items as (

    select
        session_id,
        loaded_at,
        'code' as kind,
        unnest(smartassist_session.dispositions) as item_value,
        generate_subscripts(smartassist_session.dispositions, 1) - 1 as item_index
    from base
    union all
    select
        session_id,
        loaded_at,
        'remark' as kind,
        unnest(smartassist_session.dispositionRemarks) as item_value,
        generate_subscripts(smartassist_session.dispositionRemarks, 1) - 1 as item_index
    from base

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
