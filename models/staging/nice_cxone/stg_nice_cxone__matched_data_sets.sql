-- One row per NICE CXone segment and dataset it belongs to: `matchedDataSetIds` (datasets
-- whose criteria include the segment) and `matchedAccountDataSetIds` (their account-level
-- counterparts), told apart by `data_set_scope`.

{{ config(
    incremental_scope={'from': 'base_nice_cxone__segments', 'key': 'segment_id'},
) }}

with

base as (

    select * from {{ ref('base_nice_cxone__segments') }}
    where quarantine_reason is null and {{ in_incremental_scope() }}

),

data_sets as (

    {{ unnest_with_index(
        'base',
        json_text_list('segment.matchedDataSetIds'),
        'data_set_id',
        none,
        columns=['segment_id', 'loaded_at', "'data_set' as data_set_scope"],
    ) }}
    union all
    {{ unnest_with_index(
        'base',
        json_text_list('segment.matchedAccountDataSetIds'),
        'data_set_id',
        none,
        columns=['segment_id', 'loaded_at', "'account_data_set' as data_set_scope"],
    ) }}

),

renamed as (

    select distinct
        -- ids
        segment_id || ':' || data_set_scope || ':' || data_set_id as segment_data_set_id,
        segment_id,
        data_set_id,

        -- dimensions
        data_set_scope,

        -- lineage
        loaded_at

    from data_sets

)

select * from renamed
