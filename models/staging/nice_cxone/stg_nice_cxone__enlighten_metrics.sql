-- One row per NICE CXone segment and Enlighten behavioral metric. A tenant without Enlighten
-- exports placeholder metrics whose every value is null; those carry nothing and are left out
-- (stg_nice_cxone__segments.enlighten_metric_count is 0 for such segments).

{{ config(
    incremental_scope={'from': 'base_nice_cxone__segments', 'key': 'segment_id'},
) }}

with

base as (

    select * from {{ ref('base_nice_cxone__segments') }}
    where quarantine_reason is null and {{ in_incremental_scope() }}

),

metrics as (

    {{ unnest_with_index(
        'base',
        'segment.enlightenMetrics',
        'metric',
        'metric_index',
        columns=[
            'segment_id',
            'loaded_at',
        ],
    ) }}

),

renamed as (

    select
        -- ids
        segment_id || ':' || metric_index as segment_enlighten_metric_id,
        segment_id,
        metric_index,

        -- dimensions
        metric.behaviorName as behavior_name,
        -- a list of package models, or a single model name
        {{ json_text_list('metric.enlightenPackageModels') }} as enlighten_package_models,

        -- measures
        metric.rawScore as raw_score,
        metric.indexScore as index_score,

        -- lineage
        loaded_at

    from metrics
    where
        metric.behaviorName is not null
        or metric.rawScore is not null
        or metric.indexScore is not null

)

select * from renamed
