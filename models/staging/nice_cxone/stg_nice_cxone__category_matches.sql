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

    select
        segment_id,
        loaded_at,
        unnest(segment.categoryMatches) as category_match,
        generate_subscripts(segment.categoryMatches, 1) - 1 as category_match_index
    from base

),

per_data_set as (

    select
        segment_id,
        category_match_index,
        category_match,
        loaded_at,
        -- one dataset id or a list of them; a match listed without any is kept once
        unnest(
            coalesce(
                nullif({{ json_text_list('category_match.dataSetIds') }}, []),
                [null]
            )
        ) as data_set_id
    from matches

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
        string_split(category_match.fullPath, '/')[1] as top_category,
        string_split(category_match.fullPath, '/')[-1] as category_name,

        -- lineage
        loaded_at

    from per_data_set

)

select * from renamed
