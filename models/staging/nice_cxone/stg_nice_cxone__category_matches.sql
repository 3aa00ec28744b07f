-- One row per NICE CXone segment, category match and dataset: the export repeats a category
-- match for each dataset it is used in and lists the dataset ids; both are flattened here. A
-- match that lists no dataset keeps one row with a NULL dataset id.

{{ config(
    incremental_scope={'from': 'base_nice_cxone__segments', 'key': 'segment_id'},
) }}

with

base as (

    select * from {{ ref('base_nice_cxone__segments') }}
    where quarantine_reason is null and {{ in_incremental_scope() }}

),

matches as (

    {{ unnest_with_index(
        'base',
        'segment.categoryMatches',
        'category_match',
        'category_match_index',
        columns=[
            'segment_id',
            'loaded_at',
        ],
    ) }}

),

-- one dataset id or a list of them; a match listed without any is kept once
per_data_set as (

    {{ unnest_with_index(
        'matches',
        list_or_null_item(json_text_list('category_match.dataSetIds')),
        'data_set_id',
        none,
        columns=['segment_id', 'category_match_index', 'category_match', 'loaded_at'],
    ) }}

),

renamed as (

    select
        -- ids
        segment_id || ':' || category_match_index || ':' || coalesce(data_set_id, '')
            as segment_category_match_id,
        segment_id,
        category_match_index,
        data_set_id,

        -- dimensions
        upper(category_match.channelName) as channel_name,
        category_match.fullPath as category_path,
        {{ list_element(split_text('category_match.fullPath', '/'), 1) }} as top_category,
        {{ list_element(split_text('category_match.fullPath', '/'), -1) }} as category_name,

        -- lineage
        loaded_at

    from per_data_set

)

select * from renamed
